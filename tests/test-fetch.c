/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sp-catalog.h"
#include "sp-http.h"
#include "sp-test-files.h"
#include "sp-test-server.h"

/* Fetching over real HTTP: a SoupServer on 127.0.0.1, in a thread of its
 * own, serves fixtures shaped like each API's answers, and misbehaves on
 * demand. Each
 * failure test first fetches a good listing, then makes the same address
 * fail, and checks what the user is told and that the listing stays. */

typedef enum
{
  MODE_GOOD,
  MODE_NOT_FOUND,
  MODE_SERVER_ERROR,
  MODE_HANG,
  MODE_SHORT,
  MODE_MALFORMED,
  MODE_TOO_LARGE,
  MODE_TOO_LARGE_CHUNKED,
  MODE_REDIRECT_LOOP,
  MODE_REDIRECT_FILE,
  MODE_REDIRECT_INSECURE,
  MODE_REDIRECT_DOT_SEGMENTS,
  MODE_WRONG_SHAPE,
  /* Raw answers written from a thread of their own, slowly or wrongly */
  MODE_TRICKLE_BODY,
  MODE_TRICKLE_HEADERS,
  MODE_SLOW_SMALL_BODY,
  MODE_ENDLESS_BODY,
  MODE_HUGE_HEADER,
  MODE_MANY_HEADERS,
  MODE_BAD_CHUNKED,
} Mode;

typedef struct
{
  SpTestServer     *server;
  char             *base;
  char             *cache_dir;
  SpCatalogCache   *cache;
  SpCatalogFetcher *fetcher;
  SpCatalog        *catalog;
  Mode              mode;
  guint             requests;
  guint             not_modified;
  char             *user_agent;
  GPtrArray        *failures;   /* "name: message" */
  GPtrArray        *hung;       /* element-type SoupServerMessage, paused forever */
  GPtrArray        *writers;    /* element-type GThread: raw answers */
  GMutex            writers_lock;  /* the server's thread adds, tear-down ends */
  gint              stop;          /* tells the writers to stop */
  guint             unconditional; /* requests that asked for no cached copy */
  guint             generation;    /* /cursor: changes its page addresses */
} Fixture;

/* A raw answer: @head at once, then @drip @repeat times (-1: until the
 * client goes or the test ends), one piece every @interval_ms */
typedef struct
{
  Fixture   *fixture;
  GIOStream *io;
  char      *head;
  gsize      head_len;
  char      *drip;
  gsize      drip_len;
  int        repeat;
  guint      interval_ms;
} RawAnswer;

static gpointer
raw_answer_thread (gpointer data)
{
  RawAnswer     *answer = data;
  GOutputStream *out = g_io_stream_get_output_stream (answer->io);
  gint64         end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  if (g_output_stream_write_all (out, answer->head, answer->head_len, NULL, NULL, NULL))
    for (int i = 0; (answer->repeat < 0 || i < answer->repeat) && !g_atomic_int_get (&answer->fixture->stop) &&
                    g_get_monotonic_time () < end;
         i++)
      {
        g_usleep (answer->interval_ms * 1000);
        if (!g_output_stream_write_all (out, answer->drip, answer->drip_len, NULL, NULL, NULL))
          break;
      }
  g_io_stream_close (answer->io, NULL, NULL);
  g_object_unref (answer->io);
  g_free (answer->head);
  g_free (answer->drip);
  g_free (answer);
  return NULL;
}

static void
answer_raw (Fixture           *fixture,
            SoupServerMessage *msg,
            GString           *head,
            const char        *drip,
            gsize              drip_len,
            int                repeat,
            guint              interval_ms)
{
  RawAnswer *answer = g_new0 (RawAnswer, 1);

  answer->fixture = fixture;
  answer->io = soup_server_message_steal_connection (msg);
  answer->head_len = head->len;
  answer->head = g_string_free (head, FALSE);
  answer->drip = g_memdup2 (drip, drip_len);
  answer->drip_len = drip_len;
  answer->repeat = repeat;
  answer->interval_ms = interval_ms;
  /* A request can still come (libsoup asks again on a reused connection
   * that closed) while the test tears down: it gets no answer */
  g_mutex_lock (&fixture->writers_lock);
  if (fixture->writers != NULL)
    g_ptr_array_add (fixture->writers, g_thread_new ("raw-answer", raw_answer_thread, answer));
  else
    {
      g_io_stream_close (answer->io, NULL, NULL);
      g_object_unref (answer->io);
      g_free (answer->head);
      g_free (answer->drip);
      g_free (answer);
    }
  g_mutex_unlock (&fixture->writers_lock);
}

