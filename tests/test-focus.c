/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include <json-glib/json-glib.h>

#include "sp-export.h"
#include "sp-focus-session.h"
#include "sp-manual-clock.h"
#include "sp-planner.h"
#include "sp-test-core.h"
#include "sp-test-files.h"

/* Focus sessions on a clock moved by hand: a 50-minute block in
 * milliseconds, and what each way of studying records on the block. */

#define MINUTES(n) ((gint64) (n) *60 * G_USEC_PER_SEC)
#define BLOCK      "python/learn/1" /* 2025-03-03, 19:00, 50 minutes */

typedef struct
{
  char          *dir;
  char          *path;
  SpPlan        *plan;
  SpPlanner     *planner;
  SpManualClock *clock;
  guint          ended;
} Fixture;

static SpPlanner *
new_planner (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  SpPlanner *planner = sp_planner_new (fixture->plan);

  sp_planner_set_timezone (planner, tz);
  sp_planner_set_today (planner, sp_test_date ("2025-03-03"));
  g_assert_true (sp_planner_load_state (planner, fixture->path, &error));
  g_assert_no_error (error);
  return planner;
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "plans", "valid-minimal.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2025, 3, 3, 19, 0, 0);

  fixture->dir = sp_test_make_tmp_dir ("sp-focus-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "state.json", NULL);
  fixture->plan = sp_plan_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  fixture->planner = new_planner (fixture);
  fixture->clock = sp_manual_clock_new (g_date_time_to_unix (start) * G_USEC_PER_SEC);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  g_clear_object (&fixture->planner);
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->clock);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
ended_cb (SpFocusSession *session,
          Fixture        *fixture)
{
  fixture->ended++;
}

static SpFocusSession *
start (Fixture          *fixture,
       const SpPomodoro *pomodoro)
{
  g_autoptr(GError) error = NULL;
  SpFocusSession *session = sp_focus_session_start (fixture->planner, BLOCK, SP_CLOCK (fixture->clock),
                                                    pomodoro, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  g_signal_connect (session, "ended", G_CALLBACK (ended_cb), fixture);
  return session;
}

static void
advance (Fixture *fixture,
         gint64   usec)
{
  sp_manual_clock_advance (fixture->clock, usec);
}

static const SpBlock *
block (Fixture *fixture)
{
  const SpBlock *block = sp_schedule_lookup_block (sp_planner_get_schedule (fixture->planner), BLOCK);

  g_assert_nonnull (block);
  return block;
}

/* The block's focus intervals as "19:00/50 19:30/20" */
static char *
intervals (Fixture *fixture)
{
  SpSchedule            *schedule = sp_planner_get_schedule (fixture->planner);
  GString               *out = g_string_new (NULL);
  const SpFocusInterval *focus;
  guint                  n;

  focus = sp_schedule_get_focus (schedule, block (fixture), &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *start_text = sp_focus_interval_format_start (&focus[i]);

      g_string_append_printf (out, "%s%s/%u", i ? " " : "", start_text, focus[i].minutes);
    }
  return g_string_free (out, FALSE);
}

/* Finishes @session as @outcome and checks what the block keeps: its
 * status, the whole minutes done when partly done, and its focus
 * intervals as intervals() writes them */
static void
assert_finished (Fixture        *fixture,
                 SpFocusSession *session,
                 SpFocusOutcome  outcome,
                 SpBlockStatus   status,
                 guint           done_minutes,
                 const char     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *focus = NULL;

  g_assert_true (sp_focus_session_finish (session, outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (block (fixture)->status, ==, status);
  if (status == SP_BLOCK_STATUS_PARTIAL)
    g_assert_cmpuint (block (fixture)->done_minutes, ==, done_minutes);
  focus = intervals (fixture);
  g_assert_cmpstr (focus, ==, expected);
}

static char *
state_text (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (fixture->path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
test_full (Fixture      *fixture,
           gconstpointer data)
{
  g_autoptr(SpFocusSession) session = start (fixture, NULL);
  g_autofree char *text = NULL;

  g_assert_cmpuint (sp_focus_session_get_block_minutes (session), ==, 50);
  g_assert_cmpint (sp_focus_session_get_remaining (session), ==, MINUTES (50));
  g_assert_nonnull (sp_planner_get_focus_session (fixture->planner));
  text = state_text (fixture);
  g_assert_nonnull (strstr (text, "\"focus_session\""));
  g_assert_nonnull (strstr (text, "\"started\" : \"2025-03-03T17:00:00Z\""));

  advance (fixture, MINUTES (30));
  g_assert_cmpint (sp_focus_session_get_remaining (session), ==, MINUTES (20));
  g_assert_cmpuint (fixture->ended, ==, 0);
  advance (fixture, MINUTES (25));
  g_assert_cmpuint (fixture->ended, ==, 1);
  g_assert_true (sp_focus_session_get_ended (session));
  g_assert_cmpint (sp_focus_session_get_remaining (session), ==, 0);
  /* Time after the end is not study */
  g_assert_cmpuint (sp_focus_session_get_minutes (session), ==, 50);

  assert_finished (fixture, session, SP_FOCUS_OUTCOME_DONE, SP_BLOCK_STATUS_DONE, 0, "2025-03-03T19:00/50");
  g_assert_null (sp_planner_get_focus_session (fixture->planner));
  g_clear_pointer (&text, g_free);
  text = state_text (fixture);
  g_assert_null (strstr (text, "\"focus_session\""));
  g_assert_nonnull (strstr (text, "\"start\" : \"2025-03-03T19:00\""));
  g_assert_cmpuint (sp_schedule_get_focus_minutes (sp_planner_get_schedule (fixture->planner),
                                                   sp_test_date ("2025-03-03"), sp_test_date ("2025-03-09")),
                    ==, 50);
}

static void
test_pauses (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(SpFocusSession) session = start (fixture, NULL);

  advance (fixture, MINUTES (20));
  sp_focus_session_pause (session);
  g_assert_true (sp_focus_session_get_paused (session));
  advance (fixture, MINUTES (10));
  /* Paused time does not count */
  g_assert_cmpint (sp_focus_session_get_remaining (session), ==, MINUTES (30));
  sp_focus_session_resume (session);
  g_assert_false (sp_focus_session_get_paused (session));
  advance (fixture, MINUTES (29));
  g_assert_cmpuint (fixture->ended, ==, 0);
  advance (fixture, MINUTES (1));
  g_assert_cmpuint (fixture->ended, ==, 1);

  assert_finished (fixture, session, SP_FOCUS_OUTCOME_DONE, SP_BLOCK_STATUS_DONE, 0, "2025-03-03T19:00/20 2025-03-03T19:30/30");
}

static void
test_extra (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr(SpFocusSession) session = start (fixture, NULL);

  advance (fixture, MINUTES (40));
  sp_focus_session_add_minutes (session, 5);
  g_assert_cmpuint (sp_focus_session_get_target_minutes (session), ==, 55);
  advance (fixture, MINUTES (10));
  g_assert_cmpuint (fixture->ended, ==, 0);
  advance (fixture, MINUTES (5));
  g_assert_cmpuint (fixture->ended, ==, 1);
  /* +5 at the end runs the session again */
  sp_focus_session_add_minutes (session, 5);
  g_assert_false (sp_focus_session_get_ended (session));
  advance (fixture, MINUTES (10));
  g_assert_cmpuint (fixture->ended, ==, 2);
  g_assert_cmpuint (sp_focus_session_get_minutes (session), ==, 60);

  assert_finished (fixture, session, SP_FOCUS_OUTCOME_DONE, SP_BLOCK_STATUS_DONE, 0, "2025-03-03T19:00/60");
}

static void
test_early (Fixture      *fixture,
            gconstpointer data)
{
  g_autoptr(SpFocusSession) session = start (fixture, NULL);

  advance (fixture, MINUTES (42) + 30 * G_USEC_PER_SEC);
  /* Partly done with the whole minutes studied; the rest is planned again */
  assert_finished (fixture, session, SP_FOCUS_OUTCOME_DONE, SP_BLOCK_STATUS_PARTIAL, 42, "2025-03-03T19:00/42");
  g_assert_cmpuint (fixture->ended, ==, 0);
  g_assert_null (sp_planner_get_focus_session (fixture->planner));
}

static void
test_needs_more (Fixture      *fixture,
                 gconstpointer data)
{
  g_autoptr(SpFocusSession) session = start (fixture, NULL);
  g_autoptr(GError) error = NULL;

  advance (fixture, MINUTES (50));
  g_assert_true (sp_focus_session_get_ended (session));
  g_assert_true (sp_focus_session_finish (session, SP_FOCUS_OUTCOME_NEEDS_MORE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (block (fixture)->status, ==, SP_BLOCK_STATUS_PARTIAL);
  g_assert_cmpuint (block (fixture)->done_minutes, ==, 49);
}

static void
test_pomodoro (Fixture      *fixture,
               gconstpointer data)
{
  SpPomodoro pomodoro;
  g_autoptr(SpFocusSession) session = NULL;

  /* The default follows the user's 50-minute blocks and 10-minute breaks */
  sp_pomodoro_init_default (&pomodoro, sp_planner_get_availability (fixture->planner));
  g_assert_cmpuint (pomodoro.focus_minutes, ==, 25);
  g_assert_cmpuint (pomodoro.break_minutes, ==, 5);
  g_assert_cmpuint (pomodoro.long_break_minutes, ==, 15);

  session = start (fixture, &pomodoro);
  advance (fixture, MINUTES (25));
  g_assert_cmpint (sp_focus_session_get_phase (session), ==, SP_FOCUS_PHASE_SHORT_BREAK);
  g_assert_cmpint (sp_focus_session_get_phase_remaining (session), ==, MINUTES (5));
  advance (fixture, MINUTES (4));
  /* A break is not study */
  g_assert_cmpint (sp_focus_session_get_remaining (session), ==, MINUTES (25));
  advance (fixture, MINUTES (1));
  g_assert_cmpint (sp_focus_session_get_phase (session), ==, SP_FOCUS_PHASE_FOCUS);
  advance (fixture, MINUTES (25));
  g_assert_cmpuint (fixture->ended, ==, 1);
  assert_finished (fixture, session, SP_FOCUS_OUTCOME_DONE, SP_BLOCK_STATUS_DONE, 0, "2025-03-03T19:00/25 2025-03-03T19:30/25");
}

static void
test_pomodoro_long_break (Fixture      *fixture,
                          gconstpointer data)
{
  SpPomodoro pomodoro = { 5, 1, 3 };
  g_autoptr(SpFocusSession) session = start (fixture, &pomodoro);

  /* Three short breaks, then a long one after the fourth interval */
  advance (fixture, MINUTES (5 + 1 + 5 + 1 + 5 + 1 + 4));
  g_assert_cmpint (sp_focus_session_get_phase (session), ==, SP_FOCUS_PHASE_FOCUS);
  advance (fixture, MINUTES (1));
  g_assert_cmpint (sp_focus_session_get_phase (session), ==, SP_FOCUS_PHASE_LONG_BREAK);
  g_assert_cmpint (sp_focus_session_get_phase_remaining (session), ==, MINUTES (3));
  g_assert_cmpint (sp_focus_session_get_focused (session), ==, MINUTES (20));
  advance (fixture, MINUTES (3));
  g_assert_cmpint (sp_focus_session_get_phase (session), ==, SP_FOCUS_PHASE_FOCUS);
  sp_focus_session_discard (session);
}

static void
test_recovered (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(SpFocusSession) session = start (fixture, NULL);
  g_autoptr(SpFocusSession) recovered = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *focus = NULL;

  sp_focus_session_add_minutes (session, 5);
  advance (fixture, MINUTES (10));
  sp_focus_session_pause (session);
  advance (fixture, MINUTES (2));
  sp_focus_session_resume (session);
  advance (fixture, MINUTES (15));
  /* The app quits without finishing; the state file keeps the session */
  g_clear_object (&session);
  g_clear_object (&fixture->planner);

  /* Three hours later: capped at the block and the +5 */
  advance (fixture, MINUTES (180));
  fixture->planner = new_planner (fixture);
  g_assert_nonnull (sp_planner_get_focus_session (fixture->planner));
  recovered = sp_focus_session_recover (fixture->planner, SP_CLOCK (fixture->clock), &error);
  g_assert_no_error (error);
  g_assert_nonnull (recovered);
  g_assert_cmpstr (sp_focus_session_get_block_id (recovered), ==, BLOCK);
  g_assert_cmpuint (sp_focus_session_get_minutes (recovered), ==, 55);
  g_assert_true (sp_focus_session_finish (recovered, SP_FOCUS_OUTCOME_DONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (block (fixture)->status, ==, SP_BLOCK_STATUS_DONE);
  focus = intervals (fixture);
  g_assert_cmpstr (focus, ==, "2025-03-03T19:00/10 2025-03-03T19:12/45");

  /* Recorded once: the next start has nothing to recover */
  g_clear_object (&fixture->planner);
  fixture->planner = new_planner (fixture);
  g_assert_null (sp_planner_get_focus_session (fixture->planner));
  g_assert_null (sp_focus_session_recover (fixture->planner, SP_CLOCK (fixture->clock), &error));
  g_assert_no_error (error);
  g_clear_pointer (&focus, g_free);
  focus = intervals (fixture);
  g_assert_cmpstr (focus, ==, "2025-03-03T19:00/10 2025-03-03T19:12/45");
}

static void
test_recovered_paused (Fixture      *fixture,
                       gconstpointer data)
{
  SpPomodoro pomodoro = { 25, 5, 15 };
  g_autoptr(SpFocusSession) session = start (fixture, &pomodoro);
  g_autoptr(SpFocusSession) recovered = NULL;
  g_autoptr(GError) error = NULL;

  /* Quit while paused: the time since is a pause, the split survives */
  advance (fixture, MINUTES (20));
  sp_focus_session_pause (session);
  g_clear_object (&session);
  g_clear_object (&fixture->planner);
  advance (fixture, MINUTES (60));
  fixture->planner = new_planner (fixture);
  recovered = sp_focus_session_recover (fixture->planner, SP_CLOCK (fixture->clock), &error);
  g_assert_no_error (error);
  g_assert_true (sp_focus_session_get_paused (recovered));
  g_assert_cmpuint (sp_focus_session_get_minutes (recovered), ==, 20);
  g_assert_cmpint (sp_focus_session_get_phase_remaining (recovered), ==, MINUTES (5));
  g_assert_true (sp_focus_session_finish (recovered, SP_FOCUS_OUTCOME_DONE, &error));
  g_assert_cmpint (block (fixture)->status, ==, SP_BLOCK_STATUS_PARTIAL);
  g_assert_cmpuint (block (fixture)->done_minutes, ==, 20);
}

static void
test_discarded (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr(SpFocusSession) session = start (fixture, NULL);
  g_autoptr(SpFocusSession) recovered = NULL;
  g_autoptr(GError) error = NULL;

  advance (fixture, MINUTES (10));
  g_clear_object (&session);
  g_clear_object (&fixture->planner);

  fixture->planner = new_planner (fixture);
  recovered = sp_focus_session_recover (fixture->planner, SP_CLOCK (fixture->clock), &error);
  g_assert_no_error (error);
  g_assert_nonnull (recovered);
  sp_focus_session_discard (recovered);
  g_assert_null (sp_planner_get_focus_session (fixture->planner));
  g_assert_cmpint (block (fixture)->status, ==, SP_BLOCK_STATUS_PLANNED);
  g_assert_cmpuint (block (fixture)->n_focus, ==, 0);

  g_clear_object (&fixture->planner);
  fixture->planner = new_planner (fixture);
  g_assert_null (sp_planner_get_focus_session (fixture->planner));
}

static void
test_state_invalid (Fixture      *fixture,
                    gconstpointer data)
{
  const char *bad[] = {
    "{\"version\": 1, \"focus_session\": {\"plan\": \"x\", \"block\": \"a/learn/1\", \"started\": \"yesterday\"}}",
    "{\"version\": 1, \"focus_session\": {\"plan\": \"x\", \"block\": \"a/learn/1\", \"started\": \"2025-03-03T17:00:00Z\", \"pauses\": [{\"end\": null}]}}",
    "{\"version\": 1, \"plans\": {\"x\": {\"blocks\": [{\"id\": \"a/learn/1\", \"topic\": \"a\", \"kind\": \"learn\", \"date\": \"2025-03-03\", "
    "\"start\": \"19:00\", \"minutes\": 50, \"status\": \"done\", \"focus\": [{\"start\": \"19:00\", \"minutes\": 50}]}]}}}",
  };
  const char *places[] = { "$.focus_session.started", "$.focus_session.pauses[0]", "$.plans[\"x\"].blocks[0].focus[0].start" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(SpState) state = sp_state_new_from_bytes (bytes, NULL, &error);

      g_assert_null (state);
      g_assert_error (error, SP_STATE_ERROR, SP_STATE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, places[i]));
    }
}

static void
test_export (Fixture      *fixture,
             gconstpointer data)
{
  g_autoptr(SpFocusSession) session = start (fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) json = NULL;
  SpExportOptions options;
  JsonArray      *blocks;

  advance (fixture, MINUTES (20));
  sp_focus_session_pause (session);
  advance (fixture, MINUTES (10));
  sp_focus_session_resume (session);
  advance (fixture, MINUTES (22));
  g_assert_true (sp_focus_session_finish (session, SP_FOCUS_OUTCOME_DONE, &error));
  g_assert_no_error (error);

  sp_export_options_init (&options, fixture->planner);
  json = sp_export_json (sp_planner_get_schedule (fixture->planner), &options, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), (gssize) g_bytes_get_size (json), &error));
  g_assert_no_error (error);
  blocks = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "blocks");
  g_assert_cmpuint (json_array_get_length (blocks), >, 1);
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);
      JsonArray  *focus = json_object_get_array_member (block, "focus");

      g_assert_nonnull (focus);
      if (!g_str_equal (json_object_get_string_member (block, "id"), BLOCK))
        {
          g_assert_cmpuint (json_array_get_length (focus), ==, 0);
          continue;
        }
      g_assert_cmpstr (json_object_get_string_member (block, "status"), ==, "partial");
      g_assert_cmpint (json_object_get_int_member (block, "done_minutes"), ==, 42);
      g_assert_cmpuint (json_array_get_length (focus), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (focus, 0), "start"), ==,
                       "2025-03-03T19:00");
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (focus, 0), "minutes"), ==, 20);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (focus, 1), "start"), ==,
                       "2025-03-03T19:30");
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (focus, 1), "minutes"), ==, 22);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/focus/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("full", test_full);
  ADD ("pauses", test_pauses);
  ADD ("extra", test_extra);
  ADD ("early", test_early);
  ADD ("needs-more", test_needs_more);
  ADD ("pomodoro", test_pomodoro);
  ADD ("pomodoro-long-break", test_pomodoro_long_break);
  ADD ("recovered", test_recovered);
  ADD ("recovered-paused", test_recovered_paused);
  ADD ("discarded", test_discarded);
  ADD ("state-invalid", test_state_invalid);
  ADD ("export", test_export);
#undef ADD

  return g_test_run ();
}
