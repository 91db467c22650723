/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-dates.h"

/* The calendar arithmetic of the whole program, on Julian days: the
 * screen, the paper, the exports and the scheduler count days here. */

/**
 * sp_day_from_dmy:
 * @month: 1 for January to 12
 *
 * Returns: the Julian day of a valid date, 0 for an invalid one
 */
guint32
sp_day_from_dmy (guint year,
                 guint month,
                 guint day_of_month)
{
  GDate date;

  if (year == 0 || year > G_MAXUINT16 ||
      !g_date_valid_dmy ((GDateDay) day_of_month, (GDateMonth) month, (GDateYear) year))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day_of_month, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/**
 * sp_day_is_supported:
 *
 * Returns: whether @day is from %SP_DAY_FIRST_YEAR to %SP_DAY_LAST_YEAR
 */
gboolean
sp_day_is_supported (guint32 day)
{
  return day >= sp_day_from_dmy (SP_DAY_FIRST_YEAR, 1, 1) && day <= sp_day_from_dmy (SP_DAY_LAST_YEAR, 12, 31);
}

/**
 * sp_day_from_date_time:
 *
 * Returns: the Julian day of the date @time shows in its own time zone
 */
guint32
sp_day_from_date_time (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, 0);

  return sp_day_from_dmy ((guint) g_date_time_get_year (time), (guint) g_date_time_get_month (time),
                          (guint) g_date_time_get_day_of_month (time));
}

void
sp_day_to_date (guint32  day,
                GDate   *date)
{
  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  if (g_date_valid_julian (day))
    g_date_set_julian (date, day);
}

/**
 * sp_day_to_date_time:
 *
 * Noon in UTC: the date reads the same in every time zone, and formats
 * with g_date_time_format() in the user's language.
 *
 * Returns: (transfer full): @day at noon UTC
 */
GDateTime *
sp_day_to_date_time (guint32 day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);

  sp_day_to_date (day, &date);
  return g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
}

/**
 * sp_day_today:
 * @tz: (nullable): the time zone, local when %NULL
 *
 * Returns: today's Julian day
 */
guint32
sp_day_today (GTimeZone *tz)
{
  g_autoptr(GTimeZone) local = tz ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (local);

  return sp_day_from_date_time (now);
}

/**
 * sp_day_get_weekday:
 *
 * Returns: 0 for Monday to 6 for Sunday; Julian day 1 (1 January of year 1) is a Monday
 */
guint
sp_day_get_weekday (guint32 day)
{
  return (day - 1) % 7;
}

/**
 * sp_day_get_iso_week:
 *
 * Returns: the ISO 8601 week number of @day, 1 to 53
 */
guint
sp_day_get_iso_week (guint32 day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), 0);

  sp_day_to_date (day, &date);
  return g_date_get_iso8601_week_of_year (&date);
}

/**
 * sp_day_get_week_start:
 * @first_weekday: the weekday weeks start on, 0 for Monday to 6 for Sunday
 *
 * Returns: the first day of the week holding @day
 */
guint32
sp_day_get_week_start (guint32 day,
                       guint   first_weekday)
{
  guint back;

  g_return_val_if_fail (first_weekday < SP_N_WEEKDAYS, day);

  back = (sp_day_get_weekday (day) + SP_N_WEEKDAYS - first_weekday) % SP_N_WEEKDAYS;
  return day > back ? day - back : 1;
}

/**
 * sp_day_get_month_range:
 * @first: (out) (optional): the first day of @day's month
 * @last: (out) (optional): its last day
 */
void
sp_day_get_month_range (guint32  day,
                        guint32 *first,
                        guint32 *last)
{
  GDate date;
  guint8 n_days;

  g_return_if_fail (g_date_valid_julian (day));

  sp_day_to_date (day, &date);
  n_days = g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date));
  if (first != NULL)
    *first = day - (g_date_get_day (&date) - 1u);
  if (last != NULL)
    *last = day + (n_days - g_date_get_day (&date));
}

/**
 * sp_format_date:
 *
 * Returns: (transfer full): @day as YYYY-MM-DD
 */
char *
sp_format_date (guint32 day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);

  sp_day_to_date (day, &date);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                          g_date_get_month (&date), g_date_get_day (&date));
}

/**
 * sp_format_time:
 *
 * Returns: (transfer full): a time of day as HH:MM, "19:00"
 */
char *
sp_format_time (guint minute)
{
  return g_strdup_printf ("%02u:%02u", minute / 60 % 24, minute % 60);
}