static const char good_body[] =
    "{\"format\": \"study-planner-catalog\", \"version\": 1, \"courses\": [{\"id\": \"a\", \"title\": \"A course\"}]}";

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "catalog", name, NULL);
}

static void
serve_file (Fixture           *fixture,
            SoupServerMessage *msg,
            const char        *name)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *contents = NULL;
  g_auto(GStrv) parts = NULL;
  char *body;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  /* Full URLs in the fixtures point back at this server */
  parts = g_strsplit (contents, "@BASE@", -1);
  body = g_strjoinv (fixture->base, parts);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, strlen (body));
}

static const char *
query_value (GHashTable *query,
             const char *name)
{
  return query ? g_hash_table_lookup (query, name) : NULL;
}

static void
write_short_body (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) io = soup_server_message_steal_connection (msg);
  const char *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     "Content-Length: 4000\r\nConnection: close\r\n\r\n"
                     "{\"format\": \"study-planner-catalog\", \"version\": 1, \"courses\": [";

  g_output_stream_write_all (g_io_stream_get_output_stream (io), head, strlen (head), NULL, NULL, NULL);
  g_io_stream_close (io, NULL, NULL);
}

static void
serve_failure (Fixture           *fixture,
               SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  switch (fixture->mode)
    {
    case MODE_NOT_FOUND:
      soup_server_message_set_status (msg, 404, NULL);
      break;
    case MODE_SERVER_ERROR:
      soup_server_message_set_status (msg, 500, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, "<h1>Oops</h1>", 13);
      break;
    case MODE_HANG:
      soup_server_message_pause (msg);
      g_ptr_array_add (fixture->hung, g_object_ref (msg));
      /* The test waits for it on its own main context */
      g_main_context_wakeup (NULL);
      break;
    case MODE_SHORT:
      write_short_body (msg);
      break;
    case MODE_MALFORMED:
      serve_file (fixture, msg, "malformed.json");
      break;
    case MODE_WRONG_SHAPE:
      serve_file (fixture, msg, "unknown-shape.json");
      break;
    case MODE_TOO_LARGE:
    case MODE_TOO_LARGE_CHUNKED:
      {
        gsize size = 200 * 1024;
        char *body = g_malloc (size);

        memset (body, ' ', size);
        body[0] = '{';
        body[size - 1] = '}';
        soup_server_message_set_status (msg, 200, NULL);
        if (fixture->mode == MODE_TOO_LARGE_CHUNKED)
          soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
        soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body, size);
      }
      break;
    case MODE_REDIRECT_LOOP:
      soup_server_message_set_redirect (msg, 302, "/feed/own-1.json?again=1");
      break;
    case MODE_REDIRECT_FILE:
      soup_server_message_set_redirect (msg, 302, "file:///etc/passwd");
      break;
    case MODE_REDIRECT_INSECURE:
      soup_server_message_set_redirect (msg, 301, "http://catalog.example.org/feed.json");
      break;
    case MODE_REDIRECT_DOT_SEGMENTS:
      /* Resolving this against the page's address is a GLib critical
       * (soup_server_message_set_redirect() would resolve it itself) */
      soup_server_message_set_status (msg, 302, NULL);
      soup_message_headers_replace (headers, "Location", "https:/..///catalog.example.org/feed.json");
      break;
    case MODE_TRICKLE_BODY:
      /* One chunk every 200 ms, never ending */
      answer_raw (fixture, msg, g_string_new ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                              "Transfer-Encoding: chunked\r\n\r\n2\r\n{ \r\n"),
                  "1\r\n \r\n", 6, -1, 200);
      break;
    case MODE_TRICKLE_HEADERS:
      /* A header a byte at a time, never ending */
      answer_raw (fixture, msg, g_string_new ("HTTP/1.1 200 OK\r\nX-Slow: "), "a", 1, -1, 100);
      break;
    case MODE_SLOW_SMALL_BODY:
      {
        /* 170 bytes, a byte every 100 ms: libsoup's timeout never fires */
        GString *head = g_string_new ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                      "Content-Length: 170\r\nConnection: close\r\n\r\n");
        answer_raw (fixture, msg, head, " ", 1, 170, 100);
      }
      break;
    case MODE_ENDLESS_BODY:
      {
        /* Fast enough, 20 KB a second, but never done */
        char chunk[1024 + 16];
        int  len = g_snprintf (chunk, sizeof chunk, "400\r\n%*s\r\n", 1024, "");

        answer_raw (fixture, msg, g_string_new ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                                "Transfer-Encoding: chunked\r\n\r\n"),
                    chunk, (gsize) len, -1, 50);
      }
      break;
    case MODE_HUGE_HEADER:
      {
        GString *head = g_string_new ("HTTP/1.1 200 OK\r\nX-Big: ");

        for (guint i = 0; i < 1024 * 1024; i++)
          g_string_append_c (head, 'a');
        g_string_append_printf (head, "\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                strlen (good_body), good_body);
        answer_raw (fixture, msg, head, "", 0, 0, 0);
      }
      break;
    case MODE_MANY_HEADERS:
      {
        GString *head = g_string_new ("HTTP/1.1 200 OK\r\n");

        for (guint i = 0; i < 100000; i++)
          g_string_append_printf (head, "X-H%u: v\r\n", i);
        g_string_append_printf (head, "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                strlen (good_body), good_body);
        answer_raw (fixture, msg, head, "", 0, 0, 0);
      }
      break;
    case MODE_BAD_CHUNKED:
      answer_raw (fixture, msg, g_string_new ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                              "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                                              "zz\r\n{}\r\n0\r\n\r\n"),
                  "", 0, 0, 0);
      break;
    case MODE_GOOD:
    default:
      g_assert_not_reached ();
    }
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  const char *value;

  fixture->requests++;
  if (g_strcmp0 (soup_message_headers_get_one (request, "Cache-Control"), "no-cache") == 0)
    fixture->unconditional++;
  g_free (fixture->user_agent);
  fixture->user_agent = g_strdup (soup_message_headers_get_one (request, "User-Agent"));

  if (g_str_has_prefix (path, "/feed/") && fixture->mode != MODE_GOOD)
    {
      serve_failure (fixture, msg);
      return;
    }

  if (g_str_equal (path, "/feed/own-1.json") || g_str_equal (path, "/feed/own-2.json") ||
      g_str_equal (path, "/feed/own-3.json"))
    serve_file (fixture, msg, path + strlen ("/feed/"));
  else if (g_str_equal (path, "/etag/own-3.json"))
    {
      SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
      const char *etag = "\"v1-abc\"";

      if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), etag) == 0)
        {
          fixture->not_modified++;
          soup_server_message_set_status (msg, 304, NULL);
        }
      else
        serve_file (fixture, msg, "own-3.json");
      soup_message_headers_replace (response, "ETag", etag);
      soup_message_headers_replace (response, "Last-Modified", "Wed, 01 Jan 2025 10:00:00 GMT");
    }
  else if (g_str_equal (path, "/api/courses.v1"))
    {
      value = query_value (query, "start");
      serve_file (fixture, msg, value == NULL ? "coursera-1.json" : g_str_equal (value, "2") ? "coursera-2.json" : "coursera-3.json");
    }
  else if (g_str_equal (path, "/api/courses/v1/courses/"))
    {
      value = query_value (query, "page");
      serve_file (fixture, msg, value == NULL || g_str_equal (value, "1") ? "edx-1.json"
                                : g_str_equal (value, "2") ? "edx-2.json" : "edx-3.json");
    }
  else if (g_str_equal (path, "/api/v1/courses/"))
    {
      value = query_value (query, "offset");
      serve_file (fixture, msg, value == NULL ? "mitlearn-1.json" : g_str_equal (value, "2") ? "mitlearn-2.json" : "mitlearn-3.json");
    }
  else if (g_str_equal (path, "/stale-304.json"))
    {
      /* "Not modified" to a client that has nothing, until it asks for a
       * fresh copy */
      if (g_strcmp0 (soup_message_headers_get_one (request, "Cache-Control"), "no-cache") == 0)
        serve_file (fixture, msg, "own-3.json");
      else
        soup_server_message_set_status (msg, 304, NULL);
    }
  else if (g_str_equal (path, "/always-304.json"))
    soup_server_message_set_status (msg, 304, NULL);
  else if (g_str_equal (path, "/hostile.json"))
    serve_file (fixture, msg, "hostile.json");
  else if (g_str_equal (path, "/cursor"))
    {
      /* Three pages of 2 KB whose addresses change with each generation,
       * as a cursor in the query does */
      const char *page_text = query_value (query, "page");
      guint       page = page_text ? (guint) atoi (page_text) : 1;
      GString    *body = g_string_new ("{\"format\": \"study-planner-catalog\", \"version\": 1, ");

      if (page < 3)
        g_string_append_printf (body, "\"next\": \"cursor?gen=%u&page=%u\", ", fixture->generation, page + 1);
      g_string_append_printf (body, "\"courses\": [{\"id\": \"g%u-%u\", \"title\": \"Generation %u page %u\", "
                                    "\"description\": \"%*s\"}]}",
                              fixture->generation, page, fixture->generation, page, 2000, "");
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body->str, body->len);
      g_string_free (body, TRUE);
    }
  else if (g_str_equal (path, "/circle.json"))
    {
      /* A next link that leads back to the first page */
      const char *body = "{\"format\": \"study-planner-catalog\", \"version\": 1, \"next\": \"circle.json\","
                         " \"courses\": [{\"id\": \"c\", \"title\": \"Round\"}]}";
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static void
source_failed_cb (SpCatalog  *catalog,
                  const char *name,
                  const char *message,
                  Fixture    *fixture)
{
  g_ptr_array_add (fixture->failures, g_strdup_printf ("%s: %s", name, message));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autofree char *plan_path = fixture_path ("ml-plan.json");
  g_autoptr(GFile) plan_file = g_file_new_for_path (plan_path);

  fixture->server = sp_test_server_new ();
  sp_test_server_add_handler (fixture->server, NULL, handler, fixture);
  sp_test_server_start (fixture->server);
  fixture->base = g_strdup (sp_test_server_get_base (fixture->server));

  fixture->cache_dir = sp_test_make_tmp_dir ("sp-fetch-XXXXXX");
  fixture->cache = sp_catalog_cache_new (fixture->cache_dir);
  fixture->fetcher = sp_catalog_fetcher_new (fixture->cache);
  /* Short enough that a server that never answers fails the test quickly */
  sp_catalog_fetcher_set_timeout (fixture->fetcher, 1);
  sp_catalog_fetcher_set_max_body_size (fixture->fetcher, 64 * 1024);

  plan = sp_plan_new_from_file (plan_file, NULL, &error);
  g_assert_no_error (error);
  fixture->catalog = sp_catalog_new (plan, fixture->fetcher);
  fixture->failures = g_ptr_array_new_with_free_func (g_free);
  fixture->hung = g_ptr_array_new_with_free_func (g_object_unref);
  fixture->writers = g_ptr_array_new ();
  g_signal_connect (fixture->catalog, "source-failed", G_CALLBACK (source_failed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) writers = NULL;

  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->fetcher);
  g_clear_object (&fixture->cache);
  if (fixture->hung->len > 0)
    sp_test_server_unpause (fixture->server, fixture->hung);
  g_clear_pointer (&fixture->hung, g_ptr_array_unref);
  g_atomic_int_set (&fixture->stop, 1);
  g_mutex_lock (&fixture->writers_lock);
  writers = g_steal_pointer (&fixture->writers);
  g_mutex_unlock (&fixture->writers_lock);
  for (guint i = 0; i < writers->len; i++)
    g_thread_join (g_ptr_array_index (writers, i));
  g_clear_object (&fixture->server);
  /* Let the closed connections go */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  sp_test_remove_tree (fixture->cache_dir);
  g_free (fixture->cache_dir);
  g_free (fixture->base);
  g_free (fixture->user_agent);
  g_clear_pointer (&fixture->failures, g_ptr_array_unref);
  g_mutex_clear (&fixture->writers_lock);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError **error = user_data;

  if (!sp_catalog_refresh_finish (SP_CATALOG (object), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "ok");
}

/* Runs a refresh to its end; returns TRUE when some source gave a listing. */
static gboolean
refresh (Fixture             *fixture,
         SpCatalogFetchFlags  flags,
         GError             **error)
{
  GError *result = NULL;
  gboolean ok;

  g_ptr_array_set_size (fixture->failures, 0);
  sp_catalog_refresh_async (fixture->catalog, flags, NULL, refresh_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (sp_catalog_get_loading (fixture->catalog));
  ok = g_error_matches (result, G_IO_ERROR, G_IO_ERROR_EXISTS);
  if (ok)
    g_error_free (result);
  else
    g_propagate_error (error, result);
  return ok;
}

static void
use_source (Fixture         *fixture,
            const char      *name,
            const char      *path,
            SpCatalogFormat  format)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_catalog_source_free);
  g_autofree char *url = g_strconcat (fixture->base, path, NULL);

  g_ptr_array_add (sources, sp_catalog_source_new (name, url, format));
  sp_catalog_set_sources (fixture->catalog, sources);
}

static guint
n_courses (Fixture *fixture)
{
  return g_list_model_get_n_items (sp_catalog_get_model (fixture->catalog));
}

static SpCourse *
course_at (Fixture *fixture,
           guint    index)
{
  g_autoptr(SpCourse) course = g_list_model_get_item (sp_catalog_get_model (fixture->catalog), index);
  return course;
}

static void
assert_pages (Fixture         *fixture,
              const char      *path,
              SpCatalogFormat  format,
              guint            expected,
              const char      *last_title)
{
  g_autoptr(GError) error = NULL;

  use_source (fixture, "Test", path, format);
  g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->failures->len, ==, 0);
  g_assert_cmpuint (n_courses (fixture), ==, expected);
  g_assert_cmpstr (sp_course_get_title (course_at (fixture, expected - 1)), ==, last_title);
  g_assert_cmpstr (sp_course_get_source (course_at (fixture, 0)), ==, "Test");
  g_assert_false (sp_catalog_is_bundled (fixture->catalog));
}

