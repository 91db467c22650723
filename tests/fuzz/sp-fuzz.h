/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The entry points libFuzzer calls; every harness defines the first. */
int  LLVMFuzzerTestOneInput (const guint8   *data,
                             size_t          size);
int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);

void sp_fuzz_check_error    (const GError   *error);
void sp_fuzz_check_text     (const char     *text);

G_END_DECLS
