/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "sp-schedule-private.h"
#include "sp-scheduler.h"

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

#define DAYS_PER_MONTH  30.436875
#define N_KINDS         4
#define NONE            G_MAXUINT

typedef struct
{
  const SpTopic *topic;
  guint          parts[N_KINDS];   /* minutes still to schedule, by kind */
  guint          remaining;        /* their sum */
  guint          moved;            /* missed minutes: new blocks show as moved */
  guint          prereq_first;     /* into Scheduler.prereqs */
  guint          n_prereqs;
  guint          dependent_first;  /* into Scheduler.dependents */
  guint          n_dependents;
  guint          blocked;          /* prerequisites with work left */
  guint          pos;              /* position among its level's candidates */
  guint32        finish_day;       /* day of the last work block */
  guint          reviews;          /* reviews done, skipped or already placed */
  guint          next_seq[N_KINDS];
  guint          weekly : 1;       /* a milestone served by the weekly project block */
  guint          active : 1;
} Work;

typedef struct
{
  guint   work;
  guint32 due;
} Review;

typedef struct
{
  guint start;
  guint end;
  guint gap;  /* the break to keep after it */
} Obstacle;

typedef struct
{
  const SpSchedulerInput *input;
  const SpAvailability   *avail;
  SpSchedule             *schedule;
  GArray                 *work;        /* element-type Work */
  guint                  *work_of;     /* topic index → work index or NONE */
  GArray                 *prereqs;     /* element-type guint: work indices */
  GArray                 *dependents;  /* element-type guint: work indices, grouped by prerequisite */
  GPtrArray              *candidates;  /* per level: GArray of work indices, in order */
  GPtrArray              *ready;       /* per level: sorted GArray of candidate positions whose prerequisites are done */
  guint                  *ready_head;  /* per level: ready entries before it are finished */
  guint                  *weekly_first; /* per level: position of the first weekly milestone */
  guint                  *unfinished;  /* per level: topics with work left */
  GArray                 *reviews;     /* element-type Review, sorted by due */
  GHashTable             *taken_ids;   /* ids of the user's records */
  guint                   n_levels;
  guint                   level;       /* the level being studied */
  guint                   active[2];
  guint                   turn;
  guint                   review_minutes;
  guint                   project_weekday;
  guint                   n_unfinished;
  GArray                 *fixed;       /* element-type SpBlockRecord*, sorted, from today on */
  guint                   fixed_next;
  guint32                 quiet_until; /* no clock change on the days before */
} Scheduler;

static guint
round5 (double minutes)
{
  return (guint) (lround (minutes / SP_MINUTES_STEP) * SP_MINUTES_STEP);
}

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

/* Hours for people: "7.5", "10". Follows the locale's decimal mark. */
char *
sp_scheduler_format_hours (double hours)
{
  if (fabs (hours - round (hours)) < 0.05)
    return g_strdup_printf ("%.0f", round (hours));
  return g_strdup_printf ("%.1f", hours);
}

static gint64
day_to_local_seconds (guint32 day)
{
  static gsize epoch = 0;

  if (g_once_init_enter (&epoch))
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, 1970);
      g_once_init_leave (&epoch, g_date_get_julian (&date));
    }
  return ((gint64) day - (gint64) epoch) * 86400;
}

/* The first instant after @lo whose interval differs from @lo's, by bisection. */
static gint64
find_transition (GTimeZone *tz,
                 gint64     lo,
                 gint64     hi)
{
  gint interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, lo);

  while (hi - lo > 1)
    {
      gint64 mid = lo + (hi - lo) / 2;

      if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, mid) == interval)
        lo = mid;
      else
        hi = mid;
    }
  return hi;
}

/**
 * sp_scheduler_get_clock_change:
 * @from: (out): the first wall-clock minute that does not exist or exists twice
 * @to: (out): the minute after the last such one
 *
 * When the clocks change on @day, the wall-clock times they skip or repeat
 * are not used for study: a block there would not last what it says, or
 * would be ambiguous.
 *
 * Returns: whether the clocks change on @day
 */
