/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-planner.h"

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

GQuark              sp_cli_error_quark        (void);
const GOptionEntry *sp_cli_get_option_entries (void);
SpPlanner          *sp_cli_planner_from_options (GVariantDict *options,
                                                 GError      **error);
int                 sp_cli_export_json        (GVariantDict *options,
                                               const char   *filename);
int                 sp_cli_run                (GVariantDict *options);
int                 sp_cli_check_plan         (const char   *filename);

G_END_DECLS
