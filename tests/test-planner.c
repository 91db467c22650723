/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "sp-planner.h"
#include "sp-scheduler.h"
#include "sp-test-core.h"
#include "sp-test-files.h"

/* The planner is the one owner of state: edits go through it, are saved
 * atomically in the state file, and survive a restart. */

typedef struct
{
  char      *dir;
  char      *path;
  SpPlan    *plan;
  SpPlanner *planner;
  guint      changed;
} Fixture;

static void
changed_cb (SpPlanner *planner,
            Fixture   *fixture)
{
  fixture->changed++;
}

static SpPlanner *
new_planner_at (Fixture *fixture,
                guint32  today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  SpPlanner *planner = sp_planner_new (fixture->plan);

  sp_planner_set_timezone (planner, tz);
  sp_planner_set_today (planner, today);
  g_assert_true (sp_planner_load_state (planner, fixture->path, &error));
  g_assert_no_error (error);
  return planner;
}

static SpPlanner *
new_planner (Fixture *fixture)
{
  return new_planner_at (fixture, sp_test_date ("2025-03-03"));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sp_test_make_tmp_dir ("sp-planner-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "study-planner", "state.json", NULL);
  fixture->plan = sp_test_load_plan ("valid-minimal.json");
  fixture->planner = new_planner (fixture);
  g_signal_connect (fixture->planner, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->planner);
  g_clear_object (&fixture->plan);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static const SpBlock *
first_block_of (SpSchedule *schedule,
                const char *topic,
                SpBlockKind kind)
{
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      if (g_str_equal (block->topic->id, topic) && block->kind == kind)
        return block;
    }
  return NULL;
}

static void
test_schedule (Fixture       *fixture,
               gconstpointer  data)
{
  SpSchedule *schedule = sp_planner_get_schedule (fixture->planner);
  const SpBlock *block;

  g_assert_nonnull (schedule);
  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), >, 10);
  g_assert_cmpuint (sp_schedule_get_first_day (schedule), ==, sp_test_date ("2025-03-03"));
  block = sp_schedule_get_block (schedule, 0);
  g_assert_cmpstr (block->id, ==, "python/learn/1");
  g_assert_cmpuint (block->start, ==, 19 * 60);
  g_assert_true (sp_schedule_lookup_block (schedule, "python/learn/1") == block);
  g_assert_null (sp_schedule_lookup_block (schedule, "python/learn/999"));

  /* A fresh state starts the path today and is saved at once */
  g_assert_cmpuint (sp_planner_get_availability (fixture->planner)->start_day, ==, sp_test_date ("2025-03-03"));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (sp_planner_can_undo (fixture->planner));
  g_assert_null (sp_planner_get_state_warning (fixture->planner));
}

static void
test_mark_saved (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlanner) again = NULL;
  const SpBlock *block;
  SpSchedule *schedule;

  g_assert_true (sp_planner_mark_block (fixture->planner, "python/learn/1", SP_BLOCK_STATUS_DONE, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_true (sp_planner_can_undo (fixture->planner));

  g_assert_true (sp_planner_mark_block (fixture->planner, "git/practice/1", SP_BLOCK_STATUS_PARTIAL, 20, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 2);
  g_assert_cmpfloat (sp_planner_get_level_progress (fixture->planner, 0), >, 0);

  /* Bad marks change nothing */
  g_assert_false (sp_planner_mark_block (fixture->planner, "nothing/learn/1", SP_BLOCK_STATUS_DONE, 0, &error));
  g_assert_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_NO_BLOCK);
  g_clear_error (&error);
  g_assert_false (sp_planner_mark_block (fixture->planner, "python/learn/2", SP_BLOCK_STATUS_PARTIAL, 50, &error));
  g_assert_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (fixture->changed, ==, 2);

  /* A restart reads the marks back */
  again = new_planner (fixture);
  schedule = sp_planner_get_schedule (again);
  block = sp_schedule_lookup_block (schedule, "python/learn/1");
  g_assert_nonnull (block);
  g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_DONE);
  block = sp_schedule_lookup_block (schedule, "git/practice/1");
  g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_PARTIAL);
  g_assert_cmpuint (block->done_minutes, ==, 20);
  g_assert_cmpfloat_with_epsilon (sp_planner_get_level_progress (again, 0),
                                  sp_planner_get_level_progress (fixture->planner, 0), 1e-9);
}

