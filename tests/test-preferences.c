/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sp-calendar-text.h"
#include "sp-path-view.h"
#include "sp-preferences-window.h"
#include "sp-test-core.h"
#include "sp-test-files.h"
#include "sp-test-ui.h"

/* The Preferences window and the "Does it fit?" section, driven as a user
 * would: the real app, its real windows, values typed into spin buttons,
 * buttons clicked; and what the planner saved read back. */

static char *data_home;

static GtkWidget *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SP_IS_PREFERENCES_WINDOW (window))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  g_ptr_array_extend_and_steal (buttons, sp_test_ui_collect_by_type (root, GTK_TYPE_BUTTON));
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

static void
select_day (GtkCalendar *calendar,
            int          year,
            int          month,
            int          day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, 12, 0, 0);

  gtk_calendar_select_day (calendar, dt);
}

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

/* Under load a window may be between frames: draw it anew, then take it. */
static void
save_png_when_drawn (GtkWidget  *widget,
                     const char *name)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (painted);
  sp_test_ui_save_png (widget, name);
}

static void
test_preferences (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  SpPlanner *planner = sp_application_get_planner (app);
  GtkWindow *window = sp_test_ui_get_window (app);
  GtkWidget *path_view = sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_PATH_VIEW);
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GPtrArray) calendars = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autofree char *saved = NULL;
  g_autofree char *state_path = NULL;
  const SpAvailability *availability;
  GtkWidget *prefs;
  GtkSpinButton *monday_hours, *monday_start, *tuesday_hours, *block_spin;
  GtkWidget *add_button, *remove_button;
  GtkListBox *days_off_list = NULL;
  guint32 end_before;

  /* The path shows whether the hours fit, before anything is changed */
  g_assert_true (sp_test_ui_has_text (path_view, _("Does It Fit?")));
  g_assert_true (sp_test_ui_has_text (path_view, _("Projected End of the Path")));
  g_assert_true (sp_test_ui_has_text_containing (path_view, "At 10 h a week you finish the path on"));
  g_assert_true (sp_test_ui_has_text_containing (path_view, "within its 3 to 6 months"));

  /* Opened through its action, as Ctrl+, does */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sp_test_ui_wait (200);
  prefs = find_preferences ();
  g_assert_nonnull (prefs);
  sp_test_ui_wait_for_mapped (prefs);
  /* The hours given, and plainly what is studied of them: an hour from
   * 19:00 holds one 50-minute block, the 10 minutes after its break too
   * short for another */
  g_assert_true (sp_test_ui_has_text (prefs, "10 h a week, 9 h 10 min of study"));
  save_png_when_drawn (prefs, "preferences");

  /* Seven weekday rows of hours and start time, then block and break */
  g_ptr_array_extend_and_steal (spins, sp_test_ui_collect_by_type (prefs, GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpuint (spins->len, ==, 2 * SP_N_WEEKDAYS + 2);
  monday_hours = g_ptr_array_index (spins, 0);
  monday_start = g_ptr_array_index (spins, 1);
  tuesday_hours = g_ptr_array_index (spins, 2);
  block_spin = g_ptr_array_index (spins, 2 * SP_N_WEEKDAYS);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (monday_start)), ==, "19:00");
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    g_assert_true (sp_test_ui_has_text (prefs, sp_weekday_get_name (d)));

  /* Every change re-plans at once and is saved */
  end_before = sp_schedule_get_end_day (sp_planner_get_schedule (planner));
  gtk_spin_button_set_value (monday_hours, 3);
  availability = sp_planner_get_availability (planner);
  g_assert_cmpuint (availability->minutes[0], ==, 180);
  g_assert_true (sp_test_ui_has_text (prefs, "12 h a week, 11 h 20 min of study"));
  g_assert_cmpuint (sp_schedule_get_end_day (sp_planner_get_schedule (planner)), <, end_before);
  state_path = g_build_filename (data_home, "study-planner", "state.json", NULL);
  g_assert_true (g_file_get_contents (state_path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "\"minutes\" : 180"));

  /* The weekly total follows the keys, before the value is committed */
  gtk_editable_set_text (GTK_EDITABLE (tuesday_hours), "2.5");
  g_assert_true (sp_test_ui_has_text (prefs, "13.5 h a week, 13 h of study"));
  gtk_spin_button_update (tuesday_hours);
  g_assert_cmpuint (sp_planner_get_availability (planner)->minutes[1], ==, 150);

  /* A day holds only what follows its start: 24 h from 20:00 is 4 h */
  gtk_spin_button_set_value (monday_start, 20 * 60);
  gtk_spin_button_set_value (monday_hours, 24);
  g_assert_cmpfloat (gtk_spin_button_get_value (monday_hours), ==, 4);
  g_assert_cmpuint (sp_planner_get_availability (planner)->minutes[0], ==, 240);
  gtk_spin_button_set_value (monday_start, 21 * 60 + 30);
  g_assert_cmpfloat (gtk_spin_button_get_value (monday_hours), ==, 2.5);
  g_assert_cmpuint (sp_planner_get_availability (planner)->minutes[0], ==, 150);
  g_assert_cmpuint (sp_planner_get_availability (planner)->start[0], ==, 21 * 60 + 30);

  /* Start times as HH:MM */
  gtk_editable_set_text (GTK_EDITABLE (monday_start), "7:30");
  gtk_spin_button_update (monday_start);
  g_assert_cmpuint (sp_planner_get_availability (planner)->start[0], ==, 7 * 60 + 30);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (monday_start)), ==, "07:30");

  gtk_spin_button_set_value (block_spin, 45);
  g_assert_cmpuint (sp_planner_get_availability (planner)->block_minutes, ==, 45);

  /* Start date, then days off added and removed through the buttons */
  g_ptr_array_extend_and_steal (calendars, sp_test_ui_collect_by_type (prefs, GTK_TYPE_CALENDAR));
  g_assert_cmpuint (calendars->len, ==, 3);
  select_day (g_ptr_array_index (calendars, 0), 2030, 3, 4);
  g_assert_cmpuint (sp_planner_get_availability (planner)->start_day, ==, sp_test_date ("2030-03-04"));
  select_day (g_ptr_array_index (calendars, 1), 2030, 4, 14);
  select_day (g_ptr_array_index (calendars, 2), 2030, 4, 20);
  add_button = find_button_labelled (prefs, _("_Add Days Off"));
  g_assert_nonnull (add_button);
  g_signal_emit_by_name (add_button, "clicked");
  availability = sp_planner_get_availability (planner);
  g_assert_cmpuint (sp_availability_get_n_days_off (availability), ==, 1);
  g_assert_cmpuint (sp_availability_get_days_off (availability, 0)->first, ==, sp_test_date ("2030-04-14"));
  g_assert_cmpuint (sp_availability_get_days_off (availability, 0)->last, ==, sp_test_date ("2030-04-20"));
  for (guint32 day = sp_test_date ("2030-04-14"); day <= sp_test_date ("2030-04-20"); day++)
    g_assert_cmpuint (sp_schedule_get_day_blocks (sp_planner_get_schedule (planner), day, NULL), ==, 0);
  g_assert_true (sp_test_ui_has_text (prefs, "7 days"));
  save_png_when_drawn (prefs, "preferences-changed");

  g_ptr_array_extend_and_steal (lists, sp_test_ui_collect_by_type (prefs, GTK_TYPE_LIST_BOX));
  for (guint i = 0; i < lists->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "boxed-list") &&
        gtk_widget_get_visible (g_ptr_array_index (lists, i)) &&
        sp_test_ui_has_text_containing (g_ptr_array_index (lists, i), "7 days"))
      days_off_list = g_ptr_array_index (lists, i);
  g_assert_nonnull (days_off_list);
  remove_button = sp_test_ui_find_by_type (GTK_WIDGET (gtk_list_box_get_row_at_index (days_off_list, 0)), GTK_TYPE_BUTTON);
  g_assert_nonnull (remove_button);
  g_signal_emit_by_name (remove_button, "clicked");
  g_assert_cmpuint (sp_availability_get_n_days_off (sp_planner_get_availability (planner)), ==, 0);

  /* No hours at all: a clear message in the path, and no blocks */
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    gtk_spin_button_set_value (g_ptr_array_index (spins, 2 * d), 0);
  g_assert_true (sp_test_ui_has_text (prefs, "0 h a week"));
  g_assert_cmpuint (sp_schedule_get_n_blocks (sp_planner_get_schedule (planner)), ==, 0);
  gtk_window_close (GTK_WINDOW (prefs));
  sp_test_ui_wait (200);
  g_assert_true (sp_test_ui_has_text_containing (path_view, "No study hours are set"));
  g_assert_true (sp_test_ui_has_text (path_view, _("Not planned")));

  /* Too few hours: the advice says how many would do */
  {
    g_autoptr(SpAvailability) few = sp_availability_copy (sp_planner_get_availability (planner));

    sp_availability_set_day (few, 5, 120, 9 * 60);
    sp_planner_set_availability (planner, few);
    sp_test_ui_wait (200);
    g_assert_true (sp_test_ui_has_text_containing (path_view, "At 2 h a week, Fundamentals takes"));
    g_assert_true (sp_test_ui_has_text_containing (path_view, "h a week would finish it in 6 months."));
    save_png_when_drawn (GTK_WIDGET (window), "path-does-not-fit");
  }

  sp_test_ui_stop_app (app);
}

