/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-catalog-source.h"

SpCatalogSource *
sp_catalog_source_new (const char      *name,
                       const char      *url,
                       SpCatalogFormat  format)
{
  SpCatalogSource *source = g_new0 (SpCatalogSource, 1);

  source->name = g_strdup (name);
  source->url = g_strdup (url);
  source->format = format;
  return source;
}

SpCatalogSource *
sp_catalog_source_copy (const SpCatalogSource *source)
{
  return sp_catalog_source_new (source->name, source->url, source->format);
}

void
sp_catalog_source_free (SpCatalogSource *source)
{
  if (source == NULL)
    return;
  g_free (source->name);
  g_free (source->url);
  g_free (source);
}

gboolean
sp_catalog_source_equal (const SpCatalogSource *a,
                         const SpCatalogSource *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->url, b->url) == 0 &&
         a->format == b->format;
}

/**
 * sp_catalog_sources_from_variant:
 * @value: an a(sss) of (name, url, format)
 *
 * Entries with an unknown format or an empty name or address are skipped:
 * a setting written by a newer version must not stop this one.
 *
 * Returns: (transfer full) (element-type SpCatalogSource): the sources
 */
GPtrArray *
sp_catalog_sources_from_variant (GVariant *value)
{
  GPtrArray *sources = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_catalog_source_free);
  GVariantIter iter;
  const char *name, *url, *format_name;

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE ("a(sss)")))
    return sources;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s&s)", &name, &url, &format_name))
    {
      SpCatalogFormat format;

      if (name[0] == '\0' || url[0] == '\0' || !sp_catalog_format_from_string (format_name, &format))
        continue;
      g_ptr_array_add (sources, sp_catalog_source_new (name, url, format));
    }
  return sources;
}

/**
 * sp_catalog_sources_to_variant:
 * @sources: (element-type SpCatalogSource)
 *
 * Returns: (transfer floating): an a(sss)
 */
GVariant *
sp_catalog_sources_to_variant (GPtrArray *sources)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sss)"));
  for (guint i = 0; i < sources->len; i++)
    {
      SpCatalogSource *source = g_ptr_array_index (sources, i);

      g_variant_builder_add (&builder, "(sss)", source->name, source->url,
                             sp_catalog_format_to_string (source->format));
    }
  return g_variant_builder_end (&builder);
}
