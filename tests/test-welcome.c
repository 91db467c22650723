/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-test-ui.h"
#include "sp-welcome-window.h"

static GtkWidget *
find_welcome (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SP_IS_WELCOME_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* The first start asks the hours, the start date and the track, once:
 * a quick choice sets the week, which says plainly what is studied of it,
 * and Start Planning gives the hours to the planner */
static void
test_first_start (void)
{
  SpApplication *app = (sp_test_ui_reset_state (), sp_test_ui_start_app_first_time ());
  SpPlanner     *planner = sp_application_get_planner (app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget            *welcome = find_welcome ();
  GtkWidget            *ten;
  const SpAvailability *availability;
  g_autofree char      *week = NULL;
  guint                 total = 0;

  g_assert_nonnull (welcome);
  g_assert_false (g_settings_get_boolean (settings, "welcome-shown"));
  sp_test_ui_save_png (welcome, "welcome");

  ten = sp_test_ui_find_button (welcome, "10 h");
  g_assert_nonnull (ten);
  g_signal_emit_by_name (ten, "clicked");
  sp_test_ui_wait (50);
  /* "10 h a week, 8 h 20 min of study" when the breaks come out */
  g_assert_true (sp_test_ui_has_text_containing (welcome, _("of study")) ||
                                                 sp_test_ui_has_text (welcome, "10 h a week"));

  g_signal_emit_by_name (sp_test_ui_find_button (welcome, _("_Start Planning")), "clicked");
  sp_test_ui_wait (100);
  g_assert_null (find_welcome ());
  g_assert_true (g_settings_get_boolean (settings, "welcome-shown"));
  availability = sp_planner_get_availability (planner);
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    total += availability->minutes[d];
  g_assert_cmpuint (total, ==, 10 * 60);
  week = sp_availability_describe_week (availability);
  g_test_message ("%s", week);
  sp_test_ui_stop_app (app);

  /* The second start goes straight to the plan */
  app = sp_test_ui_start_app ();
  g_assert_null (find_welcome ());
  sp_test_ui_stop_app (app);
}

/* Skipped, it is not asked again either, and changes nothing */
static void
test_skip (void)
{
  SpApplication *app = (sp_test_ui_reset_state (), sp_test_ui_start_app_first_time ());
  SpPlanner     *planner = sp_application_get_planner (app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SpAvailability) before = sp_availability_copy (sp_planner_get_availability (planner));
  GtkWidget *welcome = find_welcome ();

  g_assert_nonnull (welcome);
  g_signal_emit_by_name (sp_test_ui_find_button (welcome, "15 h"), "clicked");
  g_signal_emit_by_name (sp_test_ui_find_button (welcome, _("_Skip")), "clicked");
  sp_test_ui_wait (100);
  g_assert_null (find_welcome ());
  g_assert_true (g_settings_get_boolean (settings, "welcome-shown"));
  g_assert_true (sp_availability_equal (before, sp_planner_get_availability (planner)));
  sp_test_ui_stop_app (app);
}

/* The week's words, from the core */
static void
test_weekly_words (void)
{
  g_autoptr(SpAvailability) availability = sp_availability_new ();
  g_autofree char *words = NULL;

  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    sp_availability_set_day (availability, d, 0, 19 * 60);
  /* a 50-minute block in an hour, the 10 minutes after its break too
   * short for another */
  sp_availability_set_day (availability, 0, 60, 19 * 60);
  availability->block_minutes = 50;
  availability->break_minutes = 10;
  g_assert_cmpuint (sp_availability_get_study_minutes (availability, 0), ==, 50);
  words = sp_availability_describe_week (availability);
  g_assert_cmpstr (words, ==, "1 h a week, 50 min of study");
  g_clear_pointer (&words, g_free);
  /* none lost: the hours alone */
  sp_availability_set_day (availability, 0, 100, 19 * 60);
  words = sp_availability_describe_week (availability);
  g_assert_cmpstr (words, ==, "1.7 h a week");
  /* past midnight nothing is planned */
  sp_availability_set_day (availability, 0, 120, 23 * 60);
  g_assert_cmpuint (sp_availability_get_study_minutes (availability, 0), ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  sp_test_ui_init (&argc, &argv);

  g_test_add_func ("/welcome/first-start", test_first_start);
  g_test_add_func ("/welcome/skip", test_skip);
  g_test_add_func ("/welcome/weekly-words", test_weekly_words);

  return g_test_run ();
}
