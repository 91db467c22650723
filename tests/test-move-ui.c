/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-block-popover.h"
#include "sp-calendar-grid.h"
#include "sp-day-view.h"
#include "sp-popover-fit.h"
#include "sp-test-core.h"
#include "sp-test-ui.h"
#include "sp-window.h"

/* Moving a block from the keyboard (issue 13, point 10): the details'
 * date picker and hour and minute fields in the real window under Xvfb,
 * the planner's refusals under the field they are about, and the
 * popovers whole inside the window at 360x640 and 1280x800. */

static char *data_home;

typedef struct
{
  SpApplication  *app;
  SpWindow       *window;
  SpPlanner      *planner;
  SpCalendarGrid *month;
  char           *id; /* a block of today or later, planned */
  GtkPopover     *details;
  GtkMenuButton  *date_button;
  GtkSpinButton  *hour;
  GtkSpinButton  *minute;
  GtkWidget      *date_error;
  GtkWidget      *time_error;
} Ui;

static void
ui_start (Ui *ui)
{
  SpSchedule *schedule;

  sp_test_ui_reset_state ();
  memset (ui, 0, sizeof *ui);
  ui->app = sp_test_ui_start_app ();
  ui->window = SP_WINDOW (sp_test_ui_get_window (ui->app));
  ui->planner = sp_application_get_planner (ui->app);
  ui->month = SP_CALENDAR_GRID (sp_test_ui_find_grid (GTK_WIDGET (ui->window), SP_CALENDAR_SPAN_MONTH));
  schedule = sp_planner_get_schedule (ui->planner);
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule) && ui->id == NULL; i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);

      if (block->day >= sp_planner_get_today (ui->planner) && block->status == SP_BLOCK_STATUS_PLANNED)
        ui->id = g_strdup (block->id);
    }
  g_assert_nonnull (ui->id);
}

static void
ui_stop (Ui *ui)
{
  /* What the last click set going ends first, as it would for a person */
  sp_test_ui_wait (300);
  sp_test_ui_stop_app (ui->app);
  g_free (ui->id);
  memset (ui, 0, sizeof *ui);
}

static const SpBlock *
lookup (Ui *ui)
{
  return sp_schedule_lookup_block (sp_planner_get_schedule (ui->planner), ui->id);
}

static GtkWidget *
nth_of_type (GtkWidget *root,
             GType      type,
             guint      n)
{
  g_autoptr(GPtrArray) found = sp_test_ui_collect_by_type (root, type);

  g_assert_cmpuint (found->len, >, n);
  return g_ptr_array_index (found, n);
}

/* Until the popover is placed where it stays: it follows its anchor while
 * the view scrolls to it */
static void
wait_for_popover (GtkPopover *popover)
{
  GtkWidget      *frame = gtk_widget_get_first_child (GTK_WIDGET (popover));
  graphene_rect_t before = GRAPHENE_RECT_INIT (-1, -1, 0, 0), now;

  sp_test_ui_wait_for_mapped (GTK_WIDGET (popover));
  for (guint i = 0; i < 40; i++)
    {
      sp_test_ui_wait (100);
      if (sp_widget_get_window_bounds (frame, &now) && graphene_rect_equal (&now, &before))
        break;
      before = now;
    }
}

/* Opens the block's details from the Month view, as a click does */
static void
open_details (Ui *ui)
{
  GtkWidget *details;
  g_autoptr(GPtrArray) errors = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = NULL;

  g_assert_true (sp_calendar_grid_open_block (ui->month, ui->id));
  ui->details = sp_calendar_grid_get_popover (ui->month);
  details = GTK_WIDGET (ui->details);
  wait_for_popover (ui->details);
  ui->date_button = GTK_MENU_BUTTON (sp_test_ui_find_by_type (details, GTK_TYPE_MENU_BUTTON));
  /* The minutes partly done, then the hour and the minute */
  ui->hour = GTK_SPIN_BUTTON (nth_of_type (details, GTK_TYPE_SPIN_BUTTON, 1));
  ui->minute = GTK_SPIN_BUTTON (nth_of_type (details, GTK_TYPE_SPIN_BUTTON, 2));
  labels = sp_test_ui_collect_by_type (details, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "error"))
      g_ptr_array_add (errors, g_ptr_array_index (labels, i));
  /* The date's, the time's, and the details' own */
  g_assert_cmpuint (errors->len, ==, 3);
  ui->date_error = g_ptr_array_index (errors, 0);
  ui->time_error = g_ptr_array_index (errors, 1);
  g_assert_false (gtk_widget_get_visible (ui->date_error));
  g_assert_false (gtk_widget_get_visible (ui->time_error));
}

