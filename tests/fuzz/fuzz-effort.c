/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "sp-catalog-effort.h"
#include "sp-fuzz.h"

/* A listing's stated workload is free text ("4-8 hours/week", "5:00"). What
 * the parser understands becomes study hours: finite, positive, believable. */

static void
check (double value,
       double untouched,
       double max)
{
  if (value == untouched)
    return;
  g_assert_true (isfinite (value));
  g_assert_cmpfloat (value, >, 0);
  g_assert_cmpfloat (value, <=, max);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  const double untouched = -12345;
  double hours = untouched, per_week = untouched, weeks = untouched;
  gboolean found;

  /* It comes out of a JSON string: UTF-8, no NUL */
  if (strlen (text) != size || !g_utf8_validate (text, -1, NULL))
    return 0;

  found = sp_catalog_parse_effort (text, &hours, &per_week, &weeks);
  /* The bounds of the own format, which courses are read back with */
  check (hours, untouched, 10000);
  check (per_week, untouched, 168);
  check (weeks, untouched, 520);
  if (!found)
    g_assert_true (hours == untouched && per_week == untouched && weeks == untouched);
  return 0;
}
