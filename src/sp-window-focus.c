/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-window-focus"

#include "config.h"

#include <glib/gi18n.h>
#ifdef HAVE_GSOUND
#include <gsound.h>
#endif

#include "sp-focus-view.h"
#include "sp-system-clock.h"
#include "sp-window-private.h"

/* Focus sessions in the window: win.focus-start (s) studies a block in a
 * window of its own, win.focus-next the next block of today; while one
 * runs, the header shows the time left in every view, the session may
 * not suspend or go idle, and the end is notified. A session saved as
 * running by an earlier start is offered to finish or discard. */

#define FOCUS_NOTIFICATION_ID "focus-session"

static SpFocusSession *
running_session (SpWindow *self)
{
  return self->focus_view != NULL ? sp_focus_view_get_session (SP_FOCUS_VIEW (self->focus_view)) : NULL;
}

static void
update_indicator (SpWindow *self)
{
  SpFocusSession  *session = running_session (self);
  g_autofree char *time = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *subtitle = NULL;
  gint64           left;
  guint            minutes;

  if (session == NULL)
    {
      gtk_widget_set_visible (gtk_widget_get_parent (self->focus_indicator), FALSE);
      gtk_widget_set_visible (self->focus_indicator, FALSE);
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      self->focus_announced = G_MAXUINT;
      return;
    }
  left = sp_focus_session_get_remaining (session);
  time = sp_focus_view_format_time (left);
  gtk_label_set_text (GTK_LABEL (self->focus_time), time);
  /* Measured again even while it is left out, or it would stay out */
  gtk_widget_queue_resize (gtk_widget_get_parent (self->focus_indicator));
  /* TRANSLATORS: the header's button while a focus session runs, "Focus session, 42:10 left" */
  tooltip = g_strdup_printf (_("Focus session, %s left"), time);
  gtk_widget_set_tooltip_text (self->focus_indicator, tooltip);
  gtk_widget_set_visible (gtk_widget_get_parent (self->focus_indicator), TRUE);
  gtk_widget_set_visible (self->focus_indicator, TRUE);
  /* A narrow window's title says it too, where the button has no room */
  /* TRANSLATORS: under a narrow window's title while a focus session runs, "42:10 left" */
  subtitle = g_strdup_printf (_("%s left"), time);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);

  /* Screen readers hear the minutes, not every second */
  minutes = (guint) ((left + 60 * G_USEC_PER_SEC - 1) / (60 * G_USEC_PER_SEC));
  if (minutes != self->focus_announced)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("Show the focus session, %u minute left",
                                                          "Show the focus session, %u minutes left", minutes),
                                                minutes);

      self->focus_announced = minutes;
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->focus_indicator), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
uninhibit (SpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->focus_inhibit != 0 && app != NULL)
    gtk_application_uninhibit (app, self->focus_inhibit);
  self->focus_inhibit = 0;
}

/* The focus window went with the app (quit, or a test's end): the
 * session stays saved as running, to be offered on the next start */
static void
focus_window_destroy_cb (SpWindow *self)
{
  self->focus_window = NULL;
  self->focus_view = NULL;
  uninhibit (self);
  update_indicator (self);
}

static void
end_session (SpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    g_application_withdraw_notification (G_APPLICATION (app), FOCUS_NOTIFICATION_ID);
  if (self->focus_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->focus_window));
}

static void
finished_cb (SpWindow *self)
{
  end_session (self);
  sp_window_add_toast (self, _("Focus session recorded"));
}

/* The freedesktop sound theme's "complete", unless turned off */
static void
play_end_sound (SpWindow *self)
{
#ifdef HAVE_GSOUND
  g_autoptr(GError) error = NULL;

  if (self->settings == NULL || !g_settings_get_boolean (self->settings, "focus-sound"))
    return;
  if (self->focus_sound == NULL)
    self->focus_sound = G_OBJECT (gsound_context_new (NULL, &error));
  if (self->focus_sound == NULL ||
      !gsound_context_play_simple (GSOUND_CONTEXT (self->focus_sound), NULL, &error,
                                   GSOUND_ATTR_EVENT_ID, "complete",
                                   GSOUND_ATTR_EVENT_DESCRIPTION, _("Focus session ended"), NULL))
    g_debug ("No sound at the end of the focus session: %s", error ? error->message : "no context");
#endif
}