static void
test_move_and_undo (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SpSchedule *schedule = sp_planner_get_schedule (fixture->planner);
  g_autofree char *id = g_strdup (sp_schedule_get_block (schedule, 3)->id);
  guint n_before = sp_schedule_get_n_blocks (schedule);
  const SpBlock *block;

  g_assert_true (sp_planner_move_block (fixture->planner, id, sp_test_date ("2025-03-10"), 8 * 60, &error));
  g_assert_no_error (error);
  schedule = sp_planner_get_schedule (fixture->planner);
  block = sp_schedule_lookup_block (schedule, id);
  g_assert_nonnull (block);
  g_assert_cmpuint (block->day, ==, sp_test_date ("2025-03-10"));
  g_assert_cmpuint (block->start, ==, 8 * 60);
  g_assert_true (block->pinned);

  /* Not into the past, not over another pinned block, not past midnight */
  g_assert_false (sp_planner_move_block (fixture->planner, id, sp_test_date ("2025-03-02"), 8 * 60, &error));
  g_assert_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_PAST);
  g_clear_error (&error);
  g_assert_false (sp_planner_move_block (fixture->planner, "python/learn/1", sp_test_date ("2025-03-10"), 8 * 60 + 20, &error));
  g_assert_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_OVERLAP);
  g_clear_error (&error);
  g_assert_false (sp_planner_move_block (fixture->planner, "python/learn/1", sp_test_date ("2025-03-10"), 23 * 60 + 30, &error));
  g_assert_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sp_planner_set_block_note (fixture->planner, id, "Chapter 3 — with “quotes”", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_schedule_lookup_block (sp_planner_get_schedule (fixture->planner), id)->note, ==,
                   "Chapter 3 — with “quotes”");

  /* Undo takes back the note, then the move */
  g_assert_true (sp_planner_undo (fixture->planner));
  g_assert_null (sp_schedule_lookup_block (sp_planner_get_schedule (fixture->planner), id)->note);
  g_assert_true (sp_planner_undo (fixture->planner));
  block = sp_schedule_lookup_block (sp_planner_get_schedule (fixture->planner), id);
  g_assert_nonnull (block);
  g_assert_false (block->pinned);
  g_assert_cmpuint (block->day, !=, sp_test_date ("2025-03-10"));
  g_assert_cmpuint (sp_schedule_get_n_blocks (sp_planner_get_schedule (fixture->planner)), ==, n_before);
  g_assert_false (sp_planner_can_undo (fixture->planner));
  g_assert_false (sp_planner_undo (fixture->planner));
}

/* Days go by: what was planned stays in the past as it was; the work
 * moves forward, and done blocks are never rewritten. */
static void
test_days_go_by (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) past = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SpPlanner) again = NULL;
  SpSchedule *schedule = sp_planner_get_schedule (fixture->planner);
  guint32     later = sp_test_date ("2025-03-08");
  guint moved = 0;

  g_assert_true (sp_planner_mark_block (fixture->planner, "python/learn/1", SP_BLOCK_STATUS_DONE, 0, &error));
  schedule = sp_planner_get_schedule (fixture->planner);
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      if (block->day < later)
        g_ptr_array_add (past, g_strdup_printf ("%s %u %u %u %d", block->id, block->day, block->start,
                                                block->minutes, block->status));
    }
  g_assert_cmpuint (past->len, >, 3);

  sp_planner_set_today (fixture->planner, later);
  again = new_planner_at (fixture, later);
  schedule = sp_planner_get_schedule (again);
  for (guint i = 0; i < past->len; i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      g_autofree char *text = g_strdup_printf ("%s %u %u %u %d", block->id, block->day, block->start,
                                               block->minutes, block->status);
      g_assert_cmpstr (text, ==, g_ptr_array_index (past, i));
    }
  for (guint i = past->len; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);
      g_assert_cmpuint (block->day, >=, later);
      moved += block->moved;
    }
  /* The missed work comes back, flagged as moved */
  g_assert_cmpuint (moved, >, 0);
  g_assert_nonnull (first_block_of (schedule, "python", SP_BLOCK_KIND_LEARN));

  /* Marking a missed block done afterwards still counts */
  g_assert_true (sp_planner_mark_block (again, "python/learn/2", SP_BLOCK_STATUS_DONE, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sp_schedule_lookup_block (sp_planner_get_schedule (again), "python/learn/2")->status, ==,
                   SP_BLOCK_STATUS_DONE);
  g_assert_false (sp_planner_move_block (again, "python/learn/2", later, 8 * 60, &error));
  g_assert_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_PAST);
}

