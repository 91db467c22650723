/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int  sp_cli_export_pdf  (GVariantDict *options,
                         const char   *filename);
int  sp_cli_export_ics  (GVariantDict *options,
                         const char   *filename);

G_END_DECLS