/* Picks a day in the date picker's calendar, as a click on it does */
static GtkPopover *
pick_day (Ui     *ui,
          guint32 day)
{
  g_autoptr(GDateTime) date = sp_day_to_date_time (day);
  g_autofree char *title = sp_calendar_format_day_title (day);
  GtkPopover      *picker;
  GtkCalendar     *calendar;

  gtk_menu_button_popup (ui->date_button);
  picker = gtk_menu_button_get_popover (ui->date_button);
  g_assert_nonnull (picker);
  wait_for_popover (picker);
  calendar = GTK_CALENDAR (gtk_popover_get_child (picker));
  g_assert_true (GTK_IS_CALENDAR (calendar));
  gtk_calendar_select_day (calendar, date);
  sp_test_ui_wait (20);
  g_assert_cmpstr (gtk_menu_button_get_label (ui->date_button), ==, title);
  return picker;
}

static guint
count_day_labels (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += gtk_widget_has_css_class (child, "day-number") + count_day_labels (child);
  return n;
}

/* The keyboard's way through the details: Tab from field to field */
static gboolean
tab_reaches (GtkWidget *popover,
             GtkWidget *field)
{
  GtkRoot *root = gtk_widget_get_root (popover);

  for (guint i = 0; i < 64; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (popover, GTK_DIR_TAB_FORWARD))
        return FALSE;
      focus = gtk_root_get_focus (root);
      if (focus == field || (focus != NULL && gtk_widget_is_ancestor (focus, field)))
        return TRUE;
    }
  return FALSE;
}

static void
test_move (void)
{
  Ui               ui;
  const SpBlock   *block;
  guint32          target;
  GtkPopover      *picker;
  GtkWidget       *move;
  g_autofree char *title = NULL;

  ui_start (&ui);
  target = lookup (&ui)->day + 2;
  open_details (&ui);

  /* Tab reaches each field and the Move button */
  move = sp_test_ui_find_button (GTK_WIDGET (ui.details), _("_Move"));
  g_assert_true (tab_reaches (GTK_WIDGET (ui.details), GTK_WIDGET (ui.date_button)));
  g_assert_true (tab_reaches (GTK_WIDGET (ui.details), GTK_WIDGET (ui.hour)));
  g_assert_true (tab_reaches (GTK_WIDGET (ui.details), GTK_WIDGET (ui.minute)));
  g_assert_true (tab_reaches (GTK_WIDGET (ui.details), move));

  /* A day picked in the calendar closes the picker and shows on the button */
  picker = pick_day (&ui, target);
  /* The days the picker tells from its header by their class: six weeks of them */
  g_assert_cmpuint (count_day_labels (gtk_popover_get_child (picker)), ==, 42);
  /* Enter on the calendar takes the day and closes it */
  gtk_widget_grab_focus (gtk_popover_get_child (picker));
  g_assert_true (sp_test_ui_press_key (gtk_popover_get_child (picker), GDK_KEY_Return, 0));
  sp_test_ui_wait (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picker)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ui.details)));
  title = sp_calendar_format_day_title (target);
  g_assert_cmpstr (gtk_menu_button_get_label (ui.date_button), ==, title);

  /* Hours and minutes wrap around and show two digits */
  gtk_spin_button_set_value (ui.hour, 23);
  gtk_spin_button_spin (ui.hour, GTK_SPIN_STEP_FORWARD, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (ui.hour), ==, 0);
  gtk_spin_button_set_value (ui.hour, 6);
  gtk_spin_button_set_value (ui.minute, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui.hour)), ==, "06");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ui.minute)), ==, "05");

  /* Enter in the minute field moves the block, and the details close */
  g_assert_true (sp_test_ui_press_key (GTK_WIDGET (ui.minute), GDK_KEY_Return, 0));
  block = lookup (&ui);
  g_assert_cmpuint (block->day, ==, target);
  g_assert_cmpuint (block->start, ==, 6 * 60 + 5);
  g_assert_true (block->pinned);
  sp_test_ui_wait (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (ui.details)));

  /* Opened again, the details show where the block is now; Move there again is no change */
  open_details (&ui);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (ui.hour), ==, 6);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (ui.minute), ==, 5);

  /* ...and back to the planner's choice */
  g_signal_emit_by_name (sp_test_ui_find_button (GTK_WIDGET (ui.details), _("_Let the Planner Place It")), "clicked");
  g_assert_false (lookup (&ui)->pinned);

  ui_stop (&ui);
}

