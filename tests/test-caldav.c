/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sp-caldav-client.h"
#include "sp-caldav-sync.h"
#include "sp-dav-xml.h"
#include "sp-export.h"
#include "sp-planner.h"
#include "sp-sync-event.h"
#include "sp-sync-record.h"
#include "sp-test-core.h"
#include "sp-test-files.h"
#include "sp-test-radicale.h"

/* CalDAV sync against a real server: Radicale (the Debian package),
 * started on 127.0.0.1 with its storage in a temporary folder. Each case
 * syncs as a user of its own, so each has its own calendar home. Another
 * client's edits are plain HTTP requests made here. */

#define START_DAY "2025-03-03"

static SpTestRadicale *shared;

/* A small path (tests/data/plans/sync.json, about 80 blocks) from 3 March
 * 2025 in Europe/Bucharest: Radicale checks every event of a calendar for
 * a clashing UID on each new one, so the bundled path would take minutes */
static SpPlanner *
make_planner (guint block_minutes)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "plans", "sync.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = sp_plan_new_from_file (file, NULL, &error);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  g_autoptr(SpAvailability) availability = sp_availability_new ();
  SpPlanner *planner;

  g_assert_no_error (error);
  planner = sp_planner_new (plan);
  sp_planner_set_timezone (planner, tz);
  sp_planner_set_today (planner, sp_test_date (START_DAY));
  availability->start_day = sp_test_date (START_DAY);
  availability->block_minutes = (guint16) block_minutes;
  sp_planner_set_availability (planner, availability);
  return planner;
}

static char *records_dir;

static char *
record_path (const char *name)
{
  return g_build_filename (records_dir, name, NULL);
}

static SpSyncResult *
sync_now (SpPlanner  *planner,
          const char *url,
          const char *user,
          const char *password,
          const char *record,
          GError    **error)
{
  g_autoptr(SpCaldavClient) client = sp_caldav_client_new (user, password);

  return sp_caldav_sync_run (client, planner, url, record, NULL, error);
}

/* The first sync of @planner to @user's calendar on the shared server,
 * with no record left from an earlier run */
static SpSyncResult *
sync_afresh (SpPlanner  *planner,
             const char *user,
             const char *record)
{
  g_autoptr(GError) error = NULL;
  SpSyncResult *result;

  g_remove (record);
  result = sync_now (planner, shared->url, user, "x", record, &error);
  g_assert_no_error (error);
  return result;
}

/* A case that syncs as a user of its own (the case's data), its record
 * named after the user, from the first sync of its calendar on */
typedef struct
{
  SpPlanner    *planner;
  const char   *user;
  char         *record;
  SpSyncResult *first;
} Synced;

static void
synced_setup (Synced       *f,
              gconstpointer user)
{
  g_autofree char *name = g_strconcat (user, ".json", NULL);

  f->planner = make_planner (50);
  f->user = user;
  f->record = record_path (name);
  f->first = sync_afresh (f->planner, f->user, f->record);
}

static void
synced_teardown (Synced       *f,
                 gconstpointer user)
{
  g_clear_pointer (&f->first, sp_sync_result_free);
  g_clear_pointer (&f->record, g_free);
  g_clear_object (&f->planner);
}

/* Syncs again, as the case's user, what must succeed */
static SpSyncResult *
sync_again (Synced *f)
{
  g_autoptr(GError) error = NULL;
  SpSyncResult *result = sync_now (f->planner, shared->url, f->user, "x", f->record, &error);

  g_assert_no_error (error);
  return result;
}

/* Another client: plain HTTP */

static SoupMessage *
http_message (const char *method,
              const char *url,
              const char *user,
              const char *body)
{
  SoupMessage     *message = soup_message_new (method, url);
  g_autofree char *credentials = g_strdup_printf ("%s:x", user);
  g_autofree char *encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  g_autofree char *authorization = g_strdup_printf ("Basic %s", encoded);

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "text/calendar; charset=utf-8", bytes);
    }
  return message;
}

static GBytes *
http_send (SoupMessage *message,
           guint        expected)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  GBytes *body = soup_session_send_and_read (session, message, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, expected);
  return body;
}

/* The record's sync token, asked again: no change since */
static void
assert_no_changes_since_token (const char *record_path,
                               const char *calendar,
                               const char *user)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSyncRecord) record = sp_sync_record_load (record_path, shared->url, &error);
  g_autoptr(SoupMessage) message = http_message ("REPORT", calendar, user, NULL);
  g_autofree char *query = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SpDavMultistatus) status = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (record->sync_token);
  query = g_strdup_printf ("<?xml version=\"1.0\"?><d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>%s"
                           "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop>"
                           "</d:sync-collection>",
                           record->sync_token);
  request = g_bytes_new (query, strlen (query));
  soup_message_set_request_body_from_bytes (message, "application/xml", request);
  body = http_send (message, 207);
  status = sp_dav_multistatus_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status->responses->len, ==, 0);
}