static void
ended_cb (SpWindow *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GNotification) notification = g_notification_new (_("Time is up"));
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);

  g_notification_set_body (notification, _("Is the block done, or does it need more time?"));
  g_notification_set_icon (notification, icon);
  if (app != NULL)
    g_application_send_notification (app, FOCUS_NOTIFICATION_ID, notification);
  play_end_sound (self);
  if (self->focus_window != NULL)
    {
      gtk_widget_grab_focus (self->focus_view);
      gtk_window_present (GTK_WINDOW (self->focus_window));
    }
}

static GtkWidget *
new_focus_window (SpWindow  *self,
                  GtkWidget *view)
{
  GtkApplication     *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkWidget          *window = adw_window_new ();
  GtkWidget          *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Focus Session"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  if (app != NULL)
    gtk_window_set_application (GTK_WINDOW (window), app);
  gtk_widget_set_size_request (window, 360, 400);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 640);
  /* Closing it (Escape too) leaves the session running: the header's
   * button brings it back */
  gtk_window_set_hide_on_close (GTK_WINDOW (window), TRUE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, keys);
  return window;
}

static void
show_session (SpWindow       *self,
              SpFocusSession *session)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  self->focus_view = sp_focus_view_new (self->planner, session);
  self->focus_window = new_focus_window (self, self->focus_view);
  g_signal_connect_object (self->focus_window, "destroy", G_CALLBACK (focus_window_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->focus_view, "finished", G_CALLBACK (finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "ended", G_CALLBACK (ended_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "changed", G_CALLBACK (update_indicator), self, G_CONNECT_SWAPPED);
  if (app != NULL)
    self->focus_inhibit = gtk_application_inhibit (app, GTK_WINDOW (self),
                                                   GTK_APPLICATION_INHIBIT_SUSPEND | GTK_APPLICATION_INHIBIT_IDLE,
                                                   _("A focus session is running"));
  update_indicator (self);
  gtk_widget_grab_focus (self->focus_view);
  gtk_window_present (GTK_WINDOW (self->focus_window));
}

static SpClock *
window_clock (SpWindow *self)
{
  if (self->focus_clock == NULL)
    self->focus_clock = sp_system_clock_new ();
  return self->focus_clock;
}

/**
 * sp_window_start_focus:
 *
 * Starts a focus session on @block_id, or shows the one running.
 */
void
sp_window_start_focus (SpWindow   *self,
                       const char *block_id)
{
  g_autoptr(SpFocusSession) session = NULL;
  g_autoptr(GError) error = NULL;
  SpPomodoro pomodoro;

  g_return_if_fail (SP_IS_WINDOW (self));

  if (self->focus_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->focus_window));
      return;
    }
  if (self->planner == NULL)
    return;
  sp_pomodoro_init_default (&pomodoro, sp_planner_get_availability (self->planner));
  if (self->settings == NULL || !g_settings_get_boolean (self->settings, "focus-pomodoro"))
    pomodoro.focus_minutes = 0;
  session = sp_focus_session_start (self->planner, block_id, window_clock (self), &pomodoro, &error);
  if (session == NULL)
    {
      sp_window_add_toast (self, error->message);
      return;
    }
  show_session (self, session);
}

static void
focus_start_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  sp_window_start_focus (SP_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* The next block of today not yet done, or the one under way */
static void
focus_next_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SpWindow   *self = SP_WINDOW (widget);
  SpSchedule *schedule = self->planner != NULL ? sp_planner_get_schedule (self->planner) : NULL;
  guint       first, n;

  if (self->focus_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->focus_window));
      return;
    }
  if (schedule == NULL)
    return;
  n = sp_schedule_get_day_blocks (schedule, sp_planner_get_today (self->planner), &first);
  for (guint i = first; i < first + n; i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);

      if (block->status == SP_BLOCK_STATUS_PLANNED || block->status == SP_BLOCK_STATUS_PARTIAL)
        {
          sp_window_start_focus (self, block->id);
          return;
        }
    }
  sp_window_add_toast (self, _("No study block left today"));
}

static void
indicator_clicked_cb (SpWindow *self)
{
  if (self->focus_window != NULL)
    gtk_window_present (GTK_WINDOW (self->focus_window));
}

static void
recover_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SpWindow         *self)
{
  g_autoptr(SpFocusSession) session = g_object_steal_data (G_OBJECT (dialog), "sp-session");
  g_autoptr(GError) error = NULL;

  if (session == NULL)
    return;
  if (g_str_equal (response, "finish"))
    {
      if (!sp_focus_session_finish (session, SP_FOCUS_OUTCOME_DONE, &error))
        sp_window_add_toast (self, error->message);
      else
        sp_window_add_toast (self, _("Focus session recorded"));
    }
  else if (g_str_equal (response, "discard"))
    sp_focus_session_discard (session);
  else
    {
      /* Where it was: running on, or paused */
      if (!sp_focus_session_get_paused (session))
        sp_focus_session_resume (session);
      show_session (self, session);
    }
}

