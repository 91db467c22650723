/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sp-catalog-effort.h"
#include "sp-catalog-format.h"
#include "sp-catalog-matcher.h"
#include "sp-catalog-source.h"
#include "sp-catalog.h"
#include "sp-course-attach.h"
#include "sp-course.h"
#include "sp-json-doc.h"
#include "sp-url.h"

/* The listing formats as pure functions: fixtures shaped like the real
 * responses go in as bytes, courses or a placed error come out. */

static GBytes *
load_fixture (const char *name,
              const char *base)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalog", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  if (base != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (contents, "@BASE@", -1);
      g_autofree char *joined = g_strjoinv (base, parts);
      return g_bytes_new (joined, strlen (joined));
    }
  return g_bytes_new (contents, length);
}

static SpCatalogPage *
parse_fixture (SpCatalogFormat  format,
               const char      *name,
               const char      *page_url,
               const char      *base)
{
  g_autoptr(GBytes) bytes = load_fixture (name, base);
  g_autoptr(GError) error = NULL;
  SpCatalogPage *page = sp_catalog_parse_page (format, bytes, page_url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (page);
  return page;
}

static SpCourse *
course_at (SpCatalogPage *page,
           guint          index)
{
  g_assert_cmpuint (index, <, page->courses->len);
  return g_ptr_array_index (page->courses, index);
}

/* What every format's first page says of itself */
static void
assert_page (SpCatalogPage *page,
             guint          n_courses,
             gint64         total,
             const char    *next_url)
{
  g_assert_cmpuint (page->courses->len, ==, n_courses);
  g_assert_cmpint (page->total, ==, total);
  g_assert_cmpstr (page->next_url, ==, next_url);
}

static void
assert_parse_error (SpCatalogFormat  format,
                    const char      *json,
                    SpCatalogError   code,
                    const char      *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCatalogPage) page = sp_catalog_parse_page (format, bytes, "https://example.org/list", &error);

  g_assert_null (page);
  g_assert_error (error, SP_CATALOG_ERROR, (int) code);
  if (strstr (error->message, message) == NULL)
    g_error ("expected “%s” in “%s”", message, error->message);
}

static void
test_own_format (void)
{
  g_autoptr(SpCatalogPage) page = parse_fixture (SP_CATALOG_FORMAT_OWN, "own-1.json",
                                                 "https://school.example.org/feed/own-1.json", NULL);
  g_autoptr(SpCatalogPage) page2 = NULL;
  SpCourse *course;

  /* A relative next link is resolved against the page */
  assert_page (page, 2, 5, "https://school.example.org/feed/own-2.json");

  course = course_at (page, 0);
  g_assert_cmpstr (sp_course_get_id (course), ==, "own-1");
  g_assert_cmpstr (sp_course_get_title (course), ==, "Python Basics");
  g_assert_cmpstr (sp_course_get_provider (course), ==, "Bootcamp");
  g_assert_cmpstr (sp_course_get_url (course), ==, "https://school.example.org/python");
  g_assert_cmpint (sp_course_get_level (course), ==, SP_COURSE_LEVEL_BEGINNER);
  g_assert_cmpint (sp_course_get_cost (course), ==, SP_COURSE_COST_FREE);
  g_assert_cmpfloat (sp_course_get_total_hours (course), ==, 20);
  g_assert_cmpfloat (sp_course_get_rating (course), ==, 4.5);
  g_assert_cmpstr (sp_course_get_language (course), ==, "en");
  g_assert_cmpstr (sp_course_get_tags (course)[0], ==, "python");

  /* Hours a week times weeks; a relative course link resolved too */
  course = course_at (page, 1);
  g_assert_cmpfloat (sp_course_get_total_hours (course), ==, 24);
  g_assert_cmpstr (sp_course_get_url (course), ==, "https://school.example.org/courses/linalg");
  g_assert_cmpint (sp_course_get_cost (course), ==, SP_COURSE_COST_PAID);

  page2 = parse_fixture (SP_CATALOG_FORMAT_OWN, "own-2.json", page->next_url, NULL);
  g_assert_cmpstr (sp_course_get_provider (course_at (page2, 1)), ==, "Partner School");
  g_assert_cmpstr (page2->next_url, ==, "https://school.example.org/feed/own-3.json");
}

