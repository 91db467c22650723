/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "sp-block-popover.h"
#include "sp-calendar-grid.h"
#include "sp-day-view.h"
#include "sp-progress-summary.h"
#include "sp-test-core.h"
#include "sp-test-notify.h"
#include "sp-test-ui.h"
#include "sp-window.h"

/* The Month, Week and Day views in the real window under Xvfb: navigation
 * with the keys GNOME Calendar users know, marking a block and seeing it
 * everywhere and in the saved state, moving blocks, notifications, and
 * screenshots of each view. */

static char *data_home;

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

static void
ui_start (Ui *ui)
{
  memset (ui, 0, sizeof *ui);
  ui->app = sp_test_ui_start_app ();
  ui->window = SP_WINDOW (sp_test_ui_get_window (ui->app));
  ui->planner = sp_application_get_planner (ui->app);
  ui->month = SP_CALENDAR_GRID (sp_test_ui_find_grid (GTK_WIDGET (ui->window), SP_CALENDAR_SPAN_MONTH));
  ui->week = SP_CALENDAR_GRID (sp_test_ui_find_grid (GTK_WIDGET (ui->window), SP_CALENDAR_SPAN_WEEK));
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
  /* A view just switched to is laid out before it is looked at */
  focus = view_focus (ui);
  if (!gtk_widget_get_mapped (focus) || gtk_widget_get_width (focus) == 0)
    sp_test_ui_wait_for_mapped (focus);
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
  g_autofree char *month = sp_calendar_format_month (sp_test_date (day));

  g_assert_cmpstr (date_label (ui), ==, month);
}

static void
assert_day_shown (Ui         *ui,
                  const char *day)
{
  g_autofree char *words = sp_calendar_format_day (sp_test_date (day));

  g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (ui->day), words));
}