/* Every event in @calendar, UID → its calendar text */
static GHashTable *
server_events (const char *calendar,
               const char *user)
{
  g_autoptr(SoupMessage) message = http_message ("REPORT", calendar, user, NULL);
  const char *query = "<?xml version=\"1.0\"?><c:calendar-query xmlns:d=\"DAV:\" "
                      "xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/><c:calendar-data/></d:prop>"
                      "<c:filter><c:comp-filter name=\"VCALENDAR\"/></c:filter></c:calendar-query>";
  g_autoptr(GBytes) request = g_bytes_new_static (query, strlen (query));
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SpDavMultistatus) status = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  soup_message_headers_replace (soup_message_get_request_headers (message), "Depth", "1");
  soup_message_set_request_body_from_bytes (message, "application/xml", request);
  body = http_send (message, 207);
  status = sp_dav_multistatus_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < status->responses->len; i++)
    {
      SpDavResponse *response = g_ptr_array_index (status->responses, i);
      icalcomponent *component;
      icalcomponent *event;

      g_assert_nonnull (response->calendar_data);
      component = icalcomponent_new_from_string (response->calendar_data);
      g_assert_nonnull (component);
      event = icalcomponent_get_first_component (component, ICAL_VEVENT_COMPONENT);
      g_assert_nonnull (event);
      /* No duplicates: one resource per UID */
      g_assert_false (g_hash_table_contains (events, icalcomponent_get_uid (event)));
      g_hash_table_insert (events, g_strdup (icalcomponent_get_uid (event)), g_strdup (response->calendar_data));
      icalcomponent_free (component);
    }
  return events;
}

/* The server holds exactly the schedule: every block not skipped, at its time */
static void
assert_server_matches (SpPlanner  *planner,
                       const char *calendar,
                       const char *user)
{
  g_autoptr(GHashTable) events = server_events (calendar, user);
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  guint       n = 0;

  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock   *block = sp_schedule_get_block (schedule, i);
      g_autofree char *uid = sp_export_ics_uid (sp_planner_get_plan (planner), block);
      const char      *text = g_hash_table_lookup (events, uid);
      SpExportOptions  options;
      icalcomponent   *mine;
      icalcomponent   *theirs;
      g_autofree char *mine_time = NULL;
      g_autofree char *their_time = NULL;

      if (block->status == SP_BLOCK_STATUS_SKIPPED)
        {
          g_assert_null (text);
          continue;
        }
      g_assert_nonnull (text);
      n++;
      sp_export_options_init (&options, planner);
      mine = sp_export_ics_block_event (schedule, &options, block, 0);
      theirs = icalcomponent_new_from_string (text);
      mine_time = sp_caldav_event_time (mine);
      their_time = sp_caldav_event_time (icalcomponent_get_first_component (theirs, ICAL_VEVENT_COMPONENT));
      g_assert_cmpstr (mine_time, ==, their_time);
      icalcomponent_free (mine);
      icalcomponent_free (theirs);
    }
  g_assert_cmpuint (g_hash_table_size (events), ==, n);
}

static char *
event_url (const char *calendar,
           SpPlanner  *planner,
           const char *block_id)
{
  const SpBlock   *block = sp_schedule_lookup_block (sp_planner_get_schedule (planner), block_id);
  g_autofree char *uid = sp_export_ics_uid (sp_planner_get_plan (planner), block);
  g_autofree char *name = sp_caldav_href_for_uid (uid);

  return g_strconcat (calendar, name, NULL);
}

