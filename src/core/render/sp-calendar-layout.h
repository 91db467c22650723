/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "sp-availability.h"
#include "sp-calendar-text.h"
#include "sp-dates.h"
#include "sp-schedule.h"

G_BEGIN_DECLS

/* Where the study blocks of a month or a week go in a box of a given size:
 * plain rectangles, no drawing. The Month and Week views draw them on
 * screen and printing draws the same on paper. */

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} SpRect;

typedef enum
{
  SP_CALENDAR_SPAN_MONTH,
  SP_CALENDAR_SPAN_WEEK,
  SP_CALENDAR_SPAN_DAY,
} SpCalendarSpan;

#define SP_TYPE_CALENDAR_SPAN (sp_calendar_span_get_type ())
GType sp_calendar_span_get_type (void) G_GNUC_CONST;

typedef enum
{
  SP_CALENDAR_DAY_OTHER_MONTH = 1 << 0, /* month: a day of the month before or after */
  SP_CALENDAR_DAY_TODAY       = 1 << 1,
  SP_CALENDAR_DAY_PAST        = 1 << 2,
  SP_CALENDAR_DAY_OFF         = 1 << 3, /* one of the user's days off */
  SP_CALENDAR_DAY_NO_HOURS    = 1 << 4, /* a weekday without study time */
  SP_CALENDAR_DAY_ALL_DONE    = 1 << 5, /* blocks, and every one done */
  SP_CALENDAR_DAY_SOME_DONE   = 1 << 6, /* some study done, not all */
} SpCalendarDayFlags;

typedef struct
{
  guint32             day;             /* Julian day */
  SpCalendarDayFlags  flags;
  SpRect              rect;            /* month: the cell; week: the column below its header */
  SpRect              header;          /* month: the date line; week: the column's header */
  guint               first_block;     /* the day's blocks in the schedule */
  guint               n_blocks;
  guint               first_item;      /* the day's items in the layout */
  guint               n_items;
  guint               n_more;          /* blocks not shown: "+N more" */
  SpRect              more;            /* where "+N more" goes, when n_more > 0 */
  guint               planned_minutes; /* skipped blocks left out */
  guint               done_minutes;
  int                 level_start;     /* the level whose first block is this day; -1 none */
} SpCalendarDay;

typedef struct
{
  guint   block;    /* index in the schedule */
  guint   day;      /* index into the layout's days */
  SpRect  rect;
  guint   lane;     /* week: blocks at the same time share the column */
  guint   n_lanes;
} SpCalendarItem;

/* Sizes that depend on the font and the medium: the caller measures them. */
typedef struct
{
  double header_height;     /* the row of weekday names (month), of day headers (week) */
  double day_header_height; /* month: the date line at the top of a cell */
  double item_height;       /* month: one block */
  double spacing;           /* between blocks, and around them in a cell */
  double time_gutter;       /* week: the column of hours at the left */
  double min_hour_height;   /* week: below this the layout grows taller than the box */
  gboolean whole_day;         /* week: the hours 0–24 rather than those that hold blocks */
} SpCalendarMetrics;

typedef struct
{
  SpSchedule     *schedule;     /* owned */
  SpCalendarSpan  span;
  guint32         first_day;    /* the days shown */
  guint32         last_day;
  guint32         month_first;  /* month: the month itself; week: as first/last_day */
  guint32         month_last;
  guint32         today;
  guint           n_columns;
  guint           n_rows;
  double          width;
  double          height;       /* week: may be more than asked, at min_hour_height */
  SpRect          header;       /* weekday names or day headers */
  SpRect          body;         /* the cells or the time grid */
  guint           first_minute; /* week: the hours shown, whole hours */
  guint           last_minute;
  double          hour_height;  /* week */
  GArray         *days;         /* element-type SpCalendarDay, in order */
  GArray         *items;        /* element-type SpCalendarItem, by day then start */
} SpCalendarLayout;