/* Picks a date the way a person does: in the date picker's calendar */
static void
pick_date (Ui         *ui,
           const char *text)
{
  GtkCalendar *calendar;
  guint32      day = sp_test_date (text);
  GDate d;
  g_autoptr(GDateTime) time = NULL;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  time = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);
  /* The picker is made when it first opens */
  gtk_menu_button_popup (ui->date_button);
  calendar = GTK_CALENDAR (sp_test_ui_find_by_type (GTK_WIDGET (ui->window), GTK_TYPE_CALENDAR));
  g_assert_nonnull (calendar);
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

  sp_test_ui_reset_state ();
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
  sp_test_assert_date (sp_window_get_selected_day (ui.window), "2026-01-15");
  assert_label_is_month (&ui, "2026-01-01");
  layout = sp_calendar_grid_get_layout (ui.month);
  sp_test_assert_date (layout->month_first, "2026-01-01");
  sp_test_assert_date (layout->month_last, "2026-01-31");
  press (&ui, GDK_KEY_Page_Down, 0);
  assert_label_is_month (&ui, "2026-02-01");
  /* And back across it */
  press (&ui, GDK_KEY_Page_Up, 0);
  press (&ui, GDK_KEY_Left, GDK_ALT_MASK);
  assert_label_is_month (&ui, "2025-12-01");
  sp_test_assert_date (sp_calendar_grid_get_layout (ui.month)->month_first, "2025-12-01");
  /* Months keep the day where they can: 31 January, then February's last */
  pick_date (&ui, "2026-01-31");
  press (&ui, GDK_KEY_Right, GDK_ALT_MASK);
  sp_test_assert_date (sp_window_get_selected_day (ui.window), "2026-02-28");

  /* Arrows move the selected day, across the month too; Enter opens it */
  pick_date (&ui, "2025-12-30");
  press (&ui, GDK_KEY_Right, 0);
  sp_test_assert_date (sp_window_get_selected_day (ui.window), "2025-12-31");
  press (&ui, GDK_KEY_Down, 0);
  sp_test_assert_date (sp_window_get_selected_day (ui.window), "2026-01-07");
  assert_label_is_month (&ui, "2026-01-01");
  press (&ui, GDK_KEY_Up, 0);
  press (&ui, GDK_KEY_Left, 0);
  sp_test_assert_date (sp_window_get_selected_day (ui.window), "2025-12-30");
  {
    g_autofree char *words = sp_calendar_format_day (sp_test_date ("2025-12-30"));
    g_assert_nonnull (strstr (sp_calendar_grid_get_description (ui.month), words));
  }
  press (&ui, GDK_KEY_Return, 0);
  g_assert_cmpstr (sp_window_get_view (ui.window), ==, "day");
  sp_test_assert_date (sp_window_get_selected_day (ui.window), "2025-12-30");
  /* the Day view, hidden while the day was chosen, shows it once shown */
  sp_test_ui_wait (20);
  assert_day_shown (&ui, "2025-12-30");

  /* Ctrl+2: Week, across the year */
  press (&ui, GDK_KEY_2, GDK_CONTROL_MASK);
  g_assert_cmpstr (sp_window_get_view (ui.window), ==, "week");
  pick_date (&ui, "2025-12-31");
  layout = sp_calendar_grid_get_layout (ui.week);
  g_assert_cmpuint (layout->last_day - layout->first_day, ==, 6);
  g_assert_true (layout->first_day <= sp_test_date ("2025-12-31") && sp_test_date ("2025-12-31") <= layout->last_day);
  {
    guint32 first = layout->first_day;
    /* the month of the week's Thursday; the whole range is below the header */
    g_autofree char *label = sp_calendar_format_month (first + 3);
    g_autofree char *range = sp_calendar_format_range (first, first + 6);

    g_assert_cmpstr (date_label (&ui), ==, label);
    g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (ui.window), range));
    press (&ui, GDK_KEY_Page_Down, 0);
    g_assert_cmpuint (sp_calendar_grid_get_layout (ui.week)->first_day, ==, first + 7);
    sp_test_assert_date (sp_window_get_selected_day (ui.window), "2026-01-07");
    press (&ui, GDK_KEY_Left, GDK_ALT_MASK);
    press (&ui, GDK_KEY_Left, GDK_ALT_MASK);
    g_assert_cmpuint (sp_calendar_grid_get_layout (ui.week)->first_day, ==, first - 7);
    sp_test_assert_date (sp_window_get_selected_day (ui.window), "2025-12-24");
  }

  /* Ctrl+3: Day, across the year */
  press (&ui, GDK_KEY_3, GDK_CONTROL_MASK);
  g_assert_cmpstr (sp_window_get_view (ui.window), ==, "day");
  pick_date (&ui, "2025-12-31");
  assert_day_shown (&ui, "2025-12-31");
  press (&ui, GDK_KEY_Right, GDK_ALT_MASK);
  sp_test_assert_date (sp_window_get_selected_day (ui.window), "2026-01-01");
  assert_day_shown (&ui, "2026-01-01");
  {
    /* The year only when it is not this one */
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *words = sp_calendar_format (sp_test_date ("2026-01-01"), g_date_time_get_year (now) == 2026
                                                 ? C_("date", "%a %-d %b")
                                                       : C_("date", "%a %-d %b %Y"));
    g_assert_cmpstr (date_label (&ui), ==, words);
  }
  press (&ui, GDK_KEY_Page_Up, 0);
  sp_test_assert_date (sp_window_get_selected_day (ui.window), "2025-12-31");

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
  sp_window_set_selected_day (ui.window, sp_test_date ("2026-03-03"));
  g_assert_cmpuint (sp_calendar_grid_get_selected_day (ui.month), ==, sp_test_date ("2026-03-03"));
  g_assert_cmpuint (sp_calendar_grid_get_selected_day (ui.week), ==, sp_test_date ("2026-03-03"));
  g_assert_cmpuint (sp_day_view_get_selected_day (ui.day), ==, sp_test_date ("2026-03-03"));

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
  guint32     start = sp_test_date ("2026-02-16"), today = sp_test_date ("2026-03-04");
  SpSchedule *schedule;
  guint first;
  g_autoptr(GError) error = NULL;

  availability->start_day = start;
  sp_availability_add_days_off (availability, sp_test_date ("2026-03-16"), sp_test_date ("2026-03-20"));
  sp_planner_set_today (ui->planner, start);
  sp_planner_set_availability (ui->planner, availability);

  for (guint32 day = start; day < today; day++)
    {
      sp_planner_set_today (ui->planner, day);
      if (day == sp_test_date ("2026-02-21"))
        continue; /* missed */
      if (day == sp_test_date ("2026-02-25"))
        mark_first (ui->planner, day, SP_BLOCK_STATUS_PARTIAL, 30);
      else if (day == sp_test_date ("2026-02-27"))
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

  /* A note on Saturday's first block */
  schedule = sp_planner_get_schedule (ui->planner);
  g_assert_cmpuint (sp_schedule_get_day_blocks (schedule, sp_test_date ("2026-03-07"), &first), >, 0);
  g_assert_true (sp_planner_set_block_note (ui->planner, sp_schedule_get_block (schedule, first)->id,
                                            "Chapter 3 first, then the exercises", &error));
  g_assert_no_error (error);

  sp_window_set_selected_day (ui->window, today);
}

