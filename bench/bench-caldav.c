/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "sp-caldav-sync.h"
#include "sp-planner.h"
#include "sp-sync-record.h"
#include "sp-test-radicale.h"

/* CalDAV sync of the bundled path at the default hours (about 1,800
 * blocks) to a Radicale on loopback, started here with its default
 * settings (each write synced to disk):
 *
 *   first:  the first push, every event created (target < 30 s);
 *   same:   a sync with nothing changed (target < 2 s, no PUT);
 *   after:  after one block's note changed (one PUT).
 *
 * Run: meson test -C build --benchmark caldav --verbose
 * or   bench-caldav URL USER (with STUDY_PLANNER_CALDAV_PASSWORD) for another server. */

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* When the push had sent 100, 200, n - 100 and n events: the time one PUT
 * takes with few events in the calendar and with many */
typedef struct
{
  double marks[4];
} Pace;

static void
progress_cb (SpCaldavClient *client,
             guint           done,
             guint           total,
             Pace           *pace)
{
  guint at[4] = { 100, 200, total > 100 ? total - 100 : 0, total };

  for (guint i = 0; i < 4; i++)
    if (done >= at[i] && pace->marks[i] == 0)
      pace->marks[i] = now_s ();
}

static SpSyncResult *
timed_sync (SpPlanner  *planner,
            const char *url,
            const char *user,
            const char *record,
            const char *label)
{
  g_autoptr(SpCaldavClient) client = sp_caldav_client_new (user, g_getenv ("STUDY_PLANNER_CALDAV_PASSWORD"));
  g_autoptr(GError) error = NULL;
  Pace             pace = { { 0 } };
  double           start;
  SpSyncResult    *result;
  double           seconds;
  g_autofree char *line = NULL;

  g_signal_connect (client, "progress", G_CALLBACK (progress_cb), &pace);
  start = now_s ();
  result = sp_caldav_sync_run (client, planner, url, record, NULL, &error);
  seconds = now_s () - start;

  if (result == NULL)
    g_error ("%s: %s", label, error->message);
  line = sp_sync_result_to_string (result);
  g_print ("%-6s %7.2f s  %5u requests, %5u PUT  (%s)\n", label, seconds, result->requests, result->puts, line);
  if (result->puts >= 400 && pace.marks[3] > 0)
    g_print ("       %.0f ms a PUT from the 100th to the 200th event, %.0f ms over the last 100 (%u)\n",
             (pace.marks[1] - pace.marks[0]) * 10, (pace.marks[3] - pace.marks[2]) * 10, result->puts);
  return result;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  g_autoptr(SpPlanner) planner = sp_planner_new (plan);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  g_autoptr(SpSyncResult) first = NULL;
  g_autoptr(SpSyncResult) same = NULL;
  g_autoptr(SpSyncResult) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *radicale_path = sp_test_radicale_find ();
  g_autofree char *dir = g_dir_make_tmp ("bench-caldav-XXXXXX", &error);
  g_autofree char *record = g_build_filename (dir, "sync.json", NULL);
  SpTestRadicale  *radicale = NULL;
  const char      *url;
  const char      *user = "bench";
  SpSchedule      *schedule;
  guint32          today;

  g_assert_no_error (error);
  if (argc >= 3)
    {
      url = argv[1];
      user = argv[2];
    }
  else if (radicale_path == NULL)
    {
      g_print ("radicale is not installed: nothing to measure\n");
      return 77;
    }
  else
    {
      radicale = sp_test_radicale_new (NULL);
      url = radicale->url;
    }

  sp_planner_set_timezone (planner, tz);
  schedule = sp_planner_get_schedule (planner);
  g_print ("%u blocks\n", sp_schedule_get_n_blocks (schedule));

  first = timed_sync (planner, url, user, record, "first");
  same = timed_sync (planner, url, user, record, "same");
  if (same->puts != 0)
    g_error ("a sync with nothing changed sent %u PUT", same->puts);

  /* One block's note: one event changed, nothing re-planned */
  today = sp_planner_get_today (planner);
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    if (sp_schedule_get_block (schedule, i)->day >= today)
      {
        g_autofree char *id = g_strdup (sp_schedule_get_block (schedule, i)->id);

        if (!sp_planner_set_block_note (planner, id, "Bring the notebook", &error))
          g_error ("%s", error->message);
        break;
      }
  after = timed_sync (planner, url, user, record, "after");

  g_remove (record);
  g_rmdir (dir);
  if (radicale != NULL)
    sp_test_radicale_free (radicale);
  return 0;
}
