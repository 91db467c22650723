/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-welcome-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sp-accessible.h"
#include "sp-calendar-text.h"
#include "sp-model-properties.h"
#include "sp-preferences-window.h"
#include "sp-welcome-window.h"

/* The first start: before the plan, the hours of each weekday (with quick
 * choices for the week), the start date and the track. Skipped or not,
 * it is shown once: the welcome-shown setting. */
struct _SpWelcomeWindow
{
  AdwWindow parent_instance;

  SpPlanner      *planner;
  GSettings      *settings;
  SpAvailability *availability; /* what the fields say */
  GPtrArray      *track_ids;
  gboolean        updating;

  AdwPreferencesGroup *hours_group;
  GtkWidget           *choices_box;
  GtkLabel            *weekly_label;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  AdwComboRow         *track_row;
  GtkSpinButton       *hours_spins[SP_N_WEEKDAYS];
};

G_DEFINE_FINAL_TYPE (SpWelcomeWindow, sp_welcome_window, ADW_TYPE_WINDOW)

static const SpModelProperty models[] = {
  { "planner", sp_planner_get_type, G_STRUCT_OFFSET (SpWelcomeWindow, planner),
    G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY },
  { "settings", g_settings_get_type, G_STRUCT_OFFSET (SpWelcomeWindow, settings),
    G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY },
};

/* The quick choices, in hours a week */
static const guint choices[] = { 5, 10, 15 };

static void
update_weekly (SpWelcomeWindow *self)
{
  g_autofree char *text = sp_availability_describe_week (self->availability);

  gtk_label_set_text (self->weekly_label, text);
}

static void
hours_changed_cb (SpWelcomeWindow *self)
{
  if (self->updating)
    return;
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    self->availability->minutes[d] = (guint16) (lround (gtk_spin_button_get_value (self->hours_spins[d]) * 12) * 5);
  update_weekly (self);
}

static void
show_hours (SpWelcomeWindow *self)
{
  self->updating = TRUE;
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    gtk_spin_button_set_value (self->hours_spins[d], self->availability->minutes[d] / 60.0);
  self->updating = FALSE;
  update_weekly (self);
}

/* A week's hours over its days, in quarter hours: evenly, the quarters
 * left over to the weekend first */
static void
choice_clicked_cb (GtkButton       *button,
                   SpWelcomeWindow *self)
{
  guint              quarters = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sp-hours")) * 4;
  static const guint extra_order[] = { 5, 6, 4, 2, 0, 3, 1 }; /* Sat, Sun, Fri, Wed, Mon, Thu, Tue */

  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    self->availability->minutes[d] = (guint16) (quarters / SP_N_WEEKDAYS * 15);
  for (guint i = 0; i < quarters % SP_N_WEEKDAYS; i++)
    self->availability->minutes[extra_order[i]] += 15;
  show_hours (self);
}

static void
day_selected_cb (SpWelcomeWindow *self)
{
  g_autoptr(GDateTime) time = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;

  self->availability->start_day = sp_day_from_date_time (time);
  text = sp_calendar_format_date (self->availability->start_day);
  gtk_menu_button_set_label (self->date_button, text);
  gtk_menu_button_popdown (self->date_button);
}