static void
test_coursera_format (void)
{
  const char *url = "https://api.coursera.org/api/courses.v1?fields=name,slug&includes=partnerIds&limit=2";
  g_autoptr(SpCatalogPage) page = parse_fixture (SP_CATALOG_FORMAT_COURSERA, "coursera-1.json", url, NULL);
  g_autoptr(SpCatalogPage) page2 = NULL;
  g_autoptr(SpCatalogPage) page3 = NULL;
  SpCourse *course;

  /* paging.next is an offset: the same query, start= set */
  assert_page (page, 2, 5, "https://api.coursera.org/api/courses.v1?fields=name,slug&includes=partnerIds&limit=2&start=2");

  course = course_at (page, 0);
  g_assert_cmpstr (sp_course_get_title (course), ==, "Machine Learning");
  g_assert_cmpstr (sp_course_get_provider (course), ==, "Coursera");
  g_assert_cmpstr (sp_course_get_institution (course), ==, "Stanford University");
  g_assert_cmpstr (sp_course_get_url (course), ==, "https://www.coursera.org/learn/machine-learning");
  g_assert_cmpfloat (sp_course_get_hours_per_week (course), ==, 6);
  g_assert_true (g_strv_contains (sp_course_get_tags (course), "machine learning"));

  course = course_at (page, 1);
  g_assert_cmpfloat (sp_course_get_hours (course), ==, 19);
  g_assert_cmpstr (sp_course_get_institution (course), ==, "Imperial College London");
  /* Descriptions arrive as HTML: tags dropped, entities decoded */
  g_assert_cmpstr (sp_course_get_description (course), ==, "Vectors & matrices for machine learning.");

  page2 = parse_fixture (SP_CATALOG_FORMAT_COURSERA, "coursera-2.json", page->next_url, NULL);
  g_assert_cmpstr (page2->next_url, ==,
                   "https://api.coursera.org/api/courses.v1?fields=name,slug&includes=partnerIds&limit=2&start=4");
  course = course_at (page2, 0);
  g_assert_cmpfloat (sp_course_get_weeks (course), ==, 4);
  g_assert_cmpfloat (sp_course_get_hours_per_week (course), ==, 4);
  g_assert_cmpfloat (sp_course_get_total_hours (course), ==, 16);

  page3 = parse_fixture (SP_CATALOG_FORMAT_COURSERA, "coursera-3.json", page2->next_url, NULL);
  g_assert_cmpuint (page3->courses->len, ==, 1);
  g_assert_null (page3->next_url);
}

static void
test_edx_format (void)
{
  const char *base = "https://courses.example.org";
  g_autoptr(SpCatalogPage) page = parse_fixture (SP_CATALOG_FORMAT_EDX, "edx-1.json",
                                                 "https://courses.example.org/api/courses/v1/courses/", base);
  g_autoptr(SpCatalogPage) page3 = NULL;
  SpCourse *course;

  assert_page (page, 2, 4, "https://courses.example.org/api/courses/v1/courses/?page=2");

  course = course_at (page, 0);
  g_assert_cmpstr (sp_course_get_id (course), ==, "course-v1:MITx+6.86x+3T2023");
  g_assert_cmpstr (sp_course_get_provider (course), ==, "edX");
  g_assert_cmpstr (sp_course_get_institution (course), ==, "MITx");
  g_assert_cmpstr (sp_course_get_url (course), ==,
                   "https://courses.example.org/courses/course-v1:MITx+6.86x+3T2023/about");
  /* "10:00" a week over the 15 weeks from start to end */
  g_assert_cmpfloat (sp_course_get_hours_per_week (course), ==, 10);
  g_assert_cmpfloat (sp_course_get_weeks (course), ==, 15);
  g_assert_cmpfloat (sp_course_get_total_hours (course), ==, 150);

  course = course_at (page, 1);
  g_assert_cmpfloat (sp_course_get_hours_per_week (course), ==, 7.5);

  page3 = parse_fixture (SP_CATALOG_FORMAT_EDX, "edx-3.json",
                         "https://courses.example.org/api/courses/v1/courses/?page=3", base);
  g_assert_null (page3->next_url);
  g_assert_cmpfloat (sp_course_get_total_hours (course_at (page3, 0)), ==, 0);
}

static void
test_mitlearn_format (void)
{
  const char *base = "https://api.learn.example.org";
  g_autoptr(SpCatalogPage) page = parse_fixture (SP_CATALOG_FORMAT_MITLEARN, "mitlearn-1.json",
                                                 "https://api.learn.example.org/api/v1/courses/?platform=ocw", base);
  g_autoptr(SpCatalogPage) page2 = NULL;
  SpCourse *course;

  assert_page (page, 2, 4, "https://api.learn.example.org/api/v1/courses/?platform=ocw&offset=2");

  course = course_at (page, 0);
  g_assert_cmpstr (sp_course_get_id (course), ==, "18.06+spring_2010");
  g_assert_cmpstr (sp_course_get_title (course), ==, "Linear Algebra");
  g_assert_cmpstr (sp_course_get_provider (course), ==, "MIT OpenCourseWare");
  g_assert_cmpstr (sp_course_get_description (course), ==, "Matrix theory and linear algebra.");
  g_assert_cmpint (sp_course_get_level (course), ==, SP_COURSE_LEVEL_INTERMEDIATE);
  g_assert_cmpint (sp_course_get_cost (course), ==, SP_COURSE_COST_FREE);
  g_assert_true (g_strv_contains (sp_course_get_tags (course), "Linear Algebra"));
  g_assert_true (g_strv_contains (sp_course_get_tags (course), "Mathematics"));

  page2 = parse_fixture (SP_CATALOG_FORMAT_MITLEARN, "mitlearn-2.json", page->next_url, base);
  g_assert_cmpint (sp_course_get_level (course_at (page2, 0)), ==, SP_COURSE_LEVEL_ADVANCED);
}

