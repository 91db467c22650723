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
  g_auto(GStrv) envp = sp_test_cli_environ (data_home);

  envp = g_environ_setenv (envp, "G_DEBUG", "fatal-criticals", TRUE);
  sp_test_run_program (result, args, (const char * const *) envp, NULL);
}

static void
set_up (void)
{
  data_home = sp_test_make_tmp_dir ("sp-cli-goals-XXXXXX");
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
      sp_test_assert_usage_error (&result, cases[i].message);
    }

  {
    const char *args[] = { "--export-json", "-", "--hours", "Mon=5,Sat=14", "--start", "2026-01-05", NULL };

    run (&fits, args);
    sp_test_assert_success (&fits);
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

static const char * const schedule_args[] = {
  "--export-json",
  "-",
  "--hours",
  "Mon=1.5,Tue=1,Wed=1.5,Thu=1,Fri=1,Sat=3,Sun=2",
  "--start",
  "2031-01-06",
};

/* The program's JSON with @extra after the schedule options */
static JsonObject *
export_with (JsonParser         *parser,
             const char * const *extra)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(SpTestRun) result = { 0 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (schedule_args); i++)
    g_ptr_array_add (args, (gpointer) schedule_args[i]);
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) extra[i]);
  g_ptr_array_add (args, NULL);
  run (&result, (const char * const *) args->pdata);
  sp_test_assert_success (&result);
  json_parser_load_from_data (parser, result.out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
level_at (JsonObject *root,
          guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (root, "levels"), index);
}

/* Each level carries "goal" and "hours_per_week_needed", null without one */
static void
test_goal_json (void)
{
  g_autoptr(JsonParser) without = json_parser_new ();
  g_autoptr(JsonParser) with = json_parser_new ();
  g_autoptr(JsonParser) unmet = json_parser_new ();
  const char *none[] = { NULL };
  const char *goals[] = { "--goal", "fundamentals=2031-04-30", "--goal", "path=2035-09-01", NULL };
  const char *too_soon[] = { "--goal", "path=2031-02-01", NULL };
  JsonObject *root, *level;

  set_up ();
  root = export_with (without, none);
  g_assert_true (json_object_get_null_member (root, "goal"));
  g_assert_true (json_object_get_null_member (root, "hours_per_week_needed"));
  for (guint l = 0; l < 3; l++)
    {
      g_assert_true (json_object_get_null_member (level_at (root, l), "goal"));
      g_assert_true (json_object_get_null_member (level_at (root, l), "hours_per_week_needed"));
    }

  root = export_with (with, goals);
  g_assert_cmpstr (json_object_get_string_member (root, "goal"), ==, "2035-09-01");
  g_assert_cmpfloat (json_object_get_double_member (root, "hours_per_week_needed"), <, 11.0);
  level = level_at (root, 0);
  g_assert_cmpstr (json_object_get_string_member (level, "goal"), ==, "2031-04-30");
  g_assert_cmpfloat (json_object_get_double_member (level, "hours_per_week_needed"), >, 11.0);
  g_assert_true (json_object_get_null_member (level_at (root, 1), "goal"));

  /* A goal no hours can meet: the goal, and no hours */
  root = export_with (unmet, too_soon);
  g_assert_cmpstr (json_object_get_string_member (root, "goal"), ==, "2031-02-01");
  g_assert_true (json_object_get_null_member (root, "hours_per_week_needed"));
  tear_down ();
}

/* Bad values exit 2 with a message naming the option and what it expects */
static void
test_goal_usage (void)
{
  static const struct
  {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { "--export-json", "-", "--goal", "fundamentals", NULL },
      "study-planner: --goal: “fundamentals” is not LEVEL=YYYY-MM-DD or path=YYYY-MM-DD\n" },
    { { "--export-json", "-", "--goal", "=2026-01-01", NULL },
      "study-planner: --goal: “=2026-01-01” is not LEVEL=YYYY-MM-DD or path=YYYY-MM-DD\n" },
    { { "--export-json", "-", "--goal", "nowhere=2026-01-01", NULL },
      "study-planner: --goal: “nowhere” is not a level of this plan; use path or one of fundamentals, core, "
      "specialization\n" },
    { { "--export-json", "-", "--goal", "path=2026-02-30", NULL },
      "study-planner: --goal: “2026-02-30” is not a date: expected YYYY-MM-DD, for example 2025-09-01\n" },
    { { "--export-json", "-", "--goal", "path=9999-01-01", NULL },
      "study-planner: --goal: “9999-01-01” is past the supported dates: from 1970-01-01 to 2200-12-31\n" },
    { { "--goal", "path=2027-01-01", NULL },
      "study-planner: --goal only shapes an export: add --export-json FILE\n" },
  };

  set_up ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SpTestRun) result = { 0 };

      run (&result, cases[i].args);
      sp_test_assert_usage_error (&result, cases[i].message);
    }
  tear_down ();
}

/* Goals set in the app are read from the state file, one copy for both;
 * --goal goes over them for the run and writes nothing */
static void
test_goal_saved (void)
{
  g_autoptr(JsonParser) saved = json_parser_new ();
  g_autoptr(JsonParser) over = json_parser_new ();
  g_autofree char  *dir = NULL;
  g_autofree char  *state = NULL;
  g_autofree char  *after = NULL;
  const char       *none[] = { NULL };
  const char       *goal[] = { "--goal", "core=2032-06-30", NULL };
  static const char json[] =
      "{\"version\": 1, \"plans\": {\"ml-career\": {\"goals\": {\"specialization\": \"2034-01-31\"}}}}";
  JsonObject *root;

  set_up ();
  dir = g_build_filename (data_home, "study-planner", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  state = g_build_filename (dir, "state.json", NULL);
  g_assert_true (g_file_set_contents (state, json, -1, NULL));

  root = export_with (saved, none);
  g_assert_cmpstr (json_object_get_string_member (level_at (root, 2), "goal"), ==, "2034-01-31");
  g_assert_false (json_object_get_null_member (level_at (root, 2), "hours_per_week_needed"));

  root = export_with (over, goal);
  g_assert_cmpstr (json_object_get_string_member (level_at (root, 1), "goal"), ==, "2032-06-30");
  g_assert_cmpstr (json_object_get_string_member (level_at (root, 2), "goal"), ==, "2034-01-31");
  g_assert_true (g_file_get_contents (state, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, json);
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
  g_test_add_func ("/cli-goals/json", test_goal_json);
  g_test_add_func ("/cli-goals/usage", test_goal_usage);
  g_test_add_func ("/cli-goals/saved", test_goal_saved);
  return g_test_run ();
}
