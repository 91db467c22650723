/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-course.h"
#include "sp-plan.h"

G_BEGIN_DECLS

#define SP_TYPE_CATALOG_MATCHER (sp_catalog_matcher_get_type ())
G_DECLARE_FINAL_TYPE (SpCatalogMatcher, sp_catalog_matcher, SP, CATALOG_MATCHER, GObject)

SpCatalogMatcher *sp_catalog_matcher_new       (SpPlan           *plan);
SpPlan           *sp_catalog_matcher_get_plan  (SpCatalogMatcher *self);
void              sp_catalog_matcher_match     (SpCatalogMatcher *self,
                                                SpCourse         *course);
void              sp_catalog_matcher_match_all (SpCatalogMatcher *self,
                                                GPtrArray        *courses);

G_END_DECLS
