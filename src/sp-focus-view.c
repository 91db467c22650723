/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-focus-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-calendar-layout.h"
#include "sp-course-rows.h"
#include "sp-focus-view.h"

/* Studying inside one block: what to do, the time left in large figures,
 * and the session's controls. The session does the counting; this only
 * shows it and sends the user's choices to it. */
struct _SpFocusView
{
  AdwBin parent_instance;

  SpPlanner      *planner;
  SpFocusSession *session;
  gint64          announced; /* the minute last given to screen readers */

  GtkLabel       *topic_label;
  GtkLabel       *meta_label;
  GtkLabel       *task_label;
  GtkWidget      *course_box;
  GtkLabel       *course_label;
  GtkLinkButton  *course_link;
  GtkLabel       *time_label;
  GtkLabel       *phase_label;
  GtkProgressBar *progress_bar;
  GtkButton      *pause_button;
  GtkWidget      *finish_button;
  GtkWidget      *end_box;
  GtkWidget      *done_button;
  GtkEntry       *note_entry;
};

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SpFocusView, sp_focus_view, ADW_TYPE_BIN)

/**
 * sp_focus_view_format_time:
 *
 * Returns: (transfer full): "42:05", or "1:02:05" past the hour
 */
char *
sp_focus_view_format_time (gint64 usec)
{
  gint64 seconds = (usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

static void
update (SpFocusView *self)
{
  SpFocusSession  *s = self->session;
  gboolean         ended = sp_focus_session_get_ended (s);
  gboolean         paused = sp_focus_session_get_paused (s);
  SpFocusPhase     phase = sp_focus_session_get_phase (s);
  gboolean         on_break = !ended && phase != SP_FOCUS_PHASE_FOCUS;
  gint64           left = on_break ? sp_focus_session_get_phase_remaining (s) : sp_focus_session_get_remaining (s);
  gint64           target = (gint64) sp_focus_session_get_target_minutes (s) * 60 * G_USEC_PER_SEC;
  g_autofree char *time = sp_focus_view_format_time (left);
  const char      *phase_text = "";
  gint64           minutes = (left + 60 * G_USEC_PER_SEC - 1) / (60 * G_USEC_PER_SEC);

  gtk_label_set_text (self->time_label, time);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 target > 0 ? CLAMP ((double) sp_focus_session_get_focused (s) / target, 0, 1) : 0);
  if (ended)
    phase_text = _("Time is up: is the block done?");
  else if (paused)
    phase_text = _("Paused");
  else if (phase == SP_FOCUS_PHASE_SHORT_BREAK)
    phase_text = _("Short break");
  else if (phase == SP_FOCUS_PHASE_LONG_BREAK)
    phase_text = _("Long break");
  gtk_label_set_text (self->phase_label, phase_text);
  gtk_widget_set_visible (GTK_WIDGET (self->phase_label), phase_text[0] != '\0');
  gtk_button_set_label (self->pause_button, paused ? _("_Resume") : _("_Pause"));
  /* At the end: done, or more time (+5 stays, to go on a little) */
  gtk_widget_set_visible (GTK_WIDGET (self->pause_button), !ended);
  gtk_widget_set_visible (self->finish_button, !ended);
  gtk_widget_set_visible (self->end_box, ended);

  /* Screen readers hear the time left once a minute, not every second */
  if (minutes != self->announced)
    {
      g_autofree char *spoken =
          on_break ? g_strdup_printf (ngettext ("%d minute of break left", "%d minutes of break left", (gulong) minutes),
                                      (int) minutes)
                   : g_strdup_printf (ngettext ("%d minute left", "%d minutes left", (gulong) minutes), (int) minutes);

      self->announced = minutes;
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, spoken,
                                      -1);
    }
}

