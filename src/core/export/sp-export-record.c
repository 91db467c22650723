/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "sp-export-record.h"
#include "sp-file-utils.h"
#include "sp-json-doc.h"
#include "sp-json-write.h"

/* A file cannot say "this event no longer exists": importing the export of
 * a re-planned schedule left the old blocks beside the new ones. So the
 * app and the command line remember, per file (by its real path, links
 * followed), the events each iCalendar export wrote, in ics-exports.json
 * beside state.json; the next export to that file writes those no longer
 * in the schedule as STATUS:CANCELLED, with a higher SEQUENCE. It is only a
 * convenience: a lost or broken record cancels nothing and breaks nothing. */

#define RECORD_VERSION   1
#define RECORD_MAX_FILES 16 /* the files exported to most recently */
#define RECORD_MAX_SIZE  (32 * 1024 * 1024)

static void
exported_event_free (SpExportedEvent *event)
{
  g_free (event->uid);
  g_free (event->summary);
  g_free (event);
}

SpIcsHistory *
sp_ics_history_new (void)
{
  SpIcsHistory *history = g_new0 (SpIcsHistory, 1);

  history->events = g_ptr_array_new_with_free_func ((GDestroyNotify) exported_event_free);
  return history;
}

void
sp_ics_history_free (SpIcsHistory *history)
{
  if (history == NULL)
    return;
  g_ptr_array_unref (history->events);
  g_free (history);
}

void
sp_ics_history_add (SpIcsHistory *history,
                    const char   *uid,
                    gint64        start,
                    gint64        end,
                    const char   *summary)
{
  SpExportedEvent *event = g_new0 (SpExportedEvent, 1);

  event->uid = g_strdup (uid);
  event->start = start;
  event->end = end;
  event->summary = g_strdup (summary ? summary : "");
  g_ptr_array_add (history->events, event);
}

/**
 * sp_export_record_get_default_path:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/study-planner/ics-exports.json
 */
char *
sp_export_record_get_default_path (void)
{
  g_autofree char *dir = sp_file_get_data_dir ();

  return g_build_filename (dir, "ics-exports.json", NULL);
}

/**
 * sp_export_record_key:
 *
 * Returns: (transfer full): the real path of the file @path names, links
 *   followed, whether or not the file exists yet
 */
char *
sp_export_record_key (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  char            *real = realpath (absolute, NULL);

  if (real != NULL)
    {
      char *key = g_strdup (real);

      free (real);
      return key;
    }
  /* Not there yet: its folder's real path, and its name */
  dir = g_path_get_dirname (absolute);
  base = g_path_get_basename (absolute);
  real = realpath (dir, NULL);
  if (real != NULL)
    {
      char *key = g_build_filename (real, base, NULL);

      free (real);
      return key;
    }
  return g_steal_pointer (&absolute);
}

/* The record's files, most recent first: key → its object in @doc */
static SpJsonDoc *
read_record (const char         *record_path,
             const SpJsonValue **files)
{
  g_autoptr(GBytes) bytes = sp_file_read (record_path, RECORD_MAX_SIZE, NULL);
  g_autoptr(SpJsonDoc) doc = NULL;
  const SpJsonValue *root;

  *files = NULL;
  if (bytes == NULL)
    return NULL;
  doc = sp_json_doc_parse_bytes (bytes, NULL, NULL, NULL);
  if (doc == NULL)
    return NULL;
  root = sp_json_doc_root (doc);
  if (sp_json_type (sp_json_member (doc, root, "version")) != SP_JSON_NUMBER ||
      sp_json_number (sp_json_member (doc, root, "version")) != RECORD_VERSION)
    return NULL;
  *files = sp_json_member (doc, root, "files");
  if (sp_json_type (*files) != SP_JSON_ARRAY)
    return NULL;
  return g_steal_pointer (&doc);
}

static SpIcsHistory *
history_from_json (SpJsonDoc         *doc,
                   const SpJsonValue *file)
{
  g_autoptr(SpIcsHistory) history = sp_ics_history_new ();
  const SpJsonValue *events = sp_json_member (doc, file, "events");
  double             sequence = sp_json_number (sp_json_member (doc, file, "sequence"));

  history->sequence = (int) CLAMP (sequence, 0, G_MAXINT - 1);
  for (guint i = 0; i < sp_json_length (events); i++)
    {
      const SpJsonValue *event = sp_json_element (doc, events, i);
      const char        *uid = sp_json_string (doc, sp_json_member (doc, event, "uid"));
      const SpJsonValue *start = sp_json_member (doc, event, "start");
      const SpJsonValue *end = sp_json_member (doc, event, "end");

      /* What is not whole is left out: the record only helps */
      if (uid == NULL || !sp_json_is_integer (start) || !sp_json_is_integer (end))
        continue;
      sp_ics_history_add (history, uid, (gint64) sp_json_number (start), (gint64) sp_json_number (end),
                          sp_json_string (doc, sp_json_member (doc, event, "summary")));
    }
  return g_steal_pointer (&history);
}

