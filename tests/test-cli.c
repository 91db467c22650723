/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-test-files.h"
#include "sp-test-program.h"

/* The command line is a contract that scripts rely on: these tests run the
 * real program, as a script would, and check its exact output and status. */

/* The XDG data folder the program sees: each export test gets its own */
static char *data_home;

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "plans", name, NULL);
}

static void
run_program (SpTestRun    *run,
             const char   *lang,
             const char   *first_arg,
             ...)
{
  g_auto(GStrv) envp = sp_test_cli_environ (data_home);
  va_list args;

  if (lang != NULL)
    {
      g_autofree char *locale = g_strdup_printf ("%s_%s.UTF-8", lang, lang[0] == 'r' ? "RO" : "US");

      envp = g_environ_setenv (envp, "LANGUAGE", lang, TRUE);
      envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);
    }

  va_start (args, first_arg);
  sp_test_run_program_va (run, (const char * const *) envp, first_arg, args);
  va_end (args);
}

static void
test_check_valid (void)
{
  g_autofree char *path = fixture ("valid-minimal.json");
  g_auto(SpTestRun) run = { 0 };

  run_program (&run, NULL, "--check-plan", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok: 2 levels, 5 topics, 25.5 hours\n");
}

static void
test_check_bundled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "plans", "ml-career.json", NULL);
  g_auto(SpTestRun) run = { 0 };
  g_autoptr(GRegex) regex = g_regex_new ("^ok: 3 levels, [0-9]+ topics, [0-9]+(\\.[0-9])? hours\n$", 0, 0, NULL);

  run_program (&run, NULL, "--check-plan", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_regex_match (regex, run.out, 0, NULL));
}