/* Moves the event of @block_id on the server to @day at @minute, as another client would */
static void
move_on_server (const char *calendar,
                const char *user,
                SpPlanner  *planner,
                const char *block_id,
                guint32     day,
                guint       minute)
{
  g_autofree char *url = event_url (calendar, planner, block_id);
  g_autoptr(SoupMessage) get = http_message ("GET", url, user, NULL);
  g_autoptr(GBytes) body = http_send (get, 200);
  g_autofree char    *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  const char         *etag = soup_message_headers_get_one (soup_message_get_response_headers (get), "ETag");
  icalcomponent      *calendar_component = icalcomponent_new_from_string (text);
  icalcomponent      *event = icalcomponent_get_first_component (calendar_component, ICAL_VEVENT_COMPONENT);
  const SpBlock      *block = sp_schedule_lookup_block (sp_planner_get_schedule (planner), block_id);
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  struct icaltimetype end;
  g_autoptr(SoupMessage) put = NULL;
  g_autoptr(GBytes) answer = NULL;
  icalproperty *p;
  GDate         date_value;
  char         *ical;

  g_assert_nonnull (etag);
  g_date_clear (&date_value, 1);
  g_date_set_julian (&date_value, day);
  start.year = g_date_get_year (&date_value);
  start.month = g_date_get_month (&date_value);
  start.day = g_date_get_day (&date_value);
  start.hour = (int) (minute / 60);
  start.minute = (int) (minute % 60);
  end = start;
  icaltime_adjust (&end, 0, 0, block->minutes, 0);
  /* Keep the TZID: set the values, not the properties */
  p = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalproperty_set_dtstart (p, start);
  p = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  icalproperty_set_dtend (p, end);
  icalcomponent_set_sequence (event, icalcomponent_get_sequence (event) + 1);
  ical = icalcomponent_as_ical_string (calendar_component);
  put = http_message ("PUT", url, user, ical);
  soup_message_headers_replace (soup_message_get_request_headers (put), "If-Match", etag);
  answer = http_send (put, 201);
  icalcomponent_free (calendar_component);
}

static void
delete_on_server (const char *calendar,
                  const char *user,
                  SpPlanner  *planner,
                  const char *block_id)
{
  g_autofree char *url = event_url (calendar, planner, block_id);
  g_autoptr(SoupMessage) message = http_message ("DELETE", url, user, NULL);
  g_autoptr(GBytes) body = http_send (message, 200);
}

/* A planned block after @from, by index among the planned ones */
static char *
planned_block (SpPlanner *planner,
               guint32    from,
               guint      nth)
{
  SpSchedule *schedule = sp_planner_get_schedule (planner);

  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);

      if (block->day >= from && block->status == SP_BLOCK_STATUS_PLANNED && !block->pinned && nth-- == 0)
        return g_strdup (block->id);
    }
  g_assert_not_reached ();
}

/* Cases ----------------------------------------------------------------- */

static void
test_xml (void)
{
  const char *xml =
      "<?xml version='1.0' encoding='utf-8'?>\n"
      "<D:multistatus xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
      "<D:response><D:href>/u/cal/</D:href><D:propstat><D:prop>"
      "<D:resourcetype><D:collection/><C:calendar/></D:resourcetype><D:sync-token>tok1</D:sync-token>"
      "</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat>"
      "<D:propstat><D:prop><D:getetag/></D:prop><D:status>HTTP/1.1 404 Not Found</D:status></D:propstat>"
      "</D:response>"
      "<response xmlns=\"DAV:\"><href>/u/cal/a.ics</href><propstat><prop><getetag>\"e1\"</getetag>"
      "<calendar-data xmlns=\"urn:ietf:params:xml:ns:caldav\">BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n</calendar-data>"
      "</prop><status>HTTP/1.1 200 OK</status></propstat></response>"
      "<D:response><D:href>/u/cal/gone.ics</D:href><D:status>HTTP/1.1 404 Not Found</D:status></D:response>"
      "<D:response><D:href>/</D:href><D:propstat><D:prop><D:current-user-principal><D:href>/u/</D:href>"
      "</D:current-user-principal><C:calendar-home-set><D:href>/u/home/</D:href></C:calendar-home-set>"
      "</D:prop></D:propstat></D:response>"
      "<D:sync-token>tok2</D:sync-token></D:multistatus>";
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDavMultistatus) status = sp_dav_multistatus_parse (xml, strlen (xml), &error);
  SpDavResponse *r;

  g_assert_no_error (error);
  g_assert_cmpuint (status->responses->len, ==, 4);
  g_assert_cmpstr (status->sync_token, ==, "tok2");
  r = g_ptr_array_index (status->responses, 0);
  g_assert_true (r->is_collection && r->is_calendar);
  g_assert_cmpstr (r->sync_token, ==, "tok1");
  g_assert_null (r->etag);
  r = g_ptr_array_index (status->responses, 1);
  g_assert_cmpstr (r->href, ==, "/u/cal/a.ics");
  g_assert_cmpstr (r->etag, ==, "\"e1\"");
  /* XML reads CR LF as LF; libical takes either */
  g_assert_cmpstr (r->calendar_data, ==, "BEGIN:VCALENDAR\nEND:VCALENDAR\n");
  g_assert_false (r->is_calendar);
  r = g_ptr_array_index (status->responses, 2);
  g_assert_cmpuint (r->status, ==, 404);
  r = g_ptr_array_index (status->responses, 3);
  g_assert_cmpstr (r->principal, ==, "/u/");
  g_assert_cmpstr (r->home, ==, "/u/home/");

  /* Prefixes are names, not namespaces: "D:calendar" in another namespace is not a calendar */
  {
    const char *other = "<x:multistatus xmlns:x=\"DAV:\" xmlns:D=\"urn:other\"><x:response><x:href>/a/</x:href>"
                        "<x:propstat><x:prop><x:resourcetype><D:calendar/></x:resourcetype></x:prop>"
                        "</x:propstat></x:response></x:multistatus>";
    g_autoptr(SpDavMultistatus) parsed = sp_dav_multistatus_parse (other, strlen (other), &error);

    g_assert_no_error (error);
    g_assert_false (((SpDavResponse *) g_ptr_array_index (parsed->responses, 0))->is_calendar);
  }

  /* Not XML, and XML that is not a multistatus */
  g_assert_null (sp_dav_multistatus_parse ("<html><body>", 12, &error));
  g_assert_error (error, SP_DAV_XML_ERROR, SP_DAV_XML_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (sp_dav_multistatus_parse ("<html></html>", 13, &error));
  g_assert_error (error, SP_DAV_XML_ERROR, SP_DAV_XML_ERROR_NOT_DAV);
  g_clear_error (&error);

  g_assert_cmpuint (sp_dav_parse_status_line ("HTTP/1.1 207 Multi-Status"), ==, 207);
  g_assert_cmpuint (sp_dav_parse_status_line ("nonsense"), ==, 0);
}

