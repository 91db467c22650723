/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-caldav-client.h"
#include "sp-caldav-secret.h"
#include "sp-catalog-format.h"
#include "sp-dav-xml.h"
#include "sp-http.h"

/* The HTTP side of CalDAV sync: one libsoup session whose connections stay
 * open between requests, Basic or Digest credentials given when the server
 * asks (once: a second ask means they were refused), and discovery of the
 * calendar from the address the user typed (RFC 6764 and RFC 4791). */

struct _SpCaldavClient
{
  GObject parent_instance;

  SoupSession *session;
  char        *user;
  char        *password;
  guint        timeout;
};

G_DEFINE_FINAL_TYPE (SpCaldavClient, sp_caldav_client, G_TYPE_OBJECT)

enum
{
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (sp - caldav - error - quark, sp_caldav_error)

#define PROPFIND_DISCOVER                                                           \
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"                                    \
  "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop>" \
  "<d:resourcetype/><d:current-user-principal/><c:calendar-home-set/>"              \
  "</d:prop></d:propfind>"

typedef struct
{
  char             *method;
  char             *url;
  char             *depth;
  char             *if_match;
  gboolean          if_none_match;
  char             *content_type;
  GBytes           *body;
  SpDavRequestFlags flags;
  guint             hops;
  SoupMessage      *message;
} Request;

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->method);
  g_free (request->url);
  g_free (request->depth);
  g_free (request->if_match);
  g_free (request->content_type);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_object (&request->message);
  g_free (request);
}

/**
 * sp_dav_reply_parse_multistatus:
 *
 * Reads the body of a 207 answer; the caller has checked the status.
 *
 * Returns: (transfer full): the answer's responses, or %NULL with @error
 *   set when the body is not a DAV:multistatus
 */
SpDavMultistatus *
sp_dav_reply_parse_multistatus (const SpDavReply *reply,
                                GError          **error)
{
  return sp_dav_multistatus_parse (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body), error);
}

void
sp_dav_reply_free (SpDavReply *reply)
{
  if (reply == NULL)
    return;
  g_free (reply->url);
  g_free (reply->etag);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply);
}

/**
 * sp_caldav_resolve:
 * @href: an href from the server: a path, or a whole address
 *
 * Returns: (transfer full): @href as an address, relative to @base
 */
char *
sp_caldav_resolve (const char *base,
                   const char *href)
{
  char *url = g_uri_resolve_relative (base, href, G_URI_FLAGS_ENCODED, NULL);

  return url ? url : g_strdup (href);
}

/**
 * sp_caldav_href_name:
 *
 * Returns: (transfer full): the last segment of @href's path, without a
 *   trailing slash: the name of a resource in its collection
 */
char *
sp_caldav_href_name (const char *href)
{
  g_autofree char *copy = g_strdup (href);
  char            *slash;
  gsize            len = strlen (copy);

  while (len > 0 && copy[len - 1] == '/')
    copy[--len] = '\0';
  slash = strrchr (copy, '/');
  return g_strdup (slash ? slash + 1 : copy);
}

static GError *
network_error (const char *url,
               GError     *error,
               guint       timeout)
{
  g_autofree char *host = sp_http_host_of (url);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_NETWORK,
                        ngettext ("The server %s did not answer within %u second",
                                  "The server %s did not answer within %u seconds", timeout),
                        host, timeout);
  if (error->domain == G_RESOLVER_ERROR)
    return g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_NETWORK,
                        _("Could not find the server %s: check the address and the network connection"), host);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_NETWORK,
                        _("Could not make a secure connection to %s: %s"), host, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_NETWORK,
                        _("The server %s refused the connection"), host);
  return g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_NETWORK,
                      _("Could not reach %s: %s"), host, error->message);
}

/* Names what a certificate is wrong about, since GLib's message does not */
static const char *
tls_problem (GTlsCertificateFlags flags)
{
  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return _("the certificate is not signed by a known authority");
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return _("the certificate is for another server");
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    return _("the certificate has expired");
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return _("the certificate is not valid yet");
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    return _("the certificate has been revoked");
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    return _("the certificate uses an insecure algorithm");
  return NULL;
}

