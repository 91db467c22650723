/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A page of the own format with courses @first to @first + @n - 1, the
 * same for the same arguments; @next: (nullable): the next page's link */
GBytes *bench_listing_new (guint       first,
                           guint       n,
                           const char *next);

G_END_DECLS