static void
test_effort (void)
{
  static const struct {
    const char *text;
    double      hours, per_week, weeks;
  } cases[] = {
    { "4-8 hours/week", 0, 6, 0 },
    { "5:00", 0, 5, 0 },
    { "1:30", 0, 1.5, 0 },
    { "3–5 hours per week", 0, 4, 0 },
    { "Approx. 20 hours to complete", 20, 0, 0 },
    { "6 weeks, 2-3 hours a week", 0, 2.5, 6 },
    { "10 hrs", 10, 0, 0 },
    { "3 months", 0, 0, 13 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double hours = 0, per_week = 0, weeks = 0;

      g_assert_true (sp_catalog_parse_effort (cases[i].text, &hours, &per_week, &weeks));
      g_assert_cmpfloat_with_epsilon (hours, cases[i].hours, 0.01);
      g_assert_cmpfloat_with_epsilon (per_week, cases[i].per_week, 0.01);
      g_assert_cmpfloat_with_epsilon (weeks, cases[i].weeks, 0.01);
    }

  {
    double hours = 0, per_week = 0, weeks = 0;
    g_assert_false (sp_catalog_parse_effort ("self-paced", &hours, &per_week, &weeks));
    g_assert_false (sp_catalog_parse_effort ("0:00", &hours, &per_week, &weeks));
    g_assert_cmpfloat (hours + per_week + weeks, ==, 0);
  }
}

static void
test_hostile_texts (void)
{
  g_autoptr(SpCatalogPage) page = parse_fixture (SP_CATALOG_FORMAT_OWN, "hostile.json",
                                                 "https://evil.example.org/list.json", NULL);
  SpCourse *course;

  g_assert_cmpuint (page->courses->len, ==, 4);

  /* Markup stays text, as sent: whoever shows it must not parse it */
  course = course_at (page, 0);
  g_assert_cmpstr (sp_course_get_title (course), ==,
                   "<b>Bold</b> & <i>brave</i> <span foreground=\"red\">ML</span>");
  g_assert_cmpstr (sp_course_get_provider (course), ==, "Evil <b>Corp</b>");
  /* A javascript: link is dropped, the course kept */
  g_assert_null (sp_course_get_url (course));

  /* Right-to-left text arrives intact */
  course = course_at (page, 1);
  g_assert_cmpstr (sp_course_get_title (course), ==, "تعلم الآلة للمبتدئين");
  g_assert_cmpstr (sp_course_get_url (course), ==, "https://example.org/ar");
  g_assert_true (g_utf8_validate (sp_course_get_description (course), -1, NULL));

  course = course_at (page, 2);
  g_assert_null (sp_course_get_url (course));

  /* Control characters become single spaces */
  course = course_at (page, 3);
  g_assert_cmpstr (sp_course_get_title (course), ==, "Tab here bell new line");
  g_assert_nonnull (sp_course_get_url (course));
}

static void
test_errors (void)
{
  g_autoptr(GBytes) malformed = load_fixture ("malformed.json", NULL);
  g_autoptr(GBytes) wrong = load_fixture ("wrong-type.json", NULL);
  g_autoptr(GError) error = NULL;
  SpCatalogPage *page;

  page = sp_catalog_parse_page (SP_CATALOG_FORMAT_OWN, malformed, NULL, &error);
  g_assert_null (page);
  g_assert_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "The listing is not valid JSON: line 4, column"));
  g_clear_error (&error);

  page = sp_catalog_parse_page (SP_CATALOG_FORMAT_OWN, wrong, NULL, &error);
  g_assert_null (page);
  g_assert_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==,
                   "Not a Study Planner feed listing: $.courses[0].hours should be a number, but it is a string");

  /* Each format says what it expected where */
  assert_parse_error (SP_CATALOG_FORMAT_COURSERA, "{\"items\": []}", SP_CATALOG_ERROR_FORMAT,
                      "Not a Coursera listing: $.elements should be an array, but it is nothing");
  assert_parse_error (SP_CATALOG_FORMAT_EDX, "[1, 2]", SP_CATALOG_ERROR_FORMAT,
                      "Not a Open edX listing: $ should be an object, but it is an array");
  assert_parse_error (SP_CATALOG_FORMAT_MITLEARN, "{\"results\": [{\"title\": \"x\"}]}", SP_CATALOG_ERROR_FORMAT,
                      "$.results[0].readable_id should be a text that is not empty");
  assert_parse_error (SP_CATALOG_FORMAT_EDX, "{\"results\": [], \"pagination\": {\"next\": \"javascript:x()\"}}",
                      SP_CATALOG_ERROR_FORMAT, "the next page “javascript:x()” is not a web address");
  assert_parse_error (SP_CATALOG_FORMAT_COURSERA, "{\"elements\": [], \"paging\": {\"next\": \"soon\"}}",
                      SP_CATALOG_ERROR_FORMAT, "$.paging.next should be a start offset, not “soon”");
  assert_parse_error (SP_CATALOG_FORMAT_OWN, "{\"format\": \"study-planner-catalog\", \"version\": 7, \"courses\": []}",
                      SP_CATALOG_ERROR_FORMAT, "version 7");
  assert_parse_error (SP_CATALOG_FORMAT_OWN, "{\"format\": \"study-planner-catalog\", \"version\": 1, \"courses\": [{\"id\": \"a\", \"title\": \"A\", \"level\": \"expert\"}]}",
                      SP_CATALOG_ERROR_FORMAT, "$.courses[0].level should be");
  /* Versions are whole; a blank text is called blank, not "a string" */
  assert_parse_error (SP_CATALOG_FORMAT_OWN, "{\"format\": \"study-planner-catalog\", \"version\": 1.5, \"courses\": []}",
                      SP_CATALOG_ERROR_FORMAT, "Not a Study Planner feed listing: $.version should be a whole number, not 1.5");
  assert_parse_error (SP_CATALOG_FORMAT_OWN, "{\"format\": \"study-planner-catalog\", \"version\": 1, \"courses\": [{\"id\": \"a\", \"title\": \" \"}]}",
                      SP_CATALOG_ERROR_FORMAT, "$.courses[0].title should be a text that is not empty, but it is blank");
  assert_parse_error (SP_CATALOG_FORMAT_MITLEARN, "{\"results\": [{\"title\": \"x\", \"readable_id\": \"\"}]}", SP_CATALOG_ERROR_FORMAT,
                      "$.results[0].readable_id should be a text that is not empty, but it is blank");
  assert_parse_error (SP_CATALOG_FORMAT_OWN, "", SP_CATALOG_ERROR_SYNTAX, "empty");
  assert_parse_error (SP_CATALOG_FORMAT_MITLEARN, "\xff\xfe", SP_CATALOG_ERROR_SYNTAX, "UTF-8");
}

