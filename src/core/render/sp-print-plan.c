/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-calendar-text.h"
#include "sp-print-layout-private.h"

/* Many pages: the whole plan week by week, a row with a checkbox per block. */

typedef enum
{
  ITEM_LEVEL,   /* a level's heading: its dates, hours and whether it fits */
  ITEM_WEEK,    /* a week's heading */
  ITEM_BLOCK,   /* one block, a row with a checkbox */
  ITEM_EMPTY,   /* a week without blocks */
  ITEM_SUMMARY, /* nothing scheduled at all: why */
} ItemKind;

typedef struct
{
  ItemKind kind;
  guint    index;   /* the level, or the block */
  guint32  monday;  /* the week it belongs to */
  double   height;
} Item;

static guint
week_number (SpPrintLayout *self,
             guint32        monday)
{
  return (monday - self->plan_monday) / 7 + 1;
}

static char *
dup_week_heading (SpPrintLayout *self,
                  guint32        monday,
                  gboolean       continued)
{
  g_autofree char *range = sp_calendar_format_range (monday, monday + 6);

  if (continued)
    /* TRANSLATORS: a week of the plan carried over to the next page: "Week 12 · 3 March – 9 March 2025 (continued)" */
    return g_strdup_printf (_("Week %u · %s (continued)"), week_number (self, monday), range);
  /* TRANSLATORS: a week of the plan on paper: "Week 12 · 3 March – 9 March 2025" */
  return g_strdup_printf (_("Week %u · %s"), week_number (self, monday), range);
}

static char *
dup_level_detail (SpPrintLayout       *self,
                  const SpLevelReport *report)
{
  g_autofree char *range = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *months = NULL;

  if (report->start_day == 0)
    return g_strdup (_("Not scheduled"));

  range = sp_calendar_format_range (report->start_day, MAX (report->end_day, report->start_day));
  hours = g_strdup_printf ("%.0f", report->hours);
  months = g_strdup_printf ("%.1f", report->months);
  /* TRANSLATORS: a level's dates on the printed plan: "3 March 2025 – 12 September 2025 · 6.3 months · 320 hours" */
  return g_strdup_printf (_("%s · %s months · %s hours"), range, months, hours);
}

static double
level_item_height (SpPrintLayout *self,
                   SpPen         *pen,
                   guint          level)
{
  const SpLevelReport *report = sp_schedule_get_level_report (self->schedule, level);
  g_autofree char *detail = dup_level_detail (self, report);
  g_autofree char *title = g_strdup_printf (_("Level %u · %s"), level + 1, sp_print_layout_level_title (self, level));
  double h = GAP + sp_pen_measure (pen, STYLE_HEADING, title, self->width - 20, 2)
             + sp_pen_measure (pen, STYLE_BODY, detail, self->width - 20, 2) + 3;

  if (report->advice != NULL && report->advice[0] != '\0')
    h += sp_pen_measure (pen, STYLE_SMALL, report->advice, self->width - 20, 3) + 2;
  return h + GAP;
}

static double
draw_level_item (SpPrintLayout *self,
                 SpPen         *pen,
                 guint          level,
                 double         y)
{
  cairo_t *cr = pen->cr;
  const SpLevelReport *report = sp_schedule_get_level_report (self->schedule, level);
  g_autofree char *detail = dup_level_detail (self, report);
  g_autofree char *title = g_strdup_printf (_("Level %u · %s"), level + 1, sp_print_layout_level_title (self, level));
  double y0 = y;

  y += GAP;
  sp_print_fill_level (self->level_patterns, cr, level, 0, y + 1, 14, 14);
  sp_print_set_gray (cr, 0);
  y += sp_pen_show (pen, STYLE_HEADING, title, 20, y, self->width - 20, 2, PANGO_ALIGN_LEFT);
  sp_print_set_gray (cr, 0.2);
  y += sp_pen_show (pen, STYLE_BODY, detail, 20, y, self->width - 20, 2, PANGO_ALIGN_LEFT) + 3;
  if (report->advice != NULL && report->advice[0] != '\0')
    {
      sp_print_set_gray (cr, 0.35);
      y += sp_pen_show (pen, STYLE_SMALL, report->advice, 20, y, self->width - 20, 3, PANGO_ALIGN_LEFT) + 2;
    }
  return y + GAP - y0;
}

static double
week_item_height (SpPen *pen)
{
  return 4 + sp_pen_line_height (pen, STYLE_WEEK) + 3;
}

