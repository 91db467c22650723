/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-schedule-private.h"

/* The study blocks made from a plan and the user's hours, and whether they
 * fit the path's time frames. Immutable once the scheduler has made it. */

G_DEFINE_FINAL_TYPE (SpSchedule, sp_schedule, G_TYPE_OBJECT)

static const char * const kind_names[] = { "learn", "practice", "review", "project" };
static const char * const status_names[] = { "planned", "done", "partial", "skipped" };

const char *
sp_block_kind_to_string (SpBlockKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

const char *
sp_block_status_to_string (SpBlockStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return status_names[status];
}

gboolean
sp_block_kind_from_string (const char  *str,
                           SpBlockKind *kind)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (str, kind_names[i]))
      {
        *kind = (SpBlockKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
sp_block_status_from_string (const char    *str,
                             SpBlockStatus *status)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (str, status_names[i]))
      {
        *status = (SpBlockStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
sp_block_kind_get_label (SpBlockKind kind)
{
  switch (kind)
    {
    case SP_BLOCK_KIND_LEARN:
      /* TRANSLATORS: a kind of study block */
      return _("Learn");
    case SP_BLOCK_KIND_PRACTICE:
      /* TRANSLATORS: a kind of study block */
      return _("Practice");
    case SP_BLOCK_KIND_REVIEW:
      /* TRANSLATORS: a kind of study block */
      return _("Review");
    case SP_BLOCK_KIND_PROJECT:
      /* TRANSLATORS: a kind of study block */
      return _("Project");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sp_block_status_get_label (SpBlockStatus status)
{
  switch (status)
    {
    case SP_BLOCK_STATUS_PLANNED:
      return _("Planned");
    case SP_BLOCK_STATUS_DONE:
      return _("Done");
    case SP_BLOCK_STATUS_PARTIAL:
      return _("Partly done");
    case SP_BLOCK_STATUS_SKIPPED:
      return _("Skipped");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
sp_schedule_finalize (GObject *object)
{
  SpSchedule *self = (SpSchedule *)object;

  g_clear_object (&self->plan);
  g_clear_pointer (&self->track, g_free);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->levels, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->focus, g_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (sp_schedule_parent_class)->finalize (object);
}

static void
sp_schedule_class_init (SpScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_schedule_finalize;
}

static void
sp_schedule_init (SpSchedule *self)
{
  self->blocks = g_array_new (FALSE, FALSE, sizeof (SpBlock));
  self->levels = g_array_new (FALSE, TRUE, sizeof (SpLevelReport));
  self->strings = g_string_chunk_new (4096);
  self->focus = g_array_new (FALSE, FALSE, sizeof (SpFocusInterval));
}

SpSchedule *
sp_schedule_new (SpPlan     *plan,
                 const char *track,
                 guint32     today)
{
  SpSchedule *self = g_object_new (SP_TYPE_SCHEDULE, NULL);

  self->plan = g_object_ref (plan);
  self->track = g_strdup (track);
  self->today = today;
  return self;
}

const char *
sp_schedule_intern (SpSchedule *self,
                    const char *str)
{
  return str ? g_string_chunk_insert (self->strings, str) : NULL;
}

static int
compare_blocks (gconstpointer a,
                gconstpointer b)
{
  const SpBlock *ba = a, *bb = b;

  if (ba->day != bb->day)
    return ba->day < bb->day ? -1 : 1;
  if (ba->start != bb->start)
    return ba->start < bb->start ? -1 : 1;
  return strcmp (ba->id, bb->id);
}

/* Sorts the blocks and works out the days everyone asks for. */
void
sp_schedule_finish (SpSchedule *self)
{
  g_array_sort (self->blocks, compare_blocks);

  self->first_day = self->end_day = self->last_day = 0;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

      if (self->first_day == 0)
        self->first_day = block->day;
      self->last_day = block->day;
      if (block->kind != SP_BLOCK_KIND_REVIEW)
        self->end_day = block->day;
    }
}

/**
 * sp_schedule_get_plan:
 *
 * Returns: (transfer none): the plan the schedule was made from
 */
SpPlan *
sp_schedule_get_plan (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), NULL);
  return self->plan;
}

guint
sp_schedule_get_n_blocks (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), 0);
  return self->blocks->len;
}

/**
 * sp_schedule_get_block:
 *
 * Returns: (transfer none): the block at @index, in order of day and start
 */
const SpBlock *
sp_schedule_get_block (SpSchedule *self,
                       guint       index)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return &g_array_index (self->blocks, SpBlock, index);
}

/**
 * sp_schedule_lookup_block:
 *
 * Returns: (transfer none) (nullable): the block with @id
 */
const SpBlock *
sp_schedule_lookup_block (SpSchedule *self,
                          const char *id)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), NULL);

  if (id == NULL)
    return NULL;

  /* One edit looks one block up: a scan is cheaper than a table of all */
  if (self->by_id == NULL && ++self->n_lookups <= 8)
    {
      for (guint i = 0; i < self->blocks->len; i++)
        {
          const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

          if (block->id[0] == id[0] && strcmp (block->id, id) == 0)
            return block;
        }
      return NULL;
    }
  if (self->by_id == NULL)
    {
      self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->blocks->len; i++)
        {
          SpBlock *block = &g_array_index (self->blocks, SpBlock, i);
          g_hash_table_insert (self->by_id, (gpointer) block->id, block);
        }
    }
  return g_hash_table_lookup (self->by_id, id);
}

