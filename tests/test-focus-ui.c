/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sp-block-popover.h"
#include "sp-calendar-grid.h"
#include "sp-calendar-text.h"
#include "sp-day-view.h"
#include "sp-focus-session.h"
#include "sp-focus-view.h"
#include "sp-manual-clock.h"
#include "sp-path-view.h"
#include "sp-progress-summary.h"
#include "sp-test-files.h"
#include "sp-test-notify.h"
#include "sp-test-ui.h"
#include "sp-window.h"

/* Studied time against planned in the window: a focus session of 42
 * minutes on a block of today shows in the Day view, the week summary and
 * the Path view's level. */

static char              *data_home;
static SpTestNotifyServer notify_server;

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = sp_test_ui_find_button (root, label);

  g_assert_nonnull (button);
  return button;
}

/* As Enter or Space would: GtkButton shows the press, then clicks */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  sp_test_ui_wait (350);
}

/* The first block from today on; its day becomes today when @today */
static char *
first_block (SpPlanner *planner,
             gboolean   today)
{
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  guint32     from = sp_planner_get_today (planner);

  for (guint32 day = from; day < from + 14; day++)
    {
      guint first;

      if (sp_schedule_get_day_blocks (schedule, day, &first) > 0)
        {
          g_autofree char *id = g_strdup (sp_schedule_get_block (schedule, first)->id);

          if (today && day != from)
            sp_planner_set_today (planner, day);
          /* (a new today plans again: the first block is looked up again) */
          schedule = sp_planner_get_schedule (planner);
          sp_schedule_get_day_blocks (schedule, day, &first);
          return g_strdup (sp_schedule_get_block (schedule, first)->id);
        }
    }
  g_assert_not_reached ();
}

/* A new user's app, and a clock the test moves */
typedef struct
{
  SpApplication *app;
  SpWindow      *window;
  SpPlanner     *planner;
  SpManualClock *clock;
} Fixture;

static void
fixture_open_app (Fixture *f)
{
  f->app = sp_test_ui_start_app ();
  f->window = SP_WINDOW (sp_test_ui_get_window (f->app));
  f->planner = sp_application_get_planner (f->app);
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  sp_test_ui_reset_state ();
  fixture_open_app (f);
  f->clock = sp_manual_clock_new (g_get_real_time ());
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  sp_test_ui_stop_app (f->app);
  g_clear_object (&f->clock);
}

/* The app closed and started again, once it had time to show what it offers */
static void
fixture_restart_app (Fixture *f)
{
  sp_test_ui_stop_app (f->app);
  fixture_open_app (f);
  sp_test_ui_wait (200);
}

static const SpBlock *
lookup (SpPlanner  *planner,
        const char *id)
{
  const SpBlock *block = sp_schedule_lookup_block (sp_planner_get_schedule (planner), id);

  g_assert_nonnull (block);
  return block;
}

static const char *
indicator_text (SpWindow *window)
{
  GtkWidget *label = sp_test_ui_find_by_type (sp_window_get_focus_indicator (window), GTK_TYPE_LABEL);

  return gtk_label_get_text (GTK_LABEL (label));
}

/* The focus view the window shows, on a session of block @id */
static GtkWidget *
focus_view_on (SpWindow   *window,
               const char *id)
{
  GtkWidget *view = sp_window_get_focus_view (window);

  g_assert_nonnull (view);
  g_assert_cmpstr (sp_focus_session_get_block_id (sp_focus_view_get_session (SP_FOCUS_VIEW (view))), ==, id);
  return view;
}

static void
advance (SpManualClock *clock,
         guint          minutes)
{
  sp_manual_clock_advance (clock, (gint64) minutes * 60 * G_USEC_PER_SEC);
}

