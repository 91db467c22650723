/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-window-private.h"

/* The window's actions. Besides its commands (views, dates, undo), these
 * are how the views inside it ask it for something without knowing it:
 *   win.toast (s)        a message, for its five seconds
 *   win.toast-undo (s)   a message after an edit, with Undo (win.undo)
 *   win.toast-urgent (s) a failure: shown before other news, for eight
 *                        seconds, as it quotes a server or a listing
 * gtk_widget_activate_action (widget, "win.toast", "s", text) from any
 * widget in the window; it returns FALSE in no window. */

static void
step (SpWindow *self,
      int       direction)
{
  SpCalendarSpan span;

  if (!sp_window_get_span (self, &span))
    return;
  sp_window_set_selected_day (self, sp_calendar_step (self->selected_day, span, direction));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  step (SP_WINDOW (widget), gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 1 : -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  step (SP_WINDOW (widget), gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? -1 : 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->planner != NULL)
    sp_window_set_selected_day (self, sp_planner_get_today (self->planner));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);

  if (self->planner != NULL && sp_planner_undo (self->planner))
    sp_window_add_toast (self, _("Undone"));
}

/* The shortcuts window is made when first asked for: GtkApplicationWindow
 * would build gtk/help-overlay.ui for the window as it opens, a tenth of
 * what the window takes to show */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/studyplanner/StudyPlanner/ui/sp-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  sp_window_set_view (SP_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  sp_window_add_toast (SP_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
toast_undo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  sp_window_add_undo_toast (SP_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
toast_urgent_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autofree char *escaped = g_markup_escape_text (g_variant_get_string (param, NULL), -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
sp_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.toast-undo", "s", toast_undo_action);
  gtk_widget_class_install_action (widget_class, "win.toast-urgent", "s", toast_urgent_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0, "menu.popup", NULL);

  /* GNOME Calendar's keys. Bindings on the window come after the focused
   * widget: a text field keeps Home and Ctrl+Z for itself. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "win.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "win.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "win.today", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}
