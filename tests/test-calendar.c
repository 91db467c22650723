/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "sp-block-popover.h"
#include "sp-calendar-grid.h"
#include "sp-day-view.h"
#include "sp-progress-summary.h"
#include "sp-test-ui.h"
#include "sp-window.h"

/* The Month, Week and Day views in the real window under Xvfb: navigation
 * with the keys GNOME Calendar users know, marking a block and seeing it
 * everywhere and in the saved state, moving blocks, notifications, and
 * screenshots of each view. */

static char *data_home;

static guint32
date (const char *text)
{
  guint32 day = 0;

  g_assert_true (sp_parse_date (text, &day, NULL));
  return day;
}

static void
assert_day (guint32     day,
            const char *expected)
{
  g_autofree char *text = sp_format_date (day);

  g_assert_cmpstr (text, ==, expected);
}

typedef struct
{
  SpApplication  *app;
  SpWindow       *window;
  SpPlanner      *planner;
  SpCalendarGrid *month;
  SpCalendarGrid *week;
  SpDayView      *day;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
} Ui;

static GtkWidget *
find_grid (GtkWidget      *root,
           SpCalendarSpan  span)
{
  if (SP_IS_CALENDAR_GRID (root) && sp_calendar_grid_get_span (SP_CALENDAR_GRID (root)) == span)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_grid (child, span);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 &&
      gtk_widget_is_visible (root))
    return root;
  if (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
ui_start (Ui *ui)
{
  memset (ui, 0, sizeof *ui);
  ui->app = sp_test_ui_start_app ();
  ui->window = SP_WINDOW (sp_test_ui_get_window (ui->app));
  ui->planner = sp_application_get_planner (ui->app);
  ui->month = SP_CALENDAR_GRID (find_grid (GTK_WIDGET (ui->window), SP_CALENDAR_SPAN_MONTH));
  ui->week = SP_CALENDAR_GRID (find_grid (GTK_WIDGET (ui->window), SP_CALENDAR_SPAN_WEEK));
  ui->day = SP_DAY_VIEW (sp_test_ui_find_by_type (GTK_WIDGET (ui->window), SP_TYPE_DAY_VIEW));
  ui->date_button = GTK_MENU_BUTTON (sp_test_ui_find_by_type (GTK_WIDGET (ui->window), GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (ui->month);
  g_assert_nonnull (ui->week);
  g_assert_nonnull (ui->day);
}

static void
ui_stop (Ui *ui)
{
  sp_test_ui_stop_app (ui->app);
  memset (ui, 0, sizeof *ui);
}

/* The focus for key presses: the visible view's own widget */
static GtkWidget *
view_focus (Ui *ui)
{
  const char *view = sp_window_get_view (ui->window);

  if (g_strcmp0 (view, "month") == 0)
    return GTK_WIDGET (ui->month);
  if (g_strcmp0 (view, "week") == 0)
    return GTK_WIDGET (ui->week);
  if (g_strcmp0 (view, "day") == 0)
    return GTK_WIDGET (ui->day);
  return GTK_WIDGET (ui->window);
}

static void
press (Ui              *ui,
       guint            keyval,
       GdkModifierType  modifiers)
{
  GtkWidget *focus = view_focus (ui);

  gtk_widget_grab_focus (focus);
  g_assert_true (sp_test_ui_press_key (focus, keyval, modifiers));
}

static const char *
date_label (Ui *ui)
{
  return gtk_menu_button_get_label (ui->date_button);
}

static void
assert_label_is_month (Ui         *ui,
                       const char *day)
{
  g_autofree char *month = sp_calendar_format_month (date (day));

  g_assert_cmpstr (date_label (ui), ==, month);
}

static gboolean
has_text_containing (GtkWidget  *root,
                     const char *needle)
{
  g_autoptr(GPtrArray) texts = sp_test_ui_collect_text (root);

  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_day_shown (Ui         *ui,
                  const char *day)
{
  g_autofree char *words = sp_calendar_format_day (date (day));

  g_assert_true (has_text_containing (GTK_WIDGET (ui->day), words));
}

/* Picks a date the way a person does: in the date picker's calendar */
static void
pick_date (Ui         *ui,
           const char *text)
{
  GtkCalendar *calendar = GTK_CALENDAR (sp_test_ui_find_by_type (GTK_WIDGET (ui->window), GTK_TYPE_CALENDAR));
  guint32 day = date (text);
  GDate d;
  g_autoptr(GDateTime) time = NULL;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  time = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);
  gtk_menu_button_popup (ui->date_button);
  gtk_calendar_select_day (calendar, time);
  g_signal_emit_by_name (calendar, "day-selected");
  sp_test_ui_wait (20);
  g_assert_cmpuint (sp_window_get_selected_day (ui->window), ==, day);
}

static void
test_navigation (void)
{
  Ui ui;
  const SpCalendarLayout *layout;
  guint32 today;

  ui_start (&ui);
  today = sp_planner_get_today (ui.planner);

  /* Ctrl+1: Month */
  press (&ui, GDK_KEY_1, GDK_CONTROL_MASK);
  g_assert_cmpstr (sp_window_get_view (ui.window), ==, "month");
  g_assert_cmpuint (sp_window_get_selected_day (ui.window), ==, today);

  /* Forward across the year: December 2025, January 2026 */
  pick_date (&ui, "2025-12-15");
  assert_label_is_month (&ui, "2025-12-01");
  press (&ui, GDK_KEY_Right, GDK_ALT_MASK);
  assert_day (sp_window_get_selected_day (ui.window), "2026-01-15");
  assert_label_is_month (&ui, "2026-01-01");
  layout = sp_calendar_grid_get_layout (ui.month);
  assert_day (layout->month_first, "2026-01-01");
  assert_day (layout->month_last, "2026-01-31");
  press (&ui, GDK_KEY_Page_Down, 0);
  assert_label_is_month (&ui, "2026-02-01");
  /* And back across it */
  press (&ui, GDK_KEY_Page_Up, 0);
  press (&ui, GDK_KEY_Left, GDK_ALT_MASK);
  assert_label_is_month (&ui, "2025-12-01");
  assert_day (sp_calendar_grid_get_layout (ui.month)->month_first, "2025-12-01");
  /* Months keep the day where they can: 31 January, then February's last */
  pick_date (&ui, "2026-01-31");
  press (&ui, GDK_KEY_Right, GDK_ALT_MASK);
  assert_day (sp_window_get_selected_day (ui.window), "2026-02-28");

  /* Arrows move the selected day, across the month too; Enter opens it */
  pick_date (&ui, "2025-12-30");
  press (&ui, GDK_KEY_Right, 0);
  assert_day (sp_window_get_selected_day (ui.window), "2025-12-31");
  press (&ui, GDK_KEY_Down, 0);
  assert_day (sp_window_get_selected_day (ui.window), "2026-01-07");
  assert_label_is_month (&ui, "2026-01-01");
  press (&ui, GDK_KEY_Up, 0);
  press (&ui, GDK_KEY_Left, 0);
  assert_day (sp_window_get_selected_day (ui.window), "2025-12-30");
  {
    g_autofree char *words = sp_calendar_format_day (date ("2025-12-30"));
    g_assert_nonnull (strstr (sp_calendar_grid_get_description (ui.month), words));
  }
  press (&ui, GDK_KEY_Return, 0);
  g_assert_cmpstr (sp_window_get_view (ui.window), ==, "day");
  assert_day (sp_window_get_selected_day (ui.window), "2025-12-30");

  /* Ctrl+2: Week, across the year */
  press (&ui, GDK_KEY_2, GDK_CONTROL_MASK);
  g_assert_cmpstr (sp_window_get_view (ui.window), ==, "week");
  pick_date (&ui, "2025-12-31");
  layout = sp_calendar_grid_get_layout (ui.week);
  g_assert_cmpuint (layout->last_day - layout->first_day, ==, 6);
  g_assert_true (layout->first_day <= date ("2025-12-31") && date ("2025-12-31") <= layout->last_day);
  {
    guint32 first = layout->first_day;
    g_autofree char *label = sp_calendar_format_range (first, first + 6);

    g_assert_cmpstr (date_label (&ui), ==, label);
    press (&ui, GDK_KEY_Page_Down, 0);
    g_assert_cmpuint (sp_calendar_grid_get_layout (ui.week)->first_day, ==, first + 7);
    assert_day (sp_window_get_selected_day (ui.window), "2026-01-07");
    press (&ui, GDK_KEY_Left, GDK_ALT_MASK);
    press (&ui, GDK_KEY_Left, GDK_ALT_MASK);
    g_assert_cmpuint (sp_calendar_grid_get_layout (ui.week)->first_day, ==, first - 7);
    assert_day (sp_window_get_selected_day (ui.window), "2025-12-24");
  }

  /* Ctrl+3: Day, across the year */
  press (&ui, GDK_KEY_3, GDK_CONTROL_MASK);
  g_assert_cmpstr (sp_window_get_view (ui.window), ==, "day");
  pick_date (&ui, "2025-12-31");
  assert_day_shown (&ui, "2025-12-31");
  press (&ui, GDK_KEY_Right, GDK_ALT_MASK);
  assert_day (sp_window_get_selected_day (ui.window), "2026-01-01");
  assert_day_shown (&ui, "2026-01-01");
  {
    g_autofree char *words = sp_calendar_format_day (date ("2026-01-01"));
    g_assert_cmpstr (date_label (&ui), ==, words);
  }
  press (&ui, GDK_KEY_Page_Up, 0);
  assert_day (sp_window_get_selected_day (ui.window), "2025-12-31");

  /* Today: Ctrl+T and Home */
  press (&ui, GDK_KEY_t, GDK_CONTROL_MASK);
  g_assert_cmpuint (sp_window_get_selected_day (ui.window), ==, today);
  pick_date (&ui, "2024-06-01");
  press (&ui, GDK_KEY_Home, 0);
  g_assert_cmpuint (sp_window_get_selected_day (ui.window), ==, today);

  /* Ctrl+4 is still the Path view, which has no dates to step through */
  press (&ui, GDK_KEY_4, GDK_CONTROL_MASK);
  g_assert_cmpstr (sp_window_get_view (ui.window), ==, "path");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (ui.date_button))));
  gtk_widget_activate_action (GTK_WIDGET (ui.window), "win.next", NULL);
  g_assert_cmpuint (sp_window_get_selected_day (ui.window), ==, today);

  /* The views share the selected day */
  sp_window_set_selected_day (ui.window, date ("2026-03-03"));
  g_assert_cmpuint (sp_calendar_grid_get_selected_day (ui.month), ==, date ("2026-03-03"));
  g_assert_cmpuint (sp_calendar_grid_get_selected_day (ui.week), ==, date ("2026-03-03"));
  g_assert_cmpuint (sp_day_view_get_selected_day (ui.day), ==, date ("2026-03-03"));

  ui_stop (&ui);
}

