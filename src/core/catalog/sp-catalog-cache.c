/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sp-catalog-cache.h"
#include "sp-file-utils.h"
#include "sp-http.h"

/* Listing pages on disk, one body and one small key file per address, so a
 * refresh can ask "changed since?" (ETag, Last-Modified) and an offline
 * start still has the listings. Bodies are written atomically; a damaged
 * entry reads as absent and is fetched again.
 *
 * Each entry names its source (the listing's first address), and a source
 * keeps at most max_source_size bytes: a listing whose page addresses
 * change from one refresh to the next (a cursor in the query) left every
 * old page behind, 588 MB for one source. sp_catalog_cache_prune() removes
 * a source's pages the last fetch did not read, oldest first. */

#define META_GROUP "entry"

struct _SpCatalogCache
{
  GObject  parent_instance;

  char    *directory;
  guint64  max_source_size;
};

G_DEFINE_FINAL_TYPE (SpCatalogCache, sp_catalog_cache, G_TYPE_OBJECT)

void
sp_catalog_cache_entry_free (SpCatalogCacheEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_pointer (&entry->body, g_bytes_unref);
  g_free (entry->etag);
  g_free (entry->last_modified);
  g_free (entry->source);
  g_free (entry);
}

static void
sp_catalog_cache_finalize (GObject *object)
{
  SpCatalogCache *self = SP_CATALOG_CACHE (object);

  g_free (self->directory);

  G_OBJECT_CLASS (sp_catalog_cache_parent_class)->finalize (object);
}

static void
sp_catalog_cache_class_init (SpCatalogCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_catalog_cache_finalize;
}

static void
sp_catalog_cache_init (SpCatalogCache *self)
{
  self->max_source_size = SP_CATALOG_CACHE_MAX_SOURCE_SIZE;
}

/**
 * sp_catalog_cache_new:
 * @directory: where the entries live; made when first written
 */
SpCatalogCache *
sp_catalog_cache_new (const char *directory)
{
  SpCatalogCache *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (SP_TYPE_CATALOG_CACHE, NULL);
  self->directory = g_strdup (directory);
  return self;
}

/**
 * sp_catalog_cache_new_default:
 *
 * Returns: (transfer full): the cache in $XDG_CACHE_HOME/study-planner/catalog
 */
SpCatalogCache *
sp_catalog_cache_new_default (void)
{
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), PACKAGE_NAME, "catalog", NULL);

  return sp_catalog_cache_new (directory);
}

const char *
sp_catalog_cache_get_directory (SpCatalogCache *self)
{
  g_return_val_if_fail (SP_IS_CATALOG_CACHE (self), NULL);
  return self->directory;
}

/**
 * sp_catalog_cache_set_max_source_size:
 * @bytes: what one source's pages may take on disk, bodies counted
 */
void
sp_catalog_cache_set_max_source_size (SpCatalogCache *self,
                                      guint64         bytes)
{
  g_return_if_fail (SP_IS_CATALOG_CACHE (self));
  self->max_source_size = bytes;
}

guint64
sp_catalog_cache_get_max_source_size (SpCatalogCache *self)
{
  g_return_val_if_fail (SP_IS_CATALOG_CACHE (self), 0);
  return self->max_source_size;
}

static char *
entry_path (SpCatalogCache *self,
            const char     *url,
            const char     *suffix)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autofree char *name = g_strconcat (hash, suffix, NULL);

  return g_build_filename (self->directory, name, NULL);
}

