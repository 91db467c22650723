/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sp-export.h"
#include "sp-fsrs.h"
#include "sp-planner.h"
#include "sp-test-core.h"

/* The FSRS-4.5 maths against values worked out apart (in Python) from the
 * published formulas and default parameters; then the reviews it spaces
 * in a plan, the rating kept in the state file and the JSON export. */

#define EPS 1e-6

static void
test_first (void)
{
  static const double stability[] = { 0.4872, 1.4003, 3.7145, 13.8206 };
  static const double difficulty[] = { 7.6214, 6.3916, 5.1618, 3.932 };
  static const guint  interval[] = { 1, 1, 4, 14 };

  for (SpRating r = SP_RATING_AGAIN; r <= SP_RATING_EASY; r++)
    {
      SpFsrsMemory m;

      sp_fsrs_first_review (r, &m);
      g_assert_cmpfloat_with_epsilon (m.stability, stability[r - 1], EPS);
      g_assert_cmpfloat_with_epsilon (m.difficulty, difficulty[r - 1], EPS);
      /* At 90 % retention the interval is the stability, rounded */
      g_assert_cmpuint (sp_fsrs_interval (m.stability), ==, interval[r - 1]);
    }
}

static void
test_retrievability (void)
{
  g_assert_cmpfloat_with_epsilon (sp_fsrs_retrievability (0, 5), 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (sp_fsrs_retrievability (10, 10), 0.9, EPS);
  g_assert_cmpfloat (sp_fsrs_retrievability (30, 10), <, sp_fsrs_retrievability (20, 10));
}

/* A first review rated Good, then one 4 days later rated each way */
static void
test_review (void)
{
  static const double stability[] = { 1.4332344897795595, 6.234966035075983, 14.808100506496405,
                                      35.61414825643041 };
  static const double difficulty[] = { 6.901155, 6.0314775, 5.1618, 4.2921225 };
  SpFsrsMemory        first, after, again = { 10, 5 };

  sp_fsrs_first_review (SP_RATING_GOOD, &first);
  for (SpRating r = SP_RATING_AGAIN; r <= SP_RATING_EASY; r++)
    {
      sp_fsrs_review (&first, 4, r, &after);
      g_assert_cmpfloat_with_epsilon (after.stability, stability[r - 1], EPS);
      g_assert_cmpfloat_with_epsilon (after.difficulty, difficulty[r - 1], EPS);
    }

  sp_fsrs_review (&again, 10, SP_RATING_AGAIN, &after);
  g_assert_cmpfloat_with_epsilon (after.stability, 2.5603830063191944, EPS);
  g_assert_cmpfloat_with_epsilon (after.difficulty, 6.7443708, EPS);
}

static void
test_bounds (void)
{
  SpFsrsMemory m = { 1, 10 }, after;

  /* Difficulty stays within 1 to 10, intervals within a day to a year */
  sp_fsrs_review (&m, 1, SP_RATING_AGAIN, &after);
  g_assert_cmpfloat (after.difficulty, <=, 10);
  m.difficulty = 1;
  sp_fsrs_review (&m, 1, SP_RATING_EASY, &after);
  g_assert_cmpfloat (after.difficulty, >=, 1);
  g_assert_cmpuint (sp_fsrs_interval (0.01), ==, 1);
  g_assert_cmpuint (sp_fsrs_interval (1e6), ==, SP_FSRS_MAX_INTERVAL);
}

static void
test_names (void)
{
  for (SpRating r = SP_RATING_AGAIN; r <= SP_RATING_EASY; r++)
    {
      g_assert_cmpint (sp_rating_from_string (sp_rating_to_string (r)), ==, r);
      g_assert_nonnull (sp_rating_get_label (r));
    }
  g_assert_cmpint (sp_rating_from_string ("Good"), ==, SP_RATING_NONE);
  g_assert_cmpint (sp_rating_from_string (NULL), ==, SP_RATING_NONE);
  g_assert_null (sp_rating_to_string (SP_RATING_NONE));
}

/* The bundled path's first review, rated @rating on its day: returns the
 * days until the topic's next review */
static guint
next_review_after (SpRating rating)
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  g_autoptr(SpPlanner) planner = sp_planner_new (plan);
  g_autoptr(GError) error = NULL;
  SpSchedule      *schedule;
  const SpBlock   *review = NULL;
  const SpTopic   *topic;
  g_autofree char *id = NULL;
  guint32          day;

  sp_planner_set_today (planner, sp_test_date ("2025-09-01"));
  schedule = sp_planner_get_schedule (planner);
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule) && review == NULL; i++)
    if (sp_schedule_get_block (schedule, i)->kind == SP_BLOCK_KIND_REVIEW)
      review = sp_schedule_get_block (schedule, i);
  g_assert_nonnull (review);
  id = g_strdup (review->id);
  topic = review->topic;
  day = review->day;

  if (rating != SP_RATING_NONE)
    {
      g_autoptr(SpState) read = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) json = NULL;
      g_autofree char *data = NULL;
      g_autofree char *member = g_strdup_printf ("\"rating\": \"%s\"", sp_rating_to_string (rating));
      SpExportOptions  options;
      gsize            length;

      if (!sp_planner_rate_review (planner, id, rating, &error))
        g_error ("%s", error->message);
      schedule = sp_planner_get_schedule (planner);
      g_assert_cmpint (sp_schedule_lookup_block (schedule, id)->rating, ==, rating);
      g_assert_cmpint (sp_schedule_lookup_block (schedule, id)->status, ==, SP_BLOCK_STATUS_DONE);

      /* Kept in the state file and written in the export */
      data = sp_state_to_data (sp_planner_get_state (planner), &length);
      g_assert_nonnull (strstr (data, sp_rating_to_string (rating)));
      bytes = g_bytes_new (data, length);
      read = sp_state_new_from_bytes (bytes, "state.json", &error);
      g_assert_no_error (error);
      g_assert_cmpint (sp_progress_lookup_record (sp_state_get_progress (read, sp_plan_get_id (plan)), id)->rating, ==,
                       rating);
      sp_export_options_init (&options, planner);
      json = sp_export_json (schedule, &options, &error);
      g_assert_no_error (error);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (json, NULL), (gssize) g_bytes_get_size (json), member));

      /* A review only */
      for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
        if (sp_schedule_get_block (schedule, i)->kind != SP_BLOCK_KIND_REVIEW)
          {
            g_assert_false (sp_planner_rate_review (planner, sp_schedule_get_block (schedule, i)->id, SP_RATING_GOOD,
                                                    &error));
            g_assert_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID);
            g_clear_error (&error);
            break;
          }
    }
  else if (!sp_planner_mark_block (planner, id, SP_BLOCK_STATUS_DONE, 0, &error))
    g_error ("%s", error->message);

  schedule = sp_planner_get_schedule (planner);
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);

      if (block->topic == topic && block->kind == SP_BLOCK_KIND_REVIEW && block->day > day)
        return block->day - day;
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_spacing (void)
{
  guint again = next_review_after (SP_RATING_AGAIN);
  guint hard = next_review_after (SP_RATING_HARD);
  guint good = next_review_after (SP_RATING_GOOD);
  guint easy = next_review_after (SP_RATING_EASY);
  guint unrated = next_review_after (SP_RATING_NONE);

  g_test_message ("next review after Again %u, Hard %u, Good %u, Easy %u, unrated %u days", again, hard, good, easy,
                  unrated);
  /* Again comes back within days, Easy much later; unrated as before: the
   * second review about 7 days after the topic, so 6 after the first */
  g_assert_cmpuint (again, <=, 3);
  g_assert_cmpuint (again, <=, hard);
  g_assert_cmpuint (hard, <, good);
  g_assert_cmpuint (good, <, easy);
  g_assert_cmpuint (easy, >=, 14);
  g_assert_cmpuint (unrated, >=, 6);
  g_assert_cmpuint (unrated, <=, 8);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fsrs/first", test_first);
  g_test_add_func ("/fsrs/retrievability", test_retrievability);
  g_test_add_func ("/fsrs/review", test_review);
  g_test_add_func ("/fsrs/bounds", test_bounds);
  g_test_add_func ("/fsrs/names", test_names);
  g_test_add_func ("/fsrs/spacing", test_spacing);

  return g_test_run ();
}
