/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sp-plan.h"

static SpPlan *
load_fixture (const char  *name,
              GPtrArray  **problems,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "plans", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return sp_plan_new_from_file (file, problems, error);
}

static void
test_bundled (void)
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  static const char *tracks[] = { "dl", "nlp", "cv", "rl" };
  const SpLevel *level;

  g_assert_cmpstr (sp_plan_get_id (plan), ==, "ml-career");
  g_assert_cmpuint (sp_plan_get_n_levels (plan), ==, 3);

  level = sp_plan_get_level (plan, 0);
  g_assert_cmpstr (level->id, ==, "fundamentals");
  g_assert_cmpuint (level->min_months, ==, 3);
  g_assert_cmpint (level->max_months, ==, 6);
  level = sp_plan_get_level (plan, 1);
  g_assert_cmpstr (level->id, ==, "core");
  g_assert_cmpuint (level->min_months, ==, 6);
  g_assert_cmpint (level->max_months, ==, 12);
  level = sp_plan_get_level (plan, 2);
  g_assert_cmpstr (level->id, ==, "specialization");
  g_assert_cmpuint (level->min_months, ==, 12);
  g_assert_cmpint (level->max_months, ==, -1);
  g_assert_cmpuint (level->tracks->len, ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (tracks); i++)
    {
      const SpTrack *track = sp_plan_lookup_track (plan, tracks[i]);

      g_assert_nonnull (track);
      g_assert_cmpuint (track->level, ==, 2);
      g_assert_cmpuint (track->topics->len, >=, 4);
    }

  /* The mission names these topics; the path must have them */
  g_assert_nonnull (sp_plan_lookup_topic (plan, "linear-algebra"));
  g_assert_nonnull (sp_plan_lookup_topic (plan, "python"));

  /* Every topic says what to do, and every level lands in its time frame at 10 h a week
   * (1 month = 4.35 weeks) with room left for review blocks */
  for (guint i = 0; i < sp_plan_get_topics (plan)->len; i++)
    {
      const SpTopic *topic = g_ptr_array_index (sp_plan_get_topics (plan), i);

      g_assert_true (topic->task_read || topic->task_practice || topic->task_project);
      g_assert_nonnull (sp_text_get_lang (topic->title, "ro"));
      g_assert_cmpstr (sp_text_get_lang (topic->title, "ro"), !=, NULL);
    }

  for (guint t = 0; t < G_N_ELEMENTS (tracks); t++)
    for (guint l = 0; l < 3; l++)
      {
        const SpLevel *lv = sp_plan_get_level (plan, l);
        double months = sp_plan_get_level_hours (plan, l, tracks[t]) / (10 * 4.35);

        g_assert_cmpfloat (months, >=, lv->min_months);
        if (lv->max_months >= 0)
          g_assert_cmpfloat (months * 1.1, <=, lv->max_months);
      }

  /* Every categories of the mission is present */
  {
    gboolean seen[4] = { FALSE, };

    for (guint i = 0; i < sp_plan_get_topics (plan)->len; i++)
      seen[((SpTopic *) g_ptr_array_index (sp_plan_get_topics (plan), i))->category] = TRUE;
    for (guint i = 0; i < 4; i++)
      g_assert_true (seen[i]);
  }
}

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SpPlan) plan = load_fixture ("valid-minimal.json", &problems, &error);
  const SpTopic *numpy;
  g_autoptr(GPtrArray) active = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (sp_plan_get_id (plan), ==, "tiny");
  g_assert_cmpuint (sp_plan_get_n_levels (plan), ==, 2);
  g_assert_cmpuint (sp_plan_get_topics (plan)->len, ==, 5);
  g_assert_cmpfloat (sp_plan_get_total_hours (plan), ==, 25.5);
  g_assert_cmpstr (sp_plan_get_default_track (plan), ==, "a");

  numpy = sp_plan_lookup_topic (plan, "numpy");
  g_assert_nonnull (numpy);
  g_assert_cmpfloat (numpy->hours, ==, 6.5);
  g_assert_cmpstr (numpy->prerequisites[0], ==, "python");
  g_assert_cmpstr (numpy->keywords[1], ==, "arrays");
  g_assert_null (numpy->task_read);
  g_assert_nonnull (numpy->task_project);

  g_assert_cmpint (sp_plan_get_level (plan, 1)->max_months, ==, -1);
  g_assert_cmpuint (sp_plan_get_level (plan, 0)->woven->len, ==, 1);
  g_assert_cmpint (sp_plan_lookup_topic (plan, "git")->category, ==, SP_TOPIC_CATEGORY_SKILL);

  active = sp_plan_dup_active_topics (plan, "b");
  g_assert_cmpuint (active->len, ==, 4);
  g_assert_true (g_ptr_array_index (active, 2) == sp_plan_lookup_topic (plan, "b1"));
  g_assert_false (g_ptr_array_find (active, sp_plan_lookup_topic (plan, "a1"), NULL));
  g_assert_cmpfloat (sp_plan_get_level_hours (plan, 1, "a"), ==, 3);
  g_assert_cmpfloat (sp_plan_get_level_hours (plan, 1, "b"), ==, 4);

  g_assert_cmpstr (sp_text_get_lang (NULL, "ro"), ==, NULL);
}

