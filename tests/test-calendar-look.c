/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-block-look.h"
#include "sp-calendar-grid.h"
#include "sp-day-view.h"
#include "sp-test-core.h"
#include "sp-test-ui.h"
#include "sp-window.h"

/* How the Month and Week grids draw blocks, read from their pixels: a
 * review apart from learning, a skipped block readable in high contrast;
 * and the selected day's name with each block's times (issue 13, points
 * 12 and 15). */

typedef struct
{
  SpApplication  *app;
  SpWindow       *window;
  SpPlanner      *planner;
  SpCalendarGrid *month;
  SpCalendarGrid *week;
} Ui;

typedef struct
{
  guchar *data;
  gsize   stride;
  int     width;
  int     height;
} Pixels;

static void
ui_start (Ui *ui)
{
  sp_test_ui_reset_state ();
  memset (ui, 0, sizeof *ui);
  ui->app = sp_test_ui_start_app ();
  ui->window = SP_WINDOW (sp_test_ui_get_window (ui->app));
  ui->planner = sp_application_get_planner (ui->app);
  ui->month = SP_CALENDAR_GRID (sp_test_ui_find_grid (GTK_WIDGET (ui->window), SP_CALENDAR_SPAN_MONTH));
  ui->week = SP_CALENDAR_GRID (sp_test_ui_find_grid (GTK_WIDGET (ui->window), SP_CALENDAR_SPAN_WEEK));
}

static void
ui_stop (Ui *ui)
{
  sp_test_ui_stop_app (ui->app);
  memset (ui, 0, sizeof *ui);
}

static void
show (Ui         *ui,
      const char *view,
      guint32     day)
{
  sp_window_set_selected_day (ui->window, day);
  sp_window_set_view (ui->window, view);
  /* Past the switcher's transition */
  sp_test_ui_wait (500);
}

/* What a test read, saved beside it to look at */
static void
save_window (Ui         *ui,
             const char *view,
             const char *what)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *name = g_strdup_printf ("look-%s-%s%s%s", view, what, adw_style_manager_get_dark (style) ? "-dark" : "",
                                           adw_style_manager_get_high_contrast (style) ? "-hc" : "");

  sp_test_ui_save_png (GTK_WIDGET (ui->window), name);
}

static void
pixels_init (Pixels    *pixels,
             GtkWidget *widget)
{
  g_autoptr(GdkTexture) texture = sp_test_ui_render (widget);

  pixels->width = gdk_texture_get_width (texture);
  pixels->height = gdk_texture_get_height (texture);
  pixels->stride = (gsize) pixels->width * 4;
  pixels->data = g_malloc (pixels->stride * (gsize) pixels->height);
  gdk_texture_download (texture, pixels->data, pixels->stride);
}

static void
pixels_clear (Pixels *pixels)
{
  g_clear_pointer (&pixels->data, g_free);
}

/* Cairo's ARGB32 in the machine's byte order; the grid is opaque */
static guint32
pixel_at (const Pixels *pixels,
          int           x,
          int           y)
{
  guint32 value;

  g_assert_true (x >= 0 && x < pixels->width && y >= 0 && y < pixels->height);
  memcpy (&value, pixels->data + (gsize) y * pixels->stride + (gsize) x * 4, sizeof value);
  return value;
}

static GdkRGBA
to_rgba (guint32 value)
{
  double alpha = (value >> 24) / 255.0;

  if (alpha == 0)
    return (GdkRGBA){ 0, 0, 0, 0 };
  return (GdkRGBA){ ((value >> 16) & 0xff) / 255.0 / alpha, ((value >> 8) & 0xff) / 255.0 / alpha,
                    (value & 0xff) / 255.0 / alpha, 1 };
}

/* The share of the commonest colour along a row of pixels, and how many
 * colours cover at least a sixth of it */
static double
row_dominance (const Pixels *pixels,
               int           x0,
               int           x1,
               int           y,
               guint        *n_common)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer       key, value;
  guint          best = 0, n = (guint) (x1 - x0);

  g_assert_cmpint (x1 - x0, >=, 20);
  for (int x = x0; x < x1; x++)
    {
      gpointer pixel = GUINT_TO_POINTER (pixel_at (pixels, x, y));

      g_hash_table_insert (counts, pixel, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, pixel)) + 1));
    }
  *n_common = 0;
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      best = MAX (best, GPOINTER_TO_UINT (value));
      if (GPOINTER_TO_UINT (value) * 6 >= n)
        (*n_common)++;
    }
  return (double) best / n;
}

