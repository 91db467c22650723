/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-planner.h"

G_BEGIN_DECLS

SpPlanner *sp_cli_planner_from_options (GVariantDict  *options,
                                        GError       **error);
int        sp_cli_export_json          (GVariantDict  *options,
                                        const char    *filename);
int        sp_cli_export_pdf           (GVariantDict  *options,
                                        const char    *filename);
int        sp_cli_export_ics           (GVariantDict  *options,
                                        const char    *filename);

G_END_DECLS
