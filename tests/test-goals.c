/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sp-calendar-text.h"
#include "sp-scheduler.h"
#include "sp-test-core.h"

/* The hours the user gave (issue 14): what a day holds, too little for a
 * block, and one figure for the weekly hours everywhere. */

static void
assert_hours (double      hours,
              const char *text,
              const char *json)
{
  g_autofree char *for_people = sp_format_hours (hours, SP_HOURS_TEXT);
  g_autofree char *for_scripts = sp_format_hours (hours, SP_HOURS_JSON);

  g_assert_cmpstr (for_people, ==, text);
  g_assert_cmpstr (for_scripts, ==, json);
}

/* 0.25 h was 0.3 in the JSON and 0.2 in the summary */
static void
test_format_hours (void)
{
  assert_hours (0.25, "0.3", "0.3");
  assert_hours (0.75, "0.8", "0.8");
  assert_hours (1.25, "1.3", "1.3");
  assert_hours (10, "10", "10.0");
  assert_hours (7.5, "7.5", "7.5");
  assert_hours (9.96, "10", "10.0");
  assert_hours (0, "0", "0.0");
  assert_hours (35 / 60.0, "0.6", "0.6");
}

static void
test_weekly_hours_agree (void)
{
  g_autoptr(SpPlan) plan = sp_test_load_plan ("valid-minimal.json");
  g_autoptr(SpAvailability) a = sp_availability_new ();
  g_autoptr(SpSchedule) schedule = NULL;
  SpSchedulerInput input = { plan, "a", a, NULL, sp_test_date ("2025-01-06"), NULL };

  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    sp_availability_set_day (a, d, d == 0 ? 15 : 0, 9 * 60);
  a->start_day = sp_test_date ("2025-01-06");
  schedule = sp_scheduler_run (&input);
  g_assert_cmpuint (sp_schedule_get_weekly_minutes (schedule), ==, 15);
  g_assert_nonnull (strstr (sp_schedule_get_summary (schedule), "At 0.3 h a week"));
}

static void
test_room (void)
{
  g_autoptr(SpAvailability) a = sp_availability_new ();
  g_autoptr(GError) error = NULL;
  gboolean monday_only[SP_N_WEEKDAYS] = {
    TRUE,
    FALSE,
  };

  g_assert_true (sp_availability_check_room (a, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sp_availability_get_room (a, 0), ==, 5 * 60);
  g_assert_cmpuint (sp_availability_get_room (a, 5), ==, 14 * 60);

  /* Mon=24 from 19:00 planned 5 h without a word */
  sp_availability_set_day (a, 0, 24 * 60, 19 * 60);
  g_assert_false (sp_availability_check_room (a, NULL, &error));
  g_assert_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_HOURS);
  g_assert_cmpstr (error->message, ==, "Mon: 24 h do not fit after 19:00, when study starts that day: at most 5 h fit");
  g_clear_error (&error);

  /* Only the days asked about */
  sp_availability_set_day (a, 0, 5 * 60, 19 * 60);
  sp_availability_set_day (a, 3, 6 * 60, 19 * 60 + 25);
  g_assert_true (sp_availability_check_room (a, monday_only, NULL));
  g_assert_false (sp_availability_check_room (a, NULL, &error));
  g_assert_cmpstr (error->message, ==, "Thu: 6 h do not fit after 19:25, when study starts that day: at most 4.6 h fit");
  g_assert_cmpuint (sp_availability_get_room (a, 3), ==, 275);
}

/* Mon=0.01 said "No study hours are set" */
static void
test_too_little (void)
{
  g_autoptr(SpPlan) plan = sp_test_load_plan ("valid-minimal.json");
  g_autoptr(SpAvailability) a = sp_availability_new ();
  g_autoptr(SpSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  SpSchedulerInput input = { plan, "a", a, NULL, sp_test_date ("2025-01-06"), NULL };
  guint16          minutes[SP_N_WEEKDAYS];

  g_assert_false (sp_parse_hours ("Mon=0.01", minutes, &error));
  g_assert_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_HOURS);
  g_assert_cmpstr (error->message, ==, "Mon: 0.01 h is too little to plan a block: give 0, or at least 0.25 (15 minutes)");
  g_clear_error (&error);
  g_assert_false (sp_parse_hours ("Mon=2,Tue=0.2", minutes, NULL));
  g_assert_true (sp_parse_hours ("Mon=0.25,Tue=0", minutes, NULL));
  g_assert_cmpuint (minutes[0], ==, 15);

  /* Saved hours too short for a block say so too */
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    sp_availability_set_day (a, d, d == 2 ? 10 : 0, 9 * 60);
  schedule = sp_scheduler_run (&input);
  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), ==, 0);
  g_assert_nonnull (strstr (sp_schedule_get_summary (schedule), "too little to plan a block"));
  g_assert_null (strstr (sp_schedule_get_summary (schedule), "No study hours are set"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/goals/format-hours", test_format_hours);
  g_test_add_func ("/goals/weekly-hours-agree", test_weekly_hours_agree);
  g_test_add_func ("/goals/room", test_room);
  g_test_add_func ("/goals/too-little", test_too_little);
  return g_test_run ();
}
