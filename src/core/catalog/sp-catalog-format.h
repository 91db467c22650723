/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-course.h"

G_BEGIN_DECLS

#define SP_CATALOG_ERROR (sp_catalog_error_quark ())

typedef enum
{
  SP_CATALOG_ERROR_SYNTAX,      /* not JSON */
  SP_CATALOG_ERROR_FORMAT,      /* JSON, but not the shape of the format */
  SP_CATALOG_ERROR_HTTP,        /* the server answered with an error status */
  SP_CATALOG_ERROR_NETWORK,     /* no answer: DNS, refused, TLS, reset */
  SP_CATALOG_ERROR_TIMEOUT,     /* no answer in time */
  SP_CATALOG_ERROR_TOO_LARGE,   /* the body is over the size limit */
  SP_CATALOG_ERROR_TRUNCATED,   /* the body ended before it was all sent */
  SP_CATALOG_ERROR_REDIRECT,    /* too many redirects, or to a refused address */
  SP_CATALOG_ERROR_INSECURE,    /* an address that is neither https nor loopback */
  SP_CATALOG_ERROR_NOT_CACHED,  /* reading the cache only, and nothing is there */
} SpCatalogError;

typedef enum
{
  SP_CATALOG_FORMAT_OWN,
  SP_CATALOG_FORMAT_COURSERA,
  SP_CATALOG_FORMAT_EDX,
  SP_CATALOG_FORMAT_MITLEARN,
} SpCatalogFormat;

/* One page of a listing: its courses and where the next page is. */
typedef struct
{
  GPtrArray *courses;   /* element-type SpCourse */
  char      *next_url;  /* nullable: absolute */
  gint64     total;     /* -1 when the listing does not say */
} SpCatalogPage;

void          sp_catalog_page_free         (SpCatalogPage    *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCatalogPage, sp_catalog_page_free)

GQuark         sp_catalog_error_quark      (void);

const char    *sp_catalog_format_to_string (SpCatalogFormat   format);
gboolean       sp_catalog_format_from_string (const char     *text,
                                              SpCatalogFormat *format);
const char    *sp_catalog_format_get_label (SpCatalogFormat   format);

SpCatalogPage *sp_catalog_parse_page       (SpCatalogFormat   format,
                                            GBytes           *bytes,
                                            const char       *page_url,
                                            GError          **error);
SpCourse      *sp_catalog_parse_course     (GBytes           *bytes,
                                            GError          **error);

gboolean       sp_catalog_parse_effort     (const char       *text,
                                            double           *hours,
                                            double           *hours_per_week,
                                            double           *weeks);

G_END_DECLS
