/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-block-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-block-popover-private.h"
#include "sp-calendar-layout.h"
#include "sp-course-rows.h"
#include "sp-popover-fit.h"
#include "sp-preferences-window.h"
#include "sp-wrap-layout.h"

G_DEFINE_FINAL_TYPE (SpBlockPopover, sp_block_popover, GTK_TYPE_POPOVER)

static const SpBlock *
get_block (SpBlockPopover *self)
{
  SpSchedule *schedule;

  if (self->planner == NULL || self->block_id == NULL)
    return NULL;
  schedule = sp_planner_get_schedule (self->planner);
  return schedule ? sp_schedule_lookup_block (schedule, self->block_id) : NULL;
}

void
sp_block_popover_show_error (SpBlockPopover *self,
                             const GError   *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Every edit ends the same way: close when it worked, say why when not. */
static void
finish_edit (SpBlockPopover *self,
             gboolean        ok,
             GError         *error)
{
  if (ok)
    gtk_popover_popdown (GTK_POPOVER (self));
  else
    sp_block_popover_show_error (self, error);
}

static void
mark (SpBlockPopover *self,
      SpBlockStatus   status,
      guint           minutes)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->block_id == NULL)
    return;
  ok = sp_block_mark_with_toast (GTK_WIDGET (self), self->planner, self->block_id, status, minutes, &error);
  finish_edit (self, ok, error);
}

/* A focus session on the block, in the window's hands */
static void
start_clicked_cb (SpBlockPopover *self)
{
  g_autofree char *id = g_strdup (self->block_id);

  if (id == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.focus-start", "s", id);
}

static void
done_clicked_cb (SpBlockPopover *self)
{
  mark (self, SP_BLOCK_STATUS_DONE, 0);
}

static void
skip_clicked_cb (SpBlockPopover *self)
{
  mark (self, SP_BLOCK_STATUS_SKIPPED, 0);
}

/* A review's recall: the topic's next review is spaced from it */
static void
rate (SpBlockPopover *self,
      SpRating        rating)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->block_id == NULL)
    return;
  ok = sp_block_rate_with_toast (GTK_WIDGET (self), self->planner, self->block_id, rating, &error);
  finish_edit (self, ok, error);
}

static void
again_clicked_cb (SpBlockPopover *self)
{
  rate (self, SP_RATING_AGAIN);
}

static void
hard_clicked_cb (SpBlockPopover *self)
{
  rate (self, SP_RATING_HARD);
}

static void
good_clicked_cb (SpBlockPopover *self)
{
  rate (self, SP_RATING_GOOD);
}

static void
easy_clicked_cb (SpBlockPopover *self)
{
  rate (self, SP_RATING_EASY);
}

static void
reset_clicked_cb (SpBlockPopover *self)
{
  mark (self, SP_BLOCK_STATUS_PLANNED, 0);
}

static void
partial_save_cb (SpBlockPopover *self)
{
  mark (self, SP_BLOCK_STATUS_PARTIAL, (guint) gtk_adjustment_get_value (self->partial_adjustment));
}

