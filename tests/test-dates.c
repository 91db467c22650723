/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "sp-calendar-text.h"
#include "sp-dates.h"

/* The one calendar vocabulary: day arithmetic, and the words the screen,
 * the paper and the notifications share. Run in English (dates) and in
 * Romanian (dates-ro), where month and weekday names and word order come
 * from the translation and the C library. */

static gboolean
is_romanian (void)
{
  return g_str_has_prefix (setlocale (LC_TIME, NULL), "ro_RO");
}

static void
assert_text (char       *text,
             const char *english,
             const char *romanian)
{
  g_assert_cmpstr (text, ==, is_romanian () ? romanian : english);
  g_free (text);
}

static void
test_days (void)
{
  guint32 day = sp_day_from_dmy (2026, 3, 4);
  guint32 first, last;
  GDate date;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) evening = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Bucharest");

  /* Day 1 is Monday 1 January of year 1 */
  g_assert_cmpuint (sp_day_from_dmy (1, 1, 1), ==, 1);
  g_assert_cmpuint (sp_day_get_weekday (1), ==, 0);
  g_assert_cmpuint (sp_day_get_weekday (day), ==, 2);          /* a Wednesday */
  g_assert_cmpuint (sp_day_from_dmy (2026, 2, 29), ==, 0);     /* not a leap year */
  g_assert_cmpuint (sp_day_from_dmy (2028, 2, 29), !=, 0);
  g_assert_cmpuint (sp_day_from_dmy (0, 1, 1), ==, 0);
  g_assert_cmpuint (sp_day_from_dmy (2026, 13, 1), ==, 0);

  sp_day_to_date (day, &date);
  g_assert_cmpuint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpuint (g_date_get_month (&date), ==, 3);
  g_assert_cmpuint (g_date_get_day (&date), ==, 4);

  /* Noon UTC, so the date reads the same wherever the program runs */
  time = sp_day_to_date_time (day);
  g_assert_cmpint (g_date_time_get_hour (time), ==, 12);
  g_assert_cmpuint (sp_day_from_date_time (time), ==, day);
  /* A local time counts by its own date, not by UTC's */
  evening = g_date_time_new (tz, 2026, 3, 4, 23, 30, 0);
  g_assert_cmpuint (sp_day_from_date_time (evening), ==, day);

  /* Weeks starting on Monday, Sunday and Saturday */
  g_assert_cmpuint (sp_day_get_week_start (day, 0), ==, sp_day_from_dmy (2026, 3, 2));
  g_assert_cmpuint (sp_day_get_week_start (day, 6), ==, sp_day_from_dmy (2026, 3, 1));
  g_assert_cmpuint (sp_day_get_week_start (day, 5), ==, sp_day_from_dmy (2026, 2, 28));
  g_assert_cmpuint (sp_day_get_week_start (sp_day_from_dmy (2026, 3, 2), 0), ==, sp_day_from_dmy (2026, 3, 2));
  g_assert_cmpuint (sp_day_get_week_start (1, 6), ==, 1);      /* nothing before day 1 */

  sp_day_get_month_range (day, &first, &last);
  g_assert_cmpuint (first, ==, sp_day_from_dmy (2026, 3, 1));
  g_assert_cmpuint (last, ==, sp_day_from_dmy (2026, 3, 31));
  sp_day_get_month_range (sp_day_from_dmy (2028, 2, 10), &first, &last);
  g_assert_cmpuint (last - first, ==, 28);
  sp_day_get_month_range (day, NULL, &last);
  g_assert_cmpuint (last, ==, sp_day_from_dmy (2026, 3, 31));

  /* ISO weeks: 29 December 2025 is in week 1 of 2026, 3 January 2027 in week 53 of 2026 */
  g_assert_cmpuint (sp_day_get_iso_week (sp_day_from_dmy (2025, 12, 29)), ==, 1);
  g_assert_cmpuint (sp_day_get_iso_week (sp_day_from_dmy (2027, 1, 3)), ==, 53);
  g_assert_cmpuint (sp_day_get_iso_week (day), ==, 10);
}

