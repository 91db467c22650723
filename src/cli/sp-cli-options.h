/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit codes of the command-line modes */
#define SP_CLI_CONTINUE   -1  /* no command-line mode asked: go on to the window */
#define SP_CLI_OK          0
#define SP_CLI_FAILED      1
#define SP_CLI_USAGE       2

#define SP_CLI_ERROR (sp_cli_error_quark ())

typedef enum
{
  SP_CLI_ERROR_USAGE,   /* a bad option: exit status 2 */
  SP_CLI_ERROR_FAILED,  /* a file that could not be read or written: 1 */
} SpCliError;

/* How an error is told on standard error */
typedef enum
{
  SP_CLI_REPORT_NAMED,  /* "study-planner: message" */
  SP_CLI_REPORT_BARE,   /* "message": what --list-courses has always printed */
} SpCliReport;

GQuark              sp_cli_error_quark        (void);
const GOptionEntry *sp_cli_get_option_entries (void);
int                 sp_cli_report_error       (const GError *error,
                                               SpCliReport   report);

G_END_DECLS
