/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

extern const GOptionEntry sp_cli_sync_option_entries[];

int sp_cli_sync (GVariantDict *options);

G_END_DECLS
