/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-calendar-text.h"
#include "sp-print-layout-private.h"

/* One page: the month as a calendar, the blocks of each day listed. */

static void
draw_month_cell (SpPrintLayout *self,
                 SpPen         *pen,
                 guint32        day,
                 gboolean       in_month,
                 double         x,
                 double         y,
                 double         w,
                 double         h)
{
  cairo_t *cr = pen->cr;
  g_autofree char *number = sp_calendar_format (day, "%-d");
  double num_h = sp_pen_line_height (pen, STYLE_SMALL_BOLD);
  double line = sp_pen_line_height (pen, STYLE_TINY) + 1;
  guint first, n = sp_schedule_get_day_blocks (self->schedule, day, &first);
  guint fit = (guint) MAX (0, floor ((h - num_h - 2) / line));
  double ly = y + num_h + 1;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  if (!in_month)
    {
      sp_print_set_gray (cr, 0.94);
      cairo_paint (cr);
    }
  sp_print_set_gray (cr, in_month ? 0 : 0.55);
  sp_pen_show (pen, STYLE_SMALL_BOLD, number, x + 2, y + 1, w - 4, 1, PANGO_ALIGN_LEFT);
  if (n > 0)
    {
      g_autofree char *total = NULL;
      guint minutes = 0;

      for (guint i = first; i < first + n; i++)
        minutes += sp_schedule_get_block (self->schedule, i)->minutes;
      total = sp_calendar_format_duration (minutes);
      sp_print_set_gray (cr, 0.35);
      sp_pen_show (pen, STYLE_TINY, total, x + w / 2, y + 1.5, w / 2 - 2, 1, PANGO_ALIGN_RIGHT);
    }

  for (guint i = 0; i < n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (self->schedule, first + i);
      g_autofree char *start = NULL;
      g_autofree char *text = NULL;

      if (i + 1 == fit && n > fit)
        {
          guint rest = n - i;

          /* TRANSLATORS: blocks that did not fit in a day of the printed month */
          text = g_strdup_printf (ngettext ("+ %u more block", "+ %u more blocks", rest), rest);
          sp_print_set_gray (cr, 0.3);
          sp_pen_show (pen, STYLE_TINY, text, x + 9, ly, w - 11, 1, PANGO_ALIGN_LEFT);
          break;
        }
      if (i >= fit)
        break;

      start = sp_format_time (block->start);
      text = g_strdup_printf ("%s%s %s", block->moved ? "↪" : "", start, sp_topic_get_title (block->topic));
      sp_print_draw_checkbox (cr, x + 2, ly + line / 2 - 2.7, 5, block->status);
      sp_print_fill_level (self->level_patterns, cr, block->level, x + 8, ly + 0.5, 2.5, line - 1.5);
      sp_print_set_gray (cr, 0);
      sp_pen_show (pen, STYLE_TINY, text, x + 12, ly, w - 14, 1, PANGO_ALIGN_LEFT);
      ly += line;
    }
  cairo_restore (cr);
}

void
sp_print_month_draw_page (SpPrintLayout *self,
                          SpPen         *pen)
{
  cairo_t *cr = pen->cr;
  double top = self->header_height;
  double body_h = self->height - top - self->footer_height - GAP;
  double legend_h = sp_print_layout_draw_legend (self, pen, 0, 0, self->width, TRUE);
  double head = sp_pen_line_height (pen, STYLE_SMALL_BOLD) + 3;
  guint32 grid_first = sp_day_get_week_start (self->first_day, self->first_weekday);
  guint n_weeks = (sp_day_get_week_start (self->last_day, self->first_weekday) - grid_first) / 7 + 1;
  double col_w = self->width / 7;
  double row_h = (body_h - legend_h - GAP - head) / n_weeks;
  double grid_y = top + head;

  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *name = sp_calendar_format_weekday (grid_first + d);

      sp_print_set_gray (cr, 0);
      sp_pen_show (pen, STYLE_SMALL_BOLD, name, d * col_w + 2, top, col_w - 4, 1, PANGO_ALIGN_LEFT);
    }

  for (guint w = 0; w < n_weeks; w++)
    for (guint d = 0; d < 7; d++)
      {
        guint32 day = grid_first + w * 7 + d;

        draw_month_cell (self, pen, day, day >= self->first_day && day <= self->last_day,
                         d * col_w, grid_y + w * row_h, col_w, row_h);
      }

  cairo_save (cr);
  sp_print_set_gray (cr, 0);
  cairo_set_line_width (cr, RULE);
  for (guint w = 0; w <= n_weeks; w++)
    {
      cairo_move_to (cr, 0, grid_y + w * row_h);
      cairo_line_to (cr, self->width, grid_y + w * row_h);
    }
  for (guint d = 0; d <= 7; d++)
    {
      cairo_move_to (cr, d * col_w, grid_y);
      cairo_line_to (cr, d * col_w, grid_y + n_weeks * row_h);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  sp_print_layout_draw_legend (self, pen, 0, top + body_h - legend_h, self->width, FALSE);
}

