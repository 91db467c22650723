/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-catalog-format.h"
#include "sp-formats.h"

/* The listing formats, as pure functions from bytes to courses: one file a
 * format (sp-format-*.c), registered in the table below, on the element
 * readers they share (sp-format-reader.c). A public API can change shape at
 * any time: whatever it sends, the result is courses or an error naming the
 * place, never a crash. */

/* clang-format 14 stairs a braced list with N_() in it */
/* clang-format off */
static const struct
{
  const char        *id;      /* in settings and on the command line */
  const char        *label;   /* translated where it is shown */
  gboolean           strict;  /* our own, documented feed: refuse what is off */
  SpFormatParseFunc  parse;
} formats[] = {
  /* In the order of SpCatalogFormat */
  { "own", N_("Study Planner feed"), TRUE, sp_format_own_parse },
  { "coursera", N_("Coursera"), FALSE, sp_format_coursera_parse },
  { "edx", N_("Open edX"), FALSE, sp_format_edx_parse },
  { "mitlearn", N_("MIT Learn"), FALSE, sp_format_mitlearn_parse },
};
/* clang-format on */

G_STATIC_ASSERT (G_N_ELEMENTS (formats) == SP_CATALOG_N_FORMATS);

/* A value out of the enumeration reads as the own format, as it always did */
static guint
format_index (SpCatalogFormat format)
{
  return (guint) format < G_N_ELEMENTS (formats) ? (guint) format : SP_CATALOG_FORMAT_OWN;
}

const char *
sp_catalog_format_to_string (SpCatalogFormat format)
{
  return formats[format_index (format)].id;
}

gboolean
sp_catalog_format_from_string (const char      *text,
                               SpCatalogFormat *format)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (text, formats[i].id))
      {
        *format = (SpCatalogFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_catalog_format_get_label (SpCatalogFormat format)
{
  return _(formats[format_index (format)].label);
}

static SpFormatReader
reader_for (SpCatalogFormat format,
            const char     *page_url,
            SpJsonDoc      *doc)
{
  SpFormatReader reader = {
    sp_catalog_format_get_label (format),
    page_url,
    formats[format_index (format)].strict,
    doc,
    G_MAXUINT,
  };

  return reader;
}

/**
 * sp_catalog_parse_page:
 * @page_url: (nullable): where the bytes came from, to resolve relative
 *   links and build the next page's address
 *
 * Returns: (transfer full): the page, or %NULL with @error set in
 *   %SP_CATALOG_ERROR naming the place
 */
SpCatalogPage *
sp_catalog_parse_page (SpCatalogFormat   format,
                       GBytes           *bytes,
                       const char       *page_url,
                       GError          **error)
{
  return sp_catalog_parse_page_within (format, bytes, page_url, G_MAXUINT, error);
}

/**
 * sp_catalog_parse_page_within:
 * @max_courses: the most courses to read; the page is %truncated when it
 *   has more, and those after are neither made nor checked
 *
 * As sp_catalog_parse_page(), for a reader that keeps only so many.
 */
SpCatalogPage *
sp_catalog_parse_page_within (SpCatalogFormat format,
                              GBytes         *bytes,
                              const char     *page_url,
                              guint           max_courses,
                              GError        **error)
{
  g_autoptr(SpCatalogPage) page = NULL;
  g_autoptr(SpJsonDoc) doc = NULL;
  SpFormatReader     reader;
  const SpJsonValue *object;
  const char        *data;
  gsize              length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (formats), NULL);

  data = g_bytes_get_data (bytes, &length);
  doc = sp_format_reader_parse_json (data, length, error);
  if (doc == NULL)
    return NULL;
  reader = reader_for (format, page_url, doc);
  reader.max_courses = max_courses;
  /* Every format's page is an object */
  object = sp_format_reader_require_object (&reader, sp_json_doc_root (doc), "$", error);
  if (object == NULL)
    return NULL;

  page = g_new0 (SpCatalogPage, 1);
  page->courses = g_ptr_array_new_with_free_func (g_object_unref);
  page->total = -1;
  if (!formats[format].parse (&reader, object, page, error))
    return NULL;
  return g_steal_pointer (&page);
}

/**
 * sp_catalog_course_from_json:
 * @json: one course object of the own format, as
 *   sp_catalog_course_to_json() writes it
 *
 * Reads a course back from where it was kept: the cache, or a topic it is
 * attached to.
 *
 * Returns: (transfer full): the course, or %NULL with @error set
 */
SpCourse *
sp_catalog_course_from_json (const char *json,
                             GError    **error)
{
  g_autoptr(SpJsonDoc) doc = NULL;
  SpFormatReader reader;

  g_return_val_if_fail (json != NULL, NULL);

  doc = sp_format_reader_parse_json (json, strlen (json), error);
  if (doc == NULL)
    return NULL;
  reader = reader_for (SP_CATALOG_FORMAT_OWN, NULL, doc);
  return sp_format_own_read_course (&reader, sp_json_doc_root (doc), "$", error);
}
