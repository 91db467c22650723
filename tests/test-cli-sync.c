/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sp-caldav-secret.h"
#include "sp-test-files.h"
#include "sp-test-keyring.h"
#include "sp-test-program.h"
#include "sp-test-radicale.h"
#include "sp-test-server.h"

/* --sync as a script runs it: the real program against a Radicale on
 * loopback, an empty data folder, the password in the environment. */

/* The small path of tests/data/plans/sync.json: Radicale checks every event
 * of a calendar for a clashing UID on each new one */
#define SCHEDULE "--plan", plan, "--start", "2031-03-03", "--hours", "Mon=2,Wed=2,Sat=3"

static char           *tmp_dir;
static SpTestRadicale *radicale;
static char           *plan;

static void
run_program_on_bus (SpTestRun   *run,
                    const char  *password,
                    const char  *bus,
                    const char **args)
{
  g_autofree char *data_dir = g_build_filename (tmp_dir, "data", NULL);
  /* No saved progress of anybody's, no Secret Service but the test's own */
  g_auto(GStrv) envp = sp_test_cli_environ (data_dir);

  if (bus != NULL)
    envp = g_environ_setenv (envp, "DBUS_SESSION_BUS_ADDRESS", bus, TRUE);
  else
    envp = g_environ_unsetenv (envp, "DBUS_SESSION_BUS_ADDRESS");
  if (password != NULL)
    envp = g_environ_setenv (envp, "STUDY_PLANNER_CALDAV_PASSWORD", password, TRUE);
  else
    envp = g_environ_unsetenv (envp, "STUDY_PLANNER_CALDAV_PASSWORD");
  sp_test_run_program (run, args, (const char * const *) envp, NULL);
}

static void
run_program (SpTestRun   *run,
             const char  *password,
             const char **args)
{
  run_program_on_bus (run, password, NULL, args);
}

static guint
count (const char *line,
       const char *what)
{
  const char *end = strstr (line, what);
  const char *start;

  g_assert_nonnull (end);
  start = end;
  while (start > line && g_ascii_isdigit (start[-1]))
    start--;
  return (guint) g_ascii_strtoull (start, NULL, 10);
}

static void
test_sync (void)
{
  g_auto(SpTestRun) first = { 0 };
  g_auto(SpTestRun) second = { 0 };
  g_auto(SpTestRun) third = { 0 };
  const char *args[] = { "--sync", "--caldav-url", radicale->url, "--caldav-user", "cli", SCHEDULE, NULL };
  const char *fewer[] = { "--sync", "--caldav-url", radicale->url, "--caldav-user", "cli",
                          "--plan", plan, "--start", "2031-03-03", "--hours", "Mon=2,Wed=2,Sat=3",
                          "--block-minutes", "120", NULL };
  guint       created;

  run_program (&first, "x", args);
  sp_test_assert_success (&first);
  g_assert_true (g_str_has_prefix (first.out, "synced: "));
  g_assert_true (g_str_has_suffix (first.out, " created, 0 updated, 0 deleted, 0 unchanged, 0 conflicts\n"));
  created = count (first.out, " created");
  g_assert_cmpuint (created, >, 0);

  /* Nothing changed: every event unchanged */
  run_program (&second, "x", args);
  g_assert_cmpint (second.status, ==, 0);
  {
    g_autofree char *expected = g_strdup_printf ("synced: 0 created, 0 updated, 0 deleted, %u unchanged, 0 conflicts\n",
                                                 created);
    g_assert_cmpstr (second.out, ==, expected);
  }

  /* The export options shape what is synced: longer blocks, fewer events */
  run_program (&third, "x", fewer);
  g_assert_cmpint (third.status, ==, 0);
  g_assert_cmpuint (count (third.out, " deleted"), >, 0);
}

static void
assert_failed (SpTestRun  *run,
               const char *url,
               const char *message)
{
  g_autofree char *prefix = g_strdup_printf ("study-planner: %s: ", url);

  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, prefix));
  g_assert_nonnull (strstr (run->err, message));
}

static void
test_unauthorized (void)
{
  SpTestRadicale *locked = sp_test_radicale_new ("ana:secret\n");
  g_auto(SpTestRun) wrong = { 0 };
  g_auto(SpTestRun) right = { 0 };
  const char *args[] = { "--sync", "--caldav-url", locked->url, "--caldav-user", "ana", SCHEDULE, NULL };

  run_program (&wrong, "wrong", args);
  assert_failed (&wrong, locked->url, "refused the user name or password");
  run_program (&right, "secret", args);
  g_assert_cmpint (right.status, ==, 0);
  sp_test_radicale_free (locked);
}

