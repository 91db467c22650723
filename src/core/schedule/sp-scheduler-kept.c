/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-scheduler-private.h"

/* A stable near future: the blocks of the next 7 days as they were shown
 * before the last edit ("kept") go back to their day and time wherever the
 * plan's rules still allow. Time they leave free takes only work that no
 * kept block waits for, and a free slot takes a new topic only when the
 * kept blocks show it next, so the rest stays where it was. */

static gboolean
can_start (Scheduler *s,
           Work      *w,
           guint      other)
{
  return w->remaining > 0 && w->blocked == 0 && !w->parked && w->topic->level == s->level &&
         (other == NONE || !_sp_scheduler_same_stream (w->topic, work_at (s, other)->topic));
}

/* The topic to start in a free slot while kept blocks are ahead: @pick
 * (the first that can start) when it is one of the next new topics they
 * show, one for each free slot, as when they were planned; else the first
 * of those when it can start, or none, so that no other topic takes the
 * place the kept blocks need. */
guint
_sp_scheduler_pick_kept_topic (Scheduler *s,
                               guint      pick,
                               guint      other,
                               guint      free_slots)
{
  guint next[2] = { NONE, NONE };
  guint n = 0;

  /* Placed now, or shown by a block of the user's ahead */
  if (pick != NONE && (pick == s->placing || work_at (s, pick)->pending > 0))
    return pick;
  if (s->placing != NONE && !work_at (s, s->placing)->active)
    next[n++] = s->placing;
  for (guint i = s->kept_next; i < s->kept->len && n < free_slots; i++)
    {
      const Kept *kept = &g_array_index (s->kept, Kept, i);
      Work       *w = work_at (s, kept->work);

      /* A weekly milestone may be the week's project block */
      if (kept->record->kind == SP_BLOCK_KIND_REVIEW || w->active || (w->weekly && kept->work != pick) ||
          (n > 0 && next[0] == kept->work))
        continue;
      next[n++] = kept->work;
    }
  if (n < free_slots || pick == next[0] || (n > 1 && pick == next[1]))
    return pick;
  return can_start (s, work_at (s, next[0]), other) ? next[0] : NONE;
}

/* The next kept block is placed or left */
void
_sp_scheduler_drop_kept (Scheduler *s)
{
  const Kept *kept = &g_array_index (s->kept, Kept, s->kept_next);

  if (kept->record->kind == SP_BLOCK_KIND_REVIEW)
    s->kept_reviews[kept->work]--;
  else
    s->kept_minutes[kept->work] -= MIN (s->kept_minutes[kept->work], kept->record->minutes);
  s->kept_next++;
}

/* The next kept block on @day that starts at @cursor or later; those the
 * schedule has passed are dropped. */
const Kept *
_sp_scheduler_next_kept (Scheduler *s,
                         guint32    day,
                         guint      cursor)
{
  while (s->kept_next < s->kept->len)
    {
      const Kept *kept = &g_array_index (s->kept, Kept, s->kept_next);

      if (kept->record->day > day)
        return NULL;
      if (kept->record->day == day && kept->record->start >= cursor)
        return kept;
      _sp_scheduler_drop_kept (s);
    }
  return NULL;
}

/* Minutes of the kept blocks still to come on @day */
guint
_sp_scheduler_kept_minutes_on (Scheduler *s,
                               guint32    day)
{
  guint minutes = 0;

  for (guint i = s->kept_next; i < s->kept->len; i++)
    {
      const SpBlockRecord *record = g_array_index (s->kept, Kept, i).record;

      if (record->day != day)
        break;
      minutes += record->minutes;
    }
  return minutes;
}

/* The minutes of @index's work that neither the user's blocks ahead nor
 * its kept blocks wait for */
static guint
spare_minutes (Scheduler *s,
               guint      index)
{
  Work *w = work_at (s, index);
  guint held = w->pending + s->kept_minutes[index];

  return w->remaining > held ? w->remaining - held : 0;
}

/* Whether a kept block ahead is of a topic that needs a slot to start */
static gboolean
slot_awaited (Scheduler *s)
{
  for (guint i = s->kept_next; i < s->kept->len; i++)
    {
      const Kept *kept = &g_array_index (s->kept, Kept, i);
      Work       *w = work_at (s, kept->work);

      if (kept->record->kind != SP_BLOCK_KIND_REVIEW && !w->active && !w->weekly)
        return TRUE;
    }
  return FALSE;
}

/* The slot of a topic studied whose work left, which no block waits for,
 * fits in one block of @len minutes, or NONE */
static guint
finishing_slot (Scheduler *s,
                guint      len)
{
  for (guint slot = 0; slot < 2; slot++)
    {
      guint index = s->active[slot];
      Work *w;
      guint k = 0;

      if (index == NONE)
        continue;
      w = work_at (s, index);
      while (k < N_KINDS && w->parts[k] == 0)
        k++;
      if (w->pending == 0 && s->kept_minutes[index] == 0 && w->remaining <= len && k < N_KINDS &&
          w->parts[k] == w->remaining)
        return slot;
    }
  return NONE;
}

/* Time the kept blocks leave free, before the last of them: a due review
 * that has no kept block ahead, else work of the topics studied that no
 * kept block waits for. Nothing else starts there, so the kept blocks ahead
 * keep their places. Returns whether anything was placed. */
