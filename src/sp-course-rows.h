/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "sp-catalog.h"
#include "sp-planner.h"

G_BEGIN_DECLS

void sp_course_rows_add (AdwExpanderRow *expander,
                         SpCatalog      *catalog,
                         SpPlanner      *planner,
                         const char     *topic_id);
void sp_course_rows_attach (GtkWidget      *from,
                            SpPlanner      *planner,
                            const char     *topic_id,
                            SpCourse       *course);
void sp_course_rows_show_attached (SpPlanner     *planner,
                                   const char    *topic_id,
                                   GtkWidget     *box,
                                   GtkLabel      *label,
                                   GtkLinkButton *link);

G_END_DECLS
