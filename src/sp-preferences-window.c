/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "sp-calendar-text.h"
#include "sp-catalog-preferences-page.h"
#include "sp-focus-session.h"
#include "sp-goal-rows.h"
#include "sp-model-properties.h"
#include "sp-preferences-window.h"
#include "sp-scheduler.h"
#include "sp-wrap-layout.h"

/* The user's hours and the path's options. Every change goes to the
 * planner at once, which re-plans and saves; the window follows the
 * planner, so it always shows what is saved. */
struct _SpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SpPlanner            *planner;
  GSettings            *settings;
  GPtrArray            *track_ids;
  gboolean              updating;

  GtkSpinButton        *hours_spins[SP_N_WEEKDAYS];
  GtkSpinButton        *start_spins[SP_N_WEEKDAYS];

  AdwPreferencesGroup  *hours_group;
  GtkLabel             *weekly_label;
  GtkWidget            *days_off_fields;
  GtkSpinButton        *block_spin;
  GtkSpinButton        *break_spin;
  GtkMenuButton        *start_button;
  GtkCalendar          *start_calendar;
  GtkListBox           *days_off_list;
  GtkMenuButton        *off_first_button;
  GtkMenuButton        *off_last_button;
  GtkCalendar          *off_first_calendar;
  GtkCalendar          *off_last_calendar;
  GtkButton            *add_off_button;
  AdwComboRow          *track_row;
  GtkSwitch            *notify_switch;
  AdwActionRow         *pomodoro_row;
  GtkSwitch            *pomodoro_switch;
  GtkSwitch            *focus_sound_switch;

  /* What the shown Undo toast brings back: the choices before the first
   * change of a series, so steps of a spin button undo as one */
  AdwToast       *undo_toast;
  SpAvailability *undo_availability;
  char           *undo_track;
};

G_DEFINE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const SpModelProperty models[] = {
  /**
   * SpPreferencesWindow:planner:
   *
   * Whose choices the window shows and edits; it follows its changes.
   */
  { "planner", sp_planner_get_type, G_STRUCT_OFFSET (SpPreferencesWindow, planner),
    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY },
  /**
   * SpPreferencesWindow:settings:
   *
   * The application's settings: notifications and the catalog sources.
   */
  { "settings", g_settings_get_type, G_STRUCT_OFFSET (SpPreferencesWindow, settings),
    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY },
};

static guint32
calendar_get_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  return sp_day_from_date_time (dt);
}

static void
calendar_set_day (GtkCalendar *calendar,
                  guint32      day)
{
  g_autoptr(GDateTime) dt = sp_day_to_date_time (day);

  gtk_calendar_select_day (calendar, dt);
}

static void
set_date_button (GtkMenuButton *button,
                 guint32        day)
{
  g_autofree char *text = sp_calendar_format_date (day);

  gtk_menu_button_set_label (button, text);
}

/* Hours as typed, before they are committed: the weekly total follows the keys. */
static double
spin_text_hours (GtkSpinButton *spin)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double value = g_strtod (text, &end);
  double      max = 24;

  if (end == text || !isfinite (value))
    return gtk_spin_button_get_value (spin);
  gtk_spin_button_get_range (spin, NULL, &max);
  return CLAMP (value, 0, max);
}

/* The hours as typed, and what is studied of them */
static void
update_weekly_total (SpPreferencesWindow *self)
{
  g_autoptr(SpAvailability) availability = NULL;
  g_autofree char *text = NULL;

  if (self->planner == NULL)
    return;
  availability = sp_availability_copy (sp_planner_get_availability (self->planner));
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    availability->minutes[d] = (guint16) (lround (spin_text_hours (self->hours_spins[d]) * 12) * 5);
  availability->block_minutes = (guint16) gtk_spin_button_get_value_as_int (self->block_spin);
  availability->break_minutes = (guint16) gtk_spin_button_get_value_as_int (self->break_spin);
  text = sp_availability_describe_week (availability);
  gtk_label_set_text (self->weekly_label, text);
}

static void
undo_toast_dismissed_cb (AdwToast            *toast,
                         SpPreferencesWindow *self)
{
  if (self->undo_toast != toast)
    return;
  self->undo_toast = NULL;
  g_clear_pointer (&self->undo_availability, sp_availability_free);
  g_clear_pointer (&self->undo_track, g_free);
}

