/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "sp-goals.h"
#include "sp-scheduler.h"
#include "sp-test-core.h"
#include "sp-test-random.h"

/* The scheduler is a pure function, so its promises are checked over many
 * seeded random plans and availabilities, and on the fixed cases where
 * calendars are tricky: clock changes, leap days, year ends. */

#define N_RANDOM_CASES 300

/* ------------------------------------------------------------------ */
/* The promises */

static gboolean
is_generated (const SpBlock *block,
              guint32        today)
{
  return block->status == SP_BLOCK_STATUS_PLANNED && !block->pinned && block->day >= today;
}

static int
block_pos_cmp (guint32 day_a, guint minute_a, guint32 day_b, guint minute_b)
{
  if (day_a != day_b)
    return day_a < day_b ? -1 : 1;
  return minute_a < minute_b ? -1 : minute_a > minute_b;
}

typedef struct
{
  guint   work;          /* minutes of learn, practice and project */
  guint   done;          /* of them, done before today */
  guint   reviews;
  gint    first;         /* index of the first work block, or -1 */
  gint    last;
  guint32 last_review_day;
} TopicSummary;

static void
check_schedule (const SpSchedulerInput *input,
                SpSchedule             *schedule,
                gboolean                fresh)
{
  const SpAvailability *a = input->availability;
  SpPlan *plan = input->plan;
  GPtrArray *topics = sp_plan_get_topics (plan);
  g_autoptr(GPtrArray) active = sp_plan_dup_active_topics (plan, input->track);
  g_autofree TopicSummary *sum = g_new0 (TopicSummary, topics->len);
  guint n = sp_schedule_get_n_blocks (schedule);
  guint review_minutes = sp_scheduler_get_review_minutes (a);
  guint32 from = MAX (input->today, a->start_day);
  guint day_minutes = 0;

  for (guint t = 0; t < topics->len; t++)
    sum[t].first = sum[t].last = -1;

  for (guint i = 0; i < n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      TopicSummary *ts = &sum[block->topic->index];

      /* Sorted, inside the day, no overlaps */
      g_assert_cmpuint ((guint) block->start + block->minutes, <=, SP_MINUTES_PER_DAY);
      g_assert_cmpuint (block->minutes, >, 0);
      if (i > 0)
        {
          const SpBlock *prev = sp_schedule_get_block (schedule, i - 1);

          g_assert_cmpint (block_pos_cmp (prev->day, prev->start, block->day, block->start), <=, 0);
          if (prev->day == block->day)
            g_assert_cmpuint ((guint) prev->start + prev->minutes, <=, block->start);
        }
      if (i == 0 || sp_schedule_get_block (schedule, i - 1)->day != block->day)
        day_minutes = 0;
      day_minutes += block->minutes;

      if (is_generated (block, input->today))
        {
          guint weekday = sp_day_get_weekday (block->day);

          /* Days off and empty weekdays get nothing; no day over its hours */
          g_assert_cmpuint (block->day, >=, from);
          g_assert_false (sp_availability_is_day_off (a, block->day));
          g_assert_cmpuint (day_minutes, <=, sp_availability_get_usable_minutes (a, weekday));
          g_assert_cmpuint (block->start, >=, a->start[weekday]);
          g_assert_cmpuint (block->minutes, >=, SP_MIN_BLOCK_MINUTES);
          if (block->kind == SP_BLOCK_KIND_REVIEW)
            g_assert_cmpuint (block->minutes, <=, review_minutes);
          else
            g_assert_cmpuint (block->minutes, <=, a->block_minutes);
        }

      if (block->kind == SP_BLOCK_KIND_REVIEW)
        {
          if (block->status != SP_BLOCK_STATUS_SKIPPED)
            ts->reviews++;
          ts->last_review_day = block->day;
          continue;
        }
      if (block->day < input->today || !is_generated (block, input->today))
        {
          if (block->status == SP_BLOCK_STATUS_DONE)
            ts->done += block->minutes;
          else if (block->status == SP_BLOCK_STATUS_PARTIAL)
            ts->done += block->done_minutes;
          else if (block->status == SP_BLOCK_STATUS_PLANNED && block->pinned)
            ts->done += block->minutes;
        }
      else
        ts->work += block->minutes;
      if (is_generated (block, input->today) || block->status != SP_BLOCK_STATUS_SKIPPED)
        {
          if (ts->first < 0)
            ts->first = (gint) i;
          ts->last = (gint) i;
        }
    }

  for (guint t = 0; t < active->len; t++)
    {
      const SpTopic *topic = g_ptr_array_index (active, t);
      TopicSummary *ts = &sum[topic->index];
      guint minutes = sp_scheduler_get_topic_minutes (topic);

      /* Every topic's hours are scheduled in full, with at most a short block more */
      g_assert_cmpuint (ts->work + ts->done, >=, minutes);
      if (ts->work > 0)
        g_assert_cmpuint (ts->work + ts->done, <=, minutes + 2 * SP_MIN_BLOCK_MINUTES);

      if (!fresh)
        continue;

      /* Three reviews after it is finished */
      g_assert_cmpuint (ts->reviews, ==, SP_N_REVIEWS);
      g_assert_cmpuint (ts->last_review_day, >=,
                        sp_schedule_get_block (schedule, (guint) ts->last)->day + sp_review_offsets[SP_N_REVIEWS - 1]);

      /* Prerequisites finish before the topic starts */
      for (guint p = 0; topic->prerequisites[p] != NULL; p++)
        {
          const SpTopic *prereq = sp_plan_lookup_topic (plan, topic->prerequisites[p]);
          const SpBlock *prereq_last = sp_schedule_get_block (schedule, (guint) sum[prereq->index].last);
          const SpBlock *first = sp_schedule_get_block (schedule, (guint) ts->first);

          g_assert_cmpint (block_pos_cmp (prereq_last->day, prereq_last->start + prereq_last->minutes,
                                          first->day, first->start), <=, 0);
        }
    }

  if (!fresh)
    return;

  /* Levels follow each other */
  for (guint t = 0; t < active->len; t++)
    for (guint u = 0; u < active->len; u++)
      {
        const SpTopic *x = g_ptr_array_index (active, t);
        const SpTopic *y = g_ptr_array_index (active, u);

        if (x->level < y->level)
          g_assert_cmpint (sum[x->index].last, <, sum[y->index].first);
      }

  /* At most two topics side by side, from different streams (weekly milestone blocks aside) */
  for (guint t = 0; t < active->len; t++)
    {
      const SpTopic *x = g_ptr_array_index (active, t);
      guint overlapping = 0;

      if (x->category == SP_TOPIC_CATEGORY_MILESTONE && x->level > 0)
        continue;
      for (guint u = 0; u < active->len; u++)
        {
          const SpTopic *y = g_ptr_array_index (active, u);

          if (u == t || (y->category == SP_TOPIC_CATEGORY_MILESTONE && y->level > 0))
            continue;
          /* y is running when x starts */
          if (sum[y->index].first < sum[x->index].first && sum[y->index].last > sum[x->index].first)
            {
              overlapping++;
              g_assert_false (x->stream && y->stream && g_str_equal (x->stream, y->stream));
            }
        }
      g_assert_cmpuint (overlapping, <=, 1);
    }
}

