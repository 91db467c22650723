/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-calendar-text.h"
#include "sp-goals.h"
#include "sp-schedule-private.h"

/* Goal dates: the weekly hours that finish a level, or the whole path, by
 * a day, and on which days they could go.
 *
 * The hours are found by a binary search over the real scheduler, not by
 * dividing the hours left by the weeks left: what a week gives depends on
 * the plan's rules (blocks and breaks cut each day, a remainder under 15
 * minutes is lost, reviews come first, one project block a week, levels
 * follow each other, days off and clock changes), so only the scheduler
 * knows when a target ends. A closed form would be wrong as soon as one
 * of those rules bites; the search runs the scheduler about a dozen times.
 *
 * It searches one line of weeks, each giving every day at least what the
 * one before gave, so that more is never worse in the scheduler's eyes:
 * - below the user's week, every day capped at a level (fewer hours);
 * - above it, the days the user studies raised toward a common level
 *   (the shortest days first: a little every day), each within what the
 *   day holds after its start time;
 * - and only when those days are full, the days without study the same way.
 * The scheduler is monotone along this line but for small steps (a day of
 * 65 minutes gives one 50-minute block, as 60 does), so the search keeps a
 * week it has seen meet the goal: what it returns always meets it, at
 * worst a step above the least. */

#define STEP    SP_MINUTES_STEP
#define N_STEPS SP_GOAL_N_STEPS
#define CURRENT SP_GOAL_CURRENT_STEP

/**
 * sp_goal_week_at:
 * @base: the user's hours
 * @step: a step of the line of weeks the goals are searched on: 0 is no
 *   hours, %SP_GOAL_CURRENT_STEP the user's own week, %SP_GOAL_N_STEPS
 *   every hour the days hold
 * @minutes: (out): the usable minutes of each weekday at @step
 */
void
sp_goal_week_at (const SpAvailability *base,
                 guint                 step,
                 guint16               minutes[SP_N_WEEKDAYS])
{
  guint t = step * STEP;

  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    {
      guint    used = sp_availability_get_usable_minutes (base, d);
      guint    room = sp_availability_get_room (base, d);
      gboolean studies = used >= SP_MIN_BLOCK_MINUTES;
      guint    m;

      if (t <= SP_MINUTES_PER_DAY)
        m = MIN (used, t);
      else if (t <= 2 * SP_MINUTES_PER_DAY)
        m = studies ? MAX (used, MIN (room, t - SP_MINUTES_PER_DAY)) : used;
      else
        m = studies ? MAX (used, room) : MAX (used, MIN (room, t - 2 * SP_MINUTES_PER_DAY));
      minutes[d] = (guint16) m;
    }
}

static guint
week_total (const guint16 minutes[SP_N_WEEKDAYS])
{
  guint total = 0;

  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    total += minutes[d];
  return total;
}

/* When @level (or the whole path, for -1) ends in @schedule; 0 when its
 * work is not all planned */
static guint32
target_end (SpSchedule *schedule,
            int         level)
{
  if (!sp_schedule_is_whole (schedule))
    return 0;
  if (level < 0)
    return sp_schedule_get_end_day (schedule);
  return sp_schedule_get_level_report (schedule, (guint) level)->end_day;
}

typedef struct
{
  const SpSchedulerInput *input;
  SpAvailability         *week;
  int                     level;
  guint32                 day; /* 0: the level is to fit its time frame */
} Search;

/* The scheduler on the week at @step */
static SpSchedule *
run_at (Search *search,
        guint   step)
{
  SpSchedulerInput input = *search->input;

  sp_goal_week_at (search->input->availability, step, search->week->minutes);
  input.availability = search->week;
  return sp_scheduler_run (&input);
}

/* When the target ends at @step */
static guint32
end_at (Search *search,
        guint   step)
{
  g_autoptr(SpSchedule) schedule = run_at (search, step);

  return target_end (schedule, search->level);
}

static gboolean
meets (Search *search,
       guint   step)
{
  g_autoptr(SpSchedule) schedule = NULL;
  guint32 end;

  if (search->day == 0)
    {
      schedule = run_at (search, step);
      return sp_schedule_get_level_report (schedule, (guint) search->level)->fits;
    }
  end = end_at (search, step);
  return end != 0 && end <= search->day;
}

