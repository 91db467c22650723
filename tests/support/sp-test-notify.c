/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sp-test-notify.h"

/* What GLib's GNotification speaks to (its freedesktop backend): Notify
 * and CloseNotification are kept for the test to read, ActionInvoked is
 * the test's to emit. */
static const char notify_xml[] =
    "<node>"
    "  <interface name='org.freedesktop.Notifications'>"
    "    <method name='Notify'>"
    "      <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
    "      <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
    "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/><arg type='u' direction='out'/>"
    "    </method>"
    "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
    "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
    "    <method name='GetServerInformation'>"
    "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
    "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
    "    </method>"
    "    <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
    "    <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
    "  </interface>"
    "</node>";

static void
notify_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *path,
                  const char            *interface,
                  const char            *method,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  SpTestNotifyServer *server = user_data;

  if (g_str_equal (method, "Notify"))
    {
      const char             *summary, *body, *icon = NULL;
      g_autofree const char **actions = NULL;
      g_autoptr(GVariant) hints = NULL;

      g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", NULL, NULL, NULL, &summary, &body, &actions, &hints, NULL);
      g_variant_lookup (hints, "image-path", "&s", &icon);
      g_ptr_array_add (server->summaries, g_strdup (summary));
      g_ptr_array_add (server->bodies, g_strdup (body));
      g_ptr_array_add (server->icons, g_strdup (icon));
      g_ptr_array_add (server->actions, g_strdupv ((char **) actions));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", ++server->next_id));
    }
  else if (g_str_equal (method, "CloseNotification"))
    {
      server->n_closed++;
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "Study Planner", "1", "1.2"));
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  ((SpTestNotifyServer *) user_data)->owned = TRUE;
}

void
sp_test_notify_server_start (SpTestNotifyServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GDBusNodeInfo) info = NULL;
  static const GDBusInterfaceVTable vtable = { notify_method_cb, NULL, NULL };
  gint64                            deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  memset (server, 0, sizeof *server);
  server->summaries = g_ptr_array_new_with_free_func (g_free);
  server->bodies = g_ptr_array_new_with_free_func (g_free);
  server->icons = g_ptr_array_new_with_free_func (g_free);
  server->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  server->connection = g_dbus_connection_new_for_address_sync (address,
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, &error);
  g_assert_no_error (error);
  info = g_dbus_node_info_new_for_xml (notify_xml, &error);
  g_assert_no_error (error);
  server->object_id = g_dbus_connection_register_object (server->connection, "/org/freedesktop/Notifications",
                                                         info->interfaces[0], &vtable, server, NULL, &error);
  g_assert_no_error (error);
  server->owner_id = g_bus_own_name_on_connection (server->connection, "org.freedesktop.Notifications",
                                                   G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired_cb, NULL, server, NULL);
  while (!server->owned && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (server->owned);
}

void
sp_test_notify_server_stop (SpTestNotifyServer *server)
{
  g_bus_unown_name (server->owner_id);
  g_dbus_connection_unregister_object (server->connection, server->object_id);
  g_dbus_connection_close_sync (server->connection, NULL, NULL);
  g_clear_object (&server->connection);
  g_clear_pointer (&server->summaries, g_ptr_array_unref);
  g_clear_pointer (&server->bodies, g_ptr_array_unref);
  g_clear_pointer (&server->icons, g_ptr_array_unref);
  g_clear_pointer (&server->actions, g_ptr_array_unref);
}