static void
assert_same_schedule (SpSchedule *a,
                      SpSchedule *b)
{
  g_assert_cmpuint (sp_schedule_get_n_blocks (a), ==, sp_schedule_get_n_blocks (b));
  for (guint i = 0; i < sp_schedule_get_n_blocks (a); i++)
    {
      const SpBlock *x = sp_schedule_get_block (a, i);
      const SpBlock *y = sp_schedule_get_block (b, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpuint (x->day, ==, y->day);
      g_assert_cmpuint (x->start, ==, y->start);
      g_assert_cmpuint (x->minutes, ==, y->minutes);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->status, ==, y->status);
    }
  g_assert_cmpstr (sp_schedule_get_summary (a), ==, sp_schedule_get_summary (b));
}

/* Marks a random part of the blocks before @later, as a user would, and
 * freezes the rest of the past as the planner does. */
static SpProgress *
random_progress (GRand      *rand,
                 SpSchedule *schedule,
                 guint32     later)
{
  SpProgress *progress = sp_progress_new ();

  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      SpBlockRecord *record;
      guint roll = (guint) g_rand_int_range (rand, 0, 100);

      if (block->day >= later && roll >= 3)
        continue;
      record = sp_block_record_new (block->id, block->topic->id, block->kind,
                                    block->day, block->start, block->minutes);
      if (block->day >= later || roll < 60)
        record->status = SP_BLOCK_STATUS_DONE;
      else if (roll < 70 && block->minutes > 1)
        {
          record->status = SP_BLOCK_STATUS_PARTIAL;
          record->done_minutes = (guint16) g_rand_int_range (rand, 1, block->minutes);
        }
      else if (roll < 80)
        record->status = SP_BLOCK_STATUS_SKIPPED;
      sp_progress_set_record (progress, record);
    }
  return progress;
}

