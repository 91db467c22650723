/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int sp_cli_list_courses (const char *catalog_url,
                         const char *catalog_format,
                         const char *topic_id,
                         gboolean    as_json);

G_END_DECLS
