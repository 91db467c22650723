/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-planner.h"

G_BEGIN_DECLS

#define SP_TYPE_PROGRESS_SUMMARY (sp_progress_summary_get_type ())
G_DECLARE_FINAL_TYPE (SpProgressSummary, sp_progress_summary, SP, PROGRESS_SUMMARY, GtkWidget)

void        sp_progress_summary_set_planner (SpProgressSummary *self,
                                             SpPlanner         *planner);
const char *sp_progress_summary_get_text    (SpProgressSummary *self);

G_END_DECLS
