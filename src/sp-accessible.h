/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void                sp_list_cell_set_accessible_label (GtkWidget  *child,
                                                       const char *label);
GtkListItemFactory *sp_list_cell_string_factory_new (void);
void                sp_accessible_name_status_page (AdwStatusPage *page);

G_END_DECLS
