/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "sp-planner-private.h"
#include "sp-scheduler.h"

#define MAX_UNDO 100

G_DEFINE_FINAL_TYPE (SpPlanner, sp_planner, G_TYPE_OBJECT)

G_DEFINE_QUARK (sp-planner-error-quark, sp_planner_error)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_TRACK,
  PROP_TODAY,
  PROP_STATE_WARNING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_midnight (SpPlanner *self);

/* Keeps the track valid for the plan: an unknown one falls back to the plan's first. */
static void
normalize_track (SpPlanner *self)
{
  if (self->plan == NULL)
    return;
  if (self->track == NULL || sp_plan_lookup_track (self->plan, self->track) == NULL)
    {
      g_free (self->track);
      self->track = g_strdup (sp_plan_get_default_track (self->plan));
    }
}

static SpProgress *
get_progress (SpPlanner *self)
{
  return sp_state_get_progress (self->state, self->plan ? sp_plan_get_id (self->plan) : NULL);
}

/* The track is kept once, with the plan's progress in the state file,
 * where the command line reads it too: the planner's is always the saved
 * one (the plan's first when none is saved). Returns: whether it changed */
static gboolean
follow_saved_track (SpPlanner *self)
{
  g_autofree char *old = g_steal_pointer (&self->track);

  if (self->plan == NULL)
    return FALSE;
  self->track = g_strdup (get_progress (self)->track);
  normalize_track (self);
  return g_strcmp0 (old, self->track) != 0;
}

static SpSchedule *
run_scheduler (SpPlanner *self,
               guint32    today)
{
  SpSchedulerInput input = {
    .plan = self->plan,
    .track = self->track,
    .availability = sp_state_get_availability (self->state),
    .progress = get_progress (self),
    .today = today,
    .timezone = self->timezone,
  };

  input.topic_hours = input.progress->topic_hours;

  return sp_scheduler_run (&input);
}

/* When days have gone by since the schedule was made, what it planned for
 * them becomes history: those blocks are kept as they were (missed, unless
 * marked), and their work moves forward. The scheduler is deterministic, so
 * the old schedule is made again exactly rather than remembered. */
static void
freeze_past (SpPlanner *self,
             guint32    today)
{
  SpProgress *progress = get_progress (self);
  g_autoptr(SpSchedule) old = NULL;

  if (progress->planned_today == today)
    return;
  if (progress->planned_today == 0 || progress->planned_today > today)
    {
      progress->planned_today = today;
      return;
    }

  /* The schedule shown until now is the one to keep, whatever changed since */
  if (self->schedule != NULL && sp_schedule_get_plan (self->schedule) == self->plan &&
      sp_schedule_get_today (self->schedule) == progress->planned_today)
    old = g_object_ref (self->schedule);
  else
    old = run_scheduler (self, progress->planned_today);

  for (guint i = 0; i < sp_schedule_get_n_blocks (old); i++)
    {
      const SpBlock *block = sp_schedule_get_block (old, i);
      SpBlockRecord *record;

      if (block->day < progress->planned_today)
        continue;
      if (block->day >= today)
        break;
      if (sp_progress_lookup_record (progress, block->id) != NULL)
        continue;
      record = sp_block_record_new (block->id, block->topic->id, block->kind,
                                    block->day, block->start, block->minutes);
      sp_progress_set_record (progress, record);
    }
  progress->planned_today = today;
}

void
_sp_planner_set_warning (SpPlanner  *self,
                         const char *warning)
{
  if (g_strcmp0 (self->state_warning, warning) == 0)
    return;
  g_free (self->state_warning);
  self->state_warning = g_strdup (warning);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_WARNING]);
}

/* Saves where it cannot report to a caller: the warning tells the user. */
void
_sp_planner_save_or_warn (SpPlanner *self)
{
  g_autoptr(GError) error = NULL;

  /* Not a g_warning(): a full or read-only disk is no programming error */
  if (!_sp_planner_save_state (self, &error))
    {
      g_message ("%s", error->message);
      _sp_planner_set_warning (self, error->message);
    }
}

