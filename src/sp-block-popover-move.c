/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-block-popover"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "sp-block-popover-private.h"
#include "sp-calendar-text.h"
#include "sp-popover-fit.h"
#include "sp-preferences-window.h"

/* The details' move form: a date picker (a GtkCalendar in a popover) and
 * hour and minute fields, so a block moves without a mouse. What the
 * planner refuses is said right under the field it is about. */

static void
set_field_error (GtkLabel   *label,
                 GtkWidget **fields,
                 const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  for (guint i = 0; fields[i] != NULL; i++)
    gtk_accessible_update_state (GTK_ACCESSIBLE (fields[i]),
                                 GTK_ACCESSIBLE_STATE_INVALID,
                                 message ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                 -1);
}

static void
set_date_error (SpBlockPopover *self,
                const char     *message)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->date_button), NULL };

  set_field_error (self->date_error, fields, message);
}

static void
set_time_error (SpBlockPopover *self,
                const char     *message)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->hour_spin), GTK_WIDGET (self->minute_spin), NULL };

  set_field_error (self->time_error, fields, message);
}

static void
show_day (SpBlockPopover *self)
{
  g_autofree char *text = sp_calendar_format_day_title (self->move_day);

  gtk_menu_button_set_label (self->date_button, text);
}

static void
move_cb (SpBlockPopover *self)
{
  g_autoptr(GError) error = NULL;
  guint minute;

  if (self->block_id == NULL)
    return;
  /* Digits typed and not yet taken by the field count */
  gtk_spin_button_update (self->hour_spin);
  gtk_spin_button_update (self->minute_spin);
  minute = (guint) (gtk_spin_button_get_value_as_int (self->hour_spin) * 60 +
                    gtk_spin_button_get_value_as_int (self->minute_spin));
  set_date_error (self, NULL);
  set_time_error (self, NULL);
  if (!sp_planner_move_block (self->planner, self->block_id, self->move_day, minute, &error))
    {
      /* A day in the past is the date's fault; a block running past
       * midnight or over a pinned one, the time's */
      if (g_error_matches (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_PAST))
        set_date_error (self, error->message);
      else if (g_error_matches (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID) ||
               g_error_matches (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_OVERLAP))
        set_time_error (self, error->message);
      else
        sp_block_popover_show_error (self, error);
      /* The message makes the details taller: still inside the window */
      sp_popover_fit (GTK_POPOVER (self), self->position, self->scroller);
      return;
    }
  /* Say what else the move took with it */
  if (sp_planner_get_moved (self->planner, NULL, NULL) > 0)
    {
      g_autofree char *text = sp_planner_describe_moved (self->planner, _("Block moved"));

      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-undo", "s", text);
    }
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Hours and minutes as a clock shows them: "08", "05" */
static gboolean
time_spin_output_cb (GtkSpinButton *spin,
                     gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
time_changed_cb (SpBlockPopover *self)
{
  set_time_error (self, NULL);
}

/* Enter in a field moves the block */
static gboolean
enter_in_field_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  move_cb (SP_BLOCK_POPOVER (user_data));
  return TRUE;
}

static GtkShortcutTrigger *
enter_trigger (void)
{
  return gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, 0),
                                      gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_KP_Enter, 0),
                                                                   gtk_keyval_trigger_new (GDK_KEY_ISO_Enter, 0)));
}

/* Enter on @widget, before any of its children takes it */
static void
add_enter_shortcut (GtkWidget      *widget,
                    GtkShortcutFunc callback,
                    SpBlockPopover *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (enter_trigger (), gtk_callback_action_new (callback, self, NULL)));
  gtk_widget_add_controller (widget, controller);
}

static void
day_selected_cb (SpBlockPopover *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  guint32  day = sp_day_from_date_time (date);
  gboolean picked = self->day_picked;

  self->day_picked = FALSE;
  if (day != self->move_day)
    {
      self->move_day = day;
      show_day (self);
      /* A new day may free the time too: both are checked again on Move */
      set_date_error (self, NULL);
      set_time_error (self, NULL);
    }
  if (picked)
    gtk_menu_button_popdown (self->date_button);
}

/* The calendar's header moves through months and years; a day clicked,
 * or chosen with Space or Enter, is the choice and closes the picker */
static void
calendar_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     SpBlockPopover  *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->calendar), x, y, GTK_PICK_DEFAULT);

  self->day_picked = picked != NULL && gtk_widget_has_css_class (picked, "day-number");
}