/* WCAG 2's relative luminance and contrast ratio */
static double
luminance (const GdkRGBA *color)
{
  double c[3] = { color->red, color->green, color->blue };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static GdkRGBA
over (const GdkRGBA *top,
      const GdkRGBA *bottom)
{
  double a = top->alpha;

  return (GdkRGBA){ top->red * a + bottom->red * (1 - a), top->green * a + bottom->green * (1 - a),
                    top->blue * a + bottom->blue * (1 - a), 1 };
}

/* The first day from the first block on with a review */
static guint32
first_review_day (SpPlanner *planner)
{
  SpSchedule *schedule = sp_planner_get_schedule (planner);

  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    if (sp_schedule_get_block (schedule, i)->kind == SP_BLOCK_KIND_REVIEW)
      return sp_schedule_get_block (schedule, i)->day;
  g_assert_not_reached ();
}

/* The first block shown whole of @kind, planned, in the grid's layout */
static const SpCalendarItem *
find_item (SpCalendarGrid *grid,
           SpBlockKind     kind)
{
  const SpCalendarLayout *layout = sp_calendar_grid_get_layout (grid);

  g_assert_nonnull (layout);
  for (guint i = 0; i < layout->items->len; i++)
    {
      const SpCalendarItem *item = sp_calendar_layout_get_item (layout, i);
      const SpBlock        *block = sp_schedule_get_block (layout->schedule, item->block);

      if (block->kind == kind && block->status == SP_BLOCK_STATUS_PLANNED && item->rect.width > 60)
        return item;
    }
  return NULL;
}

/* Where a block's background shows alone: in a week, the bottom of the
 * block, under its text; in a month, the top row of its line */
static int
plain_row (SpCalendarGrid       *grid,
           const SpCalendarItem *item)
{
  const SpCalendarLayout *layout = sp_calendar_grid_get_layout (grid);

  if (layout->span == SP_CALENDAR_SPAN_WEEK)
    return (int) (item->rect.y + item->rect.height) - 3;
  return (int) item->rect.y + 1;
}

/* A review is striped and a learning block is one flat tint, in the
 * Month and the Week grids alike */
static void
test_review_apart (void)
{
  Ui          ui;
  const char *views[] = { "month", "week" };

  ui_start (&ui);
  /* A narrow month's squares for reviews, to look at */
  if (sp_test_ui_resize (GTK_WINDOW (ui.window), 360, 640))
    {
      show (&ui, "month", first_review_day (ui.planner));
      save_window (&ui, "month", "review-360x640");
    }
  g_assert_true (sp_test_ui_resize (GTK_WINDOW (ui.window), 1280, 800));
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      SpCalendarGrid       *grid = v == 0 ? ui.month : ui.week;
      const SpCalendarItem *review, *learn;
      Pixels                pixels;
      double                review_share, learn_share;
      guint                 review_colours, learn_colours;
      int                   x0, x1;

      show (&ui, views[v], first_review_day (ui.planner));
      review = find_item (grid, SP_BLOCK_KIND_REVIEW);
      learn = find_item (grid, SP_BLOCK_KIND_LEARN);
      g_assert_nonnull (review);
      g_assert_nonnull (learn);

      pixels_init (&pixels, GTK_WIDGET (grid));
      /* Past the level's bar, short of the rounded end */
      x0 = (int) review->rect.x + 8;
      x1 = (int) (review->rect.x + review->rect.width) - 6;
      review_share = row_dominance (&pixels, x0, x1, plain_row (grid, review), &review_colours);
      x0 = (int) learn->rect.x + 8;
      x1 = (int) (learn->rect.x + learn->rect.width) - 6;
      learn_share = row_dominance (&pixels, x0, x1, plain_row (grid, learn), &learn_colours);
      g_test_message ("%s: the commonest colour covers %.0f %% of a review's row (%u colours of a sixth or more), "
                      "%.0f %% of a learning block's (%u)",
                      views[v], review_share * 100, review_colours, learn_share * 100, learn_colours);
      g_assert_cmpfloat (learn_share, >=, 0.9);
      g_assert_cmpfloat (review_share, <=, 0.75);
      g_assert_cmpuint (review_colours, >=, 2);
      pixels_clear (&pixels);
      save_window (&ui, views[v], "review");
    }

  ui_stop (&ui);
}

/* High contrast as the accessibility setting turns it on (libadwaita reads
 * GNOME's setting when there is no portal); FALSE when it does not follow */
static gboolean
set_high_contrast (gboolean on)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface", TRUE);
  g_autoptr(GSettings) a11y = NULL;

  if (schema == NULL)
    return FALSE;
  a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_settings_set_boolean (a11y, "high-contrast", on);
  sp_test_ui_wait (100);
  return adw_style_manager_get_high_contrast (adw_style_manager_get_default ()) == on;
}

/* The text colour the style gives @widget */
static GdkRGBA
style_color (GtkWidget *widget)
{
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  return color;
}

