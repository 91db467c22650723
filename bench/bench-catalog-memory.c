/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include "bench-listing.h"
#include "sp-catalog.h"
#include "sp-test-files.h"
#include "sp-test-server.h"

/* Peak resident memory of the catalog, each case in a process of its own
 * (a peak only grows), against an idle process that sets up the same
 * things and fetches nothing:
 *   refresh  20,000 courses in 10 pages from a loopback SoupServer, as the
 *            app and --list-courses do (fetch, cache, match to the plan);
 *   replay   the same listing read back from the cache alone (a start
 *            without network);
 *   page     one 16 MB page of 600,000 small courses, of which a source
 *            keeps 20,000.
 * Targets: refresh and replay under 100 MiB over idle; the page within
 * 4 times its size over idle (it took 437 MB). */

#define N_PAGES         10
#define PAGE_COURSES    2000
#define BIG_COURSES     600000
#define TARGET_OVER_MIB 100.0
#define TARGET_PAGE_X   4.0

static GBytes *big_page;

static GBytes *
make_big_page (void)
{
  GString *json = g_string_new ("{\"format\":\"study-planner-catalog\",\"version\":1,\"courses\":[");

  for (guint i = 0; i < BIG_COURSES; i++)
    g_string_append_printf (json, "%s{\"id\":\"%x\",\"title\":\"T\"}", i > 0 ? "," : "", i);
  g_string_append (json, "]}");
  return g_string_free_to_bytes (json);
}

/* In the server's thread */
static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  g_autoptr(GBytes) body = NULL;

  if (g_str_equal (path, "/big"))
    body = g_bytes_ref (big_page);
  else if (g_str_equal (path, "/list"))
    {
      const char      *text = query ? g_hash_table_lookup (query, "page") : NULL;
      guint            page = text ? (guint) g_ascii_strtoull (text, NULL, 10) : 0;
      g_autofree char *next = page + 1 < N_PAGES ? g_strdup_printf ("list?page=%u", page + 1) : NULL;

      body = bench_listing_new (page * PAGE_COURSES, PAGE_COURSES, next);
    }
  else
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, g_bytes_get_data (body, NULL),
                                    g_bytes_get_size (body));
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sp_catalog_refresh_finish (SP_CATALOG (object), result, &error))
    g_error ("refresh: %s", error ? error->message : "no listing");
  *(gboolean *) user_data = TRUE;
}

/* One case, in a child: prints its peak in KiB */
static int
run_child (const char *mode,
           const char *url,
           const char *cache_dir)
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  g_autoptr(SpCatalogCache) cache = sp_catalog_cache_new (cache_dir);
  g_autoptr(SpCatalogFetcher) fetcher = sp_catalog_fetcher_new (cache);
  g_autoptr(SpCatalog) catalog = sp_catalog_new (plan, fetcher);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_catalog_source_free);
  struct rusage usage;
  gboolean      done = FALSE;
  guint         n;

  g_ptr_array_add (sources, sp_catalog_source_new ("Bench", url, SP_CATALOG_FORMAT_OWN));
  sp_catalog_set_sources (catalog, sources);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (!g_str_equal (mode, "idle"))
    {
      sp_catalog_refresh_async (catalog, g_str_equal (mode, "replay") ? SP_CATALOG_FETCH_CACHE_ONLY : SP_CATALOG_FETCH_DEFAULT,
                                NULL, refresh_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      n = g_list_model_get_n_items (sp_catalog_get_model (catalog));
      /* Each case ends with 20,000 courses, a source's limit */
      if (n != N_PAGES * PAGE_COURSES)
        g_error ("%s: %u courses, not %u", mode, n, N_PAGES * PAGE_COURSES);
    }
  getrusage (RUSAGE_SELF, &usage);
  g_print ("%ld\n", usage.ru_maxrss);
  return 0;
}

/* Runs one case in a child; returns its peak in MiB */
static double
measure (const char *self_path,
         const char *mode,
         const char *url,
         const char *cache_dir)
{
  const char      *argv[] = { self_path, "--child", mode, url, cache_dir, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", mode, error->message);
  return g_ascii_strtod (out, NULL) / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpTestServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *list_url = NULL;
  g_autofree char *big_url = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *big_cache_dir = NULL;
  g_autofree char *self_path = NULL;
  double           idle, refresh, replay, page, page_mib;
  gboolean         ok;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], argv[4]);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);
  big_page = make_big_page ();
  page_mib = g_bytes_get_size (big_page) / (1024.0 * 1024.0);
  server = sp_test_server_new ();
  sp_test_server_add_handler (server, NULL, handler, NULL);
  sp_test_server_start (server);
  list_url = sp_test_server_build_url (server, "/list");
  big_url = sp_test_server_build_url (server, "/big");
  cache_dir = g_dir_make_tmp ("sp-bench-cache-XXXXXX", &error);
  g_assert_no_error (error);
  big_cache_dir = g_dir_make_tmp ("sp-bench-cache-XXXXXX", &error);
  g_assert_no_error (error);

  idle = measure (self_path, "idle", list_url, cache_dir);
  refresh = measure (self_path, "refresh", list_url, cache_dir);
  replay = measure (self_path, "replay", list_url, cache_dir);
  page = measure (self_path, "page", big_url, big_cache_dir);

  g_print ("idle: peak %.1f MiB\n", idle);
  g_print ("refresh of %u courses in %u pages: peak %.1f MiB, %.1f MiB over idle (target < %.0f)\n",
           N_PAGES * PAGE_COURSES, N_PAGES, refresh, refresh - idle, TARGET_OVER_MIB);
  g_print ("replay from the cache: peak %.1f MiB, %.1f MiB over idle (target < %.0f)\n", replay, replay - idle,
           TARGET_OVER_MIB);
  g_print ("one page of %.1f MiB, %u courses: peak %.1f MiB, %.1f MiB over idle, %.1fx the page (target < %.0fx)\n",
           page_mib, BIG_COURSES, page, page - idle, (page - idle) / page_mib, TARGET_PAGE_X);

  ok = refresh - idle < TARGET_OVER_MIB && replay - idle < TARGET_OVER_MIB && page - idle < TARGET_PAGE_X * page_mib;
  sp_test_server_stop (server);
  g_clear_pointer (&big_page, g_bytes_unref);
  sp_test_remove_tree (cache_dir);
  sp_test_remove_tree (big_cache_dir);
  return ok ? 0 : 1;
}
