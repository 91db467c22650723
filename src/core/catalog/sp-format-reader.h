/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-catalog-page.h"
#include "sp-course-private.h"
#include "sp-json-doc.h"

G_BEGIN_DECLS

/* What every listing format reads its elements with. Private to the
 * format files: sp-catalog-format.c registers them, they use this. */

typedef struct
{
  const char *label;    /* the format's name, translated, for messages */
  const char *page_url; /* nullable: where the bytes came from */
  gboolean    strict;   /* optional members of another type are refused */
  SpJsonDoc  *doc;
  guint       max_courses; /* courses after these are not read */
} SpFormatReader;

/* One format: reads a page's root @object into @page. */
typedef gboolean (*SpFormatParseFunc) (const SpFormatReader *reader,
                                       const SpJsonValue    *object,
                                       SpCatalogPage        *page,
                                       GError              **error);

/* Fills in @course, whose id and title are read, from its @object. */
typedef gboolean (*SpFormatCourseFunc) (const SpFormatReader *reader,
                                        const SpJsonValue    *object,
                                        const char           *path,
                                        SpCourse             *course,
                                        gpointer              user_data,
                                        GError              **error);

static inline gboolean
sp_format_is (const SpJsonValue *value,
              SpJsonType         type)
{
  return value != NULL && sp_json_type (value) == type;
}

SpJsonDoc         *sp_format_reader_parse_json (const char *data,
                                                gsize       length,
                                                GError    **error);
gboolean           sp_format_reader_shape_error (const SpFormatReader *reader,
                                                 GError              **error,
                                                 const char           *path,
                                                 const char           *expected,
                                                 const SpJsonValue    *found);
const SpJsonValue *sp_format_reader_member (const SpFormatReader *reader,
                                            const SpJsonValue    *object,
                                            const char           *name);
const SpJsonValue *sp_format_reader_require_object (const SpFormatReader *reader,
                                                    const SpJsonValue    *node,
                                                    const char           *path,
                                                    GError              **error);
const SpJsonValue *sp_format_reader_require_array (const SpFormatReader *reader,
                                                   const SpJsonValue    *object,
                                                   const char           *name,
                                                   const char           *path,
                                                   GError              **error);
gboolean           sp_format_reader_opt_string (const SpFormatReader *reader,
                                                const SpJsonValue    *object,
                                                const char           *name,
                                                const char           *path,
                                                gboolean              html,
                                                char                **out,
                                                GError              **error);
gboolean           sp_format_reader_req_string (const SpFormatReader *reader,
                                                const SpJsonValue    *object,
                                                const char           *name,
                                                const char           *path,
                                                char                **out,
                                                GError              **error);
gboolean           sp_format_reader_opt_number (const SpFormatReader *reader,
                                                const SpJsonValue    *object,
                                                const char           *name,
                                                const char           *path,
                                                double                max,
                                                double               *out,
                                                GError              **error);
gboolean           sp_format_reader_opt_strings (const SpFormatReader *reader,
                                                 const SpJsonValue    *object,
                                                 const char           *name,
                                                 const char           *key,
                                                 const char           *path,
                                                 GPtrArray            *out,
                                                 GError              **error);
gboolean           sp_format_reader_end_page (const SpFormatReader *reader,
                                              SpCatalogPage        *page,
                                              double                total,
                                              const char           *next,
                                              GError              **error);
gboolean           sp_format_reader_read_next (const SpFormatReader *reader,
                                               const SpJsonValue    *object,
                                               const char           *path,
                                               SpCatalogPage        *page,
                                               GError              **error);
SpCourse          *sp_format_reader_read_course (const SpFormatReader *reader,
                                                 const SpJsonValue    *node,
                                                 const char           *path,
                                                 const char           *id_key,
                                                 const char           *title_key,
                                                 SpFormatCourseFunc    fill,
                                                 gpointer              user_data,
                                                 GError              **error);
gboolean           sp_format_reader_read_courses (const SpFormatReader *reader,
                                                  const SpJsonValue    *object,
                                                  const char           *name,
                                                  const char           *id_key,
                                                  const char           *title_key,
                                                  SpFormatCourseFunc    fill,
                                                  gpointer              user_data,
                                                  SpCatalogPage        *page,
                                                  GError              **error);

char *sp_format_number_to_text (double value);
char *sp_format_date_prefix (const char *text);
void  sp_format_course_set_url (SpCourse   *course,
                                const char *url,
                                const char *page_url);
void  sp_format_course_set_level (SpCourse   *course,
                                  const char *text);
void  sp_format_course_take_tags (SpCourse  *course,
                                  GPtrArray *tags);

G_END_DECLS
