/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <gio/gio.h>

#include "sp-test-files.h"
#include "sp-test-program.h"

/* What the command line does with options that meet, dates past its range,
 * input it echoes and a signal in the middle of an export: each case one
 * an outside test found (issue 15). The program runs with criticals fatal,
 * so a GLib-CRITICAL anywhere fails the case. */

static char *data_home;

static void
run_program (SpTestRun *run,
             ...)
{
  g_auto(GStrv) envp = sp_test_cli_environ (data_home);
  const char *first_arg;
  va_list     args;

  envp = g_environ_setenv (envp, "G_DEBUG", "fatal-criticals", TRUE);
  va_start (args, run);
  first_arg = va_arg (args, const char *);
  sp_test_run_program_va (run, (const char * const *) envp, first_arg, args);
  va_end (args);
}

static char *
plan_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "plans", "valid-minimal.json", NULL);
}

static char *
bundled_plan_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "plans", "ml-career.json", NULL);
}

static void
set_up (void)
{
  data_home = sp_test_make_tmp_dir ("sp-cli-options-XXXXXX");
}

static void
tear_down (void)
{
  sp_test_remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);
}

static char *
in_home (const char *name)
{
  return g_build_filename (data_home, name, NULL);
}

/* Point 8: --export-json a --export-pdf b wrote only a */
static void
test_every_export (void)
{
  g_autofree char *plan = plan_path ();
  g_autofree char *json = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *written = NULL;
  g_auto(SpTestRun) all = { 0 };
  g_auto(SpTestRun) one = { 0 };

  set_up ();
  json = in_home ("a.json");
  pdf = in_home ("b.pdf");
  ics = in_home ("c.ics");
  run_program (&all, "--export-json", json, "--export-pdf", pdf, "--export-ics", ics, "--plan", plan,
               "--start", "2031-03-03", "--hours", "Mon=2,Sat=3", "--range", "plan", NULL);
  sp_test_assert_success (&all);
  g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (ics, G_FILE_TEST_IS_REGULAR));

  /* The same schedule as each export alone */
  run_program (&one, "--export-json", "-", "--plan", plan, "--start", "2031-03-03", "--hours", "Mon=2,Sat=3", NULL);
  g_assert_true (g_file_get_contents (json, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, one.out);
  tear_down ();
}

static void
test_refused_combinations (void)
{
  g_autofree char *plan = plan_path ();
  static const struct
  {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { "--check-plan", "PLAN", "--export-json", "-", NULL },
      "study-planner: --check-plan and --export-json cannot be combined: run them one at a time\n" },
    { { "--check-plan", "PLAN", "--list-courses", NULL },
      "study-planner: --check-plan and --list-courses cannot be combined: run them one at a time\n" },
    { { "--list-courses", "--export-ics", "-", NULL },
      "study-planner: --list-courses and --export-ics cannot be combined: run them one at a time\n" },
    { { "--sync", "--export-pdf", "-", NULL },
      "study-planner: --sync and --export-pdf cannot be combined: run them one at a time\n" },
    { { "--list-courses", "--sync", NULL },
      "study-planner: --list-courses and --sync cannot be combined: run them one at a time\n" },
    { { "--export-json", "-", "--export-ics", "-", NULL },
      "study-planner: --export-json and --export-ics both write to “-”: give each its own file\n" },
    { { "--check-plan", "", NULL },
      "study-planner: --check-plan: the file name is empty\n" },
    { { "--export-json", "-", "--plan", "", NULL },
      "study-planner: --plan: the file name is empty\n" },
  };

  set_up ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SpTestRun) run = { 0 };
      const char *a[6];

      for (guint j = 0; j < G_N_ELEMENTS (a); j++)
        a[j] = g_strcmp0 (cases[i].args[j], "PLAN") == 0 ? plan : cases[i].args[j];
      run_program (&run, a[0], a[1], a[2], a[3], a[4], a[5], NULL);
      sp_test_assert_usage_error (&run, cases[i].message);
    }
  tear_down ();
}

/* Point 7: --start 9999-12-31 printed criticals, "(null)" and years of
 * five digits, and exited 0 */
