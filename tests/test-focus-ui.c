/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sp-calendar-text.h"
#include "sp-day-view.h"
#include "sp-focus-session.h"
#include "sp-manual-clock.h"
#include "sp-path-view.h"
#include "sp-progress-summary.h"
#include "sp-test-files.h"
#include "sp-test-ui.h"
#include "sp-window.h"

/* Studied time against planned in the window: a focus session of 42
 * minutes on a block of today shows in the Day view, the week summary and
 * the Path view's level. */

static char *data_home;

static void
test_progress (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  SpWindow      *window = SP_WINDOW (sp_test_ui_get_window (app));
  SpPlanner     *planner = sp_application_get_planner (app);
  SpSchedule    *schedule = sp_planner_get_schedule (planner);
  g_autoptr(SpManualClock) clock = sp_manual_clock_new (g_get_real_time ());
  g_autoptr(SpFocusSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char   *id = NULL;
  g_autofree char   *minutes = sp_calendar_format_duration (42);
  g_autofree char   *studied = NULL;
  g_autofree char   *week = NULL;
  g_autofree char   *level = NULL;
  const SpBlock     *block = NULL;
  GtkWidget         *day_view, *path_view;
  SpProgressSummary *summary;
  guint32            today = sp_planner_get_today (planner);

  for (guint32 day = today; block == NULL && day < today + 7; day++)
    {
      guint first;

      if (sp_schedule_get_day_blocks (schedule, day, &first) > 0)
        block = sp_schedule_get_block (schedule, first);
    }
  g_assert_nonnull (block);
  id = g_strdup (block->id);
  sp_window_set_selected_day (window, block->day);
  sp_window_set_view (window, "day");
  day_view = sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_DAY_VIEW);
  path_view = sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_PATH_VIEW);
  summary = SP_PROGRESS_SUMMARY (sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_PROGRESS_SUMMARY));
  studied = g_strdup_printf (_(", %s studied in focus"), minutes);
  g_assert_false (sp_test_ui_has_text_containing (day_view, studied));

  session = sp_focus_session_start (planner, id, SP_CLOCK (clock), NULL, &error);
  g_assert_no_error (error);
  sp_manual_clock_advance (clock, (gint64) 42 * 60 * G_USEC_PER_SEC);
  g_assert_true (sp_focus_session_finish (session, SP_FOCUS_OUTCOME_DONE, &error));
  g_assert_no_error (error);
  sp_test_ui_wait (100);

  block = sp_schedule_lookup_block (sp_planner_get_schedule (planner), id);
  g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_PARTIAL);
  g_assert_cmpuint (block->done_minutes, ==, 42);

  g_assert_true (sp_test_ui_has_text_containing (day_view, studied));
  /* The words after the minutes focused, in the language of the run */
  week = g_strconcat (minutes, g_strrstr (_("This week: %s of %s done, %s of it in focus sessions"), "%s") + 2, NULL);
  g_assert_nonnull (strstr (sp_progress_summary_get_text (summary), week));
  level = g_strconcat (minutes, g_strrstr (_("%s · %s · %s focused"), "%s") + 2, NULL);
  g_assert_false (sp_test_ui_has_text_containing (path_view, level));
  sp_window_set_view (window, "path");
  /* The page is made again once shown, in idle steps */
  for (guint i = 0; i < 50 && !sp_test_ui_has_text_containing (path_view, level); i++)
    sp_test_ui_wait (100);
  g_assert_true (sp_test_ui_has_text_containing (path_view, level));

  sp_test_ui_stop_app (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* A fresh folder for the state, so runs cannot meet */
  data_home = g_dir_make_tmp ("sp-focus-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  sp_test_ui_init (&argc, &argv);

  g_test_add_func ("/focus-ui/progress", test_progress);
  status = g_test_run ();
  sp_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
