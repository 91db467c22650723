/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-calendar-layout.h"
#include "sp-catalog-format.h"
#include "sp-course.h"
#include "sp-url.h"

/* Hours a week grid shows at least, and when the week has nothing at all. */
#define MIN_WEEK_MINUTES   (6 * 60)
#define EMPTY_WEEK_FIRST   (8 * 60)
#define EMPTY_WEEK_LAST    (20 * 60)

G_DEFINE_ENUM_TYPE (SpCalendarSpan, sp_calendar_span,
                    G_DEFINE_ENUM_VALUE (SP_CALENDAR_SPAN_MONTH, "month"),
                    G_DEFINE_ENUM_VALUE (SP_CALENDAR_SPAN_WEEK, "week"),
                    G_DEFINE_ENUM_VALUE (SP_CALENDAR_SPAN_DAY, "day"))

/**
 * sp_calendar_step:
 * @n: how many months, weeks or days to go; negative goes back
 *
 * Returns: @day moved by @n spans. By months it keeps the day of the month
 *   where it can: 31 January and one month is the last day of February.
 */
guint32
sp_calendar_step (guint32        day,
                  SpCalendarSpan span,
                  int            n)
{
  GDate date;
  gint64 result;

  switch (span)
    {
    case SP_CALENDAR_SPAN_MONTH:
      {
        gint64 index;
        guint year, month;

        sp_day_to_date (day, &date);
        index = (gint64) g_date_get_year (&date) * 12 + (g_date_get_month (&date) - 1) + n;
        if (index < 12 || index / 12 > G_MAXUINT16)
          return day;
        year = (guint) (index / 12);
        month = (guint) (index % 12) + 1;
        return sp_day_from_dmy (year, month,
                                     MIN (g_date_get_day (&date),
                                          g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year)));
      }
    case SP_CALENDAR_SPAN_WEEK:
      result = (gint64) day + 7 * (gint64) n;
      break;
    case SP_CALENDAR_SPAN_DAY:
    default:
      result = (gint64) day + n;
      break;
    }
  if (result < 1 || !g_date_valid_julian ((guint32) result))
    return day;
  return (guint32) result;
}

/**
 * sp_calendar_visible_range:
 *
 * The days a view of @span around @day shows: a month with the weeks it
 * touches, a week, or the day itself.
 */
void
sp_calendar_visible_range (guint32         day,
                           SpCalendarSpan  span,
                           guint           first_weekday,
                           guint32        *first,
                           guint32        *last)
{
  guint32 a = day, b = day;

  switch (span)
    {
    case SP_CALENDAR_SPAN_MONTH:
      sp_day_get_month_range (day, &a, &b);
      a = sp_day_get_week_start (a, first_weekday);
      b = sp_day_get_week_start (b, first_weekday) + 6;
      break;
    case SP_CALENDAR_SPAN_WEEK:
      a = sp_day_get_week_start (day, first_weekday);
      b = a + 6;
      break;
    case SP_CALENDAR_SPAN_DAY:
    default:
      break;
    }
  if (first != NULL)
    *first = a;
  if (last != NULL)
    *last = b;
}

static SpCalendarLayout *
layout_new (SpSchedule     *schedule,
            SpCalendarSpan  span,
            double          width,
            double          height)
{
  SpCalendarLayout *self = g_new0 (SpCalendarLayout, 1);

  self->schedule = g_object_ref (schedule);
  self->span = span;
  self->today = sp_schedule_get_today (schedule);
  self->width = MAX (width, 0);
  self->height = MAX (height, 0);
  self->days = g_array_new (FALSE, TRUE, sizeof (SpCalendarDay));
  self->items = g_array_new (FALSE, TRUE, sizeof (SpCalendarItem));
  return self;
}

void
sp_calendar_layout_free (SpCalendarLayout *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->schedule);
  g_clear_pointer (&self->days, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_free (self);
}

