/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-calendar-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <math.h>
#include <string.h>

#include "sp-block-popover.h"
#include "sp-calendar-grid.h"

/* The Month and Week views: one widget that draws a layout from
 * sp-calendar-layout with GtkSnapshot, so a month of dense days is a few
 * hundred render nodes and no child widgets. Blocks are coloured by level
 * and also carry the level's number, a status sign and a bar pattern, so
 * colour is never the only cue. A selected day moves with the arrow keys;
 * Enter opens it in the Day view; a block opens its details on click and
 * moves by drag and drop. */

#define DROP_PREFIX    "study-planner-block:"
#define DROP_STEP      15
#define N_LEVEL_COLORS 6

struct _SpCalendarGrid
{
  GtkWidget          parent_instance;

  SpPlanner         *planner;
  SpCalendarSpan     span;
  guint32            selected_day;
  guint              first_weekday;

  SpCalendarLayout  *layout;
  SpCalendarMetrics  metrics;
  double             line_height;
  double             small_height;
  int                layout_width;
  int                layout_height;
  char              *description;
  SpBlockPopover    *popover;

  char              *drag_block;
  guint              drag_offset;   /* minutes from the block's start to where it was grabbed */
  guint              drag_minutes;
  gboolean           drop_active;
  guint32            drop_day;
  guint              drop_minute;

  guint              clock_id;

  /* Made on the first frame and kept until the style or the fonts change */
  struct _Paint     *paint;
  gboolean           fonts_measured;
};

G_DEFINE_FINAL_TYPE (SpCalendarGrid, sp_calendar_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLANNER,
  PROP_SPAN,
  PROP_SELECTED_DAY,
  N_PROPS
};

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct _Paint
{
  GdkRGBA fg;
  GdkRGBA accent_bg;
  GdkRGBA accent_fg;
  GdkRGBA accent;
  GdkRGBA now;
  GdkRGBA levels[N_LEVEL_COLORS];
  gboolean high_contrast;
  PangoLayout *text;
  PangoLayout *small;
  PangoLayout *bold;
  PangoLayout *badge;
  GskRenderNode *badges[N_LEVEL_COLORS]; /* the level numbers, drawn once */
  double badge_size;
} Paint;

/**
 * sp_calendar_get_locale_first_weekday:
 *
 * Returns: the weekday weeks start on in the user's locale, 0 for Monday
 *   to 6 for Sunday, found the way GtkCalendar finds it
 */
guint
sp_calendar_get_locale_first_weekday (void)
{
  union { unsigned int word; char *string; } langinfo;
  guint week_1stday = 0; /* Sunday */
  guint first_weekday;
  guint week_origin;
  guint sunday_based;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = (guchar) langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  week_origin = langinfo.word;
  if (week_origin == 19971201)
    week_1stday = 1;
  else if (week_origin != 19971130)
    g_debug ("Unknown value of _NL_TIME_WEEK_1STDAY: %u", week_origin);

  if (first_weekday < 1 || first_weekday > 7)
    first_weekday = 1;
  sunday_based = (week_1stday + first_weekday - 1) % 7;
  return (sunday_based + 6) % 7;
}

static void
rgba_init (GdkRGBA *color,
           double   r,
           double   g,
           double   b)
{
  *color = (GdkRGBA) { r, g, b, 1 };
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  return (GdkRGBA) { color->red, color->green, color->blue, color->alpha * alpha };
}

static PangoLayout *
new_text_layout (SpCalendarGrid *self,
                 double          scale,
                 PangoWeight     weight)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));

  if (scale != 1.0)
    {
      int size = pango_font_description_get_size (font);

      if (pango_font_description_get_size_is_absolute (font))
        pango_font_description_set_absolute_size (font, size * scale);
      else
        pango_font_description_set_size (font, (int) (size * scale));
    }
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_font_description_free (font);
  return layout;
}

/* Colours come from the theme, so light, dark and high contrast follow;
 * level colours from the app's style.css, the same as everywhere else. */
static void
paint_init (SpCalendarGrid *self,
            Paint          *paint)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  static const char *fallback_levels[N_LEVEL_COLORS] = {
    "#3584e4", "#2ec27e", "#9141ac", "#e66100", "#c01c28", "#865e3c",
  };

  gtk_style_context_get_color (context, &paint->fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &paint->accent_bg))
    rgba_init (&paint->accent_bg, 0.21, 0.52, 0.89);
  if (!gtk_style_context_lookup_color (context, "accent_fg_color", &paint->accent_fg))
    rgba_init (&paint->accent_fg, 1, 1, 1);
  if (!gtk_style_context_lookup_color (context, "accent_color", &paint->accent))
    paint->accent = paint->accent_bg;
  if (!gtk_style_context_lookup_color (context, "destructive_color", &paint->now))
    rgba_init (&paint->now, 0.88, 0.11, 0.14);
  for (guint i = 0; i < N_LEVEL_COLORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("level_%u_color", i + 1);

      if (!gtk_style_context_lookup_color (context, name, &paint->levels[i]))
        gdk_rgba_parse (&paint->levels[i], fallback_levels[i]);
    }
  paint->high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());

  paint->text = new_text_layout (self, 1.0, PANGO_WEIGHT_NORMAL);
  paint->small = new_text_layout (self, 0.83, PANGO_WEIGHT_NORMAL);
  paint->bold = new_text_layout (self, 1.0, PANGO_WEIGHT_BOLD);
  paint->badge = new_text_layout (self, 0.75, PANGO_WEIGHT_BOLD);
}

static void
paint_free (Paint *paint)
{
  g_clear_object (&paint->text);
  g_clear_object (&paint->small);
  g_clear_object (&paint->bold);
  g_clear_object (&paint->badge);
  for (guint i = 0; i < N_LEVEL_COLORS; i++)
    g_clear_pointer (&paint->badges[i], gsk_render_node_unref);
  g_free (paint);
}

static const Paint *
ensure_paint (SpCalendarGrid *self)
{
  if (self->paint == NULL)
    {
      self->paint = g_new0 (Paint, 1);
      paint_init (self, self->paint);
    }
  return self->paint;
}

static gboolean measure_fonts (SpCalendarGrid *self);

/* Colours, fonts or text size may have changed: colours are picked again,
 * and the grid is laid out again only when the text takes other room */