static void
test_translated_title (void)
{
  g_autoptr(SpPlan) plan = load_fixture ("valid-minimal.json", NULL, NULL);

  g_assert_nonnull (plan);
  g_setenv ("LANGUAGE", "ro", TRUE);
  setlocale (LC_ALL, "ro_RO.UTF-8");
  if (g_strcmp0 (setlocale (LC_MESSAGES, NULL), "ro_RO.UTF-8") == 0)
    g_assert_cmpstr (sp_plan_get_title (plan), ==, "O cale mică");
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_assert_cmpstr (sp_plan_get_title (plan), ==, "A tiny path");
}

typedef struct
{
  const char *file;
  int         code;
  const char *path;
  const char *message;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  { "missing-field.json", SP_PLAN_ERROR_INVALID, "$.levels[0].topics[1]",
    "missing field “hours”: expected a number of hours" },
  { "wrong-type.json", SP_PLAN_ERROR_INVALID, "$.levels[0].topics[0].hours",
    "expected a number of hours, found a string" },
  { "duplicate-id.json", SP_PLAN_ERROR_INVALID, "$.levels[0].topics[1].id",
    "duplicate id “python”, first used at $.levels[0].topics[0]" },
  { "unknown-prerequisite.json", SP_PLAN_ERROR_INVALID, "$.levels[0].topics[1].prerequisites[0]",
    "prerequisite “pandas” names no topic" },
  { "cycle.json", SP_PLAN_ERROR_INVALID, "$.levels[0].topics[0]",
    "prerequisite cycle: python → numpy → python" },
  { "negative-hours.json", SP_PLAN_ERROR_INVALID, "$.levels[0].topics[0].hours",
    "hours must be more than 0, found -5" },
  { "absurd-hours.json", SP_PLAN_ERROR_INVALID, "$.levels[0].topics[0].hours",
    "50000 hours is not a believable estimate for one topic: at most 2000" },
  { "unknown-level.json", SP_PLAN_ERROR_INVALID, "$.skills[0].level",
    "unknown level “advanced”: expected one of basics, more" },
  { "newer-format.json", SP_PLAN_ERROR_VERSION, "$.format",
    "format 2 is newer than this version of Study Planner understands (1)" },
  { "bad-translation.json", SP_PLAN_ERROR_INVALID, "$.title",
    "translations need an “en” text" },
  { "later-prerequisite.json", SP_PLAN_ERROR_INVALID, "$.levels[0].topics[0].prerequisites[0]",
    "prerequisite “b1” is in a later level" },
  { "syntax-error.json", SP_PLAN_ERROR_SYNTAX, "line 4, column 19", NULL },
};

