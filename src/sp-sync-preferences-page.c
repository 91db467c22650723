/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-sync-preferences-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-caldav-secret.h"
#include "sp-model-properties.h"
#include "sp-sync-preferences-page.h"

/* Preferences → Sync: the calendar server's address, the user name and
 * the password, Sync Now with the last sync's time and result, and Stop
 * Syncing. The page only asks; SpSyncController does the work and the
 * page follows its properties. */

struct _SpSyncPreferencesPage
{
  AdwPreferencesPage parent_instance;

  SpSyncController *controller;
  GSettings        *settings;

  AdwEntryRow         *url_row;
  AdwEntryRow         *user_row;
  AdwEntryRow         *password_row;
  AdwActionRow        *status_row;
  GtkButton           *sync_button;
  GtkProgressBar      *progress_bar;
  AdwPreferencesGroup *stop_group;
};

G_DEFINE_FINAL_TYPE (SpSyncPreferencesPage, sp_sync_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

static const SpModelProperty models[] = {
  /** SpSyncPreferencesPage:controller: what syncs; the page follows it */
  { "controller", sp_sync_controller_get_type, G_STRUCT_OFFSET (SpSyncPreferencesPage, controller),
    G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY },
  /** SpSyncPreferencesPage:settings: the application's, with the account */
  { "settings", g_settings_get_type, G_STRUCT_OFFSET (SpSyncPreferencesPage, settings),
    G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY },
};

/* What the fields say differs from the account in use: Sync Now sets it up first */
static gboolean
fields_changed (SpSyncPreferencesPage *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "sync-url");
  g_autofree char *user = g_settings_get_string (self->settings, "sync-user");

  return !g_str_equal (url, gtk_editable_get_text (GTK_EDITABLE (self->url_row))) ||
         !g_str_equal (user, gtk_editable_get_text (GTK_EDITABLE (self->user_row))) ||
         gtk_editable_get_text (GTK_EDITABLE (self->password_row))[0] != '\0';
}

static void
update (SpSyncPreferencesPage *self)
{
  g_autofree char *status = sp_sync_controller_dup_status (self->controller);
  g_autofree char *escaped = g_markup_escape_text (status, -1);
  gboolean         busy = sp_sync_controller_get_busy (self->controller);
  gboolean         configured = sp_sync_controller_get_configured (self->controller);
  double           fraction = sp_sync_controller_get_fraction (self->controller);
  const char      *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));

  adw_action_row_set_subtitle (self->status_row, escaped);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sync_button), !busy && (configured || url[0] != '\0'));
  gtk_button_set_label (self->sync_button, configured && !fields_changed (self) ? _("Sync _Now") : _("_Set Up and Sync"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy && fraction >= 0);
  if (fraction >= 0)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_widget_set_visible (GTK_WIDGET (self->stop_group), configured);
}

static void
fill_fields (SpSyncPreferencesPage *self)
{
  g_autofree char *url = g_settings_get_string (self->settings, "sync-url");
  g_autofree char *user = g_settings_get_string (self->settings, "sync-user");

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

static void
fields_changed_cb (SpSyncPreferencesPage *self)
{
  update (self);
}

static void
sync_clicked_cb (SpSyncPreferencesPage *self)
{
  if (sp_sync_controller_get_busy (self->controller))
    return;
  if (!sp_sync_controller_get_configured (self->controller) || fields_changed (self))
    {
      g_autofree char *url = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
      g_autofree char *user = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->user_row))));
      g_autoptr(SpCaldavPassword) password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->password_row)));

      /* Typed once: kept in the keyring, not in the field */
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      sp_sync_controller_set_up (self->controller, url, user, password);
    }
  else
    sp_sync_controller_sync_now (self->controller);
  update (self);
}

static void
stop_response_cb (AdwMessageDialog      *dialog,
                  const char            *response,
                  SpSyncPreferencesPage *self)
{
  if (g_str_equal (response, "remove"))
    sp_sync_controller_stop (self->controller, TRUE);
  else if (g_str_equal (response, "keep"))
    sp_sync_controller_stop (self->controller, FALSE);
}

static void
stop_clicked_cb (SpSyncPreferencesPage *self)
{
  GtkRoot         *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *url = g_settings_get_string (self->settings, "sync-url");
  GtkWidget       *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Stop Syncing?"), NULL);
  /* TRANSLATORS: %s is the server's address */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Study Planner will no longer change the calendar on %s. The events it made "
                                    "there can stay, or be removed."),
                                     url);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "keep", _("_Keep Events"), "remove", _("_Remove Events"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (stop_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
controller_changed_cb (SpSyncPreferencesPage *self)
{
  update (self);
}

static void
configured_changed_cb (SpSyncPreferencesPage *self)
{
  /* Stopped: the fields are emptied, ready for another account */
  if (!sp_sync_controller_get_configured (self->controller))
    fill_fields (self);
  update (self);
}

static void
sp_sync_preferences_page_constructed (GObject *object)
{
  SpSyncPreferencesPage *self = SP_SYNC_PREFERENCES_PAGE (object);

  G_OBJECT_CLASS (sp_sync_preferences_page_parent_class)->constructed (object);

  fill_fields (self);
  g_signal_connect_object (self->controller, "notify::status", G_CALLBACK (controller_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->controller, "notify::busy", G_CALLBACK (controller_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->controller, "notify::fraction", G_CALLBACK (controller_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->controller, "notify::configured", G_CALLBACK (configured_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update (self);
}

static void
sp_sync_preferences_page_dispose (GObject *object)
{
  SpSyncPreferencesPage *self = SP_SYNC_PREFERENCES_PAGE (object);

  g_clear_object (&self->controller);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_sync_preferences_page_parent_class)->dispose (object);
}

static void
sp_sync_preferences_page_class_init (SpSyncPreferencesPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_sync_preferences_page_constructed;
  object_class->dispose = sp_sync_preferences_page_dispose;
  sp_model_properties_install (object_class, models, G_N_ELEMENTS (models));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/studyplanner/StudyPlanner/ui/sp-sync-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpSyncPreferencesPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, SpSyncPreferencesPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, SpSyncPreferencesPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, SpSyncPreferencesPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, SpSyncPreferencesPage, sync_button);
  gtk_widget_class_bind_template_child (widget_class, SpSyncPreferencesPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SpSyncPreferencesPage, stop_group);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sync_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
}

static void
sp_sync_preferences_page_init (SpSyncPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sp_sync_preferences_page_new (SpSyncController *controller,
                              GSettings        *settings)
{
  g_return_val_if_fail (SP_IS_SYNC_CONTROLLER (controller), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SP_TYPE_SYNC_PREFERENCES_PAGE, "controller", controller, "settings", settings, NULL);
}
