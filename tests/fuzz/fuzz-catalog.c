/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "sp-catalog-format.h"
#include "sp-course.h"
#include "sp-fuzz.h"
#include "sp-url.h"

/* Course listings come from servers we do not control. Built once per
 * listing format (FUZZ_FORMAT, from tests/fuzz/meson.build). A page the
 * parser accepts holds only courses the views and the matcher can use,
 * with links that are web pages; a refused page says why. */

#ifndef FUZZ_FORMAT
#error "FUZZ_FORMAT names the SpCatalogFormat this harness parses"
#endif

static void
check_text (const char *text)
{
  if (text != NULL)
    sp_fuzz_check_text (text);
}

static void
check_hours (double value)
{
  g_assert_true (isfinite (value));
  g_assert_cmpfloat (value, >=, 0);
}

static void
check_course (SpCourse *course)
{
  const char * const *tags = sp_course_get_tags (course);
  g_autofree char *json = NULL;
  g_autofree char *again_json = NULL;
  g_autoptr(SpCourse) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (sp_course_get_id (course));
  sp_fuzz_check_text (sp_course_get_id (course));
  sp_fuzz_check_text (sp_course_get_title (course));
  check_text (sp_course_get_provider (course));
  check_text (sp_course_get_institution (course));
  check_text (sp_course_get_description (course));
  check_text (sp_course_get_language (course));
  check_text (sp_course_get_updated (course));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    sp_fuzz_check_text (tags[i]);

  /* The only links a course may open */
  if (sp_course_get_url (course) != NULL)
    g_assert_true (sp_url_is_web (sp_course_get_url (course)));

  check_hours (sp_course_get_hours (course));
  check_hours (sp_course_get_hours_per_week (course));
  check_hours (sp_course_get_weeks (course));
  check_hours (sp_course_get_total_hours (course));
  g_assert_true (isfinite (sp_course_get_rating (course)));

  /* The cache keeps courses as the own format and reads them back with
   * it: what was parsed must come back exactly, or an offline start
   * would show other courses than the last fetch did */
  json = sp_catalog_course_to_json (course);
  again = sp_catalog_course_from_json (json, &error);
  if (again == NULL)
    g_error ("a course read back from its cache form was refused: %s\n%s", error->message, json);
  again_json = sp_catalog_course_to_json (again);
  g_assert_cmpstr (again_json, ==, json);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCatalogPage) page = NULL;

  page = sp_catalog_parse_page (FUZZ_FORMAT, bytes, "https://example.org/api/courses?page=2", &error);
  if (page == NULL)
    {
      sp_fuzz_check_error (error);
      g_assert_true (error->domain == SP_CATALOG_ERROR);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_nonnull (page->courses);
  if (page->next_url != NULL)
    g_assert_true (sp_url_is_web (page->next_url));
  g_assert_cmpint (page->total, >=, -1);
  for (guint i = 0; i < page->courses->len; i++)
    check_course (g_ptr_array_index (page->courses, i));
  return 0;
}
