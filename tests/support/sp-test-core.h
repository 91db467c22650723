/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-plan.h"
#include "sp-planner.h"

G_BEGIN_DECLS

guint32 sp_test_date (const char *text);
void    sp_test_assert_date (guint32     day,
                             const char *expected);
SpPlan *sp_test_load_plan (const char *name);
SpPlan *sp_test_plan_from_json (const char *json);
guint   sp_test_n_synced_blocks (SpPlanner *planner);

G_END_DECLS
