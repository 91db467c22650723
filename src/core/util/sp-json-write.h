/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json-glib writes the files the app keeps (the state, the export and sync
 * records); these say a member in one call, and write a document out. */
void     sp_json_builder_add_string (JsonBuilder *builder,
                                     const char  *name,
                                     const char  *value);
void     sp_json_builder_add_int (JsonBuilder *builder,
                                  const char  *name,
                                  gint64       value);
gboolean sp_json_builder_write_file (JsonBuilder *builder,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
