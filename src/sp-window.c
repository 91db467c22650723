/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-courses-view.h"
#include "sp-path-view.h"
#include "sp-window.h"
#include "sp-window-print.h"

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  SpPathView           *path_view;
  SpCoursesView        *courses_view;
  GtkMenuButton        *menu_button;
};

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  sp_window_set_view (SP_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* GtkWindow:application is set after construction, so the window is wired here. */
static void
setup (SpWindow      *self,
       SpApplication *app)
{
  GSettings *settings = sp_application_get_settings (app);

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "view", self->stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);

  sp_path_view_set_planner (self->path_view, sp_application_get_planner (app));
  sp_path_view_set_catalog (self->path_view, sp_application_get_catalog (app));
  sp_courses_view_set_catalog (self->courses_view, sp_application_get_catalog (app), sp_application_get_planner (app));
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SP_TYPE_PATH_VIEW);
  g_type_ensure (SP_TYPE_COURSES_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/studyplanner/StudyPlanner/ui/sp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, path_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, courses_view);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, menu_button);

  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  sp_window_print_class_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0, "menu.popup", NULL);
}

static void
sp_window_init (SpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

SpWindow *
sp_window_new (SpApplication *application)
{
  SpWindow *self = g_object_new (SP_TYPE_WINDOW, "application", application, NULL);

  setup (self, application);
  return self;
}

void
sp_window_add_toast (SpWindow   *self,
                     const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (SP_IS_WINDOW (self));

  /* A toast title is Pango markup in libadwaita 1.2, and messages may
   * quote file contents: escape them */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * sp_window_show_error:
 * @message: plain text, one problem per line; shown as is, not as markup
 */
void
sp_window_show_error (SpWindow   *self,
                      const char *heading,
                      const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (SP_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

const char *
sp_window_get_view (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

void
sp_window_set_view (SpWindow   *self,
                    const char *name)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}
