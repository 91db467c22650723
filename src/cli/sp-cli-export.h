/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-planner.h"

G_BEGIN_DECLS

SpPlanner *sp_cli_planner_from_options (GVariantDict  *options,
                                        GError       **error);
int        sp_cli_export (GVariantDict *options);

G_END_DECLS
