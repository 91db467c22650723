/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-caldav-sync-private.h"
#include "sp-planner.h"
#include "sp-sync-event.h"

/* Steps 2 and 3 of a sync (sp-caldav-sync.c): what changed on the server
 * since the last sync, fetched and compared with the record, and the
 * server's moves and deletions taken into the planner. */

/* Step 3: the server's edits, into the planner */

void
sync_edit_clear (gpointer data)
{
  g_free (((SpSyncEdit *) data)->block_id);
}

static void
add_applied (Sync *sync,
             Edit *edit)
{
  SpSyncEdit applied = { g_strdup (edit->block_id), edit->kind == EDIT_SKIP, edit->day, edit->minute };

  g_array_append_val (sync->result->edits, applied);
}

static gboolean
locally_changed (Sync *sync,
                 Edit *edit)
{
  const SpBlock   *block = sp_schedule_lookup_block (sp_planner_get_schedule (sync->planner), edit->block_id);
  g_autofree char *hash = NULL;

  if (block == NULL)
    return FALSE;
  hash = sync_block_hash (sync->planner, block);
  return !g_str_equal (hash, edit->old_hash);
}

static void
apply_edits (GTask *task)
{
  Sync                *sync = g_task_get_task_data (task);
  g_autofree gboolean *both_sides = g_new0 (gboolean, sync->edits->len + 1);

  if (sync->remove)
    {
      sync_push (task);
      return;
    }

  /* Before any edit re-plans, which moves other blocks */
  for (guint i = 0; i < sync->edits->len; i++)
    both_sides[i] = locally_changed (sync, g_ptr_array_index (sync->edits, i));

  for (guint i = 0; i < sync->edits->len; i++)
    {
      Edit          *edit = g_ptr_array_index (sync->edits, i);
      const SpBlock *block = sp_schedule_lookup_block (sp_planner_get_schedule (sync->planner), edit->block_id);
      gboolean       both = both_sides[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *title = NULL;

      if (block == NULL)
        continue;
      /* TRANSLATORS: a block named in sync messages: "Linear algebra · Learn" */
      title = g_strdup_printf (_("%s · %s"), sp_topic_get_title (block->topic), sp_block_kind_get_label (block->kind));
      if (edit->kind == EDIT_MOVE)
        {
          if (block->day == edit->day && block->start == edit->minute && block->pinned)
            continue;
          if (!sp_planner_move_block (sync->planner, edit->block_id, edit->day, edit->minute, &error))
            {
              /* The planner's time stays, and is written back over the server's */
              sync->result->conflicts++;
              sync_add_message (sync, _("“%s” was moved on the server, but could not be moved here: %s"),
                                         title, error->message);
              continue;
            }
          sync->result->pinned++;
          add_applied (sync, edit);
          if (both)
            {
              sync->result->conflicts++;
              sync_add_message (sync, _("“%s” changed here and on the server; the server’s time was kept"), title);
            }
        }
      else
        {
          if (block->status != SP_BLOCK_STATUS_PLANNED)
            {
              /* Done work is not undone by a deleted event; it is written again */
              sync_add_message (sync, _("“%s” was deleted on the server, but it is marked done here; it was written again"),
                                         title);
              continue;
            }
          if (!sp_planner_mark_block (sync->planner, edit->block_id, SP_BLOCK_STATUS_SKIPPED, 0, &error))
            {
              sync->result->conflicts++;
              sync_add_message (sync, _("“%s” was deleted on the server, but could not be skipped here: %s"),
                                         title, error->message);
              continue;
            }
          sync->result->skipped++;
          add_applied (sync, edit);
          if (both)
            {
              sync->result->conflicts++;
              sync_add_message (sync, _("“%s” changed here and was deleted on the server; it was skipped"), title);
            }
        }
    }
  sync_push (task);
}

static void
add_edit (Sync        *sync,
          EditKind     kind,
          SpSyncEntry *entry,
          guint32      day,
          guint        minute)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->block_id = g_strdup (entry->block_id);
  edit->old_hash = g_strdup (entry->hash);
  edit->day = day;
  edit->minute = minute;
  g_ptr_array_add (sync->edits, edit);
}