static void
test_check_broken (void)
{
  g_autofree char *path = fixture ("missing-field.json");
  g_autofree char *expected = g_strdup_printf ("%s: $.levels[0].topics[1]: missing field “hours”: expected a number of hours\n", path);
  g_auto(SpTestRun) run = { 0 };

  run_program (&run, NULL, "--check-plan", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_check_many (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sp-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "two.json", NULL);
  const char *json = "{\"format\": 1, \"id\": \"x\", \"title\": \"X\", \"levels\": "
                     "[{\"id\": \"l\", \"title\": \"L\", \"min_months\": 1, \"topics\": ["
                     "{\"id\": \"a\", \"title\": \"A\", \"hours\": -1, \"tasks\": {\"read\": \"r\"}},"
                     "{\"id\": \"a\", \"title\": \"B\", \"hours\": 1, \"tasks\": {\"read\": \"r\"}}]}]}";
  g_auto(SpTestRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  run_program (&run, NULL, "--check-plan", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], path));
  g_assert_nonnull (strstr (lines[0], ": $.levels[0].topics[0].hours: hours must be more than 0, found -1"));
  g_assert_nonnull (strstr (lines[1], ": $.levels[0].topics[1].id: duplicate id “a”, first used at $.levels[0].topics[0]"));
  g_assert_cmpstr (lines[2], ==, "");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_check_missing (void)
{
  g_auto(SpTestRun) run = { 0 };

  run_program (&run, NULL, "--check-plan", "/nonexistent/plan.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "/nonexistent/plan.json: $: "));
}

static void
test_check_romanian (void)
{
  g_autofree char *valid = fixture ("valid-minimal.json");
  g_autofree char *broken = fixture ("negative-hours.json");
  g_auto(SpTestRun) ok = { 0 };
  g_auto(SpTestRun) bad = { 0 };

  if (setlocale (LC_ALL, "ro_RO.UTF-8") == NULL)
    {
      g_test_fail_printf ("The ro_RO.UTF-8 locale is missing: install “locales” and run locale-gen");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");

  run_program (&ok, "ro", "--check-plan", valid, NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_cmpstr (ok.out, ==, "ok: 2 niveluri, 5 subiecte, 25.5 ore\n");

  run_program (&bad, "ro", "--check-plan", broken, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.out, "$.levels[0].topics[0].hours: numărul de ore trebuie să fie mai mare decât 0, nu -5"));
}

static void
test_help_and_version (void)
{
  g_auto(SpTestRun) help = { 0 };
  g_auto(SpTestRun) version = { 0 };

  run_program (&help, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--check-plan=FILE"));

  run_program (&version, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "study-planner " PACKAGE_VERSION "\n");
}

/* ------------------------------------------------------------------ */
/* --export-json */

typedef struct
{
  guint unused;
} ExportFixture;

static void
export_set_up (ExportFixture *fixture,
               gconstpointer  data)
{
  data_home = sp_test_make_tmp_dir ("sp-cli-data-XXXXXX");
}

static void
export_tear_down (ExportFixture *fixture,
                  gconstpointer  data)
{
  sp_test_remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
assert_member_type (JsonObject *object,
                    const char *name,
                    GType       type)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    g_error ("missing “%s”", name);
  if (type == G_TYPE_NONE)
    g_assert_true (JSON_NODE_HOLDS_NULL (node));
  else
    {
      g_assert_true (JSON_NODE_HOLDS_VALUE (node));
      g_assert_cmpstr (g_type_name (json_node_get_value_type (node)), ==, g_type_name (type));
    }
}

static gboolean
is_date (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", 0, 0, NULL);
  return g_regex_match (regex, text, 0, NULL);
}

static GDateWeekday
weekday_of (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) atoi (text + 8), (GDateMonth) atoi (text + 5), (GDateYear) atoi (text));
  return g_date_get_weekday (&date);
}

static void
test_export_stdout (ExportFixture *f,
                   gconstpointer  data)
{
  g_autofree char *plan = fixture ("valid-minimal.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(SpTestRun) run = { 0 };
  JsonObject *root, *block, *level;
  JsonArray *blocks, *levels;

  /* 7 January 2030 is a Monday */
  run_program (&run, NULL, "--export-json", "-", "--plan", plan, "--hours", "Mon=2,Sat=3,Wed=0",
               "--start", "2030-01-07", "--block-minutes", "45", "--break-minutes", "15", "--track", "b", NULL);
  sp_test_assert_success (&run);

  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "plan"), ==, "tiny");
  g_assert_cmpstr (json_object_get_string_member (root, "track"), ==, "b");
  g_assert_cmpstr (json_object_get_string_member (root, "start"), ==, "2030-01-07");
  g_assert_cmpfloat (json_object_get_double_member (root, "weekly_hours"), ==, 5.0);
  g_assert_true (is_date (json_object_get_string_member (root, "end")));

  blocks = json_object_get_array_member (root, "blocks");
  g_assert_cmpuint (json_array_get_length (blocks), >, 10);
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      const char *kind, *status;

      block = json_array_get_object_element (blocks, i);
      assert_member_type (block, "date", G_TYPE_STRING);
      assert_member_type (block, "start", G_TYPE_STRING);
      assert_member_type (block, "minutes", G_TYPE_INT64);
      assert_member_type (block, "topic", G_TYPE_STRING);
      assert_member_type (block, "level", G_TYPE_INT64);
      assert_member_type (block, "kind", G_TYPE_STRING);
      assert_member_type (block, "status", G_TYPE_STRING);
      g_assert_true (is_date (json_object_get_string_member (block, "date")));
      kind = json_object_get_string_member (block, "kind");
      status = json_object_get_string_member (block, "status");
      g_assert_true (g_strv_contains ((const char *[]) { "learn", "practice", "review", "project", NULL }, kind));
      g_assert_cmpstr (status, ==, "planned");
      g_assert_cmpint (json_object_get_int_member (block, "minutes"), <=, 45);
      /* Only Mondays and Saturdays */
      g_assert_true (weekday_of (json_object_get_string_member (block, "date")) == G_DATE_MONDAY ||
                     weekday_of (json_object_get_string_member (block, "date")) == G_DATE_SATURDAY);
    }

  block = json_array_get_object_element (blocks, 0);
  g_assert_cmpstr (json_object_get_string_member (block, "date"), ==, "2030-01-07");
  g_assert_cmpstr (json_object_get_string_member (block, "start"), ==, "19:00");
  g_assert_cmpint (json_object_get_int_member (block, "minutes"), ==, 45);
  g_assert_cmpstr (json_object_get_string_member (block, "topic"), ==, "python");
  g_assert_cmpint (json_object_get_int_member (block, "level"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (block, "kind"), ==, "learn");
  block = json_array_get_object_element (blocks, 1);
  g_assert_cmpstr (json_object_get_string_member (block, "start"), ==, "20:00");  /* 45 + 15 */

  levels = json_object_get_array_member (root, "levels");
  g_assert_cmpuint (json_array_get_length (levels), ==, 2);
  level = json_array_get_object_element (levels, 0);
  g_assert_cmpint (json_object_get_int_member (level, "level"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (level, "title"), ==, "Basics");
  g_assert_cmpstr (json_object_get_string_member (level, "start"), ==, "2030-01-07");
  g_assert_true (is_date (json_object_get_string_member (level, "end")));
  assert_member_type (level, "months", G_TYPE_DOUBLE);
  g_assert_cmpint (json_object_get_int_member (level, "min_months"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (level, "max_months"), ==, 2);
  assert_member_type (level, "fits", G_TYPE_BOOLEAN);
  level = json_array_get_object_element (levels, 1);
  assert_member_type (level, "max_months", G_TYPE_NONE);
  /* Track b: b1 and never a1 */
  g_assert_nonnull (strstr (run.out, "\"topic\": \"b1\""));
  g_assert_null (strstr (run.out, "\"topic\": \"a1\""));
  /* One decimal, never 0.90000000000000002 */
  g_assert_null (strstr (run.out, "0000000"));
}

static void
test_export_file (ExportFixture *f,
                 gconstpointer  data)
{
  g_autofree char *plan = fixture ("valid-minimal.json");
  g_autofree char *out = g_build_filename (data_home, "schedule.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *state = NULL;
  g_auto(SpTestRun) to_file = { 0 };
  g_auto(SpTestRun) to_stdout = { 0 };

  run_program (&to_file, NULL, "--export-json", out, "--plan", plan, "--start", "2031-03-03", NULL);
  g_assert_cmpint (to_file.status, ==, 0);
  g_assert_cmpstr (to_file.out, ==, "");
  run_program (&to_stdout, NULL, "--plan", plan, "--start", "2031-03-03", "--export-json", "-", NULL);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, to_stdout.out);

  /* Nothing is saved by an export */
  state = g_build_filename (data_home, "study-planner", "state.json", NULL);
  g_assert_false (g_file_test (state, G_FILE_TEST_EXISTS));
}

static void
test_export_bad_options (ExportFixture *f,
                        gconstpointer  data)
{
  g_autofree char *plan = fixture ("valid-minimal.json");
  static const struct {
    const char *option;
    const char *value;
    const char *message;
  } cases[] = {
    { "--hours", "Mon=2,Xyz=1", "study-planner: --hours: “Xyz” is not a weekday: use Mon, Tue, Wed, Thu, Fri, Sat or Sun\n" },
    { "--hours", "Mon=abc", "study-planner: --hours: Mon: “abc” is not a number of hours, for example 1.5\n" },
    { "--hours", "Mon=30", "study-planner: --hours: Mon: 30 hours is not from 0 to 24\n" },
    { "--hours", "Tue=1,Tue=2", "study-planner: --hours: Tue is given more than once\n" },
    { "--start", "2030-13-01", "study-planner: --start: “2030-13-01” is not a date: expected YYYY-MM-DD, for example 2025-09-01\n" },
    { "--start", "tomorrow", "study-planner: --start: “tomorrow” is not a date: expected YYYY-MM-DD, for example 2025-09-01\n" },
    { "--block-minutes", "10", "study-planner: --block-minutes: “10” is not a whole number of minutes from 15 to 240\n" },
    { "--block-minutes", "fifty", "study-planner: --block-minutes: “fifty” is not a whole number of minutes from 15 to 240\n" },
    { "--break-minutes", "-5", "study-planner: --break-minutes: “-5” is not a whole number of minutes from 0 to 120\n" },
    { "--track", "xx", "study-planner: --track: “xx” is not a track of this plan; choose one of a, b\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SpTestRun) run = { 0 };

      run_program (&run, NULL, "--export-json", "-", "--plan", plan, cases[i].option, cases[i].value, NULL);
      sp_test_assert_usage_error (&run, cases[i].message);
    }
}

static void
test_export_needs_mode (ExportFixture *f,
                       gconstpointer  data)
{
  g_auto(SpTestRun) run = { 0 };

  run_program (&run, NULL, "--hours", "Mon=2", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, ==, "study-planner: --hours only shapes an export: add --export-json FILE\n");
}

static void
test_export_failures (ExportFixture *f,
                     gconstpointer  data)
{
  g_autofree char *plan = fixture ("valid-minimal.json");
  g_auto(SpTestRun) missing = { 0 };
  g_auto(SpTestRun) dir = { 0 };
  g_auto(SpTestRun) broken = { 0 };
  g_autofree char *broken_plan = fixture ("missing-field.json");

  run_program (&missing, NULL, "--export-json", "-", "--plan", "/nonexistent/plan.json", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_true (g_str_has_prefix (missing.err, "study-planner: /nonexistent/plan.json: "));

  run_program (&broken, NULL, "--export-json", "-", "--plan", broken_plan, NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.err, "$.levels[0].topics[1]: missing field “hours”"));

  /* Never written over anything that is not a regular file */
  run_program (&dir, NULL, "--export-json", data_home, "--plan", plan, NULL);
  g_assert_cmpint (dir.status, ==, 1);
  g_assert_nonnull (strstr (dir.err, "is not a regular file"));
  g_assert_true (g_file_test (data_home, G_FILE_TEST_IS_DIR));
}

static void
test_export_no_hours (ExportFixture *f,
                     gconstpointer  data)
{
  g_autofree char *plan = fixture ("valid-minimal.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(SpTestRun) run = { 0 };
  JsonObject *root;

  run_program (&run, NULL, "--export-json", "-", "--plan", plan, "--hours", "Mon=0", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "blocks")), ==, 0);
  assert_member_type (root, "end", G_TYPE_NONE);
  g_assert_cmpstr (json_object_get_string_member (root, "summary"), ==,
                   "No study hours are set, so nothing can be planned. "
                   "Give at least one weekday some hours in Preferences.");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (
    json_object_get_array_member (root, "levels"), 0), "fits"));
}

static char *
write_saved_state (const char *contents)
{
  g_autofree char *dir = g_build_filename (data_home, "study-planner", NULL);
  char *path = g_build_filename (dir, "state.json", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* Without options, the saved availability, track and progress are used */
static void
test_export_saved_state (ExportFixture *f,
                        gconstpointer  data)
{
  g_autofree char *plan = fixture ("valid-minimal.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = write_saved_state (
    "{\"version\": 1, \"availability\": {\"days\": ["
    "{\"minutes\": 0, \"start\": \"19:00\"}, {\"minutes\": 0, \"start\": \"19:00\"},"
    "{\"minutes\": 120, \"start\": \"07:00\"}, {\"minutes\": 0, \"start\": \"19:00\"},"
    "{\"minutes\": 0, \"start\": \"19:00\"}, {\"minutes\": 0, \"start\": \"10:00\"},"
    "{\"minutes\": 0, \"start\": \"10:00\"}], \"block_minutes\": 60, \"break_minutes\": 0,"
    "\"start\": \"2032-01-07\", \"days_off\": [{\"first\": \"2032-01-14\", \"last\": \"2032-01-14\"}]},"
    "\"plans\": {\"tiny\": {\"today\": null, \"track\": \"b\", \"blocks\": ["
    "{\"id\": \"python/learn/1\", \"topic\": \"python\", \"kind\": \"learn\", \"date\": \"2032-01-07\","
    "\"start\": \"07:00\", \"minutes\": 60, \"status\": \"done\", \"pinned\": true}],"
    "\"notes\": {\"python/learn/1\": \"Read chapter 1\"}}}}");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(SpTestRun) run = { 0 };
  JsonArray *blocks;
  JsonObject *first;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  run_program (&run, NULL, "--export-json", "-", "--plan", plan, NULL);
  sp_test_assert_success (&run);
  blocks = json_object_get_array_member (parse_object (parser, run.out), "blocks");

  /* 7 January 2032 is a Wednesday; the 14th is a day off */
  first = json_array_get_object_element (blocks, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (first, "note"), ==, "Read chapter 1");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (blocks, 1), "start"), ==, "08:00");
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);

      g_assert_cmpstr (json_object_get_string_member (block, "date"), !=, "2032-01-14");
      g_assert_cmpstr (json_object_get_string_member (block, "topic"), !=, "a1");
      g_assert_cmpint (json_object_get_int_member (block, "minutes"), <=, 60);
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (blocks, 2), "date"), ==,
                   "2032-01-21");
  g_assert_nonnull (strstr (run.out, "\"topic\": \"b1\""));

  /* Read, never rewritten */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

