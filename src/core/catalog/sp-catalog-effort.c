/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sp-catalog-effort.h"
#include "sp-course.h"

/* A course's workload as the listing APIs write it, in words. */

static gboolean
parse_number_range (const char **p,
                    double      *value)
{
  char  *end;
  double a, b;

  a = g_ascii_strtod (*p, &end);
  if (end == *p)
    return FALSE;
  *p = end;

  /* "4-8", "4–8", "4 to 8": the middle of the range */
  while (**p == ' ')
    (*p)++;
  if (g_str_has_prefix (*p, "-") || g_str_has_prefix (*p, "–") || g_str_has_prefix (*p, "to "))
    {
      const char *q = *p + (g_str_has_prefix (*p, "–") ? strlen ("–") : (**p == '-' ? 1 : 3));

      while (*q == ' ')
        q++;
      /* A number, not whatever strtod takes: "nan" and "inf" made NaN hours */
      b = g_ascii_isdigit (*q) ? g_ascii_strtod (q, &end) : NAN;
      if (g_ascii_isdigit (*q) && end != q && isfinite (b))
        {
          *p = end;
          a = (a + b) / 2;
        }
    }
  *value = a;
  return TRUE;
}

/**
 * sp_catalog_parse_effort:
 * @text: a stated workload: "4-8 hours/week", "5:00", "6 weeks, 2–3 hours per
 *   week", "Approx. 20 hours to complete"
 *
 * Returns: whether anything was understood; the out values are left as they
 *   were for what was not
 */
gboolean
sp_catalog_parse_effort (const char *text,
                         double     *hours,
                         double     *hours_per_week,
                         double     *weeks)
{
  g_autofree char *lower = NULL;
  gboolean         found = FALSE;
  const char      *p;

  if (text == NULL)
    return FALSE;
  lower = g_ascii_strdown (text, -1);

  /* Open edX gives "H:MM" a week */
  {
    unsigned h, m;
    char     rest;

    if (sscanf (lower, " %u:%2u %c", &h, &m, &rest) == 2 && h < 100 && m < 60)
      {
        if (h * 60 + m > 0)
          *hours_per_week = h + m / 60.0;
        return h * 60 + m > 0;
      }
  }

  for (p = lower; *p != '\0';)
    {
      double      value;
      const char *unit;

      if (!g_ascii_isdigit (*p) || !parse_number_range (&p, &value))
        {
          p++;
          continue;
        }

      unit = p;
      while (*unit == ' ')
        unit++;
      if (value <= 0 || value > 10000)
        continue;

      if (g_str_has_prefix (unit, "hour") || g_str_has_prefix (unit, "hr") ||
          (unit[0] == 'h' && !g_ascii_isalpha (unit[1])))
        {
          const char *after = unit;

          while (*after != '\0' && (g_ascii_isalpha (*after)))
            after++;
          while (*after == ' ' || *after == '.')
            after++;
          if (g_str_has_prefix (after, "/week") || g_str_has_prefix (after, "/wk") ||
              g_str_has_prefix (after, "per week") || g_str_has_prefix (after, "a week") ||
              g_str_has_prefix (after, "each week") || g_str_has_prefix (after, "weekly") ||
              g_str_has_prefix (after, "/ week"))
            {
              if (value <= SP_COURSE_MAX_HOURS_PER_WEEK)
                {
                  *hours_per_week = value;
                  found = TRUE;
                }
            }
          else
            {
              *hours = value;
              found = TRUE;
            }
        }
      /* The bounds are those of the own format, which the cache and the
       * state file read courses back with: a course parsed here must read
       * back there (a course of 4445 weeks did not) */
      else if (g_str_has_prefix (unit, "week") || g_str_has_prefix (unit, "wk"))
        {
          if (value <= SP_COURSE_MAX_WEEKS)
            {
              *weeks = value;
              found = TRUE;
            }
        }
      else if (g_str_has_prefix (unit, "month"))
        {
          /* "9e-2 months" rounds to no week at all: not a workload */
          if (round (value * 4.35) >= 1 && round (value * 4.35) <= SP_COURSE_MAX_WEEKS)
            {
              *weeks = round (value * 4.35);
              found = TRUE;
            }
        }
      p = unit;
    }

  return found;
}
