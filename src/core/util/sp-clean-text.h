/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sp_clean_text (const char *text,
                     gboolean    strip_html);

G_END_DECLS