static void
run_random_case (guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(SpPlan) plan = sp_test_random_plan (rand, 1);
  guint32 around = sp_test_date ("2024-01-01") + (guint32) g_rand_int_range (rand, 0, 3000);
  g_autoptr(SpAvailability) a = sp_test_random_availability (rand, around);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (g_rand_boolean (rand) ? "Europe/Bucharest" : "America/New_York");
  g_autoptr(SpSchedule) schedule = NULL;
  g_autoptr(SpSchedule) again = NULL;
  g_autoptr(SpSchedule) replanned = NULL;
  g_autoptr(SpProgress) progress = NULL;
  const char *track = sp_plan_get_default_track (plan);
  SpSchedulerInput input = { plan, track, a, NULL, around, tz };
  guint32 later;

  if (track != NULL && g_rand_boolean (rand))
    track = "right";
  input.track = track;

  schedule = sp_scheduler_run (&input);
  check_schedule (&input, schedule, TRUE);

  /* Deterministic */
  again = sp_scheduler_run (&input);
  assert_same_schedule (schedule, again);

  /* Time passes, some work is done: the past and the user's marks stay put */
  if (sp_schedule_get_end_day (schedule) == 0)
    return;
  later = a->start_day + (guint32) g_rand_int_range (rand, 0, (gint32) (sp_schedule_get_end_day (schedule) - a->start_day + 2));
  progress = random_progress (rand, schedule, later);
  input.progress = progress;
  input.today = later;
  replanned = sp_scheduler_run (&input);
  check_schedule (&input, replanned, FALSE);

  for (guint i = 0; i < progress->records->len; i++)
    {
      const SpBlockRecord *record = g_ptr_array_index (progress->records, i);
      const SpBlock *block = sp_schedule_lookup_block (replanned, record->id);

      g_assert_nonnull (block);
      g_assert_cmpuint (block->day, ==, record->day);
      g_assert_cmpuint (block->start, ==, record->start);
      g_assert_cmpuint (block->minutes, ==, record->minutes);
      g_assert_cmpint (block->status, ==, record->status);
    }
  for (guint i = 0; i < sp_schedule_get_n_blocks (replanned); i++)
    {
      const SpBlock *block = sp_schedule_get_block (replanned, i);

      if (block->day < later)
        g_assert_nonnull (sp_progress_lookup_record (progress, block->id));
    }

  /* Re-planning is deterministic too */
  g_clear_object (&again);
  again = sp_scheduler_run (&input);
  assert_same_schedule (replanned, again);
}

static void
test_random (void)
{
  guint32 base = g_test_rand_int ();

  for (guint i = 0; i < N_RANDOM_CASES; i++)
    {
      guint32 seed = base + i;

      if (g_test_verbose ())
        g_test_message ("seed %u", seed);
      run_random_case (seed);
    }
}

/* ------------------------------------------------------------------ */
/* Fixed cases */

static SpAvailability *
availability_with (guint        minutes_per_day,
                   guint        start,
                   const char  *start_date)
{
  SpAvailability *a = sp_availability_new ();

  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    sp_availability_set_day (a, d, minutes_per_day, start);
  a->start_day = sp_test_date (start_date);
  return a;
}

/* Each wall-clock minute of the block happens exactly once, found by
 * trying the offsets in force before and after. */
static guint
occurrences (GTimeZone *tz,
             guint32    day,
             guint      minute)
{
  GDate d;
  g_autoptr(GDateTime) local = NULL;
  gint64 wall;
  gint32 offsets[2];
  guint count = 0;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  local = g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d),
                               (gint) minute / 60, (gint) minute % 60, 0);
  wall = g_date_time_to_unix (local);
  offsets[0] = g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, wall - 86400));
  offsets[1] = g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, wall + 86400));
  for (guint i = 0; i < 2; i++)
    {
      gint64 t = wall - offsets[i];

      if (i == 1 && offsets[1] == offsets[0])
        break;
      if (g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t)) == offsets[i])
        count++;
    }
  return count;
}