gboolean
sp_scheduler_get_clock_change (GTimeZone *tz,
                               guint32    day,
                               guint     *from,
                               guint     *to)
{
  gint64 midnight = day_to_local_seconds (day);
  /* UTC instants that can fall on this local day, whatever the offset */
  gint64 lo = midnight - 15 * 3600;
  gint64 hi = midnight + 86400 + 15 * 3600;
  gint64 bad_from = G_MAXINT64, bad_to = G_MININT64;
  gint first, last;

  if (tz == NULL)
    return FALSE;

  first = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, lo);
  last = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, hi);
  if (first == last)
    return FALSE;

  while (lo < hi)
    {
      gint before = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, lo);
      gint64 t;
      gint32 off_before, off_after;

      if (before == g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, hi))
        break;
      t = find_transition (tz, lo, hi);
      off_before = g_time_zone_get_offset (tz, before);
      off_after = g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t));
      if (off_before != off_after)
        {
          bad_from = MIN (bad_from, t + MIN (off_before, off_after));
          bad_to = MAX (bad_to, t + MAX (off_before, off_after));
        }
      lo = t;
    }

  bad_from = MAX (bad_from, midnight);
  bad_to = MIN (bad_to, midnight + 86400);
  if (bad_from >= bad_to)
    return FALSE;

  /* Whole minutes that touch the change */
  *from = (guint) ((bad_from - midnight) / 60);
  *to = (guint) ((bad_to - midnight + 59) / 60);
  return TRUE;
}

#define QUIET_SPAN 32

/* GTimeZone looks intervals up one by one, so asking for every day took
 * 40% of the time: a span of days whose ends share an interval has no
 * change inside, and is skipped in one step. */
static gboolean
span_is_quiet (GTimeZone *tz,
               guint32    first,
               guint32    last)
{
  gint64 lo = day_to_local_seconds (first) - 15 * 3600;
  gint64 hi = day_to_local_seconds (last) + 86400 + 15 * 3600;

  return g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, lo) ==
         g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, hi);
}

static gboolean
clock_changes (Scheduler *s,
               guint32    day,
               guint     *from,
               guint     *to)
{
  GTimeZone *tz = s->input->timezone;

  if (tz == NULL || day < s->quiet_until)
    return FALSE;
  if (span_is_quiet (tz, day, day + QUIET_SPAN - 1))
    {
      s->quiet_until = day + QUIET_SPAN;
      return FALSE;
    }
  if (span_is_quiet (tz, day, day))
    {
      /* The change is later in the span: find its first day */
      guint32 lo = day, hi = day + QUIET_SPAN - 1;

      while (hi - lo > 1)
        {
          guint32 mid = lo + (hi - lo) / 2;

          if (span_is_quiet (tz, day, mid))
            lo = mid;
          else
            hi = mid;
        }
      s->quiet_until = hi;
      return FALSE;
    }
  return sp_scheduler_get_clock_change (tz, day, from, to);
}

/* Splits a topic's minutes by what it asks for: reading is learning,
 * exercises practice, and milestones are projects. Parts under the
 * minimum block are merged into a neighbour. */
static void
split_parts (const SpTopic *topic,
             guint          total,
             guint          parts[N_KINDS])
{
  guint weights[N_KINDS] = { 0, };
  guint sum = 0, given = 0;
  gint last = -1;

  memset (parts, 0, sizeof (guint) * N_KINDS);

  if (topic->category == SP_TOPIC_CATEGORY_MILESTONE)
    weights[SP_BLOCK_KIND_PROJECT] = 1;
  else
    {
      if (topic->task_read != NULL)
        weights[SP_BLOCK_KIND_LEARN] = 4;
      if (topic->task_practice != NULL)
        weights[SP_BLOCK_KIND_PRACTICE] = 3;
      if (topic->task_project != NULL)
        weights[SP_BLOCK_KIND_PROJECT] = 3;
    }
  for (guint k = 0; k < N_KINDS; k++)
    sum += weights[k];
  if (sum == 0)
    {
      weights[SP_BLOCK_KIND_LEARN] = 1;
      sum = 1;
    }

  for (guint k = 0; k < N_KINDS; k++)
    {
      if (weights[k] == 0)
        continue;
      parts[k] = round5 ((double) total * weights[k] / sum);
      if (given + parts[k] > total)
        parts[k] = total - given;
      given += parts[k];
      last = (gint) k;
    }
  parts[last] += total - given;

  /* No part shorter than a useful block: fold it into the next, or the previous */
  for (guint k = 0; k < N_KINDS; k++)
    {
      if (parts[k] == 0 || parts[k] >= SP_MIN_BLOCK_MINUTES)
        continue;
      for (guint n = k + 1; n < N_KINDS; n++)
        if (parts[n] > 0)
          {
            parts[n] += parts[k];
            parts[k] = 0;
            break;
          }
      for (gint p = (gint) k - 1; parts[k] > 0 && p >= 0; p--)
        if (parts[p] > 0)
          {
            parts[p] += parts[k];
            parts[k] = 0;
          }
    }
}

