/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-scheduler.h"

G_BEGIN_DECLS

/* A goal date: a level, or the whole path (SP_GOAL_PATH), finished by a
 * day. The target of a goal is a level's id or "path". */
#define SP_GOAL_PATH "path"

/* The line of weeks the hours are searched on, in steps of 5 minutes a day
 * (sp_goal_week_at()): below the user's week every day capped, above it
 * the days raised toward a common level */
#define SP_GOAL_CURRENT_STEP (SP_MINUTES_PER_DAY / SP_MINUTES_STEP)
#define SP_GOAL_N_STEPS      (3 * SP_GOAL_CURRENT_STEP)

typedef enum
{
  SP_GOAL_FINISHED,     /* its work is done already */
  SP_GOAL_MET,          /* met at the current hours */
  SP_GOAL_NEEDS_HOURS,  /* met with more hours a week: see minutes */
  SP_GOAL_BEFORE_START, /* the day comes before study can start */
  SP_GOAL_OUT_OF_REACH, /* even every hour the days hold would end later */
} SpGoalStatus;

typedef struct
{
  char        *target; /* a level id, or SP_GOAL_PATH */
  guint32      day;    /* the goal, a Julian day */
  SpGoalStatus status;
  guint32      from_day;               /* the first day new study can go to */
  guint32      end_day;                /* when the target ends at the current hours; 0: not planned */
  guint32      reach_day;              /* OUT_OF_REACH: when it ends at every hour the days hold; 0: never */
  guint        weekly_minutes;         /* FINISHED, MET, NEEDS_HOURS: the fewest a week that meet the goal */
  guint        step;                   /* MET, NEEDS_HOURS, OUT_OF_REACH: minutes' step on the line of weeks */
  guint16      current[SP_N_WEEKDAYS]; /* the usable minutes of each weekday now */
  guint16      minutes[SP_N_WEEKDAYS]; /* the week that meets it with weekly_minutes */
} SpGoalResult;

SpGoalResult   *sp_goal_solve (const SpSchedulerInput *input,
                               const char             *target,
                               guint32                 day);
SpGoalResult   *sp_goal_solve_fit (const SpSchedulerInput *input,
                                   guint                   level);
void            sp_goals_advise_levels (const SpSchedulerInput *input,
                                        SpSchedule             *schedule);
void            sp_goal_week_at (const SpAvailability *base,
                                 guint                 step,
                                 guint16               minutes[SP_N_WEEKDAYS]);
void            sp_goal_result_free (SpGoalResult *result);
gboolean        sp_goal_result_has_hours (const SpGoalResult *result);
SpAvailability *sp_goal_result_apply (const SpGoalResult   *result,
                                      const SpAvailability *availability);
char           *sp_goal_result_describe (const SpGoalResult *result,
                                         SpPlan             *plan);
char           *sp_goal_result_describe_hours (const SpGoalResult *result);
char           *sp_goal_target_get_title (SpPlan     *plan,
                                          const char *target);
gboolean        sp_goal_target_is_valid (SpPlan     *plan,
                                         const char *target);
char           *sp_goals_describe_fit (SpSchedule *schedule,
                                       GPtrArray  *goals,
                                       gboolean   *fits);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpGoalResult, sp_goal_result_free)

G_END_DECLS