/* The day label GtkCalendar's keyboard focus is on */
static GtkWidget *
find_focused_day (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, "day-number") &&
          (gtk_widget_get_state_flags (child) & GTK_STATE_FLAG_FOCUSED))
        return child;
      found = find_focused_day (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
calendar_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         SpBlockPopover        *self)
{
  /* GtkCalendar selects the focused day on Space */
  if (keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space)
    self->day_picked = TRUE;
  return FALSE;
}

/* GtkCalendar leaves Enter alone: here it picks the focused day, as Space */
static gboolean
enter_in_calendar_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  SpBlockPopover *self = SP_BLOCK_POPOVER (user_data);
  GtkWidget      *label;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) month = NULL;
  g_autoptr(GDateTime) date = NULL;
  int day_of_month;

  label = find_focused_day (GTK_WIDGET (self->calendar));
  if (label == NULL)
    {
      gtk_menu_button_popdown (self->date_button);
      return TRUE;
    }
  day_of_month = atoi (gtk_label_get_text (GTK_LABEL (label)));
  shown = gtk_calendar_get_date (self->calendar);
  month = g_date_time_add_full (shown, 0, 0, 1 - g_date_time_get_day_of_month (shown), 0, 0, 0);
  /* The days of the months before and after fill the grid's first and last rows */
  if (gtk_widget_has_css_class (label, "other-month"))
    {
      g_autoptr(GDateTime) other = g_date_time_add_months (month, day_of_month > 15 ? -1 : 1);

      g_date_time_unref (month);
      month = g_steal_pointer (&other);
    }
  date = g_date_time_add_days (month, day_of_month - 1);
  self->day_picked = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  /* The same day again is still the choice */
  if (self->day_picked)
    day_selected_cb (self);
  return TRUE;
}

static void
select_move_day (SpBlockPopover *self)
{
  g_autoptr(GDateTime) date = sp_day_to_date_time (self->move_day);

  /* Showing the chosen day is not choosing one */
  self->day_picked = FALSE;
  gtk_calendar_select_day (self->calendar, date);
}

/* A month of day labels is many widgets, for a picker most details never
 * open: the calendar is made when it first opens. Each time, it shows
 * the chosen day and finds room inside the window. */
static void
create_picker_cb (GtkMenuButton *button,
                  gpointer       user_data)
{
  SpBlockPopover *self = SP_BLOCK_POPOVER (user_data);

  if (self->calendar == NULL)
    {
      GtkWidget          *popover = gtk_popover_new ();
      GtkEventController *key = gtk_event_controller_key_new ();
      GtkGesture         *click = gtk_gesture_click_new ();

      self->calendar = GTK_CALENDAR (gtk_calendar_new ());
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Day to move the block to"), -1);
      g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
      g_signal_connect_object (key, "key-pressed", G_CALLBACK (calendar_key_pressed_cb), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (self->calendar), key);
      add_enter_shortcut (GTK_WIDGET (self->calendar), enter_in_calendar_cb, self);
      gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
      g_signal_connect_object (click, "pressed", G_CALLBACK (calendar_pressed_cb), self, 0);
      gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));
      gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
      gtk_menu_button_set_popover (button, popover);
    }
  select_move_day (self);
  sp_popover_fit (GTK_POPOVER (gtk_menu_button_get_popover (button)), GTK_POS_BOTTOM, NULL);
}

void
sp_block_popover_move_init (SpBlockPopover *self)
{
  gtk_menu_button_set_create_popup_func (self->date_button, create_picker_cb, self, NULL);
  /* Before the fields' text takes Enter for itself */
  add_enter_shortcut (self->time_box, enter_in_field_cb, self);
  /* The wheel scrolls the details, not the time, unless the field has focus */
  sp_preferences_guard_spin (GTK_WIDGET (self->hour_spin));
  sp_preferences_guard_spin (GTK_WIDGET (self->minute_spin));
}

/* Shows @block's day and time, with no error */
void
sp_block_popover_move_update (SpBlockPopover *self,
                              const SpBlock  *block)
{
  self->move_day = block->day;
  show_day (self);
  if (self->calendar != NULL)
    select_move_day (self);
  gtk_spin_button_set_value (self->hour_spin, block->start / 60);
  gtk_spin_button_set_value (self->minute_spin, block->start % 60);
  set_date_error (self, NULL);
  set_time_error (self, NULL);
}

void
sp_block_popover_move_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, move_heading);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, move_box);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, date_button);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, date_error);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, time_box);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, time_error);
  gtk_widget_class_bind_template_callback (widget_class, move_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_spin_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_changed_cb);
}
