/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
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

#define XML_TYPE       "application/xml; charset=utf-8"
#define ICS_TYPE       "text/calendar; charset=utf-8"
#define UID_SUFFIX     "@studyplanner"
#define MULTIGET_CHUNK 100

typedef enum
{
  OP_CREATE,
  OP_UPDATE,
  OP_DELETE,
  OP_FETCH,
} OpKind;

typedef struct
{
  OpKind     kind;
  char      *uid;
  char      *block_id;
  char      *href; /* the resource's name in the calendar */
  char      *etag;
  char      *body;
  char      *hash;
  char      *time;
  int        sequence;
  GPtrArray *hrefs; /* OP_FETCH: the names to fetch */
  gboolean   retried;
} Op;

typedef enum
{
  EDIT_MOVE,
  EDIT_SKIP,
} EditKind;

typedef struct
{
  EditKind kind;
  char    *block_id;
  char    *old_hash; /* what was sent last: the local side changed if the block now differs */
  guint32  day;
  guint    minute;
} Edit;

typedef struct
{
  SpPlanner    *planner;
  char         *server;
  char         *record_path;
  SpSyncRecord *record;
  gboolean      save_record;
  gboolean      remade_calendar;
  char         *calendar;
  char         *new_token;
  GHashTable   *to_fetch; /* name → etag */
  GPtrArray    *deleted;  /* names deleted on the server */
  GPtrArray    *edits;    /* element-type Edit */
  SpSyncResult *result;

  /* The pool of requests in flight */
  GPtrArray *ops;
  guint      next_op;
  guint      in_flight;
  GError    *pool_error;
  void (*pool_done) (GTask *task);
} Sync;

typedef struct
{
  GTask *task;
  Op    *op;
} OpCall;

static void pull (GTask *task);
static void discover (GTask *task);

static void
op_free (gpointer data)
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

static void
add_message (Sync       *sync,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_message (Sync       *sync,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (sync->result->messages, g_strdup_vprintf (format, args));
  va_end (args);
}

static char *
block_hash (SpPlanner     *planner,
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
  if (sync->in_flight == 0 && (sync->pool_error != NULL || sync->next_op >= sync->ops->len))
    sync->pool_done (task);
}

static void
pool_run (GTask *task,
          void (*done) (GTask *task))
{
  Sync *sync = g_task_get_task_data (task);

  sync->next_op = 0;
  sync->in_flight = 0;
  sync->pool_done = done;
  pool_fill (task);
}

static void
pool_fail (Sync   *sync,
           GError *error)
{
  if (sync->pool_error == NULL)
    sync->pool_error = error;
  else
    g_error_free (error);
}

/* The end: the record is saved whatever happened */

static void
finish (GTask  *task,
        GError *error)
{
  Sync *sync = g_task_get_task_data (task);

  if (sync->save_record)
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

  finish (task, g_steal_pointer (&sync->pool_error));
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

static void process_fetched (Sync             *sync,
                             SpDavMultistatus *status);

/* Returns whether @op was sent again (it is still in flight) */
static gboolean
handle_reply (GTask      *task,
              Op         *op,
              SpDavReply *reply)
{
  Sync *sync = g_task_get_task_data (task);
  guint status = reply->status;

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
      if (status == 412)
        {
          add_message (sync, _("“%s” was changed on the server during the sync; the next sync reads it"),
                                op->uid);
          return FALSE;
        }
      break;
    case OP_DELETE:
      if ((status >= 200 && status < 300) || status == 404 || status == 410)
        {
          sp_sync_record_remove (sync->record, op->uid);
          sync->result->deleted++;
          return FALSE;
        }
      if (status == 412)
        {
          add_message (sync, _("“%s” was changed on the server during the sync; the next sync reads it"),
                                op->uid);
          return FALSE;
        }
      break;
    case OP_FETCH:
    default:
      if (status == 207)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SpDavMultistatus) multistatus = sp_dav_multistatus_parse (g_bytes_get_data (reply->body, NULL),
                                                                               g_bytes_get_size (reply->body),
                                                                               &error);

          if (multistatus == NULL)
            {
              pool_fail (sync, g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_HTTP, "%s", error->message));
              return FALSE;
            }
          process_fetched (sync, multistatus);
          return FALSE;
        }
      break;
    }

  pool_fail (sync, sp_caldav_status_error (status, op->kind == OP_FETCH ? _("reading events")
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

static void
op_request_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  OpCall *call = user_data;
  GTask  *task = call->task;
  Op     *op = call->op;
  Sync   *sync = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDavReply) reply = sp_caldav_client_request_finish (SP_CALDAV_CLIENT (source), result, &error);

  g_free (call);
  if (reply == NULL)
    pool_fail (sync, g_steal_pointer (&error));
  else if (op->kind == OP_CREATE && reply->status == 412 && !op->retried)
    {
      OpCall          *head = g_new0 (OpCall, 1);
      g_autofree char *url = resource_url (sync, op->href);

      head->task = task;
      head->op = op;
      sync->result->requests++;
      sp_caldav_client_request_async (SP_CALDAV_CLIENT (source), "GET", url, NULL, NULL, FALSE, NULL, NULL,
                                      SP_DAV_REQUEST_NONE, g_task_get_cancellable (task), head_cb, head);
      return;
    }
  else if (handle_reply (task, op, reply))
    {
      g_object_unref (task);
      return;
    }

  sync->in_flight--;
  pool_fill (task);
  g_object_unref (task);
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
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDavReply) reply = sp_caldav_client_request_finish (SP_CALDAV_CLIENT (source), result, &error);

  g_free (call);
  if (reply == NULL)
    pool_fail (sync, g_steal_pointer (&error));
  else if (reply->status == 200 && reply->etag != NULL)
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
  else
    pool_fail (sync, sp_caldav_status_error (reply->status, _("writing an event")));

  sync->in_flight--;
  pool_fill (task);
  g_object_unref (task);
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
  text = icalcomponent_as_ical_string_r (event);
  op->body = g_strconcat (head, text, "END:VCALENDAR\r\n", NULL);
  icalmemory_free_buffer (text);
  return op;
}

