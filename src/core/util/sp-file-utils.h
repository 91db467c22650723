/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most each kind of file may hold; docs/plan-format.md and
 * docs/scheduling.md name them */
#define SP_FILE_MAX_PLAN_SIZE   (64 * 1024 * 1024)
#define SP_FILE_MAX_STATE_SIZE  (256 * 1024 * 1024)

GBytes   *sp_file_read                (const char    *path,
                                       gsize          max_size,
                                       GError       **error);
GBytes   *sp_file_read_gfile          (GFile         *file,
                                       gsize          max_size,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean  sp_file_write_atomic        (const char    *path,
                                       const char    *data,
                                       gsize          length,
                                       GError       **error);
gboolean  sp_file_write_atomic_full   (const char    *path,
                                       const char    *data,
                                       gsize          length,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean  sp_file_make_private_dir (const char *dir,
                                    GError    **error);
void      sp_file_remove_pending_temp (void);
char     *sp_file_get_data_dir        (void);

G_END_DECLS