static void
test_dates_out_of_range (void)
{
  g_autofree char *plan = plan_path ();
  static const struct
  {
    const char *option;
    const char *value;
    const char *message;
  } cases[] = {
    { "--start", "9999-12-31", "study-planner: --start: “9999-12-31” is past the supported dates: from 1970-01-01 to 2200-12-31\n" },
    { "--start", "2201-01-01", "study-planner: --start: “2201-01-01” is past the supported dates: from 1970-01-01 to 2200-12-31\n" },
    { "--start", "1969-12-31", "study-planner: --start: “1969-12-31” is past the supported dates: from 1970-01-01 to 2200-12-31\n" },
    { "--start", "0001-01-01", "study-planner: --start: “0001-01-01” is past the supported dates: from 1970-01-01 to 2200-12-31\n" },
    { "--from", "9999-12-31", "study-planner: --from: “9999-12-31” is past the supported dates: from 1970-01-01 to 2200-12-31\n" },
  };

  set_up ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SpTestRun) run = { 0 };

      run_program (&run, "--export-pdf", "-", "--plan", plan, cases[i].option, cases[i].value, NULL);
      sp_test_assert_usage_error (&run, cases[i].message);
    }
  tear_down ();
}

/* The last start taken, with the whole bundled path at one hour a week:
 * every date printed has four digits, and nothing is critical */
static void
test_last_start (void)
{
  g_autofree char *plan = bundled_plan_path ();
  g_autoptr(GRegex) bad = g_regex_new ("DTSTART[^:\n]*:(00000000|[0-9]{9})|\\(null\\)", 0, 0, NULL);
  g_auto(SpTestRun) ics = { 0 };
  g_auto(SpTestRun) json = { 0 };

  set_up ();
  run_program (&ics, "--export-ics", "-", "--plan", plan, "--start", "2200-12-31", "--hours", "Sat=14", NULL);
  sp_test_assert_success (&ics);
  g_assert_false (g_regex_match (bad, ics.out, 0, NULL));
  g_assert_nonnull (strstr (ics.out, "DTSTART;TZID="));

  run_program (&json, "--export-json", "-", "--plan", plan, "--start", "2200-12-31", "--hours", "Sun=0.5", NULL);
  sp_test_assert_success (&json);
  g_assert_null (strstr (json.out, "(null)"));
  tear_down ();
}

/* The state file's dates are checked the same way */
static void
test_state_dates (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *state = NULL;
  g_auto(SpTestRun) run = { 0 };

  set_up ();
  dir = g_build_filename (data_home, "study-planner", NULL);
  state = g_build_filename (dir, "state.json", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (state,
                                      "{\"version\": 1, \"availability\": {\"days\": ["
                                      "{\"minutes\": 60, \"start\": \"19:00\"}, {\"minutes\": 0, \"start\": \"19:00\"},"
                                      "{\"minutes\": 0, \"start\": \"19:00\"}, {\"minutes\": 0, \"start\": \"19:00\"},"
                                      "{\"minutes\": 0, \"start\": \"19:00\"}, {\"minutes\": 0, \"start\": \"10:00\"},"
                                      "{\"minutes\": 0, \"start\": \"10:00\"}], \"block_minutes\": 60, "
                                      "\"break_minutes\": 0, \"start\": \"9999-12-31\"}}",
                                      -1, NULL));
  run_program (&run, "--export-json", "-", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "study-planner: Could not read your saved progress: "));
  g_assert_nonnull (strstr (run.err, "a date as YYYY-MM-DD from 1970-01-01 to 2200-12-31"));
  g_assert_cmpstr (run.out, ==, "");
  tear_down ();
}

/* Point 9: input echoed back never carries a control character, and
 * --range takes any case as --paper does */
static void
test_small_ones (void)
{
  g_autofree char *plan = plan_path ();
  g_auto(SpTestRun) track = { 0 };
  g_auto(SpTestRun) range = { 0 };
  g_auto(SpTestRun) lower = { 0 };
  g_auto(SpTestRun) paper = { 0 };

  set_up ();
  run_program (&track, "--export-json", "-", "--plan", plan, "--track", "d\x01l", NULL);
  g_assert_cmpint (track.status, ==, 2);
  g_assert_cmpstr (track.err, ==, "study-planner: --track: “d\\x01l” is not a track of this plan; choose one of a, b\n");

  run_program (&paper, "--export-pdf", "-", "--plan", plan, "--paper", "x\x1b[31m", NULL);
  g_assert_cmpint (paper.status, ==, 2);
  g_assert_cmpstr (paper.err, ==, "study-planner: --paper: “x\\x1b[31m” is not a paper size; choose a4 or letter\n");

  run_program (&range, "--export-pdf", "-", "--plan", plan, "--start", "2031-03-03", "--range", "PLAN",
               "--paper", "A4", NULL);
  sp_test_assert_success (&range);
  run_program (&lower, "--export-pdf", "-", "--plan", plan, "--start", "2031-03-03", "--range", "plan",
               "--paper", "a4", NULL);
  g_assert_cmpint (lower.status, ==, 0);
  g_assert_true (g_str_has_prefix (range.out, "%PDF"));
  /* The same pages: the two differ only in their time stamps */
  g_assert_cmpuint (range.out_len, ==, lower.out_len);
  tear_down ();
}

