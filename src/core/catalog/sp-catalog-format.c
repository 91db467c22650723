/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sp-catalog-format.h"
#include "sp-course-private.h"
#include "sp-json-doc.h"
#include "sp-json-utils.h"

/* The four listing formats, as pure functions from bytes to courses. A
 * public API can change shape at any time: whatever it sends, the result is
 * courses or an error naming the place, never a crash. Required parts are
 * checked strictly; optional fields of another type than expected are
 * ignored for the outside APIs and refused for our own, documented feed. */

#define OWN_FORMAT_NAME    "study-planner-catalog"
#define OWN_FORMAT_VERSION 1

G_DEFINE_QUARK (sp-catalog-error-quark, sp_catalog_error)

typedef struct
{
  SpCatalogFormat  format;
  const char      *page_url;
  gboolean         strict;
  SpJsonDoc       *doc;
} Parser;

void
sp_catalog_page_free (SpCatalogPage *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->courses, g_ptr_array_unref);
  g_free (page->next_url);
  g_free (page);
}

const char *
sp_catalog_format_to_string (SpCatalogFormat format)
{
  switch (format)
    {
    case SP_CATALOG_FORMAT_COURSERA:
      return "coursera";
    case SP_CATALOG_FORMAT_EDX:
      return "edx";
    case SP_CATALOG_FORMAT_MITLEARN:
      return "mitlearn";
    case SP_CATALOG_FORMAT_OWN:
    default:
      return "own";
    }
}

gboolean
sp_catalog_format_from_string (const char      *text,
                               SpCatalogFormat *format)
{
  static const SpCatalogFormat all[] = {
    SP_CATALOG_FORMAT_OWN, SP_CATALOG_FORMAT_COURSERA,
    SP_CATALOG_FORMAT_EDX, SP_CATALOG_FORMAT_MITLEARN,
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (all); i++)
    if (g_str_equal (text, sp_catalog_format_to_string (all[i])))
      {
        *format = all[i];
        return TRUE;
      }
  return FALSE;
}

const char *
sp_catalog_format_get_label (SpCatalogFormat format)
{
  switch (format)
    {
    case SP_CATALOG_FORMAT_COURSERA:
      return _("Coursera");
    case SP_CATALOG_FORMAT_EDX:
      return _("Open edX");
    case SP_CATALOG_FORMAT_MITLEARN:
      return _("MIT Learn");
    case SP_CATALOG_FORMAT_OWN:
    default:
      return _("Study Planner feed");
    }
}

static gboolean
shape_error (const Parser  *parser,
             GError       **error,
             const char    *path,
             const char    *expected,
             const SpJsonValue      *found)
{
  /* TRANSLATORS: "Not a Coursera listing: $.elements[2].name should be a string, but it is a number" */
  g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
               _("Not a %s listing: %s should be %s, but it is %s"),
               sp_catalog_format_get_label (parser->format), path, expected,
               sp_json_describe (found));
  return FALSE;
}

/* A member, with JSON null taken as absent. */
static const SpJsonValue *
get_member (const Parser      *parser,
            const SpJsonValue *object,
            const char        *name)
{
  const SpJsonValue *value = sp_json_member (parser->doc, object, name);

  if (value == NULL || sp_json_type (value) == SP_JSON_NULL)
    return NULL;
  return value;
}

static gboolean
is_string (const SpJsonValue *value)
{
  return value != NULL && sp_json_type (value) == SP_JSON_STRING;
}

static gboolean
is_number (const SpJsonValue *value)
{
  return value != NULL && sp_json_type (value) == SP_JSON_NUMBER;
}

static const SpJsonValue *
require_object (const Parser       *parser,
                const SpJsonValue  *node,
                const char         *path,
                GError            **error)
{
  if (node == NULL || sp_json_type (node) != SP_JSON_OBJECT)
    {
      shape_error (parser, error, path, _("an object"), node);
      return NULL;
    }
  return node;
}

static const SpJsonValue *
require_array (const Parser  *parser,
               const SpJsonValue    *object,
               const char    *name,
               const char    *path,
               GError       **error)
{
  const SpJsonValue *node = get_member (parser, object, name);
  g_autofree char *where = g_strdup_printf ("%s.%s", path, name);

  if (node == NULL || !(sp_json_type (node) == SP_JSON_ARRAY))
    {
      shape_error (parser, error, where, _("an array"), node);
      return NULL;
    }
  return node;
}

/* Optional string member: *out stays NULL when absent. */
/* What a course may state: the own format's bounds, for every format */
#define MAX_HOURS_PER_WEEK 168
#define MAX_WEEKS          520