static void
test_pagination (Fixture       *fixture,
                 gconstpointer  data)
{
  assert_pages (fixture, "/feed/own-1.json", SP_CATALOG_FORMAT_OWN, 5, "SQL in a Week");
  g_assert_cmpstr (fixture->user_agent, ==, "StudyPlanner/" PACKAGE_VERSION);

  assert_pages (fixture, "/api/courses.v1?fields=name,slug&includes=partnerIds", SP_CATALOG_FORMAT_COURSERA,
                5, "Convolutional Neural Networks");
  assert_pages (fixture, "/api/courses/v1/courses/", SP_CATALOG_FORMAT_EDX, 4, "Deep Learning Fundamentals with Keras");
  {
    /* The edX about pages are on the server that gave the list */
    g_autofree char *about = g_strconcat (fixture->base, "/courses/course-v1:IBM+DL0101EN+2T2024/about", NULL);
    g_assert_cmpstr (sp_course_get_url (course_at (fixture, 3)), ==, about);
  }
  assert_pages (fixture, "/api/v1/courses/?platform=ocw", SP_CATALOG_FORMAT_MITLEARN, 4, "Introduction to Deep Learning");

  /* Fetched courses are matched to the plan */
  g_assert_true (g_strv_contains (sp_course_get_matched_topics (course_at (fixture, 0)), "linear-algebra"));
}