static void
replan (SpPlanner *self)
{
  guint32 today;

  if (self->plan == NULL)
    return;

  today = sp_planner_get_today (self);
  freeze_past (self, today);
  g_clear_object (&self->schedule);
  self->schedule = run_scheduler (self, today);
}

void
_sp_planner_emit_changed (SpPlanner *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
undo_step_free (SpUndoStep *step)
{
  sp_progress_free (step->progress);
  g_clear_pointer (&step->availability, sp_availability_free);
  g_free (step);
}

static void
push_undo (SpPlanner *self)
{
  SpUndoStep *step = g_new0 (SpUndoStep, 1);

  if (self->undo->len >= MAX_UNDO)
    g_ptr_array_remove_index (self->undo, 0);
  step->progress = sp_progress_copy (get_progress (self));
  g_ptr_array_add (self->undo, step);
  _sp_planner_keep_near_future (self, get_progress (self));
}

/* What the edits apart from this file share (sp-planner-private.h) */
SpProgress *
_sp_planner_get_progress (SpPlanner *self)
{
  return get_progress (self);
}

/* Before an edit: @with_hours keeps the availability too, for an edit
 * that changes it */
void
_sp_planner_push_undo (SpPlanner *self,
                       gboolean   with_hours)
{
  push_undo (self);
  if (with_hours)
    {
      SpUndoStep *step = g_ptr_array_index (self->undo, self->undo->len - 1);

      step->availability = sp_availability_copy (sp_state_get_availability (self->state));
    }
}

/* Fills @input as the planner's own schedule is made, for today */
void
_sp_planner_get_input (SpPlanner        *self,
                       SpSchedulerInput *input)
{
  *input = (SpSchedulerInput){
    .plan = self->plan,
    .track = self->track,
    .availability = sp_state_get_availability (self->state),
    .progress = get_progress (self),
    .today = self->schedule ? sp_schedule_get_today (self->schedule) : sp_planner_get_today (self),
    .timezone = self->timezone,
  };
  input->topic_hours = input->progress->topic_hours;
}

/* Takes back the edit @step was made before: its progress, and its hours
 * when it changed them */
static void
restore_undo_step (SpPlanner  *self,
                   SpUndoStep *step)
{
  /* The track is not an edit these steps take back: it stays as chosen */
  g_free (step->progress->track);
  step->progress->track = g_strdup (get_progress (self)->track);
  sp_state_set_progress (self->state, sp_plan_get_id (self->plan), g_steal_pointer (&step->progress));
  if (step->availability != NULL)
    sp_state_set_availability (self->state, step->availability);
  undo_step_free (step);
}

/* Re-plans and saves after an edit; a failed save takes the edit back. */
static gboolean
commit_edit (SpPlanner  *self,
             GError    **error)
{
  replan (self);
  _sp_planner_count_moved (self, get_progress (self));
  if (!_sp_planner_save_state (self, error))
    {
      restore_undo_step (self, g_ptr_array_steal_index (self->undo, self->undo->len - 1));
      replan (self);
      return FALSE;
    }
  _sp_planner_emit_changed (self);
  return TRUE;
}

gboolean
_sp_planner_commit_edit (SpPlanner *self,
                         GError   **error)
{
  return commit_edit (self, error);
}

static gboolean
midnight_cb (gpointer user_data)
{
  SpPlanner *self = SP_PLANNER (user_data);
  guint32 before = self->schedule ? sp_schedule_get_today (self->schedule) : 0;

  self->midnight_id = 0;
  if (self->today == 0 && sp_planner_get_today (self) != before)
    {
      replan (self);
      _sp_planner_save_or_warn (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
      _sp_planner_emit_changed (self);
    }
  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

/* Today follows the clock: wake up just after the next local midnight. */
static void
schedule_midnight (SpPlanner *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->timezone);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;
  gint64 seconds;

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  if (self->today != 0)
    return;

  midnight = g_date_time_new (self->timezone, g_date_time_get_year (now),
                              g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0);
  next = g_date_time_add_days (midnight, 1);
  seconds = g_date_time_difference (next, now) / G_TIME_SPAN_SECOND;
  self->midnight_id = g_timeout_add_seconds ((guint) CLAMP (seconds + 1, 1, 86400 + 3600), midnight_cb, self);
}

static void
sp_planner_dispose (GObject *object)
{
  SpPlanner *self = (SpPlanner *)object;

  g_clear_handle_id (&self->midnight_id, g_source_remove);

  G_OBJECT_CLASS (sp_planner_parent_class)->dispose (object);
}

static void
sp_planner_finalize (GObject *object)
{
  SpPlanner *self = (SpPlanner *)object;

  g_clear_object (&self->plan);
  g_clear_object (&self->state);
  g_clear_object (&self->schedule);
  g_clear_pointer (&self->timezone, g_time_zone_unref);
  g_clear_pointer (&self->track, g_free);
  g_clear_pointer (&self->state_path, g_free);
  g_clear_pointer (&self->state_warning, g_free);
  g_clear_pointer (&self->undo, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_planner_parent_class)->finalize (object);
}

static void
sp_planner_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpPlanner *self = SP_PLANNER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_TRACK:
      g_value_set_string (value, self->track);
      break;
    case PROP_TODAY:
      g_value_set_uint (value, sp_planner_get_today (self));
      break;
    case PROP_STATE_WARNING:
      g_value_set_string (value, self->state_warning);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_planner_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SpPlanner *self = SP_PLANNER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      sp_planner_set_plan (self, g_value_get_object (value));
      break;
    case PROP_TRACK:
      sp_planner_set_track (self, g_value_get_string (value));
      break;
    case PROP_TODAY:
      sp_planner_set_today (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_planner_class_init (SpPlannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_planner_dispose;
  object_class->finalize = sp_planner_finalize;
  object_class->get_property = sp_planner_get_property;
  object_class->set_property = sp_planner_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         SP_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRACK] =
    g_param_spec_string ("track", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SpPlanner:today:
   *
   * Today as a Julian day. Set it to fix the day (tests, the command
   * line); 0 follows the clock again.
   */
  properties[PROP_TODAY] =
    g_param_spec_uint ("today", NULL, NULL,
                       0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SpPlanner:state-warning:
   *
   * Something the user must be told about their saved progress, such as a
   * state file that could not be read and was kept aside; %NULL when all
   * is well. Clear it with sp_planner_take_state_warning().
   */
  properties[PROP_STATE_WARNING] =
    g_param_spec_string ("state-warning", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpPlanner::changed:
   *
   * Emitted once after anything the views show has changed: the plan,
   * the track, the user's state or the schedule made from them.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sp_planner_init (SpPlanner *self)
{
  self->state = sp_state_new ();
  self->timezone = g_time_zone_new_local ();
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_step_free);
  schedule_midnight (self);
}

SpPlanner *
sp_planner_new (SpPlan *plan)
{
  g_return_val_if_fail (SP_IS_PLAN (plan), NULL);
  return g_object_new (SP_TYPE_PLANNER, "plan", plan, NULL);
}

/**
 * sp_planner_get_plan:
 *
 * Returns: (transfer none): the plan being followed
 */
SpPlan *
sp_planner_get_plan (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  return self->plan;
}

void
sp_planner_set_plan (SpPlanner *self,
                     SpPlan    *plan)
{
  g_autofree char *old_track = NULL;

  g_return_if_fail (SP_IS_PLANNER (self));
  g_return_if_fail (SP_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  old_track = g_strdup (self->track);
  follow_saved_track (self);
  g_ptr_array_set_size (self->undo, 0);
  replan (self);
  _sp_planner_save_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  if (g_strcmp0 (old_track, self->track) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK]);
  _sp_planner_emit_changed (self);
}

/**
 * sp_planner_get_track:
 *
 * Returns: (nullable): the chosen specialization track
 */
const char *
sp_planner_get_track (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  return self->track;
}

void
sp_planner_set_track (SpPlanner  *self,
                      const char *track)
{
  g_autofree char *old = NULL;
  SpProgress *progress;

  g_return_if_fail (SP_IS_PLANNER (self));

  old = g_steal_pointer (&self->track);
  self->track = g_strdup (track);
  normalize_track (self);
  /* Saved with the progress, the one place it is kept (also when it was
   * the plan's first, taken for want of a saved one) */
  progress = get_progress (self);
  if (g_strcmp0 (progress->track, self->track) != 0)
    {
      g_free (progress->track);
      progress->track = g_strdup (self->track);
      if (g_strcmp0 (old, self->track) == 0)
        _sp_planner_save_or_warn (self);
    }
  if (g_strcmp0 (old, self->track) == 0)
    return;

  replan (self);
  _sp_planner_save_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK]);
  _sp_planner_emit_changed (self);
}

/**
 * sp_planner_get_level_progress:
 *
 * Returns: the share of @level's hours done, from 0 to 1
 */
double
sp_planner_get_level_progress (SpPlanner *self,
                               guint      level)
{
  double level_hours;
  guint64 done = 0;

  g_return_val_if_fail (SP_IS_PLANNER (self), 0);

  if (self->plan == NULL || self->schedule == NULL || level >= sp_plan_get_n_levels (self->plan))
    return 0;

  level_hours = sp_planner_get_level_hours (self, level);
  if (level_hours <= 0)
    return 0;

  for (guint i = 0; i < sp_schedule_get_n_blocks (self->schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (self->schedule, i);

      if (block->level != level || block->kind == SP_BLOCK_KIND_REVIEW)
        continue;
      if (block->status == SP_BLOCK_STATUS_DONE)
        done += block->minutes;
      else if (block->status == SP_BLOCK_STATUS_PARTIAL)
        done += block->done_minutes;
    }
  return CLAMP (done / 60.0 / level_hours, 0, 1);
}

/**
 * sp_planner_get_schedule:
 *
 * Returns: (transfer none): the current schedule; a new one after each
 *   "changed", so do not keep blocks across it
 */
SpSchedule *
sp_planner_get_schedule (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  return self->schedule;
}

static const SpBlock *
find_block (SpPlanner   *self,
            const char  *block_id,
            GError     **error)
{
  const SpBlock *block = NULL;

  if (self->schedule != NULL && block_id != NULL)
    block = sp_schedule_lookup_block (self->schedule, block_id);
  if (block == NULL)
    g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_NO_BLOCK,
                 _("There is no study block “%s” in the schedule"), block_id ? block_id : "");
  return block;
}

static SpBlockRecord *
ensure_record (SpProgress    *progress,
               const SpBlock *block)
{
  SpBlockRecord *record = sp_progress_lookup_record (progress, block->id);

  if (record == NULL)
    {
      record = sp_block_record_new (block->id, block->topic->id, block->kind,
                                    block->day, block->start, block->minutes);
      record->status = block->status;
      record->done_minutes = block->done_minutes;
      record->pinned = block->pinned;
      record->rating = block->rating;
      sp_progress_set_record (progress, record);
    }
  return record;
}

/* For the edits in other files (sp-planner-reviews.c) */
const SpBlock *
_sp_planner_find_block (SpPlanner  *self,
                        const char *block_id,
                        GError    **error)
{
  return find_block (self, block_id, error);
}

SpBlockRecord *
_sp_planner_ensure_record (SpPlanner     *self,
                           const SpBlock *block)
{
  return ensure_record (get_progress (self), block);
}

/**
 * sp_planner_mark_block:
 * @done_minutes: for %SP_BLOCK_STATUS_PARTIAL, the minutes done: more than
 *   none and less than the block
 *
 * Marks a block done, partly done, skipped, or planned again. Re-plans:
 * what is not done moves forward.
 */
gboolean
sp_planner_mark_block (SpPlanner      *self,
                       const char     *block_id,
                       SpBlockStatus   status,
                       guint           done_minutes,
                       GError        **error)
{
  const SpBlock *block;
  SpProgress *progress;
  SpBlockRecord *record;

  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);

  block = find_block (self, block_id, error);
  if (block == NULL)
    return FALSE;
  if (status > SP_BLOCK_STATUS_SKIPPED)
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID, _("Unknown block status %d"), (int) status);
      return FALSE;
    }
  if (status == SP_BLOCK_STATUS_PARTIAL && (done_minutes == 0 || done_minutes >= block->minutes))
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID,
                   ngettext ("A partly done block needs between 1 and %u minute done, not %u",
                             "A partly done block needs between 1 and %u minutes done, not %u", block->minutes - 1u),
                   block->minutes - 1u, done_minutes);
      return FALSE;
    }

  push_undo (self);
  progress = get_progress (self);
  if (status == SP_BLOCK_STATUS_PLANNED && !block->pinned && block->day >= sp_planner_get_today (self))
    sp_progress_remove_record (progress, block->id);
  else
    {
      record = ensure_record (progress, block);
      record->status = status;
      record->done_minutes = (guint16) (status == SP_BLOCK_STATUS_PARTIAL ? done_minutes : 0);
      if (status != SP_BLOCK_STATUS_DONE)
        record->rating = SP_RATING_NONE; /* a rating says the review was done */
    }

  return commit_edit (self, error);
}

