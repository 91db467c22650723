/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "sp-test-program.h"

G_BEGIN_DECLS

char  *sp_test_normalize_space (const char *text);
guint  sp_test_pdf_info        (const char *path,
                                double     *width,
                                double     *height);
void   sp_test_assert_text_has (const char *text,
                                const char *needle);
char  *sp_test_pdf_text        (const char *path);

G_END_DECLS
