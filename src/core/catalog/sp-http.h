/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define SP_HTTP_TIMEOUT_SECONDS 20
#define SP_HTTP_MAX_BODY_SIZE   (16 * 1024 * 1024)
#define SP_HTTP_MAX_REDIRECTS   5

SoupSession *sp_http_session_new     (guint        timeout_seconds);
SoupSession *sp_http_session_new_full (guint timeout_seconds,
                                       guint max_conns_per_host);
const char  *sp_http_get_user_agent  (void);
gboolean     sp_http_is_loopback     (const char  *host);
char        *sp_http_host_of (const char *url);
gboolean     sp_http_status_is_redirect (guint status);
gboolean     sp_http_check_url       (const char  *url,
                                      GError     **error);
gboolean     sp_http_content_length_is_valid (SoupMessageHeaders *headers);
void         sp_http_install_log_filter (void);

G_END_DECLS