static char *
nonempty (char *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/**
 * sp_catalog_cache_lookup:
 *
 * Returns: (transfer full) (nullable): the cached page, or %NULL when there
 *   is none for @url or it cannot be read
 */
SpCatalogCacheEntry *
sp_catalog_cache_lookup (SpCatalogCache *self,
                         const char     *url)
{
  g_autofree char *meta_path = entry_path (self, url, ".meta");
  g_autofree char *body_path = entry_path (self, url, ".body");
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autoptr(SpCatalogCacheEntry) entry = g_new0 (SpCatalogCacheEntry, 1);
  g_autofree char *stored_url = NULL;
  g_autoptr(GBytes) meta_bytes = NULL;

  g_return_val_if_fail (SP_IS_CATALOG_CACHE (self), NULL);

  /* Read as every file the app opens: a regular file, within a bound */
  meta_bytes = sp_file_read (meta_path, 64 * 1024, NULL);
  if (meta_bytes == NULL || !g_key_file_load_from_bytes (meta, meta_bytes, G_KEY_FILE_NONE, NULL))
    return NULL;

  /* Guards against a hash collision and a hand-edited file alike */
  stored_url = g_key_file_get_string (meta, META_GROUP, "url", NULL);
  if (g_strcmp0 (stored_url, url) != 0)
    return NULL;

  /* A saved page is never larger than a fetched one may be */
  entry->body = sp_file_read (body_path, SP_HTTP_MAX_BODY_SIZE, NULL);
  if (entry->body == NULL)
    return NULL;
  entry->etag = nonempty (g_key_file_get_string (meta, META_GROUP, "etag", NULL));
  entry->last_modified = nonempty (g_key_file_get_string (meta, META_GROUP, "last-modified", NULL));
  entry->fetched = g_key_file_get_int64 (meta, META_GROUP, "fetched", NULL);
  entry->source = nonempty (g_key_file_get_string (meta, META_GROUP, "source", NULL));
  return g_steal_pointer (&entry);
}

static gboolean
write_meta (SpCatalogCache *self,
            const char     *source,
            const char     *url,
            const char     *etag,
            const char     *last_modified,
            gint64          fetched,
            GError        **error)
{
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autofree char *path = entry_path (self, url, ".meta");
  g_autofree char *data = NULL;
  gsize length;

  g_key_file_set_string (meta, META_GROUP, "url", url);
  g_key_file_set_string (meta, META_GROUP, "source", source ? source : "");
  g_key_file_set_string (meta, META_GROUP, "etag", etag ? etag : "");
  g_key_file_set_string (meta, META_GROUP, "last-modified", last_modified ? last_modified : "");
  g_key_file_set_int64 (meta, META_GROUP, "fetched", fetched);
  data = g_key_file_to_data (meta, &length, NULL);
  return sp_file_write_atomic (path, data, length, error);
}

/**
 * sp_catalog_cache_store:
 *
 * @source: (nullable): the first address of the listing @url is a page of
 *
 * Keeps @body as the page at @url, fetched now.
 */
gboolean
sp_catalog_cache_store (SpCatalogCache *self,
                        const char     *source,
                        const char     *url,
                        GBytes         *body,
                        const char     *etag,
                        const char     *last_modified,
                        GError        **error)
{
  g_autofree char *body_path = entry_path (self, url, ".body");
  const char *data;
  gsize length;

  g_return_val_if_fail (SP_IS_CATALOG_CACHE (self), FALSE);

  if (!sp_file_make_private_dir (self->directory, error))
    return FALSE;

  data = g_bytes_get_data (body, &length);
  if (!sp_file_write_atomic (body_path, data ? data : "", length, error))
    return FALSE;
  return write_meta (self, source, url, etag, last_modified, g_get_real_time () / G_USEC_PER_SEC, error);
}

/**
 * sp_catalog_cache_touch:
 *
 * Marks the page at @url as confirmed now (the server said 304).
 */
gboolean
sp_catalog_cache_touch (SpCatalogCache  *self,
                        const char      *url,
                        GError         **error)
{
  g_autoptr(SpCatalogCacheEntry) entry = sp_catalog_cache_lookup (self, url);

  if (entry == NULL)
    return TRUE;
  return write_meta (self, entry->source, url, entry->etag, entry->last_modified,
                     g_get_real_time () / G_USEC_PER_SEC, error);
}

typedef struct
{
  char    *url;
  char    *name; /* the entry's file name without its suffix */
  gint64   fetched;
  goffset  size;
  gboolean legacy; /* written before entries named their source */
} Stored;

static void
stored_free (Stored *stored)
{
  g_free (stored->url);
  g_free (stored->name);
  g_free (stored);
}

static int
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  const Stored *x = *(Stored * const *) a;
  const Stored *y = *(Stored * const *) b;

  return x->fetched < y->fetched ? -1 : x->fetched > y->fetched;
}