/* The block id in a UID of ours: "<block>.<plan>@studyplanner" */
static char *
block_id_of (Sync       *sync,
             const char *uid)
{
  g_autofree char *suffix = g_strdup_printf (".%s" UID_SUFFIX, sp_plan_get_id (sp_planner_get_plan (sync->planner)));

  if (g_str_has_suffix (uid, suffix))
    return g_strndup (uid, strlen (uid) - strlen (suffix));
  return g_strdup (uid);
}

static void
process_event (Sync       *sync,
               const char *name,
               const char *etag,
               const char *data)
{
  icalcomponent   *calendar = icalcomponent_new_from_string (data);
  icalcomponent   *event;
  const char      *uid;
  SpSyncEntry     *entry;
  g_autofree char *hash = NULL;
  g_autofree char *time = NULL;

  event = calendar ? icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT) : NULL;
  if (calendar != NULL && icalcomponent_isa (calendar) == ICAL_VEVENT_COMPONENT)
    event = calendar;
  uid = event ? icalcomponent_get_uid (event) : NULL;
  if (uid == NULL)
    {
      g_clear_pointer (&calendar, icalcomponent_free);
      return;
    }

  hash = sp_caldav_event_hash (event);
  time = sp_caldav_event_time (event);
  entry = sp_sync_record_lookup_href (sync->record, name);
  if (entry == NULL)
    {
      g_autofree char *block_id = NULL;

      /* Never touch what someone else put in the calendar; ours are
       * adopted, by UID, so a lost record duplicates nothing */
      if (!g_str_has_suffix (uid, UID_SUFFIX) || sp_sync_record_lookup (sync->record, uid) != NULL)
        {
          icalcomponent_free (calendar);
          return;
        }
      block_id = block_id_of (sync, uid);
      entry = sp_sync_record_add (sync->record, uid, block_id, name);
      entry->etag = g_strdup (etag);
      g_free (entry->hash);
      entry->hash = g_steal_pointer (&hash);
      g_free (entry->time);
      entry->time = g_steal_pointer (&time);
      entry->sequence = MAX (0, icalcomponent_get_sequence (event));
      icalcomponent_free (calendar);
      return;
    }

  if (!g_str_equal (entry->hash, hash) && icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
    add_edit (sync, EDIT_SKIP, entry, 0, 0);
  else if (!g_str_equal (entry->hash, hash) && !g_str_equal (entry->time, time))
    {
      guint32 day;
      guint   minute;

      if (sp_caldav_event_start (calendar, event, sp_planner_get_timezone (sync->planner), &day, &minute))
        add_edit (sync, EDIT_MOVE, entry, day, minute);
    }
  /* Other edits on the server are written over by the block as it is here */
  if (!g_str_equal (entry->hash, hash))
    {
      g_free (entry->hash);
      entry->hash = g_strdup ("");
    }
  g_free (entry->etag);
  entry->etag = g_strdup (etag);
  g_free (entry->time);
  entry->time = g_steal_pointer (&time);
  entry->sequence = MAX (entry->sequence, icalcomponent_get_sequence (event));
  icalcomponent_free (calendar);
}

void
sync_process_fetched (Sync             *sync,
                      SpDavMultistatus *status)
{
  for (guint i = 0; i < status->responses->len; i++)
    {
      SpDavResponse   *response = g_ptr_array_index (status->responses, i);
      g_autofree char *name = sp_caldav_href_name (response->href);

      if (response->status == 404 || response->calendar_data == NULL)
        {
          if (response->status == 404)
            g_ptr_array_add (sync->deleted, g_steal_pointer (&name));
          continue;
        }
      process_event (sync, name, response->etag, response->calendar_data);
    }
}

static void
fetch_done (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  if (sync->pool_error != NULL)
    {
      sync_finish (task, g_steal_pointer (&sync->pool_error));
      return;
    }
  for (guint i = 0; i < sync->deleted->len; i++)
    {
      SpSyncEntry *entry = sp_sync_record_lookup_href (sync->record, g_ptr_array_index (sync->deleted, i));

      if (entry == NULL)
        continue;
      add_edit (sync, EDIT_SKIP, entry, 0, 0);
      sp_sync_record_remove (sync->record, entry->uid);
    }
  apply_edits (task);
}

/* Step 2: what changed on the server */

