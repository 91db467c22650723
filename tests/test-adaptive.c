/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-calendar-grid.h"
#include "sp-dates.h"
#include "sp-focus-view.h"
#include "sp-manual-clock.h"
#include "sp-preferences-window.h"
#include "sp-test-core.h"
#include "sp-test-ui.h"
#include "sp-window.h"

/* The narrowest window GNOME's guidelines plan for, a phone's */
#define NARROW_WIDTH  360
#define NARROW_HEIGHT 640

static const char *views[] = { "month", "week", "day", "path", "courses" };

/* The widget needing more than @width, for the message of a failure */
static GtkWidget *
widest_descendant (GtkWidget *widget,
                   int        width)
{
  GtkWidget *found = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child && !found; child = gtk_widget_get_next_sibling (child))
    {
      int min;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > width)
        found = widest_descendant (child, width);
    }
  return found != NULL ? found : widget;
}

static void
assert_fits (GtkWidget  *window,
             const char *what)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  int         min_width, min_height;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (window, GTK_ORIENTATION_VERTICAL, NARROW_WIDTH, &min_height, NULL, NULL, NULL);
  if (min_width > NARROW_WIDTH)
    g_error ("%s needs %d px: %s", what, min_width, G_OBJECT_TYPE_NAME (widest_descendant (window, NARROW_WIDTH)));
  g_assert_cmpint (min_height, <=, NARROW_HEIGHT);
  /* The window stayed as it was made: no view grew it */
  g_assert_cmpint (gdk_surface_get_width (surface), ==, NARROW_WIDTH);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, NARROW_HEIGHT);
  g_assert_cmpint (gtk_widget_get_width (window), <=, NARROW_WIDTH);
}

/* The header's title, where it shows, is whole: never "Stu…" */
static void
assert_title_whole (GtkWidget *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (title); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child))
        {
          PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (child));

          if (pango_layout_is_ellipsized (layout))
            g_error ("the title “%s” is cut short", gtk_label_get_text (GTK_LABEL (child)));
        }
      assert_title_whole (child);
    }
}

static void
test_each_view_narrow (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  GtkWindow     *window = sp_test_ui_get_window (app);
  GtkWidget     *title = sp_test_ui_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);
  GtkWidget     *prefs = NULL;
  GListModel    *toplevels;

  if (!sp_test_ui_resize (window, NARROW_WIDTH, NARROW_HEIGHT))
    {
      sp_test_ui_stop_app (app);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%dx%d", views[i], NARROW_WIDTH, NARROW_HEIGHT);

      sp_window_set_view (SP_WINDOW (window), views[i]);
      sp_test_ui_wait (300);
      assert_fits (GTK_WIDGET (window), views[i]);
      g_assert_true (adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title)));
      assert_title_whole (title);
      sp_test_ui_save_png (GTK_WIDGET (window), name);
    }

  /* A narrow month shows dots, and lists the selected day's blocks below */
  {
    SpSchedule    *schedule = sp_planner_get_schedule (sp_application_get_planner (app));
    const SpBlock *block = sp_schedule_get_block (schedule, 0);
    GtkWidget     *grid = sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_CALENDAR_GRID);
    GtkWidget     *list = gtk_widget_get_next_sibling (grid);

    sp_window_set_view (SP_WINDOW (window), "month");
    sp_window_set_selected_day (SP_WINDOW (window), block->day);
    sp_test_ui_wait (300);
    g_assert_true (sp_calendar_grid_is_compact (SP_CALENDAR_GRID (grid)));
    g_assert_true (gtk_widget_get_mapped (list));
    g_assert_true (sp_test_ui_has_text (list, sp_topic_get_title (block->topic)));

    /* ...and none of it in a wide window */
    g_assert_true (sp_test_ui_resize (window, 1280, 800));
    g_assert_false (sp_calendar_grid_is_compact (SP_CALENDAR_GRID (grid)));
    g_assert_false (gtk_widget_get_mapped (list));
  }

  /* Preferences reflow too */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sp_test_ui_wait (300);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (SP_IS_PREFERENCES_WINDOW (toplevel))
        prefs = GTK_WIDGET (toplevel);
    }
  g_assert_nonnull (prefs);
  gtk_window_set_modal (GTK_WINDOW (prefs), FALSE);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), NULL);
  /* libadwaita's preferences window itself asks for 360 px, and its
   * resize borders come on top under X11: its content fits in 360 */
  {
    GtkWidget *content = gtk_widget_get_first_child (prefs);
    int        min, window_min;

    gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    if (min > NARROW_WIDTH)
      {
        GtkWidget *widest = widest_descendant (content, NARROW_WIDTH);

        g_error ("Preferences need %d px: %s “%s”", min, G_OBJECT_TYPE_NAME (widest),
                 GTK_IS_LABEL (widest) ? gtk_label_get_text (GTK_LABEL (widest)) : "");
      }
    gtk_widget_measure (prefs, GTK_ORIENTATION_HORIZONTAL, -1, &window_min, NULL, NULL, NULL);
    g_assert_true (sp_test_ui_resize (GTK_WINDOW (prefs), window_min, NARROW_HEIGHT));
  }
  sp_test_ui_save_png (prefs, "preferences-360x640");
  gtk_window_destroy (GTK_WINDOW (prefs));

  sp_test_ui_stop_app (app);
}