static void
test_discovery (void)
{
  g_autoptr(SpPlanner) planner = make_planner (50);
  g_autofree char *record = record_path ("discovery.json");
  g_autofree char *other_record = record_path ("discovery-other.json");
  g_autofree char *expected = g_strconcat (shared->url, "discovery/study-planner/", NULL);
  g_autofree char *collection = g_strconcat (shared->url, "discovery/mine/", NULL);
  g_autoptr(SpSyncResult) first = NULL;
  g_autoptr(SpSyncResult) again = NULL;
  g_autoptr(SpSyncResult) given = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) mkcalendar = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GHashTable) events = NULL;

  g_remove (record);
  g_remove (other_record);

  /* From the server's address alone: principal, home, a calendar made there */
  first = sync_now (planner, shared->url, "discovery", "x", record, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->calendar, ==, expected);

  /* Made before, the record lost: the same calendar is used again */
  g_assert_cmpint (g_remove (record), ==, 0);
  again = sync_now (planner, shared->url, "discovery", "x", record, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->calendar, ==, expected);
  g_assert_cmpuint (again->created, ==, 0);

  /* A calendar collection's address: used as it is */
  mkcalendar = http_message ("MKCALENDAR", collection, "discovery", NULL);
  body = http_send (mkcalendar, 201);
  g_clear_pointer (&given, sp_sync_result_free);
  given = sync_now (planner, collection, "discovery", "x", other_record, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (given->calendar, ==, collection);
  g_assert_cmpuint (given->created, ==, sp_test_n_synced_blocks (planner));
  events = server_events (collection, "discovery");
  g_assert_cmpuint (g_hash_table_size (events), ==, sp_test_n_synced_blocks (planner));
}

static void
test_push (Synced       *f,
           gconstpointer user)
{
  g_autoptr(SpSyncResult) second = NULL;
  g_autoptr(GHashTable) events = NULL;
  GHashTableIter iter;
  const char    *uid, *text;
  guint          n = sp_test_n_synced_blocks (f->planner);

  g_assert_cmpuint (f->first->created, ==, n);
  g_assert_cmpuint (f->first->puts, ==, n);
  g_assert_cmpuint (f->first->updated + f->first->deleted + f->first->unchanged + f->first->conflicts, ==, 0);
  assert_server_matches (f->planner, f->first->calendar, f->user);

  /* Each resource: one event, no METHOD, TZID with its VTIMEZONE, named by a hash of its UID */
  events = server_events (f->first->calendar, f->user);
  g_hash_table_iter_init (&iter, events);
  while (g_hash_table_iter_next (&iter, (gpointer *) &uid, (gpointer *) &text))
    {
      icalcomponent *calendar = icalcomponent_new_from_string (text);

      g_assert_null (icalcomponent_get_first_property (calendar, ICAL_METHOD_PROPERTY));
      g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
      g_assert_nonnull (icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT));
      g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Bucharest:"));
      g_assert_true (g_str_has_suffix (uid, "@studyplanner"));
      icalcomponent_free (calendar);
    }

  /* The token kept covers the push's own writes: nothing to read back */
  assert_no_changes_since_token (f->record, f->first->calendar, f->user);

  /* Nothing changed: nothing sent */
  second = sync_again (f);
  g_assert_cmpuint (second->puts, ==, 0);
  g_assert_cmpuint (second->unchanged, ==, n);
  g_assert_cmpuint (second->created + second->updated + second->deleted + second->conflicts, ==, 0);
}

