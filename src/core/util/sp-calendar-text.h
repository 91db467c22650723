/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sp-dates.h"

G_BEGIN_DECLS

/* Dates, times and lengths of time for people, in the user's language:
 * one wording for the screen, the paper, the notifications and the
 * exports. Every function returns a new string. */
char *sp_calendar_format            (guint32     day,
                                     const char *format);
char *sp_calendar_format_date       (guint32     day);
char *sp_calendar_format_day        (guint32     day);
char *sp_calendar_format_day_title  (guint32     day);
char *sp_calendar_format_day_short  (guint32     day);
char *sp_calendar_format_day_brief  (guint32     day);
char *sp_calendar_format_weekday    (guint32     day);
char *sp_calendar_format_month      (guint32     day);
char *sp_calendar_format_range      (guint32     first,
                                     guint32     last);
char *sp_calendar_format_times      (guint       start,
                                     guint       end);
char *sp_calendar_format_duration   (guint       minutes);

/* How a number of hours is written */
typedef enum
{
  SP_HOURS_TEXT, /* for people: the locale's decimal mark, "10" and "7.5" */
  SP_HOURS_JSON, /* for scripts: a dot and always one decimal, "10.0" */
} SpHoursStyle;

char *sp_format_hours (double       hours,
                       SpHoursStyle style);

G_END_DECLS