/* The state file as saved: the status of @block_id, or NULL */
static char *
saved_status (const char *plan_id,
              const char *block_id)
{
  g_autofree char *path = g_build_filename (data_home, "study-planner", "state.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *plans, *progress;
  JsonArray *blocks;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  plans = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "plans");
  progress = json_object_get_object_member (plans, plan_id);
  g_assert_nonnull (progress);
  blocks = json_object_get_array_member (progress, "blocks");
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);

      if (g_str_equal (json_object_get_string_member (block, "id"), block_id))
        return g_strdup (json_object_get_string_member (block, "status"));
    }
  return NULL;
}

static const SpBlock *
lookup (Ui         *ui,
        const char *id)
{
  const SpBlock *block = sp_schedule_lookup_block (sp_planner_get_schedule (ui->planner), id);

  g_assert_nonnull (block);
  return block;
}

/* The first block of the first day from @from on that has any */
static char *
first_block_from (Ui      *ui,
                  guint32  from)
{
  SpSchedule *schedule = sp_planner_get_schedule (ui->planner);

  for (guint32 day = from; day < from + 14; day++)
    {
      guint first;

      if (sp_schedule_get_day_blocks (schedule, day, &first) > 0)
        return g_strdup (sp_schedule_get_block (schedule, first)->id);
    }
  g_assert_not_reached ();
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* As Enter or Space would: GtkButton shows the press, then clicks */
  gtk_widget_activate (button);
  sp_test_ui_wait (350);
}

static void
assert_shown_done (Ui         *ui,
                   const char *id)
{
  const SpBlock *block = lookup (ui, id);
  g_autofree char *words = sp_calendar_describe_block (sp_planner_get_schedule (ui->planner), block);
  const SpCalendarDay *cell;
  GtkWidget *row;

  g_assert_cmpint (block->status, ==, SP_BLOCK_STATUS_DONE);
  sp_window_set_selected_day (ui->window, block->day);

  /* Month and Week: the day counts the block done, and says so in words */
  cell = sp_calendar_layout_lookup_day (sp_calendar_grid_get_layout (ui->month), block->day);
  g_assert_true (cell->flags & (SP_CALENDAR_DAY_ALL_DONE | SP_CALENDAR_DAY_SOME_DONE));
  g_assert_cmpuint (cell->done_minutes, >=, block->minutes);
  g_assert_nonnull (strstr (sp_calendar_grid_get_description (ui->month), words));
  cell = sp_calendar_layout_lookup_day (sp_calendar_grid_get_layout (ui->week), block->day);
  g_assert_cmpuint (cell->done_minutes, >=, block->minutes);
  g_assert_nonnull (strstr (sp_calendar_grid_get_description (ui->week), words));

  /* Day: the row is marked done and its Done button is spent */
  row = sp_day_view_get_block_row (ui->day, id);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "block-done"));
  g_assert_false (gtk_widget_is_sensitive (sp_test_ui_find_button (row, _("_Done"))));
}