static double
draw_week_item (SpPrintLayout *self,
                SpPen         *pen,
                guint32        monday,
                gboolean       continued,
                double         y)
{
  cairo_t *cr = pen->cr;
  g_autofree char *heading = dup_week_heading (self, monday, continued);
  g_autofree char *planned = sp_calendar_format_duration (sp_print_layout_count_minutes (self, monday, monday + 6, FALSE));
  double planned_w = MIN (sp_pen_text_width (pen, STYLE_SMALL, planned), self->width / 3);
  double h = week_item_height (pen);

  sp_print_set_gray (cr, 0);
  sp_pen_show (pen, STYLE_WEEK, heading, 0, y + 4, self->width - planned_w - 10, 1, PANGO_ALIGN_LEFT);
  sp_print_set_gray (cr, 0.3);
  sp_pen_show (pen, STYLE_SMALL, planned, self->width - planned_w, y + 5, planned_w, 1, PANGO_ALIGN_RIGHT);
  sp_print_hline (cr, 0, self->width, y + h - 1.5, RULE, 0.3);
  return h;
}

/* @first_on_page: name the day even when the page starts inside it */
static void
draw_block_row (SpPrintLayout *self,
                SpPen         *pen,
                guint          index,
                gboolean       first_on_page,
                double         y)
{
  cairo_t *cr = pen->cr;
  const SpBlock *block = sp_schedule_get_block (self->schedule, index);
  const SpBlock *prev = index > 0 ? sp_schedule_get_block (self->schedule, index - 1) : NULL;
  g_autofree char *times = sp_calendar_format_times (block->start, (guint) block->start + block->minutes);
  g_autofree char *tag = sp_print_format_level_tag (block->level);
  g_autoptr(GString) kind = g_string_new (sp_block_kind_get_label (block->kind));
  double line = sp_pen_line_height (pen, STYLE_BODY);
  double ty = y + (ROW_HEIGHT - line) / 2;
  double x_day = 12, x_time = x_day + 58, x_level = x_time + 58, x_topic = x_level + 30;
  double kind_w = MIN (110, self->width * 0.22);
  double topic_w = self->width - x_topic - kind_w - 6;

  if (block->moved)
    g_string_append_printf (kind, " · %s", _("Moved"));
  if (sp_print_layout_block_is_missed (self, block))
    /* TRANSLATORS: a mark on a printed block planned for a day gone by and never marked */
    g_string_append_printf (kind, " · %s", _("Missed"));

  sp_print_draw_checkbox (cr, 0, y + (ROW_HEIGHT - 7.5) / 2, 7.5, block->status);
  if (first_on_page || prev == NULL || prev->day != block->day)
    {
      g_autofree char *day = sp_calendar_format_day_brief (block->day);

      sp_print_set_gray (cr, 0);
      sp_pen_show (pen, STYLE_BODY_BOLD, day, x_day, ty, x_time - x_day - 4, 1, PANGO_ALIGN_LEFT);
    }
  sp_print_set_gray (cr, 0.15);
  sp_pen_show (pen, STYLE_BODY, times, x_time, ty, x_level - x_time - 4, 1, PANGO_ALIGN_LEFT);
  sp_print_fill_level (self->level_patterns, cr, block->level, x_level, y + 2, 8, ROW_HEIGHT - 4);
  sp_print_set_gray (cr, 0);
  sp_pen_show (pen, STYLE_SMALL_BOLD, tag, x_level + 10, ty + 0.5, x_topic - x_level - 12, 1, PANGO_ALIGN_LEFT);
  sp_pen_show (pen, STYLE_BODY, sp_topic_get_title (block->topic), x_topic, ty, topic_w, 1, PANGO_ALIGN_LEFT);
  sp_print_set_gray (cr, 0.3);
  sp_pen_show (pen, block->moved || sp_print_layout_block_is_missed (self, block) ? STYLE_SMALL_BOLD : STYLE_SMALL, kind->str, self->width - kind_w, ty + 0.5,
               kind_w, 1, PANGO_ALIGN_RIGHT);
}

static void
add_item (GArray   *items,
          ItemKind  kind,
          guint     index,
          guint32   monday,
          double    height)
{
  Item item = { kind, index, monday, height };

  g_array_append_val (items, item);
}