/* Before a change: keeps what it changes and shows a toast to undo it,
 * as the edits in the calendar have */
static void
offer_undo (SpPreferencesWindow *self)
{
  if (self->undo_toast != NULL)
    return;
  self->undo_availability = sp_availability_copy (sp_planner_get_availability (self->planner));
  self->undo_track = g_strdup (sp_planner_get_track (self->planner));
  self->undo_toast = adw_toast_new (_("Study settings changed"));
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  adw_toast_set_action_name (self->undo_toast, "prefs.undo");
  g_signal_connect_object (self->undo_toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), self->undo_toast);
}

static void
set_availability (SpPreferencesWindow  *self,
                  const SpAvailability *availability)
{
  offer_undo (self);
  sp_planner_set_availability (self->planner, availability);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (widget);
  g_autoptr(SpAvailability) availability = g_steal_pointer (&self->undo_availability);
  g_autofree char *track = g_steal_pointer (&self->undo_track);
  AdwToast        *toast = self->undo_toast;

  if (toast == NULL || availability == NULL)
    return;
  self->undo_toast = NULL;
  adw_toast_dismiss (toast);
  if (track != NULL && g_strcmp0 (track, sp_planner_get_track (self->planner)) != 0)
    sp_planner_set_track (self->planner, track);
  sp_planner_set_availability (self->planner, availability);
}

/* Not focused, a spin button leaves the wheel to the page, so scrolling
 * the page over it never changes a setting */
static gboolean
spin_scroll_cb (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                gpointer                  user_data)
{
  GtkWidget     *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget     *scrolled;
  GtkAdjustment *adjustment;
  double         step;

  if (gtk_widget_get_state_flags (spin) & GTK_STATE_FLAG_FOCUS_WITHIN)
    return FALSE;
  scrolled = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      /* GtkScrolledWindow's own step for a wheel notch; pixels as they come */
      step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE
                 ? 1
                 : pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + dy * step);
    }
  return TRUE;
}

void
sp_preferences_guard_spin (GtkWidget *spin)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (spin_scroll_cb), NULL);
  gtk_widget_add_controller (spin, scroll);
}

/* Reads every control into a new availability and gives it to the planner. */
static void
commit (SpPreferencesWindow *self)
{
  g_autoptr(SpAvailability) availability = NULL;

  if (self->updating || self->planner == NULL)
    return;

  availability = sp_availability_copy (sp_planner_get_availability (self->planner));
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    sp_availability_set_day (availability, d,
                             (guint) lround (gtk_spin_button_get_value (self->hours_spins[d]) * 60),
                             (guint) gtk_spin_button_get_value_as_int (self->start_spins[d]));
  availability->block_minutes = (guint16) gtk_spin_button_get_value_as_int (self->block_spin);
  availability->break_minutes = (guint16) gtk_spin_button_get_value_as_int (self->break_spin);
  set_availability (self, availability);
}

static void
blocks_changed_cb (SpPreferencesWindow *self)
{
  update_weekly_total (self);
  commit (self);
}

static void
day_changed_cb (SpPreferencesWindow *self)
{
  update_weekly_total (self);
  commit (self);
}

static void
start_selected_cb (SpPreferencesWindow *self)
{
  g_autoptr(SpAvailability) availability = NULL;

  if (self->updating || self->planner == NULL)
    return;

  availability = sp_availability_copy (sp_planner_get_availability (self->planner));
  availability->start_day = calendar_get_day (self->start_calendar);
  set_availability (self, availability);
}

static void
off_range_changed_cb (SpPreferencesWindow *self)
{
  guint32 first = calendar_get_day (self->off_first_calendar);
  guint32 last = calendar_get_day (self->off_last_calendar);

  if (!self->updating && last < first)
    {
      /* Keep the range the right way round */
      self->updating = TRUE;
      calendar_set_day (self->off_last_calendar, first);
      self->updating = FALSE;
      last = first;
    }
  set_date_button (self->off_first_button, first);
  set_date_button (self->off_last_button, last);
}

