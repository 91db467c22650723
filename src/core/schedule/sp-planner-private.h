/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-planner.h"
#include "sp-scheduler.h"

G_BEGIN_DECLS

/* What an edit takes back: the progress before it, and the hours when it
 * changed them */
typedef struct
{
  SpProgress     *progress;
  SpAvailability *availability; /* nullable */
} SpUndoStep;

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
  GPtrArray  *undo;                     /* element-type SpUndoStep: before each edit */
  guint       moved;                    /* blocks of the next 7 days the last edit moved */
  guint32     moved_days[SP_KEPT_DAYS]; /* the days they were on, in order */
  guint       n_moved_days;
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

/* For the parts of the planner in other files (sp-planner-goals.c) */
SpProgress *_sp_planner_get_progress (SpPlanner *self);
void        _sp_planner_push_undo (SpPlanner *self,
                                   gboolean   with_hours);
gboolean    _sp_planner_commit_edit (SpPlanner *self,
                                     GError   **error);
void        _sp_planner_get_input (SpPlanner        *self,
                                   SpSchedulerInput *input);

const SpBlock *_sp_planner_find_block (SpPlanner  *self,
                                       const char *block_id,
                                       GError    **error);
SpBlockRecord *_sp_planner_ensure_record (SpPlanner     *self,
                                          const SpBlock *block);

/* sp-planner-stable.c: a stable near future */
void _sp_planner_keep_near_future (SpPlanner  *self,
                                   SpProgress *progress);
void _sp_planner_count_moved (SpPlanner  *self,
                              SpProgress *progress);

G_END_DECLS