typedef struct
{
  GAsyncResult *result;
  guint         done;
  guint         total;
  guint         reports;
} Waiter;

static void
waiter_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ((Waiter *) user_data)->result = g_object_ref (result);
}

static void
progress_cb (SpCaldavClient *client,
             guint           done,
             guint           total,
             Waiter         *waiter)
{
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, waiter->done);
  waiter->done = done;
  waiter->total = total;
  waiter->reports++;
}

static void
waiter_run (Waiter *waiter)
{
  while (waiter->result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Stop Syncing: every event made goes, someone else's stays, the record goes */
static void
test_stop (void)
{
  g_autoptr(SpPlanner) planner = make_planner (50);
  g_autofree char *record = record_path ("stop.json");
  g_autoptr(SpCaldavClient) client = sp_caldav_client_new ("stop", "x");
  g_autoptr(SpSyncResult) first = NULL;
  g_autoptr(SpSyncResult) removed = NULL;
  g_autoptr(GHashTable) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) put = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autofree char *foreign_url = NULL;
  Waiter           waiter = { NULL };
  guint            n = sp_test_n_synced_blocks (planner);
  const char      *foreign = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
                             "UID:dentist@example.org\r\nDTSTAMP:20250301T100000Z\r\n"
                             "DTSTART:20250305T100000Z\r\nDTEND:20250305T110000Z\r\nSUMMARY:Dentist\r\n"
                             "END:VEVENT\r\nEND:VCALENDAR\r\n";

  g_remove (record);
  g_signal_connect (client, "progress", G_CALLBACK (progress_cb), &waiter);
  first = sp_caldav_sync_run (client, planner, shared->url, record, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->created, ==, n);
  /* The push told how far it was, up to the last event */
  g_assert_cmpuint (waiter.total, ==, n);
  g_assert_cmpuint (waiter.done, ==, n);
  g_assert_cmpuint (waiter.reports, >, 1);

  foreign_url = g_strconcat (first->calendar, "dentist.ics", NULL);
  put = http_message ("PUT", foreign_url, "stop", foreign);
  answer = http_send (put, 201);

  memset (&waiter, 0, sizeof waiter);
  sp_caldav_sync_remove_async (client, planner, shared->url, record, NULL, waiter_cb, &waiter);
  waiter_run (&waiter);
  removed = sp_caldav_sync_finish (client, waiter.result, &error);
  g_clear_object (&waiter.result);
  g_assert_no_error (error);
  g_assert_cmpuint (removed->deleted, ==, n);
  g_assert_cmpuint (removed->created + removed->updated + removed->puts, ==, 0);
  g_assert_false (g_file_test (record, G_FILE_TEST_EXISTS));

  events = server_events (first->calendar, "stop");
  g_assert_cmpuint (g_hash_table_size (events), ==, 1);
  g_assert_true (g_hash_table_contains (events, "dentist@example.org"));
}

/* Basic and Digest: libsoup answers either, once */

static char *
digest_password_cb (SoupAuthDomain    *domain,
                    SoupServerMessage *message,
                    const char        *user,
                    gpointer           user_data)
{
  return g_str_equal (user, "ana") ? soup_auth_domain_digest_encode_password (user, "Study", "secret") : NULL;
}

static gboolean
basic_auth_cb (SoupAuthDomain    *domain,
               SoupServerMessage *message,
               const char        *user,
               const char        *password,
               gpointer           user_data)
{
  return g_str_equal (user, "ana") && g_str_equal (password, "secret");
}

static void
calendar_cb (SoupServer        *server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  static const char page[] = "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\" "
                             "xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:response><d:href>/cal/</d:href>"
                             "<d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype>"
                             "</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
                             "</d:multistatus>";

  soup_server_message_set_status (message, 207, NULL);
  soup_server_message_set_response (message, "application/xml", SOUP_MEMORY_STATIC, page, strlen (page));
}

static char *
discover_with (const char *url,
               const char *password,
               GError    **error)
{
  g_autoptr(SpCaldavClient) client = sp_caldav_client_new ("ana", password);
  Waiter waiter = { NULL };
  char  *found;

  sp_caldav_client_discover_async (client, url, NULL, waiter_cb, &waiter);
  waiter_run (&waiter);
  found = sp_caldav_client_discover_finish (client, waiter.result, error);
  g_object_unref (waiter.result);
  return found;
}

static void
test_auth_schemes (void)
{
  for (guint digest = 0; digest < 2; digest++)
    {
      g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
      g_autoptr(SoupAuthDomain) domain = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *base = NULL;
      g_autofree char *url = NULL;
      g_autofree char *found = NULL;
      GSList          *uris;

      if (digest)
        domain = soup_auth_domain_digest_new ("realm", "Study", "auth-callback", digest_password_cb, NULL);
      else
        domain = soup_auth_domain_basic_new ("realm", "Study", "auth-callback", basic_auth_cb, NULL);
      soup_auth_domain_add_path (domain, "/");
      soup_server_add_auth_domain (server, domain);
      soup_server_add_handler (server, NULL, calendar_cb, NULL, NULL);
      soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
      g_assert_no_error (error);
      uris = soup_server_get_uris (server);
      base = g_uri_to_string (uris->data);
      g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
      url = g_strconcat (base, "cal/", NULL);

      found = discover_with (url, "secret", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (found, ==, url);
      g_clear_pointer (&found, g_free);

      found = discover_with (url, "wrong", &error);
      g_assert_error (error, SP_CALDAV_ERROR, SP_CALDAV_ERROR_AUTH);
      g_assert_null (found);
    }
}

static void
test_replan (Synced       *f,
             gconstpointer user)
{
  g_autoptr(SpSyncResult) second = NULL;
  g_autoptr(SpSyncResult) third = NULL;
  g_autoptr(SpAvailability) availability = NULL;
  g_autofree char *moved = NULL;

  /* Other hours: more blocks a week, so the path ends sooner and its last blocks vanish */
  availability = sp_availability_copy (sp_planner_get_availability (f->planner));
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    sp_availability_set_day (availability, d, d < 5 ? 240 : 0, 17 * 60);
  sp_planner_set_availability (f->planner, availability);
  second = sync_again (f);
  g_assert_cmpuint (second->updated, >, 0);
  g_assert_cmpuint (second->deleted + second->created, >, 0);
  g_assert_cmpuint (second->conflicts, ==, 0);
  assert_server_matches (f->planner, f->first->calendar, f->user);

  /* SEQUENCE rose only for what changed */
  third = sync_again (f);
  g_assert_cmpuint (third->puts, ==, 0);
  moved = planned_block (f->planner, sp_test_date (START_DAY), 0);
  {
    g_autofree char *url = event_url (f->first->calendar, f->planner, moved);
    g_autoptr(SoupMessage) get = http_message ("GET", url, f->user, NULL);
    g_autoptr(GBytes) body = http_send (get, 200);

    g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), (gssize) g_bytes_get_size (body), "SEQUENCE:1"));
  }
}