static void
check_clock_change (const char *zone,
                    const char *change_day,
                    guint       start,
                    guint       hole_from,
                    guint       hole_to)
{
  g_autoptr(SpPlan) plan = sp_test_load_plan ("valid-minimal.json");
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);
  guint32 day = sp_test_date (change_day);
  g_autoptr(SpAvailability) a = availability_with (0, start, change_day);
  g_autoptr(SpSchedule) schedule = NULL;
  SpSchedulerInput input = { plan, "a", a, NULL, day, tz };
  guint first, n, used = 0, from, to;
  gboolean after_hole = FALSE;

  /* Sundays only, four hours across the change */
  sp_availability_set_day (a, 6, 240, start);
  a->start_day = day - 7;
  input.today = day - 7;

  g_assert_true (sp_scheduler_get_clock_change (tz, day, &from, &to));
  g_assert_cmpuint (from, ==, hole_from);
  g_assert_cmpuint (to, ==, hole_to);
  g_assert_false (sp_scheduler_get_clock_change (tz, day - 7, &from, &to));
  g_assert_false (sp_scheduler_get_clock_change (tz, day + 1, &from, &to));

  schedule = sp_scheduler_run (&input);
  check_schedule (&input, schedule, TRUE);

  n = sp_schedule_get_day_blocks (schedule, day, &first);
  g_assert_cmpuint (n, >, 0);
  for (guint i = first; i < first + n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);

      for (guint m = block->start; m < (guint) block->start + block->minutes; m++)
        g_assert_cmpuint (occurrences (tz, day, m), ==, 1);
      g_assert_true (block->start + block->minutes <= hole_from || block->start >= hole_to);
      after_hole |= block->start >= hole_to;
      used += block->minutes;
    }
  g_assert_true (after_hole);
  g_assert_cmpuint (used, <=, 240);

  /* The Sunday before has no change: the same hours are used straight through */
  n = sp_schedule_get_day_blocks (schedule, day - 7, &first);
  after_hole = FALSE;
  for (guint i = first; i < first + n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      after_hole |= block->start < hole_to && block->start + block->minutes > hole_from;
    }
  g_assert_true (after_hole);
}

static void
test_dst_bucharest (void)
{
  /* 30 March 2025: 03:00 → 04:00; 26 October 2025: 04:00 → 03:00 */
  check_clock_change ("Europe/Bucharest", "2025-03-30", 2 * 60, 3 * 60, 4 * 60);
  check_clock_change ("Europe/Bucharest", "2025-10-26", 2 * 60, 3 * 60, 4 * 60);
}

static void
test_dst_new_york (void)
{
  /* 9 March 2025: 02:00 → 03:00; 2 November 2025: 02:00 → 01:00 */
  check_clock_change ("America/New_York", "2025-03-09", 1 * 60, 2 * 60, 3 * 60);
  check_clock_change ("America/New_York", "2025-11-02", 0 * 60 + 30, 1 * 60, 2 * 60);
}

static void
test_leap_day (void)
{
  g_autoptr(SpPlan) plan = sp_test_load_plan ("valid-minimal.json");
  g_autoptr(SpAvailability) a = availability_with (0, 18 * 60, "2028-02-28");
  g_autoptr(SpSchedule) schedule = NULL;
  SpSchedulerInput input = { plan, "a", a, NULL, sp_test_date ("2028-02-01"), NULL };
  g_autofree char *text = NULL;
  guint first, n;

  /* 29 February 2028 is a Tuesday: only Tuesdays have hours */
  sp_availability_set_day (a, 1, 120, 18 * 60);
  g_assert_cmpuint (sp_day_get_weekday (sp_test_date ("2028-02-29")), ==, 1);
  schedule = sp_scheduler_run (&input);
  check_schedule (&input, schedule, TRUE);

  n = sp_schedule_get_day_blocks (schedule, sp_test_date ("2028-02-29"), &first);
  g_assert_cmpuint (n, ==, 3);  /* 50 + 50 + 20 */
  text = sp_format_date (sp_schedule_get_block (schedule, first)->day);
  g_assert_cmpstr (text, ==, "2028-02-29");
  g_assert_cmpuint (sp_schedule_get_day_blocks (schedule, sp_test_date ("2028-03-07"), NULL), ==, 3);
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    g_assert_cmpuint (sp_day_get_weekday (sp_schedule_get_block (schedule, i)->day), ==, 1);

  /* The weekday of every day agrees with GDate across years */
  for (guint32 day = sp_test_date ("1999-12-25"); day < sp_test_date ("2031-01-10"); day += 13)
    {
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, day);
      g_assert_cmpuint (sp_day_get_weekday (day), ==, g_date_get_weekday (&d) - 1);
    }
}

