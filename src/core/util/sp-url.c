/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-url.h"

/* The web addresses the app follows or opens: only http(s) with a host. */

/**
 * sp_url_is_web:
 *
 * Returns: whether @url is an absolute http or https address with a host:
 *   the only kind a course link may open
 */
gboolean
sp_url_is_web (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL)
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) && host != NULL && host[0] != '\0';
}

/**
 * sp_url_resolve:
 * @base: (nullable): the address @ref was found at
 * @ref: a link as a server wrote it: absolute or relative
 *
 * g_uri_resolve_relative() asserts on references such as "x:/..//y", whose
 * dot segments leave a path starting with "//" and no host (found by
 * fuzzing): a reference with a scheme is taken only when it parses as an
 * address with a host by itself, and only references without one are
 * resolved.
 *
 * Returns: (transfer full) (nullable): the absolute address, or NULL
 */
char *
sp_url_resolve (const char *base,
                const char *ref)
{
  g_return_val_if_fail (ref != NULL, NULL);

  if (g_uri_peek_scheme (ref) != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (ref, G_URI_FLAGS_NONE, NULL);

      if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
        return NULL;
      return g_strdup (ref);
    }
  if (base == NULL)
    return NULL;
  return g_uri_resolve_relative (base, ref, G_URI_FLAGS_NONE, NULL);
}
