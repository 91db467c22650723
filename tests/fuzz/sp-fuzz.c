/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sp-fuzz.h"

/* GLib ends a fatal message with SIGTRAP, which libFuzzer does not catch:
 * the run would die without keeping its input. Abort instead. */
static GLogWriterOutput
abort_on_warning_writer (GLogLevelFlags   log_level,
                         const GLogField *fields,
                         gsize            n_fields,
                         gpointer         user_data)
{
  g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

/* A warning or a critical means a broken invariant, ours or a library's
 * precondition we broke: make it a crash so that libFuzzer keeps the input. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_writer_func (abort_on_warning_writer, NULL, NULL);
  return 0;
}

/* Text from a parser reaches labels and terminals: UTF-8, never empty. */
void
sp_fuzz_check_text (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

/* A refusal says what is wrong, in words. */
void
sp_fuzz_check_error (const GError *error)
{
  g_assert_nonnull (error);
  sp_fuzz_check_text (error->message);
  g_assert_cmpuint (strlen (error->message), >, 0);
}