/* A wheel notch over @widget as GTK hands it out: the scroll controllers
 * of the capture phase first, then the others, until one takes it */
static void
scroll_over (GtkWidget *widget,
             double     dy)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
        gboolean capture = gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE;
        gboolean handled = FALSE;

        if (!GTK_IS_EVENT_CONTROLLER_SCROLL (controller) || capture != (pass == 0))
          continue;
        g_signal_emit_by_name (controller, "scroll", 0.0, dy, &handled);
        if (handled)
          return;
      }
}

/* Scrolling the page over a spin button leaves the setting alone (it set
 * Saturday from 2.50 to 0.00); a focused one takes the wheel, and the
 * change can be undone from its toast */
static void
test_scroll_and_undo (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  SpPlanner     *planner = sp_application_get_planner (app);
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(SpAvailability) before = NULL;
  GtkScrolledWindow *scrolled;
  GtkSpinButton     *day_hours;
  GtkWidget         *prefs;
  double             value;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sp_test_ui_wait (200);
  prefs = find_preferences ();
  g_assert_nonnull (prefs);
  sp_test_ui_wait_for_mapped (prefs);
  before = sp_availability_copy (sp_planner_get_availability (planner));

  g_ptr_array_extend_and_steal (spins, sp_test_ui_collect_by_type (prefs, GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpuint (spins->len, >=, 2 * SP_N_WEEKDAYS);
  for (guint i = 0; i < spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (spins, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (spin)))
        continue;
      gtk_root_set_focus (GTK_ROOT (prefs), NULL);
      value = gtk_spin_button_get_value (spin);
      scroll_over (GTK_WIDGET (spin), 1);
      scroll_over (GTK_WIDGET (spin), -1);
      scroll_over (GTK_WIDGET (spin), 1);
      sp_test_ui_wait (20);
      g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, value);
    }
  g_assert_true (sp_availability_equal (sp_planner_get_availability (planner), before));

  /* The page scrolled instead */
  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (g_ptr_array_index (spins, 0), GTK_TYPE_SCROLLED_WINDOW));
  g_assert_nonnull (scrolled);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), 0);
  scroll_over (g_ptr_array_index (spins, 0), 1);
  if (gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (scrolled)) >
      gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (scrolled)))
    g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scrolled)), >, 0);

  /* Focused, the sixth weekday's hours take the wheel */
  day_hours = g_ptr_array_index (spins, 2 * 5);
  value = gtk_spin_button_get_value (day_hours);
  gtk_widget_grab_focus (GTK_WIDGET (day_hours));
  scroll_over (GTK_WIDGET (day_hours), value > 0 ? 1 : -1);
  sp_test_ui_wait (100);
  g_assert_cmpfloat (gtk_spin_button_get_value (day_hours), !=, value);
  g_assert_false (sp_availability_equal (sp_planner_get_availability (planner), before));
  g_assert_true (sp_test_ui_has_text (prefs, _("Study settings changed")));

  /* ...and Undo on the toast takes it back */
  g_assert_true (gtk_widget_activate_action (prefs, "prefs.undo", NULL));
  sp_test_ui_wait (100);
  g_assert_true (sp_availability_equal (sp_planner_get_availability (planner), before));
  g_assert_cmpfloat (gtk_spin_button_get_value (day_hours), ==, value);

  sp_test_ui_stop_app (app);
}