/* The first block from today on */
static const SpBlock *
next_block (SpPlanner *planner)
{
  SpSchedule *schedule = sp_planner_get_schedule (planner);

  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    if (sp_schedule_get_block (schedule, i)->day >= sp_planner_get_today (planner))
      return sp_schedule_get_block (schedule, i);
  g_assert_not_reached ();
}

/* What the header's button shows: the time left, "sign" where it has
 * less room, "" where it has none */
static const char *
indicator_shown (SpWindow *window)
{
  GtkWidget *indicator = sp_window_get_focus_indicator (window);
  GtkWidget *label = sp_test_ui_find_by_type (indicator, GTK_TYPE_LABEL);

  if (!gtk_widget_get_mapped (indicator))
    return "";
  return gtk_widget_get_mapped (label) ? gtk_label_get_text (GTK_LABEL (label)) : "sign";
}

/* While a focus session runs the header's time left is in every view,
 * and every view still fits 360 px; a wide window shows the time */
static void
test_focus_session_narrow (void)
{
  SpApplication *app;
  SpWindow      *window;
  SpPlanner     *planner;
  GtkWidget     *title;
  g_autoptr(SpManualClock) clock = sp_manual_clock_new (g_get_real_time ());

  /* A start with no progress saved, and none left behind: a session left
   * running would be offered on every later start */
  sp_test_ui_reset_state ();
  app = sp_test_ui_start_app ();
  window = SP_WINDOW (sp_test_ui_get_window (app));
  planner = sp_application_get_planner (app);
  title = sp_test_ui_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);
  if (!sp_test_ui_resize (GTK_WINDOW (window), NARROW_WIDTH, NARROW_HEIGHT))
    {
      sp_test_ui_stop_app (app);
      return;
    }
  sp_window_set_focus_clock (window, G_OBJECT (clock));
  sp_window_start_focus (window, next_block (planner)->id);
  g_assert_nonnull (sp_window_get_focus_view (window));
  sp_test_ui_wait_for_mapped (sp_window_get_focus_view (window));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-focus-%dx%d", views[i], NARROW_WIDTH, NARROW_HEIGHT);

      sp_window_set_view (window, views[i]);
      sp_test_ui_wait (300);
      g_test_message ("%s at %d px: the header shows “%s”", views[i], NARROW_WIDTH, indicator_shown (window));
      assert_fits (GTK_WIDGET (window), views[i]);
      /* the narrow title has it all the same */
      g_assert_true (sp_test_ui_has_text_containing (title, "50:00"));
      assert_title_whole (title);
      sp_test_ui_save_png (GTK_WIDGET (window), name);
    }

  g_assert_true (sp_test_ui_resize (GTK_WINDOW (window), 1280, 800));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      sp_window_set_view (window, views[i]);
      sp_test_ui_wait (100);
      g_assert_cmpstr (indicator_shown (window), ==, "50:00");
    }

  sp_test_ui_stop_app (app);
  sp_test_ui_reset_state ();
}

/* The feasibility report of a goal that needs more hours: its "Set N h a
 * Week" button wraps rather than widen the Path view */
static void
test_path_goal_narrow (void)
{
  SpApplication *app;
  GtkWindow     *window;
  SpPlanner     *planner;
  GtkWidget     *take;
  g_autoptr(GError) error = NULL;

  sp_test_ui_reset_state ();
  app = sp_test_ui_start_app ();
  window = sp_test_ui_get_window (app);
  planner = sp_application_get_planner (app);
  if (!sp_test_ui_resize (window, NARROW_WIDTH, NARROW_HEIGHT))
    {
      sp_test_ui_stop_app (app);
      return;
    }
  /* The whole path in a year and a half: more hours a week than planned */
  g_assert_true (sp_planner_set_goal (planner, "path", sp_planner_get_today (planner) + 540, &error));
  g_assert_no_error (error);
  sp_window_set_view (SP_WINDOW (window), "path");
  sp_test_ui_wait (500);
  take = sp_test_ui_find_by_css_class (GTK_WIDGET (window), "take-goal-hours");
  g_assert_nonnull (take);
  g_assert_true (gtk_widget_get_mapped (take));
  assert_fits (GTK_WIDGET (window), "path with a goal");
  sp_test_ui_save_png (GTK_WIDGET (window), "path-goal-360x640");

  sp_test_ui_stop_app (app);
  sp_test_ui_reset_state ();
}