/**
 * sp_planner_record_focus:
 * @status: %SP_BLOCK_STATUS_DONE or %SP_BLOCK_STATUS_PARTIAL
 * @intervals: (array length=n_intervals): the stretches studied
 *
 * Marks a block as sp_planner_mark_block() does and adds the focus
 * session's intervals to those the block already has, as one edit.
 */
gboolean
sp_planner_record_focus (SpPlanner             *self,
                         const char            *block_id,
                         SpBlockStatus          status,
                         guint                  done_minutes,
                         const SpFocusInterval *intervals,
                         guint                  n_intervals,
                         GError               **error)
{
  const SpBlock *block;
  SpBlockRecord *record;

  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);
  g_return_val_if_fail (intervals != NULL || n_intervals == 0, FALSE);

  block = find_block (self, block_id, error);
  if (block == NULL)
    return FALSE;
  if ((status != SP_BLOCK_STATUS_DONE && status != SP_BLOCK_STATUS_PARTIAL) ||
      (status == SP_BLOCK_STATUS_PARTIAL && (done_minutes == 0 || done_minutes >= block->minutes)))
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID,
                   _("A focus session records a block as done, or partly done with 1 to %u minutes"),
                      block->minutes - 1u);
      return FALSE;
    }

  push_undo (self);
  record = ensure_record (get_progress (self), block);
  record->status = status;
  record->done_minutes = (guint16) (status == SP_BLOCK_STATUS_PARTIAL ? done_minutes : 0);
  if (n_intervals > 0)
    {
      if (record->focus == NULL)
        record->focus = g_array_new (FALSE, FALSE, sizeof (SpFocusInterval));
      g_array_append_vals (record->focus, intervals, n_intervals);
    }
  return commit_edit (self, error);
}