static void
test_json_round_trip (void)
{
  g_autoptr(SpCatalogPage) page = parse_fixture (SP_CATALOG_FORMAT_OWN, "own-1.json",
                                                 "https://school.example.org/feed/own-1.json", NULL);
  SpCourse *course = course_at (page, 1);
  g_autofree char *json = sp_catalog_course_to_json (course);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCourse) copy = sp_catalog_course_from_json (json, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (sp_course_get_title (copy), ==, sp_course_get_title (course));
  g_assert_cmpstr (sp_course_get_url (copy), ==, sp_course_get_url (course));
  g_assert_cmpfloat (sp_course_get_total_hours (copy), ==, 24);
  again = sp_catalog_course_to_json (copy);
  g_assert_cmpstr (again, ==, json);

  g_assert_null (sp_catalog_course_from_json ("{\"title\": \"no id\"}", &error));
  g_assert_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_FORMAT);
}

static void
test_query (void)
{
  g_autoptr(SpCatalogPage) page = parse_fixture (SP_CATALOG_FORMAT_OWN, "own-2.json",
                                                 "https://school.example.org/feed/own-2.json", NULL);
  SpCourse *stats = course_at (page, 0);
  SpCourse *lab = course_at (page, 1);
  g_autoptr(SpCourseQuery) q1 = sp_course_query_new ("  STAT  data ");
  g_autoptr(SpCourseQuery) q2 = sp_course_query_new ("probability");
  g_autoptr(SpCourseQuery) q3 = sp_course_query_new ("");
  g_autoptr(SpCourseQuery) q4 = sp_course_query_new ("partner");
  g_autoptr(SpCourseQuery) q5 = sp_course_query_new ("ÉCOLE");

  g_assert_true (sp_course_matches_query (stats, q1));
  g_assert_false (sp_course_matches_query (lab, q1));
  /* Tags are searched, and rank below the title */
  g_assert_true (sp_course_matches_query (stats, q2));
  g_assert_cmpuint (sp_course_query_rank (stats, q1), ==, 2);
  g_assert_cmpuint (sp_course_query_rank (stats, q2), ==, 0);
  g_assert_true (sp_course_matches_query (lab, q3));
  g_assert_true (sp_course_matches_query (lab, q4));
  g_assert_true (sp_course_query_is_empty (q3));
  g_assert_false (sp_course_matches_query (lab, q5));

  /* The rank is cached per query, never reused for another */
  g_assert_cmpuint (sp_course_query_rank (stats, q1), ==, 2);
  g_assert_cmpuint (sp_course_query_rank (stats, q2), ==, 0);
  g_assert_cmpint (sp_course_compare_titles (stats, lab), >, 0);
  g_assert_cmpint (sp_course_compare_titles (lab, stats), <, 0);
  g_assert_cmpint (sp_course_compare_titles (lab, lab), ==, 0);
}