static void
remove_entry (SpCatalogCache *self,
              const char     *name)
{
  g_autofree char *meta = g_strconcat (name, ".meta", NULL);
  g_autofree char *body = g_strconcat (name, ".body", NULL);
  g_autofree char *meta_path = g_build_filename (self->directory, meta, NULL);
  g_autofree char *body_path = g_build_filename (self->directory, body, NULL);

  /* The key file first: without it the body is never read */
  g_unlink (meta_path);
  g_unlink (body_path);
}

/**
 * sp_catalog_cache_prune:
 * @source: the listing's first address
 * @keep: (element-type utf8 utf8) (nullable): the pages just read, as keys:
 *   never removed
 *
 * Removes @source's pages that are not in @keep, oldest first, until what
 * the source keeps is within the bound. Entries written before entries
 * named their source count as stale pages of every source: the next fetch
 * of their own source writes them again.
 *
 * Returns: the number of pages removed
 */
guint
sp_catalog_cache_prune (SpCatalogCache *self,
                        const char     *source,
                        GHashTable     *keep)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_free);
  guint64     total = 0;
  guint       removed = 0;
  const char *file;

  g_return_val_if_fail (SP_IS_CATALOG_CACHE (self), 0);
  g_return_val_if_fail (source != NULL, 0);

  dir = g_dir_open (self->directory, 0, NULL);
  if (dir == NULL)
    return 0;
  while ((file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *body_file = NULL;
      g_autofree char *body_path = NULL;
      g_autofree char *url = NULL;
      g_autofree char *owner = NULL;
      g_autoptr(GKeyFile) meta = g_key_file_new ();
      g_autoptr(GBytes) meta_bytes = NULL;
      g_autofree char *meta_path = NULL;
      GStatBuf         st;
      Stored          *stored;

      if (!g_str_has_suffix (file, ".meta"))
        continue;
      meta_path = g_build_filename (self->directory, file, NULL);
      meta_bytes = sp_file_read (meta_path, 64 * 1024, NULL);
      if (meta_bytes == NULL || !g_key_file_load_from_bytes (meta, meta_bytes, G_KEY_FILE_NONE, NULL))
        continue;
      url = g_key_file_get_string (meta, META_GROUP, "url", NULL);
      owner = nonempty (g_key_file_get_string (meta, META_GROUP, "source", NULL));
      if (url == NULL || (owner != NULL && !g_str_equal (owner, source)))
        continue;

      name = g_strndup (file, strlen (file) - strlen (".meta"));
      body_file = g_strconcat (name, ".body", NULL);
      body_path = g_build_filename (self->directory, body_file, NULL);
      if (g_stat (body_path, &st) != 0)
        continue;
      if (owner != NULL)
        total += st.st_size;
      if (keep != NULL && g_hash_table_contains (keep, url))
        continue;

      stored = g_new0 (Stored, 1);
      stored->url = g_steal_pointer (&url);
      stored->name = g_steal_pointer (&name);
      stored->legacy = owner == NULL;
      stored->fetched = owner != NULL ? g_key_file_get_int64 (meta, META_GROUP, "fetched", NULL) : G_MININT64;
      stored->size = owner != NULL ? st.st_size : 0;
      g_ptr_array_add (stale, stored);
    }

  g_ptr_array_sort (stale, compare_oldest_first);
  for (guint i = 0; i < stale->len; i++)
    {
      Stored *stored = g_ptr_array_index (stale, i);

      /* Entries without a source go whatever the total */
      if (!stored->legacy && total <= self->max_source_size)
        break;
      remove_entry (self, stored->name);
      total -= stored->size;
      removed++;
    }
  return removed;
}