static void
forget_style (SpCalendarGrid *self)
{
  g_clear_pointer (&self->paint, paint_free);
  self->fonts_measured = FALSE;
  if (measure_fonts (self))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const GdkRGBA *
level_color (const Paint *paint,
             guint        level)
{
  return &paint->levels[level % N_LEVEL_COLORS];
}

/* Lines and tints are the text colour made faint, so they invert with the
 * theme; high contrast makes them stronger. */
static GdkRGBA
faint (const Paint *paint,
       double       alpha)
{
  return with_alpha (&paint->fg, paint->high_contrast ? MIN (alpha * 3, 1) : alpha);
}

static int
text_width (PangoLayout *layout,
            const char  *text)
{
  int width;

  pango_layout_set_width (layout, -1);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/* Shaping text is most of the cost of a frame, and a calendar shows the
 * same few topic names, dates and hours again and again: each text is
 * drawn once per layout, width and colour, and its render node reused. */
#define TEXT_CACHE_KEY "sp-text-nodes"
#define TEXT_CACHE_MAX 4096

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           const char    *text,
           double         x,
           double         y,
           double         width,
           PangoAlignment alignment,
           const GdkRGBA *color)
{
  GHashTable *cache;
  GskRenderNode *node;
  g_autofree char *key = NULL;

  if (width < 1)
    return;

  cache = g_object_get_data (G_OBJECT (layout), TEXT_CACHE_KEY);
  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) gsk_render_node_unref);
      g_object_set_data_full (G_OBJECT (layout), TEXT_CACHE_KEY, cache, (GDestroyNotify) g_hash_table_unref);
    }
  key = g_strdup_printf ("%d %d %d %.3f %.3f %.3f %.3f %s", (int) width, alignment,
                         pango_layout_get_attributes (layout) != NULL,
                         color->red, color->green, color->blue, color->alpha, text);
  node = g_hash_table_lookup (cache, key);
  if (node == NULL)
    {
      GtkSnapshot *drawing = gtk_snapshot_new ();

      pango_layout_set_text (layout, text, -1);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_alignment (layout, alignment);
      gtk_snapshot_append_layout (drawing, layout, color);
      node = gtk_snapshot_free_to_node (drawing);
      if (node == NULL)
        return;
      if (g_hash_table_size (cache) >= TEXT_CACHE_MAX)
        g_hash_table_remove_all (cache);
      g_hash_table_insert (cache, g_steal_pointer (&key), node);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

static graphene_rect_t
to_graphene (const SpRect *rect)
{
  return GRAPHENE_RECT_INIT ((float) rect->x, (float) rect->y, (float) rect->width, (float) rect->height);
}

static void
fill_rect (GtkSnapshot   *snapshot,
           const SpRect  *rect,
           const GdkRGBA *color)
{
  graphene_rect_t bounds = to_graphene (rect);

  gtk_snapshot_append_color (snapshot, color, &bounds);
}

static void
outline_rect (GtkSnapshot   *snapshot,
              const SpRect  *rect,
              double         radius,
              double         width,
              const GdkRGBA *color)
{
  GskRoundedRect outline;
  graphene_rect_t bounds = to_graphene (rect);
  float w = (float) width;
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, &bounds, (float) radius);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { w, w, w, w }, colors);
}

/* Diagonal stripes for days off: a pattern, not only a tint. */
static void
hatch_rect (GtkSnapshot   *snapshot,
            const SpRect  *rect,
            const GdkRGBA *color)
{
  GskColorStop stops[] = {
    { 0.0f, *color },
    { 0.35f, *color },
    { 0.35f, { 0, 0, 0, 0 } },
    { 1.0f, { 0, 0, 0, 0 } },
  };
  graphene_rect_t bounds = to_graphene (rect);

  gtk_snapshot_append_repeating_linear_gradient (snapshot, &bounds,
                                                 &GRAPHENE_POINT_INIT (bounds.origin.x, bounds.origin.y),
                                                 &GRAPHENE_POINT_INIT (bounds.origin.x + 7, bounds.origin.y + 7),
                                                 stops, G_N_ELEMENTS (stops));
}

/* The bar at a block's start edge has one pattern per level: solid,
 * dashed, double; with the level number this tells levels apart without
 * colour. */
static void
draw_level_bar (GtkSnapshot   *snapshot,
                guint          level,
                const SpRect  *bar,
                const GdkRGBA *color)
{
  switch (level % 3)
    {
    case 0:
      fill_rect (snapshot, bar, color);
      break;
    case 1:
      for (double y = bar->y; y < bar->y + bar->height; y += 6)
        fill_rect (snapshot, &(SpRect) { bar->x, y, bar->width, MIN (4, bar->y + bar->height - y) }, color);
      break;
    default:
      fill_rect (snapshot, &(SpRect) { bar->x, bar->y, bar->width * 0.4, bar->height }, color);
      fill_rect (snapshot, &(SpRect) { bar->x + bar->width * 0.7, bar->y, bar->width * 0.3, bar->height }, color);
      break;
    }
}

static const char *
status_sign (const SpBlock *block)
{
  switch (block->status)
    {
    case SP_BLOCK_STATUS_DONE:
      return "✓";
    case SP_BLOCK_STATUS_PARTIAL:
      return "◐";
    case SP_BLOCK_STATUS_SKIPPED:
      return "✗";
    case SP_BLOCK_STATUS_PLANNED:
    default:
      return NULL;
    }
}

/* A small rounded badge with the level's number, as .level-badge in CSS;
 * each level's is drawn once and reused. */
