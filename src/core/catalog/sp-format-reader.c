/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-clean-text.h"
#include "sp-format-reader.h"
#include "sp-url.h"

/* The element readers the listing formats share. Required parts are
 * checked strictly; optional members of another type than expected are
 * ignored for the outside APIs and refused for our own, documented feed
 * (the reader's strict flag). Errors name the place: "$.elements[3].name". */

/* The document, or %NULL with an SP_CATALOG_ERROR_SYNTAX error naming the place */
SpJsonDoc *
sp_format_reader_parse_json (const char *data,
                             gsize       length,
                             GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  SpJsonDoc *doc;
  guint      line = 0, column = 0;

  doc = sp_json_doc_parse (data, length, SP_JSON_MAX_DEPTH, &line, &column, &local_error);
  if (doc != NULL)
    return doc;

  if (line > 0)
    /* TRANSLATORS: "The listing is not valid JSON: line 3, column 7: unexpected character" */
    g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_SYNTAX,
                 _("The listing is not valid JSON: line %u, column %u: %s"),
                    line, column, local_error->message);
  else
    g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_SYNTAX,
                 _("The listing is not valid JSON: %s"), local_error->message);
  return NULL;
}

gboolean
sp_format_reader_shape_error (const SpFormatReader *reader,
                              GError              **error,
                              const char           *path,
                              const char           *expected,
                              const SpJsonValue    *found)
{
  /* TRANSLATORS: "Not a Coursera listing: $.elements[2].name should be a string, but it is a number" */
  g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
               _("Not a %s listing: %s should be %s, but it is %s"),
                  reader->label, path, expected, sp_json_describe (found));
  return FALSE;
}

/* A member, with JSON null taken as absent. */
const SpJsonValue *
sp_format_reader_member (const SpFormatReader *reader,
                         const SpJsonValue    *object,
                         const char           *name)
{
  const SpJsonValue *value = sp_json_member (reader->doc, object, name);

  if (value == NULL || sp_json_type (value) == SP_JSON_NULL)
    return NULL;
  return value;
}

const SpJsonValue *
sp_format_reader_require_object (const SpFormatReader *reader,
                                 const SpJsonValue    *node,
                                 const char           *path,
                                 GError              **error)
{
  if (!sp_format_is (node, SP_JSON_OBJECT))
    {
      sp_format_reader_shape_error (reader, error, path, _("an object"), node);
      return NULL;
    }
  return node;
}

const SpJsonValue *
sp_format_reader_require_array (const SpFormatReader *reader,
                                const SpJsonValue    *object,
                                const char           *name,
                                const char           *path,
                                GError              **error)
{
  const SpJsonValue *node = sp_format_reader_member (reader, object, name);

  if (!sp_format_is (node, SP_JSON_ARRAY))
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);

      sp_format_reader_shape_error (reader, error, where, _("an array"), node);
      return NULL;
    }
  return node;
}

/* A JSON number as text: whole numbers as integers, others as they are */
char *
sp_format_number_to_text (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
}

/* Optional string member: *out stays NULL when absent. */
gboolean
sp_format_reader_opt_string (const SpFormatReader *reader,
                             const SpJsonValue    *object,
                             const char           *name,
                             const char           *path,
                             gboolean              html,
                             char                **out,
                             GError              **error)
{
  const SpJsonValue *node = sp_format_reader_member (reader, object, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (sp_format_is (node, SP_JSON_STRING))
    {
      *out = sp_clean_text (sp_json_string (reader->doc, node), html);
      return TRUE;
    }
  if (sp_format_is (node, SP_JSON_NUMBER) && !reader->strict)
    {
      /* Ids are numbers in some APIs; printed, not cast: a JSON number
       * beyond gint64 would make the conversion undefined */
      *out = sp_format_number_to_text (sp_json_number (node));
      return TRUE;
    }
  if (reader->strict)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);
      return sp_format_reader_shape_error (reader, error, where, _("a string"), node);
    }
  return TRUE;
}

gboolean
sp_format_reader_req_string (const SpFormatReader *reader,
                             const SpJsonValue    *object,
                             const char           *name,
                             const char           *path,
                             char                **out,
                             GError              **error)
{
  SpFormatReader strict = *reader;

  strict.strict = TRUE;
  if (!sp_format_reader_opt_string (&strict, object, name, path, FALSE, out, error))
    return FALSE;
  if (*out == NULL)
    {
      g_autofree char   *where = g_strdup_printf ("%s.%s", path, name);
      const SpJsonValue *found = sp_format_reader_member (reader, object, name);

      /* A string here is a blank one: "it is a string" would not say why */
      if (sp_format_is (found, SP_JSON_STRING))
        {
          g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                       _("Not a %s listing: %s should be %s, but it is %s"),
                          reader->label, where, _("a text that is not empty"), _("blank"));
          return FALSE;
        }
      return sp_format_reader_shape_error (reader, error, where, _("a text that is not empty"), found);
    }
  return TRUE;
}

