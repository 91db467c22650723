/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <malloc.h>
#include <string.h>
#include <time.h>

#include "sp-planner.h"
#include "sp-scheduler.h"
#include "sp-state.h"

/* How long the scheduler takes for the bundled path at 10 hours a week,
 * and for synthetic paths 10 and 100 times as large (the bundled path's
 * topics copied, prerequisites kept inside each copy), and how long a
 * re-plan after marking one block done takes. Prints nanoseconds and heap
 * bytes per block, so growth with the number of blocks shows at a glance.
 *
 * Run: meson test -C build --benchmark scheduler --verbose */

#define MIN_TIME_US  (300 * 1000)
#define MIN_RUNS     5

static const char *copied_arrays[] = { "topics", "skills", "milestones", "interview", NULL };

static void scale_node (JsonNode *node, guint copies);

static JsonNode *
copy_topic (JsonNode *topic,
            guint     k)
{
  g_autofree char *text = json_to_string (topic, FALSE);
  JsonNode *copy = json_from_string (text, NULL);  /* deep: json_node_copy shares the object */
  JsonObject *object = json_node_get_object (copy);
  g_autofree char *id = NULL;

  if (k == 0)
    return copy;

  id = g_strdup_printf ("%s-%u", json_object_get_string_member (object, "id"), k);
  json_object_set_string_member (object, "id", id);
  if (json_object_has_member (object, "prerequisites"))
    {
      JsonArray *prereqs = json_object_get_array_member (object, "prerequisites");
      JsonArray *renamed = json_array_new ();

      for (guint i = 0; i < json_array_get_length (prereqs); i++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%u", json_array_get_string_element (prereqs, i), k);
          json_array_add_string_element (renamed, name);
        }
      json_object_set_array_member (object, "prerequisites", renamed);
    }
  return copy;
}

static void
scale_object (JsonObject *object,
              guint       copies)
{
  for (guint a = 0; copied_arrays[a] != NULL; a++)
    {
      JsonArray *array, *scaled;

      if (!json_object_has_member (object, copied_arrays[a]))
        continue;
      array = json_object_get_array_member (object, copied_arrays[a]);
      scaled = json_array_new ();
      for (guint k = 0; k < copies; k++)
        for (guint i = 0; i < json_array_get_length (array); i++)
          json_array_add_element (scaled, copy_topic (json_array_get_element (array, i), k));
      json_object_set_array_member (object, copied_arrays[a], scaled);
    }

  if (json_object_has_member (object, "levels"))
    scale_node (json_object_get_member (object, "levels"), copies);
  if (json_object_has_member (object, "tracks"))
    scale_node (json_object_get_member (object, "tracks"), copies);
}

static void
scale_node (JsonNode *node,
            guint     copies)
{
  JsonArray *array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    scale_object (json_array_get_object_element (array, i), copies);
}

static SpPlan *
scaled_plan (guint copies)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/studyplanner/StudyPlanner/plans/ml-career.json",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) scaled = NULL;
  g_autoptr(GError) error = NULL;
  char *data;
  gsize length;
  SpPlan *plan;

  if (copies == 1)
    return sp_plan_new_bundled ();

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  scale_object (json_node_get_object (json_parser_get_root (parser)), copies);
  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &length);
  scaled = g_bytes_new_take (data, length);
  plan = sp_plan_new_from_bytes (scaled, "scaled.json", NULL, &error);
  g_assert_no_error (error);
  return plan;
}

static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();
  return info.uordblks + info.hblkhd;
}

typedef struct
{
  double mean_us;
  double best_us;
  guint  runs;
} Timing;

static void
report (const char   *what,
        const Timing *timing,
        guint         n_blocks,
        gsize         bytes)
{
  /* The best run is the one least disturbed by the rest of the machine */
  g_print ("%-34s %7u blocks  mean %8.3f ms  best %8.3f ms  %5.0f ns/block (best %5.0f)",
           what, n_blocks, timing->mean_us / 1000, timing->best_us / 1000,
           timing->mean_us * 1000 / MAX (n_blocks, 1), timing->best_us * 1000 / MAX (n_blocks, 1));
  if (bytes > 0)
    g_print ("  %5.0f bytes/block", (double) bytes / MAX (n_blocks, 1));
  g_print ("  (%u runs)\n", timing->runs);
}

/* 10 hours a week is an hour on weekday evenings and two and a half on
 * weekend mornings; more is spread evenly over the seven days. */
