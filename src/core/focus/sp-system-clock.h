/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-clock.h"

G_BEGIN_DECLS

#define SP_TYPE_SYSTEM_CLOCK (sp_system_clock_get_type ())
G_DECLARE_FINAL_TYPE (SpSystemClock, sp_system_clock, SP, SYSTEM_CLOCK, GObject)

SpClock *sp_system_clock_new (void);

G_END_DECLS