/**
 * sp_caldav_status_error:
 * @what: (nullable): what was asked, for the message
 *
 * Returns: (transfer full): an error for an HTTP status a sync cannot go on with
 */
GError *
sp_caldav_status_error (guint       status,
                        const char *what)
{
  if (status == SOUP_STATUS_UNAUTHORIZED)
    return g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_AUTH,
                        _("The server refused the user name or password (HTTP %u)"), status);
  if (status == SOUP_STATUS_FORBIDDEN)
    return g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_AUTH,
                        _("The server does not allow this account to change the calendar (HTTP %u)"), status);
  if (status >= 500)
    return g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_HTTP,
                        _("The server had a problem (HTTP %u); try again later"), status);
  if (what != NULL)
    /* TRANSLATORS: %s is what was asked, such as "creating the calendar" */
    return g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_HTTP,
                        _("The server answered with an error while %s (HTTP %u)"), what, status);
  return g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_HTTP,
                      _("The server answered with an error (HTTP %u)"), status);
}

static gboolean
authenticate_cb (SoupMessage *message,
                 SoupAuth    *auth,
                 gboolean     retrying,
                 gpointer     user_data)
{
  SpCaldavClient *self = user_data;

  /* A second ask means the first answer was refused: let the 401 through */
  if (retrying || self->user == NULL || self->user[0] == '\0')
    return FALSE;
  soup_auth_authenticate (auth, self->user, self->password ? self->password : "");
  return TRUE;
}

/* libsoup 3.2 sends a restarted message (after a 401) without its body;
 * giving the body again makes a fresh stream */
static void
restarted_cb (SoupMessage *message,
              gpointer     user_data)
{
  Request *request = user_data;

  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (message, request->content_type, request->body);
}

static void send_request (GTask *task);

static void
send_and_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpCaldavClient *self = g_task_get_source_object (task);
  Request        *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessageHeaders *headers;
  SpDavReply         *reply;
  guint               status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      GTlsCertificateFlags flags = soup_message_get_tls_peer_certificate_errors (request->message);

      if (error->domain == G_TLS_ERROR && tls_problem (flags) != NULL)
        {
          g_autofree char *host = sp_http_host_of (request->url);

          g_task_return_new_error (task, SP_CALDAV_ERROR, SP_CALDAV_ERROR_NETWORK,
                                   _("Could not make a secure connection to %s: %s"), host, tls_problem (flags));
          return;
        }
      g_task_return_error (task, network_error (request->url, error, self->timeout));
      return;
    }

  status = soup_message_get_status (request->message);
  headers = soup_message_get_response_headers (request->message);
  if (sp_http_status_is_redirect (status) && (request->flags & SP_DAV_REQUEST_FOLLOW_REDIRECT) &&
      soup_message_headers_get_one (headers, "Location") != NULL)
    {
      g_autofree char *next = sp_caldav_resolve (request->url, soup_message_headers_get_one (headers, "Location"));
      GError          *check_error = NULL;

      if (++request->hops > SP_HTTP_MAX_REDIRECTS)
        {
          g_task_return_new_error (task, SP_CALDAV_ERROR, SP_CALDAV_ERROR_NOT_CALDAV,
                                   _("The server redirected more than %u times"), SP_HTTP_MAX_REDIRECTS);
          return;
        }
      if (!sp_http_check_url (next, &check_error))
        {
          g_task_return_new_error (task, SP_CALDAV_ERROR, SP_CALDAV_ERROR_INSECURE, "%s", check_error->message);
          g_error_free (check_error);
          return;
        }
      g_free (request->url);
      request->url = g_steal_pointer (&next);
      send_request (g_steal_pointer (&task));
      return;
    }

  reply = g_new0 (SpDavReply, 1);
  reply->status = status;
  reply->url = g_strdup (request->url);
  reply->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  reply->body = g_steal_pointer (&body);
  g_task_return_pointer (task, reply, (GDestroyNotify) sp_dav_reply_free);
}