static gboolean
overlaps_fixed (SpPlanner     *self,
                const SpBlock *moving,
                guint32        day,
                guint          start)
{
  guint first, n = sp_schedule_get_day_blocks (self->schedule, day, &first);

  for (guint i = first; i < first + n; i++)
    {
      const SpBlock *other = sp_schedule_get_block (self->schedule, i);
      gboolean fixed = other->pinned || other->status != SP_BLOCK_STATUS_PLANNED;

      if (other == moving || !fixed)
        continue;
      if (start < (guint) other->start + other->minutes && other->start < start + moving->minutes)
        return TRUE;
    }
  return FALSE;
}

/**
 * sp_planner_move_block:
 *
 * Moves a block to @day at @start_minute and pins it there; the rest of
 * the schedule is planned around it.
 */
gboolean
sp_planner_move_block (SpPlanner  *self,
                       const char *block_id,
                       guint32     day,
                       guint       start_minute,
                       GError    **error)
{
  const SpBlock *block;
  SpBlockRecord *record;
  guint32 today;

  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);

  block = find_block (self, block_id, error);
  if (block == NULL)
    return FALSE;

  today = sp_planner_get_today (self);
  if (block->day < today)
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_PAST,
                   _("Blocks on past days cannot be moved; mark them instead"));
      return FALSE;
    }
  if (day < today || !g_date_valid_julian (day))
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_PAST,
                   _("A block can only be moved to today or a later day"));
      return FALSE;
    }
  if (start_minute + block->minutes > SP_MINUTES_PER_DAY)
    {
      g_autofree char *start = sp_format_time (start_minute % SP_MINUTES_PER_DAY);
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID,
                   _("A %u-minute block starting at %s would not end the same day"),
                   (guint) block->minutes, start);
      return FALSE;
    }
  if (overlaps_fixed (self, block, day, start_minute))
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_OVERLAP,
                   _("That time overlaps another block you have pinned or marked"));
      return FALSE;
    }

  push_undo (self);
  record = ensure_record (get_progress (self), block);
  record->day = day;
  record->start = (guint16) start_minute;
  record->pinned = TRUE;

  return commit_edit (self, error);
}