static void
test_mark_done (void)
{
  Ui ui;
  g_autofree char *id = NULL;
  g_autofree char *status = NULL;
  g_autofree char *summary_before = NULL;
  g_autofree char *plan_id = NULL;
  SpProgressSummary *summary;
  GtkPopover *popover;
  GtkWidget *row;
  guint32 day;

  sp_test_ui_reset_state ();
  ui_start (&ui);
  plan_id = g_strdup (sp_plan_get_id (sp_planner_get_plan (ui.planner)));
  summary = SP_PROGRESS_SUMMARY (sp_test_ui_find_by_type (GTK_WIDGET (ui.window), SP_TYPE_PROGRESS_SUMMARY));
  summary_before = g_strdup (sp_progress_summary_get_text (summary));

  id = first_block_from (&ui, sp_planner_get_today (ui.planner));
  day = lookup (&ui, id)->day;
  g_assert_cmpint (lookup (&ui, id)->status, ==, SP_BLOCK_STATUS_PLANNED);

  /* Month view, the block's day, its details from the keyboard, Done */
  press (&ui, GDK_KEY_1, GDK_CONTROL_MASK);
  sp_window_set_selected_day (ui.window, day);
  press (&ui, GDK_KEY_Menu, 0);
  popover = sp_calendar_grid_get_popover (ui.month);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (sp_block_popover_get_block_id (SP_BLOCK_POPOVER (popover)), ==, id);
  g_assert_true (sp_test_ui_has_text (GTK_WIDGET (popover), sp_topic_get_title (lookup (&ui, id)->topic)));
  click (sp_test_ui_find_button (GTK_WIDGET (popover), _("_Done")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  /* A toast says so, with Undo, as after a move */
  {
    g_autofree char *toast = g_strdup_printf (_("“%s” marked done"), sp_topic_get_title (lookup (&ui, id)->topic));

    g_assert_true (sp_test_ui_has_text (GTK_WIDGET (ui.window), toast));
    g_assert_nonnull (sp_test_ui_find_button (GTK_WIDGET (ui.window), _("_Undo")));
  }

  assert_shown_done (&ui, id);
  g_assert_cmpstr (sp_progress_summary_get_text (summary), !=, summary_before);
  status = saved_status (plan_id, id);
  g_assert_cmpstr (status, ==, "done");
  g_clear_pointer (&status, g_free);

  /* Ctrl+Z takes it back, in the views and on disk */
  press (&ui, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpint (lookup (&ui, id)->status, ==, SP_BLOCK_STATUS_PLANNED);
  g_assert_cmpstr (sp_progress_summary_get_text (summary), ==, summary_before);
  status = saved_status (plan_id, id);
  g_assert_null (status);

  /* Partly done from the Day view: 20 minutes */
  press (&ui, GDK_KEY_3, GDK_CONTROL_MASK);
  row = sp_day_view_get_block_row (ui.day, id);

  /* With no course chosen for its topic, the block suggests the best match */
  if (sp_planner_get_topic_course (ui.planner, lookup (&ui, id)->topic->id) == NULL)
    {
      SpCatalog *catalog = sp_application_get_catalog (ui.app);
      g_autoptr(GPtrArray) best = sp_catalog_dup_courses_for_topic (catalog, lookup (&ui, id)->topic->id, 1);

      g_assert_cmpuint (best->len, ==, 1);
      g_assert_true (sp_test_ui_has_text_containing (row, sp_course_get_title (g_ptr_array_index (best, 0))));
      g_assert_nonnull (sp_test_ui_find_button (row, _("_Use for This Topic")));
    }
  {
    GtkWidget *partial = sp_test_ui_find_button (row, _("_Partly Done…"));
    GtkWidget *popup, *spin;

    g_assert_nonnull (partial);
    gtk_menu_button_popup (GTK_MENU_BUTTON (partial));
    popup = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (partial)));
    spin = sp_test_ui_find_by_type (popup, GTK_TYPE_SPIN_BUTTON);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 20);
    click (sp_test_ui_find_button (popup, _("Sa_ve")));
  }
  g_assert_cmpint (lookup (&ui, id)->status, ==, SP_BLOCK_STATUS_PARTIAL);
  g_assert_cmpuint (lookup (&ui, id)->done_minutes, ==, 20);
  status = saved_status (plan_id, id);
  g_assert_cmpstr (status, ==, "partial");
  g_clear_pointer (&status, g_free);

  /* Then done, from the rebuilt row, with a note */
  row = sp_day_view_get_block_row (ui.day, id);
  g_assert_true (gtk_widget_has_css_class (row, "block-partial"));
  click (sp_test_ui_find_button (row, _("_Done")));
  row = sp_day_view_get_block_row (ui.day, id);
  {
    GtkWidget *note = sp_test_ui_find_by_type (row, GTK_TYPE_ENTRY);

    gtk_editable_set_text (GTK_EDITABLE (note), "Chapter 2 twice");
    g_signal_emit_by_name (note, "activate");
    sp_test_ui_wait (50);
  }
  g_assert_cmpstr (lookup (&ui, id)->note, ==, "Chapter 2 twice");
  assert_shown_done (&ui, id);
  ui_stop (&ui);

  /* A new start reads it back */
  ui_start (&ui);
  assert_shown_done (&ui, id);
  g_assert_cmpstr (lookup (&ui, id)->note, ==, "Chapter 2 twice");
  status = saved_status (plan_id, id);
  g_assert_cmpstr (status, ==, "done");
  ui_stop (&ui);
}

/* Skip and Ctrl+Z in the Day view with the keyboard on the row's buttons,
 * as a user has it: no critical (one came on each, fatal here), and the
 * focus stays on the block's row, never lost to nothing. */
