/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-planner-private.h"

/* The planner's goal dates, kept with the progress in the state file, and
 * the hours that meet them (sp-goals.c). Setting a goal and taking the
 * hours it asks for are edits like the others: saved, and undone by
 * sp_planner_undo(). */

/**
 * sp_planner_get_goal:
 * @target: a level id of the plan, or %SP_GOAL_PATH
 *
 * Returns: the goal's Julian day, or 0 for none
 */
guint32
sp_planner_get_goal (SpPlanner  *self,
                     const char *target)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), 0);
  g_return_val_if_fail (target != NULL, 0);

  if (self->plan == NULL)
    return 0;
  return sp_progress_get_goal (_sp_planner_get_progress (self), target);
}

/**
 * sp_planner_set_goal:
 * @target: a level id of the plan, or %SP_GOAL_PATH
 * @day: a Julian day from 1970 to 2200, or 0 to remove the goal
 *
 * Returns: %TRUE, or %FALSE with @error for an unknown target, a day
 *   past the supported dates, or a save that failed
 */
gboolean
sp_planner_set_goal (SpPlanner  *self,
                     const char *target,
                     guint32     day,
                     GError    **error)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if (self->plan == NULL || !sp_goal_target_is_valid (self->plan, target))
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID,
                   /* TRANSLATORS: "“x” is neither a level of the path nor “path”" */
                   _("“%s” is neither a level of the path nor “path”"), target);
      return FALSE;
    }
  if (day != 0 && !sp_day_is_supported (day))
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID,
                   _("A goal date goes from %d-01-01 to %d-12-31"), SP_DAY_FIRST_YEAR, SP_DAY_LAST_YEAR);
      return FALSE;
    }
  if (sp_planner_get_goal (self, target) == day)
    return TRUE;

  _sp_planner_push_undo (self, FALSE);
  sp_progress_set_goal (_sp_planner_get_progress (self), target, day);
  return _sp_planner_commit_edit (self, error);
}

/**
 * sp_planner_solve_goal:
 *
 * Returns: (transfer full) (nullable): what the goal for @target asks at
 *   the planner's hours and progress; %NULL when it has none
 */
SpGoalResult *
sp_planner_solve_goal (SpPlanner  *self,
                       const char *target)
{
  SpSchedulerInput input;
  guint32          day;

  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);

  day = sp_planner_get_goal (self, target);
  if (day == 0 || !sp_goal_target_is_valid (self->plan, target))
    return NULL;
  _sp_planner_get_input (self, &input);
  return sp_goal_solve (&input, target, day);
}

/**
 * sp_planner_solve_goals:
 *
 * Returns: (transfer full) (element-type SpGoalResult): each goal set for
 *   the plan, the whole path first, then the levels in order
 */
GPtrArray *
sp_planner_solve_goals (SpPlanner *self)
{
  GPtrArray    *results = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_goal_result_free);
  SpGoalResult *result;

  g_return_val_if_fail (SP_IS_PLANNER (self), results);

  if (self->plan == NULL)
    return results;
  if ((result = sp_planner_solve_goal (self, SP_GOAL_PATH)) != NULL)
    g_ptr_array_add (results, result);
  for (guint l = 0; l < sp_plan_get_n_levels (self->plan); l++)
    if ((result = sp_planner_solve_goal (self, sp_plan_get_level (self->plan, l)->id)) != NULL)
      g_ptr_array_add (results, result);
  return results;
}

/**
 * sp_planner_take_hours:
 * @availability: the new hours, such as sp_goal_result_apply() gives
 *
 * Changes the hours as an edit: saved, and taken back by
 * sp_planner_undo() (sp_planner_set_availability() is for Preferences,
 * which keeps its own undo).
 *
 * Returns: %TRUE, or %FALSE with @error when the save failed
 */
gboolean
sp_planner_take_hours (SpPlanner            *self,
                       const SpAvailability *availability,
                       GError              **error)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);
  g_return_val_if_fail (availability != NULL, FALSE);

  if (self->plan == NULL || sp_availability_equal (availability, sp_state_get_availability (self->state)))
    return TRUE;
  _sp_planner_push_undo (self, TRUE);
  sp_state_set_availability (self->state, availability);
  return _sp_planner_commit_edit (self, error);
}

/**
 * sp_planner_advise_levels:
 *
 * Gives the advice of each level of the current schedule that does not fit
 * its time frame the weekly hours that would make it fit, found over the
 * scheduler as a goal date's are (sp_goals_advise_levels()). It costs a
 * dozen runs of the scheduler a level that does not fit, so it is for
 * where the advice is shown: the Path view, the JSON export, the printed
 * plan.
 *
 * Returns: (transfer none) (nullable): the current schedule
 */
SpSchedule *
sp_planner_advise_levels (SpPlanner *self)
{
  SpSchedulerInput input;

  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);

  if (self->schedule == NULL)
    return NULL;
  _sp_planner_get_input (self, &input);
  sp_goals_advise_levels (&input, self->schedule);
  return self->schedule;
}