/**
 * sp_planner_unpin_block:
 *
 * Lets the scheduler place a pinned block again.
 */
gboolean
sp_planner_unpin_block (SpPlanner   *self,
                        const char  *block_id,
                        GError     **error)
{
  const SpBlock *block;
  SpBlockRecord *record;
  SpProgress *progress;

  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);

  block = find_block (self, block_id, error);
  if (block == NULL)
    return FALSE;
  if (!block->pinned)
    return TRUE;

  push_undo (self);
  progress = get_progress (self);
  record = ensure_record (progress, block);
  record->pinned = FALSE;
  if (record->status == SP_BLOCK_STATUS_PLANNED && record->day >= sp_planner_get_today (self))
    sp_progress_remove_record (progress, block->id);
  return commit_edit (self, error);
}

/**
 * sp_planner_set_block_note:
 * @note: (nullable): the note; %NULL or empty removes it
 */
gboolean
sp_planner_set_block_note (SpPlanner   *self,
                           const char  *block_id,
                           const char  *note,
                           GError     **error)
{
  const SpBlock *block;
  SpProgress *progress;

  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);

  block = find_block (self, block_id, error);
  if (block == NULL)
    return FALSE;
  if (note != NULL && !g_utf8_validate (note, -1, NULL))
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID, _("The note is not valid UTF-8 text"));
      return FALSE;
    }

  push_undo (self);
  progress = get_progress (self);
  if (note == NULL || note[0] == '\0')
    g_hash_table_remove (progress->notes, block->id);
  else
    g_hash_table_replace (progress->notes, g_strdup (block->id), g_strdup (note));
  return commit_edit (self, error);
}