/* No password in the environment: the one in the Secret Service */
static void
test_secret_service (void)
{
  SpTestKeyring  *keyring = sp_test_keyring_new ();
  SpTestRadicale *locked = sp_test_radicale_new ("kim:from-the-keyring\n");
  g_auto(SpTestRun) before = { 0 };
  g_auto(SpTestRun) after = { 0 };
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--sync", "--caldav-url", locked->url, "--caldav-user", "kim", SCHEDULE, NULL };
  const char *bus = g_getenv ("DBUS_SESSION_BUS_ADDRESS");

  run_program_on_bus (&before, NULL, bus, args);
  assert_failed (&before, locked->url, "refused the user name or password");

  g_assert_true (sp_caldav_secret_store_sync (locked->url, "kim", "from-the-keyring", NULL, &error));
  g_assert_no_error (error);
  run_program_on_bus (&after, NULL, bus, args);
  sp_test_assert_success (&after);
  g_assert_true (g_str_has_prefix (after.out, "synced: "));
  g_assert_cmpuint (count (after.out, " created"), >, 0);

  sp_test_radicale_free (locked);
  sp_test_keyring_free (keyring);
}

static void
skip_without_keyring (void)
{
  g_test_skip ("gnome-keyring is not installed (apt-get install gnome-keyring): the Secret Service case needs it");
}

static void
test_not_caldav (void)
{
  g_autoptr(SpTestServer) server = sp_test_server_new ();
  g_auto(SpTestRun) web = { 0 };
  g_auto(SpTestRun) nobody = { 0 };
  const char *nowhere = "http://127.0.0.1:1/";

  /* A web site: nothing it knows for PROPFIND */
  sp_test_server_add_handler (server, NULL, sp_test_server_status_cb, GUINT_TO_POINTER (405));
  sp_test_server_start (server);
  {
    const char *args[] = { "--sync", "--caldav-url", sp_test_server_get_base (server), SCHEDULE, NULL };

    run_program (&web, "x", args);
    assert_failed (&web, sp_test_server_get_base (server), "not a CalDAV server");
  }
  {
    const char *args[] = { "--sync", "--caldav-url", nowhere, SCHEDULE, NULL };

    run_program (&nobody, "x", args);
    assert_failed (&nobody, nowhere, "refused the connection");
  }
  sp_test_server_stop (server);
}

static void
test_bad_options (void)
{
  const char  *no_url[] = { "--sync", NULL };
  const char  *no_sync[] = { "--caldav-url", "https://example.com/", NULL };
  const char  *bad_hours[] = { "--sync", "--caldav-url", "https://example.com/", "--hours", "Mon=x", NULL };
  const char **cases[] = { no_url, no_sync, bad_hours };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(SpTestRun) run = { 0 };

      run_program (&run, "x", cases[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "study-planner: --"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *radicale_path = NULL;
  g_autofree char *keyring_path = NULL;
  int              status;

  g_test_init (&argc, &argv, NULL);
  radicale_path = sp_test_radicale_find ();
  keyring_path = sp_test_keyring_find ();
  tmp_dir = g_dir_make_tmp ("test-cli-sync-XXXXXX", NULL);
  plan = g_test_build_filename (G_TEST_DIST, "data", "plans", "sync.json", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/cli-sync/bad-options", test_bad_options);
  g_test_add_func ("/cli-sync/not-caldav", test_not_caldav);
  if (radicale_path == NULL)
    g_test_add_func ("/cli-sync/radicale", sp_test_radicale_skip);
  else
    {
      g_test_add_func ("/cli-sync/sync", test_sync);
      g_test_add_func ("/cli-sync/unauthorized", test_unauthorized);
      if (keyring_path != NULL)
        g_test_add_func ("/cli-sync/secret-service", test_secret_service);
      else
        g_test_add_func ("/cli-sync/secret-service", skip_without_keyring);
      radicale = sp_test_radicale_new (NULL);
    }

  status = g_test_run ();
  if (radicale != NULL)
    sp_test_radicale_free (radicale);
  sp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (plan);
  return status;
}
