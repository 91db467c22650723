/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "sp-test-files.h"
#include "sp-test-program.h"

/* The hours and the goal dates the command line takes (issue 14): what a
 * day cannot hold and bad goals exit 2 naming the option; goals reach each
 * level of --export-json. Criticals are fatal in the program. */

static char *data_home;

static void
run (SpTestRun          *result,
     const char * const *args)
{
  g_auto(GStrv) envp = sp_test_program_environ ();

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "G_DEBUG", "fatal-criticals", TRUE);
  envp = g_environ_unsetenv (envp, "LANGUAGE");
  sp_test_run_program (result, args, (const char * const *) envp, NULL);
}

static void
set_up (void)
{
  data_home = g_dir_make_tmp ("sp-cli-goals-XXXXXX", NULL);
  g_assert_nonnull (data_home);
}

static void
tear_down (void)
{
  sp_test_remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);
}

/* Mon=24 with study from 19:00 planned 5 h without a word */
static void
test_hours_room (void)
{
  static const struct
  {
    const char *hours;
    const char *message;
  } cases[] = {
    { "Mon=24", "study-planner: --hours: Mon: 24 h do not fit after 19:00, when study starts that day: at most 5 h fit\n" },
    { "Sat=14.5", "study-planner: --hours: Sat: 14.5 h do not fit after 10:00, when study starts that day: at most 14 h fit\n" },
    { "Mon=0.01", "study-planner: --hours: Mon: 0.01 h is too little to plan a block: give 0, or at least 0.25 (15 minutes)\n" },
  };
  g_auto(SpTestRun) fits = { 0 };

  set_up ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SpTestRun) result = { 0 };
      const char *args[] = { "--export-json", "-", "--hours", cases[i].hours, NULL };

      run (&result, args);
      g_assert_cmpstr (result.err, ==, cases[i].message);
      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpstr (result.out, ==, "");
    }

  {
    const char *args[] = { "--export-json", "-", "--hours", "Mon=5,Sat=14", "--start", "2026-01-05", NULL };

    run (&fits, args);
    g_assert_cmpstr (fits.err, ==, "");
    g_assert_cmpint (fits.status, ==, 0);
    g_assert_nonnull (strstr (fits.out, "\"weekly_hours\": 19.0"));
  }
  tear_down ();
}

/* 0.25 h was 0.3 in the JSON and 0.2 in the summary */
static void
test_weekly_figure (void)
{
  g_auto(SpTestRun) result = { 0 };
  const char *args[] = { "--export-json", "-", "--hours", "Sun=0.25", "--start", "2026-01-05", NULL };

  set_up ();
  run (&result, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "\"weekly_hours\": 0.3,"));
  g_assert_nonnull (strstr (result.out, "\"summary\": \"At 0.3 h a week"));
  tear_down ();
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-goals/hours-room", test_hours_room);
  g_test_add_func ("/cli-goals/weekly-figure", test_weekly_figure);
  return g_test_run ();
}