/* An optional member of @type: *out is NULL when it is absent, or of
 * another type and the reader lenient; a strict reader refuses that. */
static gboolean
opt_member (const SpFormatReader *reader,
            const SpJsonValue    *object,
            const char           *name,
            const char           *path,
            SpJsonType            type,
            const char           *expected,
            const SpJsonValue   **out,
            GError              **error)
{
  const SpJsonValue *node = sp_format_reader_member (reader, object, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!sp_format_is (node, type))
    {
      g_autofree char *where = NULL;

      if (!reader->strict)
        return TRUE;
      /* Translated only now: a listing of thousands reads here per member */
      where = g_strdup_printf ("%s.%s", path, name);
      return sp_format_reader_shape_error (reader, error, where, _(expected), node);
    }
  *out = node;
  return TRUE;
}

/* Optional number member from 0 to @max: *out is left as it was when absent */
gboolean
sp_format_reader_opt_number (const SpFormatReader *reader,
                             const SpJsonValue    *object,
                             const char           *name,
                             const char           *path,
                             double                max,
                             double               *out,
                             GError              **error)
{
  const SpJsonValue *node;
  double             value;

  if (!opt_member (reader, object, name, path, SP_JSON_NUMBER, N_("a number"), &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  value = sp_json_number (node);
  if (!isfinite (value) || value < 0 || value > max)
    {
      if (reader->strict)
        {
          g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                       _("Not a %s listing: %s.%s should be a number from 0 to %g"),
                          reader->label, path, name, max);
          return FALSE;
        }
      return TRUE;
    }
  *out = value;
  return TRUE;
}

/* An array of strings, or of objects whose @key member is one; other
 * elements are skipped leniently, refused strictly. */
gboolean
sp_format_reader_opt_strings (const SpFormatReader *reader,
                              const SpJsonValue    *object,
                              const char           *name,
                              const char           *key,
                              const char           *path,
                              GPtrArray            *out,
                              GError              **error)
{
  const SpJsonValue *array;

  if (!opt_member (reader, object, name, path, SP_JSON_ARRAY, N_("an array"), &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  for (guint i = 0; i < sp_json_length (array); i++)
    {
      const SpJsonValue *element = sp_json_element (reader->doc, array, i);
      const char        *text = NULL;
      char              *clean;

      if (sp_format_is (element, SP_JSON_STRING))
        text = sp_json_string (reader->doc, element);
      else if (key != NULL && sp_format_is (element, SP_JSON_OBJECT))
        {
          const SpJsonValue *member = sp_format_reader_member (reader, element, key);

          if (sp_format_is (member, SP_JSON_STRING))
            text = sp_json_string (reader->doc, member);
        }

      if (text == NULL)
        {
          if (reader->strict)
            {
              g_autofree char *where = g_strdup_printf ("%s.%s[%u]", path, name, i);
              return sp_format_reader_shape_error (reader, error, where, _("a string"), element);
            }
          continue;
        }

      clean = sp_clean_text (text, FALSE);
      if (clean != NULL)
        g_ptr_array_add (out, clean);
    }
  return TRUE;
}

static gboolean
resolve_next (const SpFormatReader *reader,
              const char           *next,
              char                **out,
              GError              **error)
{
  g_autofree char *absolute = NULL;

  *out = NULL;
  if (next == NULL || next[0] == '\0')
    return TRUE;

  absolute = sp_url_resolve (reader->page_url, next);
  if (absolute == NULL || !sp_url_is_web (absolute))
    {
      g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                   _("Not a %s listing: the next page “%s” is not a web address"),
                      reader->label, next);
      return FALSE;
    }
  *out = g_steal_pointer (&absolute);
  return TRUE;
}

/* Sets the page's @total (negative: the listing does not say) and its
 * @next address (nullable), resolved against the page's */
gboolean
sp_format_reader_end_page (const SpFormatReader *reader,
                           SpCatalogPage        *page,
                           double                total,
                           const char           *next,
                           GError              **error)
{
  page->total = total >= 0 ? (gint64) total : -1;
  return resolve_next (reader, next, &page->next_url, error);
}

/* Django REST paging, as Open edX and MIT Learn send it: {"next": address
 * or null, "count": N} in @object; the next address is checked strictly,
 * the count is taken when it is one. */
gboolean
sp_format_reader_read_next (const SpFormatReader *reader,
                            const SpJsonValue    *object,
                            const char           *path,
                            SpCatalogPage        *page,
                            GError              **error)
{
  SpFormatReader   strict = *reader;
  g_autofree char *next = NULL;
  double           count = -1;

  strict.strict = TRUE;
  if (!sp_format_reader_opt_string (&strict, object, "next", path, FALSE, &next, error))
    return FALSE;
  sp_format_reader_opt_number (reader, object, "count", path, G_MAXINT32, &count, NULL);
  return sp_format_reader_end_page (reader, page, count, next, error);
}

/**
 * sp_format_reader_read_course:
 * @node: the course's object
 * @id_key: the member with the course's id, which must be a text
 * @title_key: the member with its title, which must be a text
 * @fill: reads the rest of the course
 *
 * Returns: (transfer full): the course, or %NULL with @error set
 */
SpCourse *
sp_format_reader_read_course (const SpFormatReader *reader,
                              const SpJsonValue    *node,
                              const char           *path,
                              const char           *id_key,
                              const char           *title_key,
                              SpFormatCourseFunc    fill,
                              gpointer              user_data,
                              GError              **error)
{
  g_autoptr(SpCourse) course = NULL;
  const SpJsonValue *object;

  object = sp_format_reader_require_object (reader, node, path, error);
  if (object == NULL)
    return NULL;

  course = g_object_new (SP_TYPE_COURSE, NULL);
  if (!sp_format_reader_req_string (reader, object, id_key, path, &course->id, error) ||
      !sp_format_reader_req_string (reader, object, title_key, path, &course->title, error) ||
      !fill (reader, object, path, course, user_data, error))
    return NULL;
  return g_steal_pointer (&course);
}

/* Every element of the array @name of @object, the root, into @page: the
 * first one that is not a course fails the page. */
gboolean
sp_format_reader_read_courses (const SpFormatReader *reader,
                               const SpJsonValue    *object,
                               const char           *name,
                               const char           *id_key,
                               const char           *title_key,
                               SpFormatCourseFunc    fill,
                               gpointer              user_data,
                               SpCatalogPage        *page,
                               GError              **error)
{
  const SpJsonValue *array = sp_format_reader_require_array (reader, object, name, "$", error);

  if (array == NULL)
    return FALSE;

  for (guint i = 0; i < sp_json_length (array); i++)
    {
      char      path[64];
      SpCourse *course;

      /* Courses that would be dropped are not made: a page of 600,000
       * made them all, about 550 bytes each, to keep 20,000 */
      if (page->courses->len >= reader->max_courses)
        {
          page->truncated = TRUE;
          break;
        }

      /* On the stack: the path is only read when something is wrong */
      g_snprintf (path, sizeof path, "$.%s[%u]", name, i);
      course = sp_format_reader_read_course (reader, sp_json_element (reader->doc, array, i), path,
                                             id_key, title_key, fill, user_data, error);
      if (course == NULL)
        return FALSE;
      g_ptr_array_add (page->courses, course);
    }
  return TRUE;
}

/* Keeps only links a browser may open safely; a javascript: or file: link
 * in a listing is dropped, the course itself kept. Past 2048 bytes a link
 * is dropped too: the cache reads courses back through text that is cut at
 * 4000, and a cut link would differ. */
void
sp_format_course_set_url (SpCourse   *course,
                          const char *url,
                          const char *page_url)
{
  g_autofree char *absolute = NULL;

  g_clear_pointer (&course->url, g_free);
  if (url == NULL)
    return;
  absolute = sp_url_resolve (page_url, url);
  /* Longer links are not what a catalog means; the cache stores up to this */
  if (absolute != NULL && strlen (absolute) <= 2048 && sp_url_is_web (absolute))
    course->url = g_steal_pointer (&absolute);
}

/* The first level understood wins */
void
sp_format_course_set_level (SpCourse   *course,
                            const char *text)
{
  SpCourseLevel level;

  if (course->level == SP_COURSE_LEVEL_UNKNOWN && sp_course_level_from_string (text, &level))
    course->level = level;
}

/* Takes @tags (element-type utf8) */
void
sp_format_course_take_tags (SpCourse  *course,
                            GPtrArray *tags)
{
  g_ptr_array_add (tags, NULL);
  g_strfreev (course->tags);
  course->tags = (GStrv) g_ptr_array_free (tags, FALSE);
}

/* "2024-01-15T00:00:00Z" → "2024-01-15"; NULL for anything else: cutting
 * ten bytes off free text could split a character in two */
char *
sp_format_date_prefix (const char *text)
{
  if (text == NULL)
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (!(i == 4 || i == 7 ? text[i] == '-' : g_ascii_isdigit (text[i])))
      return NULL;
  return g_strndup (text, 10);
}