static void
push (GTask *task)
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
      finish (task, g_steal_pointer (&error));
      return;
    }

  g_clear_pointer (&sync->ops, g_ptr_array_unref);
  sync->ops = g_ptr_array_new_with_free_func (op_free);
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
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

  pool_run (task, push_done);
}

/* Step 3: the server's edits, into the planner */

static void
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
  hash = block_hash (sync->planner, block);
  return !g_str_equal (hash, edit->old_hash);
}

static void
apply_edits (GTask *task)
{
  Sync                *sync = g_task_get_task_data (task);
  g_autofree gboolean *both_sides = g_new0 (gboolean, sync->edits->len + 1);

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
              add_message (sync, _("“%s” was moved on the server, but could not be moved here: %s"),
                                    title, error->message);
              continue;
            }
          sync->result->pinned++;
          add_applied (sync, edit);
          if (both)
            {
              sync->result->conflicts++;
              add_message (sync, _("“%s” changed here and on the server; the server’s time was kept"), title);
            }
        }
      else
        {
          if (block->status != SP_BLOCK_STATUS_PLANNED)
            {
              /* Done work is not undone by a deleted event; it is written again */
              add_message (sync, _("“%s” was deleted on the server, but it is marked done here; it was written again"),
                                    title);
              continue;
            }
          if (!sp_planner_mark_block (sync->planner, edit->block_id, SP_BLOCK_STATUS_SKIPPED, 0, &error))
            {
              sync->result->conflicts++;
              add_message (sync, _("“%s” was deleted on the server, but could not be skipped here: %s"),
                                    title, error->message);
              continue;
            }
          sync->result->skipped++;
          add_applied (sync, edit);
          if (both)
            {
              sync->result->conflicts++;
              add_message (sync, _("“%s” changed here and was deleted on the server; it was skipped"), title);
            }
        }
    }
  push (task);
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

