/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sp-caldav-sync.h"
#include "sp-dav-xml.h"
#include "sp-export.h"
#include "sp-http.h"
#include "sp-sync-event.h"
#include "sp-sync-record.h"

/* One sync, in four steps: find the calendar (the recorded one, or by
 * discovery); read what changed on the server since the last sync
 * (sync-collection, or every ETag when the server has no token) and fetch
 * those events; take the server's moves and deletions into the planner as
 * pinned and skipped blocks; then send the schedule: new blocks created,
 * changed ones updated, vanished ones deleted, each guarded by its ETag.
 * Requests go out SP_CALDAV_MAX_IN_FLIGHT at a time. The record is saved at
 * the end whatever happened, so an interrupted sync loses nothing: the next
 * one reads back what the server got and goes on. The rules are in
 * docs/sync.md. */

#include "sp-caldav-sync-private.h"

void
sync_op_free (gpointer data)
{
  Op *op = data;

  g_free (op->uid);
  g_free (op->block_id);
  g_free (op->href);
  g_free (op->etag);
  g_free (op->body);
  g_free (op->hash);
  g_free (op->time);
  g_clear_pointer (&op->hrefs, g_ptr_array_unref);
  g_free (op);
}

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_free (edit->block_id);
  g_free (edit->old_hash);
  g_free (edit);
}

static void
sync_free (gpointer data)
{
  Sync *sync = data;

  g_clear_object (&sync->planner);
  g_free (sync->server);
  g_free (sync->record_path);
  g_clear_pointer (&sync->record, sp_sync_record_free);
  g_free (sync->calendar);
  g_free (sync->new_token);
  g_clear_pointer (&sync->to_fetch, g_hash_table_unref);
  g_clear_pointer (&sync->deleted, g_ptr_array_unref);
  g_clear_pointer (&sync->edits, g_ptr_array_unref);
  g_clear_pointer (&sync->result, sp_sync_result_free);
  g_clear_pointer (&sync->ops, g_ptr_array_unref);
  g_clear_error (&sync->pool_error);
  g_free (sync);
}

void
sync_add_message (Sync       *sync,
                  const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (sync->result->messages, g_strdup_vprintf (format, args));
  va_end (args);
}

char *
sync_block_hash (SpPlanner     *planner,
                 const SpBlock *block)
{
  SpExportOptions options;
  icalcomponent  *event;
  char           *hash;

  sp_export_options_init (&options, planner);
  event = sp_export_ics_block_event (sp_planner_get_schedule (planner), &options, block, 0);
  hash = sp_caldav_event_hash (event);

  icalcomponent_free (event);
  return hash;
}

static gboolean
is_synced (const SpBlock *block)
{
  /* A skipped block is not on the calendar: deleting its event there is how one skips it */
  return block->status != SP_BLOCK_STATUS_SKIPPED;
}

static char *
resource_url (Sync       *sync,
              const char *name)
{
  return sp_caldav_resolve (sync->calendar, name);
}

/* The pool: ops run SP_CALDAV_MAX_IN_FLIGHT at a time; the first error
 * stops new ones, and the pool ends when the last one in flight is back. */

static void start_op (GTask *task,
                      Op    *op);

static void
pool_fill (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  while (sync->pool_error == NULL && sync->in_flight < SP_CALDAV_MAX_IN_FLIGHT && sync->next_op < sync->ops->len)
    start_op (task, g_ptr_array_index (sync->ops, sync->next_op++));
  if (sync->pushing && sync->ops->len > 0)
    sp_caldav_client_report_progress (g_task_get_source_object (task), sync->next_op - sync->in_flight,
                                      sync->ops->len);
  if (sync->in_flight == 0 && (sync->pool_error != NULL || sync->next_op >= sync->ops->len))
    sync->pool_done (task);
}

void
sync_pool_run (GTask *task,
               void (*done) (GTask *task))
{
  Sync *sync = g_task_get_task_data (task);

  sync->next_op = 0;
  sync->in_flight = 0;
  sync->pool_done = done;
  pool_fill (task);
}