static void
test_export_corrupt_state (ExportFixture *f,
                          gconstpointer  data)
{
  g_autofree char *path = write_saved_state ("{\"version\": 1, \"availability\": ");
  g_autofree char *after = NULL;
  g_auto(SpTestRun) run = { 0 };

  run_program (&run, NULL, "--export-json", "-", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "study-planner: Could not read your saved progress: "));
  g_assert_nonnull (strstr (run.err, path));
  g_assert_cmpstr (run.out, ==, "");

  /* The command line leaves it where it is, for the app to deal with */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "{\"version\": 1, \"availability\": ");
}

/* Only regular files are read, and none blocks: a device would be read until
 * memory runs out, a FIFO would wait for a writer for good (meson's timeout
 * fails the test then) */
static void
test_check_not_regular (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sp-cli-fifo-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "plan.json", NULL);
  g_auto(SpTestRun) zero = { 0 };
  g_auto(SpTestRun) pipe = { 0 };
  g_auto(SpTestRun) export = { 0 };

  run_program (&zero, NULL, "--check-plan", "/dev/zero", NULL);
  g_assert_cmpint (zero.status, ==, 1);
  g_assert_cmpstr (zero.out, ==, "/dev/zero: $: it is not a regular file\n");

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  run_program (&pipe, NULL, "--check-plan", fifo, NULL);
  g_assert_cmpint (pipe.status, ==, 1);
  g_assert_nonnull (strstr (pipe.out, "it is not a regular file"));

  run_program (&export, NULL, "--export-json", "-", "--plan", fifo, NULL);
  g_assert_cmpint (export.status, ==, 1);
  g_assert_nonnull (strstr (export.err, fifo));
  g_assert_nonnull (strstr (export.err, "it is not a regular file"));

  g_unlink (fifo);
  g_rmdir (dir);
}

