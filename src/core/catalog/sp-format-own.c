/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-catalog-format.h"
#include "sp-formats.h"

/* Study Planner's own feed (docs/catalog-format.md), read strictly. A course
 * object of it is also how a course is kept: in the cache, and attached to
 * a topic in the state file: sp_catalog_course_to_json() writes it and
 * sp_catalog_course_from_json() reads it back. */

#define OWN_FORMAT_NAME    "study-planner-catalog"
#define OWN_FORMAT_VERSION 1

/* Everything of a course but its id and title; @user_data is the provider
 * to take when the course names none. */
static gboolean
read_own_course (const SpFormatReader *reader,
                 const SpJsonValue    *object,
                 const char           *path,
                 SpCourse             *course,
                 gpointer              user_data,
                 GError              **error)
{
  const char *default_provider = user_data;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char   *url = NULL;
  g_autofree char   *level = NULL;
  const SpJsonValue *free_node;

  if (!sp_format_reader_opt_string (reader, object, "provider", path, FALSE, &course->provider, error) ||
      !sp_format_reader_opt_string (reader, object, "institution", path, FALSE, &course->institution, error) ||
      !sp_format_reader_opt_string (reader, object, "url", path, FALSE, &url, error) ||
      !sp_format_reader_opt_string (reader, object, "description", path, FALSE, &course->description, error) ||
      !sp_format_reader_opt_string (reader, object, "level", path, FALSE, &level, error) ||
      !sp_format_reader_opt_string (reader, object, "language", path, FALSE, &course->language, error) ||
      !sp_format_reader_opt_string (reader, object, "updated", path, FALSE, &course->updated, error) ||
      !sp_format_reader_opt_number (reader, object, "hours", path, SP_COURSE_MAX_HOURS, &course->hours, error) ||
      !sp_format_reader_opt_number (reader, object, "hours_per_week", path, SP_COURSE_MAX_HOURS_PER_WEEK,
                                    &course->hours_per_week, error) ||
      !sp_format_reader_opt_number (reader, object, "weeks", path, SP_COURSE_MAX_WEEKS, &course->weeks, error) ||
      !sp_format_reader_opt_number (reader, object, "rating", path, 5, &course->rating, error) ||
      !sp_format_reader_opt_strings (reader, object, "tags", NULL, path, tags, error))
    return FALSE;

  if (level != NULL && !sp_course_level_from_string (level, &course->level))
    {
      g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                   _("Not a %s listing: %s.level should be “beginner”, “intermediate” or “advanced”, not “%s”"),
                      reader->label, path, level);
      return FALSE;
    }

  free_node = sp_format_reader_member (reader, object, "free");
  if (free_node != NULL)
    {
      if (sp_json_type (free_node) != SP_JSON_BOOLEAN)
        {
          g_autofree char *where = g_strdup_printf ("%s.free", path);
          return sp_format_reader_shape_error (reader, error, where, _("true or false"), free_node);
        }
      course->cost = sp_json_boolean (free_node) ? SP_COURSE_COST_FREE : SP_COURSE_COST_PAID;
    }

  if (course->provider == NULL)
    course->provider = g_strdup (default_provider);
  sp_format_course_take_tags (course, g_steal_pointer (&tags));
  sp_format_course_set_url (course, url, reader->page_url);
  return TRUE;
}