static void
test_year_end_days_off (void)
{
  g_autoptr(SpPlan) plan = sp_test_load_plan ("valid-minimal.json");
  g_autoptr(SpAvailability) a = availability_with (90, 9 * 60, "2025-12-20");
  g_autoptr(SpSchedule) schedule = NULL;
  SpSchedulerInput input = { plan, "b", a, NULL, sp_test_date ("2025-12-20"), NULL };

  sp_availability_add_days_off (a, sp_test_date ("2025-12-24"), sp_test_date ("2026-01-02"));
  schedule = sp_scheduler_run (&input);
  check_schedule (&input, schedule, TRUE);
  for (guint32 day = sp_test_date ("2025-12-24"); day <= sp_test_date ("2026-01-02"); day++)
    g_assert_cmpuint (sp_schedule_get_day_blocks (schedule, day, NULL), ==, 0);
  g_assert_cmpuint (sp_schedule_get_day_blocks (schedule, sp_test_date ("2025-12-23"), NULL), >, 0);
  g_assert_cmpuint (sp_schedule_get_day_blocks (schedule, sp_test_date ("2026-01-03"), NULL), >, 0);
}

static void
test_zero_hours (void)
{
  g_autoptr(SpPlan) plan = sp_test_load_plan ("valid-minimal.json");
  g_autoptr(SpAvailability) a = availability_with (0, 9 * 60, "2025-01-06");
  g_autoptr(SpSchedule) schedule = NULL;
  SpSchedulerInput input = { plan, "a", a, NULL, sp_test_date ("2025-01-06"), NULL };

  schedule = sp_scheduler_run (&input);
  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), ==, 0);
  g_assert_false (sp_schedule_has_hours (schedule));
  g_assert_cmpuint (sp_schedule_get_end_day (schedule), ==, 0);
  g_assert_cmpstr (sp_schedule_get_summary (schedule), ==,
                   "No study hours are set, so nothing can be planned. "
                   "Give at least one weekday some hours in Preferences.");
  for (guint l = 0; l < sp_schedule_get_n_levels (schedule); l++)
    {
      const SpLevelReport *report = sp_schedule_get_level_report (schedule, l);

      g_assert_cmpuint (report->start_day, ==, 0);
      g_assert_false (report->fits);
      g_assert_nonnull (strstr (report->advice, "Add study hours"));
    }

  /* Ten minutes a day is not a useful block either; and no hang with days off for ever */
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    sp_availability_set_day (a, d, 10, 9 * 60);
  g_clear_object (&schedule);
  schedule = sp_scheduler_run (&input);
  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), ==, 0);
  g_assert_false (sp_schedule_has_hours (schedule));

  sp_availability_set_day (a, 0, 60, 9 * 60);
  sp_availability_add_days_off (a, sp_test_date ("2025-01-01"), sp_test_date ("9999-12-31"));
  g_clear_object (&schedule);
  schedule = sp_scheduler_run (&input);
  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), ==, 0);
  /* Every day off from the start: said so, not "more than 100 years" */
  g_assert_true (g_str_has_prefix (sp_schedule_get_summary (schedule), "Every day from "));
  g_assert_nonnull (strstr (sp_schedule_get_summary (schedule), " on is a day off, so nothing can be planned."));

  /* Days off for a year only: planned after them */
  sp_availability_remove_days_off (a, 0);
  sp_availability_add_days_off (a, sp_test_date ("2025-01-01"), sp_test_date ("2026-01-01"));
  g_clear_object (&schedule);
  schedule = sp_scheduler_run (&input);
  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), >, 0);
  g_assert_cmpuint (sp_schedule_get_block (schedule, 0)->day, >, sp_test_date ("2026-01-01"));
  g_assert_nonnull (strstr (sp_schedule_get_summary (schedule), " h a week you finish the path on "));
}

static void
test_one_weekday (void)
{
  g_autoptr(SpPlan) plan = sp_test_load_plan ("valid-minimal.json");
  g_autoptr(SpAvailability) a = availability_with (0, 9 * 60, "2025-01-06");
  g_autoptr(SpSchedule) schedule = NULL;
  SpSchedulerInput input = { plan, "a", a, NULL, sp_test_date ("2025-01-06"), NULL };

  sp_availability_set_day (a, 5, 180, 9 * 60);
  schedule = sp_scheduler_run (&input);
  check_schedule (&input, schedule, TRUE);
  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), >, 0);
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);

      g_assert_cmpuint (sp_day_get_weekday (block->day), ==, 5);
      g_assert_cmpuint (block->start, >=, 9 * 60);
    }
  /* 50 + 10 + 50 + 10 + 50 + 10 + 30: the three hours of study end at 12:30 */
  g_assert_cmpuint (sp_schedule_get_block (schedule, 3)->start, ==, 12 * 60);
  g_assert_cmpuint (sp_schedule_get_block (schedule, 3)->minutes, ==, 30);
}