/* Fills in what a day is, whatever the span: its blocks, minutes, marks. */
static void
fill_day (SpCalendarLayout     *self,
          const SpAvailability *availability,
          SpCalendarDay        *cell)
{
  guint n_done = 0, n_studied = 0;

  cell->level_start = -1;
  cell->n_blocks = sp_schedule_get_day_blocks (self->schedule, cell->day, &cell->first_block);
  for (guint i = cell->first_block; i < cell->first_block + cell->n_blocks; i++)
    {
      const SpBlock *block = sp_schedule_get_block (self->schedule, i);

      if (block->status != SP_BLOCK_STATUS_SKIPPED)
        cell->planned_minutes += block->minutes;
      if (block->status == SP_BLOCK_STATUS_DONE)
        {
          cell->done_minutes += block->minutes;
          n_done++;
          n_studied++;
        }
      else if (block->status == SP_BLOCK_STATUS_PARTIAL)
        {
          cell->done_minutes += block->done_minutes;
          n_studied++;
        }
      if (block->level_start && cell->level_start < 0)
        cell->level_start = (int) block->level;
    }

  if (cell->day == self->today)
    cell->flags |= SP_CALENDAR_DAY_TODAY;
  else if (cell->day < self->today)
    cell->flags |= SP_CALENDAR_DAY_PAST;
  if (cell->n_blocks > 0 && n_done == cell->n_blocks)
    cell->flags |= SP_CALENDAR_DAY_ALL_DONE;
  else if (n_studied > 0)
    cell->flags |= SP_CALENDAR_DAY_SOME_DONE;
  if (availability != NULL)
    {
      if (sp_availability_is_day_off (availability, cell->day))
        cell->flags |= SP_CALENDAR_DAY_OFF;
      else if (sp_availability_get_usable_minutes (availability, sp_day_get_weekday (cell->day)) == 0)
        cell->flags |= SP_CALENDAR_DAY_NO_HOURS;
    }
}

/* Splits @total into @n parts on whole units, so lines fall on pixels. */
static double
split (double total,
       guint  n,
       guint  i)
{
  return floor (total * i / n + 0.5);
}

/**
 * sp_calendar_layout_new_month:
 * @availability: (nullable): for the days off
 * @day: any day of the month
 * @first_weekday: 0 for Monday to 6 for Sunday
 *
 * Lays a month out as a grid of the weeks it touches in a @width × @height
 * box: a row of weekday names, then one cell per day with a date line and
 * its blocks one under the other; blocks that do not fit become "+N more".
 *
 * Returns: (transfer full): the layout
 */
SpCalendarLayout *
sp_calendar_layout_new_month (SpSchedule              *schedule,
                              const SpAvailability    *availability,
                              guint32                  day,
                              guint                    first_weekday,
                              double                   width,
                              double                   height,
                              const SpCalendarMetrics *metrics)
{
  SpCalendarLayout *self;
  double slot;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (g_date_valid_julian (day), NULL);
  g_return_val_if_fail (metrics != NULL, NULL);

  self = layout_new (schedule, SP_CALENDAR_SPAN_MONTH, width, height);
  sp_day_get_month_range (day, &self->month_first, &self->month_last);
  sp_calendar_visible_range (day, SP_CALENDAR_SPAN_MONTH, first_weekday, &self->first_day, &self->last_day);
  self->n_columns = SP_N_WEEKDAYS;
  self->n_rows = (self->last_day - self->first_day + 1) / SP_N_WEEKDAYS;
  self->header = (SpRect) { 0, 0, self->width, MIN (metrics->header_height, self->height) };
  self->body = (SpRect) { 0, self->header.height, self->width, self->height - self->header.height };

  slot = metrics->item_height + metrics->spacing;
  g_array_set_size (self->days, self->last_day - self->first_day + 1);
  for (guint i = 0; i < self->days->len; i++)
    {
      SpCalendarDay *cell = &g_array_index (self->days, SpCalendarDay, i);
      guint row = i / SP_N_WEEKDAYS, col = i % SP_N_WEEKDAYS;
      double x0 = split (self->body.width, self->n_columns, col);
      double x1 = split (self->body.width, self->n_columns, col + 1);
      double y0 = self->body.y + split (self->body.height, self->n_rows, row);
      double y1 = self->body.y + split (self->body.height, self->n_rows, row + 1);
      double room;
      guint capacity, shown;

      cell->day = self->first_day + i;
      cell->rect = (SpRect) { self->body.x + x0, y0, x1 - x0, y1 - y0 };
      cell->header = (SpRect) { cell->rect.x, y0, cell->rect.width, MIN (metrics->day_header_height, y1 - y0) };
      if (cell->day < self->month_first || cell->day > self->month_last)
        cell->flags |= SP_CALENDAR_DAY_OTHER_MONTH;
      fill_day (self, availability, cell);

      room = cell->rect.height - cell->header.height;
      capacity = slot > 0 && room > 0 ? (guint) floor ((room + 0.001) / slot) : 0;
      shown = cell->n_blocks;
      if (cell->n_blocks > capacity)
        {
          shown = capacity > 0 ? capacity - 1 : 0;
          cell->n_more = cell->n_blocks - shown;
          if (capacity > 0)
            cell->more = (SpRect) { cell->rect.x + metrics->spacing,
                                    cell->header.y + cell->header.height + shown * slot,
                                    MAX (cell->rect.width - 2 * metrics->spacing, 0),
                                    metrics->item_height };
          else
            /* No room under the date: the count goes beside it */
            cell->more = (SpRect) { cell->rect.x + cell->rect.width / 2, cell->header.y,
                                    cell->rect.width / 2, cell->header.height };
        }

      cell->first_item = self->items->len;
      cell->n_items = shown;
      for (guint k = 0; k < shown; k++)
        {
          SpCalendarItem item = {
            .block = cell->first_block + k,
            .day = i,
            .rect = { cell->rect.x + metrics->spacing,
                      cell->header.y + cell->header.height + k * slot,
                      MAX (cell->rect.width - 2 * metrics->spacing, 0),
                      metrics->item_height },
            .lane = 0,
            .n_lanes = 1,
          };
          g_array_append_val (self->items, item);
        }
    }
  return self;
}

