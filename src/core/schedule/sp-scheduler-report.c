/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-calendar-text.h"
#include "sp-schedule-private.h"
#include "sp-scheduler-private.h"

/* What a schedule tells a person: when each level starts and ends, whether
 * it fits the months the path expects, and what to do when it does not. */

/* Hours for people: "7.5", "10". Follows the locale's decimal mark; the
 * same figure as the JSON export's (sp_format_hours). */
char *
sp_scheduler_format_hours (double hours)
{
  return sp_format_hours (hours, SP_HOURS_TEXT);
}

/* The most months a level may take and still fit: its maximum, or twice
 * its minimum when it is open ended (59 months against "12+" is not a
 * fit); -1 for an open-ended level with no minimum */
static int
fit_limit (const SpLevelReport *report)
{
  if (report->max_months >= 0)
    return report->max_months;
  return report->min_months > 0 ? 2 * (int) report->min_months : -1;
}

/* Whether a level can be too long: it has a maximum, or a minimum */
gboolean
_sp_scheduler_level_has_limit (const SpLevelReport *report)
{
  return fit_limit (report) > 0;
}

/* A sentence a person can act on, for one level. @fit_minutes: the weekly
 * minutes that make a level that does not fit fit, 0 when none do,
 * G_MAXUINT when not searched (sp_goals_advise_levels() searches). */
static char *
level_advice (const SpLevelReport *report,
              const SpLevel       *level,
              double               weekly_hours,
              guint                fit_minutes)
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

  if (!report->fits && fit_limit (report) > 0)
    {
      int              limit = fit_limit (report);
      g_autofree char *needed_text = sp_scheduler_format_hours (fit_minutes / 60.0);
      g_autofree char *first = NULL;

      if (report->max_months < 0)
        /* TRANSLATORS: "At 2.5 h a week, Specialization takes 59.0 months, more than twice the 12 months or more the path expects;" */
        first = g_strdup_printf (ngettext ("At %s h a week, %s takes %s month, more than twice the %u months or more the path expects;",
                                           "At %s h a week, %s takes %s months, more than twice the %u months or more the path expects;",
                                           n_months),
                                 hours, title, months, report->min_months);
      else
        /* TRANSLATORS: "At 5 h a week, Fundamentals takes 8.5 months;" */
        first = g_strdup_printf (ngettext ("At %s h a week, %s takes %s month;",
                                           "At %s h a week, %s takes %s months;", n_months),
                                 hours, title, months);
      if (fit_minutes == G_MAXUINT)
        /* TRANSLATORS: the second half, before the weekly hours are searched: "more hours a week would finish it in 6 months." */
        return g_strdup_printf (ngettext ("%s more hours a week would finish it in %d month.",
                                          "%s more hours a week would finish it in %d months.", (gulong) limit),
                                first, limit);
      if (fit_minutes == 0)
        /* TRANSLATORS: the second half: "not even every hour the days hold would finish it in 6 months." */
        return g_strdup_printf (ngettext ("%s not even every hour the days hold would finish it in %d month.",
                                          "%s not even every hour the days hold would finish it in %d months.",
                                          (gulong) limit),
                                first, limit);
      /* TRANSLATORS: the second half: "7.5 h a week would finish it in 6." */
      return g_strdup_printf (ngettext ("%s %s h a week would finish it in %d month.",
                                        "%s %s h a week would finish it in %d months.",
                                        (gulong) limit),
                              first, needed_text, limit);
    }

  if (report->max_months < 0 && report->months < report->min_months)
    /* TRANSLATORS: "At 41 h a week, Specialization takes 4.0 months, quicker than the 12 months or more the path expects: keep time for practice." */
    return g_strdup_printf (ngettext ("At %s h a week, %s takes %s month, quicker than the %u months or more the path expects: keep time for practice.",
                                      "At %s h a week, %s takes %s months, quicker than the %u months or more the path expects: keep time for practice.",
                                      n_months),
                            hours, title, months, report->min_months);

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

void
_sp_scheduler_make_reports (Scheduler *s,
                            gboolean   no_hours,
                            gboolean   too_long,
                            guint32    off_from)
{
  SpSchedule *schedule = s->schedule;
  double weekly_hours = schedule->weekly_minutes / 60.0;
  g_autofree guint64 *minutes = g_new0 (guint64, s->n_levels);

  schedule->whole = !too_long && s->n_unfinished == 0;
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
                     (fit_limit (report) < 0 || report->months <= fit_limit (report) + 1e-9);
      if (no_hours && report->start_day == 0)
        report->fits = FALSE;
      advice = level_advice (report, sp_plan_get_level (s->input->plan, l), no_hours ? 0 : weekly_hours, G_MAXUINT);
      report->advice = sp_schedule_intern (schedule, advice);
    }

  if (no_hours && sp_availability_get_weekly_minutes (s->avail) > 0)
    schedule->summary = g_strdup_printf (_("The hours set are too little to plan a block, so nothing can be planned: "
                                           "a block takes at least %u minutes. "
                                           "Give at least one weekday more in Preferences."),
                                            SP_MIN_BLOCK_MINUTES);
  else if (no_hours)
    schedule->summary = g_strdup (_("No study hours are set, so nothing can be planned. "
                                    "Give at least one weekday some hours in Preferences."));
  else if (too_long && off_from != 0)
    {
      g_autofree char *from = sp_calendar_format_date (off_from);

      /* Not "more than 100 years": no hours would be enough */
      /* TRANSLATORS: "Every day from 5 December 2026 on is a day off, …" */
      schedule->summary = g_strdup_printf (_("Every day from %s on is a day off, so nothing can be planned. "
                                             "Remove days off in Preferences."),
                                              from);
    }
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
      g_autofree char *end = sp_calendar_format_date (schedule->end_day);

      /* TRANSLATORS: "At 10 h a week you finish the path on 3 March 2027." */
      schedule->summary = g_strdup_printf (_("At %s h a week you finish the path on %s."), hours, end);
    }
}

/* The advice of @level that does not fit, with the weekly minutes that make
 * it fit, or 0 when none do */
void
_sp_scheduler_advise_level (SpSchedule *self,
                            guint       level,
                            guint       fit_minutes)
{
  SpLevelReport   *report = &g_array_index (self->levels, SpLevelReport, level);
  g_autofree char *advice = level_advice (report, sp_plan_get_level (self->plan, level), self->weekly_minutes / 60.0,
                                          fit_minutes);

  report->advice = sp_schedule_intern (self, advice);
}
