/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "sp-fuzz.h"

/* A warning or a critical means a broken invariant: make it a crash so
 * that libFuzzer keeps the input that caused it. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
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
