/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-schedule-private.h"
#include "sp-scheduler-private.h"

/* The scheduler is a pure function of (plan, availability, progress, today,
 * time zone): no I/O, no globals, the same blocks for the same input.
 *
 * It walks the days from today. Each day's study time is cut into blocks
 * separated by breaks, around the blocks the user has fixed (done, pinned,
 * or in the past) and around the hour the clocks change. Reviews that are
 * due come first, then once a week from the second level a project block
 * for the portfolio milestones, then the (at most two) topics being studied
 * side by side, in turn. Levels follow each other; inside a level, topics
 * start once their prerequisites are finished. */

const guint sp_review_offsets[SP_N_REVIEWS] = { 1, 7, 30 };

typedef struct
{
  guint start;
  guint end;
  guint gap;   /* the break to keep after it */
  guint fixed; /* the user's block: its index in Scheduler.fixed, or NONE */
} Obstacle;

/**
 * sp_scheduler_get_topic_minutes:
 *
 * Returns: the minutes a topic is given: its hours in 5-minute steps, at
 *   least one useful block
 */
guint
sp_scheduler_get_topic_minutes (const SpTopic *topic)
{
  return MAX (SP_MIN_BLOCK_MINUTES, round5 (topic->hours * 60));
}

/**
 * sp_scheduler_get_input_topic_minutes:
 *
 * Returns: the minutes @topic is given in a schedule made from @input: the
 *   hours the user chose for it when there are some, else its estimate
 */
guint
sp_scheduler_get_input_topic_minutes (const SpSchedulerInput *input,
                                      const SpTopic          *topic)
{
  const double *hours = NULL;

  if (input->topic_hours != NULL)
    hours = g_hash_table_lookup (input->topic_hours, topic->id);
  if (hours == NULL || !(*hours > 0))
    return sp_scheduler_get_topic_minutes (topic);
  return MAX (SP_MIN_BLOCK_MINUTES, round5 (*hours * 60));
}

/**
 * sp_scheduler_get_review_minutes:
 *
 * Returns: the length of a review block: short, two fifths of a block
 */
guint
sp_scheduler_get_review_minutes (const SpAvailability *availability)
{
  return CLAMP (round5 (availability->block_minutes * 0.4), SP_MIN_BLOCK_MINUTES,
                MAX (availability->block_minutes, SP_MIN_BLOCK_MINUTES));
}

/* Topics without a stream are each their own subject. */
gboolean
_sp_scheduler_same_stream (const SpTopic *a,
                           const SpTopic *b)
{
  return a->stream != NULL && b->stream != NULL && g_str_equal (a->stream, b->stream);
}

static int
compare_reviews (gconstpointer a,
                 gconstpointer b)
{
  const Review *ra = a, *rb = b;

  if (ra->due != rb->due)
    return ra->due < rb->due ? -1 : 1;
  return ra->work < rb->work ? -1 : ra->work > rb->work;
}

static void
queue_review (Scheduler *s,
              guint      index,
              guint32    due)
{
  Review review = { index, due };
  guint  pos = s->reviews->len;

  /* Keep the queue sorted; it stays short */
  while (pos > 0 && compare_reviews (&g_array_index (s->reviews, Review, pos - 1), &review) > 0)
    pos--;
  g_array_insert_val (s->reviews, pos, review);
}

/* A topic's reviews: about 1, 7 and 30 days after it is finished, or, once
 * the user has rated one, each when its memory (sp-fsrs.c) is expected to
 * be down to 90 % recall, the later ones as if recalled well. A topic
 * rated Again comes back, whatever reviews it had. */
static void
queue_reviews (Scheduler *s,
               guint      index)
{
  Work *w = work_at (s, index);
  SpFsrsMemory memory = w->memory;
  guint32      due = w->rated_day;
  guint        n = w->reviews < SP_N_REVIEWS ? SP_N_REVIEWS - w->reviews : 0;

  if (w->rated_day == 0)
    {
      for (guint r = w->reviews; r < SP_N_REVIEWS; r++)
        queue_review (s, index, w->finish_day + sp_review_offsets[r]);
      return;
    }
  if (w->last_rating == SP_RATING_AGAIN)
    n = MAX (n, 1);
  for (guint r = 0; r < n; r++)
    {
      guint interval = sp_fsrs_interval (memory.stability);

      due += interval;
      queue_review (s, index, due);
      sp_fsrs_review (&memory, interval, SP_RATING_GOOD, &memory);
    }
}

