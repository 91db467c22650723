/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sp_cli_check_plan (const char *filename);

G_END_DECLS
