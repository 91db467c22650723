/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *sp_test_make_tmp_dir (const char *tmpl);
gboolean sp_test_remove_tree (const char *path);
gboolean sp_test_mount_small_tmpfs (const char *dir,
                                    const char *size);
void     sp_test_drop_dac_capabilities (void);

G_END_DECLS