static void
write_state (Fixture    *fixture,
             const char *contents)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (fixture->path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
find_aside (Fixture    *fixture,
            const char *what)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *prefix = g_strdup_printf ("state.json.%s-", what);
  GDir *handle = g_dir_open (dir, 0, NULL);
  const char *name;
  char *found = NULL;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, prefix))
      found = g_build_filename (dir, name, NULL);
  g_dir_close (handle);
  return found;
}

static void
check_kept_aside (Fixture    *fixture,
                  const char *contents,
                  const char *what,
                  const char *message)
{
  g_autoptr(SpPlanner) planner = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *warning = NULL;

  write_state (fixture, contents);
  planner = new_planner (fixture);

  /* Kept byte for byte under a new name, and the user is told where */
  aside = find_aside (fixture, what);
  g_assert_nonnull (aside);
  g_assert_true (g_file_get_contents (aside, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, contents);
  warning = sp_planner_take_state_warning (planner);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, aside));
  g_assert_nonnull (strstr (warning, message));
  g_assert_null (sp_planner_take_state_warning (planner));

  /* A clean start, saved fresh */
  g_assert_cmpuint (sp_schedule_get_n_blocks (sp_planner_get_schedule (planner)), >, 0);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
}

static void
test_corrupt_state (Fixture       *fixture,
                    gconstpointer  data)
{
  check_kept_aside (fixture, "{\"version\": 1, \"plans\": [", "corrupt", "line 1");
}

static void
test_invalid_state (Fixture       *fixture,
                    gconstpointer  data)
{
  check_kept_aside (fixture,
                    "{\"version\": 1, \"plans\": {\"tiny\": {\"blocks\": [{\"id\": \"python/learn/1\", "
                    "\"topic\": \"python\", \"kind\": \"learn\", \"date\": \"2025-02-30\", \"start\": \"19:00\", "
                    "\"minutes\": 50, \"status\": \"done\"}]}}}",
                    "corrupt", "$.plans[\"tiny\"].blocks[0].date");
}

static void
test_future_state (Fixture       *fixture,
                   gconstpointer  data)
{
  check_kept_aside (fixture, "{\"version\": 7, \"hologram\": true}", "newer", "newer version");
}

/* A state path that cannot be read is left alone, and nothing is saved over it. */
static void
test_unreadable_state (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SpPlanner) planner = sp_planner_new (fixture->plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_path = g_build_filename (fixture->dir, "a-directory", NULL);

  g_assert_cmpint (g_mkdir (dir_path, 0700), ==, 0);
  g_assert_false (sp_planner_load_state (planner, dir_path, &error));
  g_assert_nonnull (error);
  g_assert_null (sp_planner_get_state_path (planner));
  g_assert_nonnull (sp_planner_get_schedule (planner));
  g_assert_true (sp_planner_mark_block (planner, "python/learn/1", SP_BLOCK_STATUS_DONE, 0, NULL));
  g_assert_true (g_file_test (dir_path, G_FILE_TEST_IS_DIR));
}

/* An edit that cannot be saved is taken back, and said so */
static void
test_save_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (fixture->path);
  g_autofree char *moved = g_strconcat (dir, ".away", NULL);
  g_autoptr(SpAvailability) availability = NULL;
  g_autofree char *warning = NULL;

  /* The state's folder becomes a file: nothing can be written there */
  g_assert_cmpint (g_rename (dir, moved), ==, 0);
  g_assert_true (g_file_set_contents (dir, "not a folder", -1, NULL));

  g_assert_false (sp_planner_mark_block (fixture->planner, "python/learn/1", SP_BLOCK_STATUS_DONE, 0, &error));
  g_assert_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_NOT_SAVED);
  g_assert_cmpint (sp_schedule_lookup_block (sp_planner_get_schedule (fixture->planner), "python/learn/1")->status,
                   ==, SP_BLOCK_STATUS_PLANNED);
  g_assert_false (sp_planner_can_undo (fixture->planner));
  g_assert_cmpuint (fixture->changed, ==, 0);

  /* Where there is no caller to tell, the warning does */
  availability = sp_availability_copy (sp_planner_get_availability (fixture->planner));
  availability->block_minutes = 40;
  sp_planner_set_availability (fixture->planner, availability);
  warning = sp_planner_take_state_warning (fixture->planner);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "not saved"));

  g_unlink (dir);
  g_assert_cmpint (g_rename (moved, dir), ==, 0);
}

