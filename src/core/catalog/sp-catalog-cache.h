/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the cache holds for one address. */
typedef struct
{
  GBytes *body;
  char   *etag;           /* nullable */
  char   *last_modified;  /* nullable */
  gint64  fetched;        /* unix time of the last 200 or 304 */
  char   *source;         /* nullable: the listing's first address */
} SpCatalogCacheEntry;

/* What one source may keep on disk by default (its newest pages) */
#define SP_CATALOG_CACHE_MAX_SOURCE_SIZE (64 * 1024 * 1024)

void sp_catalog_cache_entry_free (SpCatalogCacheEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCatalogCacheEntry, sp_catalog_cache_entry_free)

#define SP_TYPE_CATALOG_CACHE (sp_catalog_cache_get_type ())
G_DECLARE_FINAL_TYPE (SpCatalogCache, sp_catalog_cache, SP, CATALOG_CACHE, GObject)

SpCatalogCache      *sp_catalog_cache_new         (const char     *directory);
SpCatalogCache      *sp_catalog_cache_new_default (void);
const char          *sp_catalog_cache_get_directory (SpCatalogCache *self);
SpCatalogCacheEntry *sp_catalog_cache_lookup      (SpCatalogCache *self,
                                                   const char     *url);
void                 sp_catalog_cache_set_max_source_size (SpCatalogCache *self,
                                                           guint64         bytes);
guint64              sp_catalog_cache_get_max_source_size (SpCatalogCache *self);
gboolean             sp_catalog_cache_store (SpCatalogCache *self,
                                             const char     *source,
                                             const char     *url,
                                             GBytes         *body,
                                             const char     *etag,
                                             const char     *last_modified,
                                             GError        **error);
gboolean             sp_catalog_cache_touch       (SpCatalogCache *self,
                                                   const char     *url,
                                                   GError        **error);
guint                sp_catalog_cache_prune (SpCatalogCache *self,
                                             const char     *source,
                                             GHashTable     *keep);

G_END_DECLS