/* A step in (@lo, @hi] that meets the search's target, one step less
 * not: @hi meets it and @lo does not */
static guint
least_step (Search *search,
            guint   lo,
            guint   hi)
{
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (meets (search, mid))
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

/**
 * sp_goal_solve:
 * @input: what the schedule is made from
 * @target: a level id of the plan, or %SP_GOAL_PATH
 * @day: the goal, a Julian day
 *
 * Returns: (transfer full): whether the goal is met, and the fewest hours
 *   a week that meet it
 */
SpGoalResult *
sp_goal_solve (const SpSchedulerInput *input,
               const char             *target,
               guint32                 day)
{
  g_autoptr(SpGoalResult) result = g_new0 (SpGoalResult, 1);
  Search search = { input, NULL, -1, day };
  guint  lo, hi;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (sp_goal_target_is_valid (input->plan, target), NULL);

  if (g_strcmp0 (target, SP_GOAL_PATH) != 0)
    search.level = (int) sp_plan_lookup_level (input->plan, target)->number - 1;
  search.week = sp_availability_copy (input->availability);
  result->target = g_strdup (target);
  result->day = day;
  result->from_day = MAX (input->today, input->availability->start_day);
  sp_goal_week_at (input->availability, CURRENT, result->current);

  result->end_day = end_at (&search, CURRENT);
  if (result->end_day != 0 && result->end_day < result->from_day)
    {
      result->status = SP_GOAL_FINISHED;
      goto out;
    }
  if (result->end_day != 0 && result->end_day <= day)
    {
      /* Met: the fewest hours below the user's week */
      result->status = SP_GOAL_MET;
      lo = 0;
      hi = CURRENT;
    }
  else if (day < result->from_day)
    {
      result->status = SP_GOAL_BEFORE_START;
      goto out;
    }
  else
    {
      result->reach_day = end_at (&search, N_STEPS);
      if (result->reach_day == 0 || result->reach_day > day)
        {
          result->step = N_STEPS;
          sp_goal_week_at (input->availability, N_STEPS, result->minutes);
          result->weekly_minutes = week_total (result->minutes);
          result->status = SP_GOAL_OUT_OF_REACH;
          goto out;
        }
      result->status = SP_GOAL_NEEDS_HOURS;
      lo = CURRENT;
      hi = N_STEPS;
    }

  /* meets (hi) holds, meets (lo) does not (no hours at step 0) */
  hi = least_step (&search, lo, hi);
  result->step = hi;
  sp_goal_week_at (input->availability, hi, result->minutes);
  result->weekly_minutes = week_total (result->minutes);

out:
  if (result->status == SP_GOAL_FINISHED)
    {
      memset (result->minutes, 0, sizeof result->minutes);
      result->weekly_minutes = 0;
    }
  sp_availability_free (search.week);
  return g_steal_pointer (&result);
}

/**
 * sp_goal_solve_fit:
 * @input: what the schedule is made from
 * @level: a level of the plan, by index
 *
 * The level's advice: the fewest hours a week, on the same line of weeks
 * as a goal date's, with which the level fits its time frame (no longer
 * than its maximum, or than twice its minimum when it is open ended).
 *
 * Returns: (transfer full): %SP_GOAL_MET when it fits at the user's hours,
 *   %SP_GOAL_NEEDS_HOURS with the week that makes it fit (one step less on
 *   the line does not), or %SP_GOAL_OUT_OF_REACH when no hours do
 */
SpGoalResult *
sp_goal_solve_fit (const SpSchedulerInput *input,
                   guint                   level)
{
  g_autoptr(SpGoalResult) result = g_new0 (SpGoalResult, 1);
  Search search = { input, NULL, (int) level, 0 };

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (level < sp_plan_get_n_levels (input->plan), NULL);

  search.week = sp_availability_copy (input->availability);
  result->target = g_strdup (sp_plan_get_level (input->plan, level)->id);
  result->from_day = MAX (input->today, input->availability->start_day);
  sp_goal_week_at (input->availability, CURRENT, result->current);

  if (meets (&search, CURRENT))
    {
      result->status = SP_GOAL_MET;
      result->step = CURRENT;
    }
  else if (!meets (&search, N_STEPS))
    {
      result->status = SP_GOAL_OUT_OF_REACH;
      result->step = N_STEPS;
    }
  else
    {
      result->status = SP_GOAL_NEEDS_HOURS;
      result->step = least_step (&search, CURRENT, N_STEPS);
    }
  sp_goal_week_at (input->availability, result->step, result->minutes);
  result->weekly_minutes = week_total (result->minutes);
  sp_availability_free (search.week);
  return g_steal_pointer (&result);
}

/**
 * sp_goals_advise_levels:
 * @input: what @schedule was made from
 * @schedule: the schedule made from @input
 *
 * Gives each level of @schedule that does not fit its time frame the real
 * figure in its advice: the weekly hours with which the scheduler makes it
 * fit (sp_goal_solve_fit()), or that no hours do. A dozen runs of the
 * scheduler a level that does not fit, so only where the advice is shown;
 * a second call costs nothing.
 */
void
sp_goals_advise_levels (const SpSchedulerInput *input,
                        SpSchedule             *schedule)
{
  g_return_if_fail (input != NULL);
  g_return_if_fail (SP_IS_SCHEDULE (schedule));

  if (schedule->advised)
    return;
  schedule->advised = TRUE;
  for (guint l = 0; l < sp_schedule_get_n_levels (schedule); l++)
    {
      const SpLevelReport *report = sp_schedule_get_level_report (schedule, l);
      g_autoptr(SpGoalResult) fit = NULL;

      if (report->fits || report->start_day == 0 || !_sp_scheduler_level_has_limit (report))
        continue;
      fit = sp_goal_solve_fit (input, l);
      if (fit->status == SP_GOAL_NEEDS_HOURS)
        _sp_scheduler_advise_level (schedule, l, fit->weekly_minutes);
      else if (fit->status == SP_GOAL_OUT_OF_REACH)
        _sp_scheduler_advise_level (schedule, l, 0);
    }
}

void
sp_goal_result_free (SpGoalResult *result)
{
  if (result == NULL)
    return;
  g_free (result->target);
  g_free (result);
}

/**
 * sp_goal_result_has_hours:
 *
 * Returns: whether some hours a week meet the goal (weekly_minutes)
 */
gboolean
sp_goal_result_has_hours (const SpGoalResult *result)
{
  return result->status == SP_GOAL_FINISHED || result->status == SP_GOAL_MET ||
         result->status == SP_GOAL_NEEDS_HOURS;
}

/**
 * sp_goal_result_apply:
 * @availability: the user's availability the goal was solved for
 *
 * Returns: (transfer full): @availability with the week that meets the
 *   goal, for the user to take; start times, days off and the rest kept
 */
SpAvailability *
sp_goal_result_apply (const SpGoalResult   *result,
                      const SpAvailability *availability)
{
  SpAvailability *week = sp_availability_copy (availability);

  g_return_val_if_fail (result->status == SP_GOAL_NEEDS_HOURS, week);

  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    if (result->minutes[d] != result->current[d])
      sp_availability_set_day (week, d, result->minutes[d], week->start[d]);
  return week;
}

/**
 * sp_goal_target_is_valid:
 *
 * Returns: whether @target is %SP_GOAL_PATH or a level id of @plan
 */
gboolean
sp_goal_target_is_valid (SpPlan     *plan,
                         const char *target)
{
  return target != NULL && (g_str_equal (target, SP_GOAL_PATH) || sp_plan_lookup_level (plan, target) != NULL);
}

/**
 * sp_goal_target_get_title:
 *
 * Returns: (transfer full): what @target is called in a sentence: a
 *   level's title, or "the whole path"
 */
char *
sp_goal_target_get_title (SpPlan     *plan,
                          const char *target)
{
  const SpLevel *level = sp_plan_lookup_level (plan, target);

  if (level == NULL)
    /* TRANSLATORS: the target of a goal date, in a sentence: "Goal for the whole path, …" */
    return g_strdup (_("the whole path"));
  return g_strdup (sp_text_get (level->title));
}

/* "Monday", "Monday and Friday", "Monday, Tuesday and Friday" */
static char *
join_weekdays (const guint *days,
               guint        n)
{
  g_autoptr(GString) head = g_string_new (NULL);

  if (n == 1)
    return g_strdup (sp_weekday_get_name (days[0]));
  for (guint i = 0; i + 1 < n; i++)
    {
      if (i > 0)
        /* TRANSLATORS: between the names of a list but the last two, "Monday, Tuesday and Friday" */
        g_string_append (head, _(", "));
      g_string_append (head, sp_weekday_get_name (days[i]));
    }
  /* TRANSLATORS: the last two of a list, "Monday, Tuesday and Friday" */
  return g_strdup_printf (_("%s and %s"), head->str, sp_weekday_get_name (days[n - 1]));
}

/**
 * sp_goal_result_describe_hours:
 *
 * Returns: (transfer full) (nullable): where the hours that meet the goal
 *   go, "1.5 h more on Tuesday and Thursday"; %NULL unless more are needed
 */
char *
sp_goal_result_describe_hours (const SpGoalResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean done[SP_N_WEEKDAYS] = {
    FALSE,
  };

  if (result->status != SP_GOAL_NEEDS_HOURS)
    return NULL;

  /* The days given the same more, together, in the order of the week */
  for (guint d = 0; d < SP_N_WEEKDAYS; d++)
    {
      guint            extra = result->minutes[d] > result->current[d] ? result->minutes[d] - result->current[d] : 0;
      guint            days[SP_N_WEEKDAYS];
      guint            n = 0;
      g_autofree char *hours = NULL;
      g_autofree char *names = NULL;

      if (done[d] || extra == 0)
        continue;
      for (guint e = d; e < SP_N_WEEKDAYS; e++)
        if (!done[e] && result->minutes[e] > result->current[e] &&
            (guint) (result->minutes[e] - result->current[e]) == extra)
          {
            done[e] = TRUE;
            days[n++] = e;
          }
      hours = sp_format_hours (extra / 60.0, SP_HOURS_TEXT);
      names = join_weekdays (days, n);
      if (text->len > 0)
        g_string_append (text, _(", "));
      /* TRANSLATORS: more study on some days, "1.5 h more on Tuesday and Thursday" */
      g_string_append_printf (text, _("%s h more on %s"), hours, names);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * sp_goal_result_describe:
 *
 * Returns: (transfer full): what the goal asks, in a sentence or two a
 *   person can act on
 */
char *
sp_goal_result_describe (const SpGoalResult *result,
                         SpPlan             *plan)
{
  g_autofree char *title = sp_goal_target_get_title (plan, result->target);
  g_autofree char *goal = sp_calendar_format_date (result->day);
  g_autofree char *now = sp_format_hours (week_total (result->current) / 60.0, SP_HOURS_TEXT);
  g_autofree char *needed = sp_format_hours (result->weekly_minutes / 60.0, SP_HOURS_TEXT);
  g_autofree char *end = result->end_day ? sp_calendar_format_date (result->end_day) : NULL;

  switch (result->status)
    {
    case SP_GOAL_FINISHED:
      /* TRANSLATORS: "Goal for Fundamentals, 1 March 2027: met, it is finished already." */
      return g_strdup_printf (_("Goal for %s, %s: met, it is finished already."), title, goal);

    case SP_GOAL_MET:
      if (result->weekly_minutes < week_total (result->current))
        /* TRANSLATORS: "Goal for Fundamentals, 1 March 2027: met at 10 h a week, ending on 3 February 2027; 7.5 h a week would be enough." */
        return g_strdup_printf (_("Goal for %s, %s: met at %s h a week, ending on %s; %s h a week would be enough."),
                                   title, goal, now, end, needed);
      /* TRANSLATORS: "Goal for Fundamentals, 1 March 2027: met at 10 h a week, ending on 28 February 2027." */
      return g_strdup_printf (_("Goal for %s, %s: met at %s h a week, ending on %s."), title, goal, now, end);

    case SP_GOAL_NEEDS_HOURS:
      {
        g_autofree char *where = sp_goal_result_describe_hours (result);
        g_autofree char *first = NULL;

        if (end != NULL)
          /* TRANSLATORS: "Goal for Fundamentals, 1 March 2027: at 10 h a week it ends on 3 May 2027." */
          first = g_strdup_printf (_("Goal for %s, %s: at %s h a week it ends on %s."), title, goal, now, end);
        else
          /* TRANSLATORS: "Goal for Fundamentals, 1 March 2027: not met at 0 h a week." */
          first = g_strdup_printf (_("Goal for %s, %s: not met at %s h a week."), title, goal, now);
        /* TRANSLATORS: the first sentence, then "17.5 h a week: 1.5 h more on Tuesday and Thursday would do it." */
        return g_strdup_printf (_("%s %s h a week: %s would do it."), first, needed, where);
      }

    case SP_GOAL_BEFORE_START:
      {
        g_autofree char *from = sp_calendar_format_date (result->from_day);

        /* TRANSLATORS: "Goal for Fundamentals, 1 March 2025: no hours can meet it, as it comes before study can start on 5 January 2026." */
        return g_strdup_printf (_("Goal for %s, %s: no hours can meet it, as it comes before study can start on %s."),
                                   title, goal, from);
      }

    case SP_GOAL_OUT_OF_REACH:
    default:
      if (result->reach_day != 0)
        {
          g_autofree char *reach = sp_calendar_format_date (result->reach_day);

          /* TRANSLATORS: "Goal for Fundamentals, 1 March 2026: no hours can meet it: even every hour the days hold, 98 h a week, would end it on 3 April 2026." */
          return g_strdup_printf (_("Goal for %s, %s: no hours can meet it: even every hour the days hold, %s h a week, would end it on %s."),
                                     title, goal, needed, reach);
        }
      /* TRANSLATORS: "Goal for Fundamentals, 1 March 2026: no hours can meet it, not even every hour the days hold." */
      return g_strdup_printf (_("Goal for %s, %s: no hours can meet it, not even every hour the days hold."), title,
                                 goal);
    }
}

/**
 * sp_goals_describe_fit:
 * @goals: (element-type SpGoalResult) (nullable): the goals set
 * @fits: (out): whether every level fits its time frame and every goal is met
 *
 * Returns: (transfer full): one line that says at once whether the plan
 *   fits, for the top of the Path view; the details are the reports'
 */
char *
sp_goals_describe_fit (SpSchedule *schedule,
                       GPtrArray  *goals,
                       gboolean   *fits)
{
  guint n_levels = sp_schedule_get_n_levels (schedule);
  guint late = 0, missed = 0;
  g_autoptr(GString) what = g_string_new (NULL);

  *fits = FALSE;
  if (!sp_schedule_has_hours (schedule))
    return g_strdup (_("The plan does not fit: no study hours are set."));
  if (!sp_schedule_is_whole (schedule))
    return g_strdup_printf (ngettext ("The plan does not fit: at these hours the path would take more than %d year.",
                                      "The plan does not fit: at these hours the path would take more than %d years.",
                                      SP_SCHEDULER_MAX_YEARS),
                            SP_SCHEDULER_MAX_YEARS);

  for (guint l = 0; l < n_levels; l++)
    if (!sp_schedule_get_level_report (schedule, l)->fits)
      late++;
  for (guint i = 0; goals != NULL && i < goals->len; i++)
    {
      const SpGoalResult *goal = g_ptr_array_index (goals, i);

      if (goal->status != SP_GOAL_MET && goal->status != SP_GOAL_FINISHED)
        missed++;
    }

  if (late == 0 && missed == 0)
    {
      *fits = TRUE;
      if (goals != NULL && goals->len > 0)
        return g_strdup (_("The plan fits: every level within its time frame, every goal met."));
      return g_strdup (_("The plan fits: every level within its time frame."));
    }
  if (late > 0)
    /* TRANSLATORS: part of "The plan does not fit: 2 of 3 levels take longer than their time frames." */
    g_string_append_printf (what, ngettext ("%u of %u levels takes longer than its time frame", "%u of %u levels take longer than their time frames", late),
                            late, n_levels);
  if (late > 0 && missed > 0)
    /* TRANSLATORS: between the two parts of "The plan does not fit: …; 1 goal is not met at these hours." */
    g_string_append (what, _("; "));
  if (missed > 0)
    /* TRANSLATORS: part of "The plan does not fit: 1 goal is not met at these hours." */
    g_string_append_printf (what, ngettext ("%u goal is not met at these hours", "%u goals are not met at these hours", missed),
                            missed);
  /* TRANSLATORS: "The plan does not fit: 2 of 3 levels take longer than their time frames." */
  return g_strdup_printf (_("The plan does not fit: %s."), what->str);
}
