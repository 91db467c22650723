/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-planner.h"

G_BEGIN_DECLS

#define SP_TYPE_PREFERENCES_WINDOW (sp_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, SP, PREFERENCES_WINDOW, AdwPreferencesWindow)

SpPreferencesWindow *sp_preferences_window_new (SpPlanner *planner,
                                                GSettings *settings);
void                 sp_preferences_guard_spin (GtkWidget *spin);

G_END_DECLS