static void
test_day_skip_focus (void)
{
  Ui               ui;
  g_autofree char *id = NULL;
  GtkWidget       *row, *skip, *focus;

  sp_test_ui_reset_state ();
  ui_start (&ui);
  id = first_block_from (&ui, sp_planner_get_today (ui.planner));
  sp_window_set_selected_day (ui.window, lookup (&ui, id)->day);
  press (&ui, GDK_KEY_3, GDK_CONTROL_MASK);

  /* With the focus nowhere, as after a click where nothing takes it: a
   * note and its undo change the row in place */
  {
    GtkWidget *note = sp_test_ui_find_by_type (sp_day_view_get_block_row (ui.day, id), GTK_TYPE_ENTRY);

    gtk_root_set_focus (GTK_ROOT (ui.window), NULL);
    gtk_editable_set_text (GTK_EDITABLE (note), "Read twice");
    g_signal_emit_by_name (note, "activate");
    sp_test_ui_wait (50);
    g_assert_cmpstr (lookup (&ui, id)->note, ==, "Read twice");
    g_assert_true (sp_day_view_get_block_row (ui.day, id) == gtk_widget_get_ancestor (note, GTK_TYPE_LIST_BOX_ROW));
    gtk_root_set_focus (GTK_ROOT (ui.window), NULL);
    g_assert_true (sp_test_ui_press_key (GTK_WIDGET (ui.window), GDK_KEY_z, GDK_CONTROL_MASK));
    g_assert_null (lookup (&ui, id)->note);
  }

  /* With the keyboard on Skip */
  row = sp_day_view_get_block_row (ui.day, id);
  skip = sp_test_ui_find_button (row, _("_Skip"));
  g_assert_nonnull (skip);
  gtk_widget_grab_focus (skip);
  g_assert_true (gtk_widget_has_focus (skip));
  click (skip);
  g_assert_cmpint (lookup (&ui, id)->status, ==, SP_BLOCK_STATUS_SKIPPED);
  {
    g_autofree char *skipped = g_strdup_printf (_("“%s” skipped"), sp_topic_get_title (lookup (&ui, id)->topic));
    /* With the blocks of the next 7 days it moved, when it moved some */
    g_autofree char *toast = sp_planner_describe_moved (ui.planner, skipped);

    g_test_message ("%s", toast);
    g_assert_true (sp_planner_get_moved (ui.planner, NULL, NULL) == 0 || strstr (toast, "moved: ") != NULL);
    g_assert_true (sp_test_ui_has_text (GTK_WIDGET (ui.window), toast));
  }
  row = sp_day_view_get_block_row (ui.day, id);
  focus = gtk_root_get_focus (GTK_ROOT (ui.window));
  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));

  g_assert_true (sp_test_ui_press_key (focus, GDK_KEY_z, GDK_CONTROL_MASK));
  sp_test_ui_wait (100);
  g_assert_cmpint (lookup (&ui, id)->status, ==, SP_BLOCK_STATUS_PLANNED);
  row = sp_day_view_get_block_row (ui.day, id);
  focus = gtk_root_get_focus (GTK_ROOT (ui.window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (ui.day)));
  ui_stop (&ui);
}

static void
assert_focus_in (Ui        *ui,
                 GtkWidget *view)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (ui->window));

  if (focus == NULL || (focus != view && !gtk_widget_is_ancestor (focus, view)))
    g_error ("the focus is on %s, not in the %s view", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
             sp_window_get_view (ui->window));
}

/* The keys stay where the user is: after Enter opens a day, or after a
 * view switch, the focus is in the view, not on a button of the header;
 * Today is insensitive while today is the day shown */
static void
test_focus_and_today (void)
{
  Ui         ui;
  GtkWidget *today_button;
  guint32    today;

  sp_test_ui_reset_state ();
  ui_start (&ui);
  today = sp_planner_get_today (ui.planner);
  today_button = sp_test_ui_find_button (GTK_WIDGET (ui.window), _("_Today"));
  g_assert_nonnull (today_button);

  press (&ui, GDK_KEY_1, GDK_CONTROL_MASK);
  sp_window_set_selected_day (ui.window, today);
  sp_test_ui_wait (50);
  g_assert_false (gtk_widget_is_sensitive (today_button));
  sp_window_set_selected_day (ui.window, today + 1);
  sp_test_ui_wait (50);
  g_assert_true (gtk_widget_is_sensitive (today_button));
  g_assert_true (sp_test_ui_press_key (GTK_WIDGET (ui.month), GDK_KEY_Home, 0));
  g_assert_cmpuint (sp_window_get_selected_day (ui.window), ==, today);
  g_assert_false (gtk_widget_is_sensitive (today_button));

  /* Enter on a day in the Month view opens it, the keys in the Day view */
  gtk_widget_grab_focus (GTK_WIDGET (ui.month));
  g_assert_true (sp_test_ui_press_key (GTK_WIDGET (ui.month), GDK_KEY_Return, 0));
  sp_test_ui_wait_for_mapped (GTK_WIDGET (ui.day));
  g_assert_cmpstr (sp_window_get_view (ui.window), ==, "day");
  assert_focus_in (&ui, GTK_WIDGET (ui.day));

  /* A switch with the focus on the header's "‹" moves it into the view */
  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_prev_sibling (today_button)));
  sp_window_set_view (ui.window, "week");
  sp_test_ui_wait_for_mapped (GTK_WIDGET (ui.week));
  assert_focus_in (&ui, GTK_WIDGET (ui.week));
  sp_window_set_view (ui.window, "month");
  sp_test_ui_wait_for_mapped (GTK_WIDGET (ui.month));
  assert_focus_in (&ui, GTK_WIDGET (ui.month));
  ui_stop (&ui);
}

/* Only the next action is a suggested button: of the day's Done buttons,
 * the first planned block's; once it is done, the next block's */
