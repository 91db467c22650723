/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-focus-session.h"

#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)

/* One study session inside a block. Everything it shows and records is
 * worked out again from the saved start, pauses and +5s and the clock's
 * time, so a session recovered after a crash is the same session. */
struct _SpFocusSession
{
  GObject parent_instance;

  SpPlanner    *planner;
  SpClock      *clock;
  SpFocusSaved *saved;
  guint         block_minutes;
  guint         tick_id;
  gboolean      over; /* finished or discarded */

  /* From the last look at the clock */
  gint64       focused;  /* µs */
  gint64       ended_at; /* 0: not reached the target */
  SpFocusPhase phase;
  gint64       phase_left;
  GArray      *stretches; /* element-type Stretch */
};

typedef struct
{
  gint64 start;  /* wall time, µs */
  gint64 length; /* µs */
} Stretch;

enum
{
  CHANGED,
  ENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpFocusSession, sp_focus_session, G_TYPE_OBJECT)

static gint64
target (SpFocusSession *self)
{
  return (self->block_minutes + self->saved->extra_minutes) * MINUTE;
}

static gint64
focus_length (SpFocusSession *self,
              gint64          focused)
{
  gint64 left = target (self) - focused;

  if (self->saved->pomodoro_focus == 0)
    return left;
  return MIN (left, self->saved->pomodoro_focus * MINUTE);
}

/* Walks the time that ran (not paused) through focus and breaks. */
static void
compute (SpFocusSession *self,
         gint64          now)
{
  const SpFocusSaved *saved = self->saved;
  gint64              focused = 0, phase_len, phase_pos = 0;
  guint               n_focus = 0;
  SpFocusPhase        phase = SP_FOCUS_PHASE_FOCUS;
  gint64              seg_start = saved->started;

  g_array_set_size (self->stretches, 0);
  self->ended_at = 0;
  phase_len = focus_length (self, 0);

  for (guint i = 0; i <= saved->pauses->len && self->ended_at == 0; i++)
    {
      const SpFocusPause *pause = i < saved->pauses->len ? &g_array_index (saved->pauses, SpFocusPause, i) : NULL;
      gint64              seg_end = pause ? MIN (pause->start, now) : now;
      gint64              t = seg_start;

      while (t < seg_end && self->ended_at == 0)
        {
          gint64 step = MIN (seg_end - t, phase_len - phase_pos);

          if (phase == SP_FOCUS_PHASE_FOCUS && step > 0)
            {
              Stretch *last = self->stretches->len ? &g_array_index (self->stretches, Stretch, self->stretches->len - 1) : NULL;

              if (last != NULL && last->start + last->length == t)
                last->length += step;
              else
                g_array_append_vals (self->stretches, &(Stretch){ t, step }, 1);
              focused += step;
            }
          phase_pos += step;
          t += step;
          if (phase_pos < phase_len)
            continue;

          /* The phase is over: the next one, or the end */
          phase_pos = 0;
          if (phase != SP_FOCUS_PHASE_FOCUS)
            {
              phase = SP_FOCUS_PHASE_FOCUS;
              phase_len = focus_length (self, focused);
            }
          else if (focused >= target (self))
            self->ended_at = t;
          else
            {
              n_focus++;
              phase = n_focus % SP_POMODORO_LONG_EVERY == 0 ? SP_FOCUS_PHASE_LONG_BREAK : SP_FOCUS_PHASE_SHORT_BREAK;
              phase_len = (phase == SP_FOCUS_PHASE_LONG_BREAK ? saved->pomodoro_long_break : saved->pomodoro_break) * MINUTE;
              if (phase_len == 0)
                {
                  phase = SP_FOCUS_PHASE_FOCUS;
                  phase_len = focus_length (self, focused);
                }
            }
        }
      if (pause == NULL || pause->end == 0)
        break;
      seg_start = MAX (pause->end, seg_start);
    }

  self->focused = focused;
  self->phase = phase;
  self->phase_left = phase_len - phase_pos;
}

static void
save (SpFocusSession *self)
{
  sp_planner_set_focus_session (self->planner, self->over ? NULL : self->saved);
}

static gboolean
is_paused (SpFocusSession *self)
{
  GArray *pauses = self->saved->pauses;

  return pauses->len > 0 && g_array_index (pauses, SpFocusPause, pauses->len - 1).end == 0;
}

static void
stop_ticking (SpFocusSession *self)
{
  if (self->tick_id != 0)
    sp_clock_remove_timeout (self->clock, self->tick_id);
  self->tick_id = 0;
}

