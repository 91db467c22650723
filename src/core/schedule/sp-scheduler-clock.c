/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-scheduler-private.h"

/* Days when the clocks change: the wall-clock minutes skipped or repeated
 * are kept free of study. */

static gint64
day_to_local_seconds (guint32 day)
{
  static gsize epoch = 0;

  if (g_once_init_enter (&epoch))
    g_once_init_leave (&epoch, sp_day_from_dmy (1970, 1, 1));
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

gboolean
_sp_scheduler_clock_changes (Scheduler *s,
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