static void
test_progress (Fixture      *f,
               gconstpointer data)
{
  g_autoptr(SpFocusSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char   *id = first_block (f->planner, FALSE);
  g_autofree char   *minutes = sp_calendar_format_duration (42);
  g_autofree char   *studied = NULL;
  g_autofree char   *week = NULL;
  g_autofree char   *level = NULL;
  const SpBlock     *block;
  GtkWidget         *day_view, *path_view;
  SpProgressSummary *summary;

  block = lookup (f->planner, id);
  sp_window_set_selected_day (f->window, block->day);
  sp_window_set_view (f->window, "day");
  day_view = sp_test_ui_find_by_type (GTK_WIDGET (f->window), SP_TYPE_DAY_VIEW);
  path_view = sp_test_ui_find_by_type (GTK_WIDGET (f->window), SP_TYPE_PATH_VIEW);
  summary = SP_PROGRESS_SUMMARY (sp_test_ui_find_by_type (GTK_WIDGET (f->window), SP_TYPE_PROGRESS_SUMMARY));
  studied = g_strdup_printf (_(", %s studied in focus"), minutes);
  g_assert_false (sp_test_ui_has_text_containing (day_view, studied));

  session = sp_focus_session_start (f->planner, id, SP_CLOCK (f->clock), NULL, &error);
  g_assert_no_error (error);
  sp_manual_clock_advance (f->clock, (gint64) 42 * 60 * G_USEC_PER_SEC);
  g_assert_true (sp_focus_session_finish (session, SP_FOCUS_OUTCOME_DONE, &error));
  g_assert_no_error (error);
  sp_test_ui_wait (100);

  block = sp_schedule_lookup_block (sp_planner_get_schedule (f->planner), id);
  g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_PARTIAL);
  g_assert_cmpuint (block->done_minutes, ==, 42);

  g_assert_true (sp_test_ui_has_text_containing (day_view, studied));
  /* The words after the minutes focused, in the language of the run */
  week = g_strconcat (minutes, g_strrstr (_("This week: %s of %s done, %s of it in focus sessions"), "%s") + 2, NULL);
  g_assert_nonnull (strstr (sp_progress_summary_get_text (summary), week));
  level = g_strconcat (minutes, g_strrstr (_("%s · %s · %s focused"), "%s") + 2, NULL);
  g_assert_false (sp_test_ui_has_text_containing (path_view, level));
  sp_window_set_view (f->window, "path");
  /* The page is made again once shown, in idle steps */
  for (guint i = 0; i < 50 && !sp_test_ui_has_text_containing (path_view, level); i++)
    sp_test_ui_wait (100);
  g_assert_true (sp_test_ui_has_text_containing (path_view, level));
}

/* From the Day view's Start to the block's record: the header's time in
 * another view, a pause that does not count, +5, Finish Early */
static void
test_session (Fixture      *f,
              gconstpointer data)
{
  g_autofree char   *id = first_block (f->planner, FALSE);
  g_autofree char   *summary_before = NULL;
  g_autofree char   *minutes = sp_calendar_format_duration (42);
  g_autofree char   *week = NULL;
  const SpBlock     *block = lookup (f->planner, id);
  GtkWidget         *day_view, *row, *view, *indicator;
  SpFocusSession    *session;
  SpProgressSummary *summary;

  g_assert_cmpuint (block->minutes, ==, 50);
  sp_window_set_focus_clock (f->window, G_OBJECT (f->clock));
  sp_window_set_selected_day (f->window, block->day);
  sp_window_set_view (f->window, "day");
  sp_test_ui_wait (100);
  day_view = sp_test_ui_find_by_type (GTK_WIDGET (f->window), SP_TYPE_DAY_VIEW);
  summary = SP_PROGRESS_SUMMARY (sp_test_ui_find_by_type (GTK_WIDGET (f->window), SP_TYPE_PROGRESS_SUMMARY));
  summary_before = g_strdup (sp_progress_summary_get_text (summary));
  indicator = sp_window_get_focus_indicator (f->window);
  g_assert_false (gtk_widget_get_visible (indicator));

  row = sp_day_view_get_block_row (SP_DAY_VIEW (day_view), id);
  g_assert_nonnull (row);
  click (find_button (row, _("St_art")));
  view = sp_window_get_focus_view (f->window);
  g_assert_nonnull (view);
  sp_test_ui_wait_for_mapped (view);
  session = sp_focus_view_get_session (SP_FOCUS_VIEW (view));
  g_assert_cmpstr (sp_focus_session_get_block_id (session), ==, id);
  g_assert_true (sp_test_ui_has_text (view, sp_topic_get_title (block->topic)));
  g_assert_true (sp_test_ui_has_text (view, "50:00"));
  g_assert_nonnull (sp_planner_get_focus_session (f->planner));

  /* The header shows the time left, in every view */
  g_assert_true (gtk_widget_get_visible (indicator));
  g_assert_cmpstr (indicator_text (f->window), ==, "50:00");
  sp_window_set_view (f->window, "month");
  sp_test_ui_wait (100);
  g_assert_true (gtk_widget_get_mapped (indicator));
  advance (f->clock, 20);
  g_assert_cmpstr (indicator_text (f->window), ==, "30:00");
  g_assert_true (sp_test_ui_has_text (view, "30:00"));
  sp_window_set_view (f->window, "path");
  sp_test_ui_wait (100);
  g_assert_true (gtk_widget_get_mapped (indicator));

  /* Paused time does not count */
  click (find_button (view, _("_Pause")));
  g_assert_true (sp_focus_session_get_paused (session));
  g_assert_true (sp_test_ui_has_text (view, _("Paused")));
  advance (f->clock, 10);
  g_assert_cmpstr (indicator_text (f->window), ==, "30:00");
  click (find_button (view, _("_Resume")));
  g_assert_false (sp_focus_session_get_paused (session));
  advance (f->clock, 12);
  g_assert_cmpstr (indicator_text (f->window), ==, "18:00");

  /* Five minutes more */
  click (find_button (view, _("+_5 min")));
  g_assert_cmpstr (indicator_text (f->window), ==, "23:00");
  g_assert_cmpuint (sp_focus_session_get_target_minutes (session), ==, 55);
  advance (f->clock, 10);
  g_assert_cmpstr (indicator_text (f->window), ==, "13:00");

  /* Finish Early: the 42 minutes studied, the block partly done */
  click (find_button (view, _("_Finish Early")));
  g_assert_null (sp_window_get_focus_view (f->window));
  g_assert_false (gtk_widget_get_visible (indicator));
  block = lookup (f->planner, id);
  g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_PARTIAL);
  g_assert_cmpuint (block->done_minutes, ==, 42);
  g_assert_null (sp_planner_get_focus_session (f->planner));
  g_assert_cmpstr (sp_progress_summary_get_text (summary), !=, summary_before);
  week = g_strconcat (minutes, g_strrstr (_("This week: %s of %s done, %s of it in focus sessions"), "%s") + 2, NULL);
  g_assert_nonnull (strstr (sp_progress_summary_get_text (summary), week));
}

