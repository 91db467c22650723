/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-catalog-format.h"
#include "sp-course.h"
#include "sp-fuzz.h"

/* Course listings come from servers anyone can run. Each input goes through
 * all four formats: a page read must hold only what the views and the
 * command line rely on (plain texts, web links only, sane numbers, a web
 * address for the next page); a page refused must say where and why. */

static void
check_course (SpCourse *course)
{
  const char *url = sp_course_get_url (course);

  g_assert_nonnull (sp_course_get_id (course));
  sp_fuzz_check_text (sp_course_get_id (course));
  sp_fuzz_check_text (sp_course_get_title (course));
  g_assert_true (sp_course_get_title (course)[0] != '\0');
  if (url != NULL)
    g_assert_true (sp_url_is_web (url));
  if (sp_course_get_description (course) != NULL)
    sp_fuzz_check_text (sp_course_get_description (course));
  for (guint i = 0; sp_course_get_tags (course)[i] != NULL; i++)
    sp_fuzz_check_text (sp_course_get_tags (course)[i]);
  g_assert_cmpfloat (sp_course_get_total_hours (course), >=, 0);
  g_assert_cmpfloat (sp_course_get_rating (course), >=, 0);
  g_assert_cmpfloat (sp_course_get_rating (course), <=, 5);

  /* What the app stores when a course is attached reads back the same */
  {
    g_autofree char *json = sp_course_to_json (course);
    g_autoptr(GError) error = NULL;
    g_autoptr(SpCourse) copy = sp_course_new_from_json (json, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (sp_course_get_title (copy), ==, sp_course_get_title (course));
    g_assert_cmpstr (sp_course_get_url (copy), ==, sp_course_get_url (course));
  }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  static const SpCatalogFormat formats[] = {
    SP_CATALOG_FORMAT_OWN, SP_CATALOG_FORMAT_COURSERA,
    SP_CATALOG_FORMAT_EDX, SP_CATALOG_FORMAT_MITLEARN,
  };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SpCatalogPage) page = NULL;

      page = sp_catalog_parse_page (formats[f], bytes, "https://catalog.example.org/api/list?start=1", &error);
      if (page == NULL)
        {
          sp_fuzz_check_error (error);
          g_assert_true (error->domain == SP_CATALOG_ERROR);
          continue;
        }

      g_assert_no_error (error);
      if (page->next_url != NULL)
        g_assert_true (sp_url_is_web (page->next_url));
      for (guint i = 0; i < page->courses->len; i++)
        check_course (g_ptr_array_index (page->courses, i));
    }
  return 0;
}