static void
test_lost_record (Synced       *f,
                  gconstpointer user)
{
  g_autoptr(SpSyncResult) second = NULL;
  g_autoptr(SpSyncResult) third = NULL;
  g_autoptr(SpAvailability) availability = NULL;
  guint n = sp_test_n_synced_blocks (f->planner);

  /* A new machine: nothing created again, nothing even sent */
  g_assert_cmpint (g_remove (f->record), ==, 0);
  second = sync_again (f);
  g_assert_cmpuint (second->created, ==, 0);
  g_assert_cmpuint (second->puts, ==, 0);
  g_assert_cmpuint (second->unchanged, ==, n);
  assert_server_matches (f->planner, f->first->calendar, f->user);

  /* Lost, and the plan changed meanwhile: the stale events are still found and deleted */
  g_assert_cmpint (g_remove (f->record), ==, 0);
  availability = sp_availability_copy (sp_planner_get_availability (f->planner));
  availability->block_minutes = 90;
  sp_planner_set_availability (f->planner, availability);
  third = sync_again (f);
  assert_server_matches (f->planner, f->first->calendar, f->user);

  /* A damaged record is the same as none */
  g_assert_true (g_file_set_contents (f->record, "{not json", -1, NULL));
  g_clear_pointer (&third, sp_sync_result_free);
  third = sync_again (f);
  g_assert_cmpuint (third->puts, ==, 0);
  g_assert_cmpuint (third->messages->len, ==, 1);
  assert_server_matches (f->planner, f->first->calendar, f->user);
}