void
sync_pool_fail (Sync   *sync,
                GError *error)
{
  if (sync->pool_error == NULL)
    sync->pool_error = error;
  else
    g_error_free (error);
}

/* The end: the record is saved whatever happened */

void
sync_finish (GTask  *task,
             GError *error)
{
  Sync *sync = g_task_get_task_data (task);

  if (sync->remove && error == NULL && g_hash_table_size (sync->record->entries) == 0)
    {
      /* Every event made is gone: the record goes with them */
      if (g_remove (sync->record_path) != 0 && errno != ENOENT)
        {
          int saved = errno;

          error = g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_RECORD, "%s: %s", sync->record_path,
                               g_strerror (saved));
        }
    }
  else if (sync->save_record)
    {
      g_autoptr(GError) save_error = NULL;

      /* The token is kept only when every change it covers was read */
      if (error == NULL && sync->new_token != NULL)
        {
          g_free (sync->record->sync_token);
          sync->record->sync_token = g_steal_pointer (&sync->new_token);
        }
      if (!sp_sync_record_save (sync->record, sync->record_path, &save_error) && error == NULL)
        error = g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_RECORD, "%s", save_error->message);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&sync->result), (GDestroyNotify) sp_sync_result_free);
  g_object_unref (task);
}

/* Step 4: send the schedule */

static void
push_done (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  sync->pushing = FALSE;
  if (sync->pool_error == NULL && !sync->remove && (sync->result->puts > 0 || sync->result->deleted > 0))
    {
      sync_refresh_token (task);
      return;
    }
  sync_finish (task, g_steal_pointer (&sync->pool_error));
}

static void
op_request_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data);

static void
start_op (GTask *task,
          Op    *op)
{
  Sync            *sync = g_task_get_task_data (task);
  SpCaldavClient  *client = g_task_get_source_object (task);
  OpCall          *call = g_new0 (OpCall, 1);
  g_autofree char *url = op->href ? resource_url (sync, op->href) : g_strdup (sync->calendar);

  call->task = g_object_ref (task);
  call->op = op;
  sync->in_flight++;
  sync->result->requests++;
  switch (op->kind)
    {
    case OP_CREATE:
      sync->result->puts++;
      sp_caldav_client_request_async (client, "PUT", url, NULL, NULL, TRUE, ICS_TYPE, op->body,
                                      SP_DAV_REQUEST_NONE, g_task_get_cancellable (task), op_request_cb, call);
      break;
    case OP_UPDATE:
      sync->result->puts++;
      sp_caldav_client_request_async (client, "PUT", url, NULL, op->etag, FALSE, ICS_TYPE, op->body,
                                      SP_DAV_REQUEST_NONE, g_task_get_cancellable (task), op_request_cb, call);
      break;
    case OP_DELETE:
      sp_caldav_client_request_async (client, "DELETE", url, NULL, op->etag, FALSE, NULL, NULL,
                                      SP_DAV_REQUEST_NONE, g_task_get_cancellable (task), op_request_cb, call);
      break;
    case OP_FETCH:
    default:
      {
        g_autoptr(GString) body = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                                 "<c:calendar-multiget xmlns:d=\"DAV:\" "
                                                 "xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                                                 "<d:prop><d:getetag/><c:calendar-data/></d:prop>");

        for (guint i = 0; i < op->hrefs->len; i++)
          {
            g_autofree char *item = resource_url (sync, g_ptr_array_index (op->hrefs, i));
            g_autoptr(GUri) uri = g_uri_parse (item, G_URI_FLAGS_ENCODED, NULL);
            g_autofree char *escaped = g_markup_escape_text (uri ? g_uri_get_path (uri) : item, -1);

            g_string_append_printf (body, "<d:href>%s</d:href>", escaped);
          }
        g_string_append (body, "</c:calendar-multiget>");
        sp_caldav_client_request_async (client, "REPORT", url, "1", NULL, FALSE, XML_TYPE, body->str,
                                        SP_DAV_REQUEST_NONE, g_task_get_cancellable (task), op_request_cb, call);
      }
      break;
    }
}

