/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

#include "sp-test-files.h"
#include "sp-test-radicale.h"

static char *sp_radicale_path;

/**
 * sp_test_radicale_find:
 *
 * Returns: (transfer full) (nullable): the radicale program, or %NULL when
 *   it is not installed
 */
char *
sp_test_radicale_find (void)
{
  if (sp_radicale_path == NULL)
    sp_radicale_path = g_find_program_in_path ("radicale");
  return g_strdup (sp_radicale_path);
}

static guint
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

void
sp_test_radicale_start (SpTestRadicale *radicale)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);

  /* A failed assertion aborts this program: the server goes with it */
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  radicale->process = g_subprocess_launcher_spawn (launcher, &error, sp_radicale_path, "--config", radicale->config,
                                                   NULL);
  g_assert_no_error (error);

  /* Ready when it accepts connections */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GSocketConnection) connection = NULL;

      connection = g_socket_client_connect_to_host (client, "127.0.0.1", (guint16) radicale->port, NULL, NULL);
      if (connection != NULL)
        return;
      g_usleep (50000);
    }
  g_error ("Radicale did not start on port %u", radicale->port);
}

void
sp_test_radicale_stop (SpTestRadicale *radicale)
{
  if (radicale->process == NULL)
    return;
  g_subprocess_send_signal (radicale->process, SIGKILL);
  g_subprocess_wait (radicale->process, NULL, NULL);
  g_clear_object (&radicale->process);
}

/* @htpasswd: NULL for no authentication (any user name is taken) */
SpTestRadicale *
sp_test_radicale_new (const char *htpasswd)
{
  SpTestRadicale *radicale = g_new0 (SpTestRadicale, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *auth = NULL;

  radicale->dir = g_dir_make_tmp ("test-caldav-XXXXXX", &error);
  g_assert_no_error (error);
  radicale->port = free_port ();
  radicale->url = g_strdup_printf ("http://127.0.0.1:%u/", radicale->port);
  if (htpasswd != NULL)
    {
      g_autofree char *users = g_build_filename (radicale->dir, "users", NULL);

      g_assert_true (g_file_set_contents (users, htpasswd, -1, NULL));
      auth = g_strdup_printf ("type = htpasswd\nhtpasswd_filename = %s\nhtpasswd_encryption = plain\n"
                              "delay = 0\n",
                              users);
    }
  else
    auth = g_strdup ("type = none\n");
  config = g_strdup_printf ("[server]\nhosts = 127.0.0.1:%u\n\n[auth]\n%s\n"
                            "[storage]\nfilesystem_folder = %s/storage\n\n[web]\ntype = none\n\n"
                            "[logging]\nlevel = warning\n",
                            radicale->port, auth, radicale->dir);
  radicale->config = g_build_filename (radicale->dir, "config", NULL);
  g_assert_true (g_file_set_contents (radicale->config, config, -1, NULL));
  sp_test_radicale_start (radicale);
  return radicale;
}

void
sp_test_radicale_free (SpTestRadicale *radicale)
{
  sp_test_radicale_stop (radicale);
  sp_test_remove_tree (radicale->dir);
  g_free (radicale->dir);
  g_free (radicale->config);
  g_free (radicale->url);
  g_free (radicale);
}

/* The test function for the sync cases where radicale is not installed */
void
sp_test_radicale_skip (void)
{
  g_test_skip ("radicale is not installed (apt-get install radicale): the sync cases need it");
}