static void
widen (guint *first,
       guint *last,
       guint  start,
       guint  end)
{
  *first = MIN (*first, start);
  *last = MAX (*last, end);
}

/**
 * sp_calendar_week_hours:
 * @availability: (nullable): the study times of each weekday
 * @first_minute: (out): the first hour shown, in minutes
 * @last_minute: (out): the end of the last hour shown, in minutes
 *
 * The hours that hold the blocks of the days and their study times, in
 * whole hours, at least six of them.
 */
void
sp_calendar_week_hours (SpSchedule           *schedule,
                        const SpAvailability *availability,
                        guint32               first_day,
                        guint                 n_days,
                        guint                *first_minute,
                        guint                *last_minute)
{
  guint first = SP_MINUTES_PER_DAY, last = 0;

  g_return_if_fail (SP_IS_SCHEDULE (schedule));

  for (guint32 day = first_day; day < first_day + n_days; day++)
    {
      guint start, n = sp_schedule_get_day_blocks (schedule, day, &start);

      for (guint i = start; i < start + n; i++)
        {
          const SpBlock *block = sp_schedule_get_block (schedule, i);
          widen (&first, &last, block->start, block->start + block->minutes);
        }

      if (availability != NULL && !sp_availability_is_day_off (availability, day))
        {
          guint weekday = sp_day_get_weekday (day);
          guint minutes = sp_availability_get_usable_minutes (availability, weekday);

          if (minutes > 0)
            widen (&first, &last, availability->start[weekday],
                   MIN (availability->start[weekday] + minutes, SP_MINUTES_PER_DAY));
        }
    }

  if (first >= last)
    {
      first = EMPTY_WEEK_FIRST;
      last = EMPTY_WEEK_LAST;
    }
  first = first / 60 * 60;
  last = MIN ((last + 59) / 60 * 60, SP_MINUTES_PER_DAY);
  if (last - first < MIN_WEEK_MINUTES)
    {
      guint need = MIN_WEEK_MINUTES - (last - first);
      guint after = MIN (need, SP_MINUTES_PER_DAY - last);

      last += after;
      first -= MIN (need - after, first);
    }
  *first_minute = first;
  *last_minute = last;
}

static int
compare_items_by_start (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  SpSchedule *schedule = user_data;
  const SpBlock *ba = sp_schedule_get_block (schedule, ((const SpCalendarItem *) a)->block);
  const SpBlock *bb = sp_schedule_get_block (schedule, ((const SpCalendarItem *) b)->block);

  if (ba->start != bb->start)
    return ba->start < bb->start ? -1 : 1;
  return ba->minutes > bb->minutes ? -1 : ba->minutes < bb->minutes;
}

/* Blocks of one day that overlap in time share the column: each group of
 * overlapping blocks gets as many lanes as it needs at its busiest. */
static void
assign_lanes (SpCalendarLayout *self,
              SpCalendarItem   *items,
              guint             n)
{
  guint group = 0;
  guint group_end = 0;
  guint lane_end[16];
  guint n_lanes = 0;

  for (guint i = 0; i <= n; i++)
    {
      const SpBlock *block = i < n ? sp_schedule_get_block (self->schedule, items[i].block) : NULL;
      guint lane;

      if (block == NULL || block->start >= group_end)
        {
          for (guint k = group; k < i; k++)
            items[k].n_lanes = MAX (n_lanes, 1);
          if (block == NULL)
            break;
          group = i;
          n_lanes = 0;
        }

      for (lane = 0; lane < n_lanes; lane++)
        if (lane_end[lane] <= block->start)
          break;
      if (lane == n_lanes)
        {
          if (n_lanes < G_N_ELEMENTS (lane_end))
            n_lanes++;
          else
            lane = n_lanes - 1;
        }
      lane_end[lane] = block->start + block->minutes;
      items[i].lane = lane;
      group_end = MAX (group_end, (guint) block->start + block->minutes);
    }
}

