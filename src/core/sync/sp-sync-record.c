/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sp-file-utils.h"
#include "sp-json-write.h"
#include "sp-sync-record.h"

/* The sync record, a JSON file beside state.json. It is only a cache of
 * what is on the server: when it is lost, the next sync adopts the
 * resources it finds there by UID, so losing it never duplicates events. */

#define RECORD_VERSION 1

static void
entry_free (gpointer data)
{
  SpSyncEntry *entry = data;

  g_free (entry->uid);
  g_free (entry->block_id);
  g_free (entry->href);
  g_free (entry->etag);
  g_free (entry->hash);
  g_free (entry->time);
  g_free (entry);
}

/**
 * sp_sync_record_new:
 *
 * Returns: (transfer full): an empty record for @server
 */
SpSyncRecord *
sp_sync_record_new (const char *server)
{
  SpSyncRecord *self = g_new0 (SpSyncRecord, 1);

  self->server = g_strdup (server);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  return self;
}

void
sp_sync_record_free (SpSyncRecord *self)
{
  if (self == NULL)
    return;
  g_free (self->server);
  g_free (self->calendar);
  g_free (self->sync_token);
  g_hash_table_unref (self->entries);
  g_free (self);
}

SpSyncEntry *
sp_sync_record_lookup (SpSyncRecord *self,
                       const char   *uid)
{
  return g_hash_table_lookup (self->entries, uid);
}

SpSyncEntry *
sp_sync_record_lookup_href (SpSyncRecord *self,
                            const char   *href)
{
  GHashTableIter iter;
  SpSyncEntry   *entry;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (g_str_equal (entry->href, href))
      return entry;
  return NULL;
}

/**
 * sp_sync_record_add:
 *
 * Returns: (transfer none): the entry for @uid, new or replaced, with no
 *   ETag and an empty hash
 */
SpSyncEntry *
sp_sync_record_add (SpSyncRecord *self,
                    const char   *uid,
                    const char   *block_id,
                    const char   *href)
{
  SpSyncEntry *entry = g_new0 (SpSyncEntry, 1);

  entry->uid = g_strdup (uid);
  entry->block_id = g_strdup (block_id);
  entry->href = g_strdup (href);
  entry->hash = g_strdup ("");
  entry->time = g_strdup ("");
  g_hash_table_replace (self->entries, entry->uid, entry);
  return entry;
}

void
sp_sync_record_remove (SpSyncRecord *self,
                       const char   *uid)
{
  g_hash_table_remove (self->entries, uid);
}

/**
 * sp_sync_record_get_default_path:
 * @state_path: (nullable): where the state is saved
 *
 * Returns: (transfer full): sync.json in the folder of @state_path, or in
 *   the data dir
 */
char *
sp_sync_record_get_default_path (const char *state_path)
{
  g_autofree char *dir = state_path ? g_path_get_dirname (state_path) : sp_file_get_data_dir ();

  return g_build_filename (dir, "sync.json", NULL);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * sp_sync_record_load:
 * @server: the address the user gave now
 *
 * Returns: (transfer full): the record saved at @path for @server; an empty
 *   one when there is none or it was for another server; %NULL with @error
 *   set when it cannot be read or is damaged (the caller starts afresh)
 */
SpSyncRecord *
sp_sync_record_load (const char *path,
                     const char *server,
                     GError    **error)
{
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(SpSyncRecord) self = sp_sync_record_new (server);
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  JsonNode   *resources;

  /* Through the app's one reader: a regular file, within the state's bound */
  contents = sp_file_read (path, SP_FILE_MAX_STATE_SIZE, &local_error);
  if (contents == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&self);
      g_set_error (error, local_error->domain, local_error->code,
                   _("The sync record “%s” could not be read: %s"), path, local_error->message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (contents, NULL), (gssize) g_bytes_get_size (contents),
                                   &local_error))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The sync record “%s” could not be read: %s"), path, local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("The sync record “%s” could not be read: %s"), path, _("not a JSON object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (member_string (root, "server"), server) != 0)
    return g_steal_pointer (&self);

  self->calendar = g_strdup (member_string (root, "calendar"));
  self->sync_token = g_strdup (member_string (root, "sync-token"));
  resources = json_object_get_member (root, "resources");
  if (resources != NULL && JSON_NODE_HOLDS_ARRAY (resources))
    {
      JsonArray *array = json_node_get_array (resources);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode    *node = json_array_get_element (array, i);
          JsonObject  *object;
          SpSyncEntry *entry;
          const char  *uid, *block, *href;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          object = json_node_get_object (node);
          uid = member_string (object, "uid");
          block = member_string (object, "block");
          href = member_string (object, "href");
          if (uid == NULL || block == NULL || href == NULL)
            continue;
          entry = sp_sync_record_add (self, uid, block, href);
          entry->etag = g_strdup (member_string (object, "etag"));
          if (member_string (object, "hash") != NULL)
            {
              g_free (entry->hash);
              entry->hash = g_strdup (member_string (object, "hash"));
            }
          if (member_string (object, "time") != NULL)
            {
              g_free (entry->time);
              entry->time = g_strdup (member_string (object, "time"));
            }
          entry->sequence = (int) CLAMP (json_object_get_int_member_with_default (object, "sequence", 0), 0, G_MAXINT);
        }
    }
  return g_steal_pointer (&self);
}

static int
compare_uids (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * sp_sync_record_save:
 *
 * Writes the record atomically, entries sorted by UID.
 */
gboolean
sp_sync_record_save (SpSyncRecord *self,
                     const char   *path,
                     GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autofree gpointer *uids = NULL;
  guint                n = 0;

  json_builder_begin_object (builder);
  sp_json_builder_add_int (builder, "version", RECORD_VERSION);
  sp_json_builder_add_string (builder, "server", self->server);
  if (self->calendar != NULL)
    {
      sp_json_builder_add_string (builder, "calendar", self->calendar);
    }
  if (self->sync_token != NULL)
    {
      sp_json_builder_add_string (builder, "sync-token", self->sync_token);
    }
  json_builder_set_member_name (builder, "resources");
  json_builder_begin_array (builder);
  uids = g_hash_table_get_keys_as_array (self->entries, &n);
  qsort (uids, n, sizeof (gpointer), compare_uids);
  for (guint i = 0; i < n; i++)
    {
      SpSyncEntry *entry = g_hash_table_lookup (self->entries, uids[i]);

      json_builder_begin_object (builder);
      sp_json_builder_add_string (builder, "uid", entry->uid);
      sp_json_builder_add_string (builder, "block", entry->block_id);
      sp_json_builder_add_string (builder, "href", entry->href);
      if (entry->etag != NULL)
        {
          sp_json_builder_add_string (builder, "etag", entry->etag);
        }
      sp_json_builder_add_string (builder, "hash", entry->hash);
      sp_json_builder_add_string (builder, "time", entry->time);
      sp_json_builder_add_int (builder, "sequence", entry->sequence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return sp_json_builder_write_file (builder, path, error);
}