static void
test_sources_variant (void)
{
  g_autoptr(GVariant) value = g_variant_ref_sink (g_variant_new_parsed (
    "[('School', 'https://school.example.org/feed.json', 'own'),"
    " ('Future', 'https://x.example.org/', 'newformat'),"
    " ('', 'https://empty.example.org/', 'own'),"
    " ('MIT', 'https://api.learn.mit.edu/api/v1/courses/', 'mitlearn')]"));
  g_autoptr(GPtrArray) sources = sp_catalog_sources_from_variant (value);
  g_autoptr(GVariant) back = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (sources->len, ==, 2);
  g_assert_cmpint (((SpCatalogSource *) g_ptr_array_index (sources, 1))->format, ==, SP_CATALOG_FORMAT_MITLEARN);
  back = g_variant_ref_sink (sp_catalog_sources_to_variant (sources));
  text = g_variant_print (back, FALSE);
  g_assert_cmpstr (text, ==, "[('School', 'https://school.example.org/feed.json', 'own'), "
                             "('MIT', 'https://api.learn.mit.edu/api/v1/courses/', 'mitlearn')]");
}

static void
test_age (void)
{
  gint64 now = 1700000000;
  g_autofree char *a = sp_catalog_format_age (now - 10, now);
  g_autofree char *b = sp_catalog_format_age (now - 5 * 60, now);
  g_autofree char *c = sp_catalog_format_age (now - 3 * 3600 - 5, now);
  g_autofree char *d = sp_catalog_format_age (now - 3 * 86400, now);
  g_autofree char *e = sp_catalog_format_age (now - 3600, now);

  g_assert_cmpstr (a, ==, "updated just now");
  g_assert_cmpstr (b, ==, "updated 5 minutes ago");
  g_assert_cmpstr (c, ==, "updated 3 hours ago");
  g_assert_cmpstr (d, ==, "updated 3 days ago");
  g_assert_cmpstr (e, ==, "updated 1 hour ago");
}

static SpPlan *
load_fixture_plan (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "catalog", "ml-plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SpPlan *plan = sp_plan_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static void
assert_best_topic (SpCatalog  *catalog,
                   const char *course_id,
                   const char *topic_id)
{
  SpCourse *course = sp_catalog_lookup_course (catalog, NULL, course_id);
  const char * const *topics;

  g_assert_nonnull (course);
  topics = sp_course_get_matched_topics (course);
  if (topics[0] == NULL || !g_str_equal (topics[0], topic_id))
    {
      g_autofree char *got = g_strjoinv (",", (char **) topics);
      g_error ("course %s: expected best topic %s, got [%s]", course_id, topic_id, got);
    }
}

/* The bundled snapshot against the ML path: the obvious courses land on
 * the obvious topics */
static void
test_matcher_bundled (void)
{
  g_autoptr(SpPlan) plan = load_fixture_plan ();
  g_autoptr(SpCatalogFetcher) fetcher = sp_catalog_fetcher_new (NULL);
  g_autoptr(SpCatalog) catalog = sp_catalog_new (plan, fetcher);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) for_cv = NULL;
  static const char *expected[][2] = {
    { "py4e", "python" },
    { "cs50p", "python" },
    { "mit-18-06", "linear-algebra" },
    { "3b1b-linalg", "linear-algebra" },
    { "m4ml-linalg", "linear-algebra" },
    { "m4ml-calculus", "calculus" },
    { "3b1b-calculus", "calculus" },
    { "stat110", "probability" },
    { "khan-stats", "probability" },
    { "kaggle-pandas", "data-tools" },
    { "kaggle-sql", "sql" },
    { "ml-specialization", "supervised" },
    { "kaggle-intro-ml", "supervised" },
    { "kaggle-feature-eng", "feature-engineering" },
    { "dl-specialization", "deep-learning" },
    { "fastai", "deep-learning" },
    { "cs231n", "cv" },
    { "opencv-bootcamp", "cv" },
    { "hf-nlp", "nlp" },
    { "cs224n", "nlp" },
    { "spinning-up", "rl" },
    { "rl-specialization", "rl" },
    { "made-with-ml", "mlops" },
    { "pro-git", "git" },
    { "ml-interviews", "interviews" },
  };

  g_assert_true (sp_catalog_load_bundled (catalog, &error));
  g_assert_no_error (error);
  g_assert_true (sp_catalog_is_bundled (catalog));
  g_assert_cmpuint (g_list_model_get_n_items (sp_catalog_get_model (catalog)), >=, 40);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_best_topic (catalog, expected[i][0], expected[i][1]);

  /* Nothing about SQL lands on reinforcement learning */
  g_assert_false (g_strv_contains (sp_course_get_matched_topics (sp_catalog_lookup_course (catalog, NULL, "kaggle-sql")), "rl"));

  for_cv = sp_catalog_dup_courses_for_topic (catalog, "cv", 3);
  g_assert_cmpuint (for_cv->len, >=, 2);
  g_assert_true (g_strv_contains (sp_course_get_matched_topics (g_ptr_array_index (for_cv, 0)), "cv"));
}