/**
 * sp_calendar_layout_new_week:
 * @availability: (nullable): for the days off and the study hours
 * @n_days: how many columns, 7 for a week
 *
 * Lays days out as columns on a grid of the hours of the day: a header
 * row, a gutter of hours at the left, and each block at its start time
 * with a height from its length, over the whole day when
 * metrics->whole_day (the screen, which scrolls), else over the hours that
 * hold blocks or study time. When the box is too short for
 * metrics->min_hour_height the layout is taller than @height.
 *
 * Returns: (transfer full): the layout
 */
SpCalendarLayout *
sp_calendar_layout_new_week (SpSchedule              *schedule,
                             const SpAvailability    *availability,
                             guint32                  first_day,
                             guint                    n_days,
                             double                   width,
                             double                   height,
                             const SpCalendarMetrics *metrics)
{
  SpCalendarLayout *self;
  guint n_hours;
  double grid_height;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (g_date_valid_julian (first_day), NULL);
  g_return_val_if_fail (n_days > 0 && n_days <= 31, NULL);
  g_return_val_if_fail (metrics != NULL, NULL);

  self = layout_new (schedule, SP_CALENDAR_SPAN_WEEK, width, height);
  self->first_day = self->month_first = first_day;
  self->last_day = self->month_last = first_day + n_days - 1;
  self->n_columns = n_days;
  self->n_rows = 1;

  if (metrics->whole_day)
    {
      self->first_minute = 0;
      self->last_minute = SP_MINUTES_PER_DAY;
    }
  else
    sp_calendar_week_hours (schedule, availability, first_day, n_days, &self->first_minute, &self->last_minute);
  n_hours = (self->last_minute - self->first_minute) / 60;
  grid_height = MAX (self->height - metrics->header_height, 0);
  self->hour_height = MAX (floor (grid_height / n_hours), metrics->min_hour_height);
  self->height = MAX (self->height, metrics->header_height + n_hours * self->hour_height);

  self->header = (SpRect) { metrics->time_gutter, 0, MAX (self->width - metrics->time_gutter, 0),
                            metrics->header_height };
  self->body = (SpRect) { metrics->time_gutter, metrics->header_height, self->header.width,
                          n_hours * self->hour_height };

  g_array_set_size (self->days, n_days);
  for (guint i = 0; i < n_days; i++)
    {
      SpCalendarDay *cell = &g_array_index (self->days, SpCalendarDay, i);
      double x0 = self->body.x + split (self->body.width, n_days, i);
      double x1 = self->body.x + split (self->body.width, n_days, i + 1);
      SpCalendarItem *items;

      cell->day = first_day + i;
      cell->rect = (SpRect) { x0, self->body.y, x1 - x0, self->body.height };
      cell->header = (SpRect) { x0, 0, x1 - x0, self->header.height };
      fill_day (self, availability, cell);

      cell->first_item = self->items->len;
      cell->n_items = cell->n_blocks;
      g_array_set_size (self->items, self->items->len + cell->n_blocks);
      items = &g_array_index (self->items, SpCalendarItem, cell->first_item);
      for (guint k = 0; k < cell->n_blocks; k++)
        {
          items[k].block = cell->first_block + k;
          items[k].day = i;
        }
      g_qsort_with_data (items, (int) cell->n_blocks, sizeof (SpCalendarItem),
                         compare_items_by_start, schedule);
      assign_lanes (self, items, cell->n_blocks);

      for (guint k = 0; k < cell->n_blocks; k++)
        {
          const SpBlock *block = sp_schedule_get_block (schedule, items[k].block);
          double lane_width = cell->rect.width / items[k].n_lanes;
          double y0 = sp_calendar_layout_minute_to_y (self, block->start);
          double y1 = sp_calendar_layout_minute_to_y (self, block->start + block->minutes);

          items[k].rect = (SpRect) { cell->rect.x + items[k].lane * lane_width + metrics->spacing / 2,
                                     y0 + 1,
                                     MAX (lane_width - metrics->spacing, 1),
                                     MAX (y1 - y0 - 2, 1) };
        }
    }
  return self;
}

