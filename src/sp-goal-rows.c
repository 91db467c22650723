/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-goal-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-calendar-text.h"
#include "sp-goal-rows.h"
#include "sp-tooltip.h"

/* Goal dates as Preferences and the Path view's report show them: a
 * button that sets or clears a goal with a calendar, the row that says
 * what a goal asks (with a button that takes the hours it needs), and the
 * one line at the top of the Path view that says whether the plan fits. */

typedef struct
{
  SpPlanner *planner;
  char      *target;
} GoalTarget;

static void
goal_target_free (gpointer data)
{
  GoalTarget *goal = data;

  g_clear_object (&goal->planner);
  g_free (goal->target);
  g_free (goal);
}

static void
update_goal_button (GtkMenuButton *button)
{
  GoalTarget      *goal = g_object_get_data (G_OBJECT (button), "sp-goal");
  guint32          day = sp_planner_get_goal (goal->planner, goal->target);
  g_autofree char *title = sp_goal_target_get_title (sp_planner_get_plan (goal->planner), goal->target);
  g_autofree char *date = day ? sp_calendar_format_date (day) : NULL;
  g_autofree char *name = NULL;

  /* Compact, an icon: the report's rows fit a 360 px window */
  if (g_object_get_data (G_OBJECT (button), "sp-compact") != NULL)
    gtk_menu_button_set_icon_name (button, "alarm-symbolic");
  else
    gtk_menu_button_set_label (button, day ? date : _("No Goal"));
  /* Quiet until a goal is set */
  if (day == 0)
    gtk_widget_add_css_class (GTK_WIDGET (button), "flat");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (button), "flat");
  /* TRANSLATORS: the accessible name and tooltip of a goal's button, "Goal date for Fundamentals: 1 March 2027" */
  name = day ? g_strdup_printf (_("Goal date for %s: %s"), title, date)
             /* TRANSLATORS: "Goal date for the whole path: none" */
             : g_strdup_printf (_("Goal date for %s: none"), title);
  sp_tooltip_set_text (GTK_WIDGET (button), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
set_goal (GtkWidget *from,
          guint32    day)
{
  GtkWidget  *button = gtk_widget_get_ancestor (from, GTK_TYPE_MENU_BUTTON);
  GoalTarget *goal = g_object_get_data (G_OBJECT (button), "sp-goal");
  g_autoptr(GError) error = NULL;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  if (!sp_planner_set_goal (goal->planner, goal->target, day, &error))
    gtk_widget_activate_action (button, "win.toast-urgent", "s", error->message);
}

static void
set_clicked_cb (GtkButton   *set,
                GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  set_goal (GTK_WIDGET (set), sp_day_from_date_time (date));
}

static void
clear_clicked_cb (GtkButton *clear)
{
  set_goal (GTK_WIDGET (clear), 0);
}

/* The calendar opens on the goal, else on the projected end */
static void
popover_show_cb (GtkPopover  *popover,
                 GtkCalendar *calendar)
{
  GtkWidget     *button = gtk_widget_get_ancestor (GTK_WIDGET (popover), GTK_TYPE_MENU_BUTTON);
  GoalTarget    *goal = g_object_get_data (G_OBJECT (button), "sp-goal");
  SpSchedule    *schedule = sp_planner_get_schedule (goal->planner);
  const SpLevel *level = sp_plan_lookup_level (sp_planner_get_plan (goal->planner), goal->target);
  guint32        day = sp_planner_get_goal (goal->planner, goal->target);
  g_autoptr(GDateTime) date = NULL;

  if (day == 0 && schedule != NULL)
    day = level ? sp_schedule_get_level_report (schedule, level->number - 1)->end_day
                : sp_schedule_get_end_day (schedule);
  if (day == 0)
    day = sp_planner_get_today (goal->planner);
  date = sp_day_to_date_time (day);
  gtk_calendar_select_day (calendar, date);
}

/* The calendar and its buttons are made when first opened: Preferences
 * and the report show a goal button per level, most never opened */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  GtkWidget *popover, *box, *buttons, *calendar, *clear, *set;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  calendar = gtk_calendar_new ();
  clear = gtk_button_new_with_mnemonic (_("_Remove Goal"));
  set = gtk_button_new_with_mnemonic (_("_Set Goal"));

  gtk_widget_add_css_class (set, "suggested-action");
  gtk_widget_set_hexpand (clear, TRUE);
  gtk_widget_set_hexpand (set, TRUE);
  gtk_box_append (GTK_BOX (buttons), clear);
  gtk_box_append (GTK_BOX (buttons), set);
  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect (set, "clicked", G_CALLBACK (set_clicked_cb), calendar);
  g_signal_connect (clear, "clicked", G_CALLBACK (clear_clicked_cb), NULL);
  g_signal_connect (popover, "show", G_CALLBACK (popover_show_cb), calendar);
  gtk_menu_button_set_popover (button, popover);
}

/**
 * sp_goal_button_new:
 * @target: a level id, or %SP_GOAL_PATH
 * @compact: an icon rather than the date (its tooltip and accessible name
 *   still say it)
 *
 * Returns: (transfer floating): a button showing @target's goal date that
 *   opens a calendar to set or clear it; it follows the planner
 */
