/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-clock.h"
#include "sp-planner.h"

G_BEGIN_DECLS

typedef enum
{
  SP_FOCUS_PHASE_FOCUS,
  SP_FOCUS_PHASE_SHORT_BREAK,
  SP_FOCUS_PHASE_LONG_BREAK,
} SpFocusPhase;

typedef enum
{
  SP_FOCUS_OUTCOME_DONE,       /* done when the block's length was reached */
  SP_FOCUS_OUTCOME_NEEDS_MORE, /* partly done: the rest is planned again */
} SpFocusOutcome;

/* A Pomodoro split: focus intervals and short breaks, a long one after four. */
typedef struct
{
  guint focus_minutes; /* 0: no split */
  guint break_minutes;
  guint long_break_minutes;
} SpPomodoro;

#define SP_POMODORO_LONG_EVERY 4

void sp_pomodoro_init_default (SpPomodoro           *pomodoro,
                               const SpAvailability *availability);

#define SP_TYPE_FOCUS_SESSION (sp_focus_session_get_type ())
G_DECLARE_FINAL_TYPE (SpFocusSession, sp_focus_session, SP, FOCUS_SESSION, GObject)

SpFocusSession *sp_focus_session_start (SpPlanner        *planner,
                                        const char       *block_id,
                                        SpClock          *clock,
                                        const SpPomodoro *pomodoro,
                                        GError          **error);
SpFocusSession *sp_focus_session_recover (SpPlanner *planner,
                                          SpClock   *clock,
                                          GError   **error);
const char     *sp_focus_session_get_block_id (SpFocusSession *self);
guint           sp_focus_session_get_block_minutes (SpFocusSession *self);
guint           sp_focus_session_get_target_minutes (SpFocusSession *self);
gint64          sp_focus_session_get_focused (SpFocusSession *self);
gint64          sp_focus_session_get_remaining (SpFocusSession *self);
SpFocusPhase    sp_focus_session_get_phase (SpFocusSession *self);
gint64          sp_focus_session_get_phase_remaining (SpFocusSession *self);
gboolean        sp_focus_session_get_paused (SpFocusSession *self);
gboolean        sp_focus_session_get_ended (SpFocusSession *self);
guint           sp_focus_session_get_minutes (SpFocusSession *self);
void            sp_focus_session_pause (SpFocusSession *self);
void            sp_focus_session_resume (SpFocusSession *self);
void            sp_focus_session_add_minutes (SpFocusSession *self,
                                              guint           minutes);
gboolean        sp_focus_session_finish (SpFocusSession *self,
                                         SpFocusOutcome  outcome,
                                         GError        **error);
void            sp_focus_session_discard (SpFocusSession *self);

G_END_DECLS