/* Keeps the note field on the block, when it says something new */
static gboolean
save_note (SpFocusView *self)
{
  SpSchedule    *schedule = sp_planner_get_schedule (self->planner);
  const char    *id = sp_focus_session_get_block_id (self->session);
  const SpBlock *block = schedule ? sp_schedule_lookup_block (schedule, id) : NULL;
  const char    *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  g_autoptr(GError) error = NULL;

  if (block == NULL || g_strcmp0 (block->note ? block->note : "", text) == 0)
    return FALSE;
  if (!sp_planner_set_block_note (self->planner, id, text, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-urgent", "s", error->message);
      return FALSE;
    }
  return TRUE;
}

static void
finish (SpFocusView   *self,
        SpFocusOutcome outcome)
{
  g_autoptr(GError) error = NULL;

  save_note (self);
  if (!sp_focus_session_finish (self->session, outcome, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast-urgent", "s", error->message);
      return;
    }
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
pause_clicked_cb (SpFocusView *self)
{
  if (sp_focus_session_get_paused (self->session))
    sp_focus_session_resume (self->session);
  else
    sp_focus_session_pause (self->session);
}

static void
more_clicked_cb (SpFocusView *self)
{
  sp_focus_session_add_minutes (self->session, 5);
}

static void
finish_clicked_cb (SpFocusView *self)
{
  finish (self, SP_FOCUS_OUTCOME_DONE);
}

static void
done_clicked_cb (SpFocusView *self)
{
  finish (self, SP_FOCUS_OUTCOME_DONE);
}

static void
needs_more_clicked_cb (SpFocusView *self)
{
  finish (self, SP_FOCUS_OUTCOME_NEEDS_MORE);
}

static void
note_activate_cb (SpFocusView *self)
{
  if (save_note (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("Note saved"));
}

static void
note_leave_cb (SpFocusView *self)
{
  save_note (self);
}

static void
fill (SpFocusView *self)
{
  SpSchedule      *schedule = sp_planner_get_schedule (self->planner);
  const SpBlock   *block = sp_schedule_lookup_block (schedule, sp_focus_session_get_block_id (self->session));
  g_autofree char *task = NULL;
  g_autofree char *meta = NULL;

  if (block == NULL)
    return;
  gtk_label_set_text (self->topic_label, sp_topic_get_title (block->topic));
  /* TRANSLATORS: under the topic in the focus view, "Level 1, Fundamentals · Learn" */
  meta = g_strdup_printf (_("Level %u, %s · %s"), block->level + 1, sp_calendar_get_level_title (schedule, block->level),
                             sp_block_kind_get_label (block->kind));
  gtk_label_set_text (self->meta_label, meta);
  task = sp_calendar_get_block_task (block);
  gtk_label_set_text (self->task_label, task ? task : "");
  gtk_widget_set_visible (GTK_WIDGET (self->task_label), task != NULL && task[0] != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), block->note ? block->note : "");

  sp_course_rows_show_attached (self->planner, block->topic->id, self->course_box, self->course_label,
                                self->course_link);
}

/* The keys start on the session's next step: Pause, or Done at the end */
static gboolean
sp_focus_view_grab_focus (GtkWidget *widget)
{
  SpFocusView *self = SP_FOCUS_VIEW (widget);

  if (self->session != NULL && sp_focus_session_get_ended (self->session))
    return gtk_widget_grab_focus (self->done_button);
  return gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
}

static void
sp_focus_view_dispose (GObject *object)
{
  SpFocusView *self = (SpFocusView *) object;

  /* A note typed while the window closes is kept too */
  if (self->session != NULL && self->planner != NULL)
    save_note (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_FOCUS_VIEW);
  g_clear_object (&self->session);
  g_clear_object (&self->planner);

  G_OBJECT_CLASS (sp_focus_view_parent_class)->dispose (object);
}

static void
sp_focus_view_class_init (SpFocusViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_focus_view_dispose;
  widget_class->grab_focus = sp_focus_view_grab_focus;

  /**
   * SpFocusView::finished:
   *
   * The session was recorded: the view has nothing more to show.
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/studyplanner/StudyPlanner/ui/sp-focus-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, topic_label);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, task_label);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, course_box);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, course_label);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, course_link);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, time_label);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, finish_button);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, end_box);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, done_button);
  gtk_widget_class_bind_template_child (widget_class, SpFocusView, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, pause_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, finish_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, needs_more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);
  gtk_widget_class_set_css_name (widget_class, "focusview");
}

static void
sp_focus_view_init (SpFocusView *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->announced = -1;
  g_signal_connect_object (focus, "leave", G_CALLBACK (note_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), focus);
}

/**
 * sp_focus_view_new:
 *
 * Returns: (transfer floating): a view of @session, which it keeps
 */
GtkWidget *
sp_focus_view_new (SpPlanner      *planner,
                   SpFocusSession *session)
{
  SpFocusView *self = g_object_new (SP_TYPE_FOCUS_VIEW, NULL);

  self->planner = g_object_ref (planner);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  fill (self);
  update (self);
  return GTK_WIDGET (self);
}

SpFocusSession *
sp_focus_view_get_session (SpFocusView *self)
{
  g_return_val_if_fail (SP_IS_FOCUS_VIEW (self), NULL);
  return self->session;
}