static double
draw_badge (GtkSnapshot *snapshot,
            const Paint *paint,
            guint        level,
            double       x,
            double       y,
            double       height)
{
  Paint *cache = (Paint *) paint;
  double size = MAX (height, 8);
  guint index = level % N_LEVEL_COLORS;

  if (cache->badge_size != size)
    {
      for (guint i = 0; i < N_LEVEL_COLORS; i++)
        g_clear_pointer (&cache->badges[i], gsk_render_node_unref);
      cache->badge_size = size;
    }
  if (cache->badges[index] == NULL)
    {
      GtkSnapshot *badge = gtk_snapshot_new ();
      g_autofree char *number = g_strdup_printf ("%u", level + 1);
      GskRoundedRect round;
      int text_height;
      static const GdkRGBA white = { 1, 1, 1, 1 };

      gsk_rounded_rect_init_from_rect (&round, &GRAPHENE_RECT_INIT (0, 0, (float) size, (float) size), (float) size / 2);
      gtk_snapshot_push_rounded_clip (badge, &round);
      gtk_snapshot_append_color (badge, level_color (paint, level), &round.bounds);
      gtk_snapshot_pop (badge);
      pango_layout_set_text (paint->badge, number, -1);
      pango_layout_set_width (paint->badge, -1);
      pango_layout_get_pixel_size (paint->badge, NULL, &text_height);
      draw_text (badge, paint->badge, number, 0, (size - text_height) / 2, size, PANGO_ALIGN_CENTER, &white);
      cache->badges[index] = gtk_snapshot_free_to_node (badge);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_node (snapshot, cache->badges[index]);
  gtk_snapshot_restore (snapshot);
  return size;
}

static void
draw_block (SpCalendarGrid *self,
            GtkSnapshot    *snapshot,
            const Paint    *paint,
            const SpBlock  *block,
            const SpRect   *rect,
            gboolean        ghost)
{
  const GdkRGBA *color = level_color (paint, block->level);
  gboolean week = self->span == SP_CALENDAR_SPAN_WEEK;
  double alpha, bar_width = week ? 5 : 4, x, y, badge;
  GskRoundedRect round;
  graphene_rect_t bounds = to_graphene (rect);
  GdkRGBA tint, text_color = paint->fg;
  g_autoptr(GString) title = g_string_new (NULL);
  const char *sign = status_sign (block);
  PangoAttrList *attrs = NULL;

  switch (block->status)
    {
    case SP_BLOCK_STATUS_DONE:
      alpha = 0.42;
      break;
    case SP_BLOCK_STATUS_PARTIAL:
      alpha = 0.30;
      break;
    case SP_BLOCK_STATUS_SKIPPED:
      alpha = 0.08;
      text_color = with_alpha (&paint->fg, 0.7);
      break;
    case SP_BLOCK_STATUS_PLANNED:
    default:
      alpha = 0.20;
      break;
    }
  if (paint->high_contrast)
    alpha = MIN (alpha + 0.15, 0.6);
  tint = with_alpha (color, ghost ? 0.6 : alpha);

  gsk_rounded_rect_init_from_rect (&round, &bounds, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &round);
  gtk_snapshot_append_color (snapshot, &tint, &round.bounds);
  draw_level_bar (snapshot, block->level, &(SpRect) { rect->x, rect->y, bar_width, rect->height }, color);

  if (block->level_start)
    g_string_append (title, "▶ ");
  if (sign != NULL)
    {
      g_string_append (title, sign);
      g_string_append_c (title, ' ');
    }
  if (!week && rect->width > 16 * self->line_height)
    {
      g_autofree char *time = sp_format_time (block->start);
      g_string_append_printf (title, "%s ", time);
    }
  g_string_append (title, sp_topic_get_title (block->topic));

  x = rect->x + bar_width + 3;
  y = rect->y + (week ? 2 : (rect->height - self->line_height) / 2);
  badge = 0;
  if (rect->width > 60)
    badge = draw_badge (snapshot, paint, block->level, x, y + (self->line_height - self->small_height) / 2,
                        self->small_height) + 3;

  if (block->status == SP_BLOCK_STATUS_SKIPPED)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      pango_layout_set_attributes (paint->text, attrs);
    }
  draw_text (snapshot, paint->text, title->str, x + badge, y, rect->x + rect->width - x - badge - 2,
             PANGO_ALIGN_LEFT, &text_color);
  if (attrs != NULL)
    {
      pango_layout_set_attributes (paint->text, NULL);
      pango_attr_list_unref (attrs);
    }

  if (week && rect->height >= self->line_height + self->small_height + 4)
    {
      g_autofree char *range = sp_calendar_format_time_range (block);
      g_autofree char *detail = g_strdup_printf ("%s · %s", sp_block_kind_get_label (block->kind), range);
      GdkRGBA dim = with_alpha (&text_color, 0.8);

      draw_text (snapshot, paint->small, detail, x, y + self->line_height, rect->x + rect->width - x - 2,
                 PANGO_ALIGN_LEFT, &dim);
    }
  gtk_snapshot_pop (snapshot);

  /* Pinned blocks, placed by the user, are outlined */
  if (block->pinned || ghost)
    outline_rect (snapshot, rect, 4, ghost ? 2 : 1, ghost ? &paint->accent : color);
}

static SpSchedule *
get_schedule (SpCalendarGrid *self)
{
  return self->planner ? sp_planner_get_schedule (self->planner) : NULL;
}

static const SpAvailability *
get_availability (SpCalendarGrid *self)
{
  return self->planner ? sp_planner_get_availability (self->planner) : NULL;
}

/* Returns: whether the sizes changed */
static gboolean
measure_fonts (SpCalendarGrid *self)
{
  PangoLayout *layout, *small;
  int height, small_height, gutter;
  SpCalendarMetrics metrics = { 0 };

  if (self->fonts_measured)
    return FALSE;
  self->fonts_measured = TRUE;
  layout = new_text_layout (self, 1.0, PANGO_WEIGHT_NORMAL);
  small = new_text_layout (self, 0.83, PANGO_WEIGHT_NORMAL);

  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  pango_layout_set_text (small, "Ag", -1);
  pango_layout_get_pixel_size (small, NULL, &small_height);
  gutter = text_width (small, "00:00");
  g_object_unref (layout);
  g_object_unref (small);

  self->line_height = height;
  self->small_height = small_height;
  if (self->span == SP_CALENDAR_SPAN_MONTH)
    {
      metrics.header_height = height + 12;
      metrics.day_header_height = height + 8;
      metrics.item_height = height + 4;
      metrics.spacing = 3;
    }
  else
    {
      metrics.header_height = height + small_height + 14;
      metrics.time_gutter = gutter + 16;
      metrics.min_hour_height = height + 6;
      metrics.spacing = 4;
    }

  if (memcmp (&metrics, &self->metrics, sizeof metrics) == 0)
    return FALSE;
  self->metrics = metrics;
  g_clear_pointer (&self->layout, sp_calendar_layout_free);
  return TRUE;
}

static guint32
week_first_day (SpCalendarGrid *self)
{
  return sp_calendar_week_start (self->selected_day, self->first_weekday);
}

static const SpCalendarLayout *
ensure_layout (SpCalendarGrid *self)
{
  SpSchedule *schedule = get_schedule (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (schedule == NULL || self->selected_day == 0)
    return NULL;

  measure_fonts (self);
  if (self->layout != NULL && self->layout->schedule == schedule &&
      self->layout_width == width && self->layout_height == height)
    return self->layout;

  g_clear_pointer (&self->layout, sp_calendar_layout_free);
  self->layout_width = width;
  self->layout_height = height;
  if (self->span == SP_CALENDAR_SPAN_MONTH)
    self->layout = sp_calendar_layout_new_month (schedule, get_availability (self), self->selected_day,
                                                 self->first_weekday, width, height, &self->metrics);
  else
    self->layout = sp_calendar_layout_new_week (schedule, get_availability (self), week_first_day (self),
                                                SP_N_WEEKDAYS, width, height, &self->metrics);
  return self->layout;
}

static char *
format_weekday (guint32     day,
                const char *format)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
  return g_date_time_format (time, format);
}

static guint
day_of_month (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_day (&date);
}

/* "✓" for a day with everything done, "•" for some study: signs, not colour. */
static const char *
day_sign (const SpCalendarDay *cell)
{
  if (cell->flags & SP_CALENDAR_DAY_ALL_DONE)
    return "✓";
  if (cell->flags & SP_CALENDAR_DAY_SOME_DONE)
    return "•";
  return "";
}

static void
draw_level_start (GtkSnapshot         *snapshot,
                  const Paint         *paint,
                  const SpCalendarDay *cell,
                  const SpRect        *edge)
{
  if (cell->level_start < 0)
    return;
  fill_rect (snapshot, &(SpRect) { edge->x, edge->y, edge->width, 4 }, level_color (paint, (guint) cell->level_start));
}