static void
test_page_limits (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  sp_catalog_fetcher_set_limits (fixture->fetcher, 2, 100);
  use_source (fixture, "Test", "/feed/own-1.json", SP_CATALOG_FORMAT_OWN);
  g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_cmpuint (n_courses (fixture), ==, 4);

  sp_catalog_fetcher_set_limits (fixture->fetcher, 50, 3);
  g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_cmpuint (n_courses (fixture), ==, 3);

  /* Pages that lead round in a circle end, with what was read */
  sp_catalog_fetcher_set_limits (fixture->fetcher, 50, 100);
  fixture->requests = 0;
  use_source (fixture, "Circle", "/circle.json", SP_CATALOG_FORMAT_OWN);
  g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_cmpuint (n_courses (fixture), ==, 1);
  g_assert_cmpuint (fixture->requests, ==, 1);
}

static void
test_etag (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCatalog) offline = NULL;
  g_autoptr(SpCatalogFetcher) fetcher = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autofree char *age = NULL;

  use_source (fixture, "Etag", "/etag/own-3.json", SP_CATALOG_FORMAT_OWN);
  g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_cmpuint (fixture->not_modified, ==, 0);
  g_assert_cmpuint (n_courses (fixture), ==, 1);

  /* The second time the server says 304 and the cached body is used */
  g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_cmpuint (fixture->not_modified, ==, 1);
  g_assert_cmpuint (n_courses (fixture), ==, 1);
  g_assert_cmpstr (sp_course_get_title (course_at (fixture, 0)), ==, "SQL in a Week");
  g_assert_cmpuint (fixture->failures->len, ==, 0);

  /* An offline start reads the cache alone, and says how old it is */
  fetcher = sp_catalog_fetcher_new (fixture->cache);
  offline = sp_catalog_new (NULL, fetcher);
  sources = sp_catalog_get_sources (fixture->catalog);
  sp_catalog_set_sources (offline, sources);
  sp_test_server_stop (fixture->server);
  {
    GError *result = NULL;

    sp_catalog_refresh_async (offline, SP_CATALOG_FETCH_CACHE_ONLY, NULL, refresh_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (result, G_IO_ERROR, G_IO_ERROR_EXISTS);
    g_error_free (result);
  }
  g_assert_cmpuint (g_list_model_get_n_items (sp_catalog_get_model (offline)), ==, 1);
  g_assert_cmpint (sp_catalog_get_updated (offline), >, 0);
  age = sp_catalog_format_age (sp_catalog_get_updated (offline), sp_catalog_get_updated (offline) + 2 * 3600);
  g_assert_cmpstr (age, ==, "updated 2 hours ago");
}