gboolean
sp_planner_can_undo (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);
  return self->undo->len > 0;
}

/**
 * sp_planner_undo:
 *
 * Takes back the last mark, move, note or change of a topic's hours.
 *
 * Returns: whether there was something to undo
 */
gboolean
sp_planner_undo (SpPlanner *self)
{
  SpUndoStep *before;

  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);

  if (self->undo->len == 0 || self->plan == NULL)
    return FALSE;

  before = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  /* Days that went by since the edit stay history */
  before->progress->planned_today = get_progress (self)->planned_today;
  restore_undo_step (self, before);
  replan (self);
  _sp_planner_save_or_warn (self);
  _sp_planner_emit_changed (self);
  return TRUE;
}

/**
 * sp_planner_get_today:
 *
 * Returns: today's Julian day: the clock's, unless set
 */
guint32
sp_planner_get_today (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), 0);

  if (self->today != 0)
    return self->today;
  return sp_day_today (self->timezone);
}

/**
 * sp_planner_set_today:
 * @day: a Julian day, or 0 to follow the clock
 */
void
sp_planner_set_today (SpPlanner *self,
                      guint32    day)
{
  g_return_if_fail (SP_IS_PLANNER (self));
  g_return_if_fail (day == 0 || g_date_valid_julian (day));

  if (self->today == day)
    return;
  self->today = day;
  schedule_midnight (self);
  replan (self);
  _sp_planner_save_or_warn (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
  _sp_planner_emit_changed (self);
}

/**
 * sp_planner_get_timezone:
 *
 * Returns: (transfer none): the time zone days and clock changes follow
 */
GTimeZone *
sp_planner_get_timezone (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  return self->timezone;
}

/**
 * sp_planner_set_timezone:
 * @tz: (nullable): %NULL for the local one
 */
void
sp_planner_set_timezone (SpPlanner *self,
                         GTimeZone *tz)
{
  g_return_if_fail (SP_IS_PLANNER (self));

  g_clear_pointer (&self->timezone, g_time_zone_unref);
  self->timezone = tz ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  schedule_midnight (self);
  replan (self);
  _sp_planner_emit_changed (self);
}

/**
 * sp_planner_get_availability:
 *
 * Returns: (transfer none): the user's hours; copy it to change it and
 *   give it back with sp_planner_set_availability()
 */
SpAvailability *
sp_planner_get_availability (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  return (SpAvailability *) sp_state_get_availability (self->state);
}

void
sp_planner_set_availability (SpPlanner            *self,
                             const SpAvailability *availability)
{
  g_return_if_fail (SP_IS_PLANNER (self));
  g_return_if_fail (availability != NULL);

  if (sp_availability_equal (availability, sp_state_get_availability (self->state)))
    return;
  sp_state_set_availability (self->state, availability);
  replan (self);
  _sp_planner_save_or_warn (self);
  _sp_planner_emit_changed (self);
}

/* Takes @state as the one to plan from; the undo history was of the one before. */
void
_sp_planner_adopt_state (SpPlanner *self,
                         SpState   *state)
{
  gboolean track_changed;

  g_set_object (&self->state, state);
  track_changed = follow_saved_track (self);
  g_ptr_array_set_size (self->undo, 0);
  /* Made from the state before: no use for this one's history */
  g_clear_object (&self->schedule);
  replan (self);
  if (track_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK]);
}