/* Takes @minutes of study already done from the parts, @kind's first. */
static void
consume (Work        *w,
         SpBlockKind  kind,
         guint        minutes)
{
  guint take = MIN (minutes, w->parts[kind]);

  w->parts[kind] -= take;
  minutes -= take;
  for (guint k = 0; k < N_KINDS && minutes > 0; k++)
    {
      take = MIN (minutes, w->parts[k]);
      w->parts[k] -= take;
      minutes -= take;
    }
}

/* Leftovers under a useful block go into the next part, or grow to one block. */
static void
tidy_parts (Work *w)
{
  w->remaining = 0;
  for (guint k = 0; k < N_KINDS; k++)
    {
      if (w->parts[k] > 0 && w->parts[k] < SP_MIN_BLOCK_MINUTES)
        {
          gboolean moved = FALSE;

          for (guint n = k + 1; n < N_KINDS && !moved; n++)
            if (w->parts[n] > 0)
              {
                w->parts[n] += w->parts[k];
                w->parts[k] = 0;
                moved = TRUE;
              }
          if (!moved)
            w->parts[k] = SP_MIN_BLOCK_MINUTES;
        }
      w->remaining += w->parts[k];
    }
}

static Work *
work_at (Scheduler *s,
         guint      index)
{
  return &g_array_index (s->work, Work, index);
}

