/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "sp-test-files.h"
#include "sp-test-pdf.h"

/* --export-pdf and --export-ics as a script runs them: the real program,
 * no display, an empty data folder; the files read back with poppler and
 * tests/ics-reader.py, and compared with --export-json of the same options. */

#define START  "2031-03-03"   /* a Monday, after any clock this test will see */
#define HOURS  "Mon=1,Tue=1,Wed=1,Thu=1,Fri=1,Sat=2.5,Sun=2.5"

static char *tmp_dir;

static void
run_program (SpTestRun  *run,
             const char *lang,
             const char *first_arg,
             ...)
{
  g_autofree char *data_dir = g_build_filename (tmp_dir, "data", NULL);
  /* No display, and no saved progress or hours of anybody's */
  g_auto(GStrv) envp = sp_test_cli_environ (data_dir);
  va_list args;

  if (lang != NULL)
    {
      envp = g_environ_setenv (envp, "LC_ALL", "ro_RO.UTF-8", TRUE);
      envp = g_environ_setenv (envp, "LANGUAGE", lang, TRUE);
    }

  va_start (args, first_arg);
  sp_test_run_program_va (run, (const char * const *) envp, first_arg, args);
  va_end (args);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in:\n%s", needle, text);
}

static void
test_pdf_week (void)
{
  g_autofree char *path = tmp_path ("week.pdf");
  g_autofree char *text = NULL;
  g_auto(SpTestRun) run = { 0 };
  double w, h;

  run_program (&run, NULL, "--export-pdf", path, "--range", "week", "--from", "2031-03-05", "--paper", "a4",
               "--start", START, "--hours", HOURS, NULL);
  sp_test_assert_success (&run);
  g_assert_cmpstr (run.out, ==, "");

  g_assert_cmpuint (sp_test_pdf_info (path, &w, &h), ==, 1);
  g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 595.276, 0.01);
  text = sp_test_pdf_text (path);
  assert_has (text, "Machine Learning Engineer");
  assert_has (text, "3 – 9 March 2031");
  assert_has (text, "Wednesday");
  assert_has (text, "Linear algebra");
  assert_has (text, "Page 1 of 1");
  g_unlink (path);
}