static void
refresh (SpFocusSession *self)
{
  gboolean was_ended = self->ended_at != 0;

  compute (self, sp_clock_get_time (self->clock));
  if (self->ended_at != 0 && !is_paused (self))
    {
      /* Time after the end is not study: held as a pause until +5 or the choice */
      SpFocusPause pause = { self->ended_at, 0 };

      g_array_append_val (self->saved->pauses, pause);
      stop_ticking (self);
      save (self);
    }
  g_signal_emit (self, signals[CHANGED], 0);
  if (self->ended_at != 0 && !was_ended)
    g_signal_emit (self, signals[ENDED], 0);
}

static gboolean
tick_cb (gpointer data)
{
  SpFocusSession *self = SP_FOCUS_SESSION (data);

  refresh (self);
  return self->tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
start_ticking (SpFocusSession *self)
{
  if (self->tick_id == 0 && !self->over)
    self->tick_id = sp_clock_add_timeout (self->clock, 1000, tick_cb, self);
}

static void
sp_focus_session_dispose (GObject *object)
{
  SpFocusSession *self = (SpFocusSession *) object;

  if (self->clock != NULL)
    stop_ticking (self);
  g_clear_object (&self->clock);
  g_clear_object (&self->planner);

  G_OBJECT_CLASS (sp_focus_session_parent_class)->dispose (object);
}

static void
sp_focus_session_finalize (GObject *object)
{
  SpFocusSession *self = (SpFocusSession *) object;

  g_clear_pointer (&self->saved, sp_focus_saved_free);
  g_clear_pointer (&self->stretches, g_array_unref);

  G_OBJECT_CLASS (sp_focus_session_parent_class)->finalize (object);
}

static void
sp_focus_session_class_init (SpFocusSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_focus_session_dispose;
  object_class->finalize = sp_focus_session_finalize;

  /**
   * SpFocusSession::changed:
   *
   * The time moved on or the session was paused, resumed or lengthened.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SpFocusSession::ended:
   *
   * The minutes focused reached the block's length and the +5s: time to
   * choose done or needs more time. The session is held paused.
   */
  signals[ENDED] = g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_focus_session_init (SpFocusSession *self)
{
  self->stretches = g_array_new (FALSE, FALSE, sizeof (Stretch));
}

/**
 * sp_pomodoro_init_default:
 *
 * The split that follows the user's block and break lengths: half a block
 * of focus (25 minutes of 50), half a break (5 of 10), and a long break of
 * three short ones; a block under 40 minutes is one focus interval.
 */
void
sp_pomodoro_init_default (SpPomodoro           *pomodoro,
                          const SpAvailability *availability)
{
  guint block = availability ? availability->block_minutes : SP_DEFAULT_BLOCK;
  guint pause = availability ? availability->break_minutes : SP_DEFAULT_BREAK;

  pomodoro->focus_minutes = block >= 40 ? block / 2 / 5 * 5 : block;
  pomodoro->break_minutes = MAX (5, pause / 2 / 5 * 5);
  pomodoro->long_break_minutes = pomodoro->break_minutes * 3;
}

static SpFocusSession *
session_new (SpPlanner    *planner,
             SpClock      *clock,
             SpFocusSaved *saved,
             GError      **error)
{
  g_autoptr(SpFocusSaved) owned = saved;
  SpFocusSession *self;
  SpSchedule     *schedule = sp_planner_get_schedule (planner);
  const SpBlock  *block = schedule ? sp_schedule_lookup_block (schedule, saved->block_id) : NULL;

  if (block == NULL)
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_NO_BLOCK,
                   _("There is no study block “%s” in the schedule"), saved->block_id);
      return NULL;
    }

  self = g_object_new (SP_TYPE_FOCUS_SESSION, NULL);
  self->planner = g_object_ref (planner);
  self->clock = g_object_ref (clock);
  self->saved = g_steal_pointer (&owned);
  self->block_minutes = block->minutes;
  compute (self, sp_clock_get_time (clock));
  return self;
}

/**
 * sp_focus_session_start:
 * @pomodoro: (nullable): how to split the block; %NULL for one stretch
 *
 * Starts studying @block_id now, and saves the running session.
 *
 * Returns: (transfer full) (nullable): the session
 */
