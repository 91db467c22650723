/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-catalog.h"
#include "sp-planner.h"

G_BEGIN_DECLS

#define SP_TYPE_PATH_VIEW (sp_path_view_get_type ())
G_DECLARE_FINAL_TYPE (SpPathView, sp_path_view, SP, PATH_VIEW, AdwBin)

SpPlanner *sp_path_view_get_planner (SpPathView *self);
void       sp_path_view_set_planner (SpPathView *self,
                                     SpPlanner  *planner);
void       sp_path_view_set_catalog (SpPathView *self,
                                     SpCatalog  *catalog);
gboolean   sp_path_view_get_loading (SpPathView *self);

G_END_DECLS