/* The saved progress as a FIFO, or a link to /dev/zero: a message naming
 * it, at once, and the file left alone */
static void
test_export_state_not_regular (ExportFixture *f,
                               gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (data_home, "study-planner", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_auto(SpTestRun) pipe = { 0 };
  g_auto(SpTestRun) zero = { 0 };
  struct stat st;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  run_program (&pipe, NULL, "--export-json", "-", NULL);
  g_assert_cmpint (pipe.status, ==, 1);
  g_assert_nonnull (strstr (pipe.err, path));
  g_assert_nonnull (strstr (pipe.err, "it is not a regular file"));
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_unlink (path);

  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  run_program (&zero, NULL, "--export-json", "-", NULL);
  g_assert_cmpint (zero.status, ==, 1);
  g_assert_nonnull (strstr (zero.err, "it is not a regular file"));
  g_assert_cmpint (lstat (path, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/check-plan/valid", test_check_valid);
  g_test_add_func ("/cli/check-plan/bundled", test_check_bundled);
  g_test_add_func ("/cli/check-plan/broken", test_check_broken);
  g_test_add_func ("/cli/check-plan/many", test_check_many);
  g_test_add_func ("/cli/check-plan/missing", test_check_missing);
  g_test_add_func ("/cli/check-plan/not-regular", test_check_not_regular);
  g_test_add_func ("/cli/check-plan/romanian", test_check_romanian);
  g_test_add_func ("/cli/help-and-version", test_help_and_version);
#define ADD_EXPORT(name, func) g_test_add ("/cli/export-json/" name, ExportFixture, NULL, \
                                           export_set_up, func, export_tear_down)
  ADD_EXPORT ("stdout", test_export_stdout);
  ADD_EXPORT ("file", test_export_file);
  ADD_EXPORT ("bad-options", test_export_bad_options);
  ADD_EXPORT ("needs-mode", test_export_needs_mode);
  ADD_EXPORT ("failures", test_export_failures);
  ADD_EXPORT ("no-hours", test_export_no_hours);
  ADD_EXPORT ("saved-state", test_export_saved_state);
  ADD_EXPORT ("corrupt-state", test_export_corrupt_state);
  ADD_EXPORT ("state-not-regular", test_export_state_not_regular);
#undef ADD_EXPORT

  return g_test_run ();
}