SpFocusSession *
sp_focus_session_start (SpPlanner        *planner,
                        const char       *block_id,
                        SpClock          *clock,
                        const SpPomodoro *pomodoro,
                        GError          **error)
{
  SpPlan         *plan;
  SpFocusSaved   *saved;
  SpFocusSession *self;

  g_return_val_if_fail (SP_IS_PLANNER (planner), NULL);
  g_return_val_if_fail (SP_IS_CLOCK (clock), NULL);
  g_return_val_if_fail (block_id != NULL, NULL);

  plan = sp_planner_get_plan (planner);
  /* Whole seconds, as they are saved */
  saved = sp_focus_saved_new (plan ? sp_plan_get_id (plan) : NULL, block_id,
                              sp_clock_get_time (clock) / G_USEC_PER_SEC * G_USEC_PER_SEC);
  if (pomodoro != NULL && pomodoro->focus_minutes > 0)
    {
      saved->pomodoro_focus = pomodoro->focus_minutes;
      saved->pomodoro_break = pomodoro->break_minutes;
      saved->pomodoro_long_break = pomodoro->long_break_minutes;
    }
  self = session_new (planner, clock, saved, error);
  if (self == NULL)
    return NULL;
  save (self);
  start_ticking (self);
  return self;
}

/**
 * sp_focus_session_recover:
 *
 * The session the planner's state saved as running (the app closed or
 * crashed meanwhile), with the time that really passed since, up to the
 * block's length and the +5s. Finish or discard it.
 *
 * Returns: (transfer full) (nullable): the session, or %NULL when none
 *   was running (no error) or its block is gone (with @error)
 */
SpFocusSession *
sp_focus_session_recover (SpPlanner *planner,
                          SpClock   *clock,
                          GError   **error)
{
  const SpFocusSaved *saved;
  SpPlan             *plan;

  g_return_val_if_fail (SP_IS_PLANNER (planner), NULL);
  g_return_val_if_fail (SP_IS_CLOCK (clock), NULL);

  saved = sp_planner_get_focus_session (planner);
  plan = sp_planner_get_plan (planner);
  if (saved == NULL)
    return NULL;
  if (plan == NULL || g_strcmp0 (saved->plan_id, sp_plan_get_id (plan)) != 0)
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_NO_BLOCK,
                   _("The focus session on “%s” belongs to another plan"), saved->block_id);
      return NULL;
    }
  return session_new (planner, clock, sp_focus_saved_copy (saved), error);
}

const char *
sp_focus_session_get_block_id (SpFocusSession *self)
{
  g_return_val_if_fail (SP_IS_FOCUS_SESSION (self), NULL);
  return self->saved->block_id;
}

guint
sp_focus_session_get_block_minutes (SpFocusSession *self)
{
  g_return_val_if_fail (SP_IS_FOCUS_SESSION (self), 0);
  return self->block_minutes;
}

/* The block's length and the +5s */
guint
sp_focus_session_get_target_minutes (SpFocusSession *self)
{
  g_return_val_if_fail (SP_IS_FOCUS_SESSION (self), 0);
  return self->block_minutes + self->saved->extra_minutes;
}

/* Microseconds of focus so far, breaks and pauses left out */
gint64
sp_focus_session_get_focused (SpFocusSession *self)
{
  g_return_val_if_fail (SP_IS_FOCUS_SESSION (self), 0);
  return self->focused;
}

/* Microseconds of focus left to the target */
gint64
sp_focus_session_get_remaining (SpFocusSession *self)
{
  g_return_val_if_fail (SP_IS_FOCUS_SESSION (self), 0);
  return MAX (0, target (self) - self->focused);
}

SpFocusPhase
sp_focus_session_get_phase (SpFocusSession *self)
{
  g_return_val_if_fail (SP_IS_FOCUS_SESSION (self), SP_FOCUS_PHASE_FOCUS);
  return self->phase;
}

/* Microseconds left in the current focus interval or break */
gint64
sp_focus_session_get_phase_remaining (SpFocusSession *self)
{
  g_return_val_if_fail (SP_IS_FOCUS_SESSION (self), 0);
  return MAX (0, self->phase_left);
}

gboolean
sp_focus_session_get_paused (SpFocusSession *self)
{
  g_return_val_if_fail (SP_IS_FOCUS_SESSION (self), FALSE);
  return is_paused (self) && self->ended_at == 0;
}

gboolean
sp_focus_session_get_ended (SpFocusSession *self)
{
  g_return_val_if_fail (SP_IS_FOCUS_SESSION (self), FALSE);
  return self->ended_at != 0;
}

/* Whole minutes focused, as they are recorded */
guint
sp_focus_session_get_minutes (SpFocusSession *self)
{
  g_return_val_if_fail (SP_IS_FOCUS_SESSION (self), 0);
  return (guint) (self->focused / MINUTE);
}