static void
add_days_off_cb (SpPreferencesWindow *self)
{
  g_autoptr(SpAvailability) availability = NULL;
  guint32 first = calendar_get_day (self->off_first_calendar);
  guint32 last = calendar_get_day (self->off_last_calendar);

  availability = sp_availability_copy (sp_planner_get_availability (self->planner));
  sp_availability_add_days_off (availability, first, MAX (first, last));
  set_availability (self, availability);
}

static void
remove_days_off_cb (GtkButton           *button,
                    SpPreferencesWindow *self)
{
  g_autoptr(SpAvailability) availability = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sp-index"));

  availability = sp_availability_copy (sp_planner_get_availability (self->planner));
  if (index >= sp_availability_get_n_days_off (availability))
    return;
  sp_availability_remove_days_off (availability, index);
  set_availability (self, availability);
}

/* The start time shows as HH:MM; typing 7:30 or 07:30 works. */
static gboolean
time_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = sp_format_time ((guint) gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
time_input_cb (GtkSpinButton *spin,
               double        *value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_auto(GStrv) parts = g_strsplit (text, ":", 2);
  char *end_h = NULL, *end_m = NULL;
  long h, m = 0;

  if (parts[0] == NULL)
    return GTK_INPUT_ERROR;
  h = strtol (parts[0], &end_h, 10);
  if (parts[1] != NULL)
    m = strtol (parts[1], &end_m, 10);
  if (end_h == parts[0] || *end_h != '\0' || (parts[1] != NULL && (end_m == parts[1] || *end_m != '\0')) ||
      h < 0 || h > 23 || m < 0 || m > 59)
    return GTK_INPUT_ERROR;
  *value = (double) (h * 60 + m);
  return TRUE;
}

/* A day holds only the hours between its start and midnight: the hours
 * field cannot ask for more (24 h from 19:00 would plan 5) */
static void
start_changed_cb (GtkSpinButton *start,
                  GtkSpinButton *hours)
{
  guint room = (SP_MINUTES_PER_DAY - (guint) gtk_spin_button_get_value_as_int (start)) / SP_MINUTES_STEP *
               SP_MINUTES_STEP;

  gtk_spin_button_set_range (hours, 0, room / 60.0);
}

/* A row's title wraps: in a narrow window its fields would squeeze the
 * weekday's name to a letter a line */
static void
keep_word_whole (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    gtk_label_set_width_chars (GTK_LABEL (widget), (int) g_utf8_strlen (text, -1));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    keep_word_whole (child, text);
}

static void
add_weekday_rows (SpPreferencesWindow *self)
{
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    {
      const char *name = sp_weekday_get_name (d);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *hours = gtk_spin_button_new_with_range (0, 24, 0.25);
      GtkWidget *start = gtk_spin_button_new_with_range (0, SP_MINUTES_PER_DAY - SP_MINUTES_STEP, SP_MINUTES_STEP);
      /* TRANSLATORS: between two fields of a weekday's row: "[2.00] h from [18:00]",
       * the hours of study and the time they start */
      GtkWidget *hours_label = gtk_label_new (_("h from"));
      GtkWidget       *fields = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      g_autofree char *hours_name = g_strdup_printf (_("%s: hours of study"), name);
      g_autofree char *start_name = g_strdup_printf (_("%s: start time"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);

      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (hours), 2);
      gtk_spin_button_set_increments (GTK_SPIN_BUTTON (hours), 0.25, 1);
      gtk_widget_set_valign (hours, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (hours), GTK_ACCESSIBLE_PROPERTY_LABEL, hours_name, -1);
      gtk_widget_set_tooltip_text (hours, hours_name);
      g_signal_connect_object (hours, "value-changed", G_CALLBACK (day_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (hours, "changed", G_CALLBACK (update_weekly_total), self, G_CONNECT_SWAPPED);

      /* Not numeric: that would refuse the ":" of HH:MM */
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (start), FALSE);
      gtk_spin_button_set_increments (GTK_SPIN_BUTTON (start), SP_MINUTES_STEP, 60);
      gtk_editable_set_width_chars (GTK_EDITABLE (start), 5);
      gtk_widget_set_valign (start, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (start), GTK_ACCESSIBLE_PROPERTY_LABEL, start_name, -1);
      gtk_widget_set_tooltip_text (start, start_name);
      g_signal_connect (start, "output", G_CALLBACK (time_output_cb), NULL);
      g_signal_connect (start, "input", G_CALLBACK (time_input_cb), NULL);
      g_signal_connect_object (start, "value-changed", G_CALLBACK (start_changed_cb), hours, 0);
      g_signal_connect_object (start, "value-changed", G_CALLBACK (day_changed_cb), self, G_CONNECT_SWAPPED);

      gtk_widget_add_css_class (hours_label, "dim-label");
      gtk_widget_set_valign (hours_label, GTK_ALIGN_CENTER);
      /* The start time goes under the hours in a narrow window */
      gtk_widget_set_layout_manager (fields, sp_wrap_layout_new (6, 6, FALSE));
      gtk_widget_set_margin_top (fields, 6);
      gtk_widget_set_margin_bottom (fields, 6);
      gtk_box_append (GTK_BOX (fields), hours);
      gtk_box_append (GTK_BOX (fields), hours_label);
      gtk_box_append (GTK_BOX (fields), start);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), fields);
      keep_word_whole (GTK_WIDGET (row), name);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), hours);
      adw_preferences_group_add (self->hours_group, row);

      sp_preferences_guard_spin (hours);
      sp_preferences_guard_spin (start);
      self->hours_spins[d] = GTK_SPIN_BUTTON (hours);
      self->start_spins[d] = GTK_SPIN_BUTTON (start);
    }
}

