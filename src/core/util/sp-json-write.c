/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-file-utils.h"
#include "sp-json-write.h"

void
sp_json_builder_add_string (JsonBuilder *builder,
                            const char  *name,
                            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

void
sp_json_builder_add_int (JsonBuilder *builder,
                         const char  *name,
                         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/**
 * sp_json_builder_write_file:
 * @builder: a builder whose document is complete
 *
 * Writes the document to @path atomically, making its folder (the user's
 * alone, sp_file_make_private_dir()) first.
 */
gboolean
sp_json_builder_write_file (JsonBuilder *builder,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize            length = 0;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  if (!sp_file_make_private_dir (dir, error))
    return FALSE;
  return sp_file_write_atomic (path, data, length, error);
}
