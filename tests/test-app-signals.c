/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>

#include "sp-test-files.h"
#include "sp-test-notify.h"

/* The app as a session, a terminal or kill ends it: SIGTERM, SIGINT or
 * SIGHUP once its window has drawn. It writes its progress once more,
 * whole, and quits with status 0, leaving no temporary file beside
 * state.json; the signal used to end it on the spot. The real program in
 * its own process, on the test's display; its startup marks
 * (STUDY_PLANNER_BENCH_FIRST_FRAME) say when the window is up. */

static void
test_signal (gconstpointer data)
{
  int              signum = GPOINTER_TO_INT (data);
  g_autofree char *home = g_dir_make_tmp ("sp-signals-XXXXXX", NULL);
  g_autofree char *data_dir = g_build_filename (home, "data", NULL);
  g_autofree char *cache_dir = g_build_filename (home, "cache", NULL);
  g_autofree char *config_dir = g_build_filename (home, "config", NULL);
  g_autofree char *state_dir = g_build_filename (data_dir, "study-planner", NULL);
  g_autofree char *state = g_build_filename (state_dir, "state.json", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *program = g_getenv ("STUDY_PLANNER_BIN");
  const char *name;
  gboolean    up = FALSE;
  char       *line;

  g_assert_nonnull (home);
  g_assert_nonnull (program);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "STUDY_PLANNER_BENCH_FIRST_FRAME", "1", TRUE);
  app = g_subprocess_launcher_spawn (launcher, &error, program, NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (app));
  while (!up && (line = g_data_input_stream_read_line (out, NULL, NULL, &error)) != NULL)
    {
      up = g_str_has_prefix (line, "bench: first-frame ");
      g_free (line);
    }
  g_assert_no_error (error);
  g_assert_true (up);

  g_subprocess_send_signal (app, signum);
  g_assert_true (g_subprocess_wait (app, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);

  /* The progress, whole, and nothing beside it */
  g_assert_true (json_parser_load_from_file (parser, state, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  dir = g_dir_open (state_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "state.json") && !g_str_equal (name, "state.json"))
      g_error ("A temporary file was left: %s", name);

  sp_test_remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  SpTestNotifyServer notify_server;
  int                status;

  g_test_init (&argc, &argv, NULL);
  /* The app notifies of a block about to start, as it would in a session
   * with GNOME Shell; with no server GLib warns, fatally here */
  sp_test_notify_server_start (&notify_server);

  g_test_add_data_func ("/app/signal/term", GINT_TO_POINTER (SIGTERM), test_signal);
  g_test_add_data_func ("/app/signal/int", GINT_TO_POINTER (SIGINT), test_signal);
  g_test_add_data_func ("/app/signal/hup", GINT_TO_POINTER (SIGHUP), test_signal);
  status = g_test_run ();
  sp_test_notify_server_stop (&notify_server);
  return status;
}
