/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A Radicale CalDAV server on 127.0.0.1, its storage in a temporary folder,
 * for the sync tests and the benchmark. */
typedef struct
{
  GSubprocess *process;
  char        *dir;
  char        *config;
  guint        port;
  char        *url;
} SpTestRadicale;

char           *sp_test_radicale_find (void);
void            sp_test_radicale_skip (void);
SpTestRadicale *sp_test_radicale_new (const char *htpasswd);
void            sp_test_radicale_start (SpTestRadicale *radicale);
void            sp_test_radicale_stop (SpTestRadicale *radicale);
void            sp_test_radicale_free (SpTestRadicale *radicale);

G_END_DECLS