static guint
lower_bound (GArray *positions,
             guint   pos)
{
  guint lo = 0, hi = positions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (positions, guint, mid) < pos)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A topic whose prerequisites are all done joins its level's ready set,
 * kept in candidate order so the choice is the same as a full scan's. */
static void
make_ready (Scheduler *s,
            Work      *w)
{
  GArray *ready = g_ptr_array_index (s->ready, w->topic->level);
  guint at = lower_bound (ready, w->pos);

  g_array_insert_val (ready, at, w->pos);
  /* It may sort before finished entries that the head has passed */
  s->ready_head[w->topic->level] = MIN (s->ready_head[w->topic->level], at);
}

static void
release_dependents (Scheduler *s,
                    Work      *w)
{
  for (guint i = 0; i < w->n_dependents; i++)
    {
      Work *d = work_at (s, g_array_index (s->dependents, guint, w->dependent_first + i));

      g_assert (d->blocked > 0);
      if (--d->blocked == 0 && d->remaining > 0)
        make_ready (s, d);
    }
}

static void
finish_topic (Scheduler *s,
              guint      index,
              guint32    day)
{
  Work *w = work_at (s, index);

  w->finish_day = MAX (w->finish_day, day);
  w->active = FALSE;
  if (s->active[0] == index)
    s->active[0] = NONE;
  if (s->active[1] == index)
    s->active[1] = NONE;
  s->unfinished[w->topic->level]--;
  s->n_unfinished--;
  queue_reviews (s, index);
  release_dependents (s, w);
}

static void
advance_level (Scheduler *s)
{
  while (s->level < s->n_levels && s->unfinished[s->level] == 0)
    s->level++;
}

/* The first topic of the level that can start now beside @other. Only
 * ready topics are looked at: a long chain of prerequisites costs nothing. */
static guint
pick_topic (Scheduler *s,
            guint      other)
{
  GArray *candidates, *ready;
  guint *head;

  if (s->level >= s->n_levels)
    return NONE;
  candidates = g_ptr_array_index (s->candidates, s->level);
  ready = g_ptr_array_index (s->ready, s->level);
  head = &s->ready_head[s->level];

  while (*head < ready->len &&
         work_at (s, g_array_index (candidates, guint, g_array_index (ready, guint, *head)))->remaining == 0)
    (*head)++;
  /* Drop the finished prefix now and then, so insertions stay cheap */
  if (*head > 64 && *head * 2 > ready->len)
    {
      g_array_remove_range (ready, 0, *head);
      *head = 0;
    }

  for (guint i = *head; i < ready->len; i++)
    {
      guint index = g_array_index (candidates, guint, g_array_index (ready, guint, i));
      Work *w = work_at (s, index);

      if (w->remaining == 0 || w->active || w->parked)
        continue;
      if (other != NONE && _sp_scheduler_same_stream (w->topic, work_at (s, other)->topic))
        continue;
      return index;
    }
  return NONE;
}

/* How much of @w's current part goes into a slot of @len minutes, never
 * leaving a remainder shorter than a useful block. */
static guint
take_minutes (Work        *w,
              guint        len,
              SpBlockKind *kind)
{
  guint k = 0, m, part;

  while (k < N_KINDS && w->parts[k] == 0)
    k++;
  g_assert (k < N_KINDS);
  part = w->parts[k];
  m = MIN (len, part);

  if (part - m > 0 && part - m < SP_MIN_BLOCK_MINUTES)
    {
      if (part >= 2 * SP_MIN_BLOCK_MINUTES)
        m = part - SP_MIN_BLOCK_MINUTES;
      else
        {
          /* A short part and a short slot: carry the rest over */
          guint rest = part - m;
          gboolean carried = FALSE;

          for (guint n = k + 1; n < N_KINDS && !carried; n++)
            if (w->parts[n] > 0)
              {
                w->parts[n] += rest;
                carried = TRUE;
              }
          w->parts[k] = m;
          w->remaining -= rest;
          if (!carried)
            {
              w->parts[k] += SP_MIN_BLOCK_MINUTES;
              w->remaining += SP_MIN_BLOCK_MINUTES;
            }
          else
            w->remaining += rest;
        }
    }

  w->parts[k] -= m;
  w->remaining -= m;
  *kind = (SpBlockKind) k;
  return m;
}