static void
fetch_changes (GTask *task)
{
  Sync          *sync = g_task_get_task_data (task);
  GHashTableIter iter;
  const char    *name;
  Op            *op = NULL;

  g_clear_pointer (&sync->ops, g_ptr_array_unref);
  sync->ops = g_ptr_array_new_with_free_func (sync_op_free);
  g_hash_table_iter_init (&iter, sync->to_fetch);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    {
      if (op == NULL || op->hrefs->len >= MULTIGET_CHUNK)
        {
          op = g_new0 (Op, 1);
          op->kind = OP_FETCH;
          op->hrefs = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (sync->ops, op);
        }
      g_ptr_array_add (op->hrefs, g_strdup (name));
    }
  sync_pool_run (task, fetch_done);
}

static void
note_listed (Sync       *sync,
             const char *name,
             const char *etag)
{
  SpSyncEntry *entry = sp_sync_record_lookup_href (sync->record, name);

  if (entry == NULL || entry->etag == NULL || etag == NULL || !g_str_equal (entry->etag, etag))
    g_hash_table_replace (sync->to_fetch, g_strdup (name), g_strdup (etag));
}

static void
calendar_gone (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  if (sync->remove)
    {
      /* Gone with its events: nothing is left to remove */
      g_hash_table_remove_all (sync->record->entries);
      sync_finish (task, NULL);
      return;
    }
  if (sync->remade_calendar)
    {
      sync_finish (task, g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_HTTP,
                                      _("The calendar could not be found on the server")));
      return;
    }
  /* Deleted on the server: start again in a new one */
  sync->remade_calendar = TRUE;
  g_clear_pointer (&sync->record, sp_sync_record_free);
  sync->record = sp_sync_record_new (sync->server);
  sync_add_message (sync, _("The calendar was deleted on the server; it was made again"));
  sync_discover (task);
}

/* The reply to @task's request, or %NULL when the request failed, which
 * ends the sync */
static SpDavReply *
pull_reply_finish (GTask        *task,
                   GObject      *source,
                   GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  SpDavReply *reply = sp_caldav_client_request_finish (SP_CALDAV_CLIENT (source), result, &error);

  if (reply == NULL)
    sync_finish (task, g_steal_pointer (&error));
  return reply;
}

static void
listing_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Sync  *sync = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDavReply) reply = pull_reply_finish (task, source, result);
  g_autoptr(SpDavMultistatus) status = NULL;
  g_autoptr(GHashTable) listed = NULL;
  g_autofree char *calendar_name = NULL;
  GHashTableIter   iter;
  SpSyncEntry     *entry;

  if (reply == NULL)
    return;
  if (reply->status == 404 || reply->status == 410)
    {
      calendar_gone (task);
      return;
    }
  if (reply->status != 207)
    {
      sync_finish (task, sp_caldav_status_error (reply->status, _("reading the calendar")));
      return;
    }
  status = sp_dav_reply_parse_multistatus (reply, &error);
  if (status == NULL)
    {
      sync_finish (task, g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_NOT_CALDAV, "%s", error->message));
      return;
    }

  calendar_name = sp_caldav_href_name (sync->calendar);
  listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < status->responses->len; i++)
    {
      SpDavResponse   *response = g_ptr_array_index (status->responses, i);
      g_autofree char *name = sp_caldav_href_name (response->href);

      if (response->is_collection || g_str_equal (name, calendar_name))
        {
          g_free (sync->new_token);
          sync->new_token = g_strdup (response->sync_token);
          continue;
        }
      g_hash_table_add (listed, g_strdup (name));
      note_listed (sync, name, response->etag);
    }
  g_hash_table_iter_init (&iter, sync->record->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (!g_hash_table_contains (listed, entry->href))
      g_ptr_array_add (sync->deleted, g_strdup (entry->href));

  fetch_changes (task);
}

/* Every resource and its ETag, and the collection's sync token */
static void
list_calendar (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  sync->result->requests++;
  sp_caldav_client_request_async (g_task_get_source_object (task), "PROPFIND", sync->calendar, "1", NULL, FALSE,
                                  XML_TYPE,
                                  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                  "<d:propfind xmlns:d=\"DAV:\"><d:prop>"
                                  "<d:resourcetype/><d:getetag/><d:sync-token/>"
                                  "</d:prop></d:propfind>",
                                  SP_DAV_REQUEST_NONE, g_task_get_cancellable (task), listing_cb, task);
}