static void
test_courses (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SpPlanner) again = NULL;

  sp_planner_set_topic_course (fixture->planner, "python", "{\"id\": \"course-1\"}");
  g_assert_cmpuint (fixture->changed, ==, 1);
  again = new_planner (fixture);
  g_assert_cmpstr (sp_planner_get_topic_course (again, "python"), ==, "{\"id\": \"course-1\"}");
  sp_planner_set_topic_course (again, "python", NULL);
  g_assert_null (sp_planner_get_topic_course (again, "python"));
}

static void
test_availability (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SpAvailability) availability = sp_availability_copy (sp_planner_get_availability (fixture->planner));
  g_autoptr(SpPlanner) again = NULL;
  SpSchedule *schedule;

  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    sp_availability_set_day (availability, d, 0, 8 * 60);
  sp_planner_set_availability (fixture->planner, availability);
  g_assert_cmpuint (fixture->changed, ==, 1);

  schedule = sp_planner_get_schedule (fixture->planner);
  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), ==, 0);
  g_assert_false (sp_schedule_has_hours (schedule));
  g_assert_cmpuint (sp_schedule_get_end_day (schedule), ==, 0);
  g_assert_nonnull (strstr (sp_schedule_get_summary (schedule), "No study hours"));

  /* Setting the same again changes nothing */
  sp_planner_set_availability (fixture->planner, availability);
  g_assert_cmpuint (fixture->changed, ==, 1);

  again = new_planner (fixture);
  g_assert_true (sp_availability_equal (sp_planner_get_availability (again), availability));
}

/* Progress belongs to its plan: switching plans and back loses nothing */
static void
test_switch_plans (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) other = NULL;
  g_autoptr(GBytes) bytes = NULL;
  static const char json[] =
    "{\"format\": 1, \"id\": \"other\", \"title\": \"Other\", \"levels\": [{\"id\": \"l\", \"title\": \"L\", "
    "\"min_months\": 1, \"topics\": [{\"id\": \"python\", \"title\": \"Python again\", \"hours\": 4, "
    "\"tasks\": {\"read\": \"r\"}}]}]}";
  const SpBlock *block;

  g_assert_true (sp_planner_mark_block (fixture->planner, "python/learn/1", SP_BLOCK_STATUS_DONE, 0, &error));
  g_assert_no_error (error);

  bytes = g_bytes_new_static (json, sizeof json - 1);
  other = sp_plan_new_from_bytes (bytes, "other.json", NULL, &error);
  g_assert_no_error (error);
  sp_planner_set_plan (fixture->planner, other);
  g_assert_false (sp_planner_can_undo (fixture->planner));
  block = sp_schedule_lookup_block (sp_planner_get_schedule (fixture->planner), "python/learn/1");
  g_assert_nonnull (block);
  g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_PLANNED);

  /* Days go by on the other plan; the first plan's history is its own */
  sp_planner_set_today (fixture->planner, sp_test_date ("2025-03-20"));
  sp_planner_set_plan (fixture->planner, fixture->plan);
  block = sp_schedule_lookup_block (sp_planner_get_schedule (fixture->planner), "python/learn/1");
  g_assert_nonnull (block);
  g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_DONE);
  g_assert_cmpuint (block->day, ==, sp_test_date ("2025-03-03"));
  for (guint i = 0; i < sp_schedule_get_n_blocks (sp_planner_get_schedule (fixture->planner)); i++)
    {
      block = sp_schedule_get_block (sp_planner_get_schedule (fixture->planner), i);
      g_assert_true (g_str_equal (block->topic->id, "python") || block->day >= sp_test_date ("2025-03-03"));
      g_assert_true (sp_plan_lookup_topic (fixture->plan, block->topic->id) == block->topic);
    }
}

/* The minutes of study a schedule gives a topic, reviews left out */
static guint
topic_minutes (SpSchedule *schedule,
               const char *topic)
{
  guint minutes = 0;

  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);

      if (g_str_equal (block->topic->id, topic) && block->kind != SP_BLOCK_KIND_REVIEW)
        minutes += block->minutes;
    }
  return minutes;
}