/* Fetches the good listing, switches the server to @mode, fetches again and
 * checks the message shown and that the listing stayed. */
static void
assert_failure_keeps_listing (Fixture    *fixture,
                              Mode        mode,
                              const char *message)
{
  g_autoptr(GError) error = NULL;
  const char *shown;

  fixture->mode = MODE_GOOD;
  use_source (fixture, "School", "/feed/own-1.json", SP_CATALOG_FORMAT_OWN);
  g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_cmpuint (n_courses (fixture), ==, 5);

  fixture->mode = mode;
  g_assert_false (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_error (error, SP_CATALOG_ERROR, error->code);

  g_assert_cmpuint (fixture->failures->len, ==, 1);
  shown = g_ptr_array_index (fixture->failures, 0);
  if (!g_str_has_prefix (shown, "School: ") || strstr (shown, message) == NULL)
    g_error ("expected “School: …%s…”, shown “%s”", message, shown);

  /* The listing had before is still there, in full */
  g_assert_cmpuint (n_courses (fixture), ==, 5);
  g_assert_cmpstr (sp_course_get_title (course_at (fixture, 0)), ==, "Python Basics");
  fixture->mode = MODE_GOOD;
}

/* A source that fails one way, and what the user is told */
typedef struct
{
  const char *path;
  Mode        mode;
  const char *message;
} FailureCase;

static const FailureCase failure_cases[] = {
  { "not-found", MODE_NOT_FOUND, "has no listing at this address (HTTP 404)" },
  { "server-error", MODE_SERVER_ERROR, "had a problem (HTTP 500); try again later" },
  { "timeout", MODE_HANG, "127.0.0.1 did not answer within 1 second" },
  { "short-body", MODE_SHORT, "closed before the whole listing arrived" },
  { "malformed", MODE_MALFORMED, "The listing is not valid JSON: line 4, column" },
  { "wrong-shape", MODE_WRONG_SHAPE, "Not a Study Planner feed listing: $.format should be a text that is not empty" },
};

static void
test_failure (Fixture *fixture, gconstpointer data)
{
  const FailureCase *failure = data;

  assert_failure_keeps_listing (fixture, failure->mode, failure->message);
}

static void
test_too_large (Fixture *fixture, gconstpointer data)
{
  assert_failure_keeps_listing (fixture, MODE_TOO_LARGE, "larger than the limit of 64.0\u00a0KiB");
  /* Without a Content-Length the limit holds while reading */
  assert_failure_keeps_listing (fixture, MODE_TOO_LARGE_CHUNKED, "larger than the limit of 64.0\u00a0KiB");
}

static void
test_redirect_loop (Fixture *fixture, gconstpointer data)
{
  assert_failure_keeps_listing (fixture, MODE_REDIRECT_LOOP, "redirected more than 5 times");
}

static void
test_redirect_scheme (Fixture *fixture, gconstpointer data)
{
  assert_failure_keeps_listing (fixture, MODE_REDIRECT_FILE, "sent the request on to “file:///etc/passwd”, which is not a web address");
  assert_failure_keeps_listing (fixture, MODE_REDIRECT_INSECURE,
                                "Redirected to an address that is not allowed: “http://catalog.example.org/feed.json” is not a secure address");
  assert_failure_keeps_listing (fixture, MODE_REDIRECT_DOT_SEGMENTS,
                                "sent the request on to “https:/..///catalog.example.org/feed.json”, which is not a web address");
}

static void
test_insecure_source (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_catalog_source_free);
  g_autoptr(GError) error = NULL;

  /* Refused before any connection: plain http to another computer */
  g_ptr_array_add (sources, sp_catalog_source_new ("Plain", "http://catalog.example.org/feed.json", SP_CATALOG_FORMAT_OWN));
  g_ptr_array_add (sources, sp_catalog_source_new ("Ftp", "ftp://catalog.example.org/feed.json", SP_CATALOG_FORMAT_OWN));
  sp_catalog_set_sources (fixture->catalog, sources);
  g_assert_false (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_INSECURE);
  g_assert_cmpuint (fixture->failures->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->failures, 0), ==,
                   "Plain: “http://catalog.example.org/feed.json” is not a secure address: use https (plain http is allowed only for this computer)");
  g_assert_cmpstr (g_ptr_array_index (fixture->failures, 1), ==,
                   "Ftp: “ftp://catalog.example.org/feed.json” is not a web address");

  g_assert_true (sp_http_is_loopback ("127.0.0.1"));
  g_assert_true (sp_http_is_loopback ("127.8.9.10"));
  g_assert_true (sp_http_is_loopback ("::1"));
  g_assert_true (sp_http_is_loopback ("[::1]"));
  g_assert_true (sp_http_is_loopback ("localhost"));
  g_assert_false (sp_http_is_loopback ("128.0.0.1"));
  g_assert_false (sp_http_is_loopback ("localhost.example.org"));
}