static void
test_machine_forms (void)
{
  g_autofree char *date = sp_format_date (sp_day_from_dmy (987, 1, 5));
  g_autofree char *time = sp_format_time (19 * 60 + 5);
  g_autofree char *midnight = sp_format_time (0);

  /* The same in every language: files and command lines read them */
  g_assert_cmpstr (date, ==, "0987-01-05");
  g_assert_cmpstr (time, ==, "19:05");
  g_assert_cmpstr (midnight, ==, "00:00");
}

static void
test_words (void)
{
  guint32 tuesday = sp_day_from_dmy (2025, 3, 4);

  assert_text (sp_calendar_format_date (tuesday), "4 March 2025", "4 martie 2025");
  assert_text (sp_calendar_format_day (tuesday), "Tuesday 4 March", "marți, 4 martie");
  assert_text (sp_calendar_format_day_title (tuesday), "Tuesday 4 March 2025", "marți, 4 martie 2025");
  assert_text (sp_calendar_format_day_short (tuesday), "4 Mar", "4 mar");
  assert_text (sp_calendar_format_day_brief (tuesday), "Tue 4 Mar", "Ma 4 mar");
  assert_text (sp_calendar_format_weekday (tuesday), "Tuesday", "marți");
  assert_text (sp_calendar_format_month (tuesday), "March 2025", "martie 2025");
  assert_text (sp_calendar_format (tuesday, "%-d"), "4", "4");
}

static void
test_ranges (void)
{
  /* The paper's form, on the screen too: spaced dash, the shared month and year once */
  assert_text (sp_calendar_format_range (sp_day_from_dmy (2025, 3, 3), sp_day_from_dmy (2025, 3, 9)),
               "3 – 9 March 2025", "3 – 9 martie 2025");
  assert_text (sp_calendar_format_range (sp_day_from_dmy (2025, 2, 24), sp_day_from_dmy (2025, 3, 2)),
               "24 February – 2 March 2025", "24 februarie – 2 martie 2025");
  assert_text (sp_calendar_format_range (sp_day_from_dmy (2025, 12, 29), sp_day_from_dmy (2026, 1, 4)),
               "29 December 2025 – 4 January 2026", "29 decembrie 2025 – 4 ianuarie 2026");
  assert_text (sp_calendar_format_range (sp_day_from_dmy (2025, 3, 3), sp_day_from_dmy (2025, 3, 3)),
               "3 – 3 March 2025", "3 – 3 martie 2025");
}

static void
test_times (void)
{
  assert_text (sp_calendar_format_times (19 * 60, 19 * 60 + 50), "19:00–19:50", "19:00–19:50");
  assert_text (sp_calendar_format_times (7 * 60 + 5, 9 * 60), "07:05–09:00", "07:05–09:00");
  /* A block that runs to midnight ends at 24:00, not at 00:00 of the same day */
  assert_text (sp_calendar_format_times (23 * 60, 24 * 60), "23:00–24:00", "23:00–24:00");

  assert_text (sp_calendar_format_duration (0), "0 min", "0 min");
  assert_text (sp_calendar_format_duration (50), "50 min", "50 min");
  assert_text (sp_calendar_format_duration (120), "2 h", "2 h");
  assert_text (sp_calendar_format_duration (150), "2 h 30 min", "2 h 30 min");
}

int
main (int   argc,
      char *argv[])
{
  const char *wanted = g_getenv ("LC_ALL");

  /* The locale of the run: C.UTF-8 in the dates test, ro_RO in dates-ro */
  if (setlocale (LC_ALL, "") == NULL || (wanted != NULL && g_str_has_prefix (wanted, "ro_RO") && !is_romanian ()))
    g_error ("The locale %s is not installed (build-aux/dev.sh generates ro_RO.UTF-8)", wanted ? wanted : "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STUDY_PLANNER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/days", test_days);
  g_test_add_func ("/dates/machine-forms", test_machine_forms);
  g_test_add_func ("/dates/words", test_words);
  g_test_add_func ("/dates/ranges", test_ranges);
  g_test_add_func ("/dates/times", test_times);

  return g_test_run ();
}
