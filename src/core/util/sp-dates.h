/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Days are Julian days as GDate counts them: day 1 is Monday 1 January of
 * year 1, and 0 means no day. Weekdays are indexed from Monday (0) to
 * Sunday (6), as in ISO 8601. Times of day are minutes after midnight. */
#define SP_N_WEEKDAYS 7

/* The days a user may give (a start, a day to print, the dates of the
 * state file): from 1 January 1970 to 31 December 2200. A plan may then
 * run on for SP_SCHEDULER_MAX_YEARS, and every day still has a four-digit
 * year, which the machine forms and iCalendar need. */
#define SP_DAY_FIRST_YEAR 1970
#define SP_DAY_LAST_YEAR  2200

guint32    sp_day_from_dmy          (guint      year,
                                     guint      month,
                                     guint      day_of_month);
gboolean   sp_day_is_supported (guint32 day);
guint32    sp_day_from_date_time    (GDateTime *time);
void       sp_day_to_date           (guint32    day,
                                     GDate     *date);
GDateTime *sp_day_to_date_time      (guint32    day);
guint32    sp_day_today             (GTimeZone *tz);
guint      sp_day_get_weekday       (guint32    day);
guint      sp_day_get_iso_week      (guint32    day);
guint32    sp_day_get_week_start    (guint32    day,
                                     guint      first_weekday);
void       sp_day_get_month_range   (guint32    day,
                                     guint32   *first,
                                     guint32   *last);

/* The machine forms, the same in every language: "2026-03-02", "19:00" */
char      *sp_format_date           (guint32    day);
char      *sp_format_time           (guint      minute);

G_END_DECLS
