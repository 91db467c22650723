/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-calendar-text.h"
#include "sp-print-layout-private.h"

/* The schedule on paper. One drawing code for the print preview, the
 * printer and the PDF export: a cairo context in points whose origin is
 * the top left of the printable area, of the size given to paginate().
 * This file makes the layout, draws the header, footer and legend of
 * every page, and hands the body to the page kind: sp-print-week.c,
 * sp-print-month.c or sp-print-plan.c. Text and shapes are drawn with
 * the toolkit of sp-print-draw.c, always within a width and clipped to
 * their box, so nothing overlaps. */

G_DEFINE_FINAL_TYPE (SpPrintLayout, sp_print_layout, G_TYPE_OBJECT)

static const char * const range_names[] = { "week", "month", "plan" };

const char *
sp_print_range_to_string (SpPrintRange range)
{
  g_return_val_if_fail ((guint) range < G_N_ELEMENTS (range_names), NULL);
  return range_names[range];
}

gboolean
sp_print_range_from_string (const char   *str,
                            SpPrintRange *range)
{
  /* Any case, as --paper takes A4 and a4 */
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (range_names); i++)
    if (g_ascii_strcasecmp (str, range_names[i]) == 0)
      {
        *range = (SpPrintRange) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_print_range_get_label (SpPrintRange range)
{
  switch (range)
    {
    case SP_PRINT_RANGE_WEEK:
      return _("This Week");
    case SP_PRINT_RANGE_MONTH:
      return _("This Month");
    case SP_PRINT_RANGE_PLAN:
      return _("The Whole Plan");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The week and month pages are wider than tall; the plan is a list. */
gboolean
sp_print_range_prefers_landscape (SpPrintRange range)
{
  return range != SP_PRINT_RANGE_PLAN;
}

/* Numbers -------------------------------------------------------------- */

char *
sp_print_format_level_tag (guint level)
{
  /* TRANSLATORS: a short label for a level of the path on paper, "L2" for Level 2 */
  return g_strdup_printf (_("L%u"), level + 1);
}

static const SpLevel *
get_level (SpPrintLayout *self,
           guint          index)
{
  if (index < sp_plan_get_n_levels (self->plan))
    return sp_plan_get_level (self->plan, index);
  return NULL;
}

const char *
sp_print_layout_level_title (SpPrintLayout *self,
                             guint          index)
{
  const SpLevel *level = get_level (self, index);

  return level ? sp_text_get (level->title) : "";
}

/* Planned for a day gone by and never marked */
gboolean
sp_print_layout_block_is_missed (SpPrintLayout *self,
                                 const SpBlock *block)
{
  return block->status == SP_BLOCK_STATUS_PLANNED && block->day < sp_schedule_get_today (self->schedule);
}

/* Header and footer ----------------------------------------------------- */

static char *
dup_range_text (SpPrintLayout *self)
{
  switch (self->range)
    {
    case SP_PRINT_RANGE_MONTH:
      return sp_calendar_format_month (self->from_day);
    case SP_PRINT_RANGE_WEEK:
    case SP_PRINT_RANGE_PLAN:
    default:
      return sp_calendar_format_range (self->first_day, self->last_day);
    }
}

guint
sp_print_layout_count_minutes (SpPrintLayout *self,
                               guint32        first_day,
                               guint32        last_day,
                               gboolean       done)
{
  guint minutes = 0;
  guint first;

  sp_schedule_get_day_blocks (self->schedule, first_day, &first);
  for (guint i = first; i < sp_schedule_get_n_blocks (self->schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (self->schedule, i);

      if (block->day > last_day)
        break;
      if (!done)
        minutes += block->status == SP_BLOCK_STATUS_SKIPPED ? 0 : block->minutes;
      else if (block->status == SP_BLOCK_STATUS_DONE)
        minutes += block->minutes;
      else if (block->status == SP_BLOCK_STATUS_PARTIAL)
        minutes += block->done_minutes;
    }
  return minutes;
}

static char *
dup_subtitle (SpPrintLayout *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *track_id = sp_schedule_get_track (self->schedule);
  const SpTrack *track = track_id ? sp_plan_lookup_track (self->plan, track_id) : NULL;
  guint planned = sp_print_layout_count_minutes (self, self->first_day, self->last_day, FALSE);
  guint done = sp_print_layout_count_minutes (self, self->first_day, self->last_day, TRUE);
  g_autofree char *planned_text = sp_calendar_format_duration (planned);

  if (track != NULL)
    /* TRANSLATORS: the specialization track on the printed schedule */
    g_string_append_printf (text, _("Track: %s"), sp_text_get (track->title));
  if (text->len > 0)
    g_string_append (text, " · ");
  /* TRANSLATORS: study time planned in the printed days, "Planned: 9 h 10 min" */
  g_string_append_printf (text, _("Planned: %s"), planned_text);
  if (done > 0)
    {
      g_autofree char *done_text = sp_calendar_format_duration (done);
      g_string_append (text, " · ");
      /* TRANSLATORS: study time done in the printed days, "Done: 2 h" */
      g_string_append_printf (text, _("Done: %s"), done_text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static double
measure_header (SpPen *pen)
{
  return sp_pen_line_height (pen, STYLE_TITLE) + sp_pen_line_height (pen, STYLE_SUBTITLE) + 3 + GAP;
}

static void
draw_header (SpPrintLayout *self,
             SpPen         *pen)
{
  cairo_t *cr = pen->cr;
  g_autofree char *range_text = dup_range_text (self);
  g_autofree char *subtitle = dup_subtitle (self);
  double title_h = sp_pen_line_height (pen, STYLE_TITLE);
  double range_w = MIN (sp_pen_text_width (pen, STYLE_TITLE, range_text), self->width * 0.55);
  double y;

  sp_print_set_gray (cr, 0);
  sp_pen_show (pen, STYLE_TITLE, sp_plan_get_title (self->plan), 0, 0,
               self->width - range_w - 12, 1, PANGO_ALIGN_LEFT);
  sp_pen_show (pen, STYLE_TITLE, range_text, self->width - range_w, 0, range_w, 1, PANGO_ALIGN_RIGHT);
  y = title_h;
  sp_print_set_gray (cr, 0.25);
  sp_pen_show (pen, STYLE_SUBTITLE, subtitle, 0, y, self->width, 1, PANGO_ALIGN_LEFT);
  y += sp_pen_line_height (pen, STYLE_SUBTITLE) + 2;
  sp_print_hline (cr, 0, self->width, y, 1.0, 0);
}

static void
draw_footer (SpPrintLayout *self,
             SpPen         *pen,
             guint          page)
{
  g_autofree char *number = NULL;
  double y = self->height - sp_pen_line_height (pen, STYLE_SMALL);
  double third = self->width / 3;

  sp_print_hline (pen->cr, 0, self->width, y - FOOTER_GAP / 2, RULE, 0.5);
  sp_print_set_gray (pen->cr, 0.3);
  /* TRANSLATORS: the page number at the foot of a printed page */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  sp_pen_show (pen, STYLE_SMALL, _("Study Planner"), 0, y, third, 1, PANGO_ALIGN_LEFT);
  sp_pen_show (pen, STYLE_SMALL, number, third, y, third, 1, PANGO_ALIGN_CENTER);
}

static double
measure_footer (SpPen *pen)
{
  return sp_pen_line_height (pen, STYLE_SMALL) + FOOTER_GAP;
}

/* The levels, told apart without colour. */
double
sp_print_layout_draw_legend (SpPrintLayout *self,
                             SpPen         *pen,
                             double         x,
                             double         y,
                             double         width,
                             gboolean       measure_only)
{
  double line = sp_pen_line_height (pen, STYLE_SMALL);
  double cx = x, cy = y;
  guint n_levels = sp_plan_get_n_levels (self->plan);
  const char *notes[] = {
    /* TRANSLATORS: the legend of the printed schedule */
    _("Tick the box when done"),
    /* TRANSLATORS: the legend of the printed schedule; "Moved" is the mark on such blocks */
    _("↪ Moved: brought forward from a missed day"),
  };

  for (guint i = 0; i < n_levels + G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *text = NULL;
      double w;

      if (i < n_levels)
        {
          g_autofree char *tag = sp_print_format_level_tag (i);
          text = g_strdup_printf ("%s %s", tag, sp_print_layout_level_title (self, i));
        }
      else
        text = g_strdup (notes[i - n_levels]);

      w = MIN (sp_pen_text_width (pen, STYLE_SMALL, text) + 12 + 10, width);
      if (cx > x && cx + w > x + width)
        {
          cx = x;
          cy += line + 2;
        }
      if (!measure_only)
        {
          if (i < n_levels)
            sp_print_fill_level (self->level_patterns, pen->cr, i, cx, cy + line / 2 - 4, 8, 8);
          else if (i == n_levels)
            sp_print_draw_checkbox (pen->cr, cx, cy + line / 2 - 4, 8, SP_BLOCK_STATUS_PLANNED);
          else
            {
              cairo_save (pen->cr);
              cairo_set_dash (pen->cr, (double[]) { 1.5, 1.0 }, 2, 0);
              cairo_set_line_width (pen->cr, 0.8);
              sp_print_set_gray (pen->cr, 0);
              cairo_rectangle (pen->cr, cx, cy + line / 2 - 4, 8, 8);
              cairo_stroke (pen->cr);
              cairo_restore (pen->cr);
            }
          sp_print_set_gray (pen->cr, 0);
          sp_pen_show (pen, STYLE_SMALL, text, cx + 11, cy, w - 11 - 10, 1, PANGO_ALIGN_LEFT);
        }
      cx += w;
    }
  return cy + line - y;
}

/* The object --------------------------------------------------------- */

static void
sp_print_layout_finalize (GObject *object)
{
  SpPrintLayout *self = SP_PRINT_LAYOUT (object);

  g_clear_object (&self->schedule);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  for (guint i = 0; i < SP_PRINT_N_LEVEL_LOOKS; i++)
    g_clear_pointer (&self->level_patterns[i], cairo_pattern_destroy);

  G_OBJECT_CLASS (sp_print_layout_parent_class)->finalize (object);
}

static void
sp_print_layout_class_init (SpPrintLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_print_layout_finalize;
}

static void
sp_print_layout_init (SpPrintLayout *self)
{
  /* The items and pages of the whole plan come with sp_print_plan_paginate() */
}

/**
 * sp_print_layout_new:
 * @schedule: the schedule to print
 * @range: what to print
 * @from_day: a Julian day in the week or month to print; for the whole
 *   plan, the first day to print, or 0 for the schedule's first day
 * @first_weekday: the day weeks start on, 0 for Monday (ISO 8601) to 6
 *   for Sunday, as the calendar views show them
 *
 * Returns: (transfer full): a layout to paginate and draw
 */
SpPrintLayout *
sp_print_layout_new (SpSchedule   *schedule,
                     SpPrintRange  range,
                     guint32       from_day,
                     guint         first_weekday)
{
  SpPrintLayout *self;
  guint32 today;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (range <= SP_PRINT_RANGE_PLAN, NULL);
  g_return_val_if_fail (from_day == 0 || g_date_valid_julian (from_day), NULL);
  g_return_val_if_fail (first_weekday < 7, NULL);

  self = g_object_new (SP_TYPE_PRINT_LAYOUT, NULL);
  self->schedule = g_object_ref (schedule);
  self->plan = g_object_ref (sp_schedule_get_plan (schedule));
  self->range = range;

  today = sp_schedule_get_today (schedule);
  if (today == 0)
    today = sp_day_today (NULL);
  self->first_weekday = first_weekday;
  self->plan_monday = sp_day_get_week_start (sp_schedule_get_first_day (schedule) ? sp_schedule_get_first_day (schedule) : today,
                                  first_weekday);

  switch (range)
    {
    case SP_PRINT_RANGE_WEEK:
      self->from_day = from_day ? from_day : today;
      self->first_day = sp_day_get_week_start (self->from_day, first_weekday);
      self->last_day = self->first_day + 6;
      break;
    case SP_PRINT_RANGE_MONTH:
      self->from_day = from_day ? from_day : today;
      sp_day_get_month_range (self->from_day, &self->first_day, &self->last_day);
      break;
    case SP_PRINT_RANGE_PLAN:
    default:
      /* Never before the plan: there is nothing to print there */
      self->from_day = MAX (from_day, sp_schedule_get_first_day (schedule));
      if (self->from_day == 0)
        self->from_day = today;
      self->first_day = self->from_day;
      self->last_day = MAX (sp_schedule_get_last_day (schedule), self->first_day);
      break;
    }
  return self;
}

SpPrintRange
sp_print_layout_get_range (SpPrintLayout *self)
{
  g_return_val_if_fail (SP_IS_PRINT_LAYOUT (self), SP_PRINT_RANGE_WEEK);
  return self->range;
}

guint32
sp_print_layout_get_first_day (SpPrintLayout *self)
{
  g_return_val_if_fail (SP_IS_PRINT_LAYOUT (self), 0);
  return self->first_day;
}

guint32
sp_print_layout_get_last_day (SpPrintLayout *self)
{
  g_return_val_if_fail (SP_IS_PRINT_LAYOUT (self), 0);
  return self->last_day;
}

/**
 * sp_print_layout_paginate:
 * @cr: a context on the target surface, to measure text with
 * @width: the printable width in points
 * @height: the printable height in points
 *
 * Lays out the pages for a printable area; call again when it changes.
 *
 * Returns: the number of pages, at least 1
 */
guint
sp_print_layout_paginate (SpPrintLayout *self,
                          cairo_t       *cr,
                          double         width,
                          double         height)
{
  SpPen pen;

  g_return_val_if_fail (SP_IS_PRINT_LAYOUT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  self->width = width;
  self->height = height;

  sp_pen_init (&pen, cr);
  self->header_height = measure_header (&pen);
  self->footer_height = measure_footer (&pen);
  if (self->range == SP_PRINT_RANGE_PLAN)
    {
      sp_print_plan_paginate (self, &pen);
      self->n_pages = self->pages->len;
    }
  else
    self->n_pages = 1;
  sp_pen_clear (&pen);

  return self->n_pages;
}

guint
sp_print_layout_get_n_pages (SpPrintLayout *self)
{
  g_return_val_if_fail (SP_IS_PRINT_LAYOUT (self), 0);
  return self->n_pages;
}

/**
 * sp_print_layout_draw_page:
 * @cr: a context in points, its origin at the top left of the printable area
 * @page: from 0 to the number of pages less one
 *
 * Draws one page, after sp_print_layout_paginate().
 */
void
sp_print_layout_draw_page (SpPrintLayout *self,
                           cairo_t       *cr,
                           guint          page)
{
  SpPen pen;

  g_return_if_fail (SP_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->n_pages > 0);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  sp_pen_init (&pen, cr);

  draw_header (self, &pen);
  switch (self->range)
    {
    case SP_PRINT_RANGE_WEEK:
      sp_print_week_draw_page (self, &pen);
      break;
    case SP_PRINT_RANGE_MONTH:
      sp_print_month_draw_page (self, &pen);
      break;
    case SP_PRINT_RANGE_PLAN:
    default:
      sp_print_plan_draw_page (self, &pen, page);
      break;
    }
  draw_footer (self, &pen, page);

  sp_pen_clear (&pen);
  cairo_restore (cr);
}

