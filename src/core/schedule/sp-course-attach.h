/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-course.h"
#include "sp-planner.h"

G_BEGIN_DECLS

void      sp_course_attach           (SpPlanner  *planner,
                                      const char *topic_id,
                                      SpCourse   *course);
void      sp_course_detach           (SpPlanner  *planner,
                                      const char *topic_id);
SpCourse *sp_course_dup_attached     (SpPlanner  *planner,
                                      const char *topic_id);
double    sp_course_get_offered_hours (SpPlanner *planner,
                                       const char *topic_id,
                                       SpCourse  *course);

G_END_DECLS
