/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean sp_widget_get_window_bounds (GtkWidget       *widget,
                                      graphene_rect_t *bounds);
void     sp_popover_fit (GtkPopover        *popover,
                         GtkPositionType    preferred,
                         GtkScrolledWindow *scroller);

G_END_DECLS