static void
test_side_by_side (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_catalog_source_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *own = g_strconcat (fixture->base, "/feed/own-1.json", NULL);
  g_autofree char *edx = g_strconcat (fixture->base, "/api/courses/v1/courses/", NULL);
  g_autofree char *gone = g_strconcat (fixture->base, "/no-such-list.json", NULL);

  /* One source failing leaves the others working */
  g_ptr_array_add (sources, sp_catalog_source_new ("School", own, SP_CATALOG_FORMAT_OWN));
  g_ptr_array_add (sources, sp_catalog_source_new ("Gone", gone, SP_CATALOG_FORMAT_MITLEARN));
  g_ptr_array_add (sources, sp_catalog_source_new ("edX", edx, SP_CATALOG_FORMAT_EDX));
  sp_catalog_set_sources (fixture->catalog, sources);
  g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_courses (fixture), ==, 9);
  g_assert_cmpuint (fixture->failures->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->failures, 0), "Gone: The server 127.0.0.1 has no listing"));

  /* Removing a source drops its listing and keeps the others' */
  g_ptr_array_remove_index (sources, 0);
  sp_catalog_set_sources (fixture->catalog, sources);
  g_assert_cmpuint (n_courses (fixture), ==, 4);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  GError *result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  use_source (fixture, "School", "/feed/own-1.json", SP_CATALOG_FORMAT_OWN);
  fixture->mode = MODE_HANG;
  sp_catalog_fetcher_set_timeout (fixture->fetcher, 30);
  sp_catalog_refresh_async (fixture->catalog, SP_CATALOG_FETCH_DEFAULT, cancellable, refresh_cb, &result);
  g_assert_true (sp_catalog_get_loading (fixture->catalog));
  while (fixture->hung->len == 0)
    g_main_context_iteration (NULL, TRUE);

  /* Closing the window cancels: no error is shown for it */
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sp_catalog_get_loading (fixture->catalog));
  g_assert_cmpuint (fixture->failures->len, ==, 0);
  g_clear_error (&result);
}

