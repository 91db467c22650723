/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The variable scripts give the password in; it wins over the Secret Service */
#define SP_CALDAV_PASSWORD_VARIABLE "STUDY_PLANNER_CALDAV_PASSWORD"

char    *sp_caldav_secret_lookup_sync (const char   *server,
                                       const char   *user,
                                       GCancellable *cancellable,
                                       GError      **error);
void     sp_caldav_secret_lookup_async (const char         *server,
                                        const char         *user,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
char    *sp_caldav_secret_lookup_finish (GAsyncResult *result,
                                         GError      **error);
gboolean sp_caldav_secret_store_sync (const char   *server,
                                      const char   *user,
                                      const char   *password,
                                      GCancellable *cancellable,
                                      GError      **error);
void     sp_caldav_secret_store_async (const char         *server,
                                       const char         *user,
                                       const char         *password,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
gboolean sp_caldav_secret_store_finish (GAsyncResult *result,
                                        GError      **error);
void     sp_caldav_secret_clear_async (const char         *server,
                                       const char         *user,
                                       GCancellable       *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer            user_data);
gboolean sp_caldav_secret_clear_finish (GAsyncResult *result,
                                        GError      **error);

/* A password kept in memory, wiped when it is freed: g_autoptr (SpCaldavPassword) */
typedef char SpCaldavPassword;

void sp_caldav_password_free (SpCaldavPassword *password);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCaldavPassword, sp_caldav_password_free)

G_END_DECLS