static void
test_server_edits (Synced       *f,
                   gconstpointer user)
{
  g_autoptr(SpSyncResult) second = NULL;
  g_autoptr(SpSyncResult) third = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *deleted = NULL;
  const SpBlock   *block;
  guint32          target;

  /* In another client: one event moved to 6:00 two weeks on, one deleted */
  moved = planned_block (f->planner, sp_test_date (START_DAY) + 7, 0);
  deleted = planned_block (f->planner, sp_test_date (START_DAY) + 7, 3);
  block = sp_schedule_lookup_block (sp_planner_get_schedule (f->planner), moved);
  target = block->day + 14;
  move_on_server (f->first->calendar, f->user, f->planner, moved, target, 6 * 60);
  delete_on_server (f->first->calendar, f->user, f->planner, deleted);

  second = sync_again (f);
  g_assert_cmpuint (second->pinned, ==, 1);
  g_assert_cmpuint (second->skipped, ==, 1);
  g_assert_cmpuint (second->conflicts, ==, 0);

  block = sp_schedule_lookup_block (sp_planner_get_schedule (f->planner), moved);
  g_assert_true (block->pinned);
  g_assert_cmpuint (block->day, ==, target);
  g_assert_cmpuint (block->start, ==, 6 * 60);
  block = sp_schedule_lookup_block (sp_planner_get_schedule (f->planner), deleted);
  g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_SKIPPED);
  assert_server_matches (f->planner, f->first->calendar, f->user);

  /* And then nothing more to do */
  third = sync_again (f);
  g_assert_cmpuint (third->puts, ==, 0);
  g_assert_cmpuint (third->pinned + third->skipped + third->conflicts, ==, 0);
}

static void
test_conflict (Synced       *f,
               gconstpointer user)
{
  g_autoptr(SpSyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const SpBlock   *block;
  guint32          target;

  /* Moved on the server, and given a note here */
  id = planned_block (f->planner, sp_test_date (START_DAY) + 7, 1);
  block = sp_schedule_lookup_block (sp_planner_get_schedule (f->planner), id);
  target = block->day + 3;
  move_on_server (f->first->calendar, f->user, f->planner, id, target, 7 * 60);
  g_assert_true (sp_planner_set_block_note (f->planner, id, "Bring the notebook", &error));
  g_assert_no_error (error);

  second = sync_again (f);
  g_assert_cmpuint (second->conflicts, ==, 1);
  g_assert_cmpuint (second->messages->len, ==, 1);
  block = sp_schedule_lookup_block (sp_planner_get_schedule (f->planner), id);
  g_assert_cmpuint (block->day, ==, target);
  g_assert_cmpuint (block->start, ==, 7 * 60);
  g_assert_cmpstr (block->note, ==, "Bring the notebook");
  assert_server_matches (f->planner, f->first->calendar, f->user);
}

static void
test_unauthorized (void)
{
  SpTestRadicale *radicale = sp_test_radicale_new ("ana:secret\n");
  g_autoptr(SpPlanner) planner = make_planner (50);
  g_autofree char *record = record_path ("auth.json");
  g_autoptr(SpSyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_remove (record);
  result = sync_now (planner, radicale->url, "ana", "wrong", record, &error);
  g_assert_error (error, SP_CALDAV_ERROR, SP_CALDAV_ERROR_AUTH);
  g_assert_null (result);
  g_clear_error (&error);
  result = sync_now (planner, radicale->url, NULL, NULL, record, &error);
  g_assert_error (error, SP_CALDAV_ERROR, SP_CALDAV_ERROR_AUTH);
  g_clear_error (&error);

  result = sync_now (planner, radicale->url, "ana", "secret", record, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->created, ==, sp_test_n_synced_blocks (planner));
  sp_test_radicale_free (radicale);
}

static void
not_caldav_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  const char *page = "<html><body>Hello</body></html>";

  /* A web site: pages for GET, nothing it knows for PROPFIND */
  if (g_str_equal (soup_server_message_get_method (message), "GET"))
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
    }
  else
    soup_server_message_set_status (message, 405, NULL);
}

