/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A notification server on the test's own session bus, as GNOME Shell
 * would run: org.freedesktop.Notifications, on its own connection. */
typedef struct
{
  GDBusConnection *connection;
  guint            object_id;
  guint            owner_id;
  gboolean         owned;
  guint            next_id;
  GPtrArray       *summaries; /* what Notify received, in order */
  GPtrArray       *bodies;
  GPtrArray       *icons;   /* the image-path hint: an icon name or a file */
  GPtrArray       *actions; /* element-type GStrv */
  guint            n_closed;
} SpTestNotifyServer;

void sp_test_notify_server_start (SpTestNotifyServer *server);
void sp_test_notify_server_stop (SpTestNotifyServer *server);

G_END_DECLS