static gboolean
state_file_has (Fixture    *fixture,
                const char *text)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  return strstr (contents, text) != NULL;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* The track is kept once, with the progress: a planner made again, or the
 * command line's (sp_planner_read_state()), plans with the saved one */
static void
test_track_saved (Fixture      *fixture,
                  gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlanner) again = NULL;
  g_autoptr(SpPlanner) reader = sp_planner_new (fixture->plan);
  guint notified = 0;

  g_assert_cmpstr (sp_planner_get_track (fixture->planner), ==, "a");
  g_assert_true (state_file_has (fixture, "\"track\" : null"));
  sp_planner_set_track (fixture->planner, "b");
  g_assert_true (state_file_has (fixture, "\"track\" : \"b\""));

  again = new_planner (fixture);
  g_assert_cmpstr (sp_planner_get_track (again), ==, "b");
  g_assert_cmpstr (sp_schedule_get_track (sp_planner_get_schedule (again)), ==, "b");
  g_signal_connect (reader, "notify::track", G_CALLBACK (count_cb), &notified);
  g_assert_true (sp_planner_read_state (reader, fixture->path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sp_planner_get_track (reader), ==, "b");
  g_assert_cmpuint (notified, ==, 1);

  /* Undoing an edit made before the choice leaves the track as chosen */
  g_assert_true (sp_planner_mark_block (again, "python/learn/1", SP_BLOCK_STATUS_DONE, 0, &error));
  g_assert_no_error (error);
  sp_planner_set_track (again, "a");
  g_assert_true (sp_planner_undo (again));
  g_assert_cmpstr (sp_planner_get_track (again), ==, "a");
  g_assert_true (state_file_has (fixture, "\"track\" : \"a\""));

  /* A track unknown to the plan reads as the plan's first */
  write_state (fixture, "{\"version\": 1, \"plans\": {\"tiny\": {\"track\": \"gone\"}}}");
  g_clear_object (&again);
  again = new_planner (fixture);
  g_assert_cmpstr (sp_planner_get_track (again), ==, "a");
}

/* A track an earlier version kept in GSettings: taken once into a state
 * without one; a state with its own keeps it */
static void
test_track_old_copy (Fixture      *fixture,
                     gconstpointer data)
{
  g_autoptr(SpPlanner) again = NULL;
  g_autoptr(SpPlanner) memory_only = sp_planner_new (fixture->plan);

  /* An older file, before the track was kept there */
  write_state (fixture, "{\"version\": 1, \"plans\": {\"tiny\": {\"today\": null, \"blocks\": []}}}");
  again = new_planner (fixture);
  g_assert_cmpstr (sp_planner_get_track (again), ==, "a");
  g_assert_true (sp_planner_take_old_track (again, "b"));
  g_assert_cmpstr (sp_planner_get_track (again), ==, "b");
  g_assert_true (state_file_has (fixture, "\"track\" : \"b\""));

  /* Now the state has its own, which wins */
  g_clear_object (&again);
  again = new_planner (fixture);
  g_assert_true (sp_planner_take_old_track (again, "a"));
  g_assert_cmpstr (sp_planner_get_track (again), ==, "b");
  g_assert_true (state_file_has (fixture, "\"track\" : \"b\""));

  /* The plan's first, taken explicitly, is saved as well */
  write_state (fixture, "{\"version\": 1, \"plans\": {}}");
  g_clear_object (&again);
  again = new_planner (fixture);
  g_assert_true (sp_planner_take_old_track (again, "a"));
  g_assert_true (state_file_has (fixture, "\"track\" : \"a\""));

  /* Nothing saved, so the old copy must stay */
  g_assert_false (sp_planner_take_old_track (memory_only, "b"));
}

/* A course's workload in place of a topic's estimate: scheduled, saved
 * with the progress, undoable, and cleared back to the estimate. */
