/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-calendar-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <math.h>
#include <string.h>

#include "sp-calendar-grid-private.h"
#include "sp-model-properties.h"

/* The Month and Week views: one widget that draws a layout from
 * sp-calendar-layout with GtkSnapshot, so a month of dense days is a few
 * hundred render nodes and no child widgets. Blocks are coloured by level
 * and also carry the level's number, a status sign and a bar pattern, so
 * colour is never the only cue. A selected day moves with the arrow keys;
 * Enter opens it in the Day view; a block opens its details on click and
 * moves by drag and drop. */

G_DEFINE_FINAL_TYPE (SpCalendarGrid, sp_calendar_grid, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PLANNER,
  PROP_SPAN,
  PROP_SELECTED_DAY,
  PROP_COMPACT,
  N_PROPS
};

enum {
  DAY_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const SpModelProperty planner_property = {
  "planner", sp_planner_get_type, G_STRUCT_OFFSET (SpCalendarGrid, planner),
  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY, G_CALLBACK (sp_calendar_grid_set_planner)
};

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
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &paint->bg))
    rgba_init (&paint->bg, 0.98, 0.98, 0.98);
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

const Paint *
sp_calendar_grid_ensure_paint (SpCalendarGrid *self)
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

SpSchedule *
sp_calendar_grid_get_schedule (SpCalendarGrid *self)
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
  gutter = sp_calendar_grid_text_width (small, "00:00");
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
      /* Tall enough for a 25-minute block's title; the day scrolls */
      metrics.min_hour_height = ceil ((height + 8) * 60.0 / 25);
      metrics.whole_day = TRUE;
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
  return sp_day_get_week_start (self->selected_day, self->first_weekday);
}

const SpCalendarLayout *
sp_calendar_grid_ensure_layout (SpCalendarGrid *self)
{
  SpSchedule *schedule = sp_calendar_grid_get_schedule (self);
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

static void
sp_calendar_grid_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);
  const SpCalendarLayout *layout = sp_calendar_grid_ensure_layout (self);
  const Paint *paint;

  if (layout == NULL)
    return;

  paint = sp_calendar_grid_ensure_paint (self);
  if (self->span == SP_CALENDAR_SPAN_MONTH)
    sp_calendar_grid_snapshot_month (self, snapshot, paint, layout);
  else
    sp_calendar_grid_snapshot_week (self, snapshot, paint, layout);
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

  measure_fonts (self);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      double gutter = self->metrics.time_gutter;

      /* A month fits a narrow window with compact days; a week keeps its
       * blocks readable and scrolls sideways instead */
      *minimum = (int) (gutter + 7 * (self->span == SP_CALENDAR_SPAN_MONTH ? 44 : 80));
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
      /* The whole day, in a scrolled window */
      *minimum = *natural = (int) ceil (self->metrics.header_height + 24 * self->metrics.min_hour_height);
    }
}

/* Where a week's study starts: its earliest block, or with none its
 * earliest study time */
static guint
week_first_minute (SpCalendarGrid         *self,
                   const SpCalendarLayout *layout)
{
  const SpAvailability *availability = get_availability (self);
  guint                 first = G_MAXUINT;

  for (guint i = 0; i < layout->items->len; i++)
    {
      const SpCalendarItem *item = sp_calendar_layout_get_item (layout, i);

      first = MIN (first, sp_schedule_get_block (layout->schedule, item->block)->start);
    }
  for (guint32 day = layout->first_day; first == G_MAXUINT && availability && day <= layout->last_day; day++)
    {
      guint weekday = sp_day_get_weekday (day);

      if (sp_availability_get_usable_minutes (availability, weekday) > 0)
        first = MIN (first, availability->start[weekday]);
    }
  return first == G_MAXUINT ? 8 * 60 : first;
}

/* A week opens on its first block, and a narrow window on the selected
 * day's column */