static void
snapshot_month (SpCalendarGrid         *self,
                GtkSnapshot            *snapshot,
                const Paint            *paint,
                const SpCalendarLayout *layout)
{
  SpSchedule *schedule = layout->schedule;
  GdkRGBA line = faint (paint, 0.15);
  GdkRGBA dim = with_alpha (&paint->fg, 0.55);
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self));
  double column_width = layout->width / 7;

  /* Weekday names, long when there is room */
  for (guint i = 0; i < 7; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);
      g_autofree char *name = format_weekday (cell->day, "%A");

      if (text_width (paint->small, name) > column_width - 8)
        {
          g_free (name);
          name = format_weekday (cell->day, "%a");
        }
      draw_text (snapshot, paint->small, name, cell->rect.x + 4,
                 (layout->header.height - self->small_height) / 2, cell->rect.width - 8, PANGO_ALIGN_CENTER, &dim);
    }

  for (guint i = 0; i < layout->days->len; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);
      gboolean other = cell->flags & SP_CALENDAR_DAY_OTHER_MONTH;
      gboolean selected = cell->day == self->selected_day;
      GdkRGBA text_color = other ? dim : paint->fg;
      g_autofree char *number = g_strdup_printf ("%u", day_of_month (cell->day));
      g_autofree char *hours = NULL;
      double x = cell->header.x + 6, number_width;
      GString *right = g_string_new (day_sign (cell));

      if (other)
        fill_rect (snapshot, &cell->rect, &(GdkRGBA) { paint->fg.red, paint->fg.green, paint->fg.blue, 0.04 });
      if (cell->flags & SP_CALENDAR_DAY_OFF)
        hatch_rect (snapshot, &cell->rect, &(GdkRGBA) { paint->fg.red, paint->fg.green, paint->fg.blue, 0.07 });
      if (selected)
        fill_rect (snapshot, &cell->rect, &(GdkRGBA) { paint->accent_bg.red, paint->accent_bg.green,
                                                       paint->accent_bg.blue, 0.12 });
      if (self->drop_active && cell->day == self->drop_day)
        fill_rect (snapshot, &cell->rect, &(GdkRGBA) { paint->accent_bg.red, paint->accent_bg.green,
                                                       paint->accent_bg.blue, 0.25 });
      draw_level_start (snapshot, paint, cell, &cell->rect);

      /* The date: today in an accent circle, as GNOME Calendar does */
      number_width = MAX (text_width (paint->bold, number), self->line_height) + 8;
      if (cell->flags & SP_CALENDAR_DAY_TODAY)
        {
          GskRoundedRect pill;
          SpRect r = { x - 4, cell->header.y + 3, number_width, cell->header.height - 6 };
          graphene_rect_t pill_bounds = to_graphene (&r);

          gsk_rounded_rect_init_from_rect (&pill, &pill_bounds, (float) r.height / 2);
          gtk_snapshot_push_rounded_clip (snapshot, &pill);
          gtk_snapshot_append_color (snapshot, &paint->accent_bg, &pill.bounds);
          gtk_snapshot_pop (snapshot);
          draw_text (snapshot, paint->bold, number, r.x, cell->header.y + (cell->header.height - self->line_height) / 2,
                     r.width, PANGO_ALIGN_CENTER, &paint->accent_fg);
        }
      else
        draw_text (snapshot, paint->bold, number, x, cell->header.y + (cell->header.height - self->line_height) / 2,
                   number_width, PANGO_ALIGN_LEFT, &text_color);
      x += number_width;

      if (cell->level_start >= 0 && cell->header.width > number_width + 40)
        {
          /* TRANSLATORS: marks the first day of a level in the month grid, "▶ 2" */
          g_autofree char *mark = g_strdup_printf (_("▶ %d"), cell->level_start + 1);
          draw_text (snapshot, paint->small, mark, x, cell->header.y + (cell->header.height - self->small_height) / 2,
                     40, PANGO_ALIGN_LEFT, level_color (paint, (guint) cell->level_start));
        }

      if (cell->planned_minutes > 0)
        {
          hours = sp_calendar_format_duration (cell->planned_minutes);
          if (right->len > 0)
            g_string_append_c (right, ' ');
          g_string_append (right, hours);
        }
      else if (cell->flags & SP_CALENDAR_DAY_OFF)
        /* TRANSLATORS: a day the user takes off, in a month cell */
        g_string_append (right, _("Day off"));
      if (right->len > 0 && cell->header.width > number_width + 30)
        draw_text (snapshot, paint->small, right->str, cell->header.x + number_width + 6,
                   cell->header.y + (cell->header.height - self->small_height) / 2,
                   cell->header.width - number_width - 12, PANGO_ALIGN_RIGHT, &dim);
      g_string_free (right, TRUE);

      for (guint k = 0; k < cell->n_items; k++)
        {
          const SpCalendarItem *item = sp_calendar_layout_get_item (layout, cell->first_item + k);
          const SpBlock *block = sp_schedule_get_block (schedule, item->block);

          draw_block (self, snapshot, paint, block, &item->rect, FALSE);
        }
      if (cell->n_more > 0)
        {
          /* TRANSLATORS: blocks that do not fit in a day of the month grid */
          g_autofree char *more = g_strdup_printf (ngettext ("+%u more", "+%u more", cell->n_more), cell->n_more);
          draw_text (snapshot, paint->small, more, cell->more.x + 4,
                     cell->more.y + (cell->more.height - self->small_height) / 2, cell->more.width - 4,
                     PANGO_ALIGN_LEFT, &paint->fg);
        }
    }

  /* Grid lines */
  for (guint row = 0; row < layout->n_rows; row++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, row * 7);
      fill_rect (snapshot, &(SpRect) { 0, cell->rect.y, layout->width, 1 }, &line);
    }
  for (guint col = 1; col < 7; col++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, col);
      fill_rect (snapshot, &(SpRect) { cell->rect.x, layout->body.y, 1, layout->body.height }, &line);
    }

  /* The selected day, strongest when the grid has the keyboard */
  {
    const SpCalendarDay *cell = sp_calendar_layout_lookup_day (layout, self->selected_day);
    GdkRGBA unfocused = with_alpha (&paint->accent, 0.6);

    if (cell != NULL)
      outline_rect (snapshot, &(SpRect) { cell->rect.x + 1, cell->rect.y + 1, cell->rect.width - 1, cell->rect.height - 1 },
                    0, focused ? 2 : 1, focused ? &paint->accent : &unfocused);
  }
}