static void
test_topic_hours (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlanner) again = NULL;
  g_autoptr(SpPlanner) third = NULL;
  double level_hours = sp_planner_get_level_hours (fixture->planner, 0);
  double report_hours = sp_schedule_get_level_report (sp_planner_get_schedule (fixture->planner), 0)->hours;

  g_assert_cmpfloat (sp_planner_get_topic_hours (fixture->planner, "numpy"), ==, 6.5);
  g_assert_false (sp_planner_has_topic_hours (fixture->planner, "numpy"));
  g_assert_cmpuint (topic_minutes (sp_planner_get_schedule (fixture->planner), "numpy"), ==, 390);
  g_assert_cmpuint (topic_minutes (sp_planner_get_schedule (fixture->planner), "python"), ==, 600);
  g_assert_false (state_file_has (fixture, "topic_hours"));

  g_assert_true (sp_planner_set_topic_hours (fixture->planner, "numpy", 20, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 1);
  g_assert_cmpfloat (sp_planner_get_topic_hours (fixture->planner, "numpy"), ==, 20);
  g_assert_true (sp_planner_has_topic_hours (fixture->planner, "numpy"));
  g_assert_cmpuint (topic_minutes (sp_planner_get_schedule (fixture->planner), "numpy"), ==, 1200);
  g_assert_cmpuint (topic_minutes (sp_planner_get_schedule (fixture->planner), "python"), ==, 600);
  g_assert_cmpfloat_with_epsilon (sp_planner_get_level_hours (fixture->planner, 0), level_hours + 13.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (sp_schedule_get_level_report (sp_planner_get_schedule (fixture->planner), 0)->hours,
                                  report_hours + 13.5, 1e-9);
  g_assert_true (state_file_has (fixture, "topic_hours"));

  /* The same again is no edit */
  g_assert_true (sp_planner_set_topic_hours (fixture->planner, "numpy", 20, &error));
  g_assert_cmpuint (fixture->changed, ==, 1);

  /* Undone like any edit, then made again */
  g_assert_true (sp_planner_can_undo (fixture->planner));
  g_assert_true (sp_planner_undo (fixture->planner));
  g_assert_cmpfloat (sp_planner_get_topic_hours (fixture->planner, "numpy"), ==, 6.5);
  g_assert_cmpuint (topic_minutes (sp_planner_get_schedule (fixture->planner), "numpy"), ==, 390);
  g_assert_false (state_file_has (fixture, "topic_hours"));
  g_assert_true (sp_planner_set_topic_hours (fixture->planner, "numpy", 20, &error));

  /* Out of range or no such topic: an error, and nothing changes */
  g_assert_false (sp_planner_set_topic_hours (fixture->planner, "numpy", 2000.5, &error));
  g_assert_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sp_planner_set_topic_hours (fixture->planner, "numpy", NAN, &error));
  g_assert_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sp_planner_set_topic_hours (fixture->planner, "cobol", 20, &error));
  g_assert_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "cobol"));
  g_clear_error (&error);
  g_assert_cmpfloat (sp_planner_get_topic_hours (fixture->planner, "numpy"), ==, 20);

  /* A restart reads the choice back and plans with it */
  again = new_planner (fixture);
  g_assert_cmpfloat (sp_planner_get_topic_hours (again, "numpy"), ==, 20);
  g_assert_cmpuint (topic_minutes (sp_planner_get_schedule (again), "numpy"), ==, 1200);

  /* Clearing it gives the estimate back, for good */
  g_assert_true (sp_planner_set_topic_hours (again, "numpy", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (sp_planner_get_topic_hours (again, "numpy"), ==, 6.5);
  g_assert_false (sp_planner_has_topic_hours (again, "numpy"));
  g_assert_cmpuint (topic_minutes (sp_planner_get_schedule (again), "numpy"), ==, 390);
  third = new_planner (fixture);
  g_assert_cmpfloat (sp_planner_get_topic_hours (third, "numpy"), ==, 6.5);
  g_assert_cmpuint (topic_minutes (sp_planner_get_schedule (third), "numpy"), ==, 390);
}

/* A state file from before topic hours existed still loads; one with hours loads them */
static void
test_topic_hours_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SpPlanner) old = NULL;
  g_autoptr(SpPlanner) planner = NULL;

  write_state (fixture, "{\"version\": 1, \"plans\": {\"tiny\": {\"today\": null, \"blocks\": [], \"notes\": {}}}}");
  old = new_planner (fixture);
  g_assert_null (sp_planner_get_state_warning (old));
  g_assert_cmpfloat (sp_planner_get_topic_hours (old, "numpy"), ==, 6.5);
  g_clear_object (&old);

  write_state (fixture, "{\"version\": 1, \"plans\": {\"tiny\": {\"topic_hours\": {\"numpy\": 12, \"python\": 2.5}}}}");
  planner = new_planner (fixture);
  g_assert_null (sp_planner_get_state_warning (planner));
  g_assert_cmpfloat (sp_planner_get_topic_hours (planner, "numpy"), ==, 12);
  g_assert_cmpfloat (sp_planner_get_topic_hours (planner, "python"), ==, 2.5);
  g_assert_cmpuint (topic_minutes (sp_planner_get_schedule (planner), "numpy"), ==, 720);
  g_assert_cmpuint (topic_minutes (sp_planner_get_schedule (planner), "python"), ==, 150);
}