static void
process_fetched (Sync             *sync,
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
      finish (task, g_steal_pointer (&sync->pool_error));
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
  sync->ops = g_ptr_array_new_with_free_func (op_free);
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
  pool_run (task, fetch_done);
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

  if (sync->remade_calendar)
    {
      finish (task, g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_HTTP,
                                 _("The calendar could not be found on the server")));
      return;
    }
  /* Deleted on the server: start again in a new one */
  sync->remade_calendar = TRUE;
  g_clear_pointer (&sync->record, sp_sync_record_free);
  sync->record = sp_sync_record_new (sync->server);
  add_message (sync, _("The calendar was deleted on the server; it was made again"));
  discover (task);
}

static void
listing_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Sync  *sync = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDavReply) reply = sp_caldav_client_request_finish (SP_CALDAV_CLIENT (source), result, &error);
  g_autoptr(SpDavMultistatus) status = NULL;
  g_autoptr(GHashTable) listed = NULL;
  g_autofree char *calendar_name = NULL;
  GHashTableIter   iter;
  SpSyncEntry     *entry;

  if (reply == NULL)
    {
      finish (task, g_steal_pointer (&error));
      return;
    }
  if (reply->status == 404 || reply->status == 410)
    {
      calendar_gone (task);
      return;
    }
  if (reply->status != 207)
    {
      finish (task, sp_caldav_status_error (reply->status, _("reading the calendar")));
      return;
    }
  status = sp_dav_multistatus_parse (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body), &error);
  if (status == NULL)
    {
      finish (task, g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_NOT_CALDAV, "%s", error->message));
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
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDavReply) reply = sp_caldav_client_request_finish (SP_CALDAV_CLIENT (source), result, &error);
  g_autoptr(SpDavMultistatus) status = NULL;

  if (reply == NULL)
    {
      finish (task, g_steal_pointer (&error));
      return;
    }
  if (reply->status == SOUP_STATUS_UNAUTHORIZED)
    {
      finish (task, sp_caldav_status_error (reply->status, NULL));
      return;
    }
  if (reply->status == 207)
    status = sp_dav_multistatus_parse (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body), NULL);
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

static void
pull (GTask *task)
{
  Sync            *sync = g_task_get_task_data (task);
  g_autofree char *token = NULL;
  g_autofree char *body = NULL;

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

  token = g_markup_escape_text (sync->record->sync_token, -1);
  body = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                          "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>%s</d:sync-token>"
                          "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>",
                          token);
  sync->result->requests++;
  sp_caldav_client_request_async (g_task_get_source_object (task), "REPORT", sync->calendar, "0", NULL, FALSE,
                                  XML_TYPE, body, SP_DAV_REQUEST_NONE, g_task_get_cancellable (task),
                                  sync_collection_cb, task);
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
      finish (task, g_steal_pointer (&error));
      return;
    }
  g_free (sync->calendar);
  sync->calendar = calendar;
  pull (task);
}

static void
discover (GTask *task)
{
  Sync *sync = g_task_get_task_data (task);

  sp_caldav_client_discover_async (g_task_get_source_object (task), sync->server, g_task_get_cancellable (task),
                                   discover_cb, task);
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
  GTask *task;
  Sync  *sync;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SP_IS_CALDAV_CLIENT (client));
  g_return_if_fail (SP_IS_PLANNER (planner));
  g_return_if_fail (server != NULL && record_path != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_caldav_sync_async);
  sync = g_new0 (Sync, 1);
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
      finish (task, g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_INSECURE, "%s", error->message));
      return;
    }

  sync->record = sp_sync_record_load (record_path, server, &error);
  if (sync->record == NULL)
    {
      /* A damaged record is only a cache: the server's events are adopted again */
      add_message (sync, "%s", error->message);
      sync->record = sp_sync_record_new (server);
    }

  if (sync->record->calendar != NULL)
    {
      sync->calendar = g_strdup (sync->record->calendar);
      pull (task);
    }
  else
    discover (task);
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