static void
snapshot_week (SpCalendarGrid         *self,
               GtkSnapshot            *snapshot,
               const Paint            *paint,
               const SpCalendarLayout *layout)
{
  SpSchedule *schedule = layout->schedule;
  GdkRGBA line = faint (paint, 0.12);
  GdkRGBA dim = with_alpha (&paint->fg, 0.6);
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self));
  const SpCalendarDay *selected = sp_calendar_layout_lookup_day (layout, self->selected_day);

  /* Day columns: shading first, then lines, then blocks on top */
  for (guint i = 0; i < layout->days->len; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);

      if (cell->flags & SP_CALENDAR_DAY_OFF)
        hatch_rect (snapshot, &cell->rect, &(GdkRGBA) { paint->fg.red, paint->fg.green, paint->fg.blue, 0.07 });
      if (cell == selected)
        {
          fill_rect (snapshot, &cell->rect, &(GdkRGBA) { paint->accent_bg.red, paint->accent_bg.green,
                                                         paint->accent_bg.blue, 0.07 });
          fill_rect (snapshot, &cell->header, &(GdkRGBA) { paint->accent_bg.red, paint->accent_bg.green,
                                                           paint->accent_bg.blue, 0.14 });
        }
    }

  /* Hours */
  for (guint minute = layout->first_minute; minute <= layout->last_minute; minute += 60)
    {
      double y = floor (sp_calendar_layout_minute_to_y (layout, minute));
      g_autofree char *label = sp_format_time (minute);

      fill_rect (snapshot, &(SpRect) { layout->body.x, y, layout->body.width, 1 }, &line);
      if (minute < layout->last_minute)
        draw_text (snapshot, paint->small, label, 0, y + 2, layout->body.x - 8, PANGO_ALIGN_RIGHT, &dim);
    }
  for (guint i = 0; i <= layout->days->len; i++)
    {
      double x = i < layout->days->len ? sp_calendar_layout_get_day (layout, i)->rect.x
                                       : layout->body.x + layout->body.width - 1;
      fill_rect (snapshot, &(SpRect) { x, 0, 1, layout->body.y + layout->body.height }, &line);
    }
  fill_rect (snapshot, &(SpRect) { layout->body.x, layout->body.y - 1, layout->body.width, 1 }, &line);

  for (guint i = 0; i < layout->days->len; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);
      g_autofree char *name = format_weekday (cell->day, _("%a %-d"));
      g_autoptr(GString) second = g_string_new (day_sign (cell));
      gboolean today = cell->flags & SP_CALENDAR_DAY_TODAY;
      const GdkRGBA *name_color = today ? &paint->accent : &paint->fg;

      draw_level_start (snapshot, paint, cell, &cell->header);
      draw_text (snapshot, today ? paint->bold : paint->text, name, cell->header.x + 6, 6,
                 cell->header.width - 12, PANGO_ALIGN_LEFT, name_color);
      if (today)
        fill_rect (snapshot, &(SpRect) { cell->header.x + 6, cell->header.height - 4, MIN (cell->header.width - 12, 40), 3 },
                   &paint->accent);

      if (cell->flags & SP_CALENDAR_DAY_OFF)
        g_string_append (second, _("Day off"));
      else if (cell->planned_minutes > 0)
        {
          g_autofree char *hours = sp_calendar_format_duration (cell->planned_minutes);
          if (second->len > 0)
            g_string_append_c (second, ' ');
          g_string_append (second, hours);
        }
      if (cell->level_start >= 0)
        g_string_append_printf (second, _(" · ▶ %d"), cell->level_start + 1);
      draw_text (snapshot, paint->small, second->str, cell->header.x + 6, 6 + self->line_height + 1,
                 cell->header.width - 12, PANGO_ALIGN_LEFT, &dim);

      for (guint k = 0; k < cell->n_items; k++)
        {
          const SpCalendarItem *item = sp_calendar_layout_get_item (layout, cell->first_item + k);

          draw_block (self, snapshot, paint, sp_schedule_get_block (schedule, item->block), &item->rect, FALSE);
        }
    }

  /* Now, as a line across today */
  for (guint i = 0; self->planner != NULL && i < layout->days->len; i++)
    {
      const SpCalendarDay *cell = sp_calendar_layout_get_day (layout, i);
      g_autoptr(GDateTime) now = NULL;
      guint minute;
      double y;
      GskRoundedRect dot;

      if (!(cell->flags & SP_CALENDAR_DAY_TODAY))
        continue;
      now = g_date_time_new_now (sp_planner_get_timezone (self->planner));
      minute = (guint) (g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now));
      if (minute < layout->first_minute || minute > layout->last_minute)
        break;
      y = sp_calendar_layout_minute_to_y (layout, minute);
      fill_rect (snapshot, &(SpRect) { cell->rect.x, y - 1, cell->rect.width, 2 }, &paint->now);
      gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT ((float) cell->rect.x - 4, (float) y - 5, 10, 10), 5);
      gtk_snapshot_push_rounded_clip (snapshot, &dot);
      gtk_snapshot_append_color (snapshot, &paint->now, &dot.bounds);
      gtk_snapshot_pop (snapshot);
    }

  /* Where a dragged block would land */
  if (self->drop_active)
    {
      const SpCalendarDay *cell = sp_calendar_layout_lookup_day (layout, self->drop_day);
      const SpBlock *block = self->drag_block ? sp_schedule_lookup_block (schedule, self->drag_block) : NULL;

      if (cell != NULL && block != NULL)
        {
          double y0 = sp_calendar_layout_minute_to_y (layout, self->drop_minute);
          double y1 = sp_calendar_layout_minute_to_y (layout, self->drop_minute + block->minutes);

          draw_block (self, snapshot, paint, block, &(SpRect) { cell->rect.x + 2, y0 + 1, cell->rect.width - 4, MAX (y1 - y0 - 2, 4) }, TRUE);
        }
    }

  if (selected != NULL)
    {
      GdkRGBA unfocused = with_alpha (&paint->accent, 0.6);

      outline_rect (snapshot, &(SpRect) { selected->header.x + 1, 1, selected->header.width - 1,
                                          layout->body.y + layout->body.height - 1 },
                    0, focused ? 2 : 1, focused ? &paint->accent : &unfocused);
    }
}

static void
sp_calendar_grid_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);
  const SpCalendarLayout *layout = ensure_layout (self);
  const Paint *paint;

  if (layout == NULL)
    return;

  paint = ensure_paint (self);
  if (self->span == SP_CALENDAR_SPAN_MONTH)
    snapshot_month (self, snapshot, paint, layout);
  else
    snapshot_week (self, snapshot, paint, layout);
}

static void
sp_calendar_grid_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);
  SpSchedule *schedule = get_schedule (self);

  measure_fonts (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      double gutter = self->metrics.time_gutter;

      *minimum = (int) (gutter + 7 * (self->span == SP_CALENDAR_SPAN_MONTH ? 44 : 40));
      *natural = (int) (gutter + 7 * 140);
    }
  else if (self->span == SP_CALENDAR_SPAN_MONTH)
    {
      /* At the least, a date line per day: blocks become "+N" beside it */
      *minimum = (int) ceil (self->metrics.header_height + 6 * (self->metrics.day_header_height + self->metrics.spacing));
      *natural = (int) ceil (self->metrics.header_height + 6 * (self->metrics.day_header_height +
                                                                3 * (self->metrics.item_height + self->metrics.spacing)));
    }
  else
    {
      guint first = 8 * 60, last = 20 * 60;
      double hours;

      if (schedule != NULL && self->selected_day != 0)
        sp_calendar_week_hours (schedule, get_availability (self), week_first_day (self), SP_N_WEEKDAYS,
                                &first, &last);
      hours = (last - first) / 60.0;
      *minimum = (int) ceil (self->metrics.header_height + hours * self->metrics.min_hour_height);
      *natural = (int) ceil (self->metrics.header_height + hours * (self->line_height + self->small_height + 12));
    }
}