static void
test_one_topic (void)
{
  g_autoptr(SpPlan) plan = sp_test_plan_from_json (
      "{\"format\": 1, \"id\": \"one\", \"title\": \"One\", \"levels\": [{\"id\": \"l\", \"title\": \"L\", "
      "\"min_months\": 0, \"max_months\": 1, \"topics\": [{\"id\": \"only\", \"title\": \"Only\", \"hours\": 2, "
      "\"tasks\": {\"read\": \"r\"}}]}]}");
  g_autoptr(SpAvailability) a = availability_with (60, 7 * 60, "2025-06-02");
  g_autoptr(SpSchedule) schedule = NULL;
  SpSchedulerInput   input = { plan, NULL, a, NULL, sp_test_date ("2025-06-02"), NULL };
  static const char *expected[] = {
    "2025-06-02 07:00 50 only/learn/1", "2025-06-03 07:00 50 only/learn/2",
    "2025-06-04 07:00 20 only/learn/3", "2025-06-05 07:00 20 only/review/1",
    "2025-06-11 07:00 20 only/review/2", "2025-07-04 07:00 20 only/review/3",
  };
  const SpLevelReport *report;

  schedule = sp_scheduler_run (&input);
  check_schedule (&input, schedule, TRUE);
  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      g_autofree char *d = sp_format_date (block->day);
      g_autofree char *t = sp_format_time (block->start);
      g_autofree char *text = g_strdup_printf ("%s %s %u %s", d, t, block->minutes, block->id);

      g_assert_cmpstr (text, ==, expected[i]);
    }
  g_assert_true (sp_schedule_get_block (schedule, 0)->level_start);
  g_assert_cmpuint (sp_schedule_get_end_day (schedule), ==, sp_test_date ("2025-06-04"));
  g_assert_cmpuint (sp_schedule_get_last_day (schedule), ==, sp_test_date ("2025-07-04"));
  report = sp_schedule_get_level_report (schedule, 0);
  g_assert_true (report->fits);
  g_assert_cmpfloat_with_epsilon (report->hours, 3, 1e-9);
  g_assert_cmpstr (sp_schedule_get_summary (schedule), ==, "At 7 h a week you finish the path on 4 June 2025.");
}

/* "At 5 h a week, Fundamentals takes 8.5 months; 7.5 h a week would finish it in 6." */
static void
test_advice (void)
{
  g_autoptr(SpPlan) plan = sp_test_plan_from_json (
      "{\"format\": 1, \"id\": \"fit\", \"title\": \"Fit\", \"levels\": [{\"id\": \"fundamentals\", "
      "\"title\": \"Fundamentals\", \"min_months\": 3, \"max_months\": 6, \"topics\": ["
      "{\"id\": \"a\", \"title\": \"A\", \"hours\": 92.75, \"stream\": \"x\", \"tasks\": {\"read\": \"r\"}},"
      "{\"id\": \"b\", \"title\": \"B\", \"hours\": 92.75, \"stream\": \"y\", \"tasks\": {\"read\": \"r\"}}]}]}");
  g_autoptr(SpAvailability) a = availability_with (0, 9 * 60, "2025-01-06");
  g_autoptr(SpSchedule) schedule = NULL;
  SpSchedulerInput     input = { plan, NULL, a, NULL, sp_test_date ("2025-01-06"), NULL };
  const SpLevelReport *report;

  /* 5 h a week in blocks of an hour, no break */
  a->block_minutes = 60;
  a->break_minutes = 0;
  for (guint d = 0; d < 5; d++)
    sp_availability_set_day (a, d, 60, 9 * 60);
  schedule = sp_scheduler_run (&input);
  check_schedule (&input, schedule, TRUE);
  report = sp_schedule_get_level_report (schedule, 0);
  g_assert_false (report->fits);
  g_assert_cmpfloat (report->months, >, 8);
  g_assert_cmpfloat (report->months, <, 9);
  g_assert_cmpint (report->max_months, ==, 6);
  g_assert_cmpuint (report->min_months, ==, 3);
  /* The hours that would do are searched for where the advice is shown */
  g_assert_cmpstr (report->advice, ==, "At 5 h a week, Fundamentals takes 8.5 months; "
                                       "more hours a week would finish it in 6 months.");
  sp_goals_advise_levels (&input, schedule);
  g_assert_cmpstr (report->advice, ==, "At 5 h a week, Fundamentals takes 8.5 months; "
                                       "7.5 h a week would finish it in 6 months.");

  /* At the hours advised it does fit */
  for (guint d = 0; d < 5; d++)
    sp_availability_set_day (a, d, 90, 9 * 60);
  g_clear_object (&schedule);
  schedule = sp_scheduler_run (&input);
  report = sp_schedule_get_level_report (schedule, 0);
  g_assert_true (report->fits);
  g_assert_cmpfloat (report->months, <=, 6);
  g_assert_nonnull (strstr (report->advice, "within its 3 to 6 months"));
}

