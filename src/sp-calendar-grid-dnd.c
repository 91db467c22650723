/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-calendar-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-calendar-grid-private.h"

/* Drag and drop: a block moves to another day, and in the week grid to
 * another time, and the planner pins it there. */

#define DROP_PREFIX    "study-planner-block:"
#define DROP_STEP      15

static void
show_toast (SpCalendarGrid *self,
            const char     *message,
            gboolean        undo)
{
  gtk_widget_activate_action (GTK_WIDGET (self), undo ? "win.toast-undo" : "win.toast", "s", message);
}

/* The payload names the block, so text from elsewhere is refused */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource  *source,
                 double          x,
                 double          y,
                 SpCalendarGrid *self)
{
  const SpCalendarLayout *layout = sp_calendar_grid_ensure_layout (self);
  const SpCalendarItem *item;
  const SpBlock *block;
  g_autofree char *payload = NULL;

  if (layout == NULL || self->planner == NULL)
    return NULL;
  item = sp_calendar_layout_item_at (layout, x, y);
  if (item == NULL)
    return NULL;
  block = sp_schedule_get_block (layout->schedule, item->block);
  if (block->day < sp_planner_get_today (self->planner))
    return NULL;

  g_free (self->drag_block);
  self->drag_block = g_strdup (block->id);
  self->drag_minutes = block->minutes;
  self->drag_offset = 0;
  if (self->span == SP_CALENDAR_SPAN_WEEK)
    {
      guint at = sp_calendar_layout_y_to_minute (layout, y, 1);
      self->drag_offset = at > block->start ? at - block->start : 0;
    }

  payload = g_strconcat (DROP_PREFIX, block->id, NULL);
  return gdk_content_provider_new_typed (G_TYPE_STRING, payload);
}

static void
drag_begin_cb (GtkDragSource  *source,
               GdkDrag        *drag,
               SpCalendarGrid *self)
{
  const SpCalendarItem *item = self->layout ? sp_calendar_layout_find_block (self->layout, self->drag_block) : NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GdkPaintable) icon = NULL;
  SpRect rect;

  if (item == NULL)
    return;

  /* The dragged block looks like itself */
  rect = (SpRect) { 0, 0, item->rect.width, item->rect.height };
  snapshot = gtk_snapshot_new ();
  sp_calendar_grid_draw_block (self, snapshot, sp_calendar_grid_ensure_paint (self), sp_schedule_get_block (self->layout->schedule, item->block),
              &rect, FALSE);
  icon = gtk_snapshot_free_to_paintable (g_steal_pointer (&snapshot),
                                         &GRAPHENE_SIZE_INIT ((float) rect.width, (float) rect.height));
  if (icon != NULL)
    gtk_drag_source_set_icon (source, icon, 8, 8);
}

static void
drag_end_cb (GtkDragSource  *source,
             GdkDrag        *drag,
             gboolean        delete_data,
             SpCalendarGrid *self)
{
  g_clear_pointer (&self->drag_block, g_free);
  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
drop_target_at (SpCalendarGrid *self,
                guint           grab_offset,
                double          x,
                double          y,
                guint32        *day,
                guint          *minute)
{
  const SpCalendarLayout *layout = sp_calendar_grid_ensure_layout (self);
  const SpCalendarDay *cell;

  if (layout == NULL)
    return FALSE;
  cell = sp_calendar_layout_day_at (layout, x, y);
  if (cell == NULL)
    return FALSE;
  *day = cell->day;
  *minute = 0;
  if (self->span == SP_CALENDAR_SPAN_WEEK)
    {
      guint at = sp_calendar_layout_y_to_minute (layout, y, 1);

      at = at > grab_offset ? at - grab_offset : 0;
      *minute = (at + DROP_STEP / 2) / DROP_STEP * DROP_STEP;
    }
  return TRUE;
}

static gboolean
autoscroll_cb (gpointer data)
{
  SpCalendarGrid *self = data;
  GtkWidget      *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment  *v;

  if (scrolled == NULL || !self->drop_active || self->autoscroll_step == 0)
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + self->autoscroll_step);
  return G_SOURCE_CONTINUE;
}

/* A drag reaches any hour: near the top or bottom of what shows, the
 * week scrolls on its own */