static void
sp_calendar_grid_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
update_description (SpCalendarGrid *self)
{
  SpSchedule *schedule = get_schedule (self);
  g_autofree char *day = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GString) blocks = NULL;
  guint first, n;

  g_clear_pointer (&self->description, g_free);
  if (schedule == NULL || self->selected_day == 0)
    return;

  day = sp_calendar_describe_day (schedule, get_availability (self), self->selected_day);
  label = self->span == SP_CALENDAR_SPAN_MONTH
          /* TRANSLATORS: the accessible name of the month grid, with the selected day */
          ? g_strdup_printf (_("Month calendar, selected day: %s"), day)
          /* TRANSLATORS: the accessible name of the week grid, with the selected day */
          : g_strdup_printf (_("Week calendar, selected day: %s"), day);

  blocks = g_string_new (NULL);
  n = sp_schedule_get_day_blocks (schedule, self->selected_day, &first);
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *text = sp_calendar_describe_block (schedule, sp_schedule_get_block (schedule, i));

      if (blocks->len > 0)
        g_string_append (blocks, ". ");
      g_string_append (blocks, text);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, blocks->str,
                                  -1);
  self->description = blocks->len > 0 ? g_strdup_printf ("%s. %s", label, blocks->str) : g_steal_pointer (&label);
}

static void
invalidate (SpCalendarGrid *self)
{
  g_clear_pointer (&self->layout, sp_calendar_layout_free);
  if (self->span == SP_CALENDAR_SPAN_WEEK)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
planner_changed_cb (SpCalendarGrid *self)
{
  if (self->selected_day == 0 && self->planner != NULL)
    sp_calendar_grid_set_selected_day (self, sp_planner_get_today (self->planner));
  invalidate (self);
  update_description (self);
}

static void
show_toast (SpCalendarGrid *self,
            const char     *message,
            gboolean        undo)
{
  gtk_widget_activate_action (GTK_WIDGET (self), undo ? "win.toast-undo" : "win.toast", "s", message);
}

static void
select_and_scroll (SpCalendarGrid *self,
                   guint32         day)
{
  sp_calendar_grid_set_selected_day (self, day);
}

static void
move_selection (SpCalendarGrid *self,
                int             days)
{
  guint32 day = sp_calendar_step (self->selected_day, SP_CALENDAR_SPAN_DAY, days);

  select_and_scroll (self, day);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);
  int days = g_variant_get_int32 (param);

  if (self->selected_day == 0)
    return;
  /* Left and right follow the reading direction */
  if (g_str_equal (action_name, "grid.move-horizontal") &&
      gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    days = -days;
  move_selection (self, days);
}

static void
open_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);

  if (self->selected_day != 0)
    g_signal_emit (self, signals[DAY_ACTIVATED], 0, self->selected_day);
}

/* The keyboard's way to a block's details: the first of the selected day */
static void
open_first_block_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);
  SpSchedule *schedule = get_schedule (self);
  guint first;

  if (schedule != NULL && sp_schedule_get_day_blocks (schedule, self->selected_day, &first) > 0)
    {
      g_autofree char *id = g_strdup (sp_schedule_get_block (schedule, first)->id);
      sp_calendar_grid_open_block (self, id);
    }
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SpCalendarGrid  *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SpCalendarGrid  *self)
{
  const SpCalendarLayout *layout = ensure_layout (self);
  const SpCalendarItem *item;
  const SpCalendarDay *cell;

  if (layout == NULL)
    return;

  item = sp_calendar_layout_item_at (layout, x, y);
  if (item != NULL)
    {
      g_autofree char *id = g_strdup (sp_schedule_get_block (layout->schedule, item->block)->id);

      sp_calendar_grid_open_block (self, id);
      return;
    }

  cell = sp_calendar_layout_day_at (layout, x, y);
  if (cell == NULL)
    return;
  if (cell->n_more > 0 && x >= cell->more.x && x < cell->more.x + cell->more.width &&
      y >= cell->more.y && y < cell->more.y + cell->more.height)
    {
      guint32 day = cell->day;

      select_and_scroll (self, day);
      g_signal_emit (self, signals[DAY_ACTIVATED], 0, day);
      return;
    }

  {
    guint32 day = cell->day;

    select_and_scroll (self, day);
    if (n_press == 2)
      g_signal_emit (self, signals[DAY_ACTIVATED], 0, day);
  }
}

static gboolean
query_tooltip_cb (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard_mode,
                  GtkTooltip     *tooltip,
                  SpCalendarGrid *self)
{
  const SpCalendarLayout *layout = ensure_layout (self);
  const SpCalendarItem *item;
  const SpCalendarDay *cell;
  g_autofree char *text = NULL;

  if (layout == NULL)
    return FALSE;

  if (keyboard_mode)
    text = sp_calendar_describe_day (layout->schedule, get_availability (self), self->selected_day);
  else if ((item = sp_calendar_layout_item_at (layout, x, y)) != NULL)
    text = sp_calendar_describe_block (layout->schedule, sp_schedule_get_block (layout->schedule, item->block));
  else if ((cell = sp_calendar_layout_day_at (layout, x, y)) != NULL)
    text = sp_calendar_describe_day (layout->schedule, get_availability (self), cell->day);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* Drag and drop: the payload names the block, so text from elsewhere is refused. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource  *source,
                 double          x,
                 double          y,
                 SpCalendarGrid *self)
{
  const SpCalendarLayout *layout = ensure_layout (self);
  const SpCalendarItem *item;
  const SpBlock *block;
  g_autofree char *payload = NULL;

  if (layout == NULL || self->planner == NULL)
    return NULL;
  item = sp_calendar_layout_item_at (layout, x, y);
  if (item == NULL)
    return NULL;
  block = sp_schedule_get_block (layout->schedule, item->block);
  if (block->day < sp_planner_get_today (self->planner))
    return NULL;

  g_free (self->drag_block);
  self->drag_block = g_strdup (block->id);
  self->drag_minutes = block->minutes;
  self->drag_offset = 0;
  if (self->span == SP_CALENDAR_SPAN_WEEK)
    {
      guint at = sp_calendar_layout_y_to_minute (layout, y, 1);
      self->drag_offset = at > block->start ? at - block->start : 0;
    }

  payload = g_strconcat (DROP_PREFIX, block->id, NULL);
  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
drag_begin_cb (GtkDragSource  *source,
               GdkDrag        *drag,
               SpCalendarGrid *self)
{
  const SpCalendarItem *item = self->layout ? sp_calendar_layout_find_block (self->layout, self->drag_block) : NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GdkPaintable) icon = NULL;
  SpRect rect;

  if (item == NULL)
    return;

  /* The dragged block looks like itself */
  rect = (SpRect) { 0, 0, item->rect.width, item->rect.height };
  snapshot = gtk_snapshot_new ();
  draw_block (self, snapshot, ensure_paint (self), sp_schedule_get_block (self->layout->schedule, item->block),
              &rect, FALSE);
  icon = gtk_snapshot_free_to_paintable (g_steal_pointer (&snapshot),
                                         &GRAPHENE_SIZE_INIT ((float) rect.width, (float) rect.height));
  if (icon != NULL)
    gtk_drag_source_set_icon (source, icon, 8, 8);
}

