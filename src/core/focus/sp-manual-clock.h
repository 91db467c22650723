/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-clock.h"

G_BEGIN_DECLS

#define SP_TYPE_MANUAL_CLOCK (sp_manual_clock_get_type ())
G_DECLARE_FINAL_TYPE (SpManualClock, sp_manual_clock, SP, MANUAL_CLOCK, GObject)

SpManualClock *sp_manual_clock_new (gint64 now);
void           sp_manual_clock_advance (SpManualClock *self,
                                        gint64         usec);

G_END_DECLS
