/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "sp-caldav-secret.h"

/* The CalDAV password lives in the Secret Service (the keyring), one item
 * per server and user, never in the settings or the sync record. Only the
 * API of libsecret 0.20 (Debian 12). */

static const SecretSchema caldav_schema = {
  "io.github.studyplanner.StudyPlanner.CalDAV",
  SECRET_SCHEMA_NONE,
  {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
  },
};

/* Out of the Secret Service's own memory, into ours */
static char *
take_password (char *password)
{
  char *copy;

  if (password == NULL)
    return NULL;
  copy = g_strdup (password);
  secret_password_free (password);
  return copy;
}

/**
 * sp_caldav_secret_lookup_sync:
 *
 * Returns: (transfer full) (nullable): the password kept for @user on
 *   @server, or %NULL when there is none (then @error is not set) or the
 *   Secret Service could not be asked
 */
char *
sp_caldav_secret_lookup_sync (const char   *server,
                              const char   *user,
                              GCancellable *cancellable,
                              GError      **error)
{
  g_return_val_if_fail (server != NULL && user != NULL, NULL);
  return take_password (
      secret_password_lookup_sync (&caldav_schema, cancellable, error, "server", server, "user", user, NULL));
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char   *password = take_password (secret_password_lookup_finish (result, &error));

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, (GDestroyNotify) sp_caldav_password_free);
}

void
sp_caldav_secret_lookup_async (const char         *server,
                               const char         *user,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, sp_caldav_secret_lookup_async);
  secret_password_lookup (&caldav_schema, cancellable, lookup_cb, task, "server", server, "user", user, NULL);
}

/**
 * sp_caldav_secret_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the password, or %NULL: none kept
 *   (@error not set), or the Secret Service could not be asked
 */
char *
sp_caldav_secret_lookup_finish (GAsyncResult *result,
                                GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
item_label (const char *server,
            const char *user)
{
  /* TRANSLATORS: the keyring item's name: "Study Planner calendar: ana at https://dav.example.org/" */
  return g_strdup_printf (_("Study Planner calendar: %s at %s"), user, server);
}

/* An item kept before is removed first: gnome-keyring 42 quits when
 * CreateItem replaces one ("already registered") */
gboolean
sp_caldav_secret_store_sync (const char   *server,
                             const char   *user,
                             const char   *password,
                             GCancellable *cancellable,
                             GError      **error)
{
  g_autofree char *label = item_label (server, user);

  secret_password_clear_sync (&caldav_schema, cancellable, NULL, "server", server, "user", user, NULL);
  return secret_password_store_sync (&caldav_schema, SECRET_COLLECTION_DEFAULT, label, password, cancellable,
                                     error, "server", server, "user", user, NULL);
}

typedef struct
{
  char *server;
  char *user;
  char *password;
} Store;

static void
store_free (gpointer data)
{
  Store *store = data;

  g_free (store->server);
  g_free (store->user);
  g_clear_pointer (&store->password, sp_caldav_password_free);
  g_free (store);
}

static void
boolean_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError  *error = NULL;
  gboolean done;

  if (g_task_get_source_tag (task) == sp_caldav_secret_store_async)
    done = secret_password_store_finish (result, &error);
  else
    {
      /* Nothing to clear is not a failure */
      secret_password_clear_finish (result, &error);
      done = error == NULL;
    }
  if (!done)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
cleared_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask           *task = user_data;
  Store           *store = g_task_get_task_data (task);
  g_autofree char *label = item_label (store->server, store->user);

  /* A failure here shows again in the store */
  secret_password_clear_finish (result, NULL);
  secret_password_store (&caldav_schema, SECRET_COLLECTION_DEFAULT, label, store->password,
                         g_task_get_cancellable (task), boolean_cb, task, "server", store->server, "user",
                         store->user, NULL);
}

void
sp_caldav_secret_store_async (const char         *server,
                              const char         *user,
                              const char         *password,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  Store *store = g_new0 (Store, 1);

  g_task_set_source_tag (task, sp_caldav_secret_store_async);
  store->server = g_strdup (server);
  store->user = g_strdup (user);
  store->password = g_strdup (password);
  g_task_set_task_data (task, store, store_free);
  secret_password_clear (&caldav_schema, cancellable, cleared_cb, task, "server", server, "user", user, NULL);
}

gboolean
sp_caldav_secret_store_finish (GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
sp_caldav_secret_clear_async (const char         *server,
                              const char         *user,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, sp_caldav_secret_clear_async);
  secret_password_clear (&caldav_schema, cancellable, boolean_cb, task, "server", server, "user", user, NULL);
}

gboolean
sp_caldav_secret_clear_finish (GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sp_caldav_password_free:
 * @password: (nullable): a password
 *
 * Frees @password with its bytes wiped first, so that it does not stay
 * behind in freed memory: explicit_bzero(), since the compiler may drop a
 * memset() just before a free.
 */
void
sp_caldav_password_free (SpCaldavPassword *password)
{
  if (password == NULL)
    return;
  explicit_bzero (password, strlen (password));
  g_free (password);
}
