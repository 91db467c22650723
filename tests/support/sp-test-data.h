/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sp_test_make_chain_plan (guint       n_topics,
                               const char *title);

G_END_DECLS