static void
test_one_suggested (void)
{
  Ui               ui;
  g_autofree char *id = NULL;
  SpSchedule      *schedule;
  guint            first, n;

  sp_test_ui_reset_state ();
  ui_start (&ui);
  id = first_block_from (&ui, sp_planner_get_today (ui.planner));
  sp_window_set_selected_day (ui.window, lookup (&ui, id)->day);
  press (&ui, GDK_KEY_3, GDK_CONTROL_MASK);

  for (guint round = 0; round < 2; round++)
    {
      guint       suggested = 0;
      const char *next = NULL;

      schedule = sp_planner_get_schedule (ui.planner);
      n = sp_schedule_get_day_blocks (schedule, lookup (&ui, id)->day, &first);
      g_assert_cmpuint (n, >=, 2);
      for (guint i = first; i < first + n; i++)
        {
          const SpBlock *block = sp_schedule_get_block (schedule, i);
          GtkWidget     *done = sp_test_ui_find_button (sp_day_view_get_block_row (ui.day, block->id), _("_Done"));

          if (next == NULL && block->status == SP_BLOCK_STATUS_PLANNED)
            next = block->id;
          if (gtk_widget_has_css_class (done, "suggested-action"))
            {
              suggested++;
              g_assert_cmpstr (block->id, ==, next);
            }
        }
      g_assert_cmpuint (suggested, ==, 1);
      click (sp_test_ui_find_button (sp_day_view_get_block_row (ui.day, next), _("_Done")));
    }
  ui_stop (&ui);
}

static void
test_move (void)
{
  Ui ui;
  g_autofree char *id = NULL;
  const SpCalendarLayout *layout;
  const SpCalendarDay *cell;
  const SpBlock          *block;
  g_autoptr(GError) error = NULL;
  guint32 day, target;
  guint start, drop_minute;

  sp_test_ui_reset_state ();
  ui_start (&ui);
  id = first_block_from (&ui, sp_planner_get_today (ui.planner) + 1);
  block = lookup (&ui, id);
  day = block->day;
  start = block->start;

  /* Week: drop it at 07:00 of its own day, or an hour later where it
   * already starts then (a weekend's study may start at the grid's top) */
  press (&ui, GDK_KEY_2, GDK_CONTROL_MASK);
  sp_window_set_selected_day (ui.window, day);
  layout = sp_calendar_grid_get_layout (ui.week);
  cell = sp_calendar_layout_lookup_day (layout, day);
  /* the whole day is there, the morning too */
  g_assert_cmpuint (layout->first_minute, ==, 0);
  drop_minute = 7 * 60;
  if (drop_minute == start)
    drop_minute += 60;
  sp_calendar_grid_drop_block (ui.week, id, 0, cell->rect.x + cell->rect.width / 2,
                               sp_calendar_layout_minute_to_y (layout, drop_minute) + 2, &error);
  g_assert_no_error (error);
  block = lookup (&ui, id);
  g_assert_true (block->pinned);
  g_assert_cmpuint (block->day, ==, day);
  g_assert_cmpuint (block->start, ==, drop_minute);
  press (&ui, GDK_KEY_z, GDK_CONTROL_MASK);
  block = lookup (&ui, id);
  g_assert_false (block->pinned);
  g_assert_cmpuint (block->start, ==, start);

  /* Month: drop it on the next day; it keeps its time */
  press (&ui, GDK_KEY_1, GDK_CONTROL_MASK);
  target = day + 1;
  sp_window_set_selected_day (ui.window, target);
  layout = sp_calendar_grid_get_layout (ui.month);
  cell = sp_calendar_layout_lookup_day (layout, target);
  sp_calendar_grid_drop_block (ui.month, id, 0, cell->rect.x + 4, cell->rect.y + cell->rect.height - 4, &error);
  g_assert_no_error (error);
  block = lookup (&ui, id);
  g_assert_true (block->pinned);
  g_assert_cmpuint (block->day, ==, target);
  g_assert_cmpuint (block->start, ==, start);
  g_assert_nonnull (sp_calendar_layout_find_block (sp_calendar_grid_get_layout (ui.month), id));
  /* Dropped outside the days: nothing moves */
  g_assert_false (sp_calendar_grid_drop_block (ui.month, id, 0, 0, 0, &error));
  g_clear_error (&error);

  /* Without a mouse, by the details' date picker and time fields: test-move-ui.c */

  ui_stop (&ui);
}