/* Hours in the state file that are no hours: rejected, naming the place */
static void
test_topic_hours_invalid (void)
{
  static const struct {
    const char *value;
    const char *found;
  } cases[] = {
    { "0", "found 0" },
    { "-3", "found -3" },
    { "2000.5", "found 2000.5" },
    { "1e9", "found 1e+09" },
    { "\"forty\"", "found a string" },
    { "null", "found null" },
    { "[40]", "found an array" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json =
        g_strdup_printf ("{\"version\": 1, \"plans\": {\"tiny\": {\"topic_hours\": {\"python\": 10, \"numpy\": %s}}}}",
                         cases[i].value);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(GError) error = NULL;
      g_autoptr(SpState) state = sp_state_new_from_bytes (bytes, "state.json", &error);

      g_test_message ("topic_hours value %s: %s", cases[i].value, error ? error->message : "(loaded)");
      g_assert_null (state);
      g_assert_error (error, SP_STATE_ERROR, SP_STATE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "state.json: $.plans[\"tiny\"].topic_hours[\"numpy\"]"));
      g_assert_nonnull (strstr (error->message, "2000"));
    }

  {
    static const char json[] = "{\"version\": 1, \"plans\": {\"tiny\": {\"topic_hours\": [40]}}}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(SpState) state = sp_state_new_from_bytes (bytes, "state.json", &error);

    g_assert_null (state);
    g_assert_error (error, SP_STATE_ERROR, SP_STATE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "$.plans[\"tiny\"].topic_hours:"));
  }
}

/* A planner kept aside a file with bad hours, and started afresh */
static void
test_topic_hours_kept_aside (Fixture       *fixture,
                             gconstpointer  data)
{
  check_kept_aside (fixture, "{\"version\": 1, \"plans\": {\"tiny\": {\"topic_hours\": {\"numpy\": 5000}}}}",
                    "corrupt", "$.plans[\"tiny\"].topic_hours[\"numpy\"]");
}

/* The state file is read strictly: numbers written as whole ones where the
 * file writes them so, a member given twice keeps its last value, and a
 * syntax error or a lone surrogate escape is named. */
static void
test_state_reading (void)
{
  static const struct
  {
    const char *json;
    int         code;
    const char *message;
  } refused[] = {
    { "{\"version\": 1.0}", SP_STATE_ERROR_INVALID, "state.json: $.version: expected a format version number, found a number" },
    { "{\"version\": 1, \"plans\": {\"p\": {\"blocks\": [{\"id\": \"a/learn/1\", \"topic\": \"a\", "
      "\"kind\": \"learn\", \"date\": \"2025-02-03\", \"start\": \"19:00\", \"minutes\": 50.0, \"status\": \"done\"}]}}}",
      SP_STATE_ERROR_INVALID, "state.json: $.plans[\"p\"].blocks[0].minutes: expected a number of minutes that ends "
                              "within the day, found a number" },
    { "{\"version\": 1,\n  \"plans\": {} \"courses\": {}}", SP_STATE_ERROR_SYNTAX, "state.json: line 2, column 13: " },
    { "{\"version\": 1, \"courses\": {\"a\": \"\\udc00\"}}", SP_STATE_ERROR_SYNTAX, "surrogate" },
    { " \n ", SP_STATE_ERROR_SYNTAX, "state.json: The file is empty" },
  };
  const char *twice = "\xEF\xBB\xBF{\"version\": 1, \"plans\": {\"p\": {\"notes\": {\"b\": \"first\", \"b\": \"last\"}}}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (twice, strlen (twice));
  g_autoptr(GError) error = NULL;
  g_autoptr(SpState) state = sp_state_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (sp_state_get_progress (state, "p")->notes, "b"), ==, "last");
  g_assert_cmpuint (g_hash_table_size (sp_state_get_progress (state, "p")->notes), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GBytes) data = g_bytes_new_static (refused[i].json, strlen (refused[i].json));
      g_autoptr(SpState) bad = sp_state_new_from_bytes (data, NULL, &error);

      g_assert_null (bad);
      g_assert_error (error, SP_STATE_ERROR, refused[i].code);
      g_assert_nonnull (strstr (error->message, refused[i].message));
      g_clear_error (&error);
    }
}