/* A session saved as running: the app closed, crashed or lost power */
static gboolean
recover_idle_cb (gpointer data)
{
  SpWindow *self = SP_WINDOW (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpFocusSession) session = NULL;
  g_autofree char *body = NULL;
  guint            minutes;
  GtkWidget       *dialog;

  self->focus_recover_id = 0;
  session = sp_focus_session_recover (self->planner, window_clock (self), &error);
  if (session == NULL)
    {
      if (error != NULL)
        {
          /* Its block or plan is gone: nothing to record it on */
          sp_planner_set_focus_session (self->planner, NULL);
          sp_window_add_toast (self, error->message);
        }
      return G_SOURCE_REMOVE;
    }
  minutes = sp_focus_session_get_minutes (session);
  body = g_strdup_printf (ngettext ("A focus session was still running when Study Planner closed: %u minute studied.",
                                    "A focus session was still running when Study Planner closed: %u minutes studied.",
                                    minutes),
                          minutes);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Finish the Focus Session?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"), "continue", _("_Continue"), "finish", _("_Finish and Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "finish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "finish");
  /* Escape loses nothing: the session goes on */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_object_set_data_full (G_OBJECT (dialog), "sp-session", g_steal_pointer (&session), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recover_response_cb), self, 0);
  self->focus_recover_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->focus_recover_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

/* Called once the window has its planner */
void
sp_window_focus_setup (SpWindow *self)
{
  GtkWidget *squeezer = adw_squeezer_new ();
  GtkWidget *inner = adw_squeezer_new ();

  /* The time left where the header has room for it, a sign where it has
   * less, nothing where it has none: a session never widens a narrow
   * window, whose title says the time left (see update_indicator) */
  self->focus_time = gtk_label_new (NULL);
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (inner), TRUE);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (inner), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (ADW_SQUEEZER (inner), self->focus_time);
  adw_squeezer_add (ADW_SQUEEZER (inner), gtk_image_new_from_icon_name ("alarm-symbolic"));
  self->focus_indicator = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->focus_indicator), inner);
  self->focus_announced = G_MAXUINT;
  adw_squeezer_set_allow_none (ADW_SQUEEZER (squeezer), TRUE);
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), TRUE);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), self->focus_indicator);
  gtk_widget_set_visible (squeezer, FALSE);
  gtk_widget_add_css_class (self->focus_indicator, "numeric");
  gtk_widget_add_css_class (self->focus_indicator, "focus-indicator");
  gtk_widget_set_visible (self->focus_indicator, FALSE);
  g_signal_connect_object (self->focus_indicator, "clicked", G_CALLBACK (indicator_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (self->header_bar, squeezer);
  if (sp_planner_get_focus_session (self->planner) != NULL)
    self->focus_recover_id = g_idle_add (recover_idle_cb, self);
}

void
sp_window_focus_dispose (SpWindow *self)
{
  g_clear_handle_id (&self->focus_recover_id, g_source_remove);
  if (self->focus_recover_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->focus_recover_dialog), (gpointer *) &self->focus_recover_dialog);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->focus_recover_dialog)));
    }
  /* A session running stays saved as running, to be offered next time */
  self->focus_view = NULL;
  if (self->focus_window != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->focus_window, focus_window_destroy_cb, self);
      gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&self->focus_window)));
    }
  uninhibit (self);
  g_clear_object (&self->focus_clock);
  g_clear_object (&self->focus_sound);
}

/**
 * sp_window_get_focus_view:
 *
 * Returns: (transfer none) (nullable): the view of the session running
 */
GtkWidget *
sp_window_get_focus_view (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->focus_view;
}

/**
 * sp_window_get_focus_indicator:
 *
 * Returns: (transfer none): the header's button with the time left
 */
GtkWidget *
sp_window_get_focus_indicator (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->focus_indicator;
}

/**
 * sp_window_get_focus_recovery:
 *
 * Returns: (transfer none) (nullable): the dialog offering to finish a
 *   session that was running when the app last closed
 */
GtkWidget *
sp_window_get_focus_recovery (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->focus_recover_dialog;
}

void
sp_window_set_focus_clock (SpWindow *self,
                           GObject  *clock)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (SP_IS_CLOCK (clock));
  g_set_object (&self->focus_clock, SP_CLOCK (clock));
}

void
sp_window_focus_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.focus-start", "s", focus_start_action);
  gtk_widget_class_install_action (widget_class, "win.focus-next", NULL, focus_next_action);
}
