/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-planner.h"

G_BEGIN_DECLS

#define SP_TYPE_BLOCK_POPOVER (sp_block_popover_get_type ())
G_DECLARE_FINAL_TYPE (SpBlockPopover, sp_block_popover, SP, BLOCK_POPOVER, GtkPopover)

SpBlockPopover *sp_block_popover_new          (SpPlanner      *planner);
void            sp_block_popover_set_block    (SpBlockPopover *self,
                                               const char     *block_id);
const char     *sp_block_popover_get_block_id (SpBlockPopover *self);

gboolean sp_block_mark_with_toast (GtkWidget    *widget,
                                   SpPlanner    *planner,
                                   const char   *block_id,
                                   SpBlockStatus status,
                                   guint         minutes,
                                   GError      **error);
gboolean sp_block_rate_with_toast (GtkWidget  *widget,
                                   SpPlanner  *planner,
                                   const char *block_id,
                                   SpRating    rating,
                                   GError    **error);

G_END_DECLS