static void
send_request (GTask *task)
{
  SpCaldavClient *self = g_task_get_source_object (task);
  Request        *request = g_task_get_task_data (task);
  g_autoptr(GUri) uri = g_uri_parse (request->url, SOUP_HTTP_URI_FLAGS, NULL);
  SoupMessageHeaders *headers;

  g_clear_object (&request->message);
  if (uri == NULL)
    {
      g_task_return_new_error (task, SP_CALDAV_ERROR, SP_CALDAV_ERROR_NOT_CALDAV,
                               _("“%s” is not a web address"), request->url);
      g_object_unref (task);
      return;
    }
  request->message = soup_message_new_from_uri (request->method, uri);
  soup_message_add_flags (request->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (request->message);
  if (request->depth != NULL)
    soup_message_headers_replace (headers, "Depth", request->depth);
  if (request->if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", request->if_match);
  if (request->if_none_match)
    soup_message_headers_replace (headers, "If-None-Match", "*");
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message, request->content_type, request->body);
  g_signal_connect_object (request->message, "authenticate", G_CALLBACK (authenticate_cb), self, 0);
  g_signal_connect (request->message, "restarted", G_CALLBACK (restarted_cb), request);

  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), send_and_read_cb, task);
}

/**
 * sp_caldav_client_request_async:
 * @depth: (nullable): the Depth header
 * @if_match: (nullable): the ETag the resource must still have
 * @if_none_match: whether the resource must not exist yet
 * @body: (nullable): the request body, of @content_type
 *
 * Sends one request. Any status is a reply; only a failure to get one
 * (or an unsafe redirect) is an error.
 */
void
sp_caldav_client_request_async (SpCaldavClient     *self,
                                const char         *method,
                                const char         *url,
                                const char         *depth,
                                const char         *if_match,
                                gboolean            if_none_match,
                                const char         *content_type,
                                const char         *body,
                                SpDavRequestFlags   flags,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  GTask   *task;
  Request *request;

  g_return_if_fail (SP_IS_CALDAV_CLIENT (self));
  g_return_if_fail (method != NULL && url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_caldav_client_request_async);
  request = g_new0 (Request, 1);
  request->method = g_strdup (method);
  request->url = g_strdup (url);
  request->depth = g_strdup (depth);
  request->if_match = g_strdup (if_match);
  request->if_none_match = if_none_match;
  request->content_type = g_strdup (content_type);
  request->body = body ? g_bytes_new (body, strlen (body)) : NULL;
  request->flags = flags;
  g_task_set_task_data (task, request, request_free);
  send_request (task);
}

/**
 * sp_caldav_client_request_finish:
 *
 * Returns: (transfer full): the reply, or %NULL with @error set
 */
SpDavReply *
sp_caldav_client_request_finish (SpCaldavClient *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Discovery: the address as given, then /.well-known/caldav, then the
 * principal, the calendar home, and the calendar made there. */

typedef struct
{
  char    *url; /* what the user gave */
  gboolean tried_well_known;
  char    *home;
} Discover;

static void
discover_free (gpointer data)
{
  Discover *discover = data;

  g_free (discover->url);
  g_free (discover->home);
  g_free (discover);
}

static void discover_propfind (GTask      *task,
                               const char *url);

static void
not_caldav (GTask *task)
{
  g_task_return_new_error (task, SP_CALDAV_ERROR, SP_CALDAV_ERROR_NOT_CALDAV,
                           _("This is not a CalDAV server: it has no calendars at this address"));
}

static void
try_well_known (GTask *task)
{
  Discover        *discover = g_task_get_task_data (task);
  g_autofree char *well_known = NULL;

  if (discover->tried_well_known)
    {
      not_caldav (task);
      g_object_unref (task);
      return;
    }
  discover->tried_well_known = TRUE;
  well_known = sp_caldav_resolve (discover->url, "/.well-known/caldav");
  discover_propfind (task, well_known);
}

static void
existing_calendar_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDavReply) reply = sp_caldav_client_request_finish (SP_CALDAV_CLIENT (source), result, &error);
  g_autoptr(SpDavMultistatus) status = NULL;
  SpDavResponse *response;

  if (reply == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (reply->status != 207)
    {
      g_task_return_error (task, sp_caldav_status_error (reply->status, _("creating the calendar")));
      return;
    }
  status = sp_dav_reply_parse_multistatus (reply, NULL);
  response = status && status->responses->len > 0 ? g_ptr_array_index (status->responses, 0) : NULL;
  if (response == NULL || !response->is_calendar)
    {
      g_task_return_new_error (task, SP_CALDAV_ERROR, SP_CALDAV_ERROR_HTTP,
                               _("The calendar home already holds “%s”, and it is not a calendar"),
                                  SP_CALDAV_CALENDAR_SEGMENT);
      return;
    }
  g_task_return_pointer (task, g_strdup (reply->url), g_free);
}

