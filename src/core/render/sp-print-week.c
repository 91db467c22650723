/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-calendar-text.h"
#include "sp-print-layout-private.h"

/* One page: the week as a time grid, with the goals of its topics. */

typedef struct
{
  const SpTopic *topic;
  guint          level;
  guint          minutes;
  guint          kinds;        /* 1 << SpBlockKind */
  gboolean       before;       /* study (reviews aside) before the week */
  gboolean       after;        /* and after it */
  guint          order;
} Goal;

static int
goal_compare (gconstpointer a,
              gconstpointer b)
{
  const Goal *ga = *(const Goal **) a, *gb = *(const Goal **) b;

  return (int) ga->order - (int) gb->order;
}

/* The topics of the week, in the order they come, with what to reach:
 * start, carry on, finish, or review. */
static GPtrArray *
collect_goals (SpPrintLayout *self,
               guint32        monday)
{
  g_autoptr(GHashTable) by_topic = g_hash_table_new (NULL, NULL);
  GPtrArray *goals = g_ptr_array_new_with_free_func (g_free);
  guint32 sunday = monday + 6;
  guint n = sp_schedule_get_n_blocks (self->schedule);
  guint first;

  sp_schedule_get_day_blocks (self->schedule, monday, &first);
  for (guint i = first; i < n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (self->schedule, i);
      Goal *goal;

      if (block->day > sunday)
        break;
      goal = g_hash_table_lookup (by_topic, block->topic);
      if (goal == NULL)
        {
          goal = g_new0 (Goal, 1);
          goal->topic = block->topic;
          goal->level = block->level;
          goal->order = goals->len;
          g_hash_table_insert (by_topic, (gpointer) block->topic, goal);
          g_ptr_array_add (goals, goal);
        }
      goal->minutes += block->minutes;
      goal->kinds |= 1u << block->kind;
    }

  /* Whether the topic's study (reviews aside) begins or ends this week */
  for (guint i = 0; i < n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (self->schedule, i);
      Goal *goal;

      if (block->kind == SP_BLOCK_KIND_REVIEW)
        continue;
      goal = g_hash_table_lookup (by_topic, block->topic);
      if (goal == NULL)
        continue;
      if (block->day < monday)
        goal->before = TRUE;
      else if (block->day > sunday)
        goal->after = TRUE;
    }

  g_ptr_array_sort (goals, goal_compare);
  return goals;
}

static char *
dup_goal_text (const Goal *goal)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *minutes = sp_calendar_format_duration (goal->minutes);
  const char *aim;

  if (goal->kinds == (1u << SP_BLOCK_KIND_REVIEW))
    /* TRANSLATORS: a week's goal for a topic on the printed schedule */
    aim = _("Review");
  else if (!goal->after)
    /* TRANSLATORS: a week's goal for a topic on the printed schedule */
    aim = _("Finish");
  else if (!goal->before)
    /* TRANSLATORS: a week's goal for a topic on the printed schedule */
    aim = C_("week goal", "Start");
  else
    /* TRANSLATORS: a week's goal for a topic on the printed schedule */
    aim = _("Continue");

  g_string_append_printf (text, "%s · %s", aim, minutes);
  for (guint k = SP_BLOCK_KIND_LEARN; k <= SP_BLOCK_KIND_PROJECT; k++)
    if (goal->kinds & (1u << k))
      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", sp_block_kind_get_label (k));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
goal_task (const Goal *goal)
{
  const SpText *task = NULL;

  if (goal->kinds & (1u << SP_BLOCK_KIND_LEARN))
    task = goal->topic->task_read;
  if (task == NULL && goal->kinds & (1u << SP_BLOCK_KIND_PRACTICE))
    task = goal->topic->task_practice;
  if (task == NULL && goal->kinds & (1u << SP_BLOCK_KIND_PROJECT))
    task = goal->topic->task_project;
  return task ? sp_text_get (task) : NULL;
}