static void
record_sent (Sync       *sync,
             Op         *op,
             SpDavReply *reply)
{
  SpSyncEntry *entry = sp_sync_record_add (sync->record, op->uid, op->block_id, op->href);

  entry->etag = g_strdup (reply->etag);
  g_free (entry->hash);
  entry->hash = g_strdup (op->hash);
  g_free (entry->time);
  entry->time = g_strdup (op->time);
  entry->sequence = op->sequence;
}

/* Returns whether @op was sent again (it is still in flight) */
static gboolean
handle_reply (GTask      *task,
              Op         *op,
              SpDavReply *reply)
{
  Sync *sync = g_task_get_task_data (task);
  guint status = reply->status;

  /* An update or a delete goes with the ETag last read: 412 says another
   * client changed the event since */
  if (status == 412 && (op->kind == OP_UPDATE || op->kind == OP_DELETE))
    {
      sync_add_message (sync, _("“%s” was changed on the server during the sync; the next sync reads it"), op->uid);
      return FALSE;
    }

  switch (op->kind)
    {
    case OP_CREATE:
      if (status == 201 || status == 204 || status == 200)
        {
          record_sent (sync, op, reply);
          if (op->retried)
            sync->result->updated++;
          else
            sync->result->created++;
          return FALSE;
        }
      break;
    case OP_UPDATE:
      if (status == 201 || status == 204 || status == 200)
        {
          record_sent (sync, op, reply);
          sync->result->updated++;
          return FALSE;
        }
      if (status == 404 && !op->retried)
        {
          /* Gone from the server meanwhile: make it again */
          op->kind = OP_CREATE;
          op->retried = TRUE;
          sync->in_flight--;
          start_op (task, op);
          return TRUE;
        }
      break;
    case OP_DELETE:
      if ((status >= 200 && status < 300) || status == 404 || status == 410)
        {
          sp_sync_record_remove (sync->record, op->uid);
          sync->result->deleted++;
          return FALSE;
        }
      break;
    case OP_FETCH:
    default:
      if (status == 207)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SpDavMultistatus) multistatus = sp_dav_reply_parse_multistatus (reply, &error);

          if (multistatus == NULL)
            {
              sync_pool_fail (sync, g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_HTTP, "%s", error->message));
              return FALSE;
            }
          sync_process_fetched (sync, multistatus);
          return FALSE;
        }
      break;
    }

  sync_pool_fail (sync, sp_caldav_status_error (status, op->kind == OP_FETCH ? _("reading events")
                                                                             : op->kind == OP_DELETE
                                                ? _("deleting an event")
                                                : _("writing an event")));
  return FALSE;
}

/* A create refused with 412 first asks for the resource's ETag: an
 * update needs it */
static void
head_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data);

/* The reply to @call's request, or %NULL when the request failed, which
 * fails the sync; @call is freed */
static SpDavReply *
op_call_finish (OpCall       *call,
                GObject      *source,
                GAsyncResult *result)
{
  Sync *sync = g_task_get_task_data (call->task);
  g_autoptr(GError) error = NULL;
  SpDavReply *reply = sp_caldav_client_request_finish (SP_CALDAV_CLIENT (source), result, &error);

  g_free (call);
  if (reply == NULL)
    sync_pool_fail (sync, g_steal_pointer (&error));
  return reply;
}

/* @task's op is over: its place in the pool goes to the next one */
static void
op_done (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  sync->in_flight--;
  pool_fill (task);
  g_object_unref (task);
}

static void
op_request_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  OpCall *call = user_data;
  GTask  *task = call->task;
  Op     *op = call->op;
  Sync   *sync = g_task_get_task_data (task);
  g_autoptr(SpDavReply) reply = op_call_finish (call, source, result);

  if (reply == NULL)
    op_done (task);
  else if (op->kind == OP_CREATE && reply->status == 412 && !op->retried)
    {
      OpCall          *head = g_new0 (OpCall, 1);
      g_autofree char *url = resource_url (sync, op->href);

      head->task = task;
      head->op = op;
      sync->result->requests++;
      sp_caldav_client_request_async (SP_CALDAV_CLIENT (source), "GET", url, NULL, NULL, FALSE, NULL, NULL,
                                      SP_DAV_REQUEST_NONE, g_task_get_cancellable (task), head_cb, head);
    }
  else if (handle_reply (task, op, reply))
    g_object_unref (task);
  else
    op_done (task);
}

