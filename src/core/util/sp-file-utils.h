/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean  sp_file_write_atomic  (const char  *path,
                                 const char  *data,
                                 gsize        length,
                                 GError     **error);
char     *sp_file_get_data_dir  (void);

G_END_DECLS
