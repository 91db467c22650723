/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*SpFirstFrameFunc) (gpointer user_data);

void sp_after_first_frame (GtkWidget        *widget,
                           SpFirstFrameFunc  func,
                           gpointer          user_data);

G_END_DECLS
