/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One <response> of a WebDAV multistatus, with the properties the server
 * found (a propstat whose status is not 2xx is left out). */
typedef struct
{
  char    *href;   /* as the server wrote it */
  guint    status; /* the response's own status; 0 when it has propstats */
  char    *etag;   /* nullable */
  gboolean is_collection;
  gboolean is_calendar;
  char    *principal;     /* current-user-principal's href, nullable */
  char    *home;          /* calendar-home-set's first href, nullable */
  char    *display_name;  /* nullable */
  char    *calendar_data; /* nullable */
  char    *sync_token;    /* the DAV:sync-token property, nullable */
} SpDavResponse;

typedef struct
{
  GPtrArray *responses;  /* element-type SpDavResponse */
  char      *sync_token; /* the multistatus's own, from sync-collection; nullable */
} SpDavMultistatus;

#define SP_DAV_XML_ERROR (sp_dav_xml_error_quark ())

typedef enum
{
  SP_DAV_XML_ERROR_INVALID, /* not well-formed XML */
  SP_DAV_XML_ERROR_NOT_DAV, /* well-formed, but no DAV:multistatus */
} SpDavXmlError;

GQuark sp_dav_xml_error_quark (void);

SpDavMultistatus *sp_dav_multistatus_parse (const char *data,
                                            gsize       length,
                                            GError    **error);
void              sp_dav_multistatus_free (SpDavMultistatus *self);
guint             sp_dav_parse_status_line (const char *line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDavMultistatus, sp_dav_multistatus_free)

G_END_DECLS