/* A plan of each size walks through its work and ends: 10x topics, many levels of prerequisites */
static void
test_large (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(SpPlan) plan = sp_test_random_plan (rand, 10);
  g_autoptr(SpAvailability) a = sp_test_random_availability (rand, sp_test_date ("2025-01-01"));
  g_autoptr(SpSchedule) schedule = NULL;
  SpSchedulerInput input = { plan, sp_plan_get_default_track (plan), a, NULL, sp_test_date ("2025-01-01"), NULL };

  schedule = sp_scheduler_run (&input);
  check_schedule (&input, schedule, TRUE);
}

static void
test_bundled (void)
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  g_autoptr(SpAvailability) a = availability_with (0, 0, "2025-09-01");
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  const char *tracks[] = { NULL, "dl", "nlp", "cv", "rl" };

  /* Ten hours a week: weekday evenings and weekend mornings */
  sp_availability_free (g_steal_pointer (&a));
  a = sp_availability_new ();
  a->start_day = sp_test_date ("2025-09-01");
  g_assert_cmpuint (sp_availability_get_weekly_minutes (a), ==, 600);

  for (guint t = 0; t < G_N_ELEMENTS (tracks); t++)
    {
      g_autoptr(SpSchedule) schedule = NULL;
      const char *track = tracks[t] ? tracks[t] : sp_plan_get_default_track (plan);
      SpSchedulerInput input = { plan, track, a, NULL, sp_test_date ("2025-09-01"), tz };

      if (tracks[t] != NULL && sp_plan_lookup_track (plan, tracks[t]) == NULL)
        continue;
      schedule = sp_scheduler_run (&input);
      check_schedule (&input, schedule, TRUE);
      g_assert_cmpuint (sp_schedule_get_end_day (schedule), >, sp_test_date ("2025-09-01"));
    }
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  guint16 minutes[SP_N_WEEKDAYS];
  guint value;
  guint32 day;
  static const struct {
    const char *text;
    const char *message;
  } bad_hours[] = {
    { "", "no hours given" },
    { "Mon", "“Mon” is not DAY=HOURS" },
    { "Mon=2,Foo=1", "“Foo” is not a weekday" },
    { "Mon=2,mon=1", "Mon is given more than once" },
    { "Mon=x", "Mon: “x” is not a number of hours" },
    { "Mon=-1", "Mon: “-1” is not a number of hours" },
    { "Mon=1e2", "Mon: “1e2” is not a number of hours" },
    { "Mon=inf", "Mon: “inf” is not a number of hours" },
    { "Mon=25", "Mon: 25 hours is not from 0 to 24" },
    { "Mon=1..5", "Mon: “1..5” is not a number of hours" },
  };

  g_assert_true (sp_parse_hours ("Mon=2,Tue=1.5,Wed=0, sun = 0.75", minutes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (minutes[0], ==, 120);
  g_assert_cmpuint (minutes[1], ==, 90);
  g_assert_cmpuint (minutes[2], ==, 0);
  g_assert_cmpuint (minutes[3], ==, 0);
  g_assert_cmpuint (minutes[6], ==, 45);
  g_assert_true (sp_parse_hours ("Fri=0.33", minutes, NULL));
  g_assert_cmpuint (minutes[4], ==, 20);

  for (guint i = 0; i < G_N_ELEMENTS (bad_hours); i++)
    {
      g_assert_false (sp_parse_hours (bad_hours[i].text, minutes, &error));
      g_assert_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_HOURS);
      if (strstr (error->message, bad_hours[i].message) == NULL)
        g_error ("“%s”: “%s” does not say “%s”", bad_hours[i].text, error->message, bad_hours[i].message);
      g_clear_error (&error);
    }

  g_assert_true (sp_parse_date ("2028-02-29", &day, NULL));
  g_assert_false (sp_parse_date ("2027-02-29", &day, &error));
  g_assert_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_DATE);
  g_clear_error (&error);
  g_assert_false (sp_parse_date ("2027-2-28", &day, NULL));
  g_assert_false (sp_parse_date ("0000-01-01", &day, NULL));
  g_assert_false (sp_parse_date ("2027-01-01x", &day, NULL));
  g_assert_true (sp_parse_time ("23:59", &value, NULL));
  g_assert_cmpuint (value, ==, 23 * 60 + 59);
  g_assert_false (sp_parse_time ("24:00", &value, NULL));
  g_assert_true (sp_parse_minutes ("50", 15, 240, &value, NULL));
  g_assert_false (sp_parse_minutes ("5", 15, 240, &value, NULL));
  g_assert_false (sp_parse_minutes ("50m", 15, 240, &value, NULL));
  g_assert_false (sp_parse_minutes ("99999999999999999999", 15, 240, &value, NULL));
  g_assert_false (sp_parse_minutes ("", 0, 240, &value, NULL));
}

