/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-focus-session.h"

G_BEGIN_DECLS

#define SP_TYPE_FOCUS_VIEW (sp_focus_view_get_type ())
G_DECLARE_FINAL_TYPE (SpFocusView, sp_focus_view, SP, FOCUS_VIEW, AdwBin)

GtkWidget      *sp_focus_view_new (SpPlanner      *planner,
                                   SpFocusSession *session);
SpFocusSession *sp_focus_view_get_session (SpFocusView *self);
char           *sp_focus_view_format_time (gint64 usec);

G_END_DECLS
