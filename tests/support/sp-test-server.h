/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define SP_TYPE_TEST_SERVER (sp_test_server_get_type ())

G_DECLARE_FINAL_TYPE (SpTestServer, sp_test_server, SP, TEST_SERVER, GObject)

SpTestServer *sp_test_server_new         (void);
void          sp_test_server_add_handler (SpTestServer       *self,
                                          const char         *path,
                                          SoupServerCallback  callback,
                                          gpointer            user_data);
void          sp_test_server_start       (SpTestServer       *self);
void          sp_test_server_stop        (SpTestServer       *self);
const char   *sp_test_server_get_base    (SpTestServer       *self);
char         *sp_test_server_build_url   (SpTestServer       *self,
                                          const char         *path);
void          sp_test_server_invoke      (SpTestServer       *self,
                                          GFunc               func,
                                          gpointer            data);
void          sp_test_server_status_cb (SoupServer        *server,
                                        SoupServerMessage *message,
                                        const char        *path,
                                        GHashTable        *query,
                                        gpointer           status);
void          sp_test_server_unpause (SpTestServer *self,
                                      GPtrArray    *messages);

G_END_DECLS