static void
mkcalendar_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpCaldavClient *self = SP_CALDAV_CLIENT (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDavReply) reply = sp_caldav_client_request_finish (self, result, &error);

  if (reply == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (reply->status == 201)
    {
      g_task_return_pointer (task, g_strdup (reply->url), g_free);
      return;
    }
  /* Made before (405: something is there): reuse it if it is a calendar */
  if (reply->status == 405 || reply->status == 409)
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      sp_caldav_client_request_async (self, "PROPFIND", reply->url, "0", NULL, FALSE,
                                      "application/xml; charset=utf-8", PROPFIND_DISCOVER, SP_DAV_REQUEST_NONE,
                                      cancellable, existing_calendar_cb, g_steal_pointer (&task));
      return;
    }
  g_task_return_error (task, sp_caldav_status_error (reply->status, _("creating the calendar")));
}

static void
make_calendar (GTask      *task,
               const char *home)
{
  SpCaldavClient  *self = g_task_get_source_object (task);
  g_autofree char *home_slash = g_str_has_suffix (home, "/") ? g_strdup (home) : g_strconcat (home, "/", NULL);
  g_autofree char *url = sp_caldav_resolve (home_slash, SP_CALDAV_CALENDAR_SEGMENT);
  g_autofree char *name = g_markup_escape_text (_("Study Planner"), -1);
  g_autofree char *body = g_strdup_printf (
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>"
      "<d:displayname>%s</d:displayname>"
      "<c:supported-calendar-component-set><c:comp name=\"VEVENT\"/></c:supported-calendar-component-set>"
      "</d:prop></d:set></c:mkcalendar>",
      name);

  sp_caldav_client_request_async (self, "MKCALENDAR", url, NULL, NULL, FALSE,
                                  "application/xml; charset=utf-8", body, SP_DAV_REQUEST_NONE,
                                  g_task_get_cancellable (task), mkcalendar_cb, task);
}

static void
discover_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDavReply) reply = sp_caldav_client_request_finish (SP_CALDAV_CLIENT (source), result, &error);
  g_autoptr(SpDavMultistatus) status = NULL;
  SpDavResponse *response = NULL;

  if (reply == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (reply->status == SOUP_STATUS_UNAUTHORIZED)
    {
      g_task_return_error (task, sp_caldav_status_error (reply->status, NULL));
      g_object_unref (task);
      return;
    }
  if (reply->status == 207)
    status = sp_dav_reply_parse_multistatus (reply, NULL);
  if (status != NULL)
    {
      /* The answer about the address asked, or the only one */
      for (guint i = 0; i < status->responses->len && response == NULL; i++)
        {
          SpDavResponse   *candidate = g_ptr_array_index (status->responses, i);
          g_autofree char *url = sp_caldav_resolve (reply->url, candidate->href);

          if (g_str_equal (url, reply->url) || status->responses->len == 1)
            response = candidate;
        }
    }
  if (response == NULL)
    {
      try_well_known (task);
      return;
    }

  if (response->is_calendar)
    {
      g_task_return_pointer (task, g_strdup (reply->url), g_free);
      g_object_unref (task);
    }
  else if (response->home != NULL)
    {
      g_autofree char *home = sp_caldav_resolve (reply->url, response->home);

      make_calendar (task, home);
    }
  else if (response->principal != NULL)
    {
      g_autofree char *principal = sp_caldav_resolve (reply->url, response->principal);

      if (g_str_equal (principal, reply->url))
        {
          not_caldav (task);
          g_object_unref (task);
          return;
        }
      discover_propfind (task, principal);
    }
  else
    try_well_known (task);
}