static void
test_pdf_month_letter (void)
{
  g_autofree char *path = tmp_path ("month.pdf");
  g_autofree char *text = NULL;
  g_auto(SpTestRun) run = { 0 };
  double w, h;

  run_program (&run, NULL, "--export-pdf", path, "--range", "month", "--from", "2031-04-17", "--paper", "letter",
               "--start", START, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (sp_test_pdf_info (path, &w, &h), ==, 1);
  g_assert_cmpfloat_with_epsilon (w, 792, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 612, 0.01);
  text = sp_test_pdf_text (path);
  assert_has (text, "April 2031");
  g_unlink (path);
}

static void
test_pdf_plan (void)
{
  g_autofree char *path = tmp_path ("plan.pdf");
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_auto(SpTestRun) run = { 0 };
  double w, h;
  guint pages;

  run_program (&run, NULL, "--export-pdf", path, "--range", "plan", "--paper", "a4", "--start", START,
               "--hours", HOURS, "--track", "nlp", NULL);
  g_assert_cmpint (run.status, ==, 0);
  pages = sp_test_pdf_info (path, &w, &h);
  g_assert_cmpuint (pages, >, 10);
  g_assert_cmpfloat (w, <, h);
  text = sp_test_pdf_text (path);
  last = g_strdup_printf ("Page %u of %u", pages, pages);
  assert_has (text, last);
  assert_has (text, "Level 1 · Fundamentals");
  assert_has (text, "Level 3 · Specialization");
  assert_has (text, "Track: Natural Language Processing");
  assert_has (text, "Week 1 · 3 – 9 March 2031");
  g_unlink (path);
}

static void
test_pdf_stdout (void)
{
  g_auto(SpTestRun) run = { 0 };

  run_program (&run, NULL, "--export-pdf", "-", "--start", START, "--from", START, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (run.out_len, >, 1000);
  g_assert_true (g_str_has_prefix (run.out, "%PDF-"));
  g_assert_nonnull (g_strrstr_len (run.out + run.out_len - 32, 32, "%%EOF"));
}

static void
test_pdf_romanian (void)
{
  g_autofree char *path = tmp_path ("week-ro.pdf");
  g_autofree char *text = NULL;
  g_auto(SpTestRun) run = { 0 };

  if (setlocale (LC_ALL, "ro_RO.UTF-8") == NULL)
    {
      g_test_skip ("the ro_RO.UTF-8 locale is not installed (build-aux/dev.sh makes it)");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");

  run_program (&run, "ro", "--export-pdf", path, "--range", "month", "--from", START, "--start", START, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = sp_test_pdf_text (path);
  assert_has (text, "martie 2031");
  assert_has (text, "miercuri");
  assert_has (text, "Inginer de Machine Learning");
  g_unlink (path);
}

static void
test_pdf_bad_options (void)
{
  static const struct
  {
    const char *args[6];
    const char *err;
  } cases[] = {
    { { "--export-pdf", "x.pdf", "--range", "year", NULL },
      "study-planner: --range: “year” is not a range; choose week, month or plan\n" },
    { { "--export-pdf", "x.pdf", "--paper", "a5", NULL },
      "study-planner: --paper: “a5” is not a paper size; choose a4 or letter\n" },
    { { "--export-pdf", "x.pdf", "--from", "2031-02-30", NULL },
      "study-planner: --from: “2031-02-30” is not a date: expected YYYY-MM-DD\n" },
    { { "--range", "week", NULL },
      "study-planner: --range only shapes a PDF: add --export-pdf FILE\n" },
    { { "--export-ics", "x.ics", "--paper", "a4", NULL },
      "study-planner: --paper only shapes a PDF: add --export-pdf FILE\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SpTestRun) run = { 0 };

      run_program (&run, NULL, cases[i].args[0], cases[i].args[1], cases[i].args[2], cases[i].args[3],
                   cases[i].args[4], NULL);
      g_assert_cmpint (run.status, ==, 2);
      if (i == 2)
        g_assert_true (g_str_has_prefix (run.err, "study-planner: --from: "));
      else
        g_assert_cmpstr (run.err, ==, cases[i].err);
      g_assert_false (g_file_test ("x.pdf", G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test ("x.ics", G_FILE_TEST_EXISTS));
    }
}

/* Unwritable places: status 1, the file named, nothing left behind */
static void
test_unwritable (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "gone", "plan.pdf", NULL);
  g_autofree char *missing_ics = g_build_filename (tmp_dir, "gone", "plan.ics", NULL);
  g_autofree char *gone = g_build_filename (tmp_dir, "gone", NULL);

  {
    g_auto(SpTestRun) run = { 0 };

    run_program (&run, NULL, "--export-pdf", missing, "--start", START, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, "study-planner: "));
    g_assert_nonnull (strstr (run.err, missing));
  }
  {
    g_auto(SpTestRun) run = { 0 };

    run_program (&run, NULL, "--export-ics", missing_ics, "--start", START, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, missing_ics));
  }
  {
    g_auto(SpTestRun) run = { 0 };

    /* A folder in the way, and a device */
    run_program (&run, NULL, "--export-pdf", tmp_dir, "--start", START, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "is not a regular file"));
  }
  {
    g_auto(SpTestRun) run = { 0 };

    run_program (&run, NULL, "--export-ics", "/dev/null", "--start", START, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "/dev/null"));
  }
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
}

/* JSON block id → block, from --export-json of the same options */
static JsonArray *
json_blocks (JsonParser *parser,
             const char *first_option,
             ...)
{
  g_auto(SpTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;
  va_list args;
  const char *opts[8] = { NULL, };
  guint n = 0;

  va_start (args, first_option);
  for (const char *o = first_option; o != NULL && n < G_N_ELEMENTS (opts) - 1; o = va_arg (args, const char *))
    opts[n++] = o;
  va_end (args);

  run_program (&run, NULL, "--export-json", "-", opts[0], opts[1], opts[2], opts[3], opts[4], opts[5], NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "blocks");
}

static gint64
local_unix (const char *date_text,
            const char *time_text)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  int y, mo, d, h, mi;
  g_autoptr(GDateTime) dt = NULL;

  g_assert_cmpint (sscanf (date_text, "%d-%d-%d", &y, &mo, &d), ==, 3);
  g_assert_cmpint (sscanf (time_text, "%d:%d", &h, &mi), ==, 2);
  dt = g_date_time_new (tz, y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}

static void
test_ics (void)
{
  g_autofree char *path = tmp_path ("plan.ics");
  g_autofree char *reader = g_test_build_filename (G_TEST_DIST, "ics-reader.py", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) json = json_parser_new ();
  g_autoptr(JsonParser) ics = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) events = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(SpTestRun) run = { 0 };
  JsonArray *blocks;
  JsonArray *array;

  run_program (&run, NULL, "--export-ics", path, "--start", START, "--hours", HOURS, NULL);
  sp_test_assert_success (&run);

  out = sp_test_run_tool ("python3", reader, path, NULL);
  g_assert_true (json_parser_load_from_data (ics, out, -1, &error));
  g_assert_no_error (error);
  array = json_object_get_array_member (json_node_get_object (json_parser_get_root (ics)), "events");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *event = json_array_get_object_element (array, i);
      g_hash_table_insert (events, (gpointer) json_object_get_string_member (event, "uid"), event);
    }

  /* The same blocks as the JSON export, at the same times, one event each */
  blocks = json_blocks (json, "--start", START, "--hours", HOURS, NULL);
  g_assert_cmpuint (json_array_get_length (blocks), >, 500);
  g_assert_cmpuint (g_hash_table_size (events), ==, json_array_get_length (blocks));
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);
      g_autofree char *uid = g_strdup_printf ("%s.ml-career@studyplanner", json_object_get_string_member (block, "id"));
      JsonObject *event = g_hash_table_lookup (events, uid);
      gint64 start = local_unix (json_object_get_string_member (block, "date"),
                                 json_object_get_string_member (block, "start"));

      g_assert_nonnull (event);
      g_assert_cmpint (json_object_get_int_member (event, "start"), ==, start);
      g_assert_cmpint (json_object_get_int_member (event, "end") - start, ==,
                       json_object_get_int_member (block, "minutes") * 60);
      g_assert_nonnull (strstr (json_object_get_string_member (event, "summary"),
                                json_object_get_string_member (block, "title")));
    }
  g_unlink (path);
}