static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SpPlan) plan = load_fixture (c->file, &problems, &error);
  SpPlanProblem *problem;

  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, c->code);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 1);

  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->path, ==, c->path);
  if (c->message != NULL)
    g_assert_cmpstr (problem->message, ==, c->message);
  else
    g_assert_cmpstr (problem->message, !=, "");

  /* The error names the file, the place and the problem */
  g_assert_nonnull (strstr (error->message, c->file));
  g_assert_nonnull (strstr (error->message, c->path));
}

static void
test_many_problems (void)
{
  const char *json =
    "{\"format\": 1, \"id\": \"Bad Id\", \"levels\": [{\"id\": \"x\", \"title\": 3, \"min_months\": 7, \"max_months\": 2,"
    " \"topics\": [{\"id\": \"t\", \"title\": \"T\", \"hours\": 0, \"tasks\": {}}, 5]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = sp_plan_new_from_bytes (bytes, "many.json", &problems, &error);
  static const char *expected[][2] = {
    { "$.id", "“Bad Id” is not a valid id: use lower-case letters, digits and “-”, at most 64" },
    { "$", "missing field “title”: expected a string or an object of translations" },
    { "$.levels[0].title", "expected a string or an object of translations, found a number" },
    { "$.levels[0].max_months", "max_months (2) is less than min_months (7)" },
    { "$.levels[0].topics[0].hours", "hours must be more than 0, found 0" },
    { "$.levels[0].topics[0].tasks", "give at least one of “read”, “practice” or “project”" },
    { "$.levels[0].topics[1]", "expected an object, found a number" },
  };
  g_autoptr(GString) all = g_string_new (NULL);

  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_INVALID);
  for (guint i = 0; i < problems->len; i++)
    {
      SpPlanProblem *p = g_ptr_array_index (problems, i);
      g_string_append_printf (all, "%s: %s\n", p->path, p->message);
    }
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      SpPlanProblem *p = g_ptr_array_index (problems, i);
      g_assert_cmpstr (p->path, ==, expected[i][0]);
      g_assert_cmpstr (p->message, ==, expected[i][1]);
    }
  /* Every problem is in the error message, one per line */
  {
    g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
  }
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": 1, \"x\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  bytes = g_bytes_new (json->str, json->len);
  plan = sp_plan_new_from_bytes (bytes, "deep.json", &problems, &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_SYNTAX);
  g_assert_cmpstr (((SpPlanProblem *) g_ptr_array_index (problems, 0))->path, ==, "line 1, column 83");
  g_assert_cmpstr (((SpPlanProblem *) g_ptr_array_index (problems, 0))->message, ==, "Nested deeper than 64 levels");
}

/* Text that is not Unicode: a syntax error that says what is wrong */
typedef struct
{
  const char *data;
  const char *name;
  const char *said;
} BadTextCase;

static const BadTextCase not_utf8_case = { "{\"format\": 1, \"id\": \"\xff\xfe\"}", "latin1.json", "UTF-8" };
static const BadTextCase lone_surrogate_case = { "{\"format\": 1, \"id\": \"x\", \"title\": \"\\ud800\"}",
                                                 "surrogate.json", "surrogate" };

static void
test_bad_text (gconstpointer data)
{
  const BadTextCase *bad = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (bad->data, strlen (bad->data));
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = sp_plan_new_from_bytes (bytes, bad->name, NULL, &error);

  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, bad->said));
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/plan.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(SpPlan) plan = sp_plan_new_from_file (file, &problems, &error);

  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/plan.json: "));
  g_assert_cmpuint (problems->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/bundled", test_bundled);
  g_test_add_func ("/plan/valid", test_valid);
  g_test_add_func ("/plan/translated-title", test_translated_title);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/plan/broken/%s", broken_cases[i].file);
      g_test_add_data_func (name, &broken_cases[i], test_broken);
    }
  g_test_add_func ("/plan/many-problems", test_many_problems);
  g_test_add_func ("/plan/deep-nesting", test_deep_nesting);
  g_test_add_data_func ("/plan/not-utf8", &not_utf8_case, test_bad_text);
  g_test_add_data_func ("/plan/lone-surrogate", &lone_surrogate_case, test_bad_text);
  g_test_add_func ("/plan/missing-file", test_missing_file);

  return g_test_run ();
}