/* "topic/kind/seq" without printf, which took a quarter of the time. */
static gsize
format_id (char          *buf,
           gsize          size,
           const SpTopic *topic,
           SpBlockKind    kind,
           guint          seq)
{
  const char *kind_name = sp_block_kind_to_string (kind);
  gsize topic_len = strlen (topic->id);
  gsize kind_len = strlen (kind_name);
  char digits[12];
  gsize n_digits = 0, len;

  do
    {
      digits[n_digits++] = (char) ('0' + seq % 10);
      seq /= 10;
    }
  while (seq > 0);

  len = topic_len + 1 + kind_len + 1 + n_digits;
  g_assert (len < size);
  memcpy (buf, topic->id, topic_len);
  buf[topic_len] = '/';
  memcpy (buf + topic_len + 1, kind_name, kind_len);
  buf[topic_len + 1 + kind_len] = '/';
  for (gsize i = 0; i < n_digits; i++)
    buf[len - 1 - i] = digits[i];
  buf[len] = '\0';
  return len;
}

SpBlock *
_sp_scheduler_add_block (Scheduler     *s,
                         const SpTopic *topic,
                         SpBlockKind    kind,
                         guint          seq_hint,
                         guint32        day,
                         guint          start,
                         guint          minutes)
{
  SpBlock *block;
  char id[200];

  gsize len = format_id (id, sizeof id, topic, kind, seq_hint);

  g_array_set_size (s->schedule->blocks, s->schedule->blocks->len + 1);
  block = &g_array_index (s->schedule->blocks, SpBlock, s->schedule->blocks->len - 1);
  memset (block, 0, sizeof *block);
  block->id = g_string_chunk_insert_len (s->schedule->strings, id, (gssize) len);
  block->day = day;
  block->start = (guint16) start;
  block->minutes = (guint16) minutes;
  block->topic = topic;
  block->level = topic->level;
  block->kind = kind;
  block->status = SP_BLOCK_STATUS_PLANNED;
  return block;
}

/* A new block gets the first number in its topic and kind that no block
 * the user touched holds, so untouched blocks keep their ids. */
guint
_sp_scheduler_next_seq (Scheduler  *s,
                        Work       *w,
                        SpBlockKind kind)
{
  guint seq = ++w->next_seq[kind];

  if (g_hash_table_size (s->taken_ids) > 0)
    {
      char id[200];

      for (;;)
        {
          format_id (id, sizeof id, w->topic, kind, seq);
          if (!g_hash_table_contains (s->taken_ids, id))
            break;
          seq = ++w->next_seq[kind];
        }
    }
  return seq;
}

void
_sp_scheduler_place_work (Scheduler *s,
                          guint      index,
                          guint32    day,
                          guint      start,
                          guint      len,
                          guint     *used)
{
  Work *w = work_at (s, index);
  SpBlockKind kind;
  guint       minutes;

  /* The user's blocks ahead keep their share. A piece too short for a
   * block is taken as it would be without them when their share stays
   * whole (the rest of a part grows to a block); else it is one short block */
  if (w->pending > 0 && w->remaining - w->pending >= SP_MIN_BLOCK_MINUTES)
    len = MIN (len, w->remaining - w->pending);
  else if (w->pending > 0)
    {
      Work trial = *w;

      take_minutes (&trial, len, &kind);
      if (trial.remaining < w->pending)
        len = MIN (len, SP_MIN_BLOCK_MINUTES);
    }
  minutes = take_minutes (w, len, &kind);
  SpBlock *block = _sp_scheduler_add_block (s, w->topic, kind, _sp_scheduler_next_seq (s, w, kind), day, start, minutes);

  if (w->moved > 0)
    {
      block->moved = TRUE;
      w->moved -= MIN (w->moved, minutes);
    }
  *used = minutes;
  if (w->remaining == 0)
    {
      finish_topic (s, index, day);
      advance_level (s);
    }
}

/* Fills the free slots of the two side-by-side topics with the first
 * topics that can start. */
