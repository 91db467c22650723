/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-calendar-grid"

#include "config.h"

#include "sp-calendar-grid-private.h"

/* The keyboard: arrows move the selected day, Enter opens it, Menu opens
 * the first block of the day. */

static void
move_selection (SpCalendarGrid *self,
                int             days)
{
  guint32 day = sp_calendar_step (self->selected_day, SP_CALENDAR_SPAN_DAY, days);

  sp_calendar_grid_select_and_scroll (self, day);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);
  int days = g_variant_get_int32 (param);

  if (self->selected_day == 0)
    return;
  /* Left and right follow the reading direction */
  if (g_str_equal (action_name, "grid.move-horizontal") &&
      gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    days = -days;
  move_selection (self, days);
}

static void
open_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);

  if (self->selected_day != 0)
    sp_calendar_grid_activate_day (self, self->selected_day);
}

/* The keyboard's way to a block's details: the first of the selected day */
static void
open_first_block_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  SpCalendarGrid *self = SP_CALENDAR_GRID (widget);
  SpSchedule *schedule = sp_calendar_grid_get_schedule (self);
  guint first;

  if (schedule != NULL && sp_schedule_get_day_blocks (schedule, self->selected_day, &first) > 0)
    {
      g_autofree char *id = g_strdup (sp_schedule_get_block (schedule, first)->id);
      sp_calendar_grid_open_block (self, id);
    }
}

void
sp_calendar_grid_keys_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "grid.move-horizontal", "i", move_action);
  gtk_widget_class_install_action (widget_class, "grid.move-vertical", "i", move_action);
  gtk_widget_class_install_action (widget_class, "grid.open-day", NULL, open_day_action);
  gtk_widget_class_install_action (widget_class, "grid.open-first-block", NULL, open_first_block_action);

  /* Arrows move the selected day, Enter opens it */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "grid.move-horizontal", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "grid.move-horizontal", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "grid.move-horizontal", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "grid.move-horizontal", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "grid.move-vertical", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "grid.move-vertical", "i", -7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "grid.move-vertical", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "grid.move-vertical", "i", 7);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "grid.open-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "grid.open-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "grid.open-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "grid.open-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "grid.open-first-block", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "grid.open-first-block", NULL);
  /* Here too: the week grid scrolls, and its scrolled window would take them */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.next", NULL);
}