gboolean
_sp_scheduler_plan_free_time (Scheduler *s,
                              guint32    day,
                              guint      cursor,
                              guint      len,
                              guint     *used)
{
  guint slot = finishing_slot (s, len);

  /* A topic whose block the edit pushed out finishes here first, when a
   * kept block ahead waits for its slot: a review can wait a day, the
   * kept block could not start beside two topics */
  if (slot != NONE && slot_awaited (s))
    {
      _sp_scheduler_place_work (s, s->active[slot], day, cursor, len, used);
      s->turn = 1 - slot;
      return TRUE;
    }

  for (guint i = 0; i < s->reviews->len; i++)
    {
      Review review = g_array_index (s->reviews, Review, i);
      Work  *w = work_at (s, review.work);

      if (review.due > day)
        break;
      if (s->kept_reviews[review.work] > 0)
        continue;
      g_array_remove_index (s->reviews, i);
      w->reviews++;
      *used = MIN (s->review_minutes, len);
      _sp_scheduler_add_block (s, w->topic, SP_BLOCK_KIND_REVIEW, _sp_scheduler_next_seq (s, w, SP_BLOCK_KIND_REVIEW), day, cursor, *used);
      return TRUE;
    }

  for (guint n = 0; n < 2; n++, s->turn = 1 - s->turn)
    {
      guint index = s->active[s->turn];
      guint spare = index != NONE ? spare_minutes (s, index) : 0;

      if (spare < SP_MIN_BLOCK_MINUTES)
        continue;
      _sp_scheduler_place_work (s, index, day, cursor, MIN (len, spare), used);
      s->turn = 1 - s->turn;
      return TRUE;
    }
  return FALSE;
}

/* Puts @kept's topic back where it was, when the rules still allow it:
 * a review that is due, or work on a topic of the level being studied
 * whose prerequisites are done, beside at most one other topic of another
 * stream (or as the week's project block). */
gboolean
_sp_scheduler_place_kept (Scheduler  *s,
                          const Kept *kept,
                          guint32     day,
                          guint       len,
                          gboolean   *project_due,
                          guint      *used)
{
  Work *w = work_at (s, kept->work);
  guint slot;

  len = MIN (len, kept->record->minutes);
  if (kept->record->kind == SP_BLOCK_KIND_REVIEW)
    {
      for (guint i = 0; i < s->reviews->len; i++)
        {
          Review *review = &g_array_index (s->reviews, Review, i);

          if (review->due > day)
            break;
          if (review->work != kept->work)
            continue;
          g_array_remove_index (s->reviews, i);
          w->reviews++;
          _sp_scheduler_add_block (s, w->topic, SP_BLOCK_KIND_REVIEW, _sp_scheduler_next_seq (s, w, SP_BLOCK_KIND_REVIEW),
                                   day, kept->record->start, MIN (s->review_minutes, len));
          *used = MIN (s->review_minutes, len);
          return TRUE;
        }
      return FALSE;
    }

  if (!plannable (w) || w->blocked > 0 || w->topic->level != s->level)
    return FALSE;
  /* The week's project block, beside the topics studied: where it was
   * planned, a weekly milestone studied as a topic besides was the project
   * block too when its turn came, and took no topic's turn */
  if (w->weekly && *project_due && sp_day_get_weekday (day) >= s->project_weekday &&
      (!w->active || _sp_scheduler_pick_milestone (s) == kept->work))
    {
      _sp_scheduler_place_work (s, kept->work, day, kept->record->start, len, used);
      *project_due = FALSE;
      return TRUE;
    }
  slot = _sp_scheduler_activate (s, kept->work);
  if (slot == NONE)
    return FALSE;
  _sp_scheduler_place_work (s, kept->work, day, kept->record->start, len, used);
  s->turn = 1 - slot;
  return TRUE;
}

static int
compare_kept (gconstpointer a,
              gconstpointer b)
{
  const SpBlockRecord *ra = ((const Kept *) a)->record;
  const SpBlockRecord *rb = ((const Kept *) b)->record;

  if (ra->day != rb->day)
    return ra->day < rb->day ? -1 : 1;
  return ra->start < rb->start ? -1 : ra->start > rb->start;
}

/* The schedule as shown before the last edit, from today on, but for the
 * blocks the user has touched since: those are records now. */
void
_sp_scheduler_add_kept (Scheduler *s)
{
  GPtrArray *kept = s->input->progress ? s->input->progress->kept : NULL;
  guint32    from = MAX (s->input->today, s->avail->start_day);

  s->kept_minutes = g_new0 (guint, s->work->len);
  s->kept_reviews = g_new0 (guint, s->work->len);
  for (guint i = 0; kept != NULL && i < kept->len; i++)
    {
      const SpBlockRecord *record = g_ptr_array_index (kept, i);
      const SpTopic       *topic;
      Kept                 entry;

      if (record->day < from || g_hash_table_contains (s->taken_ids, record->id))
        continue;
      topic = sp_plan_lookup_topic (s->input->plan, record->topic);
      if (topic == NULL || s->work_of[topic->index] == NONE)
        continue;
      entry.record = record;
      entry.work = s->work_of[topic->index];
      g_array_append_val (s->kept, entry);
      if (record->kind == SP_BLOCK_KIND_REVIEW)
        s->kept_reviews[entry.work]++;
      else
        s->kept_minutes[entry.work] += record->minutes;
    }
  g_array_sort (s->kept, compare_kept);
}