/* Two runs: the same events, line for line, but for the time stamps */
static char *
without_stamps (const char *ical)
{
  g_autoptr(GRegex) stamps = g_regex_new ("^(DTSTAMP|LAST-MODIFIED|SEQUENCE):.*\r\n", G_REGEX_MULTILINE, 0, NULL);

  return g_regex_replace_literal (stamps, ical, -1, 0, "", 0, NULL);
}

static void
test_ics_stable (void)
{
  g_auto(SpTestRun) first = { 0 };
  g_auto(SpTestRun) second = { 0 };
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  run_program (&first, NULL, "--export-ics", "-", "--start", START, NULL);
  g_usleep (1100 * 1000);
  run_program (&second, NULL, "--export-ics", "-", "--start", START, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_true (g_str_has_prefix (first.out, "BEGIN:VCALENDAR\r\n"));
  g_assert_cmpstr (first.out, !=, second.out);
  a = without_stamps (first.out);
  b = without_stamps (second.out);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "UID:linear-algebra/learn/1.ml-career@studyplanner\r\n"));
  g_assert_nonnull (strstr (a, "DTSTART;TZID=Europe/Bucharest:20310303T190000\r\n"));
}

/* Runs the program with @envp's changes to the usual environment */
static void
run_with_env (SpTestRun   *run,
              const char **env,
              const char  *first_arg,
              ...)
{
  g_autofree char *data_dir = g_build_filename (tmp_dir, "data", NULL);
  g_auto(GStrv) envp = sp_test_cli_environ (data_dir);
  va_list args;

  /* The locale from LANG, so that @env's LC_* count */
  envp = g_environ_unsetenv (envp, "LC_ALL");
  envp = g_environ_setenv (envp, "LANG", "C.UTF-8", TRUE);
  for (guint i = 0; env[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, env[i], env[i + 1], TRUE);
  va_start (args, first_arg);
  sp_test_run_program_va (run, (const char * const *) envp, first_arg, args);
  va_end (args);
}

/* Without --paper, the paper of LC_PAPER: glibc's _NL_PAPER_WIDTH is an
 * enumeration value, and an #ifdef on it had every locale print A4 */
static void
test_pdf_default_paper (void)
{
  static const struct
  {
    const char *locale;
    double      width; /* landscape */
  } cases[] = {
    { "en_US.UTF-8", 792 },    /* US Letter */
    { "ro_RO.UTF-8", 841.89 }, /* A4 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char      *env[] = { "LC_PAPER", cases[i].locale, NULL };
      g_autofree char *path = tmp_path ("paper.pdf");
      g_auto(SpTestRun) run = { 0 };
      double w, h;

      if (setlocale (LC_PAPER, cases[i].locale) == NULL)
        {
          g_autofree char *message = g_strdup_printf ("the locale %s is not installed (build-aux/dev.sh makes it)",
                                                      cases[i].locale);
          g_test_skip (message);
          return;
        }
      setlocale (LC_PAPER, "C.UTF-8");
      run_with_env (&run, env, "--export-pdf", path, "--range", "week", "--start", START, NULL);
      sp_test_assert_success (&run);
      g_assert_cmpuint (sp_test_pdf_info (path, &w, &h), ==, 1);
      g_assert_cmpfloat_with_epsilon (w, cases[i].width, 0.01);
      g_unlink (path);
    }
}

/* --export-json names its format's version and the zone of its times */
static void
test_json_version_timezone (void)
{
  const char *bucharest[] = { "TZ", "Europe/Bucharest", NULL };
  const char *utc[] = { "TZ", "UTC", NULL };
  g_auto(SpTestRun) run = { 0 };
  g_auto(SpTestRun) run_utc = { 0 };

  run_with_env (&run, bucharest, "--export-json", "-", "--start", START, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "{\n  \"version\": 1,\n  \"plan\": \"ml-career\",\n"
                                            "  \"timezone\": \"Europe/Bucharest\",\n"));
  run_with_env (&run_utc, utc, "--export-json", "-", "--start", START, NULL);
  g_assert_cmpint (run_utc.status, ==, 0);
  assert_has (run_utc.out, "\n  \"timezone\": \"UTC\",\n");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = sp_test_make_tmp_dir ("sp-cli-export-XXXXXX");

  g_test_add_func ("/cli/export-pdf/week", test_pdf_week);
  g_test_add_func ("/cli/export-pdf/month-letter", test_pdf_month_letter);
  g_test_add_func ("/cli/export-pdf/plan", test_pdf_plan);
  g_test_add_func ("/cli/export-pdf/stdout", test_pdf_stdout);
  g_test_add_func ("/cli/export-pdf/romanian", test_pdf_romanian);
  g_test_add_func ("/cli/export-pdf/bad-options", test_pdf_bad_options);
  g_test_add_func ("/cli/export-pdf/default-paper", test_pdf_default_paper);
  g_test_add_func ("/cli/export-json/version-timezone", test_json_version_timezone);
  g_test_add_func ("/cli/export/unwritable", test_unwritable);
  g_test_add_func ("/cli/export-ics/matches-json", test_ics);
  g_test_add_func ("/cli/export-ics/stable", test_ics_stable);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  return status;
}