const char *
sp_planner_get_state_warning (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  return self->state_warning;
}

/**
 * sp_planner_take_state_warning:
 *
 * Returns: (transfer full) (nullable): the warning to show the user, once
 */
char *
sp_planner_take_state_warning (SpPlanner *self)
{
  char *warning;

  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);

  if (self->state_warning == NULL)
    return NULL;
  warning = g_steal_pointer (&self->state_warning);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_WARNING]);
  return warning;
}

/**
 * sp_planner_get_topic_course:
 *
 * Returns: (nullable): the course attached to @topic_id, as the catalog stored it
 */
const char *
sp_planner_get_topic_course (SpPlanner  *self,
                             const char *topic_id)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  g_return_val_if_fail (topic_id != NULL, NULL);
  return sp_state_get_course (self->state, topic_id);
}

/**
 * sp_planner_set_topic_course:
 * @course_json: (nullable): the course (JSON or an id); %NULL detaches it
 */
void
sp_planner_set_topic_course (SpPlanner  *self,
                             const char *topic_id,
                             const char *course_json)
{
  g_return_if_fail (SP_IS_PLANNER (self));
  g_return_if_fail (topic_id != NULL);

  if (g_strcmp0 (sp_state_get_course (self->state, topic_id), course_json) == 0)
    return;
  sp_state_set_course (self->state, topic_id, course_json);
  _sp_planner_save_or_warn (self);
  _sp_planner_emit_changed (self);
}