static void
build_plan_items (SpPrintLayout *self,
                  SpPen         *pen)
{
  guint n_levels = sp_schedule_get_n_levels (self->schedule);
  guint n_blocks = sp_schedule_get_n_blocks (self->schedule);
  double week_h = week_item_height (pen);
  double empty_h = ROW_HEIGHT;
  g_autofree gboolean *headed = g_new0 (gboolean, MAX (n_levels, 1));
  guint first;

  g_array_set_size (self->items, 0);

  if (n_blocks == 0 || self->first_day > self->last_day)
    {
      const char *summary = sp_schedule_get_summary (self->schedule);

      add_item (self->items, ITEM_SUMMARY, 0, 0,
                sp_pen_measure (pen, STYLE_BODY, summary ? summary : _("Nothing is scheduled."), self->width, 0) + GAP);
      return;
    }

  sp_schedule_get_day_blocks (self->schedule, self->first_day, &first);
  for (guint32 monday = sp_day_get_week_start (self->first_day, self->first_weekday); monday <= self->last_day; monday += 7)
    {
      guint32 sunday = monday + 6;
      gboolean any = FALSE;

      /* A level's heading comes before the week it starts in */
      for (guint l = 0; l < n_levels; l++)
        {
          const SpLevelReport *report = sp_schedule_get_level_report (self->schedule, l);

          if (!headed[l] && report->start_day != 0 && report->start_day <= sunday)
            {
              headed[l] = TRUE;
              add_item (self->items, ITEM_LEVEL, l, monday, level_item_height (self, pen, l));
            }
        }

      add_item (self->items, ITEM_WEEK, 0, monday, week_h);
      for (; first < n_blocks; first++)
        {
          const SpBlock *block = sp_schedule_get_block (self->schedule, first);

          if (block->day > sunday || block->day > self->last_day)
            break;
          if (block->day < self->first_day)
            continue;
          add_item (self->items, ITEM_BLOCK, first, monday, ROW_HEIGHT);
          any = TRUE;
        }
      if (!any)
        add_item (self->items, ITEM_EMPTY, 0, monday, empty_h);
    }
}

/* Headings stay with what follows them; a page that starts inside a week
 * repeats the week's heading. */
void
sp_print_plan_paginate (SpPrintLayout *self,
                        SpPen         *pen)
{
  double avail = self->height - self->header_height - self->footer_height - GAP;
  double week_h = week_item_height (pen);
  double y = 0;
  guint zero = 0;

  if (self->items == NULL)
    {
      self->items = g_array_new (FALSE, FALSE, sizeof (Item));
      self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  build_plan_items (self, pen);
  g_array_set_size (self->pages, 0);
  g_array_append_val (self->pages, zero);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double need = item->height;

      if (item->kind == ITEM_LEVEL || item->kind == ITEM_WEEK)
        for (guint j = i + 1; j < self->items->len; j++)
          {
            const Item *next = &g_array_index (self->items, Item, j);

            need += next->height;
            if (next->kind != ITEM_LEVEL && next->kind != ITEM_WEEK)
              break;
          }

      if (y > 0 && y + need > avail)
        {
          g_array_append_val (self->pages, i);
          y = item->kind == ITEM_BLOCK || item->kind == ITEM_EMPTY ? week_h : 0;
        }
      y += item->height;
    }
}

void
sp_print_plan_draw_page (SpPrintLayout *self,
                         SpPen         *pen,
                         guint          page)
{
  cairo_t *cr = pen->cr;
  guint start = g_array_index (self->pages, guint, page);
  guint end = page + 1 < self->pages->len ? g_array_index (self->pages, guint, page + 1) : self->items->len;
  double bottom = self->height - self->footer_height;
  double y = self->header_height;

  cairo_save (cr);
  cairo_rectangle (cr, 0, y, self->width, bottom - y);
  cairo_clip (cr);

  for (guint i = start; i < end; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (i == start && (item->kind == ITEM_BLOCK || item->kind == ITEM_EMPTY))
        y += draw_week_item (self, pen, item->monday, TRUE, y);

      switch (item->kind)
        {
        case ITEM_LEVEL:
          draw_level_item (self, pen, item->index, y);
          break;
        case ITEM_WEEK:
          draw_week_item (self, pen, item->monday, FALSE, y);
          break;
        case ITEM_BLOCK:
          draw_block_row (self, pen, item->index, i == start, y);
          break;
        case ITEM_EMPTY:
          sp_print_set_gray (cr, 0.4);
          sp_pen_show (pen, STYLE_SMALL, _("No study blocks this week."), 12, y + 2, self->width - 12, 1,
                       PANGO_ALIGN_LEFT);
          break;
        case ITEM_SUMMARY:
        default:
          {
            const char *summary = sp_schedule_get_summary (self->schedule);

            sp_print_set_gray (cr, 0);
            sp_pen_show (pen, STYLE_BODY, summary ? summary : _("Nothing is scheduled."), 0, y + GAP,
                         self->width, 0, PANGO_ALIGN_LEFT);
          }
          break;
        }
      y += item->height;
    }
  cairo_restore (cr);
}