/* From the details popover; the whole block, its end, Done; the note */
static void
test_popover_to_done (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *id = first_block (f->planner, FALSE);
  SpCalendarGrid  *month;
  GtkPopover      *popover;
  GtkWidget       *view, *note;
  SpFocusSession  *session;
  const SpBlock   *block;
  guint            n, n_notified;

  sp_window_set_focus_clock (f->window, G_OBJECT (f->clock));
  sp_window_set_view (f->window, "month");
  sp_window_set_selected_day (f->window, lookup (f->planner, id)->day);
  month = SP_CALENDAR_GRID (sp_test_ui_find_by_type (GTK_WIDGET (f->window), SP_TYPE_CALENDAR_GRID));
  sp_test_ui_wait_for_mapped (GTK_WIDGET (month));
  gtk_widget_grab_focus (GTK_WIDGET (month));
  g_assert_true (sp_test_ui_press_key (GTK_WIDGET (month), GDK_KEY_Menu, 0));
  popover = sp_calendar_grid_get_popover (month);
  g_assert_nonnull (popover);
  g_assert_cmpstr (sp_block_popover_get_block_id (SP_BLOCK_POPOVER (popover)), ==, id);
  click (find_button (GTK_WIDGET (popover), _("Start a _Focus Session")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  view = focus_view_on (f->window, id);
  session = sp_focus_view_get_session (SP_FOCUS_VIEW (view));

  /* The note field writes the block's note */
  note = sp_test_ui_find_by_type (view, GTK_TYPE_ENTRY);
  g_assert_nonnull (note);
  gtk_editable_set_text (GTK_EDITABLE (note), "chapter 3 done");
  g_signal_emit_by_name (note, "activate");
  g_assert_cmpstr (lookup (f->planner, id)->note, ==, "chapter 3 done");

  /* The time is up: a notification, the choice, nothing recorded yet */
  n_notified = notify_server.summaries->len;
  advance (f->clock, 50);
  g_assert_true (sp_focus_session_get_ended (session));
  for (guint i = 0; i < 50 && notify_server.summaries->len == n_notified; i++)
    sp_test_ui_wait (20);
  g_assert_cmpuint (notify_server.summaries->len, ==, n_notified + 1);
  g_assert_cmpstr (g_ptr_array_index (notify_server.summaries, n_notified), ==, _("Time is up"));
  g_assert_cmpstr (g_ptr_array_index (notify_server.icons, n_notified), ==, APP_ID);
  g_assert_true (sp_test_ui_has_text (view, _("Time is up: is the block done?")));
  g_assert_null (sp_test_ui_find_button (view, _("_Pause")));
  g_assert_cmpint (lookup (f->planner, id)->status, ==, SP_BLOCK_STATUS_PLANNED);
  advance (f->clock, 30); /* time after the end is not study */
  click (find_button (view, _("_Done")));
  g_assert_null (sp_window_get_focus_view (f->window));
  block = lookup (f->planner, id);
  g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_DONE);
  g_assert_cmpuint (block->n_focus, ==, 1);
  g_assert_cmpuint (sp_schedule_get_focus (sp_planner_get_schedule (f->planner), block, &n)[0].minutes, ==, 50);
}

/* Ctrl+Shift+F studies the next block of today; the notification's
 * Start does the same for its block */
static void
test_shortcut (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *id = first_block (f->planner, TRUE);
  g_autofree char *second = NULL;
  SpSchedule      *schedule = sp_planner_get_schedule (f->planner);
  GtkWidget       *view;
  guint            first;

  sp_window_set_focus_clock (f->window, G_OBJECT (f->clock));
  sp_window_set_view (f->window, "week");
  sp_test_ui_wait (100);
  g_assert_true (sp_test_ui_press_key (GTK_WIDGET (f->window), GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  view = focus_view_on (f->window, id);
  advance (f->clock, 5);
  click (find_button (view, _("_Finish Early")));
  g_assert_cmpuint (lookup (f->planner, id)->done_minutes, ==, 5);

  /* Done and skipped blocks are passed over: the block after it */
  g_assert_true (sp_planner_mark_block (f->planner, id, SP_BLOCK_STATUS_DONE, 0, NULL));
  schedule = sp_planner_get_schedule (f->planner);
  if (sp_schedule_get_day_blocks (schedule, sp_planner_get_today (f->planner), &first) > 1)
    {
      second = g_strdup (sp_schedule_get_block (schedule, first + 1)->id);
      g_assert_true (sp_test_ui_press_key (GTK_WIDGET (f->window), GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
      view = focus_view_on (f->window, second);
      click (find_button (view, _("_Finish Early")));
    }

  /* The notification's Start button */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "focus-block", g_variant_new_string (id));
  sp_test_ui_wait (100);
  view = focus_view_on (f->window, id);
  sp_test_ui_wait_for_mapped (view);
}

/* A session running when the app closed is offered on the next start:
 * finished with the minutes that passed, or discarded */
static void
test_recovery (Fixture      *f,
               gconstpointer data)
{
  /* Started 20 minutes and a half ago, by the real clock the next start reads */
  g_autoptr(SpManualClock) clock = sp_manual_clock_new (g_get_real_time () - (gint64) (20 * 60 + 30) * G_USEC_PER_SEC);
  g_autofree char *id = first_block (f->planner, FALSE);
  g_autofree char *body = NULL;
  GtkWidget       *dialog;
  const SpBlock   *block;

  sp_window_set_focus_clock (f->window, G_OBJECT (clock));
  sp_window_start_focus (f->window, id);
  g_assert_nonnull (sp_window_get_focus_view (f->window));

  /* Next start: the dialog, Discard */
  fixture_restart_app (f);
  dialog = sp_window_get_focus_recovery (f->window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  body = g_strdup_printf (ngettext ("A focus session was still running when Study Planner closed: %u minute studied.",
                                    "A focus session was still running when Study Planner closed: %u minutes studied.",
                                    20),
                          20);
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, body);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  sp_test_ui_wait (100);
  g_assert_null (sp_planner_get_focus_session (f->planner));
  g_assert_cmpint (lookup (f->planner, id)->status, ==, SP_BLOCK_STATUS_PLANNED);

  /* Discarded: nothing offered the time after */
  fixture_restart_app (f);
  g_assert_null (sp_window_get_focus_recovery (f->window));

  /* Again, and Finish and Record: the 20 minutes on the block */
  g_set_object (&clock, sp_manual_clock_new (g_get_real_time () - (gint64) (20 * 60 + 30) * G_USEC_PER_SEC));
  sp_window_set_focus_clock (f->window, G_OBJECT (clock));
  sp_window_start_focus (f->window, id);
  fixture_restart_app (f);
  dialog = sp_window_get_focus_recovery (f->window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "finish");
  sp_test_ui_wait (100);
  g_assert_null (sp_planner_get_focus_session (f->planner));
  block = lookup (f->planner, id);
  g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_PARTIAL);
  g_assert_cmpuint (block->done_minutes, ==, 20);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A fresh folder for the state, so runs cannot meet */
  data_home = sp_test_ui_make_data_home ("sp-focus-ui-XXXXXX");

  sp_test_ui_init (&argc, &argv);
  /* The end of a session is notified; no sound under test */
  sp_test_notify_server_start (&notify_server);
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_boolean (settings, "focus-sound", FALSE);
  }

  g_test_add ("/focus-ui/progress", Fixture, NULL, fixture_setup, test_progress, fixture_teardown);
  g_test_add ("/focus-ui/session", Fixture, NULL, fixture_setup, test_session, fixture_teardown);
  g_test_add ("/focus-ui/popover-to-done", Fixture, NULL, fixture_setup, test_popover_to_done, fixture_teardown);
  g_test_add ("/focus-ui/shortcut", Fixture, NULL, fixture_setup, test_shortcut, fixture_teardown);
  g_test_add ("/focus-ui/recovery", Fixture, NULL, fixture_setup, test_recovery, fixture_teardown);
  status = g_test_run ();
  sp_test_notify_server_stop (&notify_server);
  sp_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
