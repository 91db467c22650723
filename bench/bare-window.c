/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <stdio.h>
#include <string.h>

/* The floor for bench/startup.sh: the least a libadwaita application does to
 * show a window (an AdwApplication, an AdwApplicationWindow with a header
 * bar and a label). It reports its first frame and its settled memory as
 * Study Planner does with STUDY_PLANNER_BENCH_FIRST_FRAME=1 (src/sp-bench.c). */

#define SETTLE_MS 1000

/* The same steps as Study Planner's sp_bench_mark(), for bench/startup.sh */
static void
mark (const char *what)
{
  printf ("bench: mark %" G_GINT64_FORMAT " %s\n", g_get_monotonic_time (), what);
  fflush (stdout);
}

static gboolean
settled_cb (gpointer user_data)
{
  g_autofree char *status = NULL;
  const char *line = NULL;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    line = strstr (status, "VmRSS:");
  if (line != NULL)
    {
      g_autofree char *rss = g_strndup (line + 6, strcspn (line + 6, "\n"));
      printf ("bench: vmrss %s\n", g_strstrip (rss));
    }
  line = status ? strstr (status, "RssAnon:") : NULL;
  if (line != NULL)
    {
      g_autofree char *anon = g_strndup (line + 8, strcspn (line + 8, "\n"));
      printf ("bench: rss-anon %s\n", g_strstrip (anon));
    }
  fflush (stdout);
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  printf ("bench: first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_timeout_add (SETTLE_MS, settled_cb, gtk_window_get_application (GTK_WINDOW (window)));
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
startup_cb (GApplication *app)
{
  mark ("gtk");
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Hello"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);

  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  mark ("window");
  gtk_window_present (GTK_WINDOW (window));
  mark ("present");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  mark ("main");
  app = adw_application_new ("io.github.studyplanner.BareWindow",
                                                        G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect_after (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