/* Topics without a stream are each their own subject. */
static gboolean
same_stream (const SpTopic *a,
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
queue_reviews (Scheduler *s,
               guint      index)
{
  Work *w = work_at (s, index);

  for (guint r = w->reviews; r < SP_N_REVIEWS; r++)
    {
      Review review = { index, w->finish_day + sp_review_offsets[r] };
      guint pos = s->reviews->len;

      /* Keep the queue sorted; it stays short */
      while (pos > 0 && compare_reviews (&g_array_index (s->reviews, Review, pos - 1), &review) > 0)
        pos--;
      g_array_insert_val (s->reviews, pos, review);
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

      if (w->remaining == 0 || w->active)
        continue;
      if (other != NONE && same_stream (w->topic, work_at (s, other)->topic))
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

static SpBlock *
add_block (Scheduler     *s,
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
static guint
next_seq (Scheduler   *s,
          Work        *w,
          SpBlockKind  kind)
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

static void
place_work (Scheduler *s,
            guint      index,
            guint32    day,
            guint      start,
            guint      len,
            guint     *used)
{
  Work *w = work_at (s, index);
  SpBlockKind kind;
  guint minutes = take_minutes (w, len, &kind);
  SpBlock *block = add_block (s, w->topic, kind, next_seq (s, w, kind), day, start, minutes);

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

/* Fills the free slots of the two side-by-side topics, in turn. */
static guint
next_topic (Scheduler *s)
{
  for (guint slot = 0; slot < 2; slot++)
    if (s->active[slot] == NONE)
      {
        guint index = pick_topic (s, s->active[1 - slot]);

        if (index != NONE)
          {
            s->active[slot] = index;
            work_at (s, index)->active = TRUE;
          }
      }

  if (s->active[0] == NONE && s->active[1] == NONE)
    return NONE;
  if (s->active[s->turn] == NONE)
    s->turn = 1 - s->turn;
  return s->active[s->turn];
}

static guint
pick_milestone (Scheduler *s)
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

      if (w->weekly && w->remaining > 0)
        return index;
    }
  return NONE;
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
  gboolean crowded = FALSE;

  /* The user's blocks on this day take their place and their time */
  while (s->fixed_next < s->fixed->len &&
         g_array_index (s->fixed, SpBlockRecord *, s->fixed_next)->day < day)
    s->fixed_next++;
  for (guint i = s->fixed_next; i < s->fixed->len; i++)
    {
      SpBlockRecord *record = g_array_index (s->fixed, SpBlockRecord *, i);

      if (record->day != day)
        break;
      fixed_minutes += record->minutes;
      if (n_obstacles < G_N_ELEMENTS (obstacles) - 1)
        obstacles[n_obstacles++] = (Obstacle) { record->start, record->start + record->minutes, a->break_minutes };
      else
        crowded = TRUE;
    }
  if (clock_changes (s, day, &from, &to))
    obstacles[n_obstacles++] = (Obstacle) { from, to, 0 };
  qsort (obstacles, n_obstacles, sizeof (Obstacle), compare_obstacles);

  budget = budget > fixed_minutes ? budget - fixed_minutes : 0;
  if (crowded)
    budget = 0;  /* more of the user's blocks than we track: plan nothing around them */

  while (budget >= SP_MIN_BLOCK_MINUTES && cursor < SP_MINUTES_PER_DAY)
    {
      guint limit = SP_MINUTES_PER_DAY;
      guint len, used = 0;
      gboolean blocked = FALSE;

      for (guint i = 0; i < n_obstacles; i++)
        {
          const Obstacle *o = &obstacles[i];

          if (o->end + o->gap <= cursor)
            continue;
          if (o->start <= cursor + (o->gap ? a->break_minutes : 0))
            {
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

      if (s->reviews->len > 0 && g_array_index (s->reviews, Review, 0).due <= day)
        {
          Review review = g_array_index (s->reviews, Review, 0);
          Work *w = work_at (s, review.work);
          guint minutes = MIN (s->review_minutes, len);

          g_array_remove_index (s->reviews, 0);
          w->reviews++;
          add_block (s, w->topic, SP_BLOCK_KIND_REVIEW, next_seq (s, w, SP_BLOCK_KIND_REVIEW),
                     day, cursor, minutes);
          used = minutes;
        }
      else if (*project_due && weekday >= s->project_weekday && pick_milestone (s) != NONE)
        {
          place_work (s, pick_milestone (s), day, cursor, len, &used);
          *project_due = FALSE;
        }
      else
        {
          guint index = next_topic (s);

          if (index == NONE)
            break;
          place_work (s, index, day, cursor, len, &used);
          s->turn = 1 - s->turn;
        }

      cursor += used + a->break_minutes;
      budget -= used;
    }
}

static int
compare_records (gconstpointer a,
                 gconstpointer b)
{
  const SpBlockRecord *ra = *(const SpBlockRecord **) a;
  const SpBlockRecord *rb = *(const SpBlockRecord **) b;

  if (ra->day != rb->day)
    return ra->day < rb->day ? -1 : 1;
  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return strcmp (ra->id, rb->id);
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
  g_ptr_array_sort (sorted, compare_records);

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
      block = add_block (s, topic, record->kind, 0, record->day, record->start, record->minutes);
      block->id = sp_schedule_intern (s->schedule, record->id);
      block->status = record->status;
      block->done_minutes = (guint16) (record->status == SP_BLOCK_STATUS_PARTIAL ? record->done_minutes : 0);
      block->pinned = record->pinned;

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
          continue;
        }
      if (missed)
        {
          w->moved += record->minutes;
          continue;
        }
      if (record->status == SP_BLOCK_STATUS_PLANNED)
        consume (w, record->kind, record->minutes);  /* pinned ahead: it will be done there */
      else if (sp_block_record_get_done_minutes (record) > 0)
        consume (w, record->kind, sp_block_record_get_done_minutes (record));
      else
        continue;
      w->finish_day = MAX (w->finish_day, record->day);
    }
}

static void
build_work (Scheduler *s)
{
  SpPlan *plan = s->input->plan;
  g_autoptr(GPtrArray) active = sp_plan_dup_active_topics (plan, s->input->track);
  GPtrArray *all = sp_plan_get_topics (plan);
  g_autoptr(GPtrArray) core = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) woven = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) weekly = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  s->n_levels = sp_plan_get_n_levels (plan);
  s->work = g_array_sized_new (FALSE, TRUE, sizeof (Work), active->len);
  s->work_of = g_new (guint, all->len);
  for (guint i = 0; i < all->len; i++)
    s->work_of[i] = NONE;
  s->prereqs = g_array_new (FALSE, FALSE, sizeof (guint));
  s->dependents = g_array_new (FALSE, FALSE, sizeof (guint));
  s->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  s->ready = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  s->ready_head = g_new0 (guint, s->n_levels);
  s->weekly_first = g_new0 (guint, s->n_levels);
  s->unfinished = g_new0 (guint, s->n_levels);

  for (guint l = 0; l < s->n_levels; l++)
    {
      g_ptr_array_add (core, g_array_new (FALSE, FALSE, sizeof (guint)));
      g_ptr_array_add (woven, g_array_new (FALSE, FALSE, sizeof (guint)));
      g_ptr_array_add (weekly, g_array_new (FALSE, FALSE, sizeof (guint)));
    }

  for (guint i = 0; i < active->len; i++)
    {
      const SpTopic *topic = g_ptr_array_index (active, i);
      Work w = { 0, };

      w.topic = topic;
      split_parts (topic, sp_scheduler_get_input_topic_minutes (s->input, topic), w.parts);
      w.weekly = topic->category == SP_TOPIC_CATEGORY_MILESTONE && topic->level > 0;
      s->work_of[topic->index] = s->work->len;
      g_array_append_val (s->work, w);
    }

  for (guint i = 0; i < s->work->len; i++)
    {
      Work *w = work_at (s, i);
      GPtrArray *into = w->weekly ? weekly : w->topic->category == SP_TOPIC_CATEGORY_TOPIC ? core : woven;

      w->prereq_first = s->prereqs->len;
      for (guint p = 0; w->topic->prerequisites[p] != NULL; p++)
        {
          const SpTopic *prereq = sp_plan_lookup_topic (s->input->plan, w->topic->prerequisites[p]);
          guint index = prereq ? s->work_of[prereq->index] : NONE;

          if (index != NONE && index != i)
            g_array_append_val (s->prereqs, index);
        }
      w->n_prereqs = s->prereqs->len - w->prereq_first;
      g_array_append_val (g_ptr_array_index (into, w->topic->level), i);
    }

  /* Skills and interview practice are spread through their level, where the
   * path puts them; the weekly milestones come last, for the level's end. */
  for (guint l = 0; l < s->n_levels; l++)
    {
      GArray *c = g_ptr_array_index (core, l);
      GArray *wv = g_ptr_array_index (woven, l);
      GArray *wk = g_ptr_array_index (weekly, l);
      GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), c->len + wv->len + wk->len);
      guint j = 0;

      for (guint i = 0; i <= c->len; i++)
        {
          while (j < wv->len && (guint64) (j + 1) * c->len <= (guint64) i * (wv->len + 1))
            g_array_append_val (order, g_array_index (wv, guint, j++));
          if (i < c->len)
            g_array_append_val (order, g_array_index (c, guint, i));
        }
      while (j < wv->len)
        g_array_append_val (order, g_array_index (wv, guint, j++));
      s->weekly_first[l] = order->len;
      g_array_append_vals (order, wk->data, wk->len);
      for (guint i = 0; i < order->len; i++)
        work_at (s, g_array_index (order, guint, i))->pos = i;
      g_ptr_array_add (s->candidates, order);
      g_ptr_array_add (s->ready, g_array_new (FALSE, FALSE, sizeof (guint)));
    }
}