static void
fill_slots (Scheduler *s)
{
  for (guint slot = 0; slot < 2; slot++)
    if (s->active[slot] == NONE)
      {
        guint index = pick_topic (s, s->active[1 - slot]);

        if (s->kept_next < s->kept->len)
          index = _sp_scheduler_pick_kept_topic (s, index, s->active[1 - slot], slot == 0 && s->active[1] == NONE ? 2 : 1);
        if (index != NONE)
          {
            s->active[slot] = index;
            work_at (s, index)->active = TRUE;
          }
      }
}

/* The topic whose turn it is, the free slots filled first. */
static guint
next_topic (Scheduler *s)
{
  gboolean parked = FALSE;

  fill_slots (s);

  /* A topic left with only the user's blocks ahead waits for them, but
   * gives its turn to the other one */
  for (guint n = 0; n < 2; n++, s->turn = 1 - s->turn)
    if (s->active[s->turn] != NONE && plannable (work_at (s, s->active[s->turn])))
      return s->active[s->turn];

  /* Nothing but waiting: they give their slots away until then */
  for (guint slot = 0; slot < 2; slot++)
    if (s->active[slot] != NONE)
      {
        Work *w = work_at (s, s->active[slot]);

        w->active = FALSE;
        w->parked = TRUE;
        s->active[slot] = NONE;
        parked = TRUE;
      }
  return parked ? next_topic (s) : NONE;
}

/* The weekly milestone whose turn it is to be the week's project block */
guint
_sp_scheduler_pick_milestone (Scheduler *s)
{
  GArray *candidates, *ready;

  if (s->level == 0 || s->level >= s->n_levels)
    return NONE;
  candidates = g_ptr_array_index (s->candidates, s->level);
  ready = g_ptr_array_index (s->ready, s->level);

  /* Weekly milestones come last among the candidates */
  for (guint i = MAX (s->ready_head[s->level], lower_bound (ready, s->weekly_first[s->level])); i < ready->len; i++)
    {
      guint index = g_array_index (candidates, guint, g_array_index (ready, guint, i));
      Work *w = work_at (s, index);

      if (w->weekly && plannable (w))
        return index;
    }
  return NONE;
}

/* Makes @index one of the two topics studied side by side, when the rules
 * allow: of the level being studied, its prerequisites done, a free slot,
 * another stream than the other topic. Returns its slot, or NONE. */
guint
_sp_scheduler_activate (Scheduler *s,
                        guint      index)
{
  Work *w = work_at (s, index);
  guint slot;

  if (!w->active && (w->remaining == 0 || w->blocked > 0 || w->topic->level != s->level))
    return NONE;
  /* The slots as the planning would have filled them, when it would pick
   * this one; else none taken by a topic that was not asked for */
  if (s->active[0] == NONE || s->active[1] == NONE)
    {
      guint before[2] = { s->active[0], s->active[1] };

      s->placing = index;
      fill_slots (s);
      s->placing = NONE;
      if (w->active)
        return s->active[0] == index ? 0 : 1;
      for (slot = 0; slot < 2; slot++)
        if (before[slot] == NONE && s->active[slot] != NONE)
          {
            work_at (s, s->active[slot])->active = FALSE;
            s->active[slot] = NONE;
          }
    }
  if (w->active)
    return s->active[0] == index ? 0 : 1;
  slot = s->active[0] == NONE ? 0 : s->active[1] == NONE ? 1
                                                         : NONE;
  if (slot == NONE)
    return NONE;
  if (s->active[1 - slot] != NONE && _sp_scheduler_same_stream (w->topic, work_at (s, s->active[1 - slot])->topic))
    return NONE;
  s->active[slot] = index;
  w->active = TRUE;
  return slot;
}

/* Whether @record, a block of the user's from today on, does some of its
 * topic's work: done, partly done, or pinned there */
static gboolean
does_work_ahead (const SpBlockRecord *record)
{
  return record->kind != SP_BLOCK_KIND_REVIEW &&
         ((record->status == SP_BLOCK_STATUS_PLANNED && record->pinned) ||
          (record->status != SP_BLOCK_STATUS_PLANNED && sp_block_record_get_done_minutes (record) > 0));
}

/* The work @record did, taken off @w's where a planned block there would
 * have taken it. Returns whether any was. */