static gboolean
has_temp_file (const char *dir,
               const char *prefix)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return TRUE;
  return FALSE;
}

/* Point 6: SIGTERM while the whole-plan PDF is written left a whole
 * out.pdf.XXXXXX beside the target. The program runs with a rename() that
 * waits a minute (tests/support/sp-test-slow-rename.c), and the signal
 * goes the moment the temporary file appears (inotify), so it always lands
 * in the write. */
static void
test_signal_during_export (void)
{
  static const int signals[] = { SIGTERM, SIGINT, SIGHUP };
  g_autofree char *plan = bundled_plan_path ();

  g_assert_nonnull (g_getenv ("SP_TEST_SLOW_RENAME_MODULE"));
  set_up ();
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autofree char *out = in_home ("out.pdf");
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                            G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;
      g_autofree char *asan = NULL;
      g_auto(GStrv) envp = sp_test_cli_environ (data_home);
      gboolean seen = FALSE;
      gint64   deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
      int      fd = inotify_init1 (IN_CLOEXEC | IN_NONBLOCK);

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (inotify_add_watch (fd, data_home, IN_CREATE), >=, 0);
      envp = g_environ_setenv (envp, "LD_PRELOAD", g_getenv ("SP_TEST_SLOW_RENAME_MODULE"), TRUE);
      envp = g_environ_setenv (envp, "SP_TEST_SLOW_RENAME", "/out.pdf", TRUE);
      /* The module comes before the sanitizers' runtime, which is fine */
      asan = g_strconcat (g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                          ":verify_asan_link_order=0", NULL);
      envp = g_environ_setenv (envp, "ASAN_OPTIONS", asan, TRUE);
      g_subprocess_launcher_set_environ (launcher, envp);
      process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("STUDY_PLANNER_BIN"),
                                             "--export-pdf", out, "--range", "plan", "--plan", plan,
                                             "--start", "2031-03-03", "--hours", "Mon=1,Sat=2", NULL);
      g_assert_no_error (error);

      /* Wait for the temporary file, or the end of the program */
      while (!seen)
        {
          struct pollfd pfd = { .fd = fd, .events = POLLIN };
          char          buf[4096] __attribute__ ((aligned (__alignof__(struct inotify_event))));
          ssize_t       len;

          if (g_get_monotonic_time () > deadline)
            break;
          if (poll (&pfd, 1, 100) <= 0)
            continue;
          len = read (fd, buf, sizeof buf);
          for (char *p = buf; len > 0 && p < buf + len;)
            {
              struct inotify_event *event = (struct inotify_event *) p;

              if (event->len > 0 && g_str_has_prefix (event->name, "out.pdf."))
                seen = TRUE;
              p += sizeof *event + event->len;
            }
        }
      close (fd);
      g_assert_true (seen);
      g_subprocess_send_signal (process, signals[i]);
      g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);

      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
      g_assert_cmpstr (err, ==, "study-planner: Stopped by a signal; the file being written was removed\n");
      g_assert_false (has_temp_file (data_home, "out.pdf."));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
  tear_down ();
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-options/every-export", test_every_export);
  g_test_add_func ("/cli-options/refused-combinations", test_refused_combinations);
  g_test_add_func ("/cli-options/dates-out-of-range", test_dates_out_of_range);
  g_test_add_func ("/cli-options/last-start", test_last_start);
  g_test_add_func ("/cli-options/state-dates", test_state_dates);
  g_test_add_func ("/cli-options/small-ones", test_small_ones);
  g_test_add_func ("/cli-options/signal-during-export", test_signal_during_export);

  return g_test_run ();
}