/* A JSON number as text: whole numbers as integers, others as they are */
static char *
number_to_text (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) value);
  return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
}

static gboolean
opt_string (const Parser  *parser,
            const SpJsonValue    *object,
            const char    *name,
            const char    *path,
            gboolean       html,
            char         **out,
            GError       **error)
{
  const SpJsonValue *node = get_member (parser, object, name);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (is_string (node))
    {
      *out = sp_course_clean_text (sp_json_string (parser->doc, node), html);
      return TRUE;
    }
  if (is_number (node) && !parser->strict)
    {
      /* Ids are numbers in some APIs; printed, not cast: a JSON number
       * beyond gint64 would make the conversion undefined */
      *out = number_to_text (sp_json_number (node));
      return TRUE;
    }
  if (parser->strict)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);
      return shape_error (parser, error, where, _("a string"), node);
    }
  return TRUE;
}

static gboolean
req_string (const Parser  *parser,
            const SpJsonValue    *object,
            const char    *name,
            const char    *path,
            char         **out,
            GError       **error)
{
  Parser strict = *parser;

  strict.strict = TRUE;
  if (!opt_string (&strict, object, name, path, FALSE, out, error))
    return FALSE;
  if (*out == NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);
      return shape_error (parser, error, where, _("a text that is not empty"), get_member (parser, object, name));
    }
  return TRUE;
}

static gboolean
opt_number (const Parser  *parser,
            const SpJsonValue    *object,
            const char    *name,
            const char    *path,
            double         max,
            double        *out,
            GError       **error)
{
  const SpJsonValue *node = get_member (parser, object, name);
  double value;

  if (node == NULL)
    return TRUE;
  if (!is_number (node))
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);
      return parser->strict ? shape_error (parser, error, where, _("a number"), node) : TRUE;
    }

  value = sp_json_number (node);
  if (!isfinite (value) || value < 0 || value > max)
    {
      if (parser->strict)
        {
          g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                       _("Not a %s listing: %s.%s should be a number from 0 to %g"),
                       sp_catalog_format_get_label (parser->format), path, name, max);
          return FALSE;
        }
      return TRUE;
    }
  *out = value;
  return TRUE;
}

/* An array of strings, or of objects whose @key member is one; other
 * elements are skipped leniently, refused strictly. */
static gboolean
opt_strings (const Parser  *parser,
             const SpJsonValue    *object,
             const char    *name,
             const char    *key,
             const char    *path,
             GPtrArray     *out,
             GError       **error)
{
  const SpJsonValue *node = get_member (parser, object, name);
  const SpJsonValue *array;

  if (node == NULL)
    return TRUE;
  if (!(sp_json_type (node) == SP_JSON_ARRAY))
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, name);
      return parser->strict ? shape_error (parser, error, where, _("an array"), node) : TRUE;
    }

  array = node;
  for (guint i = 0; i < sp_json_length (array); i++)
    {
      const SpJsonValue *element = sp_json_element (parser->doc, array, i);
      const char *text = NULL;

      if (is_string (element))
        text = sp_json_string (parser->doc, element);
      else if (key != NULL && (sp_json_type (element) == SP_JSON_OBJECT))
        {
          const SpJsonValue *member = get_member (parser, element, key);
          if (member != NULL && is_string (member))
            text = sp_json_string (parser->doc, member);
        }

      if (text == NULL)
        {
          if (parser->strict)
            {
              g_autofree char *where = g_strdup_printf ("%s.%s[%u]", path, name, i);
              return shape_error (parser, error, where, _("a string"), element);
            }
          continue;
        }

      {
        char *clean = sp_course_clean_text (text, FALSE);
        if (clean != NULL)
          g_ptr_array_add (out, clean);
      }
    }
  return TRUE;
}

static GStrv
steal_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (GStrv) g_ptr_array_free (array, FALSE);
}

/* Keeps only links a browser may open safely; a javascript: or file: link
 * in a listing is dropped, the course itself kept. Past 2048 bytes a link
 * is dropped too: the cache reads courses back through text that is cut at
 * 4000, and a cut link would differ. */
static void
set_url (SpCourse   *course,
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

static gboolean
resolve_next (const Parser  *parser,
              const char    *next,
              char         **out,
              GError       **error)
{
  g_autofree char *absolute = NULL;

  *out = NULL;
  if (next == NULL || next[0] == '\0')
    return TRUE;

  absolute = sp_url_resolve (parser->page_url, next);
  if (absolute == NULL || !sp_url_is_web (absolute))
    {
      g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                   _("Not a %s listing: the next page “%s” is not a web address"),
                   sp_catalog_format_get_label (parser->format), next);
      return FALSE;
    }
  *out = g_steal_pointer (&absolute);
  return TRUE;
}