/* The goals, one after another, as many as fit; then how many did not. */
static void
draw_goals (SpPrintLayout *self,
            SpPen         *pen,
            GPtrArray     *goals,
            double         x,
            double         y,
            double         width,
            double         height)
{
  cairo_t *cr = pen->cr;
  double bottom = y + height;
  double more_h = sp_pen_line_height (pen, STYLE_SMALL);
  guint shown = 0;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  sp_print_set_gray (cr, 0);
  y += sp_pen_show (pen, STYLE_WEEK, _("Goals This Week"), x, y, width, 1, PANGO_ALIGN_LEFT) + 3;

  if (goals->len == 0)
    {
      sp_print_set_gray (cr, 0.3);
      sp_pen_show (pen, STYLE_BODY, _("No study blocks this week."), x, y, width, 0, PANGO_ALIGN_LEFT);
    }

  for (guint i = 0; i < goals->len; i++)
    {
      const Goal *goal = g_ptr_array_index (goals, i);
      g_autofree char *tag = sp_print_format_level_tag (goal->level);
      g_autofree char *title = g_strdup_printf ("%s  %s", tag, sp_topic_get_title (goal->topic));
      g_autofree char *detail = dup_goal_text (goal);
      const char *task = goal_task (goal);
      double tx = x + 11, tw = width - 11;
      double h;
      gboolean last = i + 1 == goals->len;
      double reserve = last ? 0 : more_h;

      h = sp_pen_measure (pen, STYLE_BODY_BOLD, title, tw, 2)
          + sp_pen_measure (pen, STYLE_SMALL, detail, tw, 2)
          + (task ? sp_pen_measure (pen, STYLE_SMALL, task, tw, 2) : 0) + 4;
      if (y + h > bottom - reserve)
        break;

      sp_print_fill_level (self->level_patterns, cr, goal->level, x, y + 1.5, 7, 7);
      sp_print_set_gray (cr, 0);
      y += sp_pen_show (pen, STYLE_BODY_BOLD, title, tx, y, tw, 2, PANGO_ALIGN_LEFT);
      sp_print_set_gray (cr, 0.15);
      y += sp_pen_show (pen, STYLE_SMALL, detail, tx, y, tw, 2, PANGO_ALIGN_LEFT);
      if (task != NULL)
        {
          sp_print_set_gray (cr, 0.35);
          y += sp_pen_show (pen, STYLE_SMALL, task, tx, y, tw, 2, PANGO_ALIGN_LEFT);
        }
      y += 4;
      shown++;
    }

  if (shown < goals->len)
    {
      g_autofree char *more = NULL;
      guint rest = goals->len - shown;

      /* TRANSLATORS: goals that did not fit on the printed week */
      more = g_strdup_printf (ngettext ("and %u more topic", "and %u more topics", rest), rest);
      sp_print_set_gray (cr, 0.3);
      sp_pen_show (pen, STYLE_SMALL, more, x + 11, y, width - 11, 1, PANGO_ALIGN_LEFT);
    }
  cairo_restore (cr);
}

/* The hours of the grid: from the week's first block to its last, at least
 * four; runs of two or more empty hours between blocks shrink to a thin
 * band, so the hours with blocks get the room. */
typedef struct
{
  guint  first_hour;
  guint  last_hour;   /* exclusive */
  double weight;
  double y;
  double height;
} Band;

#define COLLAPSED_WEIGHT 0.45

static GArray *
week_bands (SpPrintLayout *self,
            guint32        monday)
{
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (Band));
  gboolean busy[24] = { FALSE, };
  guint lo = 24, hi = 0;

  for (guint32 day = monday; day < monday + 7; day++)
    {
      guint first, n = sp_schedule_get_day_blocks (self->schedule, day, &first);

      for (guint i = first; i < first + n; i++)
        {
          const SpBlock *block = sp_schedule_get_block (self->schedule, i);
          guint end = MIN ((guint) block->start + block->minutes, SP_MINUTES_PER_DAY);

          for (guint h = block->start / 60u; h * 60 < end && h < 24; h++)
            busy[h] = TRUE;
          lo = MIN (lo, block->start / 60u);
          hi = MAX (hi, MIN ((end + 59u) / 60u, 24u));
        }
    }
  if (lo >= hi)
    {
      lo = 8;
      hi = 20;
    }
  while (hi - lo < 4)
    {
      if (hi < 24)
        hi++;
      if (hi - lo < 4 && lo > 0)
        lo--;
    }

  for (guint h = lo; h < hi;)
    {
      Band band = { h, h + 1, 1.0, 0, 0 };

      if (!busy[h])
        {
          guint end = h;

          while (end < hi && !busy[end])
            end++;
          /* Only between blocks: the edges are room to write in */
          if (end - h >= 2 && h > lo && end < hi)
            {
              band.last_hour = end;
              band.weight = COLLAPSED_WEIGHT;
            }
        }
      g_array_append_val (bands, band);
      h = band.last_hour;
    }
  return bands;
}

static void
place_bands (GArray *bands,
             double  y,
             double  height)
{
  double total = 0;

  for (guint i = 0; i < bands->len; i++)
    total += g_array_index (bands, Band, i).weight;
  for (guint i = 0; i < bands->len; i++)
    {
      Band *band = &g_array_index (bands, Band, i);

      band->y = y;
      band->height = height * band->weight / total;
      y += band->height;
    }
}

static double
minute_to_y (GArray *bands,
             guint   minute)
{
  for (guint i = 0; i < bands->len; i++)
    {
      const Band *band = &g_array_index (bands, Band, i);

      if (minute < band->last_hour * 60 || i + 1 == bands->len)
        {
          double span = (band->last_hour - band->first_hour) * 60.0;
          double into = CLAMP ((double) minute - band->first_hour * 60.0, 0, span);

          return band->y + band->height * into / span;
        }
    }
  return 0;
}