static SpAvailability *
availability_for (guint weekly_hours)
{
  SpAvailability *availability = sp_availability_new ();

  if (weekly_hours != 10)
    for (guint d = 0; d < SP_N_WEEKDAYS; d++)
      sp_availability_set_day (availability, d, weekly_hours * 60 / SP_N_WEEKDAYS, 8 * 60);
  return availability;
}

static void
bench_generate (const char *name,
                SpPlan     *plan,
                guint       weekly_hours,
                GTimeZone  *tz)
{
  g_autoptr(SpAvailability) availability = availability_for (weekly_hours);
  guint32 today;
  SpSchedulerInput input = { 0, };
  Timing timing = { 0, G_MAXDOUBLE, 0 };
  gint64 total = 0;
  guint n_blocks = 0;
  gsize before, after;
  SpSchedule *kept;

  g_assert_cmpuint (sp_availability_get_weekly_minutes (availability), ==, weekly_hours * 60);
  sp_parse_date ("2025-09-01", &today, NULL);
  availability->start_day = today;
  input.plan = plan;
  input.track = sp_plan_get_default_track (plan);
  input.availability = availability;
  input.today = today;
  input.timezone = tz;

  while (total < MIN_TIME_US || timing.runs < MIN_RUNS)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(SpSchedule) schedule = sp_scheduler_run (&input);
      gint64 elapsed = g_get_monotonic_time () - start;

      n_blocks = sp_schedule_get_n_blocks (schedule);
      total += elapsed;
      timing.runs++;
      timing.best_us = MIN (timing.best_us, (double) elapsed);
    }
  timing.mean_us = (double) total / timing.runs;

  /* What a schedule keeps on the heap, per block */
  malloc_trim (0);
  before = heap_in_use ();
  kept = sp_scheduler_run (&input);
  after = heap_in_use ();
  report (name, &timing, n_blocks, after > before ? after - before : 0);
  g_object_unref (kept);
}

static void
bench_replan (const char *name,
              SpPlan     *plan,
              guint       weekly_hours,
              GTimeZone  *tz)
{
  g_autoptr(SpPlanner) planner = sp_planner_new (plan);
  g_autoptr(SpAvailability) availability = availability_for (weekly_hours);
  Timing timing = { 0, G_MAXDOUBLE, 0 };
  gint64 total = 0;
  guint32 today;

  sp_parse_date ("2025-09-01", &today, NULL);
  availability->start_day = today;
  sp_planner_set_timezone (planner, tz);
  sp_planner_set_today (planner, today);
  sp_planner_set_availability (planner, availability);

  /* No state file: this times the re-plan, not the disk */
  while (total < MIN_TIME_US || timing.runs < MIN_RUNS)
    {
      g_autofree char *id = g_strdup (sp_schedule_get_block (sp_planner_get_schedule (planner), 0)->id);
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      if (!sp_planner_mark_block (planner, id, SP_BLOCK_STATUS_DONE, 0, &error))
        g_error ("%s", error->message);
      elapsed = g_get_monotonic_time () - start;
      total += elapsed;
      timing.runs++;
      timing.best_us = MIN (timing.best_us, (double) elapsed);
      sp_planner_undo (planner);
    }
  timing.mean_us = (double) total / timing.runs;
  report (name, &timing, sp_schedule_get_n_blocks (sp_planner_get_schedule (planner)), 0);
}

/* A state file with @n_records block records of past days (years of
 * history: done, skipped and missed blocks of the bundled path's topics),
 * read and planned from as an export does. Reports the time per record:
 * flat across the sizes when reading and planning grow linearly. */