/* "2024-01-15T00:00:00Z" → "2024-01-15"; NULL for anything else: cutting
 * ten bytes off free text could split a character in two */
static char *
date_prefix (const char *text)
{
  if (text == NULL)
    return NULL;
  for (guint i = 0; i < 10; i++)
    if (!(i == 4 || i == 7 ? text[i] == '-' : g_ascii_isdigit (text[i])))
      return NULL;
  return g_strndup (text, 10);
}

static gboolean
parse_number_range (const char **p,
                    double      *value)
{
  char *end;
  double a, b;

  a = g_ascii_strtod (*p, &end);
  if (end == *p)
    return FALSE;
  *p = end;

  /* "4-8", "4–8", "4 to 8": the middle of the range */
  while (**p == ' ')
    (*p)++;
  if (g_str_has_prefix (*p, "-") || g_str_has_prefix (*p, "–") || g_str_has_prefix (*p, "to "))
    {
      const char *q = *p + (g_str_has_prefix (*p, "–") ? strlen ("–") : (**p == '-' ? 1 : 3));

      while (*q == ' ')
        q++;
      /* A number, not whatever strtod takes: "nan" and "inf" made NaN hours */
      b = g_ascii_isdigit (*q) ? g_ascii_strtod (q, &end) : NAN;
      if (g_ascii_isdigit (*q) && end != q && isfinite (b))
        {
          *p = end;
          a = (a + b) / 2;
        }
    }
  *value = a;
  return TRUE;
}

/**
 * sp_catalog_parse_effort:
 * @text: a stated workload: "4-8 hours/week", "5:00", "6 weeks, 2–3 hours per
 *   week", "Approx. 20 hours to complete"
 *
 * Returns: whether anything was understood; the out values are left as they
 *   were for what was not
 */
gboolean
sp_catalog_parse_effort (const char *text,
                         double     *hours,
                         double     *hours_per_week,
                         double     *weeks)
{
  g_autofree char *lower = NULL;
  gboolean found = FALSE;
  const char *p;

  if (text == NULL)
    return FALSE;
  lower = g_ascii_strdown (text, -1);

  /* Open edX gives "H:MM" a week */
  {
    unsigned h, m;
    char rest;

    if (sscanf (lower, " %u:%2u %c", &h, &m, &rest) == 2 && h < 100 && m < 60)
      {
        if (h * 60 + m > 0)
          *hours_per_week = h + m / 60.0;
        return h * 60 + m > 0;
      }
  }

  for (p = lower; *p != '\0';)
    {
      double value;
      const char *unit;

      if (!g_ascii_isdigit (*p) || !parse_number_range (&p, &value))
        {
          p++;
          continue;
        }

      unit = p;
      while (*unit == ' ')
        unit++;
      if (value <= 0 || value > 10000)
        continue;

      if (g_str_has_prefix (unit, "hour") || g_str_has_prefix (unit, "hr") ||
          (unit[0] == 'h' && !g_ascii_isalpha (unit[1])))
        {
          const char *after = unit;

          while (*after != '\0' && (g_ascii_isalpha (*after)))
            after++;
          while (*after == ' ' || *after == '.')
            after++;
          if (g_str_has_prefix (after, "/week") || g_str_has_prefix (after, "/wk") ||
              g_str_has_prefix (after, "per week") || g_str_has_prefix (after, "a week") ||
              g_str_has_prefix (after, "each week") || g_str_has_prefix (after, "weekly") ||
              g_str_has_prefix (after, "/ week"))
            {
              if (value <= MAX_HOURS_PER_WEEK)
                {
                  *hours_per_week = value;
                  found = TRUE;
                }
            }
          else
            {
              *hours = value;
              found = TRUE;
            }
        }
      /* The bounds are those of the own format, which the cache and the
       * state file read courses back with: a course parsed here must read
       * back there (a course of 4445 weeks did not) */
      else if (g_str_has_prefix (unit, "week") || g_str_has_prefix (unit, "wk"))
        {
          if (value <= MAX_WEEKS)
            {
              *weeks = value;
              found = TRUE;
            }
        }
      else if (g_str_has_prefix (unit, "month"))
        {
          /* "9e-2 months" rounds to no week at all: not a workload */
          if (round (value * 4.35) >= 1 && round (value * 4.35) <= MAX_WEEKS)
            {
              *weeks = round (value * 4.35);
              found = TRUE;
            }
        }
      p = unit;
    }

  return found;
}