/**
 * sp_planner_set_topic_hours:
 * @hours: the hours to give @topic_id instead of the plan's estimate, such
 *   as an attached course's workload; 0 or less goes back to the estimate
 *
 * Re-plans with the topic's new hours and saves them with the progress;
 * undoable like the other edits.
 */
gboolean
sp_planner_set_topic_hours (SpPlanner   *self,
                            const char  *topic_id,
                            double       hours,
                            GError     **error)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);
  g_return_val_if_fail (topic_id != NULL, FALSE);

  if (self->plan == NULL || sp_plan_lookup_topic (self->plan, topic_id) == NULL)
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID,
                   _("There is no topic “%s” in the plan"), topic_id);
      return FALSE;
    }
  if (isnan (hours) || hours > SP_TOPIC_HOURS_MAX)
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID,
                   _("A topic can be given at most %.0f hours"), SP_TOPIC_HOURS_MAX);
      return FALSE;
    }
  if (hours < 0)
    hours = 0;
  if (sp_progress_get_topic_hours (get_progress (self), topic_id) == hours)
    return TRUE;

  push_undo (self);
  sp_progress_set_topic_hours (get_progress (self), topic_id, hours);
  return commit_edit (self, error);
}

/**
 * sp_planner_get_topic_hours:
 *
 * Returns: the hours @topic_id is planned with: those the user chose, or
 *   the plan's estimate; 0 for a topic not in the plan
 */
double
sp_planner_get_topic_hours (SpPlanner  *self,
                            const char *topic_id)
{
  const SpTopic *topic;
  double hours;

  g_return_val_if_fail (SP_IS_PLANNER (self), 0);
  g_return_val_if_fail (topic_id != NULL, 0);

  if (self->plan == NULL || (topic = sp_plan_lookup_topic (self->plan, topic_id)) == NULL)
    return 0;
  hours = sp_progress_get_topic_hours (get_progress (self), topic_id);
  return hours > 0 ? hours : topic->hours;
}

/**
 * sp_planner_has_topic_hours:
 *
 * Returns: whether the user chose @topic_id's hours over the estimate
 */
gboolean
sp_planner_has_topic_hours (SpPlanner  *self,
                            const char *topic_id)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);
  g_return_val_if_fail (topic_id != NULL, FALSE);

  return self->plan != NULL && sp_progress_get_topic_hours (get_progress (self), topic_id) > 0;
}

/**
 * sp_planner_get_level_hours:
 *
 * Returns: the hours of everything studied in @level on the chosen track,
 *   with the hours the user chose for topics in place of their estimates
 */
double
sp_planner_get_level_hours (SpPlanner *self,
                            guint      level)
{
  g_autoptr(GPtrArray) active = NULL;
  double hours = 0;

  g_return_val_if_fail (SP_IS_PLANNER (self), 0);

  if (self->plan == NULL)
    return 0;
  active = sp_plan_dup_active_topics (self->plan, self->track);
  for (guint i = 0; i < active->len; i++)
    {
      const SpTopic *topic = g_ptr_array_index (active, i);

      if (topic->level == level)
        hours += sp_planner_get_topic_hours (self, topic->id);
    }
  return hours;
}

/**
 * sp_planner_get_state:
 *
 * Returns: (transfer none): the user's state, for reading
 */
SpState *
sp_planner_get_state (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  return self->state;
}
