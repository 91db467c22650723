/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-fuzz.h"
#include "sp-scheduler.h"
#include "sp-state.h"

/* The state file is written by us but read back after crashes, full disks
 * and hand edits. A state it accepts must write back to the same state,
 * and plan without trouble; one it refuses must say where and why. */

static SpPlan *
tiny_plan (void)
{
  static const char json[] =
    "{\"format\": 1, \"id\": \"tiny\", \"title\": \"Tiny\", \"levels\": [{\"id\": \"basics\", \"title\": \"B\","
    "\"min_months\": 1, \"max_months\": 2, \"topics\": ["
    "{\"id\": \"python\", \"title\": \"P\", \"hours\": 3, \"stream\": \"code\", \"tasks\": {\"read\": \"r\", \"practice\": \"p\"}},"
    "{\"id\": \"numpy\", \"title\": \"N\", \"hours\": 2, \"prerequisites\": [\"python\"], \"tasks\": {\"project\": \"x\"}}]}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);

  return sp_plan_new_from_bytes (bytes, "tiny.json", NULL, NULL);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GBytes) again_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpState) state = NULL;
  g_autoptr(SpState) again = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(SpSchedule) schedule = NULL;
  g_autofree char *written = NULL;
  g_autofree char *rewritten = NULL;
  const SpAvailability *availability;
  SpSchedulerInput input = { 0, };
  gsize length;

  state = sp_state_new_from_bytes (bytes, "state.json", &error);
  if (state == NULL)
    {
      sp_fuzz_check_error (error);
      g_assert_true (error->domain == SP_STATE_ERROR);
      return 0;
    }

  availability = sp_state_get_availability (state);
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    {
      g_assert_cmpuint (availability->minutes[d] % SP_MINUTES_STEP, ==, 0);
      g_assert_cmpuint (availability->minutes[d], <=, SP_MINUTES_PER_DAY);
      g_assert_cmpuint (availability->start[d], <, SP_MINUTES_PER_DAY);
    }
  g_assert_cmpuint (availability->block_minutes, >=, SP_MIN_BLOCK_MINUTES);

  /* Written back, it reads as the same state */
  written = sp_state_to_data (state, &length);
  again_bytes = g_bytes_new (written, length);
  again = sp_state_new_from_bytes (again_bytes, "state.json", &error);
  g_assert_no_error (error);
  rewritten = sp_state_to_data (again, NULL);
  g_assert_cmpstr (written, ==, rewritten);

  /* And plans: whatever the records say, the schedule keeps its promises */
  plan = tiny_plan ();
  g_assert_nonnull (plan);
  input.plan = plan;
  input.availability = availability;
  input.progress = sp_state_get_progress (state, "tiny");
  input.today = availability->start_day ? availability->start_day : 739000;
  schedule = sp_scheduler_run (&input);
  for (guint i = 0; i + 1 < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *a = sp_schedule_get_block (schedule, i);
      const SpBlock *b = sp_schedule_get_block (schedule, i + 1);

      g_assert_true (a->day < b->day || (a->day == b->day && a->start <= b->start));
    }
  sp_fuzz_check_text (sp_schedule_get_summary (schedule));
  return 0;
}