static void
mark_first (SpPlanner     *planner,
            guint32        day,
            SpBlockStatus  status,
            guint          minutes)
{
  SpSchedule *schedule = sp_planner_get_schedule (planner);
  g_autoptr(GError) error = NULL;
  guint first;

  g_assert_cmpuint (sp_schedule_get_day_blocks (schedule, day, &first), >, 0);
  g_assert_true (sp_planner_mark_block (planner, sp_schedule_get_block (schedule, first)->id, status, minutes, &error));
  g_assert_no_error (error);
}

/* A path started on 16 February 2026, followed for two weeks and a half:
 * most days done, one missed, one partly done, one skipped, a week off
 * ahead, and a block the user moved. Today is Wednesday 4 March. */
static void
make_history (Ui *ui)
{
  g_autoptr(SpAvailability) availability = sp_availability_copy (sp_planner_get_availability (ui->planner));
  guint32 start = date ("2026-02-16"), today = date ("2026-03-04");
  SpSchedule *schedule;
  guint first;
  g_autoptr(GError) error = NULL;

  availability->start_day = start;
  sp_availability_add_days_off (availability, date ("2026-03-16"), date ("2026-03-20"));
  sp_planner_set_today (ui->planner, start);
  sp_planner_set_availability (ui->planner, availability);

  for (guint32 day = start; day < today; day++)
    {
      sp_planner_set_today (ui->planner, day);
      if (day == date ("2026-02-21"))
        continue; /* missed */
      if (day == date ("2026-02-25"))
        mark_first (ui->planner, day, SP_BLOCK_STATUS_PARTIAL, 30);
      else if (day == date ("2026-02-27"))
        mark_first (ui->planner, day, SP_BLOCK_STATUS_SKIPPED, 0);
      else
        {
          guint n = sp_schedule_get_day_blocks (sp_planner_get_schedule (ui->planner), day, &first);

          for (guint i = 0; i < n; i++)
            {
              schedule = sp_planner_get_schedule (ui->planner);
              sp_schedule_get_day_blocks (schedule, day, &first);
              g_assert_true (sp_planner_mark_block (ui->planner, sp_schedule_get_block (schedule, first + i)->id,
                                                    SP_BLOCK_STATUS_DONE, 0, NULL));
            }
        }
    }
  sp_planner_set_today (ui->planner, today);
  mark_first (ui->planner, today, SP_BLOCK_STATUS_DONE, 0);

  /* Thursday's block, moved to the morning by the user */
  schedule = sp_planner_get_schedule (ui->planner);
  g_assert_cmpuint (sp_schedule_get_day_blocks (schedule, today + 1, &first), >, 0);
  g_assert_true (sp_planner_move_block (ui->planner, sp_schedule_get_block (schedule, first)->id,
                                        today + 1, 7 * 60 + 30, &error));
  g_assert_no_error (error);
  sp_window_set_selected_day (ui->window, today);
}