/* Reverse edges and blocked counts, once the work left on each topic is
 * known; the topics free to start make the first ready sets. */
static void
index_prerequisites (Scheduler *s)
{
  g_autofree guint *count = g_new0 (guint, s->work->len);
  g_autofree guint *fill = NULL;

  for (guint i = 0; i < s->work->len; i++)
    {
      Work *w = work_at (s, i);

      for (guint p = 0; p < w->n_prereqs; p++)
        {
          Work *prereq = work_at (s, g_array_index (s->prereqs, guint, w->prereq_first + p));

          count[g_array_index (s->prereqs, guint, w->prereq_first + p)]++;
          if (prereq->remaining > 0)
            w->blocked++;
        }
    }

  for (guint i = 0, total = 0; i < s->work->len; i++)
    {
      work_at (s, i)->dependent_first = total;
      total += count[i];
    }
  g_array_set_size (s->dependents, s->prereqs->len);
  fill = g_new0 (guint, s->work->len);
  for (guint i = 0; i < s->work->len; i++)
    {
      Work *w = work_at (s, i);

      for (guint p = 0; p < w->n_prereqs; p++)
        {
          guint prereq = g_array_index (s->prereqs, guint, w->prereq_first + p);
          Work *pw = work_at (s, prereq);

          g_array_index (s->dependents, guint, pw->dependent_first + fill[prereq]++) = i;
        }
    }
  for (guint i = 0; i < s->work->len; i++)
    work_at (s, i)->n_dependents = fill[i];

  for (guint l = 0; l < s->n_levels; l++)
    {
      GArray *candidates = g_ptr_array_index (s->candidates, l);
      GArray *ready = g_ptr_array_index (s->ready, l);

      for (guint i = 0; i < candidates->len; i++)
        {
          Work *w = work_at (s, g_array_index (candidates, guint, i));

          if (w->remaining > 0 && w->blocked == 0)
            g_array_append_val (ready, i);
        }
    }
}