static gboolean
take_fixed_work (Work                *w,
                 const SpBlockRecord *record)
{
  guint       minutes = record->status == SP_BLOCK_STATUS_PLANNED ? record->minutes
                                                                  : sp_block_record_get_done_minutes (record);
  Work        before = *w;
  SpBlockKind kind;

  w->pending -= MIN (w->pending, minutes);
  w->moved -= MIN (w->moved, minutes);
  if (take_minutes (w, minutes, &kind) == minutes && kind == record->kind)
    return TRUE;

  /* Not as planned: the minutes done, of its kind first */
  *w = before;
  w->pending -= MIN (w->pending, minutes);
  w->moved -= MIN (w->moved, minutes);
  _sp_scheduler_consume (w, record->kind, minutes);
  _sp_scheduler_tidy_parts (w);
  return TRUE;
}

/* The user's blocks up to @last (an index into fixed) are reached: each
 * takes its topic's turn there, or the week's project block, as a planned
 * block there would have, and the topic finishes at its last one. So a
 * block marked done where it was planned leaves the rest as it was. */
static void
pass_fixed (Scheduler *s,
            guint      last,
            gboolean  *project_due)
{
  for (; s->fixed_passed <= last && s->fixed_passed < s->fixed->len; s->fixed_passed++)
    {
      const SpBlockRecord *record = g_array_index (s->fixed, SpBlockRecord *, s->fixed_passed);
      const SpTopic       *topic = sp_plan_lookup_topic (s->input->plan, record->topic);
      guint                index = topic != NULL ? s->work_of[topic->index] : NONE;
      Work                *w;
      guint                slot;

      if (index == NONE || !does_work_ahead (record))
        continue;
      w = work_at (s, index);
      w->parked = FALSE;
      _sp_scheduler_next_kept (s, record->day, record->start);
      if (project_due != NULL && w->weekly && !w->active && *project_due &&
          sp_day_get_weekday (record->day) >= s->project_weekday)
        *project_due = FALSE;
      else if ((slot = _sp_scheduler_activate (s, index)) != NONE)
        s->turn = 1 - slot;
      if (w->remaining > 0 && take_fixed_work (w, record) && w->remaining == 0)
        {
          finish_topic (s, index, record->day);
          advance_level (s);
        }
    }
}

/* Passes the user's blocks before @day */
static void
pass_fixed_before (Scheduler *s,
                   guint32    day)
{
  guint last = s->fixed_passed;

  while (last < s->fixed->len && g_array_index (s->fixed, SpBlockRecord *, last)->day < day)
    last++;
  if (last > s->fixed_passed)
    pass_fixed (s, last - 1, NULL);
}

static int
compare_obstacles (gconstpointer a,
                   gconstpointer b)
{
  const Obstacle *oa = a, *ob = b;

  return oa->start < ob->start ? -1 : oa->start > ob->start;
}

