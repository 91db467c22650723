/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-planner.h"

G_BEGIN_DECLS

GtkWidget *sp_goal_button_new (SpPlanner  *planner,
                               const char *target,
                               gboolean    compact);
GtkWidget *sp_goal_result_row_new (SpPlanner          *planner,
                                   const SpGoalResult *result);
GtkWidget *sp_goal_verdict_new (SpPlanner *planner,
                                GPtrArray *goals);
GtkWidget *sp_goal_group_new (SpPlanner *planner);

G_END_DECLS