GtkWidget *
sp_goal_button_new (SpPlanner  *planner,
                    const char *target,
                    gboolean    compact)
{
  GtkWidget  *button = gtk_menu_button_new ();
  GoalTarget *goal = g_new0 (GoalTarget, 1);

  goal->planner = g_object_ref (planner);
  goal->target = g_strdup (target);
  g_object_set_data_full (G_OBJECT (button), "sp-goal", goal, goal_target_free);
  if (compact)
    g_object_set_data (G_OBJECT (button), "sp-compact", GINT_TO_POINTER (TRUE));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_popup_cb, NULL, NULL);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "goal-button");
  g_signal_connect_object (planner, "changed", G_CALLBACK (update_goal_button), button, G_CONNECT_SWAPPED);
  update_goal_button (GTK_MENU_BUTTON (button));
  return button;
}

static void
take_hours_clicked_cb (GtkButton *button)
{
  GoalTarget *goal = g_object_get_data (G_OBJECT (button), "sp-goal");
  g_autoptr(SpGoalResult) result = sp_planner_solve_goal (goal->planner, goal->target);
  g_autoptr(SpAvailability) week = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *message = NULL;

  /* Solved again: the hours may have changed since the row was made */
  if (result == NULL || result->status != SP_GOAL_NEEDS_HOURS)
    return;
  week = sp_goal_result_apply (result, sp_planner_get_availability (goal->planner));
  if (!sp_planner_take_hours (goal->planner, week, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (button), "win.toast-urgent", "s", error->message);
      return;
    }
  hours = sp_format_hours (result->weekly_minutes / 60.0, SP_HOURS_TEXT);
  /* TRANSLATORS: the toast after the hours a goal needs were set, "Study hours set to 17.5 h a week" */
  message = g_strdup_printf (_("Study hours set to %s h a week"), hours);
  gtk_widget_activate_action (GTK_WIDGET (button), "win.toast-undo", "s", message);
}

/**
 * sp_goal_result_row_new:
 *
 * Returns: (transfer floating): a row saying what @result's goal asks,
 *   with a button that sets the hours that meet it when more are needed
 */
GtkWidget *
sp_goal_result_row_new (SpPlanner          *planner,
                        const SpGoalResult *result)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *icon;
  g_autofree char *date = sp_calendar_format_date (result->day);
  g_autofree char *sentence = sp_goal_result_describe (result, sp_planner_get_plan (planner));
  /* TRANSLATORS: the title of a goal's row in the report, "Goal · 1 March 2027" */
  g_autofree char *title = g_strdup_printf (_("Goal · %s"), date);
  gboolean         met = result->status == SP_GOAL_MET || result->status == SP_GOAL_FINISHED;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sentence);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  icon = gtk_image_new_from_icon_name (met ? "emblem-ok-symbolic" : "alarm-symbolic");
  gtk_widget_add_css_class (icon, met ? "success" : "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "goal-row");
  gtk_widget_add_css_class (row, met ? "goal-met" : "goal-not-met");

  if (result->status == SP_GOAL_NEEDS_HOURS)
    {
      g_autofree char *hours = sp_format_hours (result->weekly_minutes / 60.0, SP_HOURS_TEXT);
      /* TRANSLATORS: a button that sets the study hours a goal needs, "Set 17.5 h a Week" */
      g_autofree char *label = g_strdup_printf (_("Set %s h a Week"), hours);
      GtkWidget       *button = gtk_button_new_with_label (label);
      GoalTarget      *goal = g_new0 (GoalTarget, 1);

      goal->planner = g_object_ref (planner);
      goal->target = g_strdup (result->target);
      g_object_set_data_full (G_OBJECT (button), "sp-goal", goal, goal_target_free);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Its words wrap rather than widen a narrow Path view */
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (button, "take-goal-hours");
      g_signal_connect (button, "clicked", G_CALLBACK (take_hours_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, sentence, -1);
  return row;
}

/**
 * sp_goal_verdict_new:
 * @goals: (element-type SpGoalResult): sp_planner_solve_goals()
 *
 * Returns: (transfer floating): the line that says at once whether the
 *   plan fits, with a sign besides its colour
 */
GtkWidget *
sp_goal_verdict_new (SpPlanner *planner,
                     GPtrArray *goals)
{
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget       *icon;
  GtkWidget       *label;
  gboolean         fits = FALSE;
  g_autofree char *text = sp_goals_describe_fit (sp_planner_get_schedule (planner), goals, &fits);

  icon = gtk_image_new_from_icon_name (fits ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, fits ? "success" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fits ? _("Fits") : _("Does not fit"), -1);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "path-verdict");
  gtk_widget_add_css_class (box, fits ? "plan-fits" : "plan-does-not-fit");
  return box;
}

static GtkWidget *
new_goal_setting_row (SpPlanner  *planner,
                      const char *title,
                      const char *subtitle,
                      const char *target)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sp_goal_button_new (planner, target, FALSE));
  return row;
}

/**
 * sp_goal_group_new:
 *
 * Returns: (transfer floating): the Preferences group of goal dates: the
 *   whole path, then each level of the planner's plan
 */
GtkWidget *
sp_goal_group_new (SpPlanner *planner)
{
  GtkWidget *group = adw_preferences_group_new ();
  SpPlan    *plan = sp_planner_get_plan (planner);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Goal Dates"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Finish by a date: the Path view says the hours a week it takes"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             new_goal_setting_row (planner, _("Whole Path"), NULL, SP_GOAL_PATH));
  for (guint l = 0; plan != NULL && l < sp_plan_get_n_levels (plan); l++)
    {
      const SpLevel   *level = sp_plan_get_level (plan, l);
      g_autofree char *number = g_strdup_printf (_("Level %u"), level->number);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 new_goal_setting_row (planner, sp_text_get (level->title), number, level->id));
    }
  gtk_widget_add_css_class (group, "goal-dates");
  return group;
}
