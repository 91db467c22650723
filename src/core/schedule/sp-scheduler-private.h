/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>

#include "sp-fsrs.h"
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
  SpFsrsMemory   memory;           /* after its rated reviews, when it has some */
  guint32        rated_day;        /* the day of its last rated review, or 0 */
  SpRating       last_rating;
  guint          pending; /* minutes of the user's blocks ahead that do its work, in remaining */
  guint          next_seq[N_KINDS];
  guint          weekly : 1;       /* a milestone served by the weekly project block */
  guint          active : 1;
  guint          parked : 1; /* left only the user's blocks ahead, it gave its slot away */
} Work;

typedef struct
{
  guint   work;
  guint32 due;
} Review;

/* A block of the schedule as it was shown before the last edit: its topic
 * goes there again wherever the plan's rules still allow it. */
typedef struct
{
  const SpBlockRecord *record;
  guint                work; /* work index */
} Kept;

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
  guint                   fixed_passed; /* the fixed blocks before it have had their turn */
  GArray                 *kept;         /* element-type Kept, sorted: the schedule as shown, from today on */
  guint                   kept_next;
  guint                  *kept_minutes; /* per work: minutes of its kept blocks ahead */
  guint                  *kept_reviews; /* per work: its kept reviews ahead */
  guint                   placing;      /* the work of the block being placed, or NONE */
  guint32                 quiet_until; /* no clock change on the days before */
} Scheduler;

static inline guint
round5 (double minutes)
{
  return (guint) (lround (minutes / SP_MINUTES_STEP) * SP_MINUTES_STEP);
}

/* Whether some of @w's work is left to plan, besides the user's blocks
 * ahead that will do the rest */
static inline gboolean
plannable (const Work *w)
{
  return w->remaining > w->pending;
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

/* sp-scheduler.c: what the parts share */
gboolean _sp_scheduler_same_stream (const SpTopic *a,
                                    const SpTopic *b);
SpBlock *_sp_scheduler_add_block (Scheduler     *s,
                                  const SpTopic *topic,
                                  SpBlockKind    kind,
                                  guint          seq_hint,
                                  guint32        day,
                                  guint          start,
                                  guint          minutes);
guint    _sp_scheduler_next_seq (Scheduler  *s,
                                 Work       *w,
                                 SpBlockKind kind);
void     _sp_scheduler_place_work (Scheduler *s,
                                   guint      index,
                                   guint32    day,
                                   guint      start,
                                   guint      len,
                                   guint     *used);
guint    _sp_scheduler_activate (Scheduler *s,
                                 guint      index);
guint    _sp_scheduler_pick_milestone (Scheduler *s);

/* sp-scheduler-kept.c: the next 7 days as they were shown */
void        _sp_scheduler_add_kept (Scheduler *s);
const Kept *_sp_scheduler_next_kept (Scheduler *s,
                                     guint32    day,
                                     guint      cursor);
void        _sp_scheduler_drop_kept (Scheduler *s);
guint       _sp_scheduler_kept_minutes_on (Scheduler *s,
                                           guint32    day);
gboolean    _sp_scheduler_place_kept (Scheduler  *s,
                                      const Kept *kept,
                                      guint32     day,
                                      guint       len,
                                      gboolean   *project_due,
                                      guint      *used);
gboolean    _sp_scheduler_plan_free_time (Scheduler *s,
                                          guint32    day,
                                          guint      cursor,
                                          guint      len,
                                          guint     *used);
guint       _sp_scheduler_pick_kept_topic (Scheduler *s,
                                           guint      pick,
                                           guint      other,
                                           guint      free_slots);

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
