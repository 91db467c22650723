/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "sp-dav-xml.h"

G_BEGIN_DECLS

#define SP_CALDAV_ERROR (sp_caldav_error_quark ())

typedef enum
{
  SP_CALDAV_ERROR_INSECURE,   /* not https, and not this computer */
  SP_CALDAV_ERROR_NETWORK,    /* could not reach the server, or it went away */
  SP_CALDAV_ERROR_AUTH,       /* the server refused the user name or password */
  SP_CALDAV_ERROR_NOT_CALDAV, /* the address is not a CalDAV server */
  SP_CALDAV_ERROR_HTTP,       /* an answer the sync cannot go on with */
  SP_CALDAV_ERROR_RECORD,     /* the sync record could not be saved */
} SpCaldavError;

/* How many requests are in flight at once, on kept-alive connections. */
#define SP_CALDAV_MAX_IN_FLIGHT 8

/* The name of the calendar Study Planner makes, and its path in the home. */
#define SP_CALDAV_CALENDAR_SEGMENT "study-planner/"

/* One answer: the status, the final address, the ETag and Location headers
 * and the body. */
typedef struct
{
  guint   status;
  char   *url;
  char   *etag;
  GBytes *body;
} SpDavReply;

typedef enum
{
  SP_DAV_REQUEST_NONE = 0,
  SP_DAV_REQUEST_FOLLOW_REDIRECT = 1 << 0, /* discovery: follow up to 5 checked hops */
} SpDavRequestFlags;

#define SP_TYPE_CALDAV_CLIENT (sp_caldav_client_get_type ())
G_DECLARE_FINAL_TYPE (SpCaldavClient, sp_caldav_client, SP, CALDAV_CLIENT, GObject)

GQuark sp_caldav_error_quark (void);

SpCaldavClient *sp_caldav_client_new (const char *user,
                                      const char *password);
void            sp_caldav_client_set_timeout (SpCaldavClient *self,
                                              guint           seconds);
void            sp_caldav_client_request_async (SpCaldavClient     *self,
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
                                                gpointer            user_data);
SpDavReply     *sp_caldav_client_request_finish (SpCaldavClient *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);
void            sp_caldav_client_discover_async (SpCaldavClient     *self,
                                                 const char         *url,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
char           *sp_caldav_client_discover_finish (SpCaldavClient *self,
                                                  GAsyncResult   *result,
                                                  GError        **error);
GError         *sp_caldav_status_error (guint       status,
                                        const char *what);
char           *sp_caldav_resolve (const char *base,
                                   const char *href);
char           *sp_caldav_href_name (const char *href);
void            sp_caldav_client_report_progress (SpCaldavClient *self,
                                                  guint           done,
                                                  guint           total);

SpDavMultistatus *sp_dav_reply_parse_multistatus (const SpDavReply *reply,
                                                  GError          **error);
void              sp_dav_reply_free (SpDavReply *reply);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDavReply, sp_dav_reply_free)

G_END_DECLS