static void
save_note (SpBlockPopover *self)
{
  const SpBlock *block = get_block (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  g_autoptr(GError) error = NULL;

  if (block == NULL || g_strcmp0 (block->note ? block->note : "", text) == 0)
    return;
  if (!sp_planner_set_block_note (self->planner, self->block_id, text, &error))
    sp_block_popover_show_error (self, error);
}

static void
note_activate_cb (SpBlockPopover *self)
{
  save_note (self);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
closed_cb (SpBlockPopover *self)
{
  /* A note typed and left is kept, as in GNOME Calendar */
  save_note (self);
  /* Next time it opens where its opener wants it, and fits again there */
  gtk_popover_set_position (GTK_POPOVER (self), self->position);
}

static void
unpin_clicked_cb (SpBlockPopover *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->block_id == NULL)
    return;
  ok = sp_planner_unpin_block (self->planner, self->block_id, &error);
  finish_edit (self, ok, error);
}

static void
update (SpBlockPopover *self)
{
  const SpBlock *block = get_block (self);
  SpSchedule *schedule;
  g_autofree char *badge = NULL;
  g_autofree char *badge_class = NULL;
  g_autofree char *day = NULL;
  g_autofree char *range = NULL;
  g_autofree char *length = NULL;
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *task = NULL;
  g_autofree char *accessible = NULL;
  gboolean past;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (block == NULL)
    return;

  schedule = sp_planner_get_schedule (self->planner);
  past = block->day < sp_planner_get_today (self->planner);

  badge = g_strdup_printf ("%u", block->level + 1);
  badge_class = g_strdup_printf ("level-%u", MIN (block->level + 1, 6));
  gtk_label_set_text (self->level_badge, badge);
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *css = g_strdup_printf ("level-%u", i);
      gtk_widget_remove_css_class (GTK_WIDGET (self->level_badge), css);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->level_badge), badge_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sp_calendar_get_level_title (schedule, block->level),
                                  -1);

  /* Plan text is untrusted: labels show it as plain text, never markup */
  gtk_label_set_text (self->title_label, sp_topic_get_title (block->topic));
  day = sp_calendar_format_day (block->day);
  range = sp_calendar_format_time_range (block);
  length = sp_calendar_format_duration (block->minutes);
  when = g_strdup_printf ("%s · %s · %s", day, range, length);
  gtk_label_set_text (self->when_label, when);
  meta = sp_calendar_format_block_meta (schedule, block);
  gtk_label_set_text (self->meta_label, meta);

  task = sp_calendar_get_block_task (block);
  gtk_label_set_text (self->task_label, task ? task : "");
  gtk_widget_set_visible (GTK_WIDGET (self->task_label), task != NULL);

  sp_course_rows_show_attached (self->planner, block->topic->id, self->course_box, self->course_label,
                                self->course_link);

  gtk_widget_set_visible (self->start_button, block->status == SP_BLOCK_STATUS_PLANNED ||
                                                  block->status == SP_BLOCK_STATUS_PARTIAL);
  gtk_widget_set_sensitive (self->done_button, block->status != SP_BLOCK_STATUS_DONE);
  gtk_widget_set_sensitive (self->skip_button, block->status != SP_BLOCK_STATUS_SKIPPED);
  gtk_widget_set_visible (self->reset_button, block->status != SP_BLOCK_STATUS_PLANNED);
  /* After a review, how well it was recalled; the rating given is the one not offered */
  gtk_widget_set_visible (self->rating_box, block->kind == SP_BLOCK_KIND_REVIEW);
  for (SpRating r = SP_RATING_AGAIN; r <= SP_RATING_EASY; r++)
    gtk_widget_set_sensitive (self->rating_buttons[r - 1], block->rating != r);
  gtk_toggle_button_set_active (self->partial_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->partial_button), block->minutes > 1);
  gtk_adjustment_configure (self->partial_adjustment,
                            block->status == SP_BLOCK_STATUS_PARTIAL ? block->done_minutes : block->minutes / 2,
                            1, MAX (block->minutes - 1, 1), 5, 15, 0);

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), block->note ? block->note : "");

  /* The past is history: it can be marked, not moved */
  gtk_widget_set_visible (self->move_heading, !past);
  gtk_widget_set_visible (self->move_box, !past);
  gtk_widget_set_visible (self->unpin_button, !past && block->pinned);
  sp_block_popover_move_update (self, block);

  accessible = sp_calendar_describe_block (schedule, block);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
planner_changed_cb (SpBlockPopover *self)
{
  /* The block may be gone (another plan, another track): then close */
  if (get_block (self) == NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self));
      return;
    }
  update (self);
}

/* Never past the window's edge, in a phone-sized window too */
static void
sp_block_popover_show (GtkWidget *widget)
{
  SpBlockPopover *self = SP_BLOCK_POPOVER (widget);

  self->position = gtk_popover_get_position (GTK_POPOVER (self));
  sp_popover_fit (GTK_POPOVER (self), self->position, self->scroller);
  GTK_WIDGET_CLASS (sp_block_popover_parent_class)->show (widget);
}

static void
sp_block_popover_dispose (GObject *object)
{
  SpBlockPopover *self = SP_BLOCK_POPOVER (object);

  g_clear_object (&self->planner);

  G_OBJECT_CLASS (sp_block_popover_parent_class)->dispose (object);
}

static void
sp_block_popover_finalize (GObject *object)
{
  SpBlockPopover *self = SP_BLOCK_POPOVER (object);

  g_clear_pointer (&self->block_id, g_free);

  G_OBJECT_CLASS (sp_block_popover_parent_class)->finalize (object);
}

static void
sp_block_popover_class_init (SpBlockPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_block_popover_dispose;
  object_class->finalize = sp_block_popover_finalize;
  widget_class->show = sp_block_popover_show;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/studyplanner/StudyPlanner/ui/sp-block-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, scroller);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, level_badge);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, title_label);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, when_label);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, meta_label);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, task_label);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, course_box);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, course_label);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, course_link);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, start_button);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, done_button);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, partial_button);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, partial_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, partial_box);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, partial_spin);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, mark_box);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, skip_button);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, rating_box);
  gtk_widget_class_bind_template_child_full (widget_class, "again_button", FALSE,
                                             G_STRUCT_OFFSET (SpBlockPopover, rating_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "hard_button", FALSE,
                                             G_STRUCT_OFFSET (SpBlockPopover, rating_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "good_button", FALSE,
                                             G_STRUCT_OFFSET (SpBlockPopover, rating_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "easy_button", FALSE,
                                             G_STRUCT_OFFSET (SpBlockPopover, rating_buttons[3]));
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, reset_button);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, note_entry);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, unpin_button);
  gtk_widget_class_bind_template_child (widget_class, SpBlockPopover, error_label);
  gtk_widget_class_bind_template_callback (widget_class, start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, again_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, hard_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, good_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, easy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, partial_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unpin_clicked_cb);
  sp_block_popover_move_class_init (widget_class);
}