/* Plans one day. Returns whether anything could still be placed later. */
static void
plan_day (Scheduler *s,
          guint32    day,
          gboolean  *project_due)
{
  const SpAvailability *a = s->avail;
  guint weekday = sp_day_get_weekday (day);
  guint budget = sp_availability_get_usable_minutes (a, weekday);
  guint cursor = a->start[weekday];
  Obstacle obstacles[64];
  guint n_obstacles = 0;
  guint from, to;
  guint fixed_minutes = 0;
  guint                 fixed_end;
  gboolean crowded = FALSE;

  /* The user's blocks on this day take their place and their time */
  while (s->fixed_next < s->fixed->len &&
         g_array_index (s->fixed, SpBlockRecord *, s->fixed_next)->day < day)
    s->fixed_next++;
  pass_fixed_before (s, day);
  for (fixed_end = s->fixed_next; fixed_end < s->fixed->len; fixed_end++)
    {
      SpBlockRecord *record = g_array_index (s->fixed, SpBlockRecord *, fixed_end);
      guint          i = fixed_end;

      if (record->day != day)
        break;
      fixed_minutes += record->minutes;
      if (n_obstacles < G_N_ELEMENTS (obstacles) - 1)
        obstacles[n_obstacles++] = (Obstacle){ record->start, record->start + record->minutes, a->break_minutes, i };
      else
        crowded = TRUE;
    }
  if (_sp_scheduler_clock_changes (s, day, &from, &to))
    obstacles[n_obstacles++] = (Obstacle){ from, to, 0, NONE };
  qsort (obstacles, n_obstacles, sizeof (Obstacle), compare_obstacles);

  budget = budget > fixed_minutes ? budget - fixed_minutes : 0;
  if (crowded)
    budget = 0;  /* more of the user's blocks than we track: plan nothing around them */

  while (budget >= SP_MIN_BLOCK_MINUTES && cursor < SP_MINUTES_PER_DAY)
    {
      guint limit = SP_MINUTES_PER_DAY;
      guint len, used = 0;
      gboolean blocked = FALSE;
      const Kept *kept;

      for (guint i = 0; i < n_obstacles; i++)
        {
          const Obstacle *o = &obstacles[i];

          if (o->end + o->gap <= cursor)
            continue;
          if (o->start <= cursor + (o->gap ? a->break_minutes : 0))
            {
              if (o->fixed != NONE)
                pass_fixed (s, o->fixed, project_due);
              cursor = MAX (cursor, o->end + o->gap);
              blocked = TRUE;
              break;
            }
          limit = o->start - (o->gap ? a->break_minutes : 0);
          break;
        }
      if (blocked)
        continue;

      len = MIN (MIN (budget, a->block_minutes), limit - cursor);
      if (len < SP_MIN_BLOCK_MINUTES)
        {
          if (limit >= SP_MINUTES_PER_DAY)
            break;
          cursor = limit;
          continue;
        }

      kept = _sp_scheduler_next_kept (s, day, cursor);
      if (kept != NULL && kept->record->start == cursor)
        {
          gboolean placed = _sp_scheduler_place_kept (s, kept, day, len, project_due, &used);

          _sp_scheduler_drop_kept (s);
          if (placed)
            {
              cursor += used + a->break_minutes;
              budget -= used;
              continue;
            }
          kept = _sp_scheduler_next_kept (s, day, cursor);
        }
      if (kept != NULL && kept->record->start - cursor < len + a->break_minutes)
        {
          /* End before the kept block, or leave a gap too short to use */
          guint gap = kept->record->start - cursor;

          if (gap < (guint) SP_MIN_BLOCK_MINUTES + (guint) a->break_minutes)
            {
              cursor = kept->record->start;
              continue;
            }
          len = gap - a->break_minutes;
        }

      if (s->kept_next < s->kept->len)
        {
          /* The kept blocks later in the day keep their time */
          guint held = _sp_scheduler_kept_minutes_on (s, day);

          len = MIN (len, budget > held ? budget - held : 0);
          if (len < SP_MIN_BLOCK_MINUTES || !_sp_scheduler_plan_free_time (s, day, cursor, len, &used))
            {
              /* Left free, up to the next kept block */
              kept = _sp_scheduler_next_kept (s, day, cursor);
              if (kept == NULL)
                break;
              cursor = kept->record->start;
              continue;
            }
        }
      else if (s->reviews->len > 0 && g_array_index (s->reviews, Review, 0).due <= day)
        {
          Review review = g_array_index (s->reviews, Review, 0);
          Work *w = work_at (s, review.work);
          guint minutes = MIN (s->review_minutes, len);

          g_array_remove_index (s->reviews, 0);
          w->reviews++;
          _sp_scheduler_add_block (s, w->topic, SP_BLOCK_KIND_REVIEW, _sp_scheduler_next_seq (s, w, SP_BLOCK_KIND_REVIEW),
                                   day, cursor, minutes);
          used = minutes;
        }
      else if (*project_due && weekday >= s->project_weekday && _sp_scheduler_pick_milestone (s) != NONE)
        {
          _sp_scheduler_place_work (s, _sp_scheduler_pick_milestone (s), day, cursor, len, &used);
          *project_due = FALSE;
        }
      else
        {
          guint index = next_topic (s);

          if (index == NONE)
            break;
          _sp_scheduler_place_work (s, index, day, cursor, len, &used);
          s->turn = 1 - s->turn;
        }

      cursor += used + a->break_minutes;
      budget -= used;
    }

  /* The user's blocks the day's planning did not reach */
  if (fixed_end > s->fixed_next)
    pass_fixed (s, fixed_end - 1, project_due);
}