/* Every fetch ends: libsoup's timeout is per read, so a server that
 * sends a little at a time kept a fetch going for good. The limits here
 * are 3 s a page and 200 bytes a second over 1 s (60 s and 256 bytes a
 * second over 20 s by default). */
static void
set_test_pace (Fixture *fixture)
{
  sp_catalog_fetcher_set_pace (fixture->fetcher, 3, 1, 200);
  sp_catalog_fetcher_set_max_body_size (fixture->fetcher, 1024 * 1024);
}

static void
test_trickle (Fixture      *fixture,
              gconstpointer data)
{
  static const Mode modes[] = { MODE_TRICKLE_BODY, MODE_TRICKLE_HEADERS, MODE_SLOW_SMALL_BODY };

  set_test_pace (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      gint64 start = g_get_monotonic_time ();

      assert_failure_keeps_listing (fixture, modes[i],
                                    "127.0.0.1 sent the listing too slowly: less than 200 bytes a second for 1 second");
      g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
    }
}

static void
test_page_deadline (Fixture      *fixture,
                    gconstpointer data)
{
  gint64 start = g_get_monotonic_time ();

  set_test_pace (fixture);
  assert_failure_keeps_listing (fixture, MODE_ENDLESS_BODY, "127.0.0.1 did not send a page of the listing within 3 seconds");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

/* Messages name the real cause */
static void
test_broken_http (Fixture      *fixture,
                  gconstpointer data)
{
  set_test_pace (fixture);
  assert_failure_keeps_listing (fixture, MODE_HUGE_HEADER, "The server 127.0.0.1 sent headers that are too large");
  assert_failure_keeps_listing (fixture, MODE_MANY_HEADERS, "The server 127.0.0.1 sent headers that are too large");
  assert_failure_keeps_listing (fixture, MODE_BAD_CHUNKED, "The server 127.0.0.1 sent an empty answer, or one that is not valid HTTP");
}

/* A 304 with nothing saved: asked again without the condition */
static void
test_304_uncached (Fixture      *fixture,
                   gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  use_source (fixture, "Stale", "/stale-304.json", SP_CATALOG_FORMAT_OWN);
  g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->failures->len, ==, 0);
  g_assert_cmpuint (fixture->unconditional, ==, 1);
  g_assert_cmpuint (n_courses (fixture), >, 0);

  /* One that says so every time: a message, not "an error (HTTP 304)" */
  use_source (fixture, "Stale", "/always-304.json", SP_CATALOG_FORMAT_OWN);
  g_assert_false (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_cmpuint (fixture->failures->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (fixture->failures, 0),
                            "answered “not modified” though nothing is saved from it"));
}