static GtkWidget *
new_days_off_row (SpPreferencesWindow *self,
                  const SpDayRange    *range,
                  guint                index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *remove_name = NULL;
  guint n_days = range->last - range->first + 1;

  /* One day, "24 December 2025", or a range, "24 December 2025 – 2 January 2026" */
  title = range->first == range->last ? sp_calendar_format_date (range->first)
                                      : sp_calendar_format_range (range->first, range->last);
  subtitle = g_strdup_printf (ngettext ("%u day", "%u days", n_days), n_days);
  /* TRANSLATORS: the accessible name of the button that removes days off */
  remove_name = g_strdup_printf (_("Remove the days off %s"), title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_object_set_data (G_OBJECT (remove), "sp-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_days_off_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
update_days_off (SpPreferencesWindow  *self,
                 const SpAvailability *availability)
{
  GtkWidget *child;
  guint n = sp_availability_get_n_days_off (availability);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_off_list))) != NULL)
    gtk_list_box_remove (self->days_off_list, child);

  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->days_off_list, new_days_off_row (self, sp_availability_get_days_off (availability, i), i));
  gtk_widget_set_visible (GTK_WIDGET (self->days_off_list), n > 0);
}

static void
update_availability (SpPreferencesWindow *self)
{
  const SpAvailability *availability = sp_planner_get_availability (self->planner);
  guint32 start = availability->start_day ? availability->start_day : sp_planner_get_today (self->planner);

  self->updating = TRUE;
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    {
      /* The start first: it bounds the hours */
      gtk_spin_button_set_value (self->start_spins[d], availability->start[d]);
      start_changed_cb (self->start_spins[d], self->hours_spins[d]);
      gtk_spin_button_set_value (self->hours_spins[d], availability->minutes[d] / 60.0);
    }
  gtk_spin_button_set_value (self->block_spin, availability->block_minutes);
  gtk_spin_button_set_value (self->break_spin, availability->break_minutes);
  calendar_set_day (self->start_calendar, start);
  set_date_button (self->start_button, start);
  update_days_off (self, availability);
  self->updating = FALSE;
  update_weekly_total (self);
}

static void
track_selected_cb (SpPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->track_row);

  if (self->updating || self->planner == NULL || selected >= self->track_ids->len)
    return;
  if (g_strcmp0 (sp_planner_get_track (self->planner), g_ptr_array_index (self->track_ids, selected)) == 0)
    return;
  offer_undo (self);
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