/**
 * sp_schedule_get_day_blocks:
 * @first: (out) (optional): the index of the first block on @day
 *
 * Returns: how many blocks fall on @day
 */
guint
sp_schedule_get_day_blocks (SpSchedule *self,
                            guint32     day,
                            guint      *first)
{
  guint lo = 0, hi, start;

  g_return_val_if_fail (SP_IS_SCHEDULE (self), 0);

  hi = self->blocks->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (self->blocks, SpBlock, mid).day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  start = lo;
  while (lo < self->blocks->len && g_array_index (self->blocks, SpBlock, lo).day == day)
    lo++;
  if (first)
    *first = start;
  return lo - start;
}

/* The planned and done minutes of the blocks from @first_day to
 * @last_day, counted as sp_schedule_get_day_totals() says: the day's
 * totals and the hours of a week are the same sum. */
static void
sum_minutes (SpSchedule *self,
             guint32     first_day,
             guint32     last_day,
             guint64    *planned,
             guint64    *done)
{
  guint first;

  *planned = *done = 0;
  sp_schedule_get_day_blocks (self, first_day, &first);
  for (guint i = first; i < self->blocks->len; i++)
    {
      const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

      if (block->day > last_day)
        break;
      if (block->status != SP_BLOCK_STATUS_SKIPPED)
        *planned += block->minutes;
      if (block->status == SP_BLOCK_STATUS_DONE)
        *done += block->minutes;
      else if (block->status == SP_BLOCK_STATUS_PARTIAL)
        *done += block->done_minutes;
    }
}

/**
 * sp_schedule_get_day_totals:
 * @totals: (out caller-allocates): the day's planned and done minutes
 *
 * Sums @day's blocks: planned counts every block but the skipped ones,
 * done counts done blocks whole and partly done ones as far as done.
 */
void
sp_schedule_get_day_totals (SpSchedule  *self,
                            guint32      day,
                            SpDayTotals *totals)
{
  guint64 planned, done;
  guint   first, n;

  g_return_if_fail (SP_IS_SCHEDULE (self));
  g_return_if_fail (totals != NULL);

  sum_minutes (self, day, day, &planned, &done);
  *totals = (SpDayTotals){ (guint) planned, (guint) done, -1 };
  n = sp_schedule_get_day_blocks (self, day, &first);
  for (guint i = first; i < first + n; i++)
    {
      const SpBlock *block = &g_array_index (self->blocks, SpBlock, i);

      if (block->level_start)
        {
          totals->level_start = (int) block->level;
          break;
        }
    }
}

guint32
sp_schedule_get_first_day (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), 0);
  return self->first_day;
}

