/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sp_catalog_parse_effort (const char *text,
                                  double     *hours,
                                  double     *hours_per_week,
                                  double     *weeks);

G_END_DECLS