static void
head_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  OpCall *call = user_data;
  GTask  *task = call->task;
  Op     *op = call->op;
  Sync   *sync = g_task_get_task_data (task);
  g_autoptr(SpDavReply) reply = op_call_finish (call, source, result);

  if (reply != NULL && reply->status == 200 && reply->etag != NULL)
    {
      op->kind = OP_UPDATE;
      op->retried = TRUE;
      g_free (op->etag);
      op->etag = g_strdup (reply->etag);
      sync->in_flight--;
      start_op (task, op);
      g_object_unref (task);
      return;
    }
  if (reply != NULL)
    sync_pool_fail (sync, sp_caldav_status_error (reply->status, _("writing an event")));
  op_done (task);
}

static Op *
new_put (Sync          *sync,
         const char    *head,
         const SpBlock *block,
         const char    *uid,
         SpSyncEntry   *entry,
         icalcomponent *event,
         char          *hash)
{
  Op   *op = g_new0 (Op, 1);
  char *text;

  op->kind = entry ? OP_UPDATE : OP_CREATE;
  op->uid = g_strdup (uid);
  op->block_id = g_strdup (block->id);
  op->href = entry ? g_strdup (entry->href) : sp_caldav_href_for_uid (uid);
  op->etag = entry ? g_strdup (entry->etag) : NULL;
  /* SEQUENCE rises with each change sent, and only then */
  op->sequence = entry ? entry->sequence + 1 : 0;
  op->hash = hash;
  op->time = sp_caldav_event_time (event);
  icalcomponent_set_sequence (event, op->sequence);
  text = sp_export_ics_event_to_string (event);
  op->body = g_strconcat (head, text, "END:VCALENDAR\r\n", NULL);
  g_free (text);
  return op;
}

void
sync_push (GTask *task)
{
  Sync       *sync = g_task_get_task_data (task);
  SpSchedule *schedule = sp_planner_get_schedule (sync->planner);
  SpPlan     *plan = sp_planner_get_plan (sync->planner);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  SpExportOptions  options;
  g_autofree char *head = NULL;
  GHashTableIter   iter;
  SpSyncEntry     *entry;

  sp_export_options_init (&options, sync->planner);
  head = sp_export_ics_resource_head (schedule, &options, &error);
  if (head == NULL)
    {
      sync_finish (task, g_steal_pointer (&error));
      return;
    }

  g_clear_pointer (&sync->ops, g_ptr_array_unref);
  sync->ops = g_ptr_array_new_with_free_func (sync_op_free);
  /* Stopping wants none of the blocks: every event made is deleted */
  for (guint i = 0; !sync->remove && i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock   *block = sp_schedule_get_block (schedule, i);
      g_autofree char *uid = NULL;
      icalcomponent   *event;
      char            *hash;

      if (!is_synced (block))
        continue;
      uid = sp_export_ics_uid (plan, block);
      entry = sp_sync_record_lookup (sync->record, uid);
      event = sp_export_ics_block_event (schedule, &options, block, 0);
      hash = sp_caldav_event_hash (event);
      g_hash_table_add (wanted, g_strdup (uid));
      if (entry != NULL && g_str_equal (entry->hash, hash))
        {
          sync->result->unchanged++;
          g_free (hash);
        }
      else
        g_ptr_array_add (sync->ops, new_put (sync, head, block, uid, entry, event, hash));
      icalcomponent_free (event);
    }

  /* Whatever was sent before and is not in the schedule now */
  g_hash_table_iter_init (&iter, sync->record->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    if (!g_hash_table_contains (wanted, entry->uid))
      {
        Op *op = g_new0 (Op, 1);

        op->kind = OP_DELETE;
        op->uid = g_strdup (entry->uid);
        op->block_id = g_strdup (entry->block_id);
        op->href = g_strdup (entry->href);
        op->etag = g_strdup (entry->etag);
        g_ptr_array_add (sync->ops, op);
      }

  sync->pushing = TRUE;
  sync_pool_run (task, push_done);
}

/* Step 1: the calendar */

static void
discover_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Sync  *sync = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *calendar = sp_caldav_client_discover_finish (SP_CALDAV_CLIENT (source), result, &error);

  if (calendar == NULL)
    {
      sync_finish (task, g_steal_pointer (&error));
      return;
    }
  g_free (sync->calendar);
  sync->calendar = calendar;
  sync_pull (task);
}

