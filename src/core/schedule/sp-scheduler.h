/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-availability.h"
#include "sp-plan.h"
#include "sp-schedule.h"
#include "sp-state.h"

G_BEGIN_DECLS

/* Reviews come back this many days after a topic is finished. */
#define SP_N_REVIEWS 3
extern const guint sp_review_offsets[SP_N_REVIEWS];

/* The planner gives up after this many years, rather than plan for ever. */
#define SP_SCHEDULER_MAX_YEARS 100

/* Everything the schedule is a function of. Nothing here is modified. */
typedef struct
{
  SpPlan               *plan;
  const char           *track;        /* nullable */
  const SpAvailability *availability;
  SpProgress           *progress;     /* nullable: nothing done yet */
  guint32               today;        /* Julian day; new work starts no earlier */
  GTimeZone            *timezone;     /* nullable: no clock changes */
  GHashTable           *topic_hours;  /* nullable: topic id → double * hours replacing the plan's estimate */
} SpSchedulerInput;

SpSchedule *sp_scheduler_run                 (const SpSchedulerInput *input);
guint       sp_scheduler_get_topic_minutes   (const SpTopic          *topic);
guint       sp_scheduler_get_input_topic_minutes (const SpSchedulerInput *input,
                                                  const SpTopic          *topic);
guint       sp_scheduler_get_review_minutes  (const SpAvailability   *availability);
gboolean    sp_scheduler_get_clock_change    (GTimeZone              *tz,
                                              guint32                 day,
                                              guint                  *from,
                                              guint                  *to);
char       *sp_scheduler_format_hours        (double                  hours);

G_END_DECLS