/* At 1280 px the date button beside the switcher shows its whole text in
 * the Month and Week views, every month (the Day view's longest dates,
 * "Wed 30 Sep 2026", still lose a few pixels) */
static void
test_date_whole_wide (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  GtkWindow     *window = sp_test_ui_get_window (app);
  g_autoptr(GPtrArray) menus = sp_test_ui_collect_by_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GtkWidget         *date = NULL;
  static const char *spans[] = { "month", "week", "day" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < menus->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (menus, i)), _("Choose a Date")) == 0)
      date = g_ptr_array_index (menus, i);
  g_assert_nonnull (date);
  if (!sp_test_ui_resize (window, 1280, 800))
    {
      sp_test_ui_stop_app (app);
      return;
    }
  for (guint month = 1; month <= 12; month++)
    for (guint v = 0; v < G_N_ELEMENTS (spans); v++)
      {
        /* This year's: the Day view names another year's, longer */
        g_autofree char *day = g_strdup_printf ("%d-%02u-%02u", g_date_time_get_year (now), month,
                                                month == 2 ? 28 : 30);
        GtkWidget       *label;

        sp_window_set_selected_day (SP_WINDOW (window), sp_test_date (day));
        sp_window_set_view (SP_WINDOW (window), spans[v]);
        sp_test_ui_wait (200);
        label = sp_test_ui_find_by_type (date, GTK_TYPE_LABEL);
        g_assert_true (gtk_widget_get_mapped (label));
        if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
          g_error ("at 1280 px the %s view's date “%s” is cut short (%d px)", spans[v],
                   gtk_label_get_text (GTK_LABEL (label)), gtk_widget_get_width (label));
      }
  sp_test_ui_stop_app (app);
}

/* Where the view switcher is: in the header, or in the bar at the bottom */
static gboolean
switcher_in_header (GtkWindow *window)
{
  GtkWidget *title = sp_test_ui_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);
  GtkWidget *bar = sp_test_ui_find_by_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  gboolean   in_header = !adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title));

  /* one or the other, never both nor neither */
  g_assert_true (in_header != adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  return in_header;
}

/* The switcher's place depends on the window's width alone: not on the
 * view, nor on the length of the date shown */
static void
test_switcher_place (void)
{
  SpApplication     *app = sp_test_ui_start_app ();
  GtkWindow         *window = sp_test_ui_get_window (app);
  static const int   widths[] = { 360, 600, 800, 1000, 1280 };
  static const char *days[] = { "2026-12-15", "2027-01-15" };
  static const char *switched_views[] = { "month", "week", "day", "path", "courses" };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      int place = -1;

      if (!sp_test_ui_resize (window, widths[w], 700))
        break;
      for (guint d = 0; d < G_N_ELEMENTS (days); d++)
        for (guint v = 0; v < G_N_ELEMENTS (switched_views); v++)
          {
            gboolean in_header;

            sp_window_set_selected_day (SP_WINDOW (window), sp_test_date (days[d]));
            sp_window_set_view (SP_WINDOW (window), switched_views[v]);
            sp_test_ui_wait (100);
            in_header = switcher_in_header (window);
            g_test_message ("%d px, %s, %s: %s", widths[w], days[d], switched_views[v], in_header ? "header" : "bar");
            if (place == -1)
              place = in_header;
            else if (place != in_header)
              g_error ("at %d px the switcher moved on %s with %s", widths[w], switched_views[v], days[d]);
          }
      /* at the ends: a phone has the bar, a laptop the header */
      if (widths[w] == 360)
        g_assert_false (place);
      if (widths[w] == 1280)
        g_assert_true (place);
    }
  sp_test_ui_stop_app (app);
}

int
main (int   argc,
      char *argv[])
{
  sp_test_ui_init (&argc, &argv);
  /* GNOME's own window buttons: the close button alone */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_add_func ("/adaptive/each-view-narrow", test_each_view_narrow);
  g_test_add_func ("/adaptive/switcher-place", test_switcher_place);
  g_test_add_func ("/adaptive/focus-session-narrow", test_focus_session_narrow);
  g_test_add_func ("/adaptive/path-goal-narrow", test_path_goal_narrow);
  g_test_add_func ("/adaptive/date-whole-wide", test_date_whole_wide);

  return g_test_run ();
}