/* As the state file reads it: from the text json-glib writes */
static SpAvailability *
availability_from_text (const char *text,
                        GError    **error)
{
  g_autoptr(SpJsonDoc) doc = sp_json_doc_parse (text, strlen (text), SP_JSON_MAX_DEPTH, NULL, NULL, error);

  g_assert_nonnull (doc);
  return sp_availability_new_from_doc (doc, sp_json_doc_root (doc), "$.availability", error);
}

static SpAvailability *
availability_from_node (JsonNode *node,
                        GError  **error)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return availability_from_text (text, error);
}

static void
test_availability_json (void)
{
  g_autoptr(SpAvailability) a = sp_availability_new ();
  g_autoptr(SpAvailability) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  a->start_day = sp_test_date ("2025-01-06");
  sp_availability_add_days_off (a, sp_test_date ("2025-04-10"), sp_test_date ("2025-04-20"));
  sp_availability_add_days_off (a, sp_test_date ("2025-04-21"), sp_test_date ("2025-04-22")); /* touches: merged */
  sp_availability_add_days_off (a, sp_test_date ("2025-01-01"), sp_test_date ("2025-01-01"));
  g_assert_cmpuint (sp_availability_get_n_days_off (a), ==, 2);
  g_assert_cmpuint (sp_availability_get_days_off (a, 1)->last, ==, sp_test_date ("2025-04-22"));
  g_assert_true (sp_availability_is_day_off (a, sp_test_date ("2025-04-15")));
  g_assert_false (sp_availability_is_day_off (a, sp_test_date ("2025-04-23")));
  g_assert_cmpuint (sp_availability_get_day_minutes (a, sp_test_date ("2025-04-15")), ==, 0);

  node = sp_availability_to_json (a);
  back = availability_from_node (node, &error);
  g_assert_no_error (error);
  g_assert_true (sp_availability_equal (a, back));

  json_object_set_int_member (json_array_get_object_element (json_object_get_array_member (json_node_get_object (node), "days"), 2),
                              "minutes", 2000);
  g_assert_null (availability_from_node (node, &error));
  g_assert_error (error, SP_AVAILABILITY_ERROR, SP_AVAILABILITY_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "$.availability.days[2].minutes"));
  g_clear_error (&error);

  g_assert_null (availability_from_text ("{\"days\": []}", &error));
  g_assert_nonnull (strstr (error->message, "$.availability.days"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scheduler/random", test_random);
  g_test_add_func ("/scheduler/dst-bucharest", test_dst_bucharest);
  g_test_add_func ("/scheduler/dst-new-york", test_dst_new_york);
  g_test_add_func ("/scheduler/leap-day", test_leap_day);
  g_test_add_func ("/scheduler/year-end-days-off", test_year_end_days_off);
  g_test_add_func ("/scheduler/zero-hours", test_zero_hours);
  g_test_add_func ("/scheduler/one-weekday", test_one_weekday);
  g_test_add_func ("/scheduler/one-topic", test_one_topic);
  g_test_add_func ("/scheduler/advice", test_advice);
  g_test_add_func ("/scheduler/large", test_large);
  g_test_add_func ("/scheduler/bundled", test_bundled);
  g_test_add_func ("/scheduler/parse", test_parse);
  g_test_add_func ("/scheduler/availability-json", test_availability_json);

  return g_test_run ();
}
