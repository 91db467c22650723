/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-stats.h"
#include "sp-application.h"
#include "sp-calendar-grid.h"
#include "sp-day-view.h"
#include "sp-test-ui.h"
#include "sp-window.h"

/* How long the calendar views take with the bundled path, in the real
 * window at 1920×1080 (GSK_RENDERER=cairo, as under Xvfb):
 *
 *   month: after a schedule change, the Month view of the busiest month
 *          laid out again and snapshot (the render nodes built);
 *   week:  the same for the Week view of the busiest week;
 *   month*, week*: the same with nothing drawn before (the first showing,
 *          or after a change of theme or text size);
 *   raster: those nodes drawn into pixels by the cairo renderer, for scale;
 *   mark:  from sp_planner_mark_block() (re-plan and atomic save included)
 *          to every view updated: Month and Week snapshot again, the Day
 *          view's list and the progress summary rebuilt;
 *   views: the views' share of that: from "changed" to all updated;
 *   idle:  then the rest of the main loop's pending work before the next
 *          frame (other pages rebuilt on idle, such as the Path view).
 *
 * Each at the default hours and at 6 h every day (a dense path: 42 blocks
 * a week). Prints the median and the 95th percentile in milliseconds; the
 * target is under 8 ms, half a 60 Hz frame.
 *
 * Run: meson test -C build --benchmark views --verbose */

#define RUNS 200

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The machine may be busy with other work: CPU time shows ours alone */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
report (const char *what,
        const char *hours,
        double     *wall,
        double     *cpu,
        guint       n)
{
  bench_sort (wall, n);
  bench_sort (cpu, n);
  g_print ("%-6s %-13s median %6.2f ms (CPU %6.2f)   p95 %6.2f ms (CPU %6.2f)   %u runs\n",
           what, hours, wall[n / 2], cpu[n / 2], wall[n * 95 / 100], cpu[n * 95 / 100], n);
}

/* Lets pending work and frames run, for at most @ms */
static void
drain_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      break;
}

static void
drain (void)
{
  drain_for (100);
}

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* The month and the week with the most study */
static void
find_busiest (SpSchedule *schedule,
              guint       first_weekday,
              guint32    *month_day,
              guint32    *week_day,
              guint      *week_blocks)
{
  g_autoptr(GHashTable) months = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) weeks = g_hash_table_new (NULL, NULL);
  guint best_month = 0, best_week = 0;

  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      guint32 month, week;
      guint m, w;

      sp_day_get_month_range (block->day, &month, NULL);
      week = sp_day_get_week_start (block->day, first_weekday);
      m = GPOINTER_TO_UINT (g_hash_table_lookup (months, GUINT_TO_POINTER (month))) + block->minutes;
      w = GPOINTER_TO_UINT (g_hash_table_lookup (weeks, GUINT_TO_POINTER (week))) + 1;
      g_hash_table_insert (months, GUINT_TO_POINTER (month), GUINT_TO_POINTER (m));
      g_hash_table_insert (weeks, GUINT_TO_POINTER (week), GUINT_TO_POINTER (w));
      if (m > best_month)
        {
          best_month = m;
          *month_day = month;
        }
      if (w > best_week)
        {
          best_week = w;
          *week_day = week;
        }
    }
  *week_blocks = best_week;
}

static void
bench_grid (const char     *what,
            const char     *hours,
            SpWindow       *window,
            SpCalendarGrid *grid,
            guint32         day)
{
  double build[RUNS], build_cpu[RUNS], raster[RUNS], raster_cpu[RUNS], cold[RUNS], cold_cpu[RUNS];
  g_autofree char *cold_name = g_strdup_printf ("%s*", what);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (grid)));

  sp_window_set_selected_day (window, day);
  drain ();
  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      double t0, c0, t1, c1;

      /* Laid out again as after a change of the schedule, then one frame */
      t0 = now_ms ();
      c0 = cpu_ms ();
      sp_calendar_grid_invalidate (grid);
      node = snapshot_widget (GTK_WIDGET (grid));
      t1 = now_ms ();
      c1 = cpu_ms ();
      texture = gsk_renderer_render_texture (renderer, node, NULL);
      build[i] = t1 - t0;
      build_cpu[i] = c1 - c0;
      raster[i] = now_ms () - t1;
      raster_cpu[i] = cpu_ms () - c1;
      drain_for (5);
    }
  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      double t0, c0;

      /* Cold: a change of style (theme, dark, text size) drops every
       * measured and drawn text; so does a first showing */
      t0 = now_ms ();
      c0 = cpu_ms ();
      /* What GTK calls when the fonts change */
      GTK_WIDGET_GET_CLASS (grid)->system_setting_changed (GTK_WIDGET (grid), GTK_SYSTEM_SETTING_FONT_CONFIG);
      sp_calendar_grid_invalidate (grid);
      node = snapshot_widget (GTK_WIDGET (grid));
      cold[i] = now_ms () - t0;
      cold_cpu[i] = cpu_ms () - c0;
      drain_for (5);
    }
  report (what, hours, build, build_cpu, RUNS);
  report (cold_name, hours, cold, cold_cpu, RUNS);
  report ("raster", hours, raster, raster_cpu, RUNS);
}

