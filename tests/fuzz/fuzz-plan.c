/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-fuzz.h"
#include "sp-plan.h"

/* The plan loader gets files people write by hand. Beyond not crashing,
 * a plan it accepts must keep the promises the scheduler and the views
 * rely on, and a plan it refuses must say where and why. */

static void
check_topic (SpPlan        *plan,
             const SpTopic *topic,
             guint          index)
{
  g_assert_cmpuint (topic->index, ==, index);
  g_assert_nonnull (topic->id);
  g_assert_true (sp_plan_lookup_topic (plan, topic->id) == topic);
  sp_fuzz_check_text (sp_topic_get_title (topic));
  g_assert_cmpfloat (topic->hours, >, 0);
  g_assert_cmpfloat (topic->hours, <=, 2000);
  g_assert_cmpuint (topic->level, <, sp_plan_get_n_levels (plan));
  g_assert_nonnull (topic->prerequisites);
  g_assert_nonnull (topic->keywords);
  if (topic->track != NULL)
    g_assert_nonnull (sp_plan_lookup_track (plan, topic->track));

  for (guint p = 0; topic->prerequisites[p] != NULL; p++)
    {
      const SpTopic *prereq = sp_plan_lookup_topic (plan, topic->prerequisites[p]);

      g_assert_nonnull (prereq);
      g_assert_true (prereq != topic);
      g_assert_cmpuint (prereq->level, <=, topic->level);
      /* A cycle would have been refused, so a prerequisite comes first in some order */
    }
}

static void
check_plan (SpPlan *plan)
{
  GPtrArray *topics = sp_plan_get_topics (plan);
  double total = 0;

  g_assert_nonnull (sp_plan_get_id (plan));
  sp_fuzz_check_text (sp_plan_get_title (plan));
  g_assert_cmpuint (sp_plan_get_n_levels (plan), >, 0);
  g_assert_cmpuint (topics->len, >, 0);

  for (guint i = 0; i < topics->len; i++)
    check_topic (plan, g_ptr_array_index (topics, i), i);

  for (guint l = 0; l < sp_plan_get_n_levels (plan); l++)
    {
      const SpLevel *level = sp_plan_get_level (plan, l);

      g_assert_cmpuint (level->number, ==, l + 1);
      g_assert_true (sp_plan_lookup_level (plan, level->id) == level);
      sp_fuzz_check_text (sp_text_get (level->title));
      g_assert_true (level->max_months < 0 || (guint) level->max_months >= level->min_months);

      for (guint t = 0; t < level->tracks->len; t++)
        {
          const SpTrack *track = g_ptr_array_index (level->tracks, t);
          g_autoptr(GPtrArray) active = sp_plan_dup_active_topics (plan, track->id);

          g_assert_true (sp_plan_lookup_track (plan, track->id) == track);
          g_assert_cmpuint (track->level, ==, l);
          g_assert_cmpuint (active->len, <=, topics->len);
          total += sp_plan_get_level_hours (plan, l, track->id);
        }
      total += sp_plan_get_level_hours (plan, l, NULL);
    }

  g_assert_true (total >= 0);
  g_assert_cmpfloat (sp_plan_get_total_hours (plan), >, 0);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = NULL;

  plan = sp_plan_new_from_bytes (bytes, "fuzz.json", &problems, &error);
  g_assert_nonnull (problems);

  if (plan == NULL)
    {
      sp_fuzz_check_error (error);
      g_assert_cmpuint (problems->len, >, 0);
      for (guint i = 0; i < problems->len; i++)
        {
          SpPlanProblem *problem = g_ptr_array_index (problems, i);

          sp_fuzz_check_text (problem->path);
          sp_fuzz_check_text (problem->message);
        }
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  check_plan (plan);
  return 0;
}