static void
wait_for (guint *count,
          guint  at_least)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (*count < at_least && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_notification (void)
{
  SpTestNotifyServer server;
  Ui ui;
  GSettings *settings;
  SpNotifier *notifier;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *time = NULL;
  const SpBlock *block;
  char **actions;
  const char *skip_key = NULL;
  guint32 day;

  sp_test_ui_reset_state ();
  sp_test_notify_server_start (&server);
  ui_start (&ui);
  settings = sp_application_get_settings (ui.app);
  notifier = sp_application_get_notifier (ui.app);

  /* Three minutes before the day's first block */
  id = first_block_from (&ui, sp_planner_get_today (ui.planner));
  block = lookup (&ui, id);
  sp_planner_set_today (ui.planner, block->day);
  block = lookup (&ui, id);
  day = block->day;
  g_assert_cmpuint (block->start, >=, 3);
  sp_notifier_set_time_of_day (notifier, block->start - 3);
  sp_test_ui_wait (100);
  g_assert_cmpuint (server.summaries->len, ==, 0); /* off while the setting is off */

  g_settings_set_boolean (settings, "notify-blocks", TRUE);
  wait_for (&server.summaries->len, 1);
  g_assert_cmpuint (server.summaries->len, ==, 1);
  time = sp_format_time (block->start);
  expected = g_strdup_printf (_("%s starts at %s"), sp_topic_get_title (block->topic), time);
  g_assert_cmpstr (g_ptr_array_index (server.summaries, 0), ==, expected);
  g_assert_cmpstr (sp_notifier_get_notified_block (notifier), ==, id);
  /* The app's own icon, as the Shell shows it beside the text */
  g_assert_cmpstr (g_ptr_array_index (server.icons, 0), ==, "io.github.studyplanner.StudyPlanner");

  /* Buttons to start and to skip; the server answers "Skip" */
  actions = g_ptr_array_index (server.actions, 0);
  for (guint i = 0; actions[i] != NULL && actions[i + 1] != NULL; i += 2)
    if (g_str_equal (actions[i + 1], _("Skip")))
      skip_key = actions[i];
  g_assert_nonnull (skip_key);
  g_assert_true (g_strv_contains ((const char * const *) actions, C_("notification button", "Start")));

  /* Once only */
  sp_notifier_check (notifier);
  sp_test_ui_wait (100);
  g_assert_cmpuint (server.summaries->len, ==, 1);

  g_assert_true (g_dbus_connection_emit_signal (server.connection, NULL, "/org/freedesktop/Notifications",
                                                "org.freedesktop.Notifications", "ActionInvoked",
                                                g_variant_new ("(us)", server.next_id, skip_key), NULL));
  {
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    while (lookup (&ui, id)->status != SP_BLOCK_STATUS_SKIPPED && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpint (lookup (&ui, id)->status, ==, SP_BLOCK_STATUS_SKIPPED);
  g_assert_null (sp_notifier_get_notified_block (notifier));
  wait_for (&server.n_closed, 1);
  g_assert_cmpuint (server.n_closed, ==, 1);

  /* Turned off in Preferences: no more */
  g_settings_set_boolean (settings, "notify-blocks", FALSE);
  /* (blocks of an older schedule are gone: look again) */
  block = sp_calendar_find_next_block (sp_planner_get_schedule (ui.planner), day, 0);
  g_assert_nonnull (block);
  day = block->day;
  sp_planner_set_today (ui.planner, day);
  block = sp_calendar_find_next_block (sp_planner_get_schedule (ui.planner), day, 0);
  g_assert_cmpuint (block->start, >=, 3);
  sp_notifier_set_time_of_day (notifier, block->start - 3);
  sp_test_ui_wait (100);
  g_assert_cmpuint (server.summaries->len, ==, 1);

  ui_stop (&ui);
  sp_test_notify_server_stop (&server);
}

static void
test_screenshots (void)
{
  static const char *views[] = { "month", "week", "day" };
  static const int sizes[][2] = { { 800, 600 }, { 1280, 800 }, { 1920, 1080 } };
  Ui ui;

  sp_test_ui_reset_state ();
  ui_start (&ui);
  make_history (&ui);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      if (!sp_test_ui_resize (GTK_WINDOW (ui.window), sizes[s][0], sizes[s][1]))
        continue;
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%dx%d%s", views[v], sizes[s][0], sizes[s][1],
                                                   g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "ro") ? "-ro" : "");

          /* The Day view on a Saturday, with more to show than today */
          sp_window_set_selected_day (ui.window, sp_test_date (g_str_equal (views[v], "day") ? "2026-03-07" : "2026-03-04"));
          sp_window_set_view (ui.window, views[v]);
          /* Past the switcher's transitions */
          sp_test_ui_wait (500);
          sp_test_ui_save_png (GTK_WIDGET (ui.window), name);
        }
    }

  /* Dark style and large text (the accessibility setting scales the
   * font by 1.25; 1.5 here, to be sure nothing is cut) */
  if (sp_test_ui_resize (GTK_WINDOW (ui.window), 1280, 800))
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

  /* High contrast, as the accessibility setting turns it on (libadwaita
   * reads it from GNOME's settings when there is no portal) */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface", TRUE);

    if (schema != NULL && sp_test_ui_resize (GTK_WINDOW (ui.window), 1280, 800))
      {
        g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

        g_settings_set_boolean (a11y, "high-contrast", TRUE);
        sp_test_ui_wait (100);
        if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
          for (guint v = 0; v < G_N_ELEMENTS (views); v++)
            {
              g_autofree char *name = g_strdup_printf ("%s-high-contrast", views[v]);

              sp_window_set_view (ui.window, views[v]);
              sp_test_ui_wait (500);
              sp_test_ui_save_png (GTK_WIDGET (ui.window), name);
            }
        else
          g_test_message ("libadwaita does not follow the high-contrast setting here: no screenshots of it");
        g_settings_set_boolean (a11y, "high-contrast", FALSE);
      }
  }

  ui_stop (&ui);
}