static void
update_autoscroll (SpCalendarGrid *self,
                   double          y)
{
  GtkWidget     *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *v;
  double         top, bottom, edge = 40;

  self->autoscroll_step = 0;
  if (scrolled == NULL || self->span != SP_CALENDAR_SPAN_WEEK)
    return;
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  top = gtk_adjustment_get_value (v);
  bottom = top + gtk_adjustment_get_page_size (v);
  if (y < top + edge && top > gtk_adjustment_get_lower (v))
    self->autoscroll_step = -12;
  else if (y > bottom - edge && bottom < gtk_adjustment_get_upper (v))
    self->autoscroll_step = 12;
  if (self->autoscroll_step != 0 && self->autoscroll_id == 0)
    self->autoscroll_id = g_timeout_add (30, autoscroll_cb, self);
}

static GdkDragAction
drop_motion_cb (GtkDropTarget  *target,
                double          x,
                double          y,
                SpCalendarGrid *self)
{
  guint32 day;
  guint minute;

  self->drop_active = drop_target_at (self, self->drag_block ? self->drag_offset : 0, x, y, &day, &minute);
  if (self->drop_active)
    {
      self->drop_day = day;
      self->drop_minute = minute;
    }
  update_autoscroll (self, y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return self->drop_active ? GDK_ACTION_MOVE : 0;
}

static void
drop_leave_cb (GtkDropTarget  *target,
               SpCalendarGrid *self)
{
  self->drop_active = FALSE;
  self->autoscroll_step = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         SpCalendarGrid *self)
{
  const char *payload = g_value_get_string (value);
  g_autoptr(GError) error = NULL;
  const char *id;
  guint offset;

  self->drop_active = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (payload == NULL || !g_str_has_prefix (payload, DROP_PREFIX))
    return FALSE;

  id = payload + strlen (DROP_PREFIX);
  offset = g_strcmp0 (id, self->drag_block) == 0 ? self->drag_offset : 0;
  if (!sp_calendar_grid_drop_block (self, id, offset, x, y, &error))
    {
      show_toast (self, error->message, FALSE);
      return FALSE;
    }
  return TRUE;
}

void
sp_calendar_grid_dnd_init (SpCalendarGrid *self)
{
  GtkDragSource *source;
  GtkDropTarget *target;

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * sp_calendar_grid_drop_block:
 * @grab_offset: week: the minutes between the block's start and where it
 *   was grabbed
 *
 * Moves a block to where it was dropped: the day under (@x, @y) and, in
 * the week grid, the time there on a quarter hour; in the month grid it
 * keeps its time. The planner pins it there, and Ctrl+Z takes it back.
 */
gboolean
sp_calendar_grid_drop_block (SpCalendarGrid  *self,
                             const char      *block_id,
                             guint            grab_offset,
                             double           x,
                             double           y,
                             GError         **error)
{
  SpSchedule *schedule;
  const SpBlock *block;
  guint32 day;
  guint minute;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *time = NULL;
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (SP_IS_CALENDAR_GRID (self), FALSE);

  schedule = sp_calendar_grid_get_schedule (self);
  block = schedule ? sp_schedule_lookup_block (schedule, block_id) : NULL;
  if (block == NULL)
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_NO_BLOCK,
                   _("There is no study block “%s” in the schedule"), block_id);
      return FALSE;
    }
  if (!drop_target_at (self, grab_offset, x, y, &day, &minute))
    {
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_INVALID, _("Drop the block on a day"));
      return FALSE;
    }
  if (self->span == SP_CALENDAR_SPAN_MONTH)
    minute = block->start;
  if (day == block->day && minute == block->start)
    return TRUE;

  title = g_strdup (sp_topic_get_title (block->topic));
  if (!sp_planner_move_block (self->planner, block_id, day, minute, error))
    return FALSE;

  when = sp_calendar_format_day (day);
  time = sp_format_time (minute);
  /* TRANSLATORS: a toast after a move, "Moved “Linear algebra” to Tuesday 3 March, 18:00" */
  message = g_strdup_printf (_("Moved “%s” to %s, %s"), title, when, time);
  text = sp_planner_describe_moved (self->planner, message);
  show_toast (self, text, TRUE);
  return TRUE;
}