/* The bundled snapshot against the bundled ML path itself. An expected
 * topic ending in "*" is a prefix: any topic of that track will do. */
static void
test_matcher_bundled_plan (void)
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  g_autoptr(SpCatalog) catalog = sp_catalog_new (plan, NULL);
  g_autoptr(GError) error = NULL;
  static const char *expected[][2] = {
    { "py4e", "python" },
    { "cs50p", "python" },
    { "mit-18-06", "linear-algebra" },
    { "3b1b-linalg", "linear-algebra" },
    { "m4ml-calculus", "calculus" },
    { "mit-18-01", "calculus" },
    { "stat110", "probability-statistics" },
    { "khan-stats", "probability-statistics" },
    { "kaggle-pandas", "pandas" },
    { "kaggle-sql", "sql" },
    { "kaggle-dataviz", "matplotlib" },
    { "ml-specialization", "regression-classification" },
    { "cs229", "supervised-learning" },
    { "pytorch-blitz", "pytorch" },
    { "dl-specialization", "dl-*" },
    { "zero-to-hero", "dl-neural-networks" },
    { "cs231n", "cv-*" },
    { "opencv-bootcamp", "cv-image-processing" },
    { "hf-nlp", "nlp-*" },
    { "cs224n", "nlp-*" },
    { "nlp-specialization", "nlp-*" },
    { "spinning-up", "rl-*" },
    { "rl-specialization", "rl-*" },
    { "silver-rl", "rl-*" },
    { "made-with-ml", "mlops-deployment" },
    { "mlops-specialization", "mlops-deployment" },
    { "pro-git", "git-version-control" },
    { "docker-curriculum", "docker" },
    { "ml-interviews", "ml-*" },
    { "elements-of-ai", "ethics-fairness" },
  };

  if (sp_plan_get_topics (plan)->len < 40)
    {
      g_test_skip ("the bundled plan is still a placeholder");
      return;
    }

  g_assert_true (sp_catalog_load_bundled (catalog, &error));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      SpCourse *course = sp_catalog_lookup_course (catalog, NULL, expected[i][0]);
      const char *want = expected[i][1];
      g_autofree char *prefix = g_str_has_suffix (want, "*") ? g_strndup (want, strlen (want) - 1) : NULL;
      const char *best;

      g_assert_nonnull (course);
      best = sp_course_get_matched_topics (course)[0];
      g_assert_nonnull (sp_plan_lookup_topic (plan, best ? best : ""));
      if (prefix != NULL ? !g_str_has_prefix (best, prefix) : !g_str_equal (best, want))
        g_error ("course %s: expected %s, best match %s", expected[i][0], want, best);
    }
}

/* The bundled snapshot is a valid own-format listing, and nearly every
 * course in it matches some topic of an ML path. */