/* A sentence a person can act on, for one level. */
static char *
level_advice (SpLevelReport *report,
              const SpLevel *level,
              double         weekly_hours)
{
  const char *title = sp_text_get (level->title);
  g_autofree char *hours = sp_scheduler_format_hours (weekly_hours);
  g_autofree char *months = NULL;
  gulong n_months;

  if (report->start_day == 0)
    {
      if (weekly_hours <= 0)
        /* TRANSLATORS: %s is a level of the path, such as Fundamentals */
        return g_strdup_printf (_("Add study hours to see when %s ends."), title);
      /* TRANSLATORS: %s is a level of the path */
      return g_strdup_printf (_("%s has nothing left to plan."), title);
    }

  months = g_strdup_printf ("%.1f", report->months);
  /* Plural forms follow the number as written: tenths ("0.9 months", "1.0 months") */
  n_months = (gulong) lround (report->months * 10);

  if (!report->fits)
    {
      double needed = ceil (weekly_hours * report->months / report->max_months * 2) / 2;
      g_autofree char *needed_text = sp_scheduler_format_hours (needed);
      g_autofree char *first = NULL;

      /* TRANSLATORS: "At 5 h a week, Fundamentals takes 8.5 months;" */
      first = g_strdup_printf (ngettext ("At %s h a week, %s takes %s month;",
                                         "At %s h a week, %s takes %s months;", n_months),
                               hours, title, months);
      /* TRANSLATORS: the second half: "7.5 h a week would finish it in 6." */
      return g_strdup_printf (ngettext ("%s %s h a week would finish it in %d month.",
                                        "%s %s h a week would finish it in %d months.",
                                        (gulong) report->max_months),
                              first, needed_text, report->max_months);
    }

  if (report->max_months < 0)
    /* TRANSLATORS: "At 10 h a week, Specialization takes 14.2 months; the path expects 12 months or more." */
    return g_strdup_printf (ngettext ("At %s h a week, %s takes %s month; the path expects %u months or more.",
                                      "At %s h a week, %s takes %s months; the path expects %u months or more.",
                                      n_months),
                            hours, title, months, report->min_months);

  if (report->months < report->min_months)
    /* TRANSLATORS: "At 20 h a week, Fundamentals takes 2.1 months, quicker than the 3 to 6 months the path expects: keep time for practice." */
    return g_strdup_printf (ngettext ("At %s h a week, %s takes %s month, quicker than the %u to %d months the path expects: keep time for practice.",
                                      "At %s h a week, %s takes %s months, quicker than the %u to %d months the path expects: keep time for practice.",
                                      n_months),
                            hours, title, months, report->min_months, report->max_months);

  /* TRANSLATORS: "At 10 h a week, Fundamentals takes 4.5 months, within its 3 to 6 months." */
  return g_strdup_printf (ngettext ("At %s h a week, %s takes %s month, within its %u to %d months.",
                                    "At %s h a week, %s takes %s months, within its %u to %d months.",
                                    n_months),
                          hours, title, months, report->min_months, report->max_months);
}

