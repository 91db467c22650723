/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-plan.h"

G_BEGIN_DECLS

/* Days are Julian day numbers (g_date_get_julian): calendar arithmetic
 * without time zones. Times of day are minutes after local midnight. */

typedef enum
{
  SP_BLOCK_KIND_LEARN,
  SP_BLOCK_KIND_PRACTICE,
  SP_BLOCK_KIND_REVIEW,
  SP_BLOCK_KIND_PROJECT,
} SpBlockKind;

typedef enum
{
  SP_BLOCK_STATUS_PLANNED,
  SP_BLOCK_STATUS_DONE,
  SP_BLOCK_STATUS_PARTIAL,
  SP_BLOCK_STATUS_SKIPPED,
} SpBlockStatus;

/* A stretch of focused study inside a block: from @start on @day, local time. */
typedef struct
{
  guint32 day;   /* Julian day */
  guint16 start; /* minutes after local midnight */
  guint16 minutes;
} SpFocusInterval;

/* One study block. Owned by its SpSchedule; never modified after creation. */
typedef struct
{
  const char    *id;            /* stable across re-plans, e.g. "linear-algebra/learn/3" */
  guint32        day;           /* Julian day */
  guint16        start;         /* minutes after local midnight */
  guint16        minutes;
  const SpTopic *topic;
  guint          level;         /* index into the plan's levels */
  SpBlockKind    kind;
  SpBlockStatus  status;
  guint16        done_minutes;  /* for SP_BLOCK_STATUS_PARTIAL */
  guint          pinned : 1;    /* placed by the user; planned around */
  guint          moved : 1;     /* moved forward from a missed day */
  guint          level_start : 1; /* the first block of its level */
  guint          rating : 3;      /* SpRating: a review's recall, as the user rated it */
  const char    *note;          /* nullable: the user's note */
  guint          focus_first;   /* sp_schedule_get_focus() */
  guint          n_focus;
} SpBlock;

/* Does a level fit its time frame at the current hours? */
typedef struct
{
  guint        level;           /* index into the plan's levels */
  guint32      start_day;       /* 0 when nothing is scheduled */
  guint32      end_day;
  double       months;          /* projected length */
  guint        min_months;
  int          max_months;      /* -1: open ended */
  double       hours;           /* study hours in the level, reviews included */
  gboolean     fits;
  const char  *advice;          /* translated, e.g. "At 5 h a week, Fundamentals takes 8.5 months; 7.5 h a week would finish it in 6." */
} SpLevelReport;

const char    *sp_block_kind_to_string    (SpBlockKind    kind);
const char    *sp_block_status_to_string  (SpBlockStatus  status);
gboolean       sp_block_kind_from_string  (const char    *str,
                                           SpBlockKind   *kind);
gboolean       sp_block_status_from_string (const char   *str,
                                            SpBlockStatus *status);
const char    *sp_block_kind_get_label    (SpBlockKind    kind);   /* translated */
const char    *sp_block_status_get_label  (SpBlockStatus  status); /* translated */

/* A day's study at a glance, as the Day view and a day's accessible name
 * say it */
typedef struct
{
  guint planned_minutes; /* every block but the skipped ones */
  guint done_minutes;    /* done blocks whole, partly done ones as far as done */
  int   level_start;     /* the level that starts this day, or -1 */
} SpDayTotals;

#define SP_TYPE_SCHEDULE (sp_schedule_get_type ())
G_DECLARE_FINAL_TYPE (SpSchedule, sp_schedule, SP, SCHEDULE, GObject)

SpPlan              *sp_schedule_get_plan          (SpSchedule  *self);
guint                sp_schedule_get_n_blocks      (SpSchedule  *self);
const SpBlock       *sp_schedule_get_block         (SpSchedule  *self,
                                                    guint        index);
const SpBlock       *sp_schedule_lookup_block      (SpSchedule  *self,
                                                    const char  *id);
/* Blocks are sorted by day and start; returns how many fall on @day, the first at *first. */
guint                sp_schedule_get_day_blocks    (SpSchedule  *self,
                                                    guint32      day,
                                                    guint       *first);
void                 sp_schedule_get_day_totals (SpSchedule  *self,
                                                 guint32      day,
                                                 SpDayTotals *totals);
guint32              sp_schedule_get_first_day     (SpSchedule  *self);
guint32              sp_schedule_get_end_day       (SpSchedule  *self); /* 0 when nothing is scheduled */
guint                sp_schedule_get_n_levels      (SpSchedule  *self);
const SpLevelReport *sp_schedule_get_level_report  (SpSchedule  *self,
                                                    guint        level);
/* A translated sentence about the whole schedule, e.g. when there are no hours at all. */
const char          *sp_schedule_get_summary       (SpSchedule  *self);
double               sp_schedule_get_planned_hours (SpSchedule  *self,
                                                    guint32      first_day,
                                                    guint32      last_day);
double               sp_schedule_get_done_hours    (SpSchedule  *self,
                                                    guint32      first_day,
                                                    guint32      last_day);

/* Added after the first contract; nothing above changed. */
const char          *sp_schedule_get_track         (SpSchedule  *self);
guint32              sp_schedule_get_today         (SpSchedule  *self);
/* The usable study minutes of a week at the current availability. */
guint                sp_schedule_get_weekly_minutes (SpSchedule *self);
/* The last day with any block, trailing reviews included; 0 when empty. */
guint32              sp_schedule_get_last_day      (SpSchedule  *self);
/* Whether there is anything to study at all: FALSE when there are no hours. */
gboolean             sp_schedule_has_hours         (SpSchedule  *self);
/* The focus sessions studied in @block, oldest first; NULL when none. */
const SpFocusInterval *sp_schedule_get_focus (SpSchedule    *self,
                                              const SpBlock *block,
                                              guint         *n_intervals);
/* The minutes studied in focus sessions between two days, both included. */
guint sp_schedule_get_focus_minutes (SpSchedule *self,
                                     guint32     first_day,
                                     guint32     last_day);

/* Whether all the work left is planned (there are hours, and it ends in time) */
gboolean sp_schedule_is_whole (SpSchedule *self);

G_END_DECLS
