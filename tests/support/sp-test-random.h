/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-availability.h"
#include "sp-plan.h"

G_BEGIN_DECLS

SpPlan         *sp_test_random_plan (GRand *rand,
                                     guint  scale);
SpAvailability *sp_test_random_availability (GRand  *rand,
                                             guint32 around);

G_END_DECLS
