/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     sp_bench_watch_first_frame (GtkWindow  *window);
void     sp_bench_mark              (const char *what);
gboolean sp_bench_enabled           (void);

G_END_DECLS
