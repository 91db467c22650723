/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-preferences-window.h"

struct _SpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SpPlanner            *planner;
  GPtrArray            *track_ids;
  gboolean              updating;

  AdwComboRow          *track_row;
  GtkSwitch            *notify_switch;
};

G_DEFINE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
track_selected_cb (SpPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->track_row);

  if (self->updating || self->planner == NULL || selected >= self->track_ids->len)
    return;
  sp_planner_set_track (self->planner, g_ptr_array_index (self->track_ids, selected));
}

/* Follows the planner, so a change made in the Path view shows here too. */
static void
update_tracks (SpPreferencesWindow *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  SpPlan *plan = sp_planner_get_plan (self->planner);
  const char *current = sp_planner_get_track (self->planner);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->track_ids, 0);
  for (guint l = 0; l < sp_plan_get_n_levels (plan); l++)
    {
      const SpLevel *level = sp_plan_get_level (plan, l);

      for (guint t = 0; t < level->tracks->len; t++)
        {
          const SpTrack *track = g_ptr_array_index (level->tracks, t);

          if (g_strcmp0 (track->id, current) == 0)
            selected = self->track_ids->len;
          g_ptr_array_add (self->track_ids, g_strdup (track->id));
          gtk_string_list_append (model, sp_text_get (track->title));
        }
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->track_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->track_row, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->track_row), self->track_ids->len > 0);
  self->updating = FALSE;
}

static void
sp_preferences_window_dispose (GObject *object)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->planner);
  g_clear_pointer (&self->track_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_preferences_window_parent_class)->dispose (object);
}

static void
sp_preferences_window_class_init (SpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/studyplanner/StudyPlanner/ui/sp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, track_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, notify_switch);
  gtk_widget_class_bind_template_callback (widget_class, track_selected_cb);
}

static void
sp_preferences_window_init (SpPreferencesWindow *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  self->track_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_settings_bind (settings, "notify-blocks", self->notify_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

SpPreferencesWindow *
sp_preferences_window_new (SpPlanner *planner)
{
  SpPreferencesWindow *self;

  g_return_val_if_fail (SP_IS_PLANNER (planner), NULL);

  self = g_object_new (SP_TYPE_PREFERENCES_WINDOW, NULL);
  self->planner = g_object_ref (planner);
  g_signal_connect_object (planner, "changed", G_CALLBACK (update_tracks), self, G_CONNECT_SWAPPED);
  update_tracks (self);
  return self;
}
