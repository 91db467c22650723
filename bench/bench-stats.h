/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the benchmarks share: their timings sorted, and the figures read
 * off them. */

int    bench_compare_doubles (gconstpointer a,
                              gconstpointer b);
void   bench_sort (double *values,
                   guint   n);
double bench_median (double *values,
                     guint   n);

G_END_DECLS