/* The Pomodoro split follows the block and break lengths: say what it is */
static void
update_pomodoro (SpPreferencesWindow *self)
{
  SpPomodoro       pomodoro;
  g_autofree char *focus = NULL;
  g_autofree char *pause = NULL;
  g_autofree char *long_pause = NULL;
  g_autofree char *text = NULL;

  sp_pomodoro_init_default (&pomodoro, sp_planner_get_availability (self->planner));
  focus = sp_calendar_format_duration (pomodoro.focus_minutes);
  pause = sp_calendar_format_duration (pomodoro.break_minutes);
  long_pause = sp_calendar_format_duration (pomodoro.long_break_minutes);
  /* TRANSLATORS: the Pomodoro switch's subtitle, "Each block in 25 min of focus with 5 min breaks, 15 min after four" */
  text = g_strdup_printf (_("Each block in %s of focus with %s breaks, %s after four"), focus, pause, long_pause);
  adw_action_row_set_subtitle (self->pomodoro_row, text);
}

static void
planner_changed_cb (SpPreferencesWindow *self)
{
  update_tracks (self);
  update_availability (self);
  update_pomodoro (self);
}

static void
sp_preferences_window_dispose (GObject *object)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->planner);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->track_ids, g_ptr_array_unref);
  g_clear_pointer (&self->undo_availability, sp_availability_free);
  g_clear_pointer (&self->undo_track, g_free);
  self->undo_toast = NULL;

  G_OBJECT_CLASS (sp_preferences_window_parent_class)->dispose (object);
}

static void
sp_preferences_window_constructed (GObject *object)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);
  guint32 today = sp_planner_get_today (self->planner);

  G_OBJECT_CLASS (sp_preferences_window_parent_class)->constructed (object);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (sp_catalog_preferences_page_new (self->settings)));
  g_settings_bind (self->settings, "notify-blocks", self->notify_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "focus-pomodoro", self->pomodoro_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "focus-sound", self->focus_sound_switch, "active", G_SETTINGS_BIND_DEFAULT);
#ifndef HAVE_GSOUND
  /* Built without libgsound: there is no sound to turn off */
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->focus_sound_switch), ADW_TYPE_ACTION_ROW), FALSE);
#endif
  /* Goal dates on the page of the hours: the Path view says what they ask */
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (self->hours_group),
                                                                           ADW_TYPE_PREFERENCES_PAGE)),
                            ADW_PREFERENCES_GROUP (sp_goal_group_new (self->planner)));

  g_signal_connect_object (self->planner, "changed", G_CALLBACK (planner_changed_cb), self, G_CONNECT_SWAPPED);
  self->updating = TRUE;
  calendar_set_day (self->off_first_calendar, today);
  calendar_set_day (self->off_last_calendar, today);
  self->updating = FALSE;
  off_range_changed_cb (self);
  planner_changed_cb (self);
}

static void
sp_preferences_window_class_init (SpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_preferences_window_constructed;
  object_class->dispose = sp_preferences_window_dispose;
  sp_model_properties_install (object_class, models, G_N_ELEMENTS (models));

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/studyplanner/StudyPlanner/ui/sp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, hours_group);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, days_off_fields);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, weekly_label);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, block_spin);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, break_spin);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, days_off_list);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, off_first_button);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, off_last_button);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, off_first_calendar);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, off_last_calendar);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, add_off_button);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, track_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, notify_switch);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, pomodoro_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, pomodoro_switch);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, focus_sound_switch);
  gtk_widget_class_bind_template_callback (widget_class, track_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, blocks_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, off_range_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_days_off_cb);

  gtk_widget_class_install_action (widget_class, "prefs.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "prefs.undo", NULL);
}

static void
sp_preferences_window_init (SpPreferencesWindow *self)
{
  self->track_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The days off fields wrap in a narrow window */
  gtk_widget_set_layout_manager (self->days_off_fields, sp_wrap_layout_new (6, 6, FALSE));
  add_weekday_rows (self);
  sp_preferences_guard_spin (GTK_WIDGET (self->block_spin));
  sp_preferences_guard_spin (GTK_WIDGET (self->break_spin));
}

SpPreferencesWindow *
sp_preferences_window_new (SpPlanner *planner,
                           GSettings *settings)
{
  g_return_val_if_fail (SP_IS_PLANNER (planner), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SP_TYPE_PREFERENCES_WINDOW,
                       "planner", planner,
                       "settings", settings,
                       NULL);
}
