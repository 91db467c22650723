/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-availability.h"
#include "sp-goals.h"
#include "sp-plan.h"
#include "sp-schedule.h"
#include "sp-state.h"

G_BEGIN_DECLS

#define SP_PLANNER_ERROR (sp_planner_error_quark ())

typedef enum
{
  SP_PLANNER_ERROR_NO_BLOCK,  /* no block with that id */
  SP_PLANNER_ERROR_INVALID,   /* a value out of range */
  SP_PLANNER_ERROR_PAST,      /* the past is not rewritten */
  SP_PLANNER_ERROR_OVERLAP,   /* would overlap one of the user's blocks */
  SP_PLANNER_ERROR_NOT_SAVED, /* the state file could not be written */
} SpPlannerError;

#define SP_TYPE_PLANNER (sp_planner_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanner, sp_planner, SP, PLANNER, GObject)

GQuark          sp_planner_error_quark  (void);

SpPlanner  *sp_planner_new        (SpPlan     *plan);
SpPlan     *sp_planner_get_plan   (SpPlanner  *self);
void        sp_planner_set_plan   (SpPlanner  *self,
                                   SpPlan     *plan);
const char *sp_planner_get_track  (SpPlanner  *self);
void        sp_planner_set_track  (SpPlanner  *self,
                                   const char *track);
double      sp_planner_get_level_progress (SpPlanner *self,
                                           guint      level);

SpSchedule *sp_planner_get_schedule   (SpPlanner      *self);
gboolean    sp_planner_mark_block     (SpPlanner      *self,
                                       const char     *block_id,
                                       SpBlockStatus   status,
                                       guint           done_minutes,
                                       GError        **error);
gboolean            sp_planner_record_focus (SpPlanner             *self,
                                             const char            *block_id,
                                             SpBlockStatus          status,
                                             guint                  done_minutes,
                                             const SpFocusInterval *intervals,
                                             guint                  n_intervals,
                                             GError               **error);
const SpFocusSaved *sp_planner_get_focus_session (SpPlanner *self);
void                sp_planner_set_focus_session (SpPlanner          *self,
                                                  const SpFocusSaved *saved);
gboolean    sp_planner_move_block     (SpPlanner      *self,
                                       const char     *block_id,
                                       guint32         day,
                                       guint           start_minute,
                                       GError        **error);
gboolean    sp_planner_unpin_block    (SpPlanner      *self,
                                       const char     *block_id,
                                       GError        **error);
gboolean    sp_planner_set_block_note (SpPlanner      *self,
                                       const char     *block_id,
                                       const char     *note,
                                       GError        **error);
gboolean            sp_planner_rate_review (SpPlanner  *self,
                                            const char *block_id,
                                            SpRating    rating,
                                            GError    **error);
gboolean    sp_planner_can_undo       (SpPlanner      *self);
gboolean    sp_planner_undo           (SpPlanner      *self);
guint               sp_planner_get_moved (SpPlanner      *self,
                                          const guint32 **days,
                                          guint          *n_days);
char               *sp_planner_describe_moved (SpPlanner  *self,
                                               const char *message);
guint32     sp_planner_get_today      (SpPlanner      *self);
void        sp_planner_set_today      (SpPlanner      *self,
                                       guint32         day);
GTimeZone  *sp_planner_get_timezone   (SpPlanner      *self);
void        sp_planner_set_timezone   (SpPlanner      *self,
                                       GTimeZone      *tz);
SpAvailability *sp_planner_get_availability (SpPlanner *self);
void        sp_planner_set_availability (SpPlanner          *self,
                                         const SpAvailability *availability);
gboolean    sp_planner_load_state     (SpPlanner      *self,
                                       const char     *path,
                                       GError        **error);
gboolean    sp_planner_read_state     (SpPlanner      *self,
                                       const char     *path,
                                       GError        **error);
const char *sp_planner_get_state_path (SpPlanner      *self);
gboolean            sp_planner_take_old_track (SpPlanner  *self,
                                               const char *track);
gboolean            sp_planner_save (SpPlanner *self,
                                     GError   **error);
char       *sp_planner_take_state_warning (SpPlanner  *self);
const char *sp_planner_get_state_warning  (SpPlanner  *self);
const char *sp_planner_get_topic_course (SpPlanner    *self,
                                         const char   *topic_id);
void        sp_planner_set_topic_course (SpPlanner    *self,
                                         const char   *topic_id,
                                         const char   *course_json);
gboolean    sp_planner_set_topic_hours  (SpPlanner    *self,
                                         const char   *topic_id,
                                         double        hours,
                                         GError      **error);
double      sp_planner_get_topic_hours  (SpPlanner    *self,
                                         const char   *topic_id);
gboolean    sp_planner_has_topic_hours  (SpPlanner    *self,
                                         const char   *topic_id);
double      sp_planner_get_level_hours  (SpPlanner    *self,
                                         guint         level);
SpState    *sp_planner_get_state      (SpPlanner      *self);
char       *sp_planner_get_default_state_path (void);

/* Goal dates (sp-planner-goals.c) */
guint32       sp_planner_get_goal (SpPlanner  *self,
                                   const char *target);
gboolean      sp_planner_set_goal (SpPlanner  *self,
                                   const char *target,
                                   guint32     day,
                                   GError    **error);
SpGoalResult *sp_planner_solve_goal (SpPlanner  *self,
                                     const char *target);
GPtrArray    *sp_planner_solve_goals (SpPlanner *self);
SpSchedule   *sp_planner_advise_levels (SpPlanner *self);
gboolean      sp_planner_take_hours (SpPlanner            *self,
                                     const SpAvailability *availability,
                                     GError              **error);

G_END_DECLS