/* Moving through the calendar; the day arithmetic itself is in sp-dates.h. */
guint32            sp_calendar_step              (guint32         day,
                                                  SpCalendarSpan  span,
                                                  int             n);
void               sp_calendar_visible_range     (guint32         day,
                                                  SpCalendarSpan  span,
                                                  guint           first_weekday,
                                                  guint32        *first,
                                                  guint32        *last);

SpCalendarLayout  *sp_calendar_layout_new_month  (SpSchedule              *schedule,
                                                  const SpAvailability    *availability,
                                                  guint32                  day,
                                                  guint                    first_weekday,
                                                  double                   width,
                                                  double                   height,
                                                  const SpCalendarMetrics *metrics);
SpCalendarLayout  *sp_calendar_layout_new_week   (SpSchedule              *schedule,
                                                  const SpAvailability    *availability,
                                                  guint32                  first_day,
                                                  guint                    n_days,
                                                  double                   width,
                                                  double                   height,
                                                  const SpCalendarMetrics *metrics);
void               sp_calendar_layout_free       (SpCalendarLayout        *self);

const SpCalendarDay  *sp_calendar_layout_get_day    (const SpCalendarLayout *self,
                                                     guint                   index);
const SpCalendarDay  *sp_calendar_layout_lookup_day (const SpCalendarLayout *self,
                                                     guint32                 day);
const SpCalendarItem *sp_calendar_layout_get_item   (const SpCalendarLayout *self,
                                                     guint                   index);
const SpCalendarDay  *sp_calendar_layout_day_at     (const SpCalendarLayout *self,
                                                     double                  x,
                                                     double                  y);
const SpCalendarItem *sp_calendar_layout_item_at    (const SpCalendarLayout *self,
                                                     double                  x,
                                                     double                  y);
const SpCalendarItem *sp_calendar_layout_find_block (const SpCalendarLayout *self,
                                                     const char             *block_id);
double             sp_calendar_layout_minute_to_y   (const SpCalendarLayout *self,
                                                     guint                   minute);
guint              sp_calendar_layout_y_to_minute   (const SpCalendarLayout *self,
                                                     double                  y,
                                                     guint                   step);

/* The hours a week grid shows: the blocks and the study times of its days. */
void               sp_calendar_week_hours        (SpSchedule           *schedule,
                                                  const SpAvailability *availability,
                                                  guint32               first_day,
                                                  guint                 n_days,
                                                  guint                *first_minute,
                                                  guint                *last_minute);

/* Progress */
guint              sp_calendar_get_streak        (SpSchedule    *schedule,
                                                  guint32        today);

/* The next planned block starting at or after @minute of @day, or NULL. */
const SpBlock     *sp_calendar_find_next_block   (SpSchedule    *schedule,
                                                  guint32        day,
                                                  guint          minute);

/* Words for people and screen readers; translated. Dates, times and
 * durations are in sp-calendar-text.h. */
char              *sp_calendar_describe_block    (SpSchedule    *schedule,
                                                  const SpBlock *block);
char              *sp_calendar_describe_block_brief (const SpBlock *block);
char              *sp_calendar_describe_day      (SpSchedule           *schedule,
                                                  const SpAvailability *availability,
                                                  guint32               day);
char              *sp_calendar_describe_day_blocks (SpSchedule           *schedule,
                                                    const SpAvailability *availability,
                                                    guint32               day);
const char        *sp_calendar_get_level_title   (SpSchedule    *schedule,
                                                  guint          level);
char              *sp_calendar_get_block_task    (const SpBlock *block);
char              *sp_calendar_format_time_range (const SpBlock *block);
char              *sp_calendar_format_block_meta (SpSchedule    *schedule,
                                                  const SpBlock *block);
char              *sp_calendar_describe_course   (const char    *stored,
                                                  char         **url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCalendarLayout, sp_calendar_layout_free)

G_END_DECLS