static void
sync_collection_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  Sync  *sync = g_task_get_task_data (task);
  g_autoptr(SpDavReply) reply = pull_reply_finish (task, source, result);
  g_autoptr(SpDavMultistatus) status = NULL;

  if (reply == NULL)
    return;
  if (reply->status == SOUP_STATUS_UNAUTHORIZED)
    {
      sync_finish (task, sp_caldav_status_error (reply->status, NULL));
      return;
    }
  if (reply->status == 207)
    status = sp_dav_reply_parse_multistatus (reply, NULL);
  if (status == NULL || status->sync_token == NULL)
    {
      /* No such report, or a token the server no longer knows: compare every ETag */
      list_calendar (task);
      return;
    }

  sync->new_token = g_strdup (status->sync_token);
  for (guint i = 0; i < status->responses->len; i++)
    {
      SpDavResponse   *response = g_ptr_array_index (status->responses, i);
      g_autofree char *name = sp_caldav_href_name (response->href);

      if (response->status == 404)
        {
          if (sp_sync_record_lookup_href (sync->record, name) != NULL)
            g_ptr_array_add (sync->deleted, g_steal_pointer (&name));
        }
      else if (!response->is_collection)
        note_listed (sync, name, response->etag);
    }
  fetch_changes (task);
}

/* The changes since @token: RFC 6578, names and ETags */
static void
sync_collection_request (GTask              *task,
                         const char         *token,
                         GAsyncReadyCallback callback)
{
  Sync            *sync = g_task_get_task_data (task);
  g_autofree char *escaped = g_markup_escape_text (token, -1);
  g_autofree char *body = g_strdup_printf (
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>%s</d:sync-token>"
      "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>",
      escaped);

  sp_caldav_client_request_async (g_task_get_source_object (task), "REPORT", sync->calendar, "0", NULL, FALSE,
                                  XML_TYPE, body, SP_DAV_REQUEST_NONE, g_task_get_cancellable (task), callback,
                                  task);
}

void
sync_pull (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  g_hash_table_remove_all (sync->to_fetch);
  g_ptr_array_set_size (sync->deleted, 0);
  sync->save_record = TRUE;
  g_free (sync->record->calendar);
  sync->record->calendar = g_strdup (sync->calendar);
  g_free (sync->result->calendar);
  sync->result->calendar = g_strdup (sync->calendar);

  if (sync->record->sync_token == NULL || g_hash_table_size (sync->record->entries) == 0)
    {
      list_calendar (task);
      return;
    }

  sync->result->requests++;
  sync_collection_request (task, sync->record->sync_token, sync_collection_cb);
}

/* After a push: the changes since the token read before it are our own
 * writes, with the ETags the server gave. When they are, the token after
 * them is kept, so the next sync does not read them all back (on Radicale
 * that read costs more than the rest of a sync with nothing changed). Any
 * other change keeps the old token, and the next sync reads it. */

static gboolean
only_own_writes (Sync             *sync,
                 SpDavMultistatus *status)
{
  for (guint i = 0; i < status->responses->len; i++)
    {
      SpDavResponse   *response = g_ptr_array_index (status->responses, i);
      g_autofree char *name = sp_caldav_href_name (response->href);
      SpSyncEntry     *entry = sp_sync_record_lookup_href (sync->record, name);

      if (response->is_collection)
        continue;
      if (response->status == 404 ? entry != NULL
                                  : entry == NULL || g_strcmp0 (entry->etag, response->etag) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
refresh_token_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  Sync  *sync = g_task_get_task_data (task);
  g_autoptr(SpDavReply) reply = sp_caldav_client_request_finish (SP_CALDAV_CLIENT (source), result, NULL);
  g_autoptr(SpDavMultistatus) status = NULL;

  /* Only a speed-up: whatever goes wrong leaves the old token */
  if (reply != NULL && reply->status == 207)
    status = sp_dav_reply_parse_multistatus (reply, NULL);
  if (status != NULL && status->sync_token != NULL && only_own_writes (sync, status))
    {
      g_free (sync->new_token);
      sync->new_token = g_strdup (status->sync_token);
    }
  sync_finish (task, NULL);
}

void
sync_refresh_token (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  if (sync->new_token == NULL)
    {
      sync_finish (task, NULL);
      return;
    }
  sync->result->requests++;
  sync_collection_request (task, sync->new_token, refresh_token_cb);
}
