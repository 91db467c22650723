/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sp_url_is_web (const char *url);
char    *sp_url_resolve (const char *base,
                         const char *ref);

G_END_DECLS
