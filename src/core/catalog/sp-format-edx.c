/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "sp-catalog-effort.h"
#include "sp-clean-text.h"
#include "sp-formats.h"
#include "sp-url.h"

/* Open edX's course list API (/api/courses/v1/courses/): {"results": [...],
 * "pagination": {"next": address, "count": N}}. Read leniently: a public API
 * can change shape at any time. */

static double
weeks_between (const char *start,
               const char *end)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;
  GTimeSpan span;

  if (start == NULL || end == NULL)
    return 0;
  a = g_date_time_new_from_iso8601 (start, utc);
  b = g_date_time_new_from_iso8601 (end, utc);
  if (a == NULL || b == NULL)
    return 0;
  span = g_date_time_difference (b, a);
  /* A run of more than two years is an always-open course, not a workload */
  if (span <= 0 || span > 2 * 365 * G_TIME_SPAN_DAY)
    return 0;
  return ceil ((double) span / (7 * G_TIME_SPAN_DAY));
}

/* @user_data: whether the page's address is known, to build the about page's */
static gboolean
read_edx_course (const SpFormatReader *reader,
                 const SpJsonValue    *result,
                 const char           *path,
                 SpCourse             *course,
                 gpointer              user_data,
                 GError              **error)
{
  gboolean has_base = GPOINTER_TO_INT (user_data);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *number = NULL;
  g_autofree char *effort = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *pacing = NULL;

  sp_format_reader_opt_string (reader, result, "short_description", path, TRUE, &course->description, NULL);
  sp_format_reader_opt_string (reader, result, "org", path, FALSE, &course->institution, NULL);
  sp_format_reader_opt_string (reader, result, "number", path, FALSE, &number, NULL);
  sp_format_reader_opt_string (reader, result, "effort", path, FALSE, &effort, NULL);
  sp_format_reader_opt_string (reader, result, "start", path, FALSE, &start, NULL);
  sp_format_reader_opt_string (reader, result, "end", path, FALSE, &end, NULL);
  sp_format_reader_opt_string (reader, result, "pacing", path, FALSE, &pacing, NULL);

  course->provider = g_strdup ("edX");
  sp_catalog_parse_effort (effort, &course->hours, &course->hours_per_week, &course->weeks);
  if (course->weeks == 0)
    course->weeks = weeks_between (start, end);
  course->updated = sp_format_date_prefix (start);
  if (number != NULL)
    g_ptr_array_add (tags, g_steal_pointer (&number));
  if (pacing != NULL)
    {
      g_autofree char *paced = g_strconcat (pacing, "-paced", NULL);
      char            *tag = sp_clean_text (paced, FALSE);

      /* Cut to the length of any text, as the cache reads it back */
      if (tag != NULL)
        g_ptr_array_add (tags, tag);
    }
  sp_format_course_take_tags (course, g_steal_pointer (&tags));

  /* The list does not carry the about page; it lives on the same host */
  if (has_base)
    {
      g_autofree char *escaped = g_uri_escape_string (course->id, ":+@", FALSE);
      g_autofree char *about = g_strdup_printf ("/courses/%s/about", escaped);
      g_autofree char *url = sp_url_resolve (reader->page_url, about);

      sp_format_course_set_url (course, url, NULL);
    }
  return TRUE;
}

gboolean
sp_format_edx_parse (const SpFormatReader *reader,
                     const SpJsonValue    *object,
                     SpCatalogPage        *page,
                     GError              **error)
{
  g_autoptr(GUri) base = reader->page_url ? g_uri_parse (reader->page_url, G_URI_FLAGS_NONE, NULL) : NULL;
  const SpJsonValue *node;

  if (!sp_format_reader_read_courses (reader, object, "results", "id", "name",
                                      read_edx_course, GINT_TO_POINTER (base != NULL), page, error))
    return FALSE;

  node = sp_format_reader_member (reader, object, "pagination");
  if (node != NULL)
    {
      const SpJsonValue *pagination = sp_format_reader_require_object (reader, node, "$.pagination", error);

      if (pagination == NULL)
        return FALSE;
      return sp_format_reader_read_next (reader, pagination, "$.pagination", page, error);
    }
  return TRUE;
}
