/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-planner.h"

G_BEGIN_DECLS

#define SP_TYPE_WELCOME_WINDOW (sp_welcome_window_get_type ())
G_DECLARE_FINAL_TYPE (SpWelcomeWindow, sp_welcome_window, SP, WELCOME_WINDOW, AdwWindow)

SpWelcomeWindow *sp_welcome_window_new (SpPlanner *planner,
                                        GSettings *settings);

G_END_DECLS