static gboolean
scroll_to_first_block_cb (gpointer data)
{
  SpCalendarGrid         *self = data;
  const SpCalendarLayout *layout = sp_calendar_grid_ensure_layout (self);
  GtkWidget              *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  const SpCalendarDay    *cell;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || scrolled == NULL)
    {
      self->scroll_id = 0;
      return G_SOURCE_REMOVE;
    }
  /* Not laid out at its height yet: again on a later frame */
  if (layout == NULL ||
      gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))) + 1 < layout->height)
    return G_SOURCE_CONTINUE;
  self->scroll_id = 0;
  self->scroll_pending = FALSE;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                            MAX (sp_calendar_layout_minute_to_y (layout, week_first_minute (self, layout)) -
                                     layout->body.y - layout->hour_height / 2,
                                 0));
  cell = sp_calendar_layout_lookup_day (layout, self->selected_day);
  if (cell != NULL)
    {
      GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double         left = cell->rect.x - layout->body.x;

      if (cell->rect.x < gtk_adjustment_get_value (h) ||
          cell->rect.x + cell->rect.width > gtk_adjustment_get_value (h) + gtk_adjustment_get_page_size (h))
        gtk_adjustment_set_value (h, left);
    }
  return G_SOURCE_REMOVE;
}

/* A week scrolls to its first block once laid out (again at each allocation
 * until it is) */
static void
request_scroll (SpCalendarGrid *self)
{
  if (self->span != SP_CALENDAR_SPAN_WEEK)
    return;
  self->scroll_pending = TRUE;
  if (self->scroll_id == 0)
    self->scroll_id = g_timeout_add (16, scroll_to_first_block_cb, self);
}

static gboolean
notify_compact_cb (gpointer data)
{
  SpCalendarGrid *self = data;

  self->compact_id = 0;
  if (self->compact != sp_calendar_grid_is_compact (self))
    {
      self->compact = !self->compact;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
    }
  return G_SOURCE_REMOVE;
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
  if (self->scroll_pending && self->scroll_id == 0)
    self->scroll_id = g_timeout_add (16, scroll_to_first_block_cb, self);
  /* Told after the layout, as the window shows a list below a compact month */
  if (sp_calendar_grid_is_compact (self) != self->compact && self->compact_id == 0)
    self->compact_id = g_idle_add (notify_compact_cb, self);
}

static void
update_description (SpCalendarGrid *self)
{
  SpSchedule *schedule = sp_calendar_grid_get_schedule (self);
  g_autofree char *day = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GString) blocks = NULL;
  guint first, n;

  g_clear_pointer (&self->description, g_free);
  if (schedule == NULL || self->selected_day == 0)
    return;

  /* The name says the day with each block's times, topic, kind and state;
   * the description adds the rest of each block (its level, pinned) */
  day = sp_calendar_describe_day_blocks (schedule, get_availability (self), self->selected_day);
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

void
sp_calendar_grid_select_and_scroll (SpCalendarGrid *self,
                   guint32         day)
{
  sp_calendar_grid_set_selected_day (self, day);
}

/* The keys' way to emit ::day-activated */
void
sp_calendar_grid_activate_day (SpCalendarGrid *self,
                               guint32         day)
{
  g_signal_emit (self, signals[DAY_ACTIVATED], 0, day);
}

/**
 * sp_calendar_grid_get_header_top:
 *
 * Where the Week view draws its day names: at the top of what its
 * scrolled window shows, so they stay in sight as the hours scroll.
 *
 * Returns: the distance from the grid's top, 0 when not scrolled
 */
double
sp_calendar_grid_get_header_top (SpCalendarGrid         *self,
                                 const SpCalendarLayout *layout)
{
  double top;

  /* The scrolled window's adjustment, kept since the grid was mapped */
  if (self->span != SP_CALENDAR_SPAN_WEEK || layout == NULL || self->watched_scroll == NULL)
    return 0;
  top = gtk_adjustment_get_value (self->watched_scroll);
  return CLAMP (top, 0, MAX (layout->height - layout->body.y, 0));
}

