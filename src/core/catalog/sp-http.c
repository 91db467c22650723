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

/**
 * sp_http_content_length_is_valid:
 *
 * libsoup reads Content-Length with strtoull(), which takes "-5" or "+5"
 * for a number; HTTP allows digits only (RFC 9110, 8.6).
 *
 * Returns: whether @headers have no Content-Length, or one of digits only
 */
gboolean
sp_http_content_length_is_valid (SoupMessageHeaders *headers)
{
  const char *value = soup_message_headers_get_list (headers, "Content-Length");

  if (value == NULL)
    return TRUE;
  /* Repeated headers arrive joined by ", "; HTTP lets a recipient take a
   * list of equal values, which no server of ours needs */
  if (*value == '\0')
    return FALSE;
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_soup_negative_length_warning (const GLogField *fields,
                                 gsize            n_fields)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }
  return g_strcmp0 (domain, "GLib-GObject") == 0 && message != NULL && g_str_has_prefix (message, "value \"-") &&
         strstr (message, "for property 'content-length' of type 'gint64'") != NULL;
}

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if ((log_level & G_LOG_LEVEL_WARNING) != 0 && is_soup_negative_length_warning (fields, n_fields))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * sp_http_install_log_filter:
 *
 * libsoup 3.2 hands a negative Content-Length to its body stream's
 * property, whose minimum is -1, inside its I/O loop and before any
 * signal a caller could act on, so GObject prints a warning for what is
 * the server's fault. The fetch itself fails with its own message (see
 * sp_http_content_length_is_valid()); this drops that one warning and
 * passes every other message on as GLib would. Call once, first thing in
 * main(): GLib takes one writer a process.
 */
void
sp_http_install_log_filter (void)
{
  g_log_set_writer_func (log_writer, NULL, NULL);
}