static void
test_hostile_listing (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  use_source (fixture, "Evil", "/hostile.json", SP_CATALOG_FORMAT_OWN);
  g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_cmpuint (n_courses (fixture), ==, 4);
  g_assert_null (sp_course_get_url (course_at (fixture, 0)));
  g_assert_cmpstr (sp_course_get_title (course_at (fixture, 1)), ==, "تعلم الآلة للمبتدئين");
}

/* Bytes and entries of the pages on disk */
static guint64
cache_size (Fixture *fixture,
            guint   *n_entries)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->cache_dir, 0, NULL);
  const char *name;
  guint64     total = 0;

  *n_entries = 0;
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".body"))
      {
        g_autofree char *path = g_build_filename (fixture->cache_dir, name, NULL);
        GStatBuf         st;

        g_assert_cmpint (g_stat (path, &st), ==, 0);
        total += st.st_size;
        (*n_entries)++;
      }
  return total;
}

static void
keep_result_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static SpCatalogResult *
fetch_cached (Fixture    *fixture,
              const char *url)
{
  SpCatalogSource *source = sp_catalog_source_new ("Cursor", url, SP_CATALOG_FORMAT_OWN);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SpCatalogResult *listing;

  sp_catalog_fetcher_fetch_async (fixture->fetcher, source, SP_CATALOG_FETCH_CACHE_ONLY, NULL,
                                  keep_result_cb, &result);
  sp_catalog_source_free (source);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  listing = sp_catalog_fetcher_fetch_finish (fixture->fetcher, result, &error);
  g_assert_no_error (error);
  return listing;
}

/* A listing whose page addresses change from one refresh to the next left
 * every old page on disk; each source now keeps a bounded share, the
 * pages of its last fetch first */
static void
test_cache_bound (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strconcat (fixture->base, "/cursor", NULL);
  g_autoptr(SpCatalogResult) replay = NULL;
  g_autoptr(SpCatalogResult) cut = NULL;
  guint64 bound = 10 * 1024;
  guint   n_entries = 0;

  sp_catalog_cache_set_max_source_size (fixture->cache, bound);
  use_source (fixture, "Cursor", "/cursor", SP_CATALOG_FORMAT_OWN);
  for (fixture->generation = 1; fixture->generation <= 6; fixture->generation++)
    {
      g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
      g_assert_cmpuint (n_courses (fixture), ==, 3);
      /* Six refreshes would leave 13 pages, 27 KB */
      g_assert_cmpuint (cache_size (fixture, &n_entries), <=, bound);
      g_assert_cmpuint (n_entries, >=, 3);
    }
  g_assert_cmpuint (n_entries, <, 13);

  /* The newest pages are the ones kept: a replay gives the last listing */
  replay = fetch_cached (fixture, url);
  g_assert_cmpuint (replay->courses->len, ==, 3);
  g_assert_cmpstr (sp_course_get_title (g_ptr_array_index (replay->courses, 2)), ==, "Generation 6 page 3");
  g_assert_false (replay->truncated);

  /* One fetch past the bound keeps its first pages, and the replay reads
   * those */
  sp_catalog_cache_set_max_source_size (fixture->cache, 5 * 1024);
  fixture->generation = 7;
  g_assert_true (refresh (fixture, SP_CATALOG_FETCH_DEFAULT, &error));
  g_assert_cmpuint (n_courses (fixture), ==, 3);
  g_assert_cmpuint (cache_size (fixture, &n_entries), <=, 5 * 1024);
  g_assert_cmpuint (n_entries, ==, 2);
  cut = fetch_cached (fixture, url);
  g_assert_cmpuint (cut->courses->len, ==, 2);
  g_assert_cmpstr (sp_course_get_title (g_ptr_array_index (cut->courses, 1)), ==, "Generation 7 page 2");
  g_assert_true (cut->truncated);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/fetch/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pagination", test_pagination);
  ADD ("page-limits", test_page_limits);
  ADD ("etag-304", test_etag);
  for (guint i = 0; i < G_N_ELEMENTS (failure_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/fetch/", failure_cases[i].path, NULL);

      g_test_add (path, Fixture, &failure_cases[i], fixture_set_up, test_failure, fixture_tear_down);
    }
  ADD ("too-large", test_too_large);
  ADD ("redirect-loop", test_redirect_loop);
  ADD ("redirect-scheme", test_redirect_scheme);
  ADD ("insecure-source", test_insecure_source);
  ADD ("side-by-side", test_side_by_side);
  ADD ("cancel", test_cancel);
  ADD ("hostile", test_hostile_listing);
  ADD ("trickle", test_trickle);
  ADD ("page-deadline", test_page_deadline);
  ADD ("broken-http", test_broken_http);
  ADD ("304-uncached", test_304_uncached);
  ADD ("cache-bound", test_cache_bound);

  return g_test_run ();
}
