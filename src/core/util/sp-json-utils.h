/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Deeper documents are refused before parsing: json-glib recurses per level. */
#define SP_JSON_MAX_DEPTH 64

gboolean    sp_json_check_depth   (const char  *data,
                                   gsize        length,
                                   guint        max_depth,
                                   guint       *line,
                                   guint       *column);
JsonNode   *sp_json_parse_bytes   (GBytes      *bytes,
                                   guint       *line,
                                   guint       *column,
                                   GError     **error);
const char *sp_json_type_name     (JsonNode    *node);
const char *sp_json_object_get_string (JsonObject *object,
                                       const char *name);

G_END_DECLS
