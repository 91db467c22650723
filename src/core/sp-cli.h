/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit codes of the command-line modes */
#define SP_CLI_CONTINUE   -1  /* no command-line mode asked: go on to the window */
#define SP_CLI_OK          0
#define SP_CLI_FAILED      1
#define SP_CLI_USAGE       2

const GOptionEntry *sp_cli_get_option_entries (void);
int                 sp_cli_run                (GVariantDict *options);
int                 sp_cli_check_plan         (const char   *filename);

G_END_DECLS
