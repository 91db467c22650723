/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-bench"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sp-bench.h"
#include "sp-first-frame.h"

/* For bench/startup.sh, which holds our startup against a bare GTK window
 * (bench/bare-window.c does the same there): with
 * STUDY_PLANNER_BENCH_FIRST_FRAME=1 the app prints the CLOCK_MONOTONIC time
 * of its main window's first painted frame, then, once the window has
 * settled, its resident memory, and quits. */

#define SETTLE_MS 1000

/* One line of /proc/self/status, such as "VmRSS:  118456 kB" → "118456 kB" */
static char *
read_status (const char *field)
{
  g_autofree char *status = NULL;
  g_autofree char *key = g_strconcat (field, ":", NULL);
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return g_strdup ("unknown");
  line = strstr (status, key);
  if (line == NULL)
    return g_strdup ("unknown");
  line += strlen (key);
  return g_strstrip (g_strndup (line, strcspn (line, "\n")));
}

static gboolean
settled_cb (gpointer user_data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (user_data));
  g_autofree char *rss = read_status ("VmRSS");
  g_autofree char *anon = read_status ("RssAnon");

  /* Anonymous memory is what the program made; the rest is mostly libraries */
  printf ("bench: vmrss %s\nbench: rss-anon %s\n", rss, anon);
  fflush (stdout);
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

/**
 * sp_bench_enabled:
 *
 * Returns: whether STUDY_PLANNER_BENCH_FIRST_FRAME=1 asks for the marks
 */
gboolean
sp_bench_enabled (void)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_strcmp0 (g_getenv ("STUDY_PLANNER_BENCH_FIRST_FRAME"), "1") == 0;
  return enabled;
}

/**
 * sp_bench_mark:
 * @what: a step of startup, one word
 *
 * With STUDY_PLANNER_BENCH_FIRST_FRAME=1, prints when a step of startup
 * ended, so that bench/startup.sh shows where the time before the first
 * frame goes.
 */
void
sp_bench_mark (const char *what)
{
  if (!sp_bench_enabled ())
    return;
  printf ("bench: mark %" G_GINT64_FORMAT " %s\n", g_get_monotonic_time (), what);
  fflush (stdout);
}

static void
first_frame_cb (gpointer user_data)
{
  printf ("bench: first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_timeout_add_full (G_PRIORITY_DEFAULT, SETTLE_MS, settled_cb, g_object_ref (user_data), g_object_unref);
}

/**
 * sp_bench_watch_first_frame:
 *
 * Does nothing unless STUDY_PLANNER_BENCH_FIRST_FRAME=1: call it once on
 * the main window before it is shown.
 */
void
sp_bench_watch_first_frame (GtkWindow *window)
{
  if (!sp_bench_enabled ())
    return;

  sp_after_first_frame (GTK_WIDGET (window), first_frame_cb, window);
}
