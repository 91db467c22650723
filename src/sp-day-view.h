/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-catalog.h"
#include "sp-planner.h"

G_BEGIN_DECLS

#define SP_TYPE_DAY_VIEW (sp_day_view_get_type ())
G_DECLARE_FINAL_TYPE (SpDayView, sp_day_view, SP, DAY_VIEW, AdwBin)

SpPlanner  *sp_day_view_get_planner      (SpDayView  *self);
void        sp_day_view_set_planner      (SpDayView  *self,
                                          SpPlanner  *planner);
void        sp_day_view_set_catalog      (SpDayView  *self,
                                          SpCatalog  *catalog);
guint32     sp_day_view_get_selected_day (SpDayView  *self);
void        sp_day_view_set_selected_day (SpDayView  *self,
                                          guint32     day);
GtkWidget  *sp_day_view_get_block_row    (SpDayView  *self,
                                          const char *block_id);
gboolean    sp_day_view_open_block       (SpDayView  *self,
                                          const char *block_id);

G_END_DECLS