/* A rated review updates the topic's memory; records come in time order */
static void
rate_review (Work                *w,
             const SpBlockRecord *record)
{
  if (w->rated_day == 0)
    sp_fsrs_first_review (record->rating, &w->memory);
  else
    sp_fsrs_review (&w->memory, (double) record->day - w->rated_day, record->rating, &w->memory);
  w->rated_day = record->day;
  w->last_rating = record->rating;
}

/* The user's blocks: done, partly done, skipped, pinned, or in the past.
 * They stay as they are; what they did is taken off the work to plan. */
static void
add_records (Scheduler *s)
{
  SpProgress *progress = s->input->progress;
  g_autoptr(GPtrArray) sorted = NULL;

  if (progress == NULL)
    return;

  sorted = sp_progress_dup_records (progress);
  g_ptr_array_sort (sorted, sp_block_record_compare);

  for (guint i = 0; i < sorted->len; i++)
    {
      SpBlockRecord *record = g_ptr_array_index (sorted, i);
      const SpTopic *topic = sp_plan_lookup_topic (s->input->plan, record->topic);
      gboolean past = record->day < s->input->today;
      gboolean missed = past && record->status == SP_BLOCK_STATUS_PLANNED;
      guint index;
      Work *w = NULL;
      SpBlock *block;

      if (topic == NULL)
        continue;
      /* A planned, unpinned block from today on is not the user's: plan afresh */
      if (!past && record->status == SP_BLOCK_STATUS_PLANNED && !record->pinned)
        continue;

      g_hash_table_add (s->taken_ids, record->id);
      block = _sp_scheduler_add_block (s, topic, record->kind, 0, record->day, record->start, record->minutes);
      block->id = sp_schedule_intern (s->schedule, record->id);
      block->status = record->status;
      block->done_minutes = (guint16) (record->status == SP_BLOCK_STATUS_PARTIAL ? record->done_minutes : 0);
      block->pinned = record->pinned;
      block->rating = record->rating;
      if (record->focus != NULL && record->focus->len > 0)
        {
          block->focus_first = s->schedule->focus->len;
          block->n_focus = record->focus->len;
          g_array_append_vals (s->schedule->focus, record->focus->data, record->focus->len);
        }

      if (!past)
        g_array_append_val (s->fixed, record);

      index = s->work_of[topic->index];
      if (index == NONE)
        continue;
      w = work_at (s, index);

      if (record->kind == SP_BLOCK_KIND_REVIEW)
        {
          if (!missed)
            w->reviews++;
          if (record->rating != SP_RATING_NONE && record->status == SP_BLOCK_STATUS_DONE)
            rate_review (w, record);
          continue;
        }
      if (missed)
        {
          w->moved += record->minutes;
          continue;
        }
      if (!past && does_work_ahead (record))
        {
          /* Taken where it is, as a planned block there would be */
          w->pending += record->status == SP_BLOCK_STATUS_PLANNED ? record->minutes
                                                                  : sp_block_record_get_done_minutes (record);
          continue;
        }
      if (record->status == SP_BLOCK_STATUS_PLANNED)
        _sp_scheduler_consume (w, record->kind, record->minutes);  /* pinned ahead: it will be done there */
      else if (sp_block_record_get_done_minutes (record) > 0)
        _sp_scheduler_consume (w, record->kind, sp_block_record_get_done_minutes (record));
      else
        continue;
      w->finish_day = MAX (w->finish_day, record->day);
    }
}

static void
attach_notes (Scheduler *s)
{
  GHashTable *notes = s->input->progress ? s->input->progress->notes : NULL;

  if (notes == NULL || g_hash_table_size (notes) == 0)
    return;
  for (guint i = 0; i < s->schedule->blocks->len; i++)
    {
      SpBlock *block = &g_array_index (s->schedule->blocks, SpBlock, i);
      const char *note = g_hash_table_lookup (notes, block->id);

      if (note != NULL)
        block->note = sp_schedule_intern (s->schedule, note);
    }
}

/* The weekday with the most time hosts the weekly project; a tie goes to the later one. */
static guint
project_weekday (const SpAvailability *a)
{
  guint best = SP_N_WEEKDAYS - 1;

  for (guint d = SP_N_WEEKDAYS; d-- > 0;)
    if (sp_availability_get_usable_minutes (a, d) > sp_availability_get_usable_minutes (a, best))
      best = d;
  return best;
}