/* Sizes the window's surface, as a window manager would: without one,
 * under Xvfb, GTK keeps a few pixels of it for resize borders. */
static gboolean
resize (Ui  *ui,
        int  width,
        int  height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (ui->window));
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GdkRectangle geometry;

  /* A window never grows past its screen */
  gdk_monitor_get_geometry (monitor, &geometry);
  if (geometry.width < width || geometry.height < height)
    {
      g_test_message ("The screen is %d×%d: no %d×%d screenshots (xvfb-run -s \"-screen 0 1920x1080x24\")",
                      geometry.width, geometry.height, width, height);
      return FALSE;
    }

  gtk_window_set_default_size (GTK_WINDOW (ui->window), width, height);
  while ((gdk_surface_get_width (surface) != width || gdk_surface_get_height (surface) != height) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gdk_surface_get_width (surface), ==, width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, height);
  sp_test_ui_wait (100);
  return TRUE;
}

static void
test_screenshots (void)
{
  static const char *views[] = { "month", "week", "day" };
  static const int sizes[][2] = { { 800, 600 }, { 1920, 1080 } };
  Ui ui;

  ui_start (&ui);
  make_history (&ui);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      if (!resize (&ui, sizes[s][0], sizes[s][1]))
        {
          g_test_incomplete ("the screen is too small for some of the screenshots");
          continue;
        }
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%dx%d%s", views[v], sizes[s][0], sizes[s][1],
                                                   g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "ro") ? "-ro" : "");

          sp_window_set_view (ui.window, views[v]);
          /* Past the switcher's transitions */
          sp_test_ui_wait (500);
          sp_test_ui_save_png (GTK_WIDGET (ui.window), name);
        }
    }

  /* Dark style and large text (the accessibility setting scales the
   * font by 1.25; 1.5 here, to be sure nothing is cut) */
  if (resize (&ui, 1280, 800))
    {
      GtkSettings *settings = gtk_settings_get_default ();
      int dpi;

      g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      g_object_set (settings, "gtk-xft-dpi", (int) (96 * 1.5 * 1024), NULL);
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          g_autofree char *name = g_strdup_printf ("%s-dark-large-text", views[v]);

          sp_window_set_view (ui.window, views[v]);
          sp_test_ui_wait (500);
          sp_test_ui_save_png (GTK_WIDGET (ui.window), name);
        }
      g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    }

  ui_stop (&ui);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Each run saves its state in a fresh folder, so runs cannot meet */
  data_home = g_dir_make_tmp ("sp-calendar-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STUDY_PLANNER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/calendar/navigation", test_navigation);
  g_test_add_func ("/calendar/screenshots", test_screenshots);

  status = g_test_run ();
  g_free (data_home);
  return status;
}
