/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-catalog.h"
#include "sp-planner.h"

G_BEGIN_DECLS

#define SP_TYPE_COURSES_VIEW (sp_courses_view_get_type ())
G_DECLARE_FINAL_TYPE (SpCoursesView, sp_courses_view, SP, COURSES_VIEW, AdwBin)

GListModel *sp_courses_view_get_model    (SpCoursesView *self);
void        sp_courses_view_set_search   (SpCoursesView *self,
                                          const char    *text);

G_END_DECLS