/**
 * sp_export_record_load:
 * @key: the file's real path (sp_export_record_key())
 *
 * Returns: (transfer full): what the last export to @key wrote; empty when
 *   none is known, or the record cannot be read
 */
SpIcsHistory *
sp_export_record_load (const char *record_path,
                       const char *key)
{
  const SpJsonValue *files;
  g_autoptr(SpJsonDoc) doc = read_record (record_path, &files);

  for (guint i = 0; doc != NULL && i < sp_json_length (files); i++)
    {
      const SpJsonValue *file = sp_json_element (doc, files, i);

      if (g_strcmp0 (sp_json_string (doc, sp_json_member (doc, file, "path")), key) == 0)
        return history_from_json (doc, file);
    }
  return sp_ics_history_new ();
}

static void
add_history (JsonBuilder  *builder,
             const char   *key,
             SpIcsHistory *history)
{
  json_builder_begin_object (builder);
  sp_json_builder_add_string (builder, "path", key);
  sp_json_builder_add_int (builder, "sequence", history->sequence);
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < history->events->len; i++)
    {
      SpExportedEvent *event = g_ptr_array_index (history->events, i);

      json_builder_begin_object (builder);
      sp_json_builder_add_string (builder, "uid", event->uid);
      sp_json_builder_add_int (builder, "start", event->start);
      sp_json_builder_add_int (builder, "end", event->end);
      sp_json_builder_add_string (builder, "summary", event->summary);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * sp_export_record_save:
 * @key: the file's real path (sp_export_record_key())
 * @history: what was just exported to it
 *
 * Keeps @history as the last export to @key, first among the files the
 * record knows; the others stay, up to the most recent 16.
 */
gboolean
sp_export_record_save (const char   *record_path,
                       const char   *key,
                       SpIcsHistory *history,
                       GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const SpJsonValue *files;
  g_autoptr(SpJsonDoc) doc = read_record (record_path, &files);
  guint kept = 1;

  json_builder_begin_object (builder);
  sp_json_builder_add_int (builder, "version", RECORD_VERSION);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  add_history (builder, key, history);
  for (guint i = 0; doc != NULL && i < sp_json_length (files) && kept < RECORD_MAX_FILES; i++)
    {
      const SpJsonValue *file = sp_json_element (doc, files, i);
      const char        *path = sp_json_string (doc, sp_json_member (doc, file, "path"));
      g_autoptr(SpIcsHistory) other = NULL;

      if (path == NULL || g_str_equal (path, key))
        continue;
      other = history_from_json (doc, file);
      add_history (builder, path, other);
      kept++;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return sp_json_builder_write_file (builder, record_path, error);
}

/**
 * sp_export_ics_to_file:
 * @path: a file name, or "-" for standard output
 *
 * As sp_export_to_file() with sp_export_ics(), and the events of the last
 * export to the same file that are no longer in the schedule written as
 * cancelled; what was written is then remembered for the next time. A
 * record that cannot be written costs the next export its cancellations,
 * not this export.
 */
gboolean
sp_export_ics_to_file (SpSchedule            *schedule,
                       const SpExportOptions *options,
                       const char            *path,
                       GError               **error)
{
  g_autofree char *record_path = NULL;
  g_autofree char *key = NULL;
  g_autoptr(SpIcsHistory) history = NULL;
  g_autoptr(GError) record_error = NULL;
  SpExportOptions with_history;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Standard output is no file to import again */
  if (g_str_equal (path, "-"))
    return sp_export_to_file (sp_export_ics, schedule, options, path, error);

  record_path = sp_export_record_get_default_path ();
  key = sp_export_record_key (path);
  history = sp_export_record_load (record_path, key);
  with_history = *options;
  with_history.ics_history = history;
  if (!sp_export_to_file (sp_export_ics, schedule, &with_history, path, error))
    return FALSE;
  if (!sp_export_record_save (record_path, key, history, &record_error))
    g_debug ("Could not remember the export to %s: %s", key, record_error->message);
  return TRUE;
}