/* Years of history: 40,000 block records are stored, read back, found by
 * their ids and planned from. How long it takes is bench-scheduler's
 * ("history": time per record at 10,000, 100,000 and 1,000,000), never a
 * unit test's. */
static void
test_long_history (void)
{
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();
  g_autoptr(SpState) state = sp_state_new ();
  SpProgress *progress = sp_state_get_progress (state, sp_plan_get_id (plan));
  GPtrArray  *topics = sp_plan_get_topics (plan);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SpState) read = NULL;
  g_autoptr(SpSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  SpSchedulerInput input = {
    0,
  };
  const guint n_records = 40000;
  guint32     today = sp_test_date ("2025-09-01");
  SpProgress *read_progress;
  char       *data;
  gsize       length;

  for (guint i = 0; i < n_records; i++)
    {
      const SpTopic   *topic = g_ptr_array_index (topics, i % topics->len);
      g_autofree char *id = g_strdup_printf ("%s/learn/%u", topic->id, i / topics->len + 1);
      SpBlockRecord   *record = sp_block_record_new (id, topic->id, SP_BLOCK_KIND_LEARN,
                                                     today - 1 - i / 4, 8 * 60 + (i % 4) * 60, 50);

      record->status = SP_BLOCK_STATUS_SKIPPED;
      sp_progress_set_record (progress, record);
    }
  progress->planned_today = today;
  data = sp_state_to_data (state, &length);
  bytes = g_bytes_new_take (data, length);
  read = sp_state_new_from_bytes (bytes, "state.json", &error);
  g_assert_no_error (error);
  read_progress = sp_state_get_progress (read, sp_plan_get_id (plan));
  g_assert_cmpuint (read_progress->records->len, ==, n_records);
  /* Each record is found by its id, the first, the last and between */
  for (guint i = 0; i < n_records; i += 997)
    {
      const SpTopic       *topic = g_ptr_array_index (topics, i % topics->len);
      g_autofree char     *id = g_strdup_printf ("%s/learn/%u", topic->id, i / topics->len + 1);
      const SpBlockRecord *found = sp_progress_lookup_record (read_progress, id);

      g_assert_nonnull (found);
      g_assert_cmpstr (found->topic, ==, topic->id);
      g_assert_cmpuint (found->day, ==, today - 1 - i / 4);
    }
  g_assert_null (sp_progress_lookup_record (read_progress, "python/learn/0"));

  input.plan = plan;
  input.track = sp_plan_get_default_track (plan);
  input.availability = sp_state_get_availability (read);
  input.progress = sp_state_get_progress (read, sp_plan_get_id (plan));
  input.today = today;
  schedule = sp_scheduler_run (&input);
  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), >, n_records);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/planner/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("schedule", test_schedule);
  ADD ("mark-saved", test_mark_saved);
  ADD ("move-and-undo", test_move_and_undo);
  ADD ("days-go-by", test_days_go_by);
  ADD ("corrupt-state", test_corrupt_state);
  ADD ("invalid-state", test_invalid_state);
  ADD ("future-state", test_future_state);
  ADD ("unreadable-state", test_unreadable_state);
  ADD ("courses", test_courses);
  ADD ("availability", test_availability);
  ADD ("switch-plans", test_switch_plans);
  ADD ("track-saved", test_track_saved);
  ADD ("track-old-copy", test_track_old_copy);
  ADD ("save-fails", test_save_fails);
  ADD ("topic-hours", test_topic_hours);
  ADD ("topic-hours-file", test_topic_hours_file);
  ADD ("topic-hours-kept-aside", test_topic_hours_kept_aside);
#undef ADD
  g_test_add_func ("/planner/topic-hours-invalid", test_topic_hours_invalid);
  g_test_add_func ("/planner/state-reading", test_state_reading);
  g_test_add_func ("/planner/long-history", test_long_history);

  return g_test_run ();
}