/**
 * sp_schedule_get_end_day:
 *
 * Returns: the projected end of the path: the day of the last block that
 *   is not a review, 0 when nothing is scheduled
 */
guint32
sp_schedule_get_end_day (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), 0);
  return self->end_day;
}

guint32
sp_schedule_get_last_day (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), 0);
  return self->last_day;
}

guint
sp_schedule_get_n_levels (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), 0);
  return self->levels->len;
}

/**
 * sp_schedule_get_level_report:
 *
 * Returns: (transfer none): whether @level fits its time frame
 */
const SpLevelReport *
sp_schedule_get_level_report (SpSchedule *self,
                              guint       level)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (level < self->levels->len, NULL);
  return &g_array_index (self->levels, SpLevelReport, level);
}

const char *
sp_schedule_get_summary (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), NULL);
  return self->summary;
}

/**
 * sp_schedule_get_planned_hours:
 *
 * Returns: the hours of the blocks from @first_day to @last_day, skipped
 *   blocks left out
 */
double
sp_schedule_get_planned_hours (SpSchedule *self,
                               guint32     first_day,
                               guint32     last_day)
{
  guint64 planned, done;

  g_return_val_if_fail (SP_IS_SCHEDULE (self), 0);

  sum_minutes (self, first_day, last_day, &planned, &done);
  return planned / 60.0;
}

/**
 * sp_schedule_get_done_hours:
 *
 * Returns: the hours studied from @first_day to @last_day: done blocks and
 *   the done part of partly done ones
 */
double
sp_schedule_get_done_hours (SpSchedule *self,
                            guint32     first_day,
                            guint32     last_day)
{
  guint64 planned, done;

  g_return_val_if_fail (SP_IS_SCHEDULE (self), 0);

  sum_minutes (self, first_day, last_day, &planned, &done);
  return done / 60.0;
}

const char *
sp_schedule_get_track (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), NULL);
  return self->track;
}

guint32
sp_schedule_get_today (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), 0);
  return self->today;
}

guint
sp_schedule_get_weekly_minutes (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), 0);
  return self->weekly_minutes;
}

gboolean
sp_schedule_has_hours (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), FALSE);
  return self->weekly_minutes > 0;
}

/**
 * sp_schedule_get_focus:
 * @n_intervals: (out): how many
 *
 * Returns: (transfer none) (array length=n_intervals) (nullable): the
 *   stretches of @block studied in focus sessions
 */
const SpFocusInterval *
sp_schedule_get_focus (SpSchedule    *self,
                       const SpBlock *block,
                       guint         *n_intervals)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), NULL);
  g_return_val_if_fail (block != NULL && n_intervals != NULL, NULL);

  *n_intervals = block->n_focus;
  if (block->n_focus == 0 || block->focus_first + block->n_focus > self->focus->len)
    {
      *n_intervals = 0;
      return NULL;
    }
  return &g_array_index (self->focus, SpFocusInterval, block->focus_first);
}

/**
 * sp_schedule_get_focus_minutes:
 *
 * Returns: the minutes of the blocks on those days studied in focus sessions
 */
guint
sp_schedule_get_focus_minutes (SpSchedule *self,
                               guint32     first_day,
                               guint32     last_day)
{
  guint minutes = 0;

  g_return_val_if_fail (SP_IS_SCHEDULE (self), 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const SpBlock         *block = &g_array_index (self->blocks, SpBlock, i);
      const SpFocusInterval *focus;
      guint                  n;

      if (block->day < first_day || block->day > last_day)
        continue;
      focus = sp_schedule_get_focus (self, block, &n);
      for (guint j = 0; j < n; j++)
        minutes += focus[j].minutes;
    }
  return minutes;
}

/**
 * sp_schedule_is_whole:
 *
 * Returns: whether all the work left is planned: %FALSE without hours, or
 *   when the path would take more than %SP_SCHEDULER_MAX_YEARS
 */
gboolean
sp_schedule_is_whole (SpSchedule *self)
{
  g_return_val_if_fail (SP_IS_SCHEDULE (self), FALSE);
  return self->whole;
}