static void
discover_propfind (GTask      *task,
                   const char *url)
{
  SpCaldavClient *self = g_task_get_source_object (task);

  sp_caldav_client_request_async (self, "PROPFIND", url, "0", NULL, FALSE,
                                  "application/xml; charset=utf-8", PROPFIND_DISCOVER,
                                  SP_DAV_REQUEST_FOLLOW_REDIRECT, g_task_get_cancellable (task), discover_cb, task);
}

/**
 * sp_caldav_client_discover_async:
 * @url: a server's address, or a calendar collection's
 *
 * Finds the calendar to write to: @url itself when it is a calendar,
 * otherwise the calendar "study-planner/" in the user's calendar home,
 * made there if it is not there yet.
 */
void
sp_caldav_client_discover_async (SpCaldavClient     *self,
                                 const char         *url,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  GTask    *task;
  Discover *discover;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SP_IS_CALDAV_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_caldav_client_discover_async);
  discover = g_new0 (Discover, 1);
  discover->url = g_strdup (url);
  g_task_set_task_data (task, discover, discover_free);
  if (!sp_http_check_url (url, &error))
    {
      g_task_return_new_error (task, SP_CALDAV_ERROR, SP_CALDAV_ERROR_INSECURE, "%s", error->message);
      g_object_unref (task);
      return;
    }
  discover_propfind (task, url);
}

/**
 * sp_caldav_client_discover_finish:
 *
 * Returns: (transfer full): the calendar collection's address
 */
char *
sp_caldav_client_discover_finish (SpCaldavClient *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
sp_caldav_client_finalize (GObject *object)
{
  SpCaldavClient *self = SP_CALDAV_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->user);
  g_clear_pointer (&self->password, sp_caldav_password_free);

  G_OBJECT_CLASS (sp_caldav_client_parent_class)->finalize (object);
}

static void
sp_caldav_client_class_init (SpCaldavClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_caldav_client_finalize;

  /**
   * SpCaldavClient::progress:
   * @done: the events written or deleted so far
   * @total: how many a sync sends
   *
   * Emitted while a sync sends the schedule, after each answer, so that a
   * long first sync can show how far it is.
   */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
sp_caldav_client_init (SpCaldavClient *self)
{
  self->timeout = SP_HTTP_TIMEOUT_SECONDS;
  self->session = sp_http_session_new_full (self->timeout, SP_CALDAV_MAX_IN_FLIGHT);
  if (g_getenv ("SP_DEBUG_HTTP"))
    {
      g_autoptr(SoupLogger) logger = soup_logger_new (SOUP_LOGGER_LOG_HEADERS);
      soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (logger));
    }
}

/**
 * sp_caldav_client_new:
 * @user: (nullable): the account's name
 * @password: (nullable): its password
 *
 * Returns: (transfer full): a client with one session for all its requests
 */
SpCaldavClient *
sp_caldav_client_new (const char *user,
                      const char *password)
{
  SpCaldavClient *self = g_object_new (SP_TYPE_CALDAV_CLIENT, NULL);

  self->user = g_strdup (user);
  self->password = g_strdup (password);
  return self;
}

void
sp_caldav_client_set_timeout (SpCaldavClient *self,
                              guint           seconds)
{
  g_return_if_fail (SP_IS_CALDAV_CLIENT (self));
  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
}

/**
 * sp_caldav_client_report_progress:
 *
 * For the sync: emits SpCaldavClient::progress.
 */
void
sp_caldav_client_report_progress (SpCaldavClient *self,
                                  guint           done,
                                  guint           total)
{
  g_return_if_fail (SP_IS_CALDAV_CLIENT (self));
  g_signal_emit (self, signals[PROGRESS], 0, done, total);
}