/* After a review block, its details ask how well it was recalled: four
 * buttons with mnemonics, reached from the keyboard; Good rates it, says
 * when the topic comes back, and Undo takes it back */
static void
test_rate_review (void)
{
  Ui          ui;
  SpSchedule *schedule;
  const char *id = NULL;
  GtkPopover *popover;
  GtkWidget  *good;
  guint32     day;

  sp_test_ui_reset_state ();
  ui_start (&ui);
  schedule = sp_planner_get_schedule (ui.planner);
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule) && id == NULL; i++)
    if (sp_schedule_get_block (schedule, i)->kind == SP_BLOCK_KIND_REVIEW)
      id = sp_schedule_get_block (schedule, i)->id;
  g_assert_nonnull (id);
  id = g_strdup (id);
  day = lookup (&ui, id)->day;

  /* Month view, the review's day (reviews come first), its details from the keyboard */
  press (&ui, GDK_KEY_1, GDK_CONTROL_MASK);
  sp_window_set_selected_day (ui.window, day);
  press (&ui, GDK_KEY_Menu, 0);
  popover = sp_calendar_grid_get_popover (ui.month);
  g_assert_cmpstr (sp_block_popover_get_block_id (SP_BLOCK_POPOVER (popover)), ==, id);
  g_assert_true (sp_test_ui_has_text (GTK_WIDGET (popover), _("How well did you recall it?")));
  for (SpRating r = SP_RATING_AGAIN; r <= SP_RATING_EASY; r++)
    {
      static const char *labels[] = { NULL, N_("_Again"), N_("_Hard"), N_("_Good"), N_("_Easy") };
      GtkWidget         *button = sp_test_ui_find_button (GTK_WIDGET (popover), _(labels[r]));

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_is_visible (button));
      g_assert_true (gtk_widget_get_focusable (button));
    }

  good = sp_test_ui_find_button (GTK_WIDGET (popover), _("_Good"));
  gtk_widget_grab_focus (good);
  g_assert_true (gtk_widget_has_focus (good));
  click (good);
  g_assert_cmpint (lookup (&ui, id)->rating, ==, SP_RATING_GOOD);
  g_assert_cmpint (lookup (&ui, id)->status, ==, SP_BLOCK_STATUS_DONE);
  {
    g_autofree char *rated = g_strdup_printf (_("“%s” rated %s"), sp_topic_get_title (lookup (&ui, id)->topic),
                                                 sp_rating_get_label (SP_RATING_GOOD));

    g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (ui.window), rated));
  }

  /* Undo takes the rating back with the mark */
  press (&ui, GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpint (lookup (&ui, id)->rating, ==, SP_RATING_NONE);
  g_assert_cmpint (lookup (&ui, id)->status, ==, SP_BLOCK_STATUS_PLANNED);

  g_free ((char *) id);
  ui_stop (&ui);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Each run saves its state in a fresh folder, so runs cannot meet */
  data_home = sp_test_ui_make_data_home ("sp-calendar-XXXXXX");

  sp_test_ui_init (&argc, &argv);

  g_test_add_func ("/calendar/navigation", test_navigation);
  g_test_add_func ("/calendar/mark-done", test_mark_done);
  g_test_add_func ("/calendar/day-skip-focus", test_day_skip_focus);
  g_test_add_func ("/calendar/focus-and-today", test_focus_and_today);
  g_test_add_func ("/calendar/one-suggested", test_one_suggested);
  g_test_add_func ("/calendar/move", test_move);
  g_test_add_func ("/calendar/rate-review", test_rate_review);
  g_test_add_func ("/calendar/notification", test_notification);
  g_test_add_func ("/calendar/screenshots", test_screenshots);

  status = g_test_run ();
  g_free (data_home);
  return status;
}
