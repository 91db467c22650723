/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sp-scheduler-private.h"

/* The work to plan: each active topic's minutes split by kind, in the order
 * its level takes them, with its prerequisites indexed both ways. */

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
void
_sp_scheduler_consume (Work        *w,
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
void
_sp_scheduler_tidy_parts (Work *w)
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

void
_sp_scheduler_build_work (Scheduler *s)
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
void
_sp_scheduler_index_prerequisites (Scheduler *s)
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