void
sp_focus_session_pause (SpFocusSession *self)
{
  SpFocusPause pause = { 0 };

  g_return_if_fail (SP_IS_FOCUS_SESSION (self));

  if (self->over || is_paused (self))
    return;
  pause.start = sp_clock_get_time (self->clock);
  g_array_append_val (self->saved->pauses, pause);
  stop_ticking (self);
  save (self);
  refresh (self);
}

/**
 * sp_focus_session_resume:
 *
 * Ends the pause, or sets a recovered session that was running when it
 * was saved ticking again.
 */
void
sp_focus_session_resume (SpFocusSession *self)
{
  GArray *pauses;

  g_return_if_fail (SP_IS_FOCUS_SESSION (self));

  if (self->over || self->ended_at != 0)
    return;
  if (is_paused (self))
    {
      pauses = self->saved->pauses;
      g_array_index (pauses, SpFocusPause, pauses->len - 1).end = sp_clock_get_time (self->clock);
      save (self);
    }
  start_ticking (self);
  refresh (self);
}

/**
 * sp_focus_session_add_minutes:
 *
 * Lengthens the session (the +5 button); a session that had reached its
 * end runs again.
 */
void
sp_focus_session_add_minutes (SpFocusSession *self,
                              guint           minutes)
{
  g_return_if_fail (SP_IS_FOCUS_SESSION (self));

  if (self->over || self->saved->extra_minutes + minutes > SP_MAX_BLOCK_MINUTES)
    return;
  self->saved->extra_minutes += minutes;
  if (self->ended_at != 0)
    {
      GArray *pauses = self->saved->pauses;

      g_array_index (pauses, SpFocusPause, pauses->len - 1).end = sp_clock_get_time (self->clock);
      self->ended_at = 0;
      start_ticking (self);
    }
  save (self);
  refresh (self);
}

static void
to_interval (SpFocusSession  *self,
             gint64           start,
             guint            minutes,
             SpFocusInterval *interval)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, sp_planner_get_timezone (self->planner));

  interval->day = sp_day_from_date_time (local);
  interval->start = (guint16) (g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local));
  interval->minutes = (guint16) minutes;
}

/**
 * sp_focus_session_finish:
 *
 * Ends the session and records it on the block through the planner: done
 * when the minutes focused reach the block's length (and the user says
 * so), partly done with the real minutes otherwise, and the stretches
 * studied. A session with no whole minute focused records nothing.
 */
gboolean
sp_focus_session_finish (SpFocusSession *self,
                         SpFocusOutcome  outcome,
                         GError        **error)
{
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (SpFocusInterval));
  gint64        before = 0;
  guint         minutes;
  SpBlockStatus status;

  g_return_val_if_fail (SP_IS_FOCUS_SESSION (self), FALSE);
  g_return_val_if_fail (!self->over, FALSE);

  compute (self, sp_clock_get_time (self->clock));
  minutes = sp_focus_session_get_minutes (self);

  /* Each stretch gets the whole minutes it completes, so they add up to the total */
  for (guint i = 0; i < self->stretches->len; i++)
    {
      const Stretch  *stretch = &g_array_index (self->stretches, Stretch, i);
      guint           n = (guint) ((before + stretch->length) / MINUTE - before / MINUTE);
      SpFocusInterval interval;

      before += stretch->length;
      if (n == 0)
        continue;
      to_interval (self, stretch->start, n, &interval);
      g_array_append_val (intervals, interval);
    }

  if (minutes >= self->block_minutes && outcome == SP_FOCUS_OUTCOME_DONE)
    status = SP_BLOCK_STATUS_DONE;
  else
    {
      status = SP_BLOCK_STATUS_PARTIAL;
      minutes = MIN (minutes, self->block_minutes - 1);
    }
  if (minutes > 0 &&
      !sp_planner_record_focus (self->planner, self->saved->block_id, status, minutes,
                                (const SpFocusInterval *) (gpointer) intervals->data, intervals->len, error))
    return FALSE;

  stop_ticking (self);
  self->over = TRUE;
  save (self);
  return TRUE;
}

/**
 * sp_focus_session_discard:
 *
 * Ends the session without recording anything.
 */
void
sp_focus_session_discard (SpFocusSession *self)
{
  g_return_if_fail (SP_IS_FOCUS_SESSION (self));

  stop_ticking (self);
  self->over = TRUE;
  save (self);
}