static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  g_autoptr(GPtrArray) found = sp_test_ui_collect_by_type (root, type);

  for (guint i = 0; i < found->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (found, i), css_class))
      return g_ptr_array_index (found, i);
  return NULL;
}

/* Waits for the Path view to be rebuilt after a change */
static void
wait_for_path (GtkWidget *path_view)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  sp_test_ui_wait (50);
  while (sp_path_view_get_loading (SP_PATH_VIEW (path_view)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  sp_test_ui_wait (50);
}

/* Goal dates: the Path view's top line, a goal's row and its button that
 * takes the hours, undone from the toast; the goal buttons of the report
 * and of Preferences */
static void
test_goals (void)
{
  g_autofree char *state = g_build_filename (data_home, "study-planner", "state.json", NULL);
  g_autoptr(SpAvailability) before = NULL;
  g_autoptr(GPtrArray) goal_buttons = NULL;
  SpApplication *app;
  SpPlanner     *planner;
  GtkWindow     *window;
  GtkWidget     *path_view, *verdict, *take, *prefs, *group;
  guint32        end;
  guint          n_goal_buttons = 0;

  /* The hours the tests before saved go: the default ten hours a week */
  g_remove (state);
  app = sp_test_ui_start_app ();
  planner = sp_application_get_planner (app);
  window = sp_test_ui_get_window (app);
  path_view = sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_PATH_VIEW);
  before = sp_availability_copy (sp_planner_get_availability (planner));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "path");
  wait_for_path (path_view);

  /* At once, above the details */
  verdict = find_with_class (path_view, GTK_TYPE_BOX, "path-verdict");
  g_assert_nonnull (verdict);
  g_assert_true (gtk_widget_has_css_class (verdict, "plan-fits"));
  g_assert_true (sp_test_ui_has_text (verdict, "The plan fits: every level within its time frame."));
  g_assert_true (sp_test_ui_has_text_containing (path_view, "typically 12–18 months of dedicated study and practice"));

  /* A goal a month before Fundamentals ends */
  end = sp_schedule_get_level_report (sp_planner_get_schedule (planner), 0)->end_day;
  g_assert_true (sp_planner_set_goal (planner, "fundamentals", end - 30, NULL));
  wait_for_path (path_view);
  verdict = find_with_class (path_view, GTK_TYPE_BOX, "path-verdict");
  g_assert_true (gtk_widget_has_css_class (verdict, "plan-does-not-fit"));
  g_assert_true (sp_test_ui_has_text (verdict, "The plan does not fit: 1 goal is not met at these hours."));
  g_assert_true (sp_test_ui_has_text_containing (path_view, "Goal for Fundamentals, "));
  g_assert_true (sp_test_ui_has_text_containing (path_view, " h more on "));
  save_png_when_drawn (GTK_WIDGET (window), "path-goal");

  /* Its button takes the hours; the toast's Undo gives them back */
  take = find_with_class (path_view, GTK_TYPE_BUTTON, "take-goal-hours");
  g_assert_nonnull (take);
  g_signal_emit_by_name (take, "clicked");
  wait_for_path (path_view);
  g_assert_false (sp_availability_equal (sp_planner_get_availability (planner), before));
  g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (window), "Study hours set to "));
  g_assert_true (sp_test_ui_has_text (path_view, "The plan fits: every level within its time frame, every goal met."));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  wait_for_path (path_view);
  g_assert_true (sp_availability_equal (sp_planner_get_availability (planner), before));
  g_assert_cmpuint (sp_planner_get_goal (planner, "fundamentals"), ==, end - 30);

  /* A goal button for each level and for the whole path */
  goal_buttons = sp_test_ui_collect_by_type (path_view, GTK_TYPE_MENU_BUTTON);
  for (guint i = 0; i < goal_buttons->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (goal_buttons, i), "goal-button"))
      n_goal_buttons++;
  g_assert_cmpuint (n_goal_buttons, ==, 4);

  /* ...and in Preferences, where the goal shows */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sp_test_ui_wait (200);
  prefs = find_preferences ();
  g_assert_nonnull (prefs);
  group = find_with_class (prefs, ADW_TYPE_PREFERENCES_GROUP, "goal-dates");
  g_assert_nonnull (group);
  g_assert_true (sp_test_ui_has_text (group, _("Whole Path")));
  {
    g_autofree char *date = sp_calendar_format_date (end - 30);

    g_assert_true (sp_test_ui_has_text (group, date));
  }
  gtk_window_close (GTK_WINDOW (prefs));
  sp_test_ui_stop_app (app);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Its own data folder, so the state it saves starts fresh and goes away */
  data_home = sp_test_ui_make_data_home ("sp-prefs-XXXXXX");

  sp_test_ui_init (&argc, &argv);

  g_test_add_func ("/preferences/hours-and-fit", test_preferences);
  g_test_add_func ("/preferences/scroll-and-undo", test_scroll_and_undo);
  g_test_add_func ("/preferences/goals", test_goals);

  status = g_test_run ();
  sp_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