static void
draw_week_block (SpPrintLayout *self,
                 SpPen         *pen,
                 const SpBlock *block,
                 double         x,
                 double         y,
                 double         w,
                 double         h)
{
  cairo_t *cr = pen->cr;
  g_autofree char *start = sp_format_time (block->start);
  g_autofree char *meta = NULL;
  const char *task = NULL;
  gboolean missed = sp_print_layout_block_is_missed (self, block);
  double strip = 4.5, box = 6.5;
  double tx = x + strip + 2.5, tw = w - strip - 4;
  double line = sp_pen_line_height (pen, STYLE_TINY_BOLD);
  double title_line = sp_pen_line_height (pen, STYLE_SMALL_BOLD);
  double ty;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip_preserve (cr);
  sp_print_set_gray (cr, block->status == SP_BLOCK_STATUS_SKIPPED || missed ? 0.9 : 1.0);
  cairo_fill (cr);
  {
    /* The border inside the box, so the clip keeps all of it */
    double line_width = block->moved ? 0.9 : 0.5;

    sp_print_set_gray (cr, 0.2);
    cairo_set_line_width (cr, line_width);
    if (block->moved)
      cairo_set_dash (cr, (double[]) { 2.0, 1.2 }, 2, 0);
    cairo_rectangle (cr, x + line_width / 2, y + line_width / 2, w - line_width, h - line_width);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }

  sp_print_fill_level (self->level_patterns, cr, block->level, x, y, strip, h);
  sp_print_draw_checkbox (cr, x + w - box - 2, y + 2, box, block->status);

  /* The time and the kind, marked when moved or missed */
  meta = g_strdup_printf ("%s%s · %s", block->moved ? "↪ " : "", start,
                          missed ? _("Missed") : sp_block_kind_get_label (block->kind));
  sp_print_set_gray (cr, 0.15);
  if (h < line + title_line + 2)
    {
      /* Too short for two lines: the time and the topic on one */
      g_autofree char *one = g_strdup_printf ("%s %s", meta, sp_topic_get_title (block->topic));

      sp_pen_show (pen, STYLE_TINY_BOLD, one, tx, y + MAX (0, (h - line) / 2), tw - box - 2, 1, PANGO_ALIGN_LEFT);
      cairo_restore (cr);
      return;
    }

  ty = y + 1.5;
  ty += sp_pen_show (pen, STYLE_TINY_BOLD, meta, tx, ty, tw - box - 2, 1, PANGO_ALIGN_LEFT);
  sp_print_set_gray (cr, 0);
  ty += sp_pen_show (pen, STYLE_SMALL_BOLD, sp_topic_get_title (block->topic), tx, ty, tw,
                     (int) MAX (1, MIN (3, floor ((y + h - ty) / title_line))), PANGO_ALIGN_LEFT);

  /* Room left: what to do */
  switch (block->kind)
    {
    case SP_BLOCK_KIND_LEARN:
      task = block->topic->task_read ? sp_text_get (block->topic->task_read) : NULL;
      break;
    case SP_BLOCK_KIND_PRACTICE:
      task = block->topic->task_practice ? sp_text_get (block->topic->task_practice) : NULL;
      break;
    case SP_BLOCK_KIND_PROJECT:
      task = block->topic->task_project ? sp_text_get (block->topic->task_project) : NULL;
      break;
    case SP_BLOCK_KIND_REVIEW:
    default:
      break;
    }
  if (task != NULL && y + h - ty >= sp_pen_line_height (pen, STYLE_TINY) + 1)
    {
      sp_print_set_gray (cr, 0.35);
      sp_pen_show (pen, STYLE_TINY, task, tx, ty + 1, tw,
                   (int) floor ((y + h - ty - 1) / sp_pen_line_height (pen, STYLE_TINY)), PANGO_ALIGN_LEFT);
    }
  cairo_restore (cr);
}

