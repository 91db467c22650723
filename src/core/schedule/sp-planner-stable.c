/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-calendar-text.h"
#include "sp-planner-private.h"

/* A stable near future: before each edit the planner keeps the next 7 days
 * as shown (the scheduler puts them back where the rules allow), and after
 * it says which of their blocks the edit moved all the same. */

/* The next 7 days as shown now, but for the blocks the user placed */
void
_sp_planner_keep_near_future (SpPlanner  *self,
                              SpProgress *progress)
{
  guint32 today = sp_planner_get_today (self);

  g_ptr_array_set_size (progress->kept, 0);
  if (self->schedule == NULL || sp_schedule_get_plan (self->schedule) != self->plan)
    return;
  for (guint32 day = today; day < today + SP_KEPT_DAYS; day++)
    {
      guint first, n = sp_schedule_get_day_blocks (self->schedule, day, &first);

      for (guint i = first; i < first + n; i++)
        {
          const SpBlock *block = sp_schedule_get_block (self->schedule, i);

          if (block->status != SP_BLOCK_STATUS_PLANNED || block->pinned)
            continue;
          g_ptr_array_add (progress->kept, sp_block_record_new (block->id, block->topic->id, block->kind,
                                                                block->day, block->start, block->minutes));
        }
    }
}

/* How many blocks of the next 7 days as they were kept before the edit,
 * other than those the user touched, are no longer there, and on which
 * days. (The kept blocks, not the old schedule: holding that through the
 * re-plan tripled its time on large plans.) */
void
_sp_planner_count_moved (SpPlanner  *self,
                         SpProgress *progress)
{
  guint32 day = 0;

  self->moved = 0;
  self->n_moved_days = 0;
  for (guint i = 0; self->schedule != NULL && i < progress->kept->len; i++)
    {
      const SpBlockRecord *kept = g_ptr_array_index (progress->kept, i);
      guint                first, n = sp_schedule_get_day_blocks (self->schedule, kept->day, &first);
      gboolean             found = FALSE;

      if (sp_progress_lookup_record (progress, kept->id) != NULL)
        continue;
      for (guint j = first; j < first + n && !found; j++)
        {
          const SpBlock *block = sp_schedule_get_block (self->schedule, j);

          found = block->start == kept->start && g_str_equal (block->topic->id, kept->topic);
        }
      if (found)
        continue;
      self->moved++;
      if (kept->day != day && self->n_moved_days < SP_KEPT_DAYS)
        self->moved_days[self->n_moved_days++] = kept->day;
      day = kept->day;
    }
}

/**
 * sp_planner_get_moved:
 * @days: (out) (optional) (array length=n_days): the days of the blocks
 *   moved, in order
 * @n_days: (out) (optional): how many
 *
 * Returns: how many blocks of the next 7 days the last edit moved, besides
 *   the one edited: those whose day, time or topic changed
 */
guint
sp_planner_get_moved (SpPlanner      *self,
                      const guint32 **days,
                      guint          *n_days)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), 0);

  if (days != NULL)
    *days = self->moved_days;
  if (n_days != NULL)
    *n_days = self->n_moved_days;
  return self->moved;
}

/**
 * sp_planner_describe_moved:
 * @message: what the edit did, "“Python” skipped"
 *
 * Returns: (transfer full): @message with what the last edit moved
 *   besides, "“Python” skipped. 3 blocks moved: Tue, Thu", or @message alone
 *   when it moved nothing else
 */
char *
sp_planner_describe_moved (SpPlanner  *self,
                           const char *message)
{
  g_autoptr(GString) days = g_string_new (NULL);
  g_autofree char *moved = NULL;

  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  if (self->moved == 0)
    return g_strdup (message);
  for (guint i = 0; i < self->n_moved_days; i++)
    {
      g_autofree char *weekday = sp_calendar_format (self->moved_days[i], "%a");

      if (i > 0)
        /* TRANSLATORS: between the weekdays in "3 blocks moved: Tue, Thu" */
        g_string_append (days, _(", "));
      g_string_append (days, weekday);
    }
  /* TRANSLATORS: after an edit, the other blocks of the next 7 days it
   * moved and their weekdays (abbreviated, at most 7), "3 blocks moved: Tue, Thu" */
  moved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u block moved: %s", "%u blocks moved: %s", self->moved),
                           self->moved, days->str);
  /* TRANSLATORS: an edit's toast, then the blocks it moved besides:
   * "“Python” skipped. 3 blocks moved: Tue, Thu" */
  return g_strdup_printf (_("%s. %s"), message, moved);
}