static void
set_level (SpCourse   *course,
           const char *text)
{
  SpCourseLevel level;

  if (course->level == SP_COURSE_LEVEL_UNKNOWN && sp_course_level_from_string (text, &level))
    course->level = level;
}

/* Study Planner's own feed: see docs/catalog-format.md. */
static SpCourse *
parse_own_course (const Parser  *parser,
                  const SpJsonValue      *node,
                  const char    *path,
                  const char    *default_provider,
                  GError       **error)
{
  g_autoptr(SpCourse) course = g_object_new (SP_TYPE_COURSE, NULL);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *url = NULL;
  g_autofree char *level = NULL;
  const SpJsonValue *object;
  const SpJsonValue *free_node;

  object = require_object (parser, node, path, error);
  if (object == NULL)
    return NULL;

  if (!req_string (parser, object, "id", path, &course->id, error) ||
      !req_string (parser, object, "title", path, &course->title, error) ||
      !opt_string (parser, object, "provider", path, FALSE, &course->provider, error) ||
      !opt_string (parser, object, "institution", path, FALSE, &course->institution, error) ||
      !opt_string (parser, object, "url", path, FALSE, &url, error) ||
      !opt_string (parser, object, "description", path, FALSE, &course->description, error) ||
      !opt_string (parser, object, "level", path, FALSE, &level, error) ||
      !opt_string (parser, object, "language", path, FALSE, &course->language, error) ||
      !opt_string (parser, object, "updated", path, FALSE, &course->updated, error) ||
      !opt_number (parser, object, "hours", path, 10000, &course->hours, error) ||
      !opt_number (parser, object, "hours_per_week", path, MAX_HOURS_PER_WEEK, &course->hours_per_week, error) ||
      !opt_number (parser, object, "weeks", path, MAX_WEEKS, &course->weeks, error) ||
      !opt_number (parser, object, "rating", path, 5, &course->rating, error) ||
      !opt_strings (parser, object, "tags", NULL, path, tags, error))
    return NULL;

  if (level != NULL && !sp_course_level_from_string (level, &course->level))
    {
      g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                   _("Not a %s listing: %s.level should be “beginner”, “intermediate” or “advanced”, not “%s”"),
                   sp_catalog_format_get_label (parser->format), path, level);
      return NULL;
    }

  free_node = get_member (parser, object, "free");
  if (free_node != NULL)
    {
      if (sp_json_type (free_node) != SP_JSON_BOOLEAN)
        {
          g_autofree char *where = g_strdup_printf ("%s.free", path);
          shape_error (parser, error, where, _("true or false"), free_node);
          return NULL;
        }
      course->cost = sp_json_boolean (free_node) ? SP_COURSE_COST_FREE : SP_COURSE_COST_PAID;
    }

  if (course->provider == NULL)
    course->provider = g_strdup (default_provider);
  g_strfreev (course->tags);
  course->tags = steal_strv (g_steal_pointer (&tags));
  set_url (course, url, parser->page_url);
  return g_steal_pointer (&course);
}

static gboolean
parse_own (const Parser   *parser,
           const SpJsonValue       *root,
           SpCatalogPage  *page,
           GError        **error)
{
  g_autofree char *format = NULL;
  g_autofree char *provider = NULL;
  g_autofree char *next = NULL;
  const SpJsonValue *object;
  const SpJsonValue *courses;
  const SpJsonValue *version;
  double total = -1;

  object = require_object (parser, root, "$", error);
  if (object == NULL)
    return FALSE;

  if (!req_string (parser, object, "format", "$", &format, error))
    return FALSE;
  if (!g_str_equal (format, OWN_FORMAT_NAME))
    {
      g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                   _("Not a %s listing: $.format should be “%s”, not “%s”"),
                   sp_catalog_format_get_label (parser->format), OWN_FORMAT_NAME, format);
      return FALSE;
    }

  version = get_member (parser, object, "version");
  if (version == NULL || !is_number (version))
    return shape_error (parser, error, "$.version", _("a number"), version);
  if (floor (sp_json_number (version)) > OWN_FORMAT_VERSION)
    {
      g_autofree char *number = number_to_text (floor (sp_json_number (version)));

      g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                   _("The listing is in version %s of the format; this version of Study Planner reads version %d"),
                   number, OWN_FORMAT_VERSION);
      return FALSE;
    }

  if (!opt_string (parser, object, "provider", "$", FALSE, &provider, error) ||
      !opt_string (parser, object, "next", "$", FALSE, &next, error) ||
      !opt_number (parser, object, "total", "$", G_MAXINT32, &total, error))
    return FALSE;

  courses = require_array (parser, object, "courses", "$", error);
  if (courses == NULL)
    return FALSE;

  for (guint i = 0; i < sp_json_length (courses); i++)
    {
      char path[32];
      SpCourse *course;

      /* On the stack: the path is only read when something is wrong */
      g_snprintf (path, sizeof path, "$.courses[%u]", i);
      course = parse_own_course (parser, sp_json_element (parser->doc, courses, i), path, provider, error);
      if (course == NULL)
        return FALSE;
      g_ptr_array_add (page->courses, course);
    }

  page->total = total >= 0 ? (gint64) total : -1;
  return resolve_next (parser, next, &page->next_url, error);
}

