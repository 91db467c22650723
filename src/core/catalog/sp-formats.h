/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-format-reader.h"

G_BEGIN_DECLS

/* The listing formats, one file each, which sp-catalog-format.c registers.
 * Each reads a page's root object into the page (an SpFormatParseFunc). */

gboolean  sp_format_own_parse (const SpFormatReader *reader,
                               const SpJsonValue    *object,
                               SpCatalogPage        *page,
                               GError              **error);
SpCourse *sp_format_own_read_course (const SpFormatReader *reader,
                                     const SpJsonValue    *node,
                                     const char           *path,
                                     GError              **error);
gboolean  sp_format_coursera_parse (const SpFormatReader *reader,
                                    const SpJsonValue    *object,
                                    SpCatalogPage        *page,
                                    GError              **error);
gboolean  sp_format_edx_parse (const SpFormatReader *reader,
                               const SpJsonValue    *object,
                               SpCatalogPage        *page,
                               GError              **error);
gboolean  sp_format_mitlearn_parse (const SpFormatReader *reader,
                                    const SpJsonValue    *object,
                                    SpCatalogPage        *page,
                                    GError              **error);

G_END_DECLS
