/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-catalog-fetcher.h"
#include "sp-catalog-source.h"
#include "sp-course.h"
#include "sp-plan.h"
#include "sp-planner.h"

G_BEGIN_DECLS

#define SP_CATALOG_BUNDLED "/io/github/studyplanner/StudyPlanner/catalog/ml-career.json"

#define SP_TYPE_CATALOG (sp_catalog_get_type ())
G_DECLARE_FINAL_TYPE (SpCatalog, sp_catalog, SP, CATALOG, GObject)

SpCatalog        *sp_catalog_new               (SpPlan               *plan,
                                                SpCatalogFetcher     *fetcher);
GListModel       *sp_catalog_get_model         (SpCatalog            *self);
SpCatalogFetcher *sp_catalog_get_fetcher       (SpCatalog            *self);
SpPlan           *sp_catalog_get_plan          (SpCatalog            *self);
void              sp_catalog_set_plan          (SpCatalog            *self,
                                                SpPlan               *plan);
GPtrArray        *sp_catalog_get_sources       (SpCatalog            *self);
void              sp_catalog_set_sources       (SpCatalog            *self,
                                                GPtrArray            *sources);
gboolean          sp_catalog_load_bundled      (SpCatalog            *self,
                                                GError              **error);
gboolean          sp_catalog_get_loading       (SpCatalog            *self);
double            sp_catalog_get_progress      (SpCatalog            *self);
gint64            sp_catalog_get_updated       (SpCatalog            *self);
gboolean          sp_catalog_is_bundled        (SpCatalog            *self);
gboolean          sp_catalog_needs_refresh     (SpCatalog            *self,
                                                gint64                max_age_seconds);
void              sp_catalog_refresh_async     (SpCatalog            *self,
                                                SpCatalogFetchFlags   flags,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean          sp_catalog_refresh_finish    (SpCatalog            *self,
                                                GAsyncResult         *result,
                                                GError              **error);
void              sp_catalog_cancel            (SpCatalog            *self);
GPtrArray        *sp_catalog_dup_courses_for_topic (SpCatalog        *self,
                                                    const char       *topic_id,
                                                    guint             max);
SpCourse         *sp_catalog_lookup_course     (SpCatalog            *self,
                                                const char           *source,
                                                const char           *id);

void              sp_catalog_follow_planner    (SpCatalog            *self,
                                                SpPlanner            *planner);
void              sp_catalog_bind_settings     (SpCatalog            *self,
                                                GSettings            *settings);
void              sp_catalog_start             (SpCatalog            *self,
                                                gboolean              fetch);

char             *sp_catalog_format_age        (gint64                then,
                                                gint64                now);

G_END_DECLS