static char *
coursera_next_url (const char *page_url,
                   const char *start)
{
  g_autoptr(GUri) uri = g_uri_parse (page_url, G_URI_FLAGS_ENCODED_QUERY, NULL);
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GUri) next = NULL;
  g_auto(GStrv) params = NULL;
  g_autofree char *escaped = g_uri_escape_string (start, NULL, FALSE);

  if (uri == NULL)
    return NULL;

  /* Keep fields=, includes= and the rest in their order; replace start= */
  params = g_strsplit (g_uri_get_query (uri) ? g_uri_get_query (uri) : "", "&", -1);
  for (guint i = 0; params[i] != NULL; i++)
    {
      if (params[i][0] == '\0' || g_str_has_prefix (params[i], "start="))
        continue;
      if (query->len > 0)
        g_string_append_c (query, '&');
      g_string_append (query, params[i]);
    }
  if (query->len > 0)
    g_string_append_c (query, '&');
  g_string_append_printf (query, "start=%s", escaped);

  next = g_uri_build (G_URI_FLAGS_ENCODED_QUERY, g_uri_get_scheme (uri), g_uri_get_userinfo (uri),
                      g_uri_get_host (uri), g_uri_get_port (uri), g_uri_get_path (uri),
                      query->str, NULL);
  return g_uri_to_string (next);
}