static void
test_bundled_snapshot (void)
{
  g_autoptr(SpPlan) plan = load_fixture_plan ();
  g_autoptr(SpCatalog) catalog = sp_catalog_new (plan, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) unmatched = g_string_new (NULL);
  GListModel *model;
  guint n, n_unmatched = 0;

  g_assert_true (sp_catalog_load_bundled (catalog, &error));
  model = sp_catalog_get_model (catalog);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpCourse) course = g_list_model_get_item (model, i);

      g_assert_true (sp_url_is_web (sp_course_get_url (course)));
      g_assert_cmpfloat (sp_course_get_total_hours (course), >, 0);
      if (sp_course_get_matched_topics (course)[0] == NULL)
        {
          g_string_append_printf (unmatched, " %s", sp_course_get_id (course));
          n_unmatched++;
        }
    }

  /* A snapshot for the path: nearly every course belongs to some topic */
  if (n_unmatched * 10 > n)
    g_error ("%u of %u bundled courses match no topic:%s", n_unmatched, n, unmatched->str);
}

static void
assert_json_error (const char *json,
                   guint       line,
                   guint       column,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  guint l = 0, c = 0;
  SpJsonDoc *doc = sp_json_doc_parse (json, strlen (json), 8, &l, &c, &error);

  g_assert_null (doc);
  g_assert_nonnull (error);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s”: expected “%s” in “%s”", json, message, error->message);
  g_assert_cmpuint (l, ==, line);
  g_assert_cmpuint (c, ==, column);
}

static void
test_json_doc (void)
{
  const char *json = "{\"a\": [1, -2.5e1, true, false, null, \"x\\u00e9\\n\\ud83d\\ude00\\\"\"],"
                     " \"b\": {}, \"a\": \"last\", \"nul\": \"x\\u0000y\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(SpJsonDoc) doc = sp_json_doc_parse (json, strlen (json), 8, NULL, NULL, &error);
  const SpJsonValue *root, *array;

  g_assert_no_error (error);
  root = sp_json_doc_root (doc);
  g_assert_cmpint (sp_json_type (root), ==, SP_JSON_OBJECT);
  g_assert_cmpuint (sp_json_length (root), ==, 4);
  /* A repeated member: the last one counts, as in json-glib */
  g_assert_cmpstr (sp_json_string (doc, sp_json_member (doc, root, "a")), ==, "last");
  g_assert_null (sp_json_member (doc, root, "missing"));
  g_assert_cmpint (sp_json_type (sp_json_member (doc, root, "b")), ==, SP_JSON_OBJECT);
  /* An escaped NUL cannot cut the text short */
  g_assert_cmpstr (sp_json_string (doc, sp_json_member (doc, root, "nul")), ==, "x\xef\xbf\xbdy");

  /* Asking an object for elements gives nothing */
  g_assert_null (sp_json_element (doc, root, 0));

  {
    const char *text = "[1, -2.5e1, true, false, null, \"x\\u00e9\\n\\ud83d\\ude00\\\"\"]";
    g_autoptr(SpJsonDoc) arr = sp_json_doc_parse (text, strlen (text), 8, NULL, NULL, &error);

    g_assert_no_error (error);
    array = sp_json_doc_root (arr);
    g_assert_cmpuint (sp_json_length (array), ==, 6);
    g_assert_cmpfloat (sp_json_number (sp_json_element (arr, array, 0)), ==, 1);
    g_assert_cmpfloat (sp_json_number (sp_json_element (arr, array, 1)), ==, -25);
    g_assert_true (sp_json_boolean (sp_json_element (arr, array, 2)));
    g_assert_false (sp_json_boolean (sp_json_element (arr, array, 3)));
    g_assert_cmpint (sp_json_type (sp_json_element (arr, array, 4)), ==, SP_JSON_NULL);
    g_assert_cmpstr (sp_json_string (arr, sp_json_element (arr, array, 5)), ==, "xé\n😀\"");
    g_assert_null (sp_json_element (arr, array, 6));
    g_assert_cmpstr (sp_json_describe (sp_json_element (arr, array, 5)), ==, "a string");
  }

  assert_json_error ("{\"a\": 1,}", 1, 9, "expected a member name");
  assert_json_error ("[1, 2\n, 3", 2, 4, "expected “,” or “]”");
  assert_json_error ("[01]", 1, 3, "expected “,” or “]”");
  assert_json_error ("[1.]", 1, 2, "invalid number");
  assert_json_error ("\"abc", 1, 1, "unterminated string");
  assert_json_error ("[\"a\tb\"]", 1, 4, "control character");
  assert_json_error ("[\"\\x\"]", 1, 4, "invalid escape");
  assert_json_error ("[\"\\u12\"]", 1, 7, "invalid \\u escape");
  assert_json_error ("[tru]", 1, 2, "unexpected character");
  assert_json_error ("{} {}", 1, 4, "unexpected data after the end");
  assert_json_error ("[[[[[[[[[1]]]]]]]]]", 1, 9, "nested too deep");
  assert_json_error ("  ", 1, 3, "unexpected end");
}