static void
bench_history (SpPlan    *plan,
               guint      n_records,
               GTimeZone *tz)
{
  g_autoptr(SpState) state = sp_state_new ();
  SpProgress       *progress = sp_state_get_progress (state, sp_plan_get_id (plan));
  GPtrArray        *topics = sp_plan_get_topics (plan);
  g_autofree guint *seqs = g_new0 (guint, topics->len);
  g_autoptr(GBytes) bytes = NULL;
  Timing           timing = { 0, G_MAXDOUBLE, 0 };
  gint64           total = 0, read_total = 0;
  clock_t          cpu_start;
  guint32          today;
  char            *data;
  gsize            length;
  guint            n_blocks = 0;
  guint            per_day, spacing;
  g_autofree char *name = NULL;

  sp_parse_date ("2025-09-01", &today, NULL);
  progress->planned_today = today;
  /* Four blocks an evening, more a day where the history would otherwise
   * reach back before 1970, the first day a state file may hold: a
   * million records fit in 19,000 days at 53 a day, 15 minutes apart */
  per_day = MAX (4, (n_records + 18999) / 19000);
  spacing = MIN (60, 16 * 60 / per_day);
  for (guint i = 0; i < n_records; i++)
    {
      guint            t = i % topics->len;
      const SpTopic   *topic = g_ptr_array_index (topics, t);
      g_autofree char *id = g_strdup_printf ("%s/learn/%u", topic->id, ++seqs[t]);
      SpBlockRecord   *record = sp_block_record_new (id, topic->id, SP_BLOCK_KIND_LEARN,
                                                     today - 1 - i / per_day, 8 * 60 + (i % per_day) * spacing,
                                                     MIN (50, spacing));

      /* Mostly missed, some skipped, a few done: the path stays to plan */
      record->status = i % 10 == 0 ? SP_BLOCK_STATUS_SKIPPED : SP_BLOCK_STATUS_PLANNED;
      sp_progress_set_record (progress, record);
    }
  data = sp_state_to_data (state, &length);
  bytes = g_bytes_new_take (data, length);

  cpu_start = clock ();
  while (total < MIN_TIME_US || timing.runs < 2)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GError) error = NULL;
      g_autoptr(SpState) read = sp_state_new_from_bytes (bytes, "state.json", &error);
      SpSchedulerInput input = {
        0,
      };
      g_autoptr(SpSchedule) schedule = NULL;
      gint64 elapsed;

      read_total += g_get_monotonic_time () - start;
      g_assert_no_error (error);
      input.plan = plan;
      input.track = sp_plan_get_default_track (plan);
      input.availability = sp_state_get_availability (read);
      input.progress = sp_state_get_progress (read, sp_plan_get_id (plan));
      input.today = today;
      input.timezone = tz;
      schedule = sp_scheduler_run (&input);
      elapsed = g_get_monotonic_time () - start;
      n_blocks = sp_schedule_get_n_blocks (schedule);
      total += elapsed;
      timing.runs++;
      timing.best_us = MIN (timing.best_us, (double) elapsed);
    }
  timing.mean_us = (double) total / timing.runs;
  /* Processor time too: on a busy machine the wall clock says little */
  g_print ("# %u records: %.0f ms of processor time a run\n", n_records,
           (double) (clock () - cpu_start) * 1000 / CLOCKS_PER_SEC / timing.runs);
  name = g_strdup_printf ("read and plan: %u records", n_records);
  g_print ("%-34s %7u blocks  mean %8.3f ms  best %8.3f ms  %6.0f ns/record (best %6.0f, reading %.0f%%)  (%u runs)\n",
           name, n_blocks, timing.mean_us / 1000, timing.best_us / 1000,
           timing.mean_us * 1000 / n_records, timing.best_us * 1000 / n_records,
           100.0 * read_total / MAX (total, 1), timing.runs);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  /* The 100x path would take 400 years at 10 h a week: past the
   * scheduler's 100-year limit, so it gets 98 h (14 a day) */
  static const struct {
    guint       copies;
    guint       weekly_hours;
    const char *generate;
    const char *replan;
  } sizes[] = {
    { 1, 10, "generate: bundled path, 10 h/week", "re-plan after one done: bundled" },
    { 10, 10, "generate: 10x path, 10 h/week", "re-plan after one done: 10x" },
    { 10, 98, "generate: 10x path, 98 h/week", "re-plan after one done: 10x" },
    { 100, 98, "generate: 100x path, 98 h/week", "re-plan after one done: 100x" },
  };

  /* "history" runs only the state file's part */
  gboolean history_only = argc > 1 && g_str_equal (argv[1], "history");

  for (guint i = 0; i < G_N_ELEMENTS (sizes) && !history_only; i++)
    {
      g_autoptr(SpPlan) plan = scaled_plan (sizes[i].copies);

      g_print ("# %u topics, %.0f hours\n", sp_plan_get_topics (plan)->len, sp_plan_get_total_hours (plan));
      bench_generate (sizes[i].generate, plan, sizes[i].weekly_hours, tz);
      bench_replan (sizes[i].replan, plan, sizes[i].weekly_hours, tz);
    }

  /* Years of history in the state file: the time per record stays flat */
  {
    g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
    static const guint n_records[] = { 10000, 100000, 1000000 };

    g_print ("# a state file's history\n");
    for (guint i = 0; i < G_N_ELEMENTS (n_records); i++)
      bench_history (plan, n_records[i], tz);
  }
  return 0;
}
