/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-formats.h"

/* MIT Learn's courses API (api.learn.mit.edu/api/v1/courses/): {"results":
 * [...], "next": address, "count": N}. Read leniently: a public API can
 * change shape at any time. */

#define OCW "MIT OpenCourseWare"

/* runs[].level: a string, or [{"code": "undergraduate", "name": "Undergraduate"}] */
static void
read_runs (const SpFormatReader *reader,
           const SpJsonValue    *result,
           const char           *path,
           SpCourse             *course)
{
  const SpJsonValue *runs = sp_format_reader_member (reader, result, "runs");

  if (!sp_format_is (runs, SP_JSON_ARRAY))
    return;

  for (guint r = 0; r < sp_json_length (runs); r++)
    {
      const SpJsonValue *run = sp_json_element (reader->doc, runs, r);
      g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_free);
      g_autofree char   *level = NULL;
      g_autofree char   *semester = NULL;
      const SpJsonValue *year;

      if (!sp_format_is (run, SP_JSON_OBJECT))
        continue;
      sp_format_reader_opt_string (reader, run, "level", path, FALSE, &level, NULL);
      sp_format_reader_opt_strings (reader, run, "level", "code", path, levels, NULL);
      sp_format_course_set_level (course, level);
      for (guint l = 0; l < levels->len; l++)
        sp_format_course_set_level (course, g_ptr_array_index (levels, l));

      sp_format_reader_opt_string (reader, run, "semester", path, FALSE, &semester, NULL);
      year = sp_format_reader_member (reader, run, "year");
      if (course->updated == NULL && sp_format_is (year, SP_JSON_NUMBER) &&
          sp_json_number (year) >= 1 && sp_json_number (year) <= 9999)
        course->updated = semester
                              ? g_strdup_printf ("%s %d", semester, (int) sp_json_number (year))
                              : g_strdup_printf ("%d", (int) sp_json_number (year));
    }
}

static gboolean
read_mitlearn_course (const SpFormatReader *reader,
                      const SpJsonValue    *result,
                      const char           *path,
                      SpCourse             *course,
                      gpointer              user_data,
                      GError              **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char   *url = NULL;
  const SpJsonValue *node;

  sp_format_reader_opt_string (reader, result, "description", path, TRUE, &course->description, NULL);
  sp_format_reader_opt_string (reader, result, "url", path, FALSE, &url, NULL);
  sp_format_reader_opt_string (reader, result, "last_modified", path, FALSE, &course->updated, NULL);
  sp_format_reader_opt_strings (reader, result, "topics", "name", path, tags, NULL);
  sp_format_reader_opt_strings (reader, result, "departments", "name", path, tags, NULL);

  node = sp_format_reader_member (reader, result, "offered_by");
  if (sp_format_is (node, SP_JSON_OBJECT))
    sp_format_reader_opt_string (reader, node, "name", path, FALSE, &course->provider, NULL);
  if (course->provider == NULL)
    course->provider = g_strdup (OCW);
  course->institution = g_strdup ("MIT");

  node = sp_format_reader_member (reader, result, "free");
  if (sp_format_is (node, SP_JSON_BOOLEAN))
    course->cost = sp_json_boolean (node) ? SP_COURSE_COST_FREE : SP_COURSE_COST_PAID;
  else if (g_strcmp0 (course->provider, OCW) == 0)
    course->cost = SP_COURSE_COST_FREE;

  read_runs (reader, result, path, course);

  course->language = g_strdup ("en");
  sp_format_course_take_tags (course, g_steal_pointer (&tags));
  sp_format_course_set_url (course, url, reader->page_url);
  return TRUE;
}

gboolean
sp_format_mitlearn_parse (const SpFormatReader *reader,
                          const SpJsonValue    *object,
                          SpCatalogPage        *page,
                          GError              **error)
{

  if (!sp_format_reader_read_courses (reader, object, "results", "readable_id", "title",
                                      read_mitlearn_course, NULL, page, error))
    return FALSE;
  return sp_format_reader_read_next (reader, object, "$", page, error);
}