static void
sp_block_popover_init (SpBlockPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->position = gtk_popover_get_position (GTK_POPOVER (self));
  /* The buttons wrap in a narrow window, in any language, rather than widen it */
  gtk_widget_set_layout_manager (self->mark_box, sp_wrap_layout_new (6, 6, FALSE));
  gtk_widget_set_layout_manager (self->partial_box, sp_wrap_layout_new (6, 6, FALSE));
  sp_preferences_guard_spin (self->partial_spin);
  sp_block_popover_move_init (self);
}

SpBlockPopover *
sp_block_popover_new (SpPlanner *planner)
{
  SpBlockPopover *self;

  g_return_val_if_fail (SP_IS_PLANNER (planner), NULL);

  self = g_object_new (SP_TYPE_BLOCK_POPOVER, NULL);
  self->planner = g_object_ref (planner);
  g_signal_connect_object (planner, "changed", G_CALLBACK (planner_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * sp_block_popover_set_block:
 *
 * Shows the block with @block_id, as the planner's schedule has it now.
 */
void
sp_block_popover_set_block (SpBlockPopover *self,
                            const char     *block_id)
{
  g_return_if_fail (SP_IS_BLOCK_POPOVER (self));

  if (g_strcmp0 (self->block_id, block_id) != 0)
    {
      /* Keep a note typed for the block shown before */
      save_note (self);
      g_free (self->block_id);
      self->block_id = g_strdup (block_id);
    }
  update (self);
}

const char *
sp_block_popover_get_block_id (SpBlockPopover *self)
{
  g_return_val_if_fail (SP_IS_BLOCK_POPOVER (self), NULL);
  return self->block_id;
}

/**
 * sp_block_mark_with_toast:
 * @widget: in the window that shows the toast
 *
 * Marks a block, then says so in a toast with Undo, as a move does, so a
 * mark made by mistake is one click from being taken back.
 *
 * Returns: whether the block was marked
 */
gboolean
sp_block_mark_with_toast (GtkWidget    *widget,
                          SpPlanner    *planner,
                          const char   *block_id,
                          SpBlockStatus status,
                          guint         minutes,
                          GError      **error)
{
  SpSchedule      *schedule;
  const SpBlock   *block;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  const char      *title;

  if (!sp_planner_mark_block (planner, block_id, status, minutes, error))
    return FALSE;
  schedule = sp_planner_get_schedule (planner);
  block = schedule ? sp_schedule_lookup_block (schedule, block_id) : NULL;
  title = block ? sp_topic_get_title (block->topic) : "";
  switch (status)
    {
    case SP_BLOCK_STATUS_DONE:
      /* TRANSLATORS: a toast after marking a block, "“Linear algebra” marked done" */
      message = g_strdup_printf (_("“%s” marked done"), title);
      break;
    case SP_BLOCK_STATUS_PARTIAL:
      message = g_strdup_printf (_("“%s” marked partly done"), title);
      break;
    case SP_BLOCK_STATUS_SKIPPED:
      message = g_strdup_printf (_("“%s” skipped"), title);
      break;
    case SP_BLOCK_STATUS_PLANNED:
    default:
      message = g_strdup_printf (_("“%s” marked as planned"), title);
      break;
    }
  text = sp_planner_describe_moved (planner, message);
  gtk_widget_activate_action (widget, "win.toast-undo", "s", text);
  return TRUE;
}

/**
 * sp_block_rate_with_toast:
 *
 * Rates the review @block_id through @planner and, when that worked,
 * says when the topic comes back, with Undo: "“Python” rated Good: next
 * review Thursday 5 March".
 */
gboolean
sp_block_rate_with_toast (GtkWidget  *widget,
                          SpPlanner  *planner,
                          const char *block_id,
                          SpRating    rating,
                          GError    **error)
{
  SpSchedule      *schedule;
  const SpBlock   *block;
  const SpTopic   *topic;
  g_autofree char *rated = NULL;
  g_autofree char *message = NULL;
  guint32          next = 0;

  if (!sp_planner_rate_review (planner, block_id, rating, error))
    return FALSE;
  schedule = sp_planner_get_schedule (planner);
  block = sp_schedule_lookup_block (schedule, block_id);
  topic = block->topic;
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule) && next == 0; i++)
    {
      const SpBlock *other = sp_schedule_get_block (schedule, i);

      if (other->topic == topic && other->kind == SP_BLOCK_KIND_REVIEW && other->status == SP_BLOCK_STATUS_PLANNED &&
          other->day > block->day)
        next = other->day;
    }
  /* TRANSLATORS: a toast after rating a review, "“Python” rated Good" */
  rated = g_strdup_printf (_("“%s” rated %s"), sp_topic_get_title (topic), sp_rating_get_label (rating));
  if (next != 0)
    {
      g_autofree char *day = sp_calendar_format_day (next);

      /* TRANSLATORS: "“Python” rated Good: next review Thursday 5 March" */
      message = g_strdup_printf (_("%s: next review %s"), rated, day);
    }
  else
    message = g_steal_pointer (&rated);
  gtk_widget_activate_action (widget, "win.toast-undo", "s", message);
  return TRUE;
}
