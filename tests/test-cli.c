/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <string.h>

/* The command line is a contract that scripts rely on: these tests run the
 * real program, as a script would, and check its exact output and status. */

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "plans", name, NULL);
}

static void
run_program (Run          *run,
             const char   *lang,
             const char   *first_arg,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *program = g_getenv ("STUDY_PLANNER_BIN");
  va_list args;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (char *) program);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* No display: the command-line modes must not need one */
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  if (lang != NULL)
    {
      g_autofree char *locale = g_strdup_printf ("%s_%s.UTF-8", lang, lang[0] == 'r' ? "RO" : "US");

      envp = g_environ_setenv (envp, "LANGUAGE", lang, TRUE);
      envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);
    }
  else
    {
      envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
      envp = g_environ_unsetenv (envp, "LANGUAGE");
    }

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &run->status, &error);
  g_assert_no_error (error);
}

static int
exit_status (const Run *run)
{
  g_autoptr(GError) error = NULL;

  if (g_spawn_check_wait_status (run->status, &error))
    return 0;
  g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
  return error->code;
}

static void
test_check_valid (void)
{
  g_autofree char *path = fixture ("valid-minimal.json");
  g_auto(Run) run = { 0 };

  run_program (&run, NULL, "--check-plan", path, NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  g_assert_cmpstr (run.out, ==, "ok: 2 levels, 5 topics, 25.5 hours\n");
}

static void
test_check_bundled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "plans", "ml-career.json", NULL);
  g_auto(Run) run = { 0 };
  g_autoptr(GRegex) regex = g_regex_new ("^ok: 3 levels, [0-9]+ topics, [0-9]+(\\.[0-9])? hours\n$", 0, 0, NULL);

  run_program (&run, NULL, "--check-plan", path, NULL);
  g_assert_cmpint (exit_status (&run), ==, 0);
  g_assert_true (g_regex_match (regex, run.out, 0, NULL));
}

static void
test_check_broken (void)
{
  g_autofree char *path = fixture ("missing-field.json");
  g_autofree char *expected = g_strdup_printf ("%s: $.levels[0].topics[1]: missing field “hours”: expected a number of hours\n", path);
  g_auto(Run) run = { 0 };

  run_program (&run, NULL, "--check-plan", path, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
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
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  run_program (&run, NULL, "--check-plan", path, NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
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
  g_auto(Run) run = { 0 };

  run_program (&run, NULL, "--check-plan", "/nonexistent/plan.json", NULL);
  g_assert_cmpint (exit_status (&run), ==, 1);
  g_assert_true (g_str_has_prefix (run.out, "/nonexistent/plan.json: $: "));
}

static void
test_check_romanian (void)
{
  g_autofree char *valid = fixture ("valid-minimal.json");
  g_autofree char *broken = fixture ("negative-hours.json");
  g_auto(Run) ok = { 0 };
  g_auto(Run) bad = { 0 };

  if (setlocale (LC_ALL, "ro_RO.UTF-8") == NULL)
    {
      g_test_fail_printf ("The ro_RO.UTF-8 locale is missing: install “locales” and run locale-gen");
      return;
    }
  setlocale (LC_ALL, "C.UTF-8");

  run_program (&ok, "ro", "--check-plan", valid, NULL);
  g_assert_cmpint (exit_status (&ok), ==, 0);
  g_assert_cmpstr (ok.out, ==, "ok: 2 niveluri, 5 subiecte, 25.5 ore\n");

  run_program (&bad, "ro", "--check-plan", broken, NULL);
  g_assert_cmpint (exit_status (&bad), ==, 1);
  g_assert_nonnull (strstr (bad.out, "$.levels[0].topics[0].hours: numărul de ore trebuie să fie mai mare decât 0, nu -5"));
}

static void
test_help_and_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };

  run_program (&help, NULL, "--help", NULL);
  g_assert_cmpint (exit_status (&help), ==, 0);
  g_assert_nonnull (strstr (help.out, "--check-plan=FILE"));

  run_program (&version, NULL, "--version", NULL);
  g_assert_cmpint (exit_status (&version), ==, 0);
  g_assert_cmpstr (version.out, ==, "study-planner " PACKAGE_VERSION "\n");
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
  g_test_add_func ("/cli/check-plan/romanian", test_check_romanian);
  g_test_add_func ("/cli/help-and-version", test_help_and_version);

  return g_test_run ();
}
