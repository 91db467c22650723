/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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

  json = sp_course_to_json (course);
  sp_planner_set_topic_course (planner, topic_id, json);
}

void
sp_course_detach (SpPlanner  *planner,
                  const char *topic_id)
{
  g_return_if_fail (SP_IS_PLANNER (planner));
  g_return_if_fail (topic_id != NULL);

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
  return sp_course_new_from_json (json, NULL);
}