static void
assert_not_moved (Ui     *ui,
                  guint32 day,
                  guint   start)
{
  const SpBlock *block = lookup (ui);

  g_assert_cmpuint (block->day, ==, day);
  g_assert_cmpuint (block->start, ==, start);
  g_assert_false (block->pinned);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (ui->details)));
}

static void
test_refused (void)
{
  Ui             ui;
  const SpBlock *block;
  guint32        day, today;
  guint          start;
  GtkWidget     *move;

  ui_start (&ui);
  block = lookup (&ui);
  day = block->day;
  start = block->start;
  today = sp_planner_get_today (ui.planner);
  open_details (&ui);
  move = sp_test_ui_find_button (GTK_WIDGET (ui.details), _("_Move"));

  /* A 50-minute block at 23:55 would end the next day: said under the time */
  gtk_spin_button_set_value (ui.hour, 23);
  gtk_spin_button_set_value (ui.minute, 55);
  g_signal_emit_by_name (move, "clicked");
  g_assert_true (gtk_widget_get_visible (ui.time_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (ui.time_error)), "23:55"));
  g_assert_false (gtk_widget_get_visible (ui.date_error));
  assert_not_moved (&ui, day, start);
  /* The fields keep what was typed */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (ui.hour), ==, 23);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (ui.minute), ==, 55);
  /* A new time clears it */
  gtk_spin_button_set_value (ui.minute, 0);
  g_assert_false (gtk_widget_get_visible (ui.time_error));

  /* A day before today: said under the date */
  gtk_popover_popdown (pick_day (&ui, today - 1));
  gtk_spin_button_set_value (ui.hour, 9);
  g_signal_emit_by_name (move, "clicked");
  g_assert_true (gtk_widget_get_visible (ui.date_error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ui.date_error)), !=, "");
  g_assert_false (gtk_widget_get_visible (ui.time_error));
  assert_not_moved (&ui, day, start);
  /* A new day clears it */
  gtk_popover_popdown (pick_day (&ui, today + 1));
  g_assert_false (gtk_widget_get_visible (ui.date_error));

  ui_stop (&ui);
}

/* What makes a popover too wide, for the message of a failure */
static void
report_widths (GtkWidget *widget,
               int        depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int min;

      if (!gtk_widget_get_visible (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (min > 280)
        {
          g_test_message ("%*s%s needs %d px", depth * 2, "", G_OBJECT_TYPE_NAME (child), min);
          report_widths (child, depth + 1);
        }
    }
}

/* The popover's frame, what shows of it, lies inside the window */
static void
assert_inside (GtkPopover *popover,
               GtkWindow  *window,
               const char *what)
{
  graphene_rect_t frame;
  int             width = gtk_widget_get_width (GTK_WIDGET (window));
  int             height = gtk_widget_get_height (GTK_WIDGET (window));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_true (sp_widget_get_window_bounds (gtk_widget_get_first_child (GTK_WIDGET (popover)), &frame));
  g_test_message ("%s: %g,%g %g×%g in %d×%d", what, frame.origin.x, frame.origin.y, frame.size.width,
                  frame.size.height, width, height);
  if (frame.origin.x < 0 || frame.origin.y < 0 || frame.origin.x + frame.size.width > width ||
      frame.origin.y + frame.size.height > height)
    {
      report_widths (GTK_WIDGET (popover), 0);
      g_error ("%s runs past the window's edge: %g,%g %g×%g in %d×%d", what, frame.origin.x, frame.origin.y,
               frame.size.width, frame.size.height, width, height);
    }
}

static void
check_inside (Ui         *ui,
              const char *view,
              int         width,
              int         height)
{
  g_autofree char *what = g_strdup_printf ("the details in the %s view at %d×%d", view, width, height);
  g_autofree char *picker_what = g_strdup_printf ("the date picker in the %s view at %d×%d", view, width, height);
  GtkPopover      *picker;

  sp_window_set_view (ui->window, view);
  sp_test_ui_wait (300);
  if (g_strcmp0 (view, "day") == 0)
    {
      /* The details of the block's row, where the keyboard focus goes */
      g_assert_true (sp_window_show_block (ui->window, ui->id));
      /* The details open once the row is laid out and in sight */
      sp_test_ui_wait (300);
      ui->details = gtk_menu_button_get_popover (
          GTK_MENU_BUTTON (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (ui->window)), GTK_TYPE_MENU_BUTTON)));
    }
  else
    {
      SpCalendarSpan  span = g_strcmp0 (view, "week") == 0 ? SP_CALENDAR_SPAN_WEEK : SP_CALENDAR_SPAN_MONTH;
      SpCalendarGrid *grid = SP_CALENDAR_GRID (sp_test_ui_find_grid (GTK_WIDGET (ui->window), span));

      g_assert_true (sp_calendar_grid_open_block (grid, ui->id));
      ui->details = sp_calendar_grid_get_popover (grid);
    }
  g_assert_true (SP_IS_BLOCK_POPOVER (ui->details));
  wait_for_popover (ui->details);
  assert_inside (ui->details, GTK_WINDOW (ui->window), what);

  /* The date picker, a popover in the popover, too */
  ui->date_button = GTK_MENU_BUTTON (sp_test_ui_find_by_type (GTK_WIDGET (ui->details), GTK_TYPE_MENU_BUTTON));
  gtk_menu_button_popup (ui->date_button);
  picker = gtk_menu_button_get_popover (ui->date_button);
  wait_for_popover (picker);
  assert_inside (picker, GTK_WINDOW (ui->window), picker_what);
  gtk_popover_popdown (picker);
  gtk_popover_popdown (ui->details);
  sp_test_ui_wait (100);
}

