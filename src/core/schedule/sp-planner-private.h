/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-planner.h"

G_BEGIN_DECLS

/* The one owner of the planner's state: the plan, the user's choices and,
 * from them, the schedule. Views read from it and send edits through it;
 * every edit re-plans, is saved atomically, and emits "changed" once. */
struct _SpPlanner
{
  GObject     parent_instance;

  SpPlan     *plan;
  char       *track;
  SpState    *state;
  SpSchedule *schedule;
  GTimeZone  *timezone;
  guint32     today;          /* 0: follow the clock */
  char       *state_path;     /* NULL: keep the state in memory only */
  char       *state_warning;
  GPtrArray  *undo;           /* element-type SpProgress: before each edit */
  guint       midnight_id;
};

void     _sp_planner_adopt_state  (SpPlanner  *self,
                                   SpState    *state);
void     _sp_planner_emit_changed (SpPlanner  *self);
void     _sp_planner_set_warning  (SpPlanner  *self,
                                   const char *warning);
gboolean _sp_planner_save_state   (SpPlanner  *self,
                                   GError    **error);
void     _sp_planner_save_or_warn (SpPlanner  *self);

G_END_DECLS