static void
drag_end_cb (GtkDragSource  *source,
             GdkDrag        *drag,
             gboolean        delete_data,
             SpCalendarGrid *self)
{
  g_clear_pointer (&self->drag_block, g_free);
  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
drop_target_at (SpCalendarGrid *self,
                guint           grab_offset,
                double          x,
                double          y,
                guint32        *day,
                guint          *minute)
{
  const SpCalendarLayout *layout = ensure_layout (self);
  const SpCalendarDay *cell;

  if (layout == NULL)
    return FALSE;
  cell = sp_calendar_layout_day_at (layout, x, y);
  if (cell == NULL)
    return FALSE;
  *day = cell->day;
  *minute = 0;
  if (self->span == SP_CALENDAR_SPAN_WEEK)
    {
      guint at = sp_calendar_layout_y_to_minute (layout, y, 1);

      at = at > grab_offset ? at - grab_offset : 0;
      *minute = (at + DROP_STEP / 2) / DROP_STEP * DROP_STEP;
    }
  return TRUE;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget  *target,
                double          x,
                double          y,
                SpCalendarGrid *self)
{
  guint32 day;
  guint minute;

  self->drop_active = drop_target_at (self, self->drag_block ? self->drag_offset : 0, x, y, &day, &minute);
  if (self->drop_active)
    {
      self->drop_day = day;
      self->drop_minute = minute;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return self->drop_active ? GDK_ACTION_MOVE : 0;
}

static void
drop_leave_cb (GtkDropTarget  *target,
               SpCalendarGrid *self)
{
  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         SpCalendarGrid *self)
{
  const char *payload = g_value_get_string (value);
  g_autoptr(GError) error = NULL;
  const char *id;
  guint offset;

  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (payload == NULL || !g_str_has_prefix (payload, DROP_PREFIX))
    return FALSE;

  id = payload + strlen (DROP_PREFIX);
  offset = g_strcmp0 (id, self->drag_block) == 0 ? self->drag_offset : 0;
  if (!sp_calendar_grid_drop_block (self, id, offset, x, y, &error))
    {
      show_toast (self, error->message, FALSE);
      return FALSE;
    }
  return TRUE;
}

static gboolean
clock_cb (gpointer data)
{
  gtk_widget_queue_draw (GTK_WIDGET (data));
  return G_SOURCE_CONTINUE;
}

static void
sp_calendar_grid_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sp_calendar_grid_parent_class)->css_changed (widget, change);
  forget_style (SP_CALENDAR_GRID (widget));
}

static void
sp_calendar_grid_system_setting_changed (GtkWidget        *widget,
                                         GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (sp_calendar_grid_parent_class)->system_setting_changed (widget, setting);
  if (setting == GTK_SYSTEM_SETTING_DPI || setting == GTK_SYSTEM_SETTING_FONT_NAME ||
      setting == GTK_SYSTEM_SETTING_FONT_CONFIG)
    forget_style (SP_CALENDAR_GRID (widget));
}

static void
sp_calendar_grid_map (GtkWidget *widget)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);

  GTK_WIDGET_CLASS (sp_calendar_grid_parent_class)->map (widget);
  /* The line at the current time moves */
  if (self->span == SP_CALENDAR_SPAN_WEEK && self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (60, clock_cb, self);
}

static void
sp_calendar_grid_unmap (GtkWidget *widget)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  GTK_WIDGET_CLASS (sp_calendar_grid_parent_class)->unmap (widget);
}

static void
focus_changed_cb (SpCalendarGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sp_calendar_grid_dispose (GObject *object)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  if (self->planner != NULL)
    g_signal_handlers_disconnect_by_func (self->planner, planner_changed_cb, self);
  g_clear_object (&self->planner);
  g_clear_pointer (&self->layout, sp_calendar_layout_free);
  g_clear_pointer (&self->paint, paint_free);

  G_OBJECT_CLASS (sp_calendar_grid_parent_class)->dispose (object);
}

static void
sp_calendar_grid_finalize (GObject *object)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (object);

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->drag_block, g_free);

  G_OBJECT_CLASS (sp_calendar_grid_parent_class)->finalize (object);
}

