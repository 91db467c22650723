/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bench-stats.h"
#include "sp-export.h"
#include "sp-planner.h"

/* How long the exports take for the bundled path at the default 10 hours a
 * week: the whole plan as a PDF (target under 1 s) and every block as an
 * iCalendar file (target under 100 ms); the week and month pages too. The
 * first run, which loads fonts and zone data, is shown apart. Exits 1 when
 * a target is missed.
 *
 * Run: meson test -C build --benchmark export --verbose */

#define MIN_TIME_US  (1000 * 1000)
#define MIN_RUNS     5

typedef struct
{
  double first_ms;
  double best_ms;
  double median_ms;
  guint  runs;
  gsize  bytes;
} Timing;

typedef gsize (*RunFunc) (SpPlanner *planner, gpointer data);

static Timing
measure (SpPlanner *planner,
         RunFunc    func,
         gpointer   data)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  Timing timing = { 0, };
  gint64 total = 0;

  while (times->len < MIN_RUNS || total < MIN_TIME_US)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      timing.bytes = func (planner, data);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      total += g_get_monotonic_time () - start;
      if (times->len == 0 && timing.first_ms == 0)
        {
          timing.first_ms = ms;
          continue;
        }
      g_array_append_val (times, ms);
    }
  g_array_sort (times, bench_compare_doubles);
  timing.runs = times->len;
  timing.best_ms = g_array_index (times, double, 0);
  timing.median_ms = g_array_index (times, double, times->len / 2);
  return timing;
}

static gsize
run_pdf (SpPlanner *planner,
         gpointer   data)
{
  g_autoptr(GError) error = NULL;
  SpExportOptions options = {
    .range = GPOINTER_TO_UINT (data), .from_day = sp_planner_get_today (planner), .paper = SP_PAPER_A4
  };
  g_autoptr(GBytes) pdf = sp_export_pdf (sp_planner_get_schedule (planner), &options, &error);

  g_assert_no_error (error);
  return g_bytes_get_size (pdf);
}

static gsize
run_ics (SpPlanner *planner,
         gpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) ical = NULL;
  SpExportOptions options;

  sp_export_options_init (&options, planner);
  ical = sp_export_ics (sp_planner_get_schedule (planner), &options, &error);
  g_assert_no_error (error);
  return g_bytes_get_size (ical);
}

static gboolean
report (const char *name,
        Timing      timing,
        double      target_ms)
{
  gboolean ok = target_ms <= 0 || timing.median_ms < target_ms;

  g_print ("%-18s median %8.1f ms  best %8.1f ms  first %8.1f ms  %8zu bytes  (%u runs)",
           name, timing.median_ms, timing.best_ms, timing.first_ms, timing.bytes, timing.runs);
  if (target_ms > 0)
    g_print ("  target < %.0f ms: %s", target_ms, ok ? "ok" : "MISSED");
  g_print ("\n");
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(SpPlanner) planner = NULL;
  g_autoptr(SpAvailability) availability = sp_availability_new ();
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  g_autoptr(SpPrintLayout) layout = NULL;
  SpSchedule *schedule;
  guint32 start = 0;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "C.UTF-8");
  plan = sp_plan_new_bundled ();
  planner = sp_planner_new (plan);
  g_assert_true (sp_parse_date ("2025-03-03", &start, NULL));
  availability->start_day = start;
  sp_planner_set_timezone (planner, tz);
  sp_planner_set_today (planner, start + 9);
  sp_planner_set_availability (planner, availability);
  schedule = sp_planner_get_schedule (planner);

  layout = sp_print_layout_new (schedule, SP_PRINT_RANGE_PLAN, 0, 0);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (surface);

    g_print ("bundled path: %u blocks over %u days, whole plan %u pages on A4\n",
             sp_schedule_get_n_blocks (schedule),
             sp_schedule_get_last_day (schedule) - sp_schedule_get_first_day (schedule) + 1,
             sp_print_layout_paginate (layout, cr, 595.276 - 2 * SP_EXPORT_MARGIN, 841.89 - 2 * SP_EXPORT_MARGIN));
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  ok &= report ("PDF whole plan", measure (planner, run_pdf, GUINT_TO_POINTER (SP_PRINT_RANGE_PLAN)), 1000);
  ok &= report ("iCalendar", measure (planner, run_ics, NULL), 100);
  report ("PDF week", measure (planner, run_pdf, GUINT_TO_POINTER (SP_PRINT_RANGE_WEEK)), 0);
  report ("PDF month", measure (planner, run_pdf, GUINT_TO_POINTER (SP_PRINT_RANGE_MONTH)), 0);

  return ok ? 0 : 1;
}
