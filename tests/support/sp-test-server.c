/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sp-test-server.h"

/* A real HTTP server on 127.0.0.1 for the tests. It runs in a thread of its
 * own, with its own main context, so it answers while the test blocks: on a
 * program it waits for, or on its own main loop. Handlers run in that
 * thread; a test that touches the server's messages afterwards does it
 * through sp_test_server_invoke(). */

struct _SpTestServer
{
  GObject       parent_instance;

  GArray       *handlers;   /* element-type Handler */

  /* Only while running */
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *base;

  GMutex        mutex;
  GCond         cond;
  gboolean      running;
};

typedef struct
{
  char               *path;
  SoupServerCallback  callback;
  gpointer            user_data;
} Handler;

typedef struct
{
  SpTestServer *self;
  GFunc         func;
  gpointer      data;
  gboolean      done;
} Invocation;

G_DEFINE_FINAL_TYPE (SpTestServer, sp_test_server, G_TYPE_OBJECT)

static void
handler_clear (Handler *handler)
{
  g_clear_pointer (&handler->path, g_free);
}

static void
add_to_server (gpointer server,
               gpointer data)
{
  const Handler *handler = data;

  soup_server_add_handler (server, handler->path, handler->callback, handler->user_data, NULL);
}

static gpointer
server_thread (gpointer data)
{
  SpTestServer *self = data;
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *base = NULL;

  g_main_context_push_thread_default (self->context);
  self->server = soup_server_new ("server-header", "sp-test-server", NULL);
  for (guint i = 0; i < self->handlers->len; i++)
    add_to_server (self->server, &g_array_index (self->handlers, Handler, i));
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (self->server);
  g_assert_cmpuint (g_slist_length (uris), ==, 1);

  /* No slash at the end: tests append "/path" */
  base = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  if (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';

  g_mutex_lock (&self->mutex);
  self->base = g_steal_pointer (&base);
  self->running = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Let the closed connections go before the context does */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static gboolean
quit_cb (gpointer user_data)
{
  SpTestServer *self = user_data;

  g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
invoke_cb (gpointer user_data)
{
  Invocation *invocation = user_data;
  SpTestServer *self = invocation->self;

  invocation->func (self->server, invocation->data);
  g_mutex_lock (&self->mutex);
  invocation->done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
  return G_SOURCE_REMOVE;
}

static void
sp_test_server_finalize (GObject *object)
{
  SpTestServer *self = SP_TEST_SERVER (object);

  if (self->thread != NULL)
    sp_test_server_stop (self);
  g_clear_pointer (&self->handlers, g_array_unref);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (sp_test_server_parent_class)->finalize (object);
}

static void
sp_test_server_class_init (SpTestServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_test_server_finalize;
}

static void
sp_test_server_init (SpTestServer *self)
{
  self->handlers = g_array_new (FALSE, TRUE, sizeof (Handler));
  g_array_set_clear_func (self->handlers, (GDestroyNotify) handler_clear);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
}

SpTestServer *
sp_test_server_new (void)
{
  return g_object_new (SP_TYPE_TEST_SERVER, NULL);
}

/**
 * sp_test_server_status_cb:
 * @status: the HTTP status, as GUINT_TO_POINTER()
 *
 * A handler for sp_test_server_add_handler() that answers every request
 * with @status and nothing else: a server that has nothing to give.
 */
void
sp_test_server_status_cb (SoupServer        *server,
                          SoupServerMessage *message,
                          const char        *path,
                          GHashTable        *query,
                          gpointer           status)
{
  soup_server_message_set_status (message, GPOINTER_TO_UINT (status), NULL);
}

/**
 * sp_test_server_add_handler:
 * @path: (nullable): the path it serves, and what is under it; %NULL for all
 * @callback: called in the server's thread
 *
 * Registers @callback for @path, before or after the server starts.
 */
void
sp_test_server_add_handler (SpTestServer       *self,
                            const char         *path,
                            SoupServerCallback  callback,
                            gpointer            user_data)
{
  Handler handler = { g_strdup (path), callback, user_data };

  g_return_if_fail (SP_IS_TEST_SERVER (self));

  g_array_append_val (self->handlers, handler);
  if (self->thread != NULL)
    sp_test_server_invoke (self, add_to_server, &handler);
}

/* Returns once the server listens */
void
sp_test_server_start (SpTestServer *self)
{
  g_return_if_fail (SP_IS_TEST_SERVER (self));
  g_return_if_fail (self->thread == NULL);

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("sp-test-server", server_thread, self);

  g_mutex_lock (&self->mutex);
  while (!self->running)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

/* Returns once the server has closed its connections and its thread ended */
void
sp_test_server_stop (SpTestServer *self)
{
  g_autoptr(GSource) source = NULL;

  g_return_if_fail (SP_IS_TEST_SERVER (self));
  g_return_if_fail (self->thread != NULL);

  source = g_idle_source_new ();
  g_source_set_callback (source, quit_cb, self, NULL);
  g_source_attach (source, self->context);
  g_thread_join (g_steal_pointer (&self->thread));

  self->running = FALSE;
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->base, g_free);
}

/**
 * sp_test_server_get_base:
 *
 * Returns: the server's address, "http://127.0.0.1:PORT", without a slash
 *   at the end
 */
const char *
sp_test_server_get_base (SpTestServer *self)
{
  g_return_val_if_fail (SP_IS_TEST_SERVER (self), NULL);
  g_return_val_if_fail (self->running, NULL);

  return self->base;
}

/**
 * sp_test_server_build_url:
 * @path: an absolute path, with its query if any
 *
 * Returns: (transfer full): the address of @path on this server
 */
char *
sp_test_server_build_url (SpTestServer *self,
                          const char   *path)
{
  g_return_val_if_fail (g_str_has_prefix (path, "/"), NULL);

  return g_strconcat (sp_test_server_get_base (self), path, NULL);
}

/**
 * sp_test_server_invoke:
 * @func: called in the server's thread with the #SoupServer and @data
 *
 * Runs @func where the server's messages live, and waits for it: a message
 * a handler paused is unpaused there.
 */
void
sp_test_server_invoke (SpTestServer *self,
                       GFunc         func,
                       gpointer      data)
{
  Invocation invocation = { self, func, data, FALSE };

  g_return_if_fail (SP_IS_TEST_SERVER (self));
  g_return_if_fail (self->thread != NULL);

  g_main_context_invoke (self->context, invoke_cb, &invocation);
  g_mutex_lock (&self->mutex);
  while (!invocation.done)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

static void
unpause_messages (gpointer server,
                  gpointer data)
{
  GPtrArray *messages = data;

  for (guint i = 0; i < messages->len; i++)
    soup_server_message_unpause (g_ptr_array_index (messages, i));
  g_ptr_array_set_size (messages, 0);
}

/**
 * sp_test_server_unpause:
 * @messages: the #SoupServerMessage<!-- -->s handlers paused
 *
 * Unpauses @messages in the server's thread, where they live, and empties
 * the array: a server that hung its answers lets them go.
 */
void
sp_test_server_unpause (SpTestServer *self,
                        GPtrArray    *messages)
{
  sp_test_server_invoke (self, unpause_messages, messages);
}