static void
bench_mark (const char *hours,
            SpPlanner  *planner,
            SpWindow   *window,
            GtkWidget  *month,
            GtkWidget  *week,
            SpDayView  *day_view,
            guint32     day)
{
  double mark[RUNS], mark_cpu[RUNS], views[RUNS], views_cpu[RUNS], idle[RUNS], idle_cpu[RUNS];
  g_autofree char *id = NULL;
  guint first;

  sp_window_set_selected_day (window, day);
  g_assert (sp_schedule_get_day_blocks (sp_planner_get_schedule (planner), day, &first) > 0);
  id = g_strdup (sp_schedule_get_block (sp_planner_get_schedule (planner), first)->id);
  drain ();

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GskRenderNode) a = NULL;
      g_autoptr(GskRenderNode) b = NULL;
      g_autoptr(GskRenderNode) c = NULL;
      g_autoptr(GskRenderNode) d = NULL;
      double t0, c0;

      /* Mark it, and everything shows it: the summary rebuilds in the
       * signal, the Day view's list on the next idle (run here at once) */
      t0 = now_ms ();
      c0 = cpu_ms ();
      if (!sp_planner_mark_block (planner, id, i % 2 ? SP_BLOCK_STATUS_PLANNED : SP_BLOCK_STATUS_DONE, 0, &error))
        g_error ("%s", error->message);
      g_assert (sp_day_view_get_block_row (day_view, id) != NULL);
      a = snapshot_widget (month);
      b = snapshot_widget (week);
      mark[i] = now_ms () - t0;
      mark_cpu[i] = cpu_ms () - c0;
      drain_for (5);

      /* The views alone: from "changed" on */
      t0 = now_ms ();
      c0 = cpu_ms ();
      g_signal_emit_by_name (planner, "changed");
      g_assert (sp_day_view_get_block_row (day_view, id) != NULL);
      c = snapshot_widget (month);
      d = snapshot_widget (week);
      views[i] = now_ms () - t0;
      views_cpu[i] = cpu_ms () - c0;

      /* What else runs before the next frame: the other pages' idle
       * rebuilds (the Path view makes its rows again) */
      t0 = now_ms ();
      c0 = cpu_ms ();
      drain_for (200);
      idle[i] = now_ms () - t0;
      idle_cpu[i] = cpu_ms () - c0;
    }
  report ("mark", hours, mark, mark_cpu, RUNS);
  report ("views", hours, views, views_cpu, RUNS);
  report ("idle", hours, idle, idle_cpu, RUNS);
}

static void
run (SpApplication *app,
     gboolean       dense)
{
  SpWindow *window = SP_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  SpPlanner *planner = sp_application_get_planner (app);
  GtkWidget *month = sp_test_ui_find_grid (GTK_WIDGET (window), SP_CALENDAR_SPAN_MONTH);
  GtkWidget *week = sp_test_ui_find_grid (GTK_WIDGET (window), SP_CALENDAR_SPAN_WEEK);
  SpDayView *day_view = NULL;
  g_autoptr(SpAvailability) availability = sp_availability_copy (sp_planner_get_availability (planner));
  const char *hours = dense ? "6 h every day" : "default hours";
  guint32 month_day = 0, week_day = 0;
  guint week_blocks = 0;

  {
    GList *stack = g_list_prepend (NULL, window);

    while (stack != NULL && day_view == NULL)
      {
        GtkWidget *w = stack->data;

        stack = g_list_delete_link (stack, stack);
        if (SP_IS_DAY_VIEW (w))
          day_view = SP_DAY_VIEW (w);
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          stack = g_list_prepend (stack, c);
      }
    g_list_free (stack);
  }
  g_assert (month != NULL && week != NULL && day_view != NULL);

  if (dense)
    for (guint d = 0; d < SP_N_WEEKDAYS; d++)
      sp_availability_set_day (availability, d, 6 * 60, 8 * 60);
  sp_planner_set_availability (planner, availability);
  find_busiest (sp_planner_get_schedule (planner), sp_calendar_grid_get_first_weekday (SP_CALENDAR_GRID (week)),
                &month_day, &week_day, &week_blocks);
  {
    g_autofree char *m = sp_format_date (month_day);
    g_autofree char *w = sp_format_date (week_day);

    g_print ("%s: %u blocks in the path; busiest month from %s, busiest week from %s with %u blocks\n",
             hours, sp_schedule_get_n_blocks (sp_planner_get_schedule (planner)), m, w, week_blocks);
  }

  sp_window_set_view (window, "month");
  drain ();
  g_usleep (200 * 1000);
  drain ();
  bench_grid ("month", hours, window, SP_CALENDAR_GRID (month), month_day);
  sp_window_set_view (window, "week");
  drain ();
  g_usleep (200 * 1000);
  drain ();
  bench_grid ("week", hours, window, SP_CALENDAR_GRID (week), week_day);
  bench_mark (hours, planner, window, month, week, day_view, week_day + 3);
}

static void
activate_cb (GApplication *app)
{
  GtkWindow *window;

  g_application_hold (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  gtk_window_set_default_size (window, 1920, 1080);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_usleep (300 * 1000);
  drain ();

  run (SP_APPLICATION (app), FALSE);
  run (SP_APPLICATION (app), TRUE);

  gtk_window_destroy (window);
  g_application_release (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpApplication) app = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sp-bench-views-XXXXXX", NULL);
  g_autofree char *state = NULL;
  int status;

  /* A new user's data, in a folder of our own */
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);

  /* No network, no desktop notifications: only the views are measured */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_boolean (settings, "catalog-auto-refresh", FALSE);
    g_settings_set_boolean (settings, "notify-blocks", FALSE);
  }

  app = sp_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 1, argv);

  state = g_build_filename (dir, "study-planner", "state.json", NULL);
  g_unlink (state);
  state[strlen (state) - strlen ("/state.json")] = '\0';
  g_rmdir (state);
  g_rmdir (dir);
  return status;
}
