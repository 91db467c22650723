/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-cli-options.h"

G_BEGIN_DECLS

int sp_cli_run (GVariantDict *options);

G_END_DECLS
