/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <sys/prctl.h>

#include "sp-test-files.h"
#include "sp-test-keyring.h"

/**
 * sp_test_keyring_find:
 *
 * Returns: (transfer full) (nullable): gnome-keyring-daemon, or %NULL when
 *   it (or dbus-daemon) is not installed
 */
char *
sp_test_keyring_find (void)
{
  g_autofree char *bus = g_find_program_in_path ("dbus-daemon");

  /* GTestDBus runs a dbus-daemon of its own */
  return bus != NULL ? g_find_program_in_path ("gnome-keyring-daemon") : NULL;
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
secrets_on_bus (GDBusConnection *connection)
{
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (
      connection, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
      g_variant_new ("(s)", "org.freedesktop.secrets"), G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
      NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

SpTestKeyring *
sp_test_keyring_new (void)
{
  SpTestKeyring   *keyring = g_new0 (SpTestKeyring, 1);
  g_autofree char *program = sp_test_keyring_find ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  GOutputStream   *input;

  g_assert_nonnull (program);
  keyring->dir = g_dir_make_tmp ("test-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  keyring->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  /* GTestDBus unsets DISPLAY (against X11 bus autolaunch); the UI tests need it */
  display = g_strdup (g_getenv ("DISPLAY"));
  g_test_dbus_up (keyring->bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  /* Its keyrings and its control socket in the folder; the password of
   * the login keyring it makes on standard input */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", keyring->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", keyring->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", keyring->dir, TRUE);
  keyring->daemon = g_subprocess_launcher_spawn (launcher, &error, program, "--foreground", "--unlock",
                                                 "--components=secrets", NULL);
  g_assert_no_error (error);
  input = g_subprocess_get_stdin_pipe (keyring->daemon);
  g_assert_true (g_output_stream_write_all (input, "test", 4, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (input, NULL, NULL);

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 200 && !secrets_on_bus (connection); i++)
    g_usleep (50000);
  g_assert_true (secrets_on_bus (connection));
  return keyring;
}

/* The stopped buses, kept: a finalizer would wait for the connection to go */
static GPtrArray *stopped_buses;

void
sp_test_keyring_free (SpTestKeyring *keyring)
{
  if (keyring->daemon != NULL)
    {
      g_subprocess_send_signal (keyring->daemon, SIGTERM);
      g_subprocess_wait (keyring->daemon, NULL, NULL);
      g_clear_object (&keyring->daemon);
    }
  /* Stopped, not taken down: the session bus connection may still be held */
  g_test_dbus_stop (keyring->bus);
  if (stopped_buses == NULL)
    stopped_buses = g_ptr_array_new ();
  g_ptr_array_add (stopped_buses, keyring->bus);
  sp_test_remove_tree (keyring->dir);
  g_free (keyring->dir);
  g_free (keyring);
}