static void
test_inside_window (void)
{
  static const int   sizes[][2] = { { 360, 640 }, { 1280, 800 } };
  static const char *views[] = { "month", "week", "day" };
  Ui                 ui;

  ui_start (&ui);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      if (!sp_test_ui_resize (GTK_WINDOW (ui.window), sizes[s][0], sizes[s][1]))
        break;
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        check_inside (&ui, views[v], sizes[s][0], sizes[s][1]);
    }
  ui_stop (&ui);
}

/* The last block of the fullest day, whose row is below a phone's screen:
 * the Day view brings it into sight before opening its details */
static void
test_far_row (void)
{
  SpSchedule     *schedule;
  guint32         today, best_day = 0;
  guint           most = 0, first = 0, n;
  const char     *id;
  Ui              ui;
  GtkWidget      *button;
  GtkWidget      *scrolled;
  graphene_rect_t bounds;

  ui_start (&ui);
  schedule = sp_planner_get_schedule (ui.planner);
  today = sp_planner_get_today (ui.planner);
  for (guint32 day = today; day < today + 28; day++)
    if ((n = sp_schedule_get_day_blocks (schedule, day, &first)) > most)
      {
        most = n;
        best_day = day;
      }
  g_assert_cmpuint (most, >=, 2);
  n = sp_schedule_get_day_blocks (schedule, best_day, &first);
  id = sp_schedule_get_block (schedule, first + n - 1)->id;

  if (!sp_test_ui_resize (GTK_WINDOW (ui.window), 360, 640))
    {
      ui_stop (&ui);
      return;
    }
  sp_window_set_view (ui.window, "day");
  sp_test_ui_wait (300);
  g_assert_true (sp_window_show_block (ui.window, id));
  sp_test_ui_wait (300);
  button = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (ui.window)), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  ui.details = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (SP_IS_BLOCK_POPOVER (ui.details));
  wait_for_popover (ui.details);
  assert_inside (ui.details, GTK_WINDOW (ui.window), "the details of the fullest day's last block at 360×640");

  /* The button the details point at is in sight */
  scrolled = gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_nonnull (scrolled);
  g_assert_true (gtk_widget_compute_bounds (button, scrolled, &bounds));
  g_test_message ("its button: %g,%g %g×%g in a list %d high", bounds.origin.x, bounds.origin.y, bounds.size.width,
                  bounds.size.height, gtk_widget_get_height (scrolled));
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (scrolled));
  /* ...and its row fits a phone's screen (in Romanian the suggested
   * course's text, squeezed beside its button, wrapped a letter a line) */
  g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW)), <=,
                   gtk_widget_get_height (scrolled));
  gtk_popover_popdown (ui.details);
  sp_test_ui_wait (100);
  ui_stop (&ui);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Each run saves its state in a fresh folder, so runs cannot meet */
  data_home = sp_test_ui_make_data_home ("sp-move-XXXXXX");

  sp_test_ui_init (&argc, &argv);
  /* GNOME's own window buttons, the close button alone, as at 360 px */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_add_func ("/move/date-and-time", test_move);
  g_test_add_func ("/move/refused", test_refused);
  g_test_add_func ("/move/inside-window", test_inside_window);
  g_test_add_func ("/move/far-row", test_far_row);

  status = g_test_run ();
  g_free (data_home);
  return status;
}
