/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>

#include "sp-scheduler.h"

G_BEGIN_DECLS

/* What the parts of the scheduler share while it runs: the work left on
 * each topic, the reviews due, and the day-by-day state of one run. */

#define DAYS_PER_MONTH  30.436875
#define N_KINDS         4
#define NONE            G_MAXUINT

typedef struct
{
  const SpTopic *topic;
  guint          parts[N_KINDS];   /* minutes still to schedule, by kind */
  guint          remaining;        /* their sum */
  guint          moved;            /* missed minutes: new blocks show as moved */
  guint          prereq_first;     /* into Scheduler.prereqs */
  guint          n_prereqs;
  guint          dependent_first;  /* into Scheduler.dependents */
  guint          n_dependents;
  guint          blocked;          /* prerequisites with work left */
  guint          pos;              /* position among its level's candidates */
  guint32        finish_day;       /* day of the last work block */
  guint          reviews;          /* reviews done, skipped or already placed */
  guint          next_seq[N_KINDS];
  guint          weekly : 1;       /* a milestone served by the weekly project block */
  guint          active : 1;
} Work;

typedef struct
{
  guint   work;
  guint32 due;
} Review;

typedef struct
{
  const SpSchedulerInput *input;
  const SpAvailability   *avail;
  SpSchedule             *schedule;
  GArray                 *work;        /* element-type Work */
  guint                  *work_of;     /* topic index → work index or NONE */
  GArray                 *prereqs;     /* element-type guint: work indices */
  GArray                 *dependents;  /* element-type guint: work indices, grouped by prerequisite */
  GPtrArray              *candidates;  /* per level: GArray of work indices, in order */
  GPtrArray              *ready;       /* per level: sorted GArray of candidate positions whose prerequisites are done */
  guint                  *ready_head;  /* per level: ready entries before it are finished */
  guint                  *weekly_first; /* per level: position of the first weekly milestone */
  guint                  *unfinished;  /* per level: topics with work left */
  GArray                 *reviews;     /* element-type Review, sorted by due */
  GHashTable             *taken_ids;   /* ids of the user's records */
  guint                   n_levels;
  guint                   level;       /* the level being studied */
  guint                   active[2];
  guint                   turn;
  guint                   review_minutes;
  guint                   project_weekday;
  guint                   n_unfinished;
  GArray                 *fixed;       /* element-type SpBlockRecord*, sorted, from today on */
  guint                   fixed_next;
  guint32                 quiet_until; /* no clock change on the days before */
} Scheduler;

static inline guint
round5 (double minutes)
{
  return (guint) (lround (minutes / SP_MINUTES_STEP) * SP_MINUTES_STEP);
}

static inline Work *
work_at (Scheduler *s,
         guint      index)
{
  return &g_array_index (s->work, Work, index);
}

/* sp-scheduler-work.c: the work to plan, from the plan and the user's hours */
void     _sp_scheduler_build_work          (Scheduler   *s);
void     _sp_scheduler_consume             (Work        *w,
                                            SpBlockKind  kind,
                                            guint        minutes);
void     _sp_scheduler_tidy_parts          (Work        *w);
void     _sp_scheduler_index_prerequisites (Scheduler   *s);

/* sp-scheduler-clock.c: days when the clocks change */
gboolean _sp_scheduler_clock_changes       (Scheduler   *s,
                                            guint32      day,
                                            guint       *from,
                                            guint       *to);

/* sp-scheduler-report.c: each level's dates and advice, and the summary */
void _sp_scheduler_make_reports (Scheduler *s,
                                 gboolean   no_hours,
                                 gboolean   too_long,
                                 guint32    off_from);

G_END_DECLS