/**
 * sp_calendar_layout_get_day:
 *
 * Returns: (transfer none): the day at @index, from the first shown
 */
const SpCalendarDay *
sp_calendar_layout_get_day (const SpCalendarLayout *self,
                            guint                   index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->days->len, NULL);
  return &g_array_index (self->days, SpCalendarDay, index);
}

/**
 * sp_calendar_layout_lookup_day:
 *
 * Returns: (transfer none) (nullable): @day, when it is shown
 */
const SpCalendarDay *
sp_calendar_layout_lookup_day (const SpCalendarLayout *self,
                               guint32                 day)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (day < self->first_day || day > self->last_day)
    return NULL;
  return &g_array_index (self->days, SpCalendarDay, day - self->first_day);
}

const SpCalendarItem *
sp_calendar_layout_get_item (const SpCalendarLayout *self,
                             guint                   index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, SpCalendarItem, index);
}

static gboolean
rect_contains (const SpRect *rect,
               double        x,
               double        y)
{
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}

/**
 * sp_calendar_layout_day_at:
 *
 * Returns: (transfer none) (nullable): the day under a point: a month
 *   cell, or a week column with its header
 */
const SpCalendarDay *
sp_calendar_layout_day_at (const SpCalendarLayout *self,
                           double                  x,
                           double                  y)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->days->len; i++)
    {
      const SpCalendarDay *cell = &g_array_index (self->days, SpCalendarDay, i);

      if (rect_contains (&cell->rect, x, y) ||
          (self->span == SP_CALENDAR_SPAN_WEEK && rect_contains (&cell->header, x, y)))
        return cell;
    }
  return NULL;
}

/**
 * sp_calendar_layout_item_at:
 *
 * Returns: (transfer none) (nullable): the block drawn under a point
 */
const SpCalendarItem *
sp_calendar_layout_item_at (const SpCalendarLayout *self,
                            double                  x,
                            double                  y)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* Later items are drawn over earlier ones */
  for (guint i = self->items->len; i-- > 0;)
    {
      const SpCalendarItem *item = &g_array_index (self->items, SpCalendarItem, i);

      if (rect_contains (&item->rect, x, y))
        return item;
    }
  return NULL;
}

/**
 * sp_calendar_layout_find_block:
 *
 * Returns: (transfer none) (nullable): the item showing @block_id
 */
const SpCalendarItem *
sp_calendar_layout_find_block (const SpCalendarLayout *self,
                               const char             *block_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; block_id != NULL && i < self->items->len; i++)
    {
      const SpCalendarItem *item = &g_array_index (self->items, SpCalendarItem, i);

      if (g_str_equal (sp_schedule_get_block (self->schedule, item->block)->id, block_id))
        return item;
    }
  return NULL;
}

double
sp_calendar_layout_minute_to_y (const SpCalendarLayout *self,
                                guint                   minute)
{
  g_return_val_if_fail (self != NULL, 0);

  minute = CLAMP (minute, self->first_minute, self->last_minute);
  return self->body.y + (minute - self->first_minute) * self->hour_height / 60.0;
}

/**
 * sp_calendar_layout_y_to_minute:
 * @step: round to this many minutes; 1 for none
 *
 * Returns: the time of day at @y in a week layout, within the hours shown
 */
guint
sp_calendar_layout_y_to_minute (const SpCalendarLayout *self,
                                double                  y,
                                guint                   step)
{
  double minute;
  guint rounded;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (step > 0, 0);

  if (self->hour_height <= 0)
    return self->first_minute;
  minute = self->first_minute + (y - self->body.y) * 60.0 / self->hour_height;
  minute = CLAMP (minute, self->first_minute, self->last_minute);
  rounded = (guint) floor (minute / step + 0.5) * step;
  return CLAMP (rounded, self->first_minute, self->last_minute);
}

/**
 * sp_calendar_get_streak:
 *
 * Counts the study days in a row up to @today: days with a block done or
 * partly done. Days with nothing planned (days off, days without study
 * time) neither count nor break the streak, and neither does today before
 * anything is done.
 *
 * Returns: the number of days
 */
guint
sp_calendar_get_streak (SpSchedule *schedule,
                        guint32     today)
{
  guint end, streak = 0;
  guint32 day = 0;
  gboolean studied = FALSE;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), 0);

  sp_schedule_get_day_blocks (schedule, today + 1, &end);
  for (guint i = end; i-- > 0;)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);

      if (block->day != day)
        {
          if (day != 0)
            {
              if (studied)
                streak++;
              else if (day != today)
                return streak;
            }
          day = block->day;
          studied = FALSE;
        }
      if (block->status == SP_BLOCK_STATUS_DONE || block->status == SP_BLOCK_STATUS_PARTIAL)
        studied = TRUE;
    }
  if (studied)
    streak++;
  return streak;
}