static SpCourse *
course_with (const char *workload)
{
  g_autofree char *json = g_strdup_printf ("{\"id\": \"c\", \"title\": \"C\"%s%s}",
                                           workload[0] ? ", " : "", workload);
  g_autoptr(GError) error = NULL;
  SpCourse *course = sp_catalog_course_from_json (json, &error);

  g_assert_no_error (error);
  return course;
}

/* A course's workload: stated hours win, else hours a week times weeks */
static void
test_total_hours (void)
{
  static const struct {
    const char *workload;
    double      hours;
  } cases[] = {
    { "", 0 },
    { "\"hours\": 40", 40 },
    { "\"hours\": 12.5", 12.5 },
    { "\"hours_per_week\": 5, \"weeks\": 8", 40 },
    { "\"hours_per_week\": 2.5, \"weeks\": 3", 7.5 },
    { "\"hours\": 30, \"hours_per_week\": 5, \"weeks\": 8", 30 },
    { "\"hours_per_week\": 5", 0 },
    { "\"weeks\": 8", 0 },
    /* Past the 10,000 hours the format allows: no workload anyone states */
    { "\"hours_per_week\": 168, \"weeks\": 520", 0 },
    { "\"hours_per_week\": 100, \"weeks\": 100", 10000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SpCourse) course = course_with (cases[i].workload);

      g_test_message ("workload {%s}", cases[i].workload);
      g_assert_cmpfloat_with_epsilon (sp_course_get_total_hours (course), cases[i].hours, 1e-9);
    }
}

/* The workload is offered for a topic only when known and different */
static void
test_offered_hours (void)
{
  static const char plan_json[] =
    "{\"format\": 1, \"id\": \"o\", \"title\": \"O\", \"levels\": [{\"id\": \"l\", \"title\": \"L\", "
    "\"min_months\": 1, \"topics\": [{\"id\": \"la\", \"title\": \"Linear algebra\", \"hours\": 30, "
    "\"tasks\": {\"read\": \"r\"}}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (plan_json, sizeof plan_json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = sp_plan_new_from_bytes (bytes, "o.json", NULL, &error);
  g_autoptr(SpPlanner) planner = NULL;
  g_autoptr(SpCourse) forty = course_with ("\"hours_per_week\": 5, \"weeks\": 8");
  g_autoptr(SpCourse) thirty = course_with ("\"hours\": 30.01");
  g_autoptr(SpCourse) unknown = course_with ("");
  g_autoptr(SpCourse) huge = course_with ("\"hours\": 5000");

  g_assert_no_error (error);
  planner = sp_planner_new (plan);

  g_assert_cmpfloat (sp_course_get_offered_hours (planner, "la", forty), ==, 40);
  g_assert_cmpfloat (sp_course_get_offered_hours (planner, "la", thirty), ==, 0);
  g_assert_cmpfloat (sp_course_get_offered_hours (planner, "la", unknown), ==, 0);
  g_assert_cmpfloat (sp_course_get_offered_hours (planner, "la", huge), ==, 0);
  g_assert_cmpfloat (sp_course_get_offered_hours (planner, "nothing", forty), ==, 0);

  /* Once taken, the same workload is not asked about again */
  g_assert_true (sp_planner_set_topic_hours (planner, "la", 40, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (sp_course_get_offered_hours (planner, "la", forty), ==, 0);
  g_assert_cmpfloat (sp_course_get_offered_hours (planner, "la", thirty), ==, 30.01);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/format/own", test_own_format);
  g_test_add_func ("/catalog/format/coursera", test_coursera_format);
  g_test_add_func ("/catalog/format/edx", test_edx_format);
  g_test_add_func ("/catalog/format/mitlearn", test_mitlearn_format);
  g_test_add_func ("/catalog/format/effort", test_effort);
  g_test_add_func ("/catalog/format/hostile", test_hostile_texts);
  g_test_add_func ("/catalog/format/errors", test_errors);
  g_test_add_func ("/catalog/course/json", test_json_round_trip);
  g_test_add_func ("/catalog/course/query", test_query);
  g_test_add_func ("/catalog/course/total-hours", test_total_hours);
  g_test_add_func ("/catalog/course/offered-hours", test_offered_hours);
  g_test_add_func ("/catalog/sources", test_sources_variant);
  g_test_add_func ("/catalog/age", test_age);
  g_test_add_func ("/catalog/json-doc", test_json_doc);
  g_test_add_func ("/catalog/matcher/fixture-plan", test_matcher_bundled);
  g_test_add_func ("/catalog/matcher/bundled-plan", test_matcher_bundled_plan);
  g_test_add_func ("/catalog/bundled", test_bundled_snapshot);

  return g_test_run ();
}