static void
sp_calendar_grid_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (object);

  switch (prop_id)
    {
    case PROP_PLANNER:
      g_value_set_object (value, self->planner);
      break;
    case PROP_SPAN:
      g_value_set_enum (value, self->span);
      break;
    case PROP_SELECTED_DAY:
      g_value_set_uint (value, self->selected_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_calendar_grid_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (object);

  switch (prop_id)
    {
    case PROP_PLANNER:
      sp_calendar_grid_set_planner (self, g_value_get_object (value));
      break;
    case PROP_SPAN:
      self->span = g_value_get_enum (value);
      break;
    case PROP_SELECTED_DAY:
      sp_calendar_grid_set_selected_day (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_calendar_grid_class_init (SpCalendarGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_calendar_grid_dispose;
  object_class->finalize = sp_calendar_grid_finalize;
  object_class->get_property = sp_calendar_grid_get_property;
  object_class->set_property = sp_calendar_grid_set_property;

  widget_class->snapshot = sp_calendar_grid_snapshot;
  widget_class->measure = sp_calendar_grid_measure;
  widget_class->size_allocate = sp_calendar_grid_size_allocate;
  widget_class->map = sp_calendar_grid_map;
  widget_class->css_changed = sp_calendar_grid_css_changed;
  widget_class->system_setting_changed = sp_calendar_grid_system_setting_changed;
  widget_class->unmap = sp_calendar_grid_unmap;

  properties[PROP_PLANNER] =
    g_param_spec_object ("planner", NULL, NULL,
                         SP_TYPE_PLANNER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPAN] =
    g_param_spec_enum ("span", NULL, NULL,
                       SP_TYPE_CALENDAR_SPAN, SP_CALENDAR_SPAN_MONTH,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * SpCalendarGrid:selected-day:
   *
   * The selected day as a Julian day; the grid shows its month or week.
   */
  properties[PROP_SELECTED_DAY] =
    g_param_spec_uint ("selected-day", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpCalendarGrid::day-activated:
   * @day: the Julian day
   *
   * Emitted when the user opens a day: Enter, a double click, "+N more".
   */
  signals[DAY_ACTIVATED] =
    g_signal_new ("day-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "grid.move-horizontal", "i", move_action);
  gtk_widget_class_install_action (widget_class, "grid.move-vertical", "i", move_action);
  gtk_widget_class_install_action (widget_class, "grid.open-day", NULL, open_day_action);
  gtk_widget_class_install_action (widget_class, "grid.open-first-block", NULL, open_first_block_action);

  /* Arrows move the selected day, Enter opens it */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "grid.move-horizontal", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "grid.move-horizontal", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "grid.move-horizontal", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "grid.move-horizontal", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "grid.move-vertical", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "grid.move-vertical", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "grid.move-vertical", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "grid.move-vertical", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "grid.open-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "grid.open-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "grid.open-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "grid.open-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "grid.open-first-block", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "grid.open-first-block", NULL);
  /* Here too: the week grid scrolls, and its scrolled window would take them */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.next", NULL);

  gtk_widget_class_set_css_name (widget_class, "calendargrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_calendar_grid_init (SpCalendarGrid *self)
{
  GtkGesture *click;
  GtkDragSource *source;
  GtkDropTarget *target;
  GtkEventController *focus;

  self->first_weekday = sp_calendar_get_locale_first_weekday ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

SpPlanner *
sp_calendar_grid_get_planner (SpCalendarGrid *self)
{
  g_return_val_if_fail (SP_IS_CALENDAR_GRID (self), NULL);
  return self->planner;
}

void
sp_calendar_grid_set_planner (SpCalendarGrid *self,
                              SpPlanner      *planner)
{
  g_return_if_fail (SP_IS_CALENDAR_GRID (self));

  if (self->planner == planner)
    return;
  if (self->planner != NULL)
    g_signal_handlers_disconnect_by_func (self->planner, planner_changed_cb, self);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  g_set_object (&self->planner, planner);
  if (planner != NULL)
    g_signal_connect_object (planner, "changed", G_CALLBACK (planner_changed_cb), self, G_CONNECT_SWAPPED);
  planner_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLANNER]);
}

SpCalendarSpan
sp_calendar_grid_get_span (SpCalendarGrid *self)
{
  g_return_val_if_fail (SP_IS_CALENDAR_GRID (self), SP_CALENDAR_SPAN_MONTH);
  return self->span;
}

guint32
sp_calendar_grid_get_selected_day (SpCalendarGrid *self)
{
  g_return_val_if_fail (SP_IS_CALENDAR_GRID (self), 0);
  return self->selected_day;
}

void
sp_calendar_grid_set_selected_day (SpCalendarGrid *self,
                                   guint32         day)
{
  g_return_if_fail (SP_IS_CALENDAR_GRID (self));

  if (day == 0 || !g_date_valid_julian (day) || day == self->selected_day)
    return;

  /* Another month or week: lay it out again; within it, only redraw */
  if (self->layout != NULL && (day < self->layout->month_first || day > self->layout->month_last))
    invalidate (self);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
  self->selected_day = day;
  if (self->layout == NULL && self->span == SP_CALENDAR_SPAN_WEEK)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_DAY]);
}

guint
sp_calendar_grid_get_first_weekday (SpCalendarGrid *self)
{
  g_return_val_if_fail (SP_IS_CALENDAR_GRID (self), 0);
  return self->first_weekday;
}

/**
 * sp_calendar_grid_get_layout:
 *
 * Returns: (transfer none) (nullable): what the grid draws, laid out for
 *   its current size
 */
const SpCalendarLayout *
sp_calendar_grid_get_layout (SpCalendarGrid *self)
{
  g_return_val_if_fail (SP_IS_CALENDAR_GRID (self), NULL);
  return ensure_layout (self);
}

/**
 * sp_calendar_grid_invalidate:
 *
 * Forgets the layout, so that the next frame lays the grid out again, as
 * a change of the schedule does.
 */
void
sp_calendar_grid_invalidate (SpCalendarGrid *self)
{
  g_return_if_fail (SP_IS_CALENDAR_GRID (self));
  invalidate (self);
}

/**
 * sp_calendar_grid_get_description:
 *
 * Returns: (nullable): the grid's accessible name and description: the
 *   selected day and its blocks, in words
 */
const char *
sp_calendar_grid_get_description (SpCalendarGrid *self)
{
  g_return_val_if_fail (SP_IS_CALENDAR_GRID (self), NULL);
  return self->description;
}

/**
 * sp_calendar_grid_open_block:
 *
 * Selects the block's day and opens its details pointing at it.
 *
 * Returns: whether the block exists
 */
gboolean
sp_calendar_grid_open_block (SpCalendarGrid *self,
                             const char     *block_id)
{
  SpSchedule *schedule;
  const SpBlock *block;
  const SpCalendarLayout *layout;
  const SpCalendarItem *item;
  GdkRectangle rect;

  g_return_val_if_fail (SP_IS_CALENDAR_GRID (self), FALSE);

  schedule = get_schedule (self);
  block = schedule ? sp_schedule_lookup_block (schedule, block_id) : NULL;
  if (block == NULL)
    return FALSE;

  sp_calendar_grid_set_selected_day (self, block->day);
  layout = ensure_layout (self);
  if (layout == NULL)
    return FALSE;

  item = sp_calendar_layout_find_block (layout, block_id);
  if (item != NULL)
    rect = (GdkRectangle) { (int) item->rect.x, (int) item->rect.y, (int) item->rect.width, (int) item->rect.height };
  else
    {
      /* In "+N more": point at the day */
      const SpCalendarDay *cell = sp_calendar_layout_lookup_day (layout, block->day);
      rect = (GdkRectangle) { (int) cell->rect.x, (int) cell->rect.y, (int) cell->rect.width, (int) cell->rect.height };
    }

  if (self->popover == NULL)
    {
      self->popover = sp_block_popover_new (self->planner);
      gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
    }
  sp_block_popover_set_block (self->popover, block_id);
  gtk_popover_set_position (GTK_POPOVER (self->popover),
                            self->span == SP_CALENDAR_SPAN_WEEK ? GTK_POS_RIGHT : GTK_POS_BOTTOM);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  return TRUE;
}

/**
 * sp_calendar_grid_get_popover:
 *
 * Returns: (transfer none) (nullable): the block details, once opened
 */
GtkPopover *
sp_calendar_grid_get_popover (SpCalendarGrid *self)
{
  g_return_val_if_fail (SP_IS_CALENDAR_GRID (self), NULL);
  return self->popover ? GTK_POPOVER (self->popover) : NULL;
}

/**
 * sp_calendar_grid_drop_block:
 * @grab_offset: week: the minutes between the block's start and where it
 *   was grabbed
 *
 * Moves a block to where it was dropped: the day under (@x, @y) and, in
 * the week grid, the time there on a quarter hour; in the month grid it
 * keeps its time. The planner pins it there, and Ctrl+Z takes it back.
 */
gboolean
sp_calendar_grid_drop_block (SpCalendarGrid  *self,
                             const char      *block_id,
                             guint            grab_offset,
                             double           x,
                             double           y,
                             GError         **error)
{
  SpSchedule *schedule;
  const SpBlock *block;
  guint32 day;
  guint minute;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *time = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (SP_IS_CALENDAR_GRID (self), FALSE);

  schedule = get_schedule (self);
  block = schedule ? sp_schedule_lookup_block (schedule, block_id) : NULL;
  if (block == NULL)
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_NO_BLOCK,
                   _("There is no study block “%s” in the schedule"), block_id);
      return FALSE;
    }
  if (!drop_target_at (self, grab_offset, x, y, &day, &minute))
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID, _("Drop the block on a day"));
      return FALSE;
    }
  if (self->span == SP_CALENDAR_SPAN_MONTH)
    minute = block->start;
  if (day == block->day && minute == block->start)
    return TRUE;

  title = g_strdup (sp_topic_get_title (block->topic));
  if (!sp_planner_move_block (self->planner, block_id, day, minute, error))
    return FALSE;

  when = sp_calendar_format_day (day);
  time = sp_format_time (minute);
  /* TRANSLATORS: a toast after a move, "Moved “Linear algebra” to Tuesday 3 March, 18:00" */
  message = g_strdup_printf (_("Moved “%s” to %s, %s"), title, when, time);
  show_toast (self, message, TRUE);
  return TRUE;
}