static gboolean
parse_coursera (const Parser   *parser,
                const SpJsonValue       *root,
                SpCatalogPage  *page,
                GError        **error)
{
  g_autoptr(GHashTable) partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const SpJsonValue *object;
  const SpJsonValue *elements;
  const SpJsonValue *node;

  object = require_object (parser, root, "$", error);
  if (object == NULL)
    return FALSE;
  elements = require_array (parser, object, "elements", "$", error);
  if (elements == NULL)
    return FALSE;

  /* Partner names come beside the courses when asked with includes=partnerIds */
  node = get_member (parser, object, "linked");
  if (node != NULL && (sp_json_type (node) == SP_JSON_OBJECT))
    {
      const SpJsonValue *list = get_member (parser, node, "partners.v1");

      if (list != NULL && (sp_json_type (list) == SP_JSON_ARRAY))
        {
          const SpJsonValue *array = list;

          for (guint i = 0; i < sp_json_length (array); i++)
            {
              const SpJsonValue *partner = sp_json_element (parser->doc, array, i);
              g_autofree char *id = NULL;
              g_autofree char *name = NULL;

              if (!(sp_json_type (partner) == SP_JSON_OBJECT))
                continue;
              opt_string (parser, partner, "id", "", FALSE, &id, NULL);
              opt_string (parser, partner, "name", "", FALSE, &name, NULL);
              if (id != NULL && name != NULL)
                g_hash_table_replace (partners, g_steal_pointer (&id), g_steal_pointer (&name));
            }
        }
    }

  for (guint i = 0; i < sp_json_length (elements); i++)
    {
      char path[32];
      g_autoptr(SpCourse) course = g_object_new (SP_TYPE_COURSE, NULL);
      g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) partner_ids = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) institution = g_string_new (NULL);
      g_autofree char *slug = NULL;
      g_autofree char *workload = NULL;
      const SpJsonValue *element;
      const SpJsonValue *domains;

      /* On the stack: the path is only read when something is wrong */
      g_snprintf (path, sizeof path, "$.elements[%u]", i);
      element = require_object (parser, sp_json_element (parser->doc, elements, i), path, error);
      if (element == NULL)
        return FALSE;
      if (!req_string (parser, element, "id", path, &course->id, error) ||
          !req_string (parser, element, "name", path, &course->title, error))
        return FALSE;

      opt_string (parser, element, "slug", path, FALSE, &slug, NULL);
      opt_string (parser, element, "description", path, TRUE, &course->description, NULL);
      opt_string (parser, element, "workload", path, FALSE, &workload, NULL);
      opt_strings (parser, element, "primaryLanguages", NULL, path, languages, NULL);
      opt_strings (parser, element, "partnerIds", NULL, path, partner_ids, NULL);

      /* domainTypes: [{"domainId": "data-science", "subdomainId": "machine-learning"}] */
      domains = get_member (parser, element, "domainTypes");
      if (domains != NULL && (sp_json_type (domains) == SP_JSON_ARRAY))
        {
          const SpJsonValue *array = domains;

          for (guint d = 0; d < sp_json_length (array); d++)
            {
              const SpJsonValue *domain = sp_json_element (parser->doc, array, d);
              const char *keys[] = { "subdomainId", "domainId" };

              if (!(sp_json_type (domain) == SP_JSON_OBJECT))
                continue;
              for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
                {
                  g_autofree char *tag = NULL;

                  opt_string (parser, domain, keys[k], path, FALSE, &tag, NULL);
                  if (tag != NULL)
                    {
                      g_autofree char *words = g_strdelimit (g_steal_pointer (&tag), "-_", ' ');

                      /* "math-5 -and-logic": the words, singly spaced, as the cache reads them */
                      tag = sp_course_clean_text (words, FALSE);
                    }
                  if (tag != NULL)
                    {
                      if (!g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
                        g_ptr_array_add (tags, g_steal_pointer (&tag));
                    }
                }
            }
        }

      for (guint p = 0; p < partner_ids->len; p++)
        {
          const char *name = g_hash_table_lookup (partners, g_ptr_array_index (partner_ids, p));

          if (name == NULL)
            continue;
          if (institution->len > 0)
            g_string_append (institution, ", ");
          g_string_append (institution, name);
        }

      course->provider = g_strdup ("Coursera");
      if (institution->len > 0)
        course->institution = g_strdup (institution->str);
      if (languages->len > 0)
        course->language = g_strdup (g_ptr_array_index (languages, 0));
      sp_catalog_parse_effort (workload, &course->hours, &course->hours_per_week, &course->weeks);
      if (slug != NULL)
        {
          g_autofree char *escaped = g_uri_escape_string (slug, NULL, FALSE);
          g_autofree char *url = g_strdup_printf ("https://www.coursera.org/learn/%s", escaped);
          set_url (course, url, NULL);
        }
      g_strfreev (course->tags);
      course->tags = steal_strv (g_steal_pointer (&tags));
      g_ptr_array_add (page->courses, g_steal_pointer (&course));
    }

  /* paging: {"next": "100", "total": 5241}: next is an offset, not a URL */
  node = get_member (parser, object, "paging");
  if (node != NULL && (sp_json_type (node) == SP_JSON_OBJECT))
    {
      const SpJsonValue *paging = node;
      g_autofree char *next = NULL;
      double total = -1;

      opt_string (parser, paging, "next", "$.paging", FALSE, &next, NULL);
      opt_number (parser, paging, "total", "$.paging", G_MAXINT32, &total, NULL);
      page->total = total >= 0 ? (gint64) total : -1;

      if (next != NULL)
        {
          char *end = NULL;
          guint64 offset = g_ascii_strtoull (next, &end, 10);

          if (end == next || *end != '\0' || offset == 0 || parser->page_url == NULL)
            {
              g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                           _("Not a %s listing: $.paging.next should be a start offset, not “%s”"),
                           sp_catalog_format_get_label (parser->format), next);
              return FALSE;
            }
          page->next_url = coursera_next_url (parser->page_url, next);
        }
    }

  return TRUE;
}

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