static void
make_reports (Scheduler *s,
              gboolean   no_hours,
              gboolean   too_long)
{
  SpSchedule *schedule = s->schedule;
  double weekly_hours = schedule->weekly_minutes / 60.0;
  g_autofree guint64 *minutes = g_new0 (guint64, s->n_levels);

  g_array_set_size (schedule->levels, s->n_levels);
  for (guint l = 0; l < s->n_levels; l++)
    {
      SpLevelReport *report = &g_array_index (schedule->levels, SpLevelReport, l);
      const SpLevel *level = sp_plan_get_level (s->input->plan, l);

      report->level = l;
      report->min_months = level->min_months;
      report->max_months = level->max_months;
    }

  for (guint i = 0; i < schedule->blocks->len; i++)
    {
      SpBlock *block = &g_array_index (schedule->blocks, SpBlock, i);
      SpLevelReport *report = &g_array_index (schedule->levels, SpLevelReport, block->level);

      if (block->status != SP_BLOCK_STATUS_SKIPPED)
        minutes[block->level] += block->minutes;
      if (block->kind == SP_BLOCK_KIND_REVIEW)
        continue;
      if (report->start_day == 0)
        {
          report->start_day = block->day;
          block->level_start = TRUE;
        }
      report->end_day = block->day;
    }

  for (guint l = 0; l < s->n_levels; l++)
    {
      SpLevelReport *report = &g_array_index (schedule->levels, SpLevelReport, l);
      g_autofree char *advice = NULL;

      report->hours = minutes[l] / 60.0;
      if (report->start_day != 0)
        report->months = (report->end_day - report->start_day + 1) / DAYS_PER_MONTH;
      report->fits = report->start_day != 0 && !too_long &&
                     (report->max_months < 0 || report->months <= report->max_months + 1e-9);
      if (no_hours && report->start_day == 0)
        report->fits = FALSE;
      advice = level_advice (report, sp_plan_get_level (s->input->plan, l), no_hours ? 0 : weekly_hours);
      report->advice = sp_schedule_intern (schedule, advice);
    }

  if (no_hours)
    schedule->summary = g_strdup (_("No study hours are set, so nothing can be planned. "
                                    "Give at least one weekday some hours in Preferences."));
  else if (too_long)
    {
      g_autofree char *hours = sp_scheduler_format_hours (weekly_hours);
      schedule->summary = g_strdup_printf (ngettext ("At %s h a week the path would take more than %d year: "
                                                     "add hours or choose a shorter path.",
                                                     "At %s h a week the path would take more than %d years: "
                                                     "add hours or choose a shorter path.",
                                                     SP_SCHEDULER_MAX_YEARS),
                                           hours, SP_SCHEDULER_MAX_YEARS);
    }
  else if (schedule->end_day == 0)
    schedule->summary = g_strdup (_("Nothing is left to plan."));
  else
    {
      g_autofree char *hours = sp_scheduler_format_hours (weekly_hours);
      g_autofree char *end = sp_day_format_long (schedule->end_day);

      /* TRANSLATORS: "At 10 h a week you finish the path on 3 March 2027." */
      schedule->summary = g_strdup_printf (_("At %s h a week you finish the path on %s."), hours, end);
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
  s.active[0] = s.active[1] = NONE;
  s.review_minutes = sp_scheduler_get_review_minutes (s.avail);
  s.project_weekday = project_weekday (s.avail);

  no_hours = !sp_availability_has_hours (s.avail);
  s.schedule->weekly_minutes = no_hours ? 0 : sp_availability_get_weekly_minutes (s.avail);

  build_work (&s);
  add_records (&s);

  for (guint i = 0; i < s.work->len; i++)
    {
      Work *w = work_at (&s, i);

      tidy_parts (w);
      if (w->remaining > 0)
        {
          s.unfinished[w->topic->level]++;
          s.n_unfinished++;
        }
      else
        queue_reviews (&s, i);
    }
  index_prerequisites (&s);
  advance_level (&s);

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

  attach_notes (&s);
  sp_schedule_finish (s.schedule);
  make_reports (&s, no_hours, too_long);

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

  return s.schedule;
}