static void
finish (SpWelcomeWindow *self)
{
  g_settings_set_boolean (self->settings, "welcome-shown", TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Closed is skipped: it is not asked again */
static gboolean
close_request_cb (SpWelcomeWindow *self)
{
  g_settings_set_boolean (self->settings, "welcome-shown", TRUE);
  return FALSE;
}

static void
skip_clicked_cb (SpWelcomeWindow *self)
{
  finish (self);
}

static void
start_clicked_cb (SpWelcomeWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->track_row);

  if (selected < self->track_ids->len)
    sp_planner_set_track (self->planner, g_ptr_array_index (self->track_ids, selected));
  sp_planner_set_availability (self->planner, self->availability);
  finish (self);
}

static void
add_choices (SpWelcomeWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      /* TRANSLATORS: a quick choice of hours a week on the welcome page, "10 h" */
      g_autofree char *label = g_strdup_printf (_("%u h"), choices[i]);
      /* TRANSLATORS: a quick choice's accessible name, "10 hours a week" */
      g_autofree char *name = g_strdup_printf (ngettext ("%u hour a week", "%u hours a week", choices[i]), choices[i]);
      GtkWidget       *button = gtk_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "sp-hours", GUINT_TO_POINTER (choices[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_signal_connect_object (button, "clicked", G_CALLBACK (choice_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (self->choices_box), button);
    }
}

static void
add_weekday_rows (SpWelcomeWindow *self)
{
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    {
      const char      *name = sp_weekday_get_name (d);
      GtkWidget       *row = adw_action_row_new ();
      GtkWidget       *spin = gtk_spin_button_new_with_range (0, 12, 0.25);
      g_autofree char *spin_name = g_strdup_printf (_("%s: hours of study"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, spin_name, -1);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (hours_changed_cb), self, G_CONNECT_SWAPPED);
      sp_preferences_guard_spin (spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->hours_group, row);
      self->hours_spins[d] = GTK_SPIN_BUTTON (spin);
    }
}

static void
add_tracks (SpWelcomeWindow *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = sp_list_cell_string_factory_new ();
  SpPlan     *plan = sp_planner_get_plan (self->planner);
  const char *current = sp_planner_get_track (self->planner);
  guint       selected = 0;

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
  adw_combo_row_set_model (self->track_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->track_row, selected);
  /* Rows named for a screen reader, the names whole */
  adw_combo_row_set_factory (self->track_row, factory);
  adw_combo_row_set_list_factory (self->track_row, factory);
  gtk_widget_set_visible (GTK_WIDGET (self->track_row), self->track_ids->len > 0);
}

static void
sp_welcome_window_constructed (GObject *object)
{
  SpWelcomeWindow *self = SP_WELCOME_WINDOW (object);
  g_autoptr(GDateTime) time = NULL;

  G_OBJECT_CLASS (sp_welcome_window_parent_class)->constructed (object);

  self->availability = sp_availability_copy (sp_planner_get_availability (self->planner));
  if (self->availability->start_day == 0)
    self->availability->start_day = sp_planner_get_today (self->planner);
  time = sp_day_to_date_time (self->availability->start_day);
  gtk_calendar_select_day (self->calendar, time);
  day_selected_cb (self);
  add_choices (self);
  add_weekday_rows (self);
  add_tracks (self);
  show_hours (self);
}

static void
sp_welcome_window_dispose (GObject *object)
{
  SpWelcomeWindow *self = SP_WELCOME_WINDOW (object);

  g_clear_object (&self->planner);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->availability, sp_availability_free);
  g_clear_pointer (&self->track_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (sp_welcome_window_parent_class)->dispose (object);
}

static void
sp_welcome_window_class_init (SpWelcomeWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_welcome_window_constructed;
  object_class->dispose = sp_welcome_window_dispose;
  sp_model_properties_install (object_class, models, G_N_ELEMENTS (models));

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/studyplanner/StudyPlanner/ui/sp-welcome-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWelcomeWindow, hours_group);
  gtk_widget_class_bind_template_child (widget_class, SpWelcomeWindow, choices_box);
  gtk_widget_class_bind_template_child (widget_class, SpWelcomeWindow, weekly_label);
  gtk_widget_class_bind_template_child (widget_class, SpWelcomeWindow, date_button);
  gtk_widget_class_bind_template_child (widget_class, SpWelcomeWindow, calendar);
  gtk_widget_class_bind_template_child (widget_class, SpWelcomeWindow, track_row);
  gtk_widget_class_bind_template_callback (widget_class, skip_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sp_welcome_window_init (SpWelcomeWindow *self)
{
  self->track_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

SpWelcomeWindow *
sp_welcome_window_new (SpPlanner *planner,
                       GSettings *settings)
{
  g_return_val_if_fail (SP_IS_PLANNER (planner), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SP_TYPE_WELCOME_WINDOW, "planner", planner, "settings", settings, NULL);
}