/**
 * sp_calendar_find_next_block:
 *
 * Returns: (transfer none) (nullable): the first planned block that starts
 *   at @minute of @day or later
 */
const SpBlock *
sp_calendar_find_next_block (SpSchedule *schedule,
                             guint32     day,
                             guint       minute)
{
  guint first;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);

  sp_schedule_get_day_blocks (schedule, day, &first);
  for (guint i = first; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);

      if (block->day == day && block->start < minute)
        continue;
      if (block->status == SP_BLOCK_STATUS_PLANNED)
        return block;
    }
  return NULL;
}

/**
 * sp_calendar_get_level_title:
 *
 * Returns: (transfer none): the title of @level in the schedule's plan
 */
const char *
sp_calendar_get_level_title (SpSchedule *schedule,
                             guint       level)
{
  SpPlan *plan;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);

  plan = sp_schedule_get_plan (schedule);
  if (level >= sp_plan_get_n_levels (plan))
    return "";
  return sp_text_get (sp_plan_get_level (plan, level)->title);
}

static char *
describe_status (const SpBlock *block)
{
  switch (block->status)
    {
    case SP_BLOCK_STATUS_DONE:
      /* TRANSLATORS: the state of a study block, in a sentence */
      return g_strdup (_("done"));
    case SP_BLOCK_STATUS_PARTIAL:
      /* TRANSLATORS: the state of a study block, in a sentence: "partly done, 20 of 50 minutes" */
      return g_strdup_printf (ngettext ("partly done, %u of %u minute", "partly done, %u of %u minutes", block->minutes),
                              block->done_minutes, block->minutes);
    case SP_BLOCK_STATUS_SKIPPED:
      /* TRANSLATORS: the state of a study block, in a sentence */
      return g_strdup (_("skipped"));
    case SP_BLOCK_STATUS_PLANNED:
    default:
      /* TRANSLATORS: the state of a study block, in a sentence */
      return g_strdup (_("planned"));
    }
}

/* A block's kind as a word in a sentence; the labels (Learn, Practice) are
 * the names of the kinds on buttons and lines of their own. */
