/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-calendar-text.h"

/* The formats go through g_date_time_format(), which follows the locale:
 * Romanian month and weekday names come from the C library's ro_RO data,
 * and each format string is itself translated, for the word order. The
 * printed schedule set the wording; the screen follows it. */

/**
 * sp_calendar_format:
 * @format: a g_date_time_format() string
 *
 * Returns: (transfer full): @day in @format
 */
char *
sp_calendar_format (guint32     day,
                    const char *format)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  time = sp_day_to_date_time (day);
  return g_date_time_format (time, format);
}

/**
 * sp_calendar_format_date:
 *
 * Returns: (transfer full): a date in a sentence, "3 March 2026"
 */
char *
sp_calendar_format_date (guint32 day)
{
  /* TRANSLATORS: a date in a sentence or on paper, "3 March 2026"; see g_date_time_format() */
  /* xgettext:no-c-format */
  return sp_calendar_format (day, C_("date", "%-d %B %Y"));
}

/**
 * sp_calendar_format_day:
 *
 * Returns: (transfer full): the weekday and date, "Tuesday 3 March"
 */
char *
sp_calendar_format_day (guint32 day)
{
  /* TRANSLATORS: a day in a sentence, "Tuesday 3 March"; see g_date_time_format() */
  /* xgettext:no-c-format */
  return sp_calendar_format (day, C_("date", "%A %-d %B"));
}

/**
 * sp_calendar_format_day_title:
 *
 * Returns: (transfer full): a day as a title, "Tuesday 3 March 2026"
 */
char *
sp_calendar_format_day_title (guint32 day)
{
  /* TRANSLATORS: a day as a title, "Tuesday 3 March 2026"; see g_date_time_format() */
  /* xgettext:no-c-format */
  return sp_calendar_format (day, C_("date", "%A %-d %B %Y"));
}

/**
 * sp_calendar_format_day_short:
 *
 * Returns: (transfer full): the date under a weekday's name, "3 Mar"
 */
char *
sp_calendar_format_day_short (guint32 day)
{
  /* TRANSLATORS: the date under a weekday's name, "3 Mar"; see g_date_time_format() */
  /* xgettext:no-c-format */
  return sp_calendar_format (day, C_("date", "%-d %b"));
}

/**
 * sp_calendar_format_day_brief:
 *
 * Returns: (transfer full): a day in a list, "Mon 3 Mar"
 */
char *
sp_calendar_format_day_brief (guint32 day)
{
  /* TRANSLATORS: a day in a list of blocks, "Mon 3 Mar"; see g_date_time_format() */
  /* xgettext:no-c-format */
  return sp_calendar_format (day, C_("date", "%a %-d %b"));
}

/**
 * sp_calendar_format_weekday:
 *
 * Returns: (transfer full): the name of @day's weekday, "Monday"
 */
char *
sp_calendar_format_weekday (guint32 day)
{
  return sp_calendar_format (day, "%A");
}

/**
 * sp_calendar_format_month:
 *
 * Returns: (transfer full): the month and year of @day as a title, "March 2026"
 */
char *
sp_calendar_format_month (guint32 day)
{
  /* TRANSLATORS: a month on its own, as a title: "March 2026"; see g_date_time_format(),
   * %OB is the month's name standing alone */
  /* xgettext:no-c-format */
  return sp_calendar_format (day, C_("date", "%OB %Y"));
}

/**
 * sp_calendar_format_range:
 *
 * Returns: (transfer full): a range of days as short as it reads well:
 *   "3 – 9 March 2026", "23 February – 1 March 2026",
 *   "29 December 2025 – 4 January 2026"
 */
char *
sp_calendar_format_range (guint32 first,
                          guint32 last)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  GDate a, b;

  g_return_val_if_fail (g_date_valid_julian (first) && g_date_valid_julian (last), NULL);

  sp_day_to_date (first, &a);
  sp_day_to_date (last, &b);
  end = sp_calendar_format_date (last);
  if (g_date_get_year (&a) != g_date_get_year (&b))
    start = sp_calendar_format_date (first);
  else if (g_date_get_month (&a) != g_date_get_month (&b))
    /* TRANSLATORS: the first day of a range in the same year as the last, "23 February"; see g_date_time_format() */
    /* xgettext:no-c-format */
    start = sp_calendar_format (first, C_("date", "%-d %B"));
  else
    /* TRANSLATORS: the first day of a range in the same month as the last, "3"; see g_date_time_format() */
    /* xgettext:no-c-format */
    start = sp_calendar_format (first, C_("date", "%-d"));
  /* TRANSLATORS: a range of days: "3 – 9 March 2026", "28 April – 4 May 2026" */
  return g_strdup_printf (_("%s – %s"), start, end);
}

/**
 * sp_calendar_format_times:
 * @start: minutes after midnight
 * @end: minutes after midnight, up to 1440 for midnight at the end of the day
 *
 * Returns: (transfer full): when something runs, "19:00–19:50"
 */
char *
sp_calendar_format_times (guint start,
                          guint end)
{
  g_autofree char *a = sp_format_time (start);
  g_autofree char *b = end >= 24 * 60 ? g_strdup ("24:00") : sp_format_time (end);

  /* TRANSLATORS: a range of times, "19:00–19:50" */
  return g_strdup_printf (_("%s–%s"), a, b);
}

/**
 * sp_calendar_format_duration:
 *
 * Returns: (transfer full): a length of time, "50 min", "2 h", "2 h 30 min"
 */
char *
sp_calendar_format_duration (guint minutes)
{
  if (minutes < 60)
    /* TRANSLATORS: a short length of time, "50 min" */
    return g_strdup_printf (_("%u min"), minutes);
  if (minutes % 60 == 0)
    /* TRANSLATORS: a short length of time, "2 h" */
    return g_strdup_printf (_("%u h"), minutes / 60);
  /* TRANSLATORS: a short length of time, "2 h 30 min" */
  return g_strdup_printf (_("%u h %u min"), minutes / 60, minutes % 60);
}

/**
 * sp_format_hours:
 * @style: for people or for the JSON export
 *
 * The one way a number of hours is written, so that the same hours read
 * the same in the summary, the reports, Preferences and the JSON export:
 * rounded to tenths, halves up (0.25 h is 0.3 everywhere; printf alone
 * gave 0.2 on screen where the JSON said 0.3).
 *
 * Returns: (transfer full): "7.5" or "10" for people, "7.5" or "10.0" for
 *   scripts
 */
char *
sp_format_hours (double       hours,
                 SpHoursStyle style)
{
  char   buf[G_ASCII_DTOSTR_BUF_SIZE];
  double tenths = round (hours * 10) / 10;

  if (style == SP_HOURS_JSON)
    return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", tenths));
  if (fabs (tenths - round (tenths)) < 0.05)
    return g_strdup_printf ("%.0f", round (tenths));
  return g_strdup_printf ("%.1f", tenths);
}