/**
 * sp_scheduler_run:
 *
 * Makes the schedule: the user's blocks as they are, and every unfinished
 * topic planned from today on.
 *
 * Returns: (transfer full): the schedule
 */
SpSchedule *
sp_scheduler_run (const SpSchedulerInput *input)
{
  Scheduler s = { 0, };
  guint32 day, from, limit;
  guint32 week = 0;
  gboolean project_due = FALSE;
  gboolean no_hours, too_long = FALSE;
  guint32   off_from = 0;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (SP_IS_PLAN (input->plan), NULL);
  g_return_val_if_fail (input->availability != NULL, NULL);
  g_return_val_if_fail (g_date_valid_julian (input->today), NULL);

  s.input = input;
  s.avail = input->availability;
  s.schedule = sp_schedule_new (input->plan, input->track, input->today);
  s.reviews = g_array_new (FALSE, FALSE, sizeof (Review));
  s.taken_ids = g_hash_table_new (g_str_hash, g_str_equal);
  s.fixed = g_array_new (FALSE, FALSE, sizeof (SpBlockRecord *));
  s.kept = g_array_new (FALSE, FALSE, sizeof (Kept));
  s.active[0] = s.active[1] = NONE;
  s.placing = NONE;
  s.review_minutes = sp_scheduler_get_review_minutes (s.avail);
  s.project_weekday = project_weekday (s.avail);

  no_hours = !sp_availability_has_hours (s.avail);
  s.schedule->weekly_minutes = no_hours ? 0 : sp_availability_get_weekly_minutes (s.avail);

  _sp_scheduler_build_work (&s);
  add_records (&s);

  for (guint i = 0; i < s.work->len; i++)
    {
      Work *w = work_at (&s, i);

      _sp_scheduler_tidy_parts (w);
      if (w->remaining > 0)
        {
          s.unfinished[w->topic->level]++;
          s.n_unfinished++;
        }
      else
        queue_reviews (&s, i);
    }
  _sp_scheduler_index_prerequisites (&s);
  advance_level (&s);
  _sp_scheduler_add_kept (&s);

  from = MAX (input->today, s.avail->start_day);
  limit = from + (guint32) (SP_SCHEDULER_MAX_YEARS * 365.2425);

  for (day = from; !no_hours && (s.n_unfinished > 0 || s.reviews->len > 0); day++)
    {
      const SpDayRange *off = NULL;
      guint32 this_week = (day - 1) / 7;

      if (day > limit)
        {
          too_long = TRUE;
          break;
        }
      if (this_week != week)
        {
          week = this_week;
          project_due = TRUE;
        }

      for (guint i = 0; i < s.avail->days_off->len; i++)
        {
          const SpDayRange *range = &g_array_index (s.avail->days_off, SpDayRange, i);
          if (range->first <= day && day <= range->last)
            {
              off = range;
              break;
            }
          if (range->first > day)
            break;
        }
      if (off != NULL)
        {
          day = MIN (off->last, limit);
          continue;
        }

      /* Nothing to study but reviews later on: go straight to the next one */
      if (s.n_unfinished == 0 && g_array_index (s.reviews, Review, 0).due > day)
        {
          day = MIN (g_array_index (s.reviews, Review, 0).due, limit + 1) - 1;
          continue;
        }

      plan_day (&s, day, &project_due);
    }

  /* Days off from the first day to the limit: the hours are not the cause */
  for (guint i = 0; too_long && i < s.avail->days_off->len; i++)
    {
      const SpDayRange *range = &g_array_index (s.avail->days_off, SpDayRange, i);

      if (range->first <= from && range->last >= limit)
        off_from = from;
    }

  attach_notes (&s);
  sp_schedule_finish (s.schedule);
  _sp_scheduler_make_reports (&s, no_hours, too_long, off_from);

  g_array_unref (s.work);
  g_free (s.work_of);
  g_array_unref (s.prereqs);
  g_ptr_array_unref (s.candidates);
  g_array_unref (s.dependents);
  g_ptr_array_unref (s.ready);
  g_free (s.ready_head);
  g_free (s.weekly_first);
  g_free (s.unfinished);
  g_array_unref (s.reviews);
  g_hash_table_unref (s.taken_ids);
  g_array_unref (s.fixed);
  g_array_unref (s.kept);
  g_free (s.kept_minutes);
  g_free (s.kept_reviews);

  return s.schedule;
}