static void
draw_week_grid (SpPrintLayout *self,
                SpPen         *pen,
                guint32        monday,
                double         x,
                double         y,
                double         width,
                double         height)
{
  cairo_t *cr = pen->cr;
  double axis = sp_pen_text_width (pen, STYLE_TINY, "00:00") + 4;
  double head = sp_pen_line_height (pen, STYLE_SMALL_BOLD) + sp_pen_line_height (pen, STYLE_TINY) + 4;
  double col_w = (width - axis) / 7;
  double grid_y = y + head;
  double grid_h = height - head;
  g_autoptr(GArray) bands = week_bands (self, monday);
  const Band *last;

  place_bands (bands, grid_y, grid_h);

  /* Weekdays with their dates */
  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *name = NULL;
      g_autofree char *date = NULL;
      double cx = x + axis + d * col_w;

      name = sp_calendar_format_weekday (monday + d);
      date = sp_calendar_format_day_short (monday + d);
      sp_print_set_gray (cr, 0);
      sp_pen_show (pen, STYLE_SMALL_BOLD, name, cx + 2, y, col_w - 4, 1, PANGO_ALIGN_LEFT);
      sp_print_set_gray (cr, 0.3);
      sp_pen_show (pen, STYLE_TINY, date, cx + 2, y + sp_pen_line_height (pen, STYLE_SMALL_BOLD),
                   col_w - 4, 1, PANGO_ALIGN_LEFT);
    }

  /* Hours, and the quiet hours shrunk to a band */
  for (guint i = 0; i < bands->len; i++)
    {
      const Band *band = &g_array_index (bands, Band, i);
      g_autofree char *label = sp_format_time (band->first_hour * 60);

      if (band->last_hour - band->first_hour > 1)
        {
          g_autofree char *range = sp_calendar_format_times (band->first_hour * 60, band->last_hour * 60);

          cairo_save (cr);
          sp_print_set_gray (cr, 0.95);
          cairo_rectangle (cr, x + axis, band->y, width - axis, band->height);
          cairo_fill (cr);
          cairo_restore (cr);
          sp_print_set_gray (cr, 0.45);
          sp_pen_show (pen, STYLE_TINY, range, x + axis, band->y + (band->height - sp_pen_line_height (pen, STYLE_TINY)) / 2,
                       width - axis, 1, PANGO_ALIGN_CENTER);
        }
      else
        {
          sp_print_set_gray (cr, 0.35);
          sp_pen_show (pen, STYLE_TINY, label, x, band->y + 1, axis - 3, 1, PANGO_ALIGN_RIGHT);
        }
      sp_print_hline (cr, x + axis, x + width, band->y, i == 0 ? 0.8 : RULE, i == 0 ? 0 : 0.7);
    }
  last = &g_array_index (bands, Band, bands->len - 1);
  sp_print_hline (cr, x + axis, x + width, last->y + last->height, 0.8, 0);

  for (guint d = 0; d <= 7; d++)
    {
      double cx = x + axis + d * col_w;

      cairo_save (cr);
      sp_print_set_gray (cr, d == 0 || d == 7 ? 0 : 0.6);
      cairo_set_line_width (cr, d == 0 || d == 7 ? 0.8 : RULE);
      cairo_move_to (cr, cx, grid_y);
      cairo_line_to (cr, cx, grid_y + grid_h);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* The blocks */
  for (guint d = 0; d < 7; d++)
    {
      guint first, n = sp_schedule_get_day_blocks (self->schedule, monday + d, &first);
      double cx = x + axis + d * col_w;

      for (guint i = first; i < first + n; i++)
        {
          const SpBlock *block = sp_schedule_get_block (self->schedule, i);
          double by = minute_to_y (bands, block->start);
          double bh = minute_to_y (bands, MIN (block->start + block->minutes, SP_MINUTES_PER_DAY)) - by;

          draw_week_block (self, pen, block, cx + 1.5, by + 0.5, col_w - 3, MAX (bh - 1, 2));
        }
    }
}

void
sp_print_week_draw_page (SpPrintLayout *self,
                         SpPen         *pen)
{
  g_autoptr(GPtrArray) goals = collect_goals (self, self->first_day);
  double top = self->header_height;
  double body_h = self->height - top - self->footer_height - GAP;
  double legend_h;

  if (self->width > self->height * 1.1)
    {
      /* Landscape: the goals beside the grid */
      double side = CLAMP (self->width * 0.27, 150, 260);
      double grid_w = self->width - side - GAP * 2;

      legend_h = sp_print_layout_draw_legend (self, pen, 0, 0, grid_w, TRUE);
      draw_week_grid (self, pen, self->first_day, 0, top, grid_w, body_h - legend_h - GAP);
      sp_print_layout_draw_legend (self, pen, 0, top + body_h - legend_h, grid_w, FALSE);
      draw_goals (self, pen, goals, grid_w + GAP * 2, top, side, body_h);
    }
  else
    {
      /* Portrait: the goals under the grid */
      double grid_h = body_h * 0.62;

      legend_h = sp_print_layout_draw_legend (self, pen, 0, 0, self->width, TRUE);
      draw_week_grid (self, pen, self->first_day, 0, top, self->width, grid_h);
      draw_goals (self, pen, goals, 0, top + grid_h + GAP * 2, self->width,
                  body_h - grid_h - GAP * 3 - legend_h);
      sp_print_layout_draw_legend (self, pen, 0, top + body_h - legend_h, self->width, FALSE);
    }
}

