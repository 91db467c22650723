/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "bench-stats.h"

/* Ascending, for qsort () and g_array_sort () */
int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

void
bench_sort (double *values,
            guint   n)
{
  qsort (values, n, sizeof (double), bench_compare_doubles);
}

/* Sorts @values in place; the upper median of an even count */
double
bench_median (double *values,
              guint   n)
{
  g_return_val_if_fail (n > 0, 0);

  bench_sort (values, n);
  return values[n / 2];
}