/* The strongest ink in a box against @background */
static double
strongest_ink (const Pixels  *pixels,
               const GdkRGBA *background,
               int            x0,
               int            y0,
               int            x1,
               int            y1)
{
  double best = 1;

  for (int y = MAX (y0, 0); y < MIN (y1, pixels->height); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, pixels->width); x++)
      {
        GdkRGBA ink = to_rgba (pixel_at (pixels, x, y));

        best = MAX (best, contrast (&ink, background));
      }
  return best;
}

/* In high contrast, light and dark, a skipped block's text stands out of
 * its background at 4.5:1 at least (WCAG AA), in the Week grid and the
 * Day view: the style's text colour at the opacity the look gives it, and
 * the strongest ink drawn */
static void
test_skipped_high_contrast (void)
{
  Ui                    ui;
  AdwStyleManager      *style = adw_style_manager_get_default ();
  SpSchedule           *schedule;
  const SpCalendarItem *item;
  g_autofree char      *id = NULL;
  guint32               day;
  g_autoptr(GError) error = NULL;

  ui_start (&ui);
  g_assert_true (sp_test_ui_resize (GTK_WINDOW (ui.window), 1280, 800));
  if (!set_high_contrast (TRUE))
    {
      g_test_skip ("libadwaita does not follow the high-contrast setting here");
      ui_stop (&ui);
      return;
    }

  show (&ui, "week", first_review_day (ui.planner));
  item = find_item (ui.week, SP_BLOCK_KIND_LEARN);
  g_assert_nonnull (item);
  schedule = sp_planner_get_schedule (ui.planner);
  id = g_strdup (sp_schedule_get_block (schedule, item->block)->id);
  day = sp_schedule_get_block (schedule, item->block)->day;
  g_assert_true (sp_planner_mark_block (ui.planner, id, SP_BLOCK_STATUS_SKIPPED, 0, &error));
  g_assert_no_error (error);

  for (guint dark = 0; dark < 2; dark++)
    {
      const SpCalendarLayout *layout;
      const SpBlock          *block;
      SpBlockLook             look;
      Pixels                  pixels;
      GdkRGBA                 background, text, fg;
      GtkWidget              *row, *title;
      graphene_rect_t         bounds;
      double                  ratio, ink;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      show (&ui, "week", day);
      layout = sp_calendar_grid_get_layout (ui.week);
      item = sp_calendar_layout_find_block (layout, id);
      g_assert_nonnull (item);
      block = sp_schedule_get_block (layout->schedule, item->block);
      g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_SKIPPED);

      pixels_init (&pixels, GTK_WIDGET (ui.week));
      background = to_rgba (pixel_at (&pixels, (int) (item->rect.x + item->rect.width / 2), plain_row (ui.week, item)));
      sp_block_look_init (&look, block, TRUE);
      fg = style_color (GTK_WIDGET (ui.week));
      fg.alpha *= look.text_alpha;
      text = over (&fg, &background);
      ratio = contrast (&text, &background);
      ink = strongest_ink (&pixels, &background, (int) item->rect.x + 8, (int) item->rect.y + 2,
                           (int) (item->rect.x + item->rect.width) - 2, (int) item->rect.y + 24);
      g_test_message ("week, %s high contrast: skipped text %.1f:1 by the style, strongest ink %.1f:1",
                      dark ? "dark" : "light", ratio, ink);
      g_assert_cmpfloat (ratio, >=, 4.5);
      g_assert_cmpfloat (ink, >=, 4.5);
      /* Drawn at the style's own strength, not faded */
      fg = style_color (GTK_WIDGET (ui.week));
      fg = over (&fg, &background);
      g_assert_cmpfloat (ink, >=, 0.9 * contrast (&fg, &background));
      pixels_clear (&pixels);
      save_window (&ui, "week", "skipped");

      /* The Day view's row of it */
      show (&ui, "day", day);
      row = sp_day_view_get_block_row (SP_DAY_VIEW (sp_test_ui_find_by_type (GTK_WIDGET (ui.window), SP_TYPE_DAY_VIEW)),
                                       id);
      g_assert_nonnull (row);
      g_assert_true (gtk_widget_has_css_class (row, "block-skipped"));
      title = sp_test_ui_find_by_type (row, GTK_TYPE_LABEL);
      while (title != NULL && !gtk_widget_has_css_class (title, "heading"))
        title = gtk_widget_get_next_sibling (title);
      g_assert_nonnull (title);
      /* The row draws on the list's background: read it in the window */
      g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (ui.window), &bounds));
      pixels_init (&pixels, GTK_WIDGET (ui.window));
      background = to_rgba (pixel_at (&pixels, (int) bounds.origin.x + 4,
                                      (int) (bounds.origin.y + bounds.size.height / 2)));
      fg = style_color (title);
      fg.alpha *= gtk_widget_get_opacity (title);
      text = over (&fg, &background);
      ratio = contrast (&text, &background);
      g_test_message ("day, %s high contrast: skipped title %.1f:1 by the style", dark ? "dark" : "light", ratio);
      g_assert_cmpfloat (ratio, >=, 4.5);
      pixels_clear (&pixels);
      save_window (&ui, "day", "skipped");
      show (&ui, "month", day);
      save_window (&ui, "month", "skipped");
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_true (set_high_contrast (FALSE));
  ui_stop (&ui);
}

