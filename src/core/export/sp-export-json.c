/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-calendar-text.h"
#include "sp-export.h"
#include "sp-state.h"

/* The schedule as JSON for scripts (study-planner --export-json). The field
 * names and formats are a contract: dates YYYY-MM-DD, times HH:MM, levels
 * numbered from 1, kinds and statuses as lower-case English words, months
 * and hours with one decimal. Written by hand rather than with JsonGenerator,
 * which prints 0.9 as 0.90000000000000002. */

typedef struct
{
  GString *out;
  guint    depth;
  gboolean first;  /* no member written yet at this depth */
} Writer;

static void
write_escaped (GString    *out,
               const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
indent (Writer *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

/* Starts a member (or an array element when @name is NULL) */
static void
member (Writer     *w,
        const char *name)
{
  if (!w->first)
    g_string_append_c (w->out, ',');
  indent (w);
  if (name != NULL)
    {
      write_escaped (w->out, name);
      g_string_append (w->out, ": ");
    }
  w->first = FALSE;
}

/* Opens an object or an array: the document itself (with no name), or a
 * member */
static void
begin (Writer     *w,
       const char *name,
       char        bracket)
{
  if (w->depth > 0)
    member (w, name);
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
end (Writer *w,
     char    bracket)
{
  gboolean empty = w->first;

  w->depth--;
  if (!empty)
    indent (w);
  g_string_append_c (w->out, bracket);
  w->first = FALSE;
}

static void
add_string (Writer     *w,
            const char *name,
            const char *value)
{
  member (w, name);
  if (value != NULL)
    write_escaped (w->out, value);
  else
    g_string_append (w->out, "null");
}

static void
add_date (Writer     *w,
          const char *name,
          guint32     day)
{
  g_autofree char *text = day != 0 ? sp_format_date (day) : NULL;

  add_string (w, name, text);
}

static void
add_int (Writer     *w,
         const char *name,
         gint64      value)
{
  member (w, name);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

static void
add_bool (Writer     *w,
          const char *name,
          gboolean    value)
{
  member (w, name);
  g_string_append (w->out, value ? "true" : "false");
}

/* One decimal, a dot whatever the locale */
static void
add_rounded (Writer     *w,
             const char *name,
             double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  member (w, name);
  g_string_append (w->out, g_ascii_formatd (buf, sizeof buf, "%.1f", round (value * 10) / 10));
}

/* Hours as everywhere else (sp_format_hours), one decimal */
static void
add_hours (Writer     *w,
           const char *name,
           double      hours)
{
  g_autofree char *text = sp_format_hours (hours, SP_HOURS_JSON);

  member (w, name);
  g_string_append (w->out, text);
}

static const SpGoalResult *
find_goal (GPtrArray  *goals,
           const char *target)
{
  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      const SpGoalResult *goal = g_ptr_array_index (goals, i);

      if (g_str_equal (goal->target, target))
        return goal;
    }
  return NULL;
}

/* "goal" and "hours_per_week_needed": null without a goal, and the hours
 * null for a goal no hours can meet */
static void
add_goal (Writer             *w,
          const SpGoalResult *goal)
{
  add_date (w, "goal", goal ? goal->day : 0);
  if (goal != NULL && sp_goal_result_has_hours (goal))
    add_hours (w, "hours_per_week_needed", goal->weekly_minutes / 60.0);
  else
    add_string (w, "hours_per_week_needed", NULL);
}

static void
add_level (Writer              *w,
           SpPlan              *plan,
           const SpLevelReport *report,
           GPtrArray           *goals)
{
  const SpLevel *level = sp_plan_get_level (plan, report->level);

  begin (w, NULL, '{');
  add_int (w, "level", level->number);
  add_string (w, "id", level->id);
  add_string (w, "title", sp_text_get (level->title));
  add_date (w, "start", report->start_day);
  add_date (w, "end", report->end_day);
  add_rounded (w, "months", report->months);
  add_int (w, "min_months", report->min_months);
  if (report->max_months >= 0)
    add_int (w, "max_months", report->max_months);
  else
    add_string (w, "max_months", NULL);
  add_hours (w, "hours", report->hours);
  add_bool (w, "fits", report->fits);
  add_string (w, "advice", report->advice);
  add_goal (w, find_goal (goals, level->id));
  end (w, '}');
}

static void
add_block (Writer        *w,
           SpSchedule    *schedule,
           const SpBlock *block)
{
  guint                  n_focus;
  const SpFocusInterval *focus = sp_schedule_get_focus (schedule, block, &n_focus);
  g_autofree char *start = sp_format_time (block->start);
  guint done = block->status == SP_BLOCK_STATUS_DONE ? block->minutes
             : block->status == SP_BLOCK_STATUS_PARTIAL ? block->done_minutes : 0;

  begin (w, NULL, '{');
  add_string (w, "id", block->id);
  add_date (w, "date", block->day);
  add_string (w, "start", start);
  add_int (w, "minutes", block->minutes);
  add_string (w, "topic", block->topic->id);
  add_string (w, "title", sp_topic_get_title (block->topic));
  add_int (w, "level", block->level + 1);
  add_string (w, "kind", sp_block_kind_to_string (block->kind));
  add_string (w, "status", sp_block_status_to_string (block->status));
  add_int (w, "done_minutes", done);
  add_bool (w, "pinned", block->pinned);
  add_bool (w, "moved", block->moved);
  add_string (w, "note", block->note);
  /* Only on a rated review, so exports without ratings stay as they were */
  if (block->rating != SP_RATING_NONE)
    add_string (w, "rating", sp_rating_to_string (block->rating));
  begin (w, "focus", '[');
  for (guint i = 0; i < n_focus; i++)
    {
      g_autofree char *focus_start = sp_focus_interval_format_start (&focus[i]);

      begin (w, NULL, '{');
      add_string (w, "start", focus_start);
      add_int (w, "minutes", focus[i].minutes);
      end (w, '}');
    }
  end (w, ']');
  end (w, '}');
}

/**
 * sp_export_json:
 * @options: its availability (nullable) adds the start date when given
 *
 * Returns: (transfer full): the schedule as indented JSON, with a final
 *   newline; it cannot fail, but takes @error as the other formats do
 */
GBytes *
sp_export_json (SpSchedule            *schedule,
                const SpExportOptions *options,
                GError               **error)
{
  const SpAvailability *availability;
  g_autofree char      *zone = sp_export_zone_name (options->timezone);
  SpPlan *plan;
  Writer                w;

  g_return_val_if_fail (SP_IS_SCHEDULE (schedule), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w = (Writer){ g_string_sized_new (256 + 320 * sp_schedule_get_n_blocks (schedule)), 0, TRUE };
  plan = sp_schedule_get_plan (schedule);
  availability = options->availability;

  begin (&w, NULL, '{');
  add_int (&w, "version", SP_EXPORT_JSON_VERSION);
  add_string (&w, "plan", sp_plan_get_id (plan));
  /* The zone of every local date and time below */
  add_string (&w, "timezone", zone);
  add_string (&w, "track", sp_schedule_get_track (schedule));
  add_date (&w, "today", sp_schedule_get_today (schedule));
  if (availability != NULL)
    add_date (&w, "start", MAX (availability->start_day, sp_schedule_get_today (schedule)));
  add_hours (&w, "weekly_hours", sp_schedule_get_weekly_minutes (schedule) / 60.0);
  add_date (&w, "end", sp_schedule_get_end_day (schedule));
  add_string (&w, "summary", sp_schedule_get_summary (schedule));
  add_goal (&w, find_goal (options->goals, SP_GOAL_PATH));

  begin (&w, "levels", '[');
  for (guint l = 0; l < sp_schedule_get_n_levels (schedule); l++)
    add_level (&w, plan, sp_schedule_get_level_report (schedule, l), options->goals);
  end (&w, ']');

  begin (&w, "blocks", '[');
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    add_block (&w, schedule, sp_schedule_get_block (schedule, i));
  end (&w, ']');
  end (&w, '}');
  g_string_append_c (w.out, '\n');
  return g_string_free_to_bytes (w.out);
}
