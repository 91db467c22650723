/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-catalog-format.h"
#include "sp-http.h"

/* The one place that makes HTTP sessions and decides which addresses may be
 * asked: https anywhere, plain http only on this computer. */

const char *
sp_http_get_user_agent (void)
{
  return "StudyPlanner/" PACKAGE_VERSION;
}

/**
 * sp_http_session_new:
 * @timeout_seconds: how long to wait for the server at each step
 *
 * Returns: (transfer full): a session with Study Planner's User-Agent and
 *   the timeout; redirects are followed by the caller, hop by hop
 */
SoupSession *
sp_http_session_new (guint timeout_seconds)
{
  return sp_http_session_new_full (timeout_seconds, 4);
}

/**
 * sp_http_session_new_full:
 * @max_conns_per_host: how many connections to one server at once
 *
 * Returns: (transfer full): a session as sp_http_session_new() makes, for
 *   callers that keep more requests in flight (CalDAV sync)
 */
SoupSession *
sp_http_session_new_full (guint timeout_seconds,
                          guint max_conns_per_host)
{
  return soup_session_new_with_options ("user-agent", sp_http_get_user_agent (),
                                        "timeout", timeout_seconds,
                                        "idle-timeout", 60,
                                        "max-conns-per-host", max_conns_per_host,
                                        "max-conns", MAX (max_conns_per_host, 10),
                                        NULL);
}

/**
 * sp_http_is_loopback:
 *
 * Returns: whether @host names this computer: localhost, 127.0.0.0/8 or ::1
 */
gboolean
sp_http_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri keeps IPv6 literals bracketless, but accept both */
  if (host[0] == '[')
    bare = g_strndup (host + 1, strlen (host) - (g_str_has_suffix (host, "]") ? 2 : 1));
  address = g_inet_address_new_from_string (bare ? bare : host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * sp_http_check_url:
 *
 * Returns: %TRUE when @url may be fetched: https, or http to a loopback
 *   address; otherwise %FALSE with a %SP_CATALOG_ERROR_INSECURE error
 */
gboolean
sp_http_check_url (const char  *url,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_INSECURE,
                   _("“%s” is not a web address"), url);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (sp_http_is_loopback (host))
        return TRUE;
      g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_INSECURE,
                   _("“%s” is not a secure address: use https (plain http is allowed only for this computer)"),
                   url);
      return FALSE;
    }

  g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_INSECURE,
               _("“%s” is not a web address"), url);
  return FALSE;
}

/**
 * sp_http_host_of:
 * @url: an address
 *
 * Returns: (transfer full): the host of @url, for messages that name the
 *   server; @url itself where it has none
 */
char *
sp_http_host_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : url);
}

/* The statuses that send the request on to their Location */
gboolean
sp_http_status_is_redirect (guint status)
{
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}