void
sync_discover (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  sp_caldav_client_discover_async (g_task_get_source_object (task), sync->server, g_task_get_cancellable (task),
                                   discover_cb, task);
}

static void
start (SpCaldavClient     *client,
       SpPlanner          *planner,
       const char         *server,
       const char         *record_path,
       gboolean            remove,
       GCancellable       *cancellable,
       GAsyncReadyCallback callback,
       gpointer            user_data)
{
  GTask *task;
  Sync  *sync;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SP_IS_CALDAV_CLIENT (client));
  g_return_if_fail (SP_IS_PLANNER (planner));
  g_return_if_fail (server != NULL && record_path != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_caldav_sync_async);
  sync = g_new0 (Sync, 1);
  sync->remove = remove;
  sync->planner = g_object_ref (planner);
  sync->server = g_strdup (server);
  sync->record_path = g_strdup (record_path);
  sync->to_fetch = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sync->deleted = g_ptr_array_new_with_free_func (g_free);
  sync->edits = g_ptr_array_new_with_free_func (edit_free);
  sync->result = g_new0 (SpSyncResult, 1);
  sync->result->messages = g_ptr_array_new_with_free_func (g_free);
  sync->result->edits = g_array_new (FALSE, FALSE, sizeof (SpSyncEdit));
  g_array_set_clear_func (sync->result->edits, sync_edit_clear);
  g_task_set_task_data (task, sync, sync_free);

  if (!sp_http_check_url (server, &error))
    {
      sync_finish (task, g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_INSECURE, "%s", error->message));
      return;
    }

  sync->record = sp_sync_record_load (record_path, server, &error);
  if (sync->record == NULL)
    {
      /* A damaged record is only a cache: the server's events are adopted again */
      sync_add_message (sync, "%s", error->message);
      sync->record = sp_sync_record_new (server);
    }

  if (sync->record->calendar != NULL)
    {
      sync->calendar = g_strdup (sync->record->calendar);
      sync_pull (task);
    }
  else
    sync_discover (task);
}

/**
 * sp_caldav_sync_async:
 * @server: the address the user gave: a server, or a calendar collection
 * @record_path: the sync record, such as sp_sync_record_get_default_path()
 *
 * Keeps the calendar on @server in step with @planner's schedule, and
 * takes the server's edits into @planner (which saves them as its own).
 */
void
sp_caldav_sync_async (SpCaldavClient     *client,
                      SpPlanner          *planner,
                      const char         *server,
                      const char         *record_path,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  start (client, planner, server, record_path, FALSE, cancellable, callback, user_data);
}

/**
 * sp_caldav_sync_remove_async:
 *
 * Stopping: deletes every event a sync made on @server (the ones in the
 * record, and any of ours adopted from the calendar when the record is
 * lost), takes none of the server's edits, and removes the record once
 * nothing of ours is left. Events someone else put there stay.
 * Finish with sp_caldav_sync_finish(): the result counts the deleted.
 */
void
sp_caldav_sync_remove_async (SpCaldavClient     *client,
                             SpPlanner          *planner,
                             const char         *server,
                             const char         *record_path,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  start (client, planner, server, record_path, TRUE, cancellable, callback, user_data);
}

/**
 * sp_caldav_sync_finish:
 *
 * Returns: (transfer full): what the sync did, or %NULL with @error set
 *   (what was done before the error is kept in the record)
 */
SpSyncResult *
sp_caldav_sync_finish (SpCaldavClient *client,
                       GAsyncResult   *result,
                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
