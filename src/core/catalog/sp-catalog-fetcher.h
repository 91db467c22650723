/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-catalog-cache.h"
#include "sp-catalog-source.h"

G_BEGIN_DECLS

typedef enum
{
  SP_CATALOG_FETCH_DEFAULT    = 0,
  SP_CATALOG_FETCH_CACHE_ONLY = 1 << 0, /* read what the cache has; no network */
} SpCatalogFetchFlags;

/* The listing of one source, fetched or read from the cache. */
typedef struct
{
  SpCatalogSource *source;
  GPtrArray       *courses;     /* element-type SpCourse */
  gint64           updated;     /* unix time the server last confirmed it */
  gboolean         from_cache;  /* read from disk without asking the server */
  guint            n_pages;
  gboolean         truncated;   /* stopped at the page or course limit */
} SpCatalogResult;

void sp_catalog_result_free (SpCatalogResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCatalogResult, sp_catalog_result_free)

#define SP_TYPE_CATALOG_FETCHER (sp_catalog_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (SpCatalogFetcher, sp_catalog_fetcher, SP, CATALOG_FETCHER, GObject)

SpCatalogFetcher *sp_catalog_fetcher_new              (SpCatalogCache       *cache);
SpCatalogCache   *sp_catalog_fetcher_get_cache        (SpCatalogFetcher     *self);
void              sp_catalog_fetcher_set_timeout      (SpCatalogFetcher     *self,
                                                       guint                 seconds);
void              sp_catalog_fetcher_set_max_body_size (SpCatalogFetcher    *self,
                                                        gsize                bytes);
void              sp_catalog_fetcher_set_pace (SpCatalogFetcher *self,
                                               guint             page_seconds,
                                               guint             stall_seconds,
                                               guint             min_rate);
void              sp_catalog_fetcher_set_limits       (SpCatalogFetcher     *self,
                                                       guint                 max_pages,
                                                       guint                 max_courses);
void              sp_catalog_fetcher_fetch_async      (SpCatalogFetcher     *self,
                                                       const SpCatalogSource *source,
                                                       SpCatalogFetchFlags   flags,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
SpCatalogResult  *sp_catalog_fetcher_fetch_finish     (SpCatalogFetcher     *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