gboolean
sp_format_own_parse (const SpFormatReader *reader,
                     const SpJsonValue    *object,
                     SpCatalogPage        *page,
                     GError              **error)
{
  g_autofree char   *format = NULL;
  g_autofree char   *provider = NULL;
  g_autofree char   *next = NULL;
  const SpJsonValue *version;
  double             total = -1;

  if (!sp_format_reader_req_string (reader, object, "format", "$", &format, error))
    return FALSE;
  if (!g_str_equal (format, OWN_FORMAT_NAME))
    {
      g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                   _("Not a %s listing: $.format should be “%s”, not “%s”"),
                      reader->label, OWN_FORMAT_NAME, format);
      return FALSE;
    }

  version = sp_format_reader_member (reader, object, "version");
  if (!sp_format_is (version, SP_JSON_NUMBER))
    return sp_format_reader_shape_error (reader, error, "$.version", _("a number"), version);
  /* Versions are whole numbers: 1.5 is no version this one knows */
  if (sp_json_number (version) != floor (sp_json_number (version)))
    {
      g_autofree char *number = sp_format_number_to_text (sp_json_number (version));

      g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                   _("Not a %s listing: $.version should be a whole number, not %s"), reader->label, number);
      return FALSE;
    }
  if (floor (sp_json_number (version)) > OWN_FORMAT_VERSION)
    {
      g_autofree char *number = sp_format_number_to_text (floor (sp_json_number (version)));

      g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                   _("The listing is in version %s of the format; this version of Study Planner reads version %d"),
                      number, OWN_FORMAT_VERSION);
      return FALSE;
    }

  if (!sp_format_reader_opt_string (reader, object, "provider", "$", FALSE, &provider, error) ||
      !sp_format_reader_opt_string (reader, object, "next", "$", FALSE, &next, error) ||
      !sp_format_reader_opt_number (reader, object, "total", "$", G_MAXINT32, &total, error))
    return FALSE;

  if (!sp_format_reader_read_courses (reader, object, "courses", "id", "title",
                                      read_own_course, provider, page, error))
    return FALSE;

  return sp_format_reader_end_page (reader, page, total, next, error);
}

/* One course object of the own format, as a page's courses are read */
SpCourse *
sp_format_own_read_course (const SpFormatReader *reader,
                           const SpJsonValue    *node,
                           const char           *path,
                           GError              **error)
{
  return sp_format_reader_read_course (reader, node, path, "id", "title", read_own_course, NULL, error);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  if (value <= 0)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

/**
 * sp_catalog_course_to_json_node:
 *
 * Returns: (transfer full): the course as an object of the own format
 */
JsonNode *
sp_catalog_course_to_json_node (SpCourse *course)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const char * const *tags;

  g_return_val_if_fail (SP_IS_COURSE (course), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "id", sp_course_get_id (course));
  add_string (builder, "title", sp_course_get_title (course));
  add_string (builder, "provider", sp_course_get_provider (course));
  add_string (builder, "institution", sp_course_get_institution (course));
  add_string (builder, "url", sp_course_get_url (course));
  add_string (builder, "description", sp_course_get_description (course));
  if (sp_course_get_level (course) != SP_COURSE_LEVEL_UNKNOWN)
    add_string (builder, "level", sp_course_level_to_string (sp_course_get_level (course)));
  add_number (builder, "hours", sp_course_get_hours (course));
  add_number (builder, "hours_per_week", sp_course_get_hours_per_week (course));
  add_number (builder, "weeks", sp_course_get_weeks (course));
  add_string (builder, "language", sp_course_get_language (course));
  if (sp_course_get_cost (course) != SP_COURSE_COST_UNKNOWN)
    {
      json_builder_set_member_name (builder, "free");
      json_builder_add_boolean_value (builder, sp_course_get_cost (course) == SP_COURSE_COST_FREE);
    }
  tags = sp_course_get_tags (course);
  if (tags[0] != NULL)
    {
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_array (builder);
      for (guint i = 0; tags[i] != NULL; i++)
        json_builder_add_string_value (builder, tags[i]);
      json_builder_end_array (builder);
    }
  add_number (builder, "rating", sp_course_get_rating (course));
  add_string (builder, "updated", sp_course_get_updated (course));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * sp_catalog_course_to_json:
 *
 * Returns: (transfer full): the course as compact JSON of the own format
 */
char *
sp_catalog_course_to_json (SpCourse *course)
{
  g_autoptr(JsonNode) node = sp_catalog_course_to_json_node (course);

  return json_to_string (node, FALSE);
}
