/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "sp-calendar-layout.h"
#include "sp-notifier.h"

/* While the app runs, says when a study block is about to start, with
 * buttons to start or skip it. It sleeps until the next block is due
 * (at most an hour, so clock changes are caught) and wakes on every
 * change of the schedule. The "notify-blocks" setting turns it off. */
struct _SpNotifier
{
  GObject       parent_instance;

  GApplication *application;  /* unowned: it owns us */
  SpPlanner    *planner;
  GSettings    *settings;
  char         *notified;     /* the block last announced */
  guint         timeout_id;
  int           time_of_day;  /* minutes; -1 follows the clock */
};

G_DEFINE_FINAL_TYPE (SpNotifier, sp_notifier, G_TYPE_OBJECT)

static gboolean timeout_cb (gpointer data);

static int
now_minute (SpNotifier *self,
            int        *second)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (sp_planner_get_timezone (self->planner));

  *second = g_date_time_get_second (now);
  if (self->time_of_day >= 0)
    return self->time_of_day;
  return g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);
}

static void
send (SpNotifier    *self,
      SpSchedule    *schedule,
      const SpBlock *block)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *time = sp_format_time (block->start);
  g_autofree char *title = NULL;
  g_autofree char *meta = sp_calendar_format_block_meta (schedule, block);
  g_autofree char *task = sp_calendar_get_block_task (block);
  g_autofree char *body = NULL;
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);

  /* TRANSLATORS: a notification's title, "Linear algebra starts at 19:00" */
  title = g_strdup_printf (_("%s starts at %s"), sp_topic_get_title (block->topic), time);
  body = task ? g_strdup_printf ("%s\n%s", meta, task) : g_strdup (meta);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_icon (notification, icon);
  g_notification_set_default_action_and_target (notification, "app.start-block", "s", block->id);
  /* Start studies the block in a focus session; the notification itself only shows it */
  g_notification_add_button_with_target (notification, C_("notification button", "Start"), "app.focus-block", "s", block->id);
  g_notification_add_button_with_target (notification, _("Skip"), "app.skip-block", "s", block->id);
  g_application_send_notification (self->application, SP_NOTIFIER_ID, notification);

  g_free (self->notified);
  self->notified = g_strdup (block->id);
}

/**
 * sp_notifier_check:
 *
 * Announces a block starting within the next few minutes, if there is one
 * not announced yet, and sets the time to look again.
 */
void
sp_notifier_check (SpNotifier *self)
{
  SpSchedule *schedule;
  const SpBlock *block;
  guint32 today;
  int minute, second;
  gint64 wait;

  g_return_if_fail (SP_IS_NOTIFIER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  schedule = sp_planner_get_schedule (self->planner);
  if (!g_settings_get_boolean (self->settings, "notify-blocks") || schedule == NULL)
    {
      sp_notifier_withdraw (self);
      return;
    }

  today = sp_planner_get_today (self->planner);
  minute = now_minute (self, &second);

  /* A block marked or moved since it was announced: take the notice back */
  if (self->notified != NULL)
    {
      const SpBlock *old = sp_schedule_lookup_block (schedule, self->notified);

      if (old == NULL || old->status != SP_BLOCK_STATUS_PLANNED)
        sp_notifier_withdraw (self);
    }

  block = sp_calendar_find_next_block (schedule, today, (guint) minute);
  if (block != NULL && block->day == today && block->start <= minute + SP_NOTIFIER_LEAD_MINUTES)
    {
      if (g_strcmp0 (block->id, self->notified) != 0)
        send (self, schedule, block);
      block = sp_calendar_find_next_block (schedule, today, block->start + 1u);
    }

  wait = 60 * 60;
  if (block != NULL)
    {
      gint64 due = ((gint64) block->day - today) * SP_MINUTES_PER_DAY + block->start - SP_NOTIFIER_LEAD_MINUTES;
      wait = MIN (wait, (due - minute) * 60 - second);
    }
  self->timeout_id = g_timeout_add_seconds ((guint) CLAMP (wait, 1, 60 * 60), timeout_cb, self);
}

static gboolean
timeout_cb (gpointer data)
{
  SpNotifier *self = data;

  self->timeout_id = 0;
  sp_notifier_check (self);
  return G_SOURCE_REMOVE;
}

static void
sp_notifier_dispose (GObject *object)
{
  SpNotifier *self = SP_NOTIFIER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->planner);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_notifier_parent_class)->dispose (object);
}

static void
sp_notifier_finalize (GObject *object)
{
  SpNotifier *self = SP_NOTIFIER (object);

  g_clear_pointer (&self->notified, g_free);

  G_OBJECT_CLASS (sp_notifier_parent_class)->finalize (object);
}

static void
sp_notifier_class_init (SpNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_notifier_dispose;
  object_class->finalize = sp_notifier_finalize;
}

static void
sp_notifier_init (SpNotifier *self)
{
  self->time_of_day = -1;
}

/**
 * sp_notifier_new:
 * @application: sends the notifications; must outlive the notifier
 * @settings: with the "notify-blocks" key
 */
SpNotifier *
sp_notifier_new (GApplication *application,
                 SpPlanner    *planner,
                 GSettings    *settings)
{
  SpNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SP_IS_PLANNER (planner), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SP_TYPE_NOTIFIER, NULL);
  self->application = application;
  self->planner = g_object_ref (planner);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (planner, "changed", G_CALLBACK (sp_notifier_check), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::notify-blocks", G_CALLBACK (sp_notifier_check), self,
                           G_CONNECT_SWAPPED);
  sp_notifier_check (self);
  return self;
}

/**
 * sp_notifier_get_notified_block:
 *
 * Returns: (nullable): the id of the block announced and not withdrawn
 */
const char *
sp_notifier_get_notified_block (SpNotifier *self)
{
  g_return_val_if_fail (SP_IS_NOTIFIER (self), NULL);
  return self->notified;
}

void
sp_notifier_withdraw (SpNotifier *self)
{
  g_return_if_fail (SP_IS_NOTIFIER (self));

  if (self->notified == NULL)
    return;
  g_application_withdraw_notification (self->application, SP_NOTIFIER_ID);
  g_clear_pointer (&self->notified, g_free);
}

/**
 * sp_notifier_set_time_of_day:
 * @minute: minutes after midnight, or -1 to follow the clock
 *
 * Fixes the time of day, as SpPlanner:today fixes the day (tests).
 */
void
sp_notifier_set_time_of_day (SpNotifier *self,
                             int         minute)
{
  g_return_if_fail (SP_IS_NOTIFIER (self));
  g_return_if_fail (minute >= -1 && minute < SP_MINUTES_PER_DAY);

  self->time_of_day = minute;
  sp_notifier_check (self);
}
