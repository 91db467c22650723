/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-plan.h"

G_BEGIN_DECLS

#define SP_TYPE_PLANNER (sp_planner_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanner, sp_planner, SP, PLANNER, GObject)

SpPlanner  *sp_planner_new        (SpPlan     *plan);
SpPlan     *sp_planner_get_plan   (SpPlanner  *self);
void        sp_planner_set_plan   (SpPlanner  *self,
                                   SpPlan     *plan);
const char *sp_planner_get_track  (SpPlanner  *self);
void        sp_planner_set_track  (SpPlanner  *self,
                                   const char *track);
double      sp_planner_get_level_progress (SpPlanner *self,
                                           guint      level);

G_END_DECLS