static const char *
describe_kind (SpBlockKind kind)
{
  switch (kind)
    {
    case SP_BLOCK_KIND_LEARN:
      /* TRANSLATORS: a kind of study block, in a sentence: "19:00–19:50, Linear algebra, learning, done" */
      return C_("block kind", "learning");
    case SP_BLOCK_KIND_PRACTICE:
      /* TRANSLATORS: a kind of study block, in a sentence: "19:00–19:50, Linear algebra, practice, done" */
      return C_("block kind", "practice");
    case SP_BLOCK_KIND_REVIEW:
      /* TRANSLATORS: a kind of study block, in a sentence: "19:00–19:50, Linear algebra, review, done" */
      return C_("block kind", "review");
    case SP_BLOCK_KIND_PROJECT:
      /* TRANSLATORS: a kind of study block, in a sentence: "19:00–19:50, Linear algebra, project, done" */
      return C_("block kind", "project");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * sp_calendar_describe_block:
 *
 * A block in words, for its accessible name: "Tuesday 3 March,
 * 18:00–18:50, Linear algebra, learning, Fundamentals, planned".
 *
 * Returns: (transfer full): the description
 */
char *
sp_calendar_describe_block (SpSchedule    *schedule,
                            const SpBlock *block)
{
  g_autofree char *date = NULL;
  g_autofree char *range = NULL;
  g_autofree char *status = NULL;
  GString *text;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (block != NULL, NULL);

  date = sp_calendar_format_day (block->day);
  range = sp_calendar_format_time_range (block);
  status = describe_status (block);

  text = g_string_new (NULL);
  /* TRANSLATORS: a study block for screen readers: date, times, topic,
   * kind, level, state: "Tuesday 3 March, 18:00–18:50, Linear algebra,
   * learning, Fundamentals, planned" */
  g_string_printf (text, _("%s, %s, %s, %s, %s, %s"), date, range, sp_topic_get_title (block->topic),
                            describe_kind (block->kind), sp_calendar_get_level_title (schedule, block->level), status);
  if (block->pinned)
    /* TRANSLATORS: added to a block's description: the user placed it */
    g_string_append (text, _(", pinned"));
  if (block->moved)
    /* TRANSLATORS: added to a block's description: moved from a missed day */
    g_string_append (text, _(", moved from a missed day"));
  if (block->level_start)
    /* TRANSLATORS: added to a block's description: ", first block of Machine Learning Core" */
    g_string_append_printf (text, _(", first block of %s"),
                            sp_calendar_get_level_title (schedule, block->level));
  return g_string_free (text, FALSE);
}

/**
 * sp_calendar_describe_block_brief:
 *
 * A block of a day already named, in words: "19:00–19:50, Linear algebra,
 * practice, done".
 *
 * Returns: (transfer full): the description
 */
char *
sp_calendar_describe_block_brief (const SpBlock *block)
{
  g_autofree char *range = NULL;
  g_autofree char *status = NULL;

  g_return_val_if_fail (block != NULL, NULL);

  range = sp_calendar_format_time_range (block);
  status = describe_status (block);
  /* TRANSLATORS: a block of a day already named, for screen readers:
   * times, topic, kind, state: "19:00–19:50, Linear algebra, practice, done" */
  return g_strdup_printf (_("%s, %s, %s, %s"), range, sp_topic_get_title (block->topic),
                             describe_kind (block->kind), status);
}

/**
 * sp_calendar_describe_day_blocks:
 * @availability: (nullable): for the days off
 *
 * A day and each of its blocks in words, for the name of a selected day:
 * "Tuesday 3 March, 2 study blocks, 1 h 40 min planned, 50 min done:
 * 19:00–19:50, Linear algebra, practice, done; 20:00–20:50, …".
 *
 * Returns: (transfer full): the description
 */
char *
sp_calendar_describe_day_blocks (SpSchedule           *schedule,
                                 const SpAvailability *availability,
                                 guint32               day)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) blocks = NULL;
  guint first, n;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);

  text = sp_calendar_describe_day (schedule, availability, day);
  n = sp_schedule_get_day_blocks (schedule, day, &first);
  if (n == 0)
    return g_steal_pointer (&text);

  blocks = g_string_new (NULL);
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *brief = sp_calendar_describe_block_brief (sp_schedule_get_block (schedule, i));

      if (blocks->len > 0)
        /* TRANSLATORS: between the blocks of a day, for screen readers */
        g_string_append (blocks, _("; "));
      g_string_append (blocks, brief);
    }
  /* TRANSLATORS: a day and its blocks, for screen readers: "Tuesday 3 March,
   * 1 study block, 50 min planned, 0 min done: 19:00–19:50, Linear algebra,
   * practice, planned" */
  return g_strdup_printf (_("%s: %s"), text, blocks->str);
}

/**
 * sp_calendar_describe_day:
 * @availability: (nullable): for the days off
 *
 * A day in words, for its accessible name: "Tuesday 3 March, today,
 * 2 study blocks, 1 h 40 min planned, 50 min done".
 *
 * Returns: (transfer full): the description
 */
char *
sp_calendar_describe_day (SpSchedule           *schedule,
                          const SpAvailability *availability,
                          guint32               day)
{
  g_autofree char *date = NULL;
  SpDayTotals      totals;
  guint            n;
  GString *text;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);

  date = sp_calendar_format_day (day);
  text = g_string_new (date);
  if (day == sp_schedule_get_today (schedule))
    /* TRANSLATORS: added to a day's description */
    g_string_append (text, _(", today"));
  if (availability != NULL && sp_availability_is_day_off (availability, day))
    /* TRANSLATORS: added to a day's description */
    g_string_append (text, _(", day off"));

  n = sp_schedule_get_day_blocks (schedule, day, NULL);
  sp_schedule_get_day_totals (schedule, day, &totals);

  if (n == 0)
    /* TRANSLATORS: added to a day's description */
    g_string_append (text, _(", nothing planned"));
  else
    {
      g_autofree char *planned_text = sp_calendar_format_duration (totals.planned_minutes);
      g_autofree char *done_text = sp_calendar_format_duration (totals.done_minutes);

      g_string_append (text, ", ");
      g_string_append_printf (text, ngettext ("%u study block", "%u study blocks", n), n);
      /* TRANSLATORS: added to a day's description: ", 1 h 40 min planned, 50 min done" */
      g_string_append_printf (text, _(", %s planned, %s done"), planned_text, done_text);
    }
  if (totals.level_start >= 0)
    /* TRANSLATORS: added to a day's description: ", Machine Learning Core starts" */
    g_string_append_printf (text, _(", %s starts"), sp_calendar_get_level_title (schedule, totals.level_start));
  return g_string_free (text, FALSE);
}