static void
test_not_caldav (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlanner) planner = make_planner (50);
  g_autofree char *record = record_path ("not-caldav.json");
  g_autoptr(SpSyncResult) result = NULL;
  g_autofree char *url = NULL;
  GSList          *uris;

  soup_server_add_handler (server, NULL, not_caldav_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  result = sync_now (planner, url, "someone", "x", record, &error);
  g_assert_error (error, SP_CALDAV_ERROR, SP_CALDAV_ERROR_NOT_CALDAV);
  g_assert_null (result);
  g_assert_false (g_file_test (record, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Nothing listening, and plain http to another computer */
  result = sync_now (planner, "http://127.0.0.1:1/", "someone", "x", record, &error);
  g_assert_error (error, SP_CALDAV_ERROR, SP_CALDAV_ERROR_NETWORK);
  g_clear_error (&error);
  result = sync_now (planner, "http://example.com/dav/", "someone", "x", record, &error);
  g_assert_error (error, SP_CALDAV_ERROR, SP_CALDAV_ERROR_INSECURE);
}

typedef struct
{
  SpTestRadicale *radicale;
  char           *folder;
  guint           threshold;
  gboolean        killed;
} Killer;

static guint
count_events (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint       n = 0;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (name, ".ics"))
        n++;
  return n;
}

/* Takes the server away once it holds some of the events */
static gboolean
kill_cb (gpointer user_data)
{
  Killer *killer = user_data;

  if (count_events (killer->folder) < killer->threshold)
    return G_SOURCE_CONTINUE;
  sp_test_radicale_stop (killer->radicale);
  killer->killed = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_server_gone (void)
{
  SpTestRadicale *radicale = sp_test_radicale_new (NULL);
  g_autoptr(SpPlanner) planner = make_planner (50);
  g_autofree char *record = record_path ("gone.json");
  g_autoptr(SpSyncResult) result = NULL;
  g_autoptr(SpSyncRecord) saved = NULL;
  g_autoptr(GError) error = NULL;
  guint  n = sp_test_n_synced_blocks (planner);
  Killer killer = { radicale, NULL, n / 3, FALSE };
  guint  source;

  g_remove (record);
  killer.folder = g_build_filename (radicale->dir, "storage", "collection-root", "gone", "study-planner", NULL);
  source = g_timeout_add (5, kill_cb, &killer);
  result = sync_now (planner, radicale->url, "gone", "x", record, &error);
  g_assert_true (killer.killed);
  g_assert_error (error, SP_CALDAV_ERROR, SP_CALDAV_ERROR_NETWORK);
  g_assert_null (result);
  g_clear_error (&error);

  /* What the server got before it went is in the record */
  saved = sp_sync_record_load (record, radicale->url, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (saved->entries), >, 0);
  g_assert_cmpuint (g_hash_table_size (saved->entries), <, n);

  /* Back again: the next sync completes it, without duplicates */
  sp_test_radicale_start (radicale);
  result = sync_now (planner, radicale->url, "gone", "x", record, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->created + result->updated + result->unchanged, ==, n);
  g_assert_cmpuint (result->created, <, n);
  assert_server_matches (planner, result->calendar, "gone");
  g_clear_pointer (&result, sp_sync_result_free);
  result = sync_now (planner, radicale->url, "gone", "x", record, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->puts, ==, 0);

  if (!killer.killed)
    g_source_remove (source);
  g_free (killer.folder);
  sp_test_radicale_free (radicale);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *radicale_path = NULL;
  int              status;

  g_test_init (&argc, &argv, NULL);
  radicale_path = sp_test_radicale_find ();

  g_test_add_func ("/caldav/xml", test_xml);
  g_test_add_func ("/caldav/auth-schemes", test_auth_schemes);
  if (radicale_path == NULL)
    {
      /* The one reason to skip: the server these cases run against */
      g_test_add_func ("/caldav/radicale", sp_test_radicale_skip);
    }
  else
    {
      g_test_add_func ("/caldav/discovery", test_discovery);
      g_test_add ("/caldav/push", Synced, "push", synced_setup, test_push, synced_teardown);
      g_test_add ("/caldav/replan", Synced, "replan", synced_setup, test_replan, synced_teardown);
      g_test_add ("/caldav/lost-record", Synced, "lost", synced_setup, test_lost_record, synced_teardown);
      g_test_add ("/caldav/server-edits", Synced, "edits", synced_setup, test_server_edits, synced_teardown);
      g_test_add ("/caldav/conflict", Synced, "conflict", synced_setup, test_conflict, synced_teardown);
      g_test_add_func ("/caldav/unauthorized", test_unauthorized);
      g_test_add_func ("/caldav/not-caldav", test_not_caldav);
      g_test_add_func ("/caldav/server-gone", test_server_gone);
      g_test_add_func ("/caldav/stop", test_stop);
      shared = sp_test_radicale_new (NULL);
    }

  records_dir = g_dir_make_tmp ("test-caldav-records-XXXXXX", NULL);
  g_assert_nonnull (records_dir);
  status = g_test_run ();
  sp_test_remove_tree (records_dir);
  g_free (records_dir);
  if (shared != NULL)
    sp_test_radicale_free (shared);
  return status;
}