/* The selected day's name lists its blocks with their times, topic, kind
 * and state, in the Month and Week grids, and follows a mark */
static void
test_selected_day_name (void)
{
  Ui          ui;
  SpSchedule *schedule;
  guint32     day;
  guint       first, n;
  g_autoptr(GError) error = NULL;

  ui_start (&ui);
  g_assert_true (sp_test_ui_resize (GTK_WINDOW (ui.window), 1280, 800));
  day = first_review_day (ui.planner);
  schedule = sp_planner_get_schedule (ui.planner);
  g_assert_cmpuint (sp_schedule_get_day_blocks (schedule, day, &first), >, 0);
  g_assert_true (sp_planner_mark_block (ui.planner, sp_schedule_get_block (schedule, first)->id,
                                        SP_BLOCK_STATUS_DONE, 0, &error));
  g_assert_no_error (error);

  for (guint v = 0; v < 2; v++)
    {
      SpCalendarGrid *grid = v == 0 ? ui.month : ui.week;
      const char     *name;

      show (&ui, v == 0 ? "month" : "week", day);
      name = sp_calendar_grid_get_description (grid);
      g_assert_nonnull (name);
      schedule = sp_planner_get_schedule (ui.planner);
      n = sp_schedule_get_day_blocks (schedule, day, &first);
      g_assert_cmpuint (n, >, 0);
      g_test_message ("%s: %s", v == 0 ? "month" : "week", name);
      for (guint i = first; i < first + n; i++)
        {
          const SpBlock   *block = sp_schedule_get_block (schedule, i);
          g_autofree char *range = sp_calendar_format_time_range (block);
          g_autofree char *brief = sp_calendar_describe_block_brief (block);

          g_assert_nonnull (strstr (brief, range));
          g_assert_nonnull (strstr (brief, sp_topic_get_title (block->topic)));
          g_assert_nonnull (strstr (name, brief));
        }
      /* Marked done, and said so */
      g_assert_cmpint (sp_schedule_get_block (schedule, first)->status, ==, SP_BLOCK_STATUS_DONE);
    }
  ui_stop (&ui);
}

/* The Day view's line on the first block of a level has its edge in the
 * level's color, as the day's own line has */
static void
test_level_start_color (void)
{
  Ui          ui;
  SpSchedule *schedule;
  guint       n_starts = 0;

  ui_start (&ui);
  schedule = sp_planner_get_schedule (ui.planner);
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock   *block = sp_schedule_get_block (schedule, i);
      g_autofree char *level = NULL;
      g_autofree char *id = NULL;
      GtkWidget       *row, *line;

      if (!block->level_start)
        continue;
      level = g_strdup_printf ("level-%u", MIN (block->level + 1, 6));
      id = g_strdup (block->id);
      show (&ui, "day", block->day);
      row = sp_day_view_get_block_row (SP_DAY_VIEW (sp_test_ui_find_by_type (GTK_WIDGET (ui.window), SP_TYPE_DAY_VIEW)),
                                       id);
      g_assert_nonnull (row);
      line = sp_test_ui_find_by_css_class (row, "level-start");
      g_assert_nonnull (line);
      g_assert_true (gtk_widget_has_css_class (line, level));
      n_starts++;
      /* Showing a day may have made the schedule again */
      schedule = sp_planner_get_schedule (ui.planner);
    }
  /* The bundled path's three levels */
  g_assert_cmpuint (n_starts, ==, 3);
  ui_stop (&ui);
}

int
main (int   argc,
      char *argv[])
{
  sp_test_ui_init (&argc, &argv);
  /* GNOME's own window buttons, the close button alone, as at 360 px */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_add_func ("/calendar-look/review-apart", test_review_apart);
  g_test_add_func ("/calendar-look/skipped-high-contrast", test_skipped_high_contrast);
  g_test_add_func ("/calendar-look/selected-day-name", test_selected_day_name);
  g_test_add_func ("/calendar-look/level-start-color", test_level_start_color);

  return g_test_run ();
}