static const SpText *
first_task (const SpText *a,
            const SpText *b,
            const SpText *c)
{
  return a != NULL ? a : b != NULL ? b : c;
}

/**
 * sp_calendar_get_block_task:
 *
 * What to do in a block, from its topic's tasks in the plan: reading for
 * learning, exercises for practice, the project for a project block.
 *
 * Returns: (transfer full) (nullable): the task, translated; %NULL when
 *   the plan says nothing
 */
char *
sp_calendar_get_block_task (const SpBlock *block)
{
  const SpTopic *topic;
  const SpText *task = NULL;

  g_return_val_if_fail (block != NULL, NULL);

  topic = block->topic;
  switch (block->kind)
    {
    case SP_BLOCK_KIND_LEARN:
      task = first_task (topic->task_read, topic->task_practice, topic->task_project);
      break;
    case SP_BLOCK_KIND_PRACTICE:
      task = first_task (topic->task_practice, topic->task_read, topic->task_project);
      break;
    case SP_BLOCK_KIND_PROJECT:
      task = first_task (topic->task_project, topic->task_practice, topic->task_read);
      break;
    case SP_BLOCK_KIND_REVIEW:
    default:
      /* TRANSLATORS: what to do in a review block; %s is a topic */
      return g_strdup_printf (_("Go back over %s: read your notes and redo a few exercises from memory."),
                              sp_topic_get_title (topic));
    }
  return task != NULL ? g_strdup (sp_text_get (task)) : NULL;
}

/**
 * sp_calendar_format_time_range:
 *
 * Returns: (transfer full): when a block runs, "19:00–19:50"
 */
char *
sp_calendar_format_time_range (const SpBlock *block)
{
  g_return_val_if_fail (block != NULL, NULL);

  return sp_calendar_format_times (block->start, (guint) block->start + block->minutes);
}

/**
 * sp_calendar_format_block_meta:
 *
 * Returns: (transfer full): a block's level, kind and state in short:
 *   "Fundamentals · Learn · Partly done (20 min) · Pinned"
 */
char *
sp_calendar_format_block_meta (SpSchedule    *schedule,
                               const SpBlock *block)
{
  GString *text;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (block != NULL, NULL);

  text = g_string_new (sp_calendar_get_level_title (schedule, block->level));
  g_string_append_printf (text, " · %s · ", sp_block_kind_get_label (block->kind));
  if (block->status == SP_BLOCK_STATUS_PARTIAL)
    {
      g_autofree char *done = sp_calendar_format_duration (block->done_minutes);
      /* TRANSLATORS: a block's state with the time done, "Partly done (20 min)" */
      g_string_append_printf (text, _("Partly done (%s)"), done);
    }
  else
    g_string_append (text, sp_block_status_get_label (block->status));
  if (block->pinned)
    /* TRANSLATORS: a block the user placed */
    g_string_append_printf (text, " · %s", _("Pinned"));
  if (block->moved)
    /* TRANSLATORS: a block moved forward from a missed day */
    g_string_append_printf (text, " · %s", _("Moved from a missed day"));
  return g_string_free (text, FALSE);
}

/**
 * sp_calendar_describe_course:
 * @stored: the course attached to a topic, as the state keeps it: the
 *   catalog's JSON, or a bare id
 * @url: (out) (optional) (transfer full) (nullable): its web address,
 *   only when it is http or https
 *
 * Returns: (transfer full): "Title — Provider", or the id as it is
 */
char *
sp_calendar_describe_course (const char  *stored,
                             char       **url)
{
  g_autoptr(SpCourse) course = NULL;
  const char *provider;

  g_return_val_if_fail (stored != NULL, NULL);

  if (url != NULL)
    *url = NULL;
  course = sp_catalog_course_from_json (stored, NULL);
  if (course == NULL)
    return g_strdup (stored);

  if (url != NULL && sp_url_is_web (sp_course_get_url (course)))
    *url = g_strdup (sp_course_get_url (course));
  provider = sp_course_get_provider (course);
  if (provider == NULL || provider[0] == '\0')
    provider = sp_course_get_institution (course);
  if (provider == NULL || provider[0] == '\0')
    return g_strdup (sp_course_get_title (course));
  /* TRANSLATORS: a course and who offers it, "Machine Learning — Coursera" */
  return g_strdup_printf (_("%s — %s"), sp_course_get_title (course), provider);
}
