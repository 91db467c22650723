/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-catalog-effort.h"
#include "sp-clean-text.h"
#include "sp-formats.h"

/* Coursera's catalog API, courses.v1: {"elements": [...], "paging": {"next":
 * "100", "total": 5241}, "linked": {"partners.v1": [...]}}. Read leniently:
 * a public API can change shape at any time. */

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

/* Partner names come beside the courses when asked with includes=partnerIds:
 * their ids to their names */
static GHashTable *
read_partners (const SpFormatReader *reader,
               const SpJsonValue    *object)
{
  GHashTable        *partners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const SpJsonValue *linked = sp_format_reader_member (reader, object, "linked");
  const SpJsonValue *list;

  if (!sp_format_is (linked, SP_JSON_OBJECT))
    return partners;
  list = sp_format_reader_member (reader, linked, "partners.v1");
  if (!sp_format_is (list, SP_JSON_ARRAY))
    return partners;

  for (guint i = 0; i < sp_json_length (list); i++)
    {
      const SpJsonValue *partner = sp_json_element (reader->doc, list, i);
      g_autofree char   *id = NULL;
      g_autofree char   *name = NULL;

      if (!sp_format_is (partner, SP_JSON_OBJECT))
        continue;
      sp_format_reader_opt_string (reader, partner, "id", "", FALSE, &id, NULL);
      sp_format_reader_opt_string (reader, partner, "name", "", FALSE, &name, NULL);
      if (id != NULL && name != NULL)
        g_hash_table_replace (partners, g_steal_pointer (&id), g_steal_pointer (&name));
    }
  return partners;
}

/* domainTypes: [{"domainId": "data-science", "subdomainId": "machine-learning"}] */
static void
read_domains (const SpFormatReader *reader,
              const SpJsonValue    *element,
              const char           *path,
              GPtrArray            *tags)
{
  const SpJsonValue *domains = sp_format_reader_member (reader, element, "domainTypes");

  if (!sp_format_is (domains, SP_JSON_ARRAY))
    return;

  for (guint d = 0; d < sp_json_length (domains); d++)
    {
      const SpJsonValue *domain = sp_json_element (reader->doc, domains, d);
      const char        *keys[] = { "subdomainId", "domainId" };

      if (!sp_format_is (domain, SP_JSON_OBJECT))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          g_autofree char *tag = NULL;

          sp_format_reader_opt_string (reader, domain, keys[k], path, FALSE, &tag, NULL);
          if (tag != NULL)
            {
              g_autofree char *words = g_strdelimit (g_steal_pointer (&tag), "-_", ' ');

              /* "math-5 -and-logic": the words, singly spaced, as the cache reads them */
              tag = sp_clean_text (words, FALSE);
            }
          if (tag != NULL && !g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
            g_ptr_array_add (tags, g_steal_pointer (&tag));
        }
    }
}

/* @user_data: the partners, ids to names */
static gboolean
read_coursera_course (const SpFormatReader *reader,
                      const SpJsonValue    *element,
                      const char           *path,
                      SpCourse             *course,
                      gpointer              user_data,
                      GError              **error)
{
  GHashTable *partners = user_data;
  g_autoptr(GPtrArray) languages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) partner_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) institution = g_string_new (NULL);
  g_autofree char *slug = NULL;
  g_autofree char *workload = NULL;

  sp_format_reader_opt_string (reader, element, "slug", path, FALSE, &slug, NULL);
  sp_format_reader_opt_string (reader, element, "description", path, TRUE, &course->description, NULL);
  sp_format_reader_opt_string (reader, element, "workload", path, FALSE, &workload, NULL);
  sp_format_reader_opt_strings (reader, element, "primaryLanguages", NULL, path, languages, NULL);
  sp_format_reader_opt_strings (reader, element, "partnerIds", NULL, path, partner_ids, NULL);
  read_domains (reader, element, path, tags);

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

      sp_format_course_set_url (course, url, NULL);
    }
  sp_format_course_take_tags (course, g_steal_pointer (&tags));
  return TRUE;
}

gboolean
sp_format_coursera_parse (const SpFormatReader *reader,
                          const SpJsonValue    *object,
                          SpCatalogPage        *page,
                          GError              **error)
{
  g_autoptr(GHashTable) partners = NULL;
  const SpJsonValue *paging;

  /* The partners are read leniently: nothing there can fail the page */
  partners = read_partners (reader, object);
  if (!sp_format_reader_read_courses (reader, object, "elements", "id", "name",
                                      read_coursera_course, partners, page, error))
    return FALSE;

  /* paging: {"next": "100", "total": 5241}: next is an offset, not a URL */
  paging = sp_format_reader_member (reader, object, "paging");
  if (sp_format_is (paging, SP_JSON_OBJECT))
    {
      g_autofree char *next = NULL;
      double           total = -1;

      sp_format_reader_opt_string (reader, paging, "next", "$.paging", FALSE, &next, NULL);
      sp_format_reader_opt_number (reader, paging, "total", "$.paging", G_MAXINT32, &total, NULL);
      page->total = total >= 0 ? (gint64) total : -1;

      if (next != NULL)
        {
          char   *end = NULL;
          guint64 offset = g_ascii_strtoull (next, &end, 10);

          if (end == next || *end != '\0' || offset == 0 || reader->page_url == NULL)
            {
              g_set_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT,
                           _("Not a %s listing: $.paging.next should be a start offset, not “%s”"),
                              reader->label, next);
              return FALSE;
            }
          page->next_url = coursera_next_url (reader->page_url, next);
        }
    }

  return TRUE;
}
