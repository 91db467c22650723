/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sp-availability.h"
#include "sp-dates.h"
#include "sp-test-core.h"

/* What the tests of the core say most often: a day, a plan. */

/**
 * sp_test_date:
 * @text: a day as YYYY-MM-DD
 *
 * Returns: its Julian day; the test fails when @text is not a date
 */
guint32
sp_test_date (const char *text)
{
  guint32 day = 0;

  g_assert_true (sp_parse_date (text, &day, NULL));
  return day;
}

void
sp_test_assert_date (guint32     day,
                     const char *expected)
{
  g_autofree char *text = sp_format_date (day);

  g_assert_cmpstr (text, ==, expected);
}

/**
 * sp_test_load_plan:
 * @name: a file of tests/data/plans/
 *
 * Returns: (transfer full): the plan; the test fails when it does not load
 */
SpPlan *
sp_test_load_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "plans", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SpPlan *plan = sp_plan_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/**
 * sp_test_plan_from_json:
 *
 * Returns: (transfer full): the plan @json describes; the test fails when
 *   it is not valid
 */
SpPlan *
sp_test_plan_from_json (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  SpPlan *plan = sp_plan_new_from_bytes (bytes, "test.json", NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* How many events a calendar sync of @planner makes: every block not skipped */
guint
sp_test_n_synced_blocks (SpPlanner *planner)
{
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  guint       n = 0;

  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    if (sp_schedule_get_block (schedule, i)->status != SP_BLOCK_STATUS_SKIPPED)
      n++;
  return n;
}
