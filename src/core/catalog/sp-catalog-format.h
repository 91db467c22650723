/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sp-catalog-page.h"
#include "sp-course.h"

G_BEGIN_DECLS

typedef enum
{
  SP_CATALOG_FORMAT_OWN,
  SP_CATALOG_FORMAT_COURSERA,
  SP_CATALOG_FORMAT_EDX,
  SP_CATALOG_FORMAT_MITLEARN,
  SP_CATALOG_N_FORMATS,
} SpCatalogFormat;

const char    *sp_catalog_format_to_string (SpCatalogFormat   format);
gboolean       sp_catalog_format_from_string (const char     *text,
                                              SpCatalogFormat *format);
const char    *sp_catalog_format_get_label (SpCatalogFormat   format);

SpCatalogPage *sp_catalog_parse_page (SpCatalogFormat format,
                                      GBytes         *bytes,
                                      const char     *page_url,
                                      GError        **error);
SpCatalogPage *sp_catalog_parse_page_within (SpCatalogFormat format,
                                             GBytes         *bytes,
                                             const char     *page_url,
                                             guint           max_courses,
                                             GError        **error);

/* A course as it is kept, in the cache and attached to a topic: one course
 * object of the own format (sp-format-own.c) */
SpCourse *sp_catalog_course_from_json (const char *json,
                                       GError    **error);
char     *sp_catalog_course_to_json (SpCourse *course);
JsonNode *sp_catalog_course_to_json_node (SpCourse *course);

G_END_DECLS
