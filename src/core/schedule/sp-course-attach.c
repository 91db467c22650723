/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "sp-catalog-format.h"
#include "sp-course-attach.h"

/* A course attached to a topic is kept with the user's progress as the
 * course's own JSON, so the topic's blocks can name it and link to it even
 * when the listing it came from is gone. The planner is the one owner of
 * that state; this is the catalog's side of the contract. */

/**
 * sp_course_attach:
 *
 * Attaches @course to @topic_id: saved with the progress, and the topic's
 * blocks name it.
 */
void
sp_course_attach (SpPlanner  *planner,
                  const char *topic_id,
                  SpCourse   *course)
{
  g_autofree char *json = NULL;

  g_return_if_fail (SP_IS_PLANNER (planner));
  g_return_if_fail (topic_id != NULL);
  g_return_if_fail (SP_IS_COURSE (course));

  json = sp_catalog_course_to_json (course);
  sp_planner_set_topic_course (planner, topic_id, json);
}

/**
 * sp_course_detach:
 *
 * Takes the course off @topic_id. Hours a topic is given instead of its
 * estimate only ever come from its course, so they go with it: the plan's
 * estimate is used again.
 */
void
sp_course_detach (SpPlanner  *planner,
                  const char *topic_id)
{
  g_return_if_fail (SP_IS_PLANNER (planner));
  g_return_if_fail (topic_id != NULL);

  if (sp_planner_has_topic_hours (planner, topic_id))
    sp_planner_set_topic_hours (planner, topic_id, 0, NULL);
  sp_planner_set_topic_course (planner, topic_id, NULL);
}

/**
 * sp_course_dup_attached:
 *
 * Returns: (transfer full) (nullable): the course attached to @topic_id,
 *   or %NULL when there is none or what was saved is not a course
 */
SpCourse *
sp_course_dup_attached (SpPlanner  *planner,
                        const char *topic_id)
{
  const char *json;

  g_return_val_if_fail (SP_IS_PLANNER (planner), NULL);
  g_return_val_if_fail (topic_id != NULL, NULL);

  json = sp_planner_get_topic_course (planner, topic_id);
  if (json == NULL || json[0] != '{')
    return NULL;
  return sp_catalog_course_from_json (json, NULL);
}

/**
 * sp_course_get_offered_hours:
 *
 * The course's stated workload, when it could replace the hours
 * @topic_id is planned with: the user is asked only when it is known,
 * within what a topic may be given, and not already (to a tenth of an
 * hour) what the topic has.
 *
 * Returns: the course's hours to offer, or 0 when there is nothing to ask
 */
double
sp_course_get_offered_hours (SpPlanner  *planner,
                             const char *topic_id,
                             SpCourse   *course)
{
  double hours, current;

  g_return_val_if_fail (SP_IS_PLANNER (planner), 0);
  g_return_val_if_fail (topic_id != NULL, 0);
  g_return_val_if_fail (SP_IS_COURSE (course), 0);

  hours = sp_course_get_total_hours (course);
  current = sp_planner_get_topic_hours (planner, topic_id);
  if (!(hours > 0) || hours > SP_TOPIC_HOURS_MAX || current <= 0)
    return 0;
  if (fabs (hours - current) < 0.05)
    return 0;
  return hours;
}
