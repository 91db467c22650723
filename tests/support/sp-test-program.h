/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdarg.h>

G_BEGIN_DECLS

/* What a program did: its output whole (a PDF on stdout has NUL bytes,
 * so out_len counts them; out and err end with a NUL all the same) */
typedef struct
{
  char  *out;
  gsize  out_len;
  char  *err;
  int    status;   /* the exit status; -1 when a signal ended it */
} SpTestRun;

void    sp_test_run_clear      (SpTestRun          *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SpTestRun, sp_test_run_clear)

char  **sp_test_program_environ (void);
char     **sp_test_cli_environ (const char *data_home);
void    sp_test_spawn           (SpTestRun          *run,
                                 const char * const *argv,
                                 const char * const *envp,
                                 const char         *input);
void    sp_test_run_program     (SpTestRun          *run,
                                 const char * const *args,
                                 const char * const *envp,
                                 const char         *input);
void       sp_test_run_program_va (SpTestRun          *run,
                                   const char       *const *envp,
                                   const char         *first_arg,
                                   va_list             args);
GPtrArray *sp_test_argv_from_va (const char *first_arg,
                                 va_list     args);
void       sp_test_assert_usage_error (const SpTestRun *run,
                                       const char      *message);
void       sp_test_assert_success (const SpTestRun *run);
char   *sp_test_run_tool        (const char         *first_arg,
                                 ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
