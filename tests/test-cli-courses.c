/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "sp-test-files.h"
#include "sp-test-program.h"
#include "sp-test-server.h"

/* study-planner --list-courses is a contract for scripts: these tests run
 * the real program against a real SoupServer on 127.0.0.1, served from a
 * thread of its own while the program runs. */

static SpTestServer *test_server;
static char         *cache_home;
static gint          listing_gone;  /* the server answers 404 for every listing */

static gint slow_listing;    /* the listings come a byte every 100 ms */
static gint negative_length; /* the listings say "Content-Length: -5" */

/* 170 bytes, a byte every 100 ms: each read comes well within libsoup's
 * timeout, so only an overall pace ends the fetch */
static gpointer
trickle_thread (gpointer data)
{
  g_autoptr(GIOStream) io = data;
  GOutputStream *out = g_io_stream_get_output_stream (io);
  const char    *head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        "Content-Length: 170\r\nConnection: close\r\n\r\n";

  if (g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL))
    for (guint i = 0; i < 170; i++)
      {
        g_usleep (100 * 1000);
        if (!g_output_stream_write_all (out, " ", 1, NULL, NULL, NULL))
          break;
      }
  g_io_stream_close (io, NULL, NULL);
  return NULL;
}

/* libsoup's server will not write a negative length: say it by hand */
static void
write_negative_length (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) io = soup_server_message_steal_connection (msg);
  const char *answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                       "Content-Length: -5\r\nConnection: close\r\n\r\n{}";

  g_output_stream_write_all (g_io_stream_get_output_stream (io), answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (io, NULL, NULL);
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "catalog", name, NULL);
  char *contents = NULL;
  gsize length;

  if (g_atomic_int_get (&slow_listing))
    {
      g_thread_unref (g_thread_new ("trickle", trickle_thread, soup_server_message_steal_connection (msg)));
      return;
    }
  if (g_atomic_int_get (&negative_length))
    {
      write_negative_length (msg);
      return;
    }
  if (g_atomic_int_get (&listing_gone) || !g_str_has_prefix (path, "/feed/") || !g_file_get_contents (file, &contents, &length, NULL))
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, contents, length);
}

static void
run_program (SpTestRun  *run,
             const char *first_arg,
             ...)
{
  g_auto(GStrv) envp = sp_test_cli_environ (NULL);
  va_list args;

  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache_home, TRUE);
  va_start (args, first_arg);
  sp_test_run_program_va (run, (const char * const *) envp, first_arg, args);
  va_end (args);
}

static char *
feed (const char *name)
{
  return g_strconcat (sp_test_server_get_base (test_server), "/feed/", name, NULL);
}

static void
test_lines (void)
{
  g_autofree char *url = feed ("own-1.json");
  g_auto(SpTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;

  run_program (&run, "--list-courses", "--catalog-url", url, "--catalog-format", "own", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* Every page of the listing, one course a line, five fields */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[5], ==, "");
  for (guint i = 0; i < 5; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (parts), ==, 5);
    }

  fields = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpstr (fields[0], ==, "Bootcamp");
  g_assert_cmpstr (fields[1], ==, "Python Basics");
  g_assert_cmpstr (fields[2], ==, "20");
  g_assert_cmpstr (fields[3], ==, "https://school.example.org/python");
  /* Matched against the plan's topics: a Python course finds one */
  g_assert_cmpstr (fields[4], !=, "");
  g_assert_true (g_str_has_prefix (lines[3], "Partner School\tDeep Learning Lab\t50\thttps://partner.example.org/dl\t"));
}

static void
test_json (void)
{
  g_autofree char *url = feed ("coursera-1.json");
  g_auto(SpTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *first;

  /* A single Coursera page: paging.next points at this server's /feed/… */
  run_program (&run, "--list-courses", "--catalog-url", url, "--catalog-format", "coursera", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), >=, 2);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==, "Machine Learning");
  g_assert_cmpstr (json_object_get_string_member (first, "provider"), ==, "Coursera");
  g_assert_cmpstr (json_object_get_string_member (first, "url"), ==, "https://www.coursera.org/learn/machine-learning");
  g_assert_true (json_object_has_member (first, "matched_topics"));
}

static void
test_no_listing (void)
{
  g_autofree char *url = feed ("no-such-list.json");
  g_auto(SpTestRun) run = { 0 };

  run_program (&run, "--list-courses", "--catalog-url", url, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "No course listing could be had"));
  g_assert_nonnull (strstr (run.err, "has no listing at this address (HTTP 404)"));
}

static void
test_insecure (void)
{
  g_auto(SpTestRun) run = { 0 };

  run_program (&run, "--list-courses", "--catalog-url", "http://catalog.example.org/list.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is not a secure address: use https"));
}