static gboolean
parse_edx (const Parser   *parser,
           const SpJsonValue       *root,
           SpCatalogPage  *page,
           GError        **error)
{
  g_autoptr(GUri) base = parser->page_url ? g_uri_parse (parser->page_url, G_URI_FLAGS_NONE, NULL) : NULL;
  const SpJsonValue *object;
  const SpJsonValue *results;
  const SpJsonValue *node;

  object = require_object (parser, root, "$", error);
  if (object == NULL)
    return FALSE;
  results = require_array (parser, object, "results", "$", error);
  if (results == NULL)
    return FALSE;

  for (guint i = 0; i < sp_json_length (results); i++)
    {
      char path[32];
      g_autoptr(SpCourse) course = g_object_new (SP_TYPE_COURSE, NULL);
      g_autofree char *number = NULL;
      g_autofree char *effort = NULL;
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      g_autofree char *pacing = NULL;
      g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
      const SpJsonValue *result;

      /* On the stack: the path is only read when something is wrong */
      g_snprintf (path, sizeof path, "$.results[%u]", i);
      result = require_object (parser, sp_json_element (parser->doc, results, i), path, error);
      if (result == NULL)
        return FALSE;
      if (!req_string (parser, result, "id", path, &course->id, error) ||
          !req_string (parser, result, "name", path, &course->title, error))
        return FALSE;

      opt_string (parser, result, "short_description", path, TRUE, &course->description, NULL);
      opt_string (parser, result, "org", path, FALSE, &course->institution, NULL);
      opt_string (parser, result, "number", path, FALSE, &number, NULL);
      opt_string (parser, result, "effort", path, FALSE, &effort, NULL);
      opt_string (parser, result, "start", path, FALSE, &start, NULL);
      opt_string (parser, result, "end", path, FALSE, &end, NULL);
      opt_string (parser, result, "pacing", path, FALSE, &pacing, NULL);

      course->provider = g_strdup ("edX");
      sp_catalog_parse_effort (effort, &course->hours, &course->hours_per_week, &course->weeks);
      if (course->weeks == 0)
        course->weeks = weeks_between (start, end);
      course->updated = date_prefix (start);
      if (number != NULL)
        g_ptr_array_add (tags, g_steal_pointer (&number));
      if (pacing != NULL)
        {
          g_autofree char *paced = g_strconcat (pacing, "-paced", NULL);
          char *tag = sp_course_clean_text (paced, FALSE);

          /* Cut to the length of any text, as the cache reads it back */
          if (tag != NULL)
            g_ptr_array_add (tags, tag);
        }
      g_strfreev (course->tags);
      course->tags = steal_strv (g_steal_pointer (&tags));

      /* The list does not carry the about page; it lives on the same host */
      if (base != NULL)
        {
          g_autofree char *escaped = g_uri_escape_string (course->id, ":+@", FALSE);
          g_autofree char *about = g_strdup_printf ("/courses/%s/about", escaped);
          g_autofree char *url = sp_url_resolve (parser->page_url, about);
          set_url (course, url, NULL);
        }
      g_ptr_array_add (page->courses, g_steal_pointer (&course));
    }

  node = get_member (parser, object, "pagination");
  if (node != NULL)
    {
      const SpJsonValue *pagination = require_object (parser, node, "$.pagination", error);
      g_autofree char *next = NULL;
      double count = -1;
      Parser strict = *parser;

      if (pagination == NULL)
        return FALSE;
      strict.strict = TRUE;
      if (!opt_string (&strict, pagination, "next", "$.pagination", FALSE, &next, error))
        return FALSE;
      opt_number (parser, pagination, "count", "$.pagination", G_MAXINT32, &count, NULL);
      page->total = count >= 0 ? (gint64) count : -1;
      return resolve_next (parser, next, &page->next_url, error);
    }
  return TRUE;
}