/* A point on the day names, which stay in sight, as the layout has them */
static double
unstick (SpCalendarGrid         *self,
         const SpCalendarLayout *layout,
         double                  y)
{
  double top = sp_calendar_grid_get_header_top (self, layout);

  return top > 0 && y >= top && y < top + layout->body.y ? y - top : y;
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

/* Days too narrow for the blocks' titles: dots instead, and a click
 * selects the day rather than opening a block */
gboolean
sp_calendar_grid_is_compact (SpCalendarGrid *self)
{
  return self->span == SP_CALENDAR_SPAN_MONTH && gtk_widget_get_width (GTK_WIDGET (self)) < 7 * SP_CALENDAR_GRID_COMPACT_DAY;
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SpCalendarGrid  *self)
{
  const SpCalendarLayout *layout = sp_calendar_grid_ensure_layout (self);
  const SpCalendarItem *item;
  const SpCalendarDay *cell;

  if (layout == NULL)
    return;

  y = unstick (self, layout, y);
  item = sp_calendar_grid_is_compact (self) ? NULL : sp_calendar_layout_item_at (layout, x, y);
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

      sp_calendar_grid_select_and_scroll (self, day);
      g_signal_emit (self, signals[DAY_ACTIVATED], 0, day);
      return;
    }

  {
    guint32 day = cell->day;

    sp_calendar_grid_select_and_scroll (self, day);
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
  const SpCalendarLayout *layout = sp_calendar_grid_ensure_layout (self);
  const SpCalendarItem *item;
  const SpCalendarDay *cell;
  g_autofree char *text = NULL;

  if (layout == NULL)
    return FALSE;

  if (keyboard_mode)
    text = sp_calendar_describe_day (layout->schedule, get_availability (self), self->selected_day);
  else if ((item = sp_calendar_layout_item_at (layout, x, unstick (self, layout, y))) != NULL)
    text = sp_calendar_describe_block (layout->schedule, sp_schedule_get_block (layout->schedule, item->block));
  else if ((cell = sp_calendar_layout_day_at (layout, x, unstick (self, layout, y))) != NULL)
    text = sp_calendar_describe_day (layout->schedule, get_availability (self), cell->day);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
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
  request_scroll (self);
  /* The day names are drawn where the scrolled window shows its top */
  if (self->span == SP_CALENDAR_SPAN_WEEK && self->watched_scroll == NULL)
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

      if (scrolled != NULL)
        {
          self->watched_scroll = g_object_ref (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
          g_signal_connect_object (self->watched_scroll, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self,
                                   G_CONNECT_SWAPPED);
        }
    }
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
  g_clear_handle_id (&self->compact_id, g_source_remove);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  g_clear_handle_id (&self->autoscroll_id, g_source_remove);
  if (self->watched_scroll != NULL)
    g_signal_handlers_disconnect_by_func (self->watched_scroll, gtk_widget_queue_draw, self);
  g_clear_object (&self->watched_scroll);
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
    case PROP_SPAN:
      g_value_set_enum (value, self->span);
      break;
    case PROP_SELECTED_DAY:
      g_value_set_uint (value, self->selected_day);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      sp_model_properties_get_property (object, prop_id, value, pspec);
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
    case PROP_SPAN:
      self->span = g_value_get_enum (value);
      break;
    case PROP_SELECTED_DAY:
      sp_calendar_grid_set_selected_day (self, g_value_get_uint (value));
      break;
    default:
      sp_model_properties_set_property (object, prop_id, value, pspec);
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

  properties[PROP_PLANNER] = sp_model_property_new (&planner_property);
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
  /**
   * SpCalendarGrid:compact:
   *
   * Whether a month's days are too narrow for their blocks and show dots;
   * told once the grid is laid out at its new width.
   */
  properties[PROP_COMPACT] =
      g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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

  sp_calendar_grid_keys_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "calendargrid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_calendar_grid_init (SpCalendarGrid *self)
{
  GtkGesture *click;
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

  sp_calendar_grid_dnd_init (self);

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

  /* Another month or week: lay it out again (a week opens on its first
   * block); within it, only redraw */
  if (self->layout != NULL && (day < self->layout->month_first || day > self->layout->month_last))
    {
      invalidate (self);
      request_scroll (self);
    }
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
  return sp_calendar_grid_ensure_layout (self);
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

  schedule = sp_calendar_grid_get_schedule (self);
  block = schedule ? sp_schedule_lookup_block (schedule, block_id) : NULL;
  if (block == NULL)
    return FALSE;

  sp_calendar_grid_set_selected_day (self, block->day);
  layout = sp_calendar_grid_ensure_layout (self);
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
