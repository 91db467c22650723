/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-catalog-format.h"

G_BEGIN_DECLS

/* Where listings come from: one entry of the "catalog-sources" setting. */
typedef struct
{
  char            *name;
  char            *url;
  SpCatalogFormat  format;
} SpCatalogSource;

SpCatalogSource *sp_catalog_source_new        (const char            *name,
                                               const char            *url,
                                               SpCatalogFormat        format);
SpCatalogSource *sp_catalog_source_copy       (const SpCatalogSource *source);
void             sp_catalog_source_free       (SpCatalogSource       *source);
gboolean         sp_catalog_source_equal      (const SpCatalogSource *a,
                                               const SpCatalogSource *b);
GPtrArray       *sp_catalog_sources_from_variant (GVariant           *value);
GVariant        *sp_catalog_sources_to_variant   (GPtrArray          *sources);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCatalogSource, sp_catalog_source_free)

G_END_DECLS