static void
test_usage (void)
{
  g_autofree char *url = feed ("own-1.json");
  g_auto(SpTestRun) bad_format = { 0 };
  g_auto(SpTestRun) bad_topic = { 0 };

  run_program (&bad_format, "--list-courses", "--catalog-url", url, "--catalog-format", "rss", NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  g_assert_cmpstr (bad_format.err, ==, "Unknown catalog format “rss”: use own, coursera, edx or mitlearn\n");

  run_program (&bad_topic, "--list-courses", "--catalog-url", url, "--topic", "no-such-topic", NULL);
  g_assert_cmpint (bad_topic.status, ==, 1);
  g_assert_nonnull (strstr (bad_topic.err, "has no topic “no-such-topic”"));
}

static void
test_cache_when_offline (void)
{
  g_autofree char *url = feed ("own-3.json");
  g_auto(SpTestRun) online = { 0 };
  g_auto(SpTestRun) offline = { 0 };
  g_autofree char *cached = NULL;

  run_program (&online, "--list-courses", "--catalog-url", url, NULL);
  g_assert_cmpint (online.status, ==, 0);

  /* The same listing is gone from the server: the saved copy is printed,
   * with the failure on standard error */
  cached = g_strdup (online.out);
  g_atomic_int_set (&listing_gone, TRUE);
  run_program (&offline, "--list-courses", "--catalog-url", url, NULL);
  g_atomic_int_set (&listing_gone, FALSE);
  g_assert_cmpint (offline.status, ==, 0);
  g_assert_cmpstr (offline.out, ==, cached);
  g_assert_nonnull (strstr (offline.err, "(HTTP 404)"));
}

/* Every fetch ends: a listing that trickles in ends with a message, and
 * the saved copy is printed. The pace is the test's (3 s a page, 200
 * bytes a second over 1 s) rather than 60 s and 20 s. */
static void
test_trickle (void)
{
  g_autofree char *url = feed ("own-1.json");
  g_auto(SpTestRun) online = { 0 };
  g_auto(SpTestRun) slow = { 0 };
  gint64 start;

  run_program (&online, "--list-courses", "--catalog-url", url, NULL);
  g_assert_cmpint (online.status, ==, 0);

  g_atomic_int_set (&slow_listing, TRUE);
  g_setenv ("SP_TEST_CATALOG_PACE", "3,1,200", TRUE);
  start = g_get_monotonic_time ();
  run_program (&slow, "--list-courses", "--catalog-url", url, NULL);
  g_unsetenv ("SP_TEST_CATALOG_PACE");
  g_atomic_int_set (&slow_listing, FALSE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (slow.status, ==, 0);
  g_assert_cmpstr (slow.out, ==, online.out);
  g_assert_nonnull (strstr (slow.err, "sent the listing too slowly: less than 200 bytes a second for 1 second"));
}

/* A negative length is the server's fault: a message that says so, and no
 * GLib warning from inside libsoup */
static void
test_negative_length (void)
{
  g_autofree char *url = feed ("own-1.json");
  g_auto(SpTestRun) run = { 0 };

  g_atomic_int_set (&negative_length, TRUE);
  run_program (&run, "--list-courses", "--catalog-url", url, NULL);
  g_atomic_int_set (&negative_length, FALSE);
  /* The listing saved by the tests before this one stays in use */
  g_assert_cmpint (run.status, ==, 0);
  g_test_message ("%s", run.err);
  g_assert_nonnull (strstr (run.err, "sent an answer that is not valid HTTP: its length is not a number"));
  g_assert_null (strstr (run.err, "WARNING"));
  g_assert_null (strstr (run.err, "content-length"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  cache_home = g_dir_make_tmp ("sp-cli-cache-XXXXXX", NULL);
  test_server = sp_test_server_new ();
  sp_test_server_add_handler (test_server, NULL, handler, NULL);
  sp_test_server_start (test_server);

  g_test_add_func ("/cli/list-courses/lines", test_lines);
  g_test_add_func ("/cli/list-courses/json", test_json);
  g_test_add_func ("/cli/list-courses/no-listing", test_no_listing);
  g_test_add_func ("/cli/list-courses/insecure", test_insecure);
  g_test_add_func ("/cli/list-courses/usage", test_usage);
  g_test_add_func ("/cli/list-courses/cache-when-offline", test_cache_when_offline);
  g_test_add_func ("/cli/list-courses/trickle", test_trickle);
  g_test_add_func ("/cli/list-courses/negative-length", test_negative_length);
  status = g_test_run ();

  g_clear_object (&test_server);
  sp_test_remove_tree (cache_home);
  g_free (cache_home);
  return status;
}
