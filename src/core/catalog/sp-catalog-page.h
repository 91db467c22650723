/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a listing format returns, and the catalog's errors: apart from the
 * formats' table, so that the files of the formats need not include it. */

#define SP_CATALOG_ERROR (sp_catalog_error_quark ())

typedef enum
{
  SP_CATALOG_ERROR_SYNTAX,     /* not JSON */
  SP_CATALOG_ERROR_FORMAT,     /* JSON, but not the shape of the format */
  SP_CATALOG_ERROR_HTTP,       /* the server answered with an error status */
  SP_CATALOG_ERROR_NETWORK,    /* no answer: DNS, refused, TLS, reset */
  SP_CATALOG_ERROR_TIMEOUT,    /* no answer in time */
  SP_CATALOG_ERROR_TOO_LARGE,  /* the body is over the size limit */
  SP_CATALOG_ERROR_TRUNCATED,  /* the body ended before it was all sent */
  SP_CATALOG_ERROR_REDIRECT,   /* too many redirects, or to a refused address */
  SP_CATALOG_ERROR_INSECURE,   /* an address that is neither https nor loopback */
  SP_CATALOG_ERROR_NOT_CACHED, /* reading the cache only, and nothing is there */
} SpCatalogError;

/* One page of a listing: its courses and where the next page is. */
typedef struct
{
  GPtrArray *courses;   /* element-type SpCourse */
  char      *next_url;  /* nullable: absolute */
  gint64     total;     /* -1 when the listing does not say */
  gboolean   truncated; /* courses past the most asked for were not read */
} SpCatalogPage;

void sp_catalog_page_free (SpCatalogPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCatalogPage, sp_catalog_page_free)

GQuark sp_catalog_error_quark (void);

G_END_DECLS