static gboolean
parse_mitlearn (const Parser   *parser,
                const SpJsonValue       *root,
                SpCatalogPage  *page,
                GError        **error)
{
  const SpJsonValue *object;
  const SpJsonValue *results;
  g_autofree char *next = NULL;
  double count = -1;
  Parser strict = *parser;

  object = require_object (parser, root, "$", error);
  if (object == NULL)
    return FALSE;
  results = require_array (parser, object, "results", "$", error);
  if (results == NULL)
    return FALSE;

  for (guint i = 0; i < sp_json_length (results); i++)
    {
      char path[32];
      g_autoptr(SpCourse) course = g_object_new (SP_TYPE_COURSE, NULL);
      g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *url = NULL;
      const SpJsonValue *result;
      const SpJsonValue *node;

      /* On the stack: the path is only read when something is wrong */
      g_snprintf (path, sizeof path, "$.results[%u]", i);
      result = require_object (parser, sp_json_element (parser->doc, results, i), path, error);
      if (result == NULL)
        return FALSE;
      if (!req_string (parser, result, "readable_id", path, &course->id, error) ||
          !req_string (parser, result, "title", path, &course->title, error))
        return FALSE;

      opt_string (parser, result, "description", path, TRUE, &course->description, NULL);
      opt_string (parser, result, "url", path, FALSE, &url, NULL);
      opt_string (parser, result, "last_modified", path, FALSE, &course->updated, NULL);
      opt_strings (parser, result, "topics", "name", path, tags, NULL);
      opt_strings (parser, result, "departments", "name", path, tags, NULL);

      node = get_member (parser, result, "offered_by");
      if (node != NULL && (sp_json_type (node) == SP_JSON_OBJECT))
        opt_string (parser, node, "name", path, FALSE, &course->provider, NULL);
      if (course->provider == NULL)
        course->provider = g_strdup ("MIT OpenCourseWare");
      course->institution = g_strdup ("MIT");

      node = get_member (parser, result, "free");
      if (node != NULL && sp_json_type (node) == SP_JSON_BOOLEAN)
        course->cost = sp_json_boolean (node) ? SP_COURSE_COST_FREE : SP_COURSE_COST_PAID;
      else if (g_strcmp0 (course->provider, "MIT OpenCourseWare") == 0)
        course->cost = SP_COURSE_COST_FREE;

      /* runs[].level: a string, or [{"code": "undergraduate", "name": "Undergraduate"}] */
      node = get_member (parser, result, "runs");
      if (node != NULL && (sp_json_type (node) == SP_JSON_ARRAY))
        {
          const SpJsonValue *runs = node;

          for (guint r = 0; r < sp_json_length (runs); r++)
            {
              const SpJsonValue *run = sp_json_element (parser->doc, runs, r);
              g_autoptr(GPtrArray) levels = g_ptr_array_new_with_free_func (g_free);
              g_autofree char *level = NULL;
              g_autofree char *semester = NULL;
              const SpJsonValue *year;

              if (!(sp_json_type (run) == SP_JSON_OBJECT))
                continue;
              opt_string (parser, run, "level", path, FALSE, &level, NULL);
              opt_strings (parser, run, "level", "code", path, levels, NULL);
              set_level (course, level);
              for (guint l = 0; l < levels->len; l++)
                set_level (course, g_ptr_array_index (levels, l));

              opt_string (parser, run, "semester", path, FALSE, &semester, NULL);
              year = get_member (parser, run, "year");
              if (course->updated == NULL && year != NULL && is_number (year) &&
                  sp_json_number (year) >= 1 && sp_json_number (year) <= 9999)
                course->updated = semester
                  ? g_strdup_printf ("%s %d", semester, (int) sp_json_number (year))
                  : g_strdup_printf ("%d", (int) sp_json_number (year));
            }
        }

      course->language = g_strdup ("en");
      g_strfreev (course->tags);
      course->tags = steal_strv (g_steal_pointer (&tags));
      set_url (course, url, parser->page_url);
      g_ptr_array_add (page->courses, g_steal_pointer (&course));
    }

  strict.strict = TRUE;
  if (!opt_string (&strict, object, "next", "$", FALSE, &next, error))
    return FALSE;
  opt_number (parser, object, "count", "$", G_MAXINT32, &count, NULL);
  page->total = count >= 0 ? (gint64) count : -1;
  return resolve_next (parser, next, &page->next_url, error);
}

static SpJsonDoc *
parse_json (GBytes  *bytes,
            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  SpJsonDoc *doc;
  const char *data;
  gsize length;
  guint line = 0, column = 0;

  data = g_bytes_get_data (bytes, &length);
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
  g_autoptr(SpCatalogPage) page = g_new0 (SpCatalogPage, 1);
  g_autoptr(SpJsonDoc) doc = NULL;
  Parser parser = { format, page_url, format == SP_CATALOG_FORMAT_OWN, NULL };
  const SpJsonValue *root;
  gboolean ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);

  doc = parse_json (bytes, error);
  if (doc == NULL)
    return NULL;
  parser.doc = doc;
  root = sp_json_doc_root (doc);

  page->courses = g_ptr_array_new_with_free_func (g_object_unref);
  page->total = -1;

  switch (format)
    {
    case SP_CATALOG_FORMAT_OWN:
      ok = parse_own (&parser, root, page, error);
      break;
    case SP_CATALOG_FORMAT_COURSERA:
      ok = parse_coursera (&parser, root, page, error);
      break;
    case SP_CATALOG_FORMAT_EDX:
      ok = parse_edx (&parser, root, page, error);
      break;
    case SP_CATALOG_FORMAT_MITLEARN:
      ok = parse_mitlearn (&parser, root, page, error);
      break;
    default:
      g_assert_not_reached ();
    }

  return ok ? g_steal_pointer (&page) : NULL;
}

/**
 * sp_catalog_parse_course:
 *
 * Reads one course object of the own format, as sp_course_to_json() writes.
 *
 * Returns: (transfer full): the course, or %NULL with @error set
 */
SpCourse *
sp_catalog_parse_course (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(SpJsonDoc) doc = parse_json (bytes, error);
  Parser parser = { SP_CATALOG_FORMAT_OWN, NULL, TRUE, doc };

  if (doc == NULL)
    return NULL;
  return parse_own_course (&parser, sp_json_doc_root (doc), "$", NULL, error);
}
