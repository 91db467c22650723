/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-caldav-secret.h"
#include "sp-caldav-sync.h"
#include "sp-cli-export.h"
#include "sp-cli-options.h"
#include "sp-cli-sync.h"
#include "sp-sync-record.h"

/* --sync: the schedule the export options make, kept on a CalDAV server
 * (docs/sync.md). One line on standard output for scripts; conflicts and
 * refusals on standard error. */

/* After the other modes' options in --help: the application adds both */
/* One option a line and its help below, as in sp-cli-options.c */
/* clang-format off */
const GOptionEntry sp_cli_sync_option_entries[] = {
  { "sync", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Keep the schedule on a CalDAV server, without opening a window; the password comes from STUDY_PLANNER_CALDAV_PASSWORD or the Secret Service"), NULL },
  { "caldav-url", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --sync: the server’s address, or a calendar’s"), N_("URL") },
  { "caldav-user", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --sync: the user name on the server"), N_("NAME") },
  { NULL }
};
/* clang-format on */

/* The environment first, for scripts; then the Secret Service, when there
 * is one to ask */
static char *
lookup_password (const char *url,
                 const char *user)
{
  const char *variable = g_getenv (SP_CALDAV_PASSWORD_VARIABLE);

  if (variable != NULL)
    return g_strdup (variable);
  if (user == NULL)
    return NULL;
  return sp_caldav_secret_lookup_sync (url, user, NULL, NULL);
}

/* The command line's planner does not save; the server's edits go into
 * the saved progress too, so that the next sync keeps them */
static void
keep_server_edits (SpPlanner          *planner,
                   const SpSyncResult *result)
{
  g_autoptr(SpPlanner) saved = NULL;
  g_autoptr(GError) error = NULL;

  if (result->edits->len == 0)
    return;
  saved = sp_planner_new (sp_planner_get_plan (planner));
  if (!sp_planner_load_state (saved, NULL, &error))
    {
      sp_cli_report_error (error, SP_CLI_REPORT_NAMED);
      return;
    }
  for (guint i = 0; i < result->edits->len; i++)
    {
      const SpSyncEdit *edit = &g_array_index (result->edits, SpSyncEdit, i);

      if (!sp_sync_edit_apply (edit, saved, &error))
        {
          sp_cli_report_error (error, SP_CLI_REPORT_NAMED);
          g_clear_error (&error);
        }
    }
}

/**
 * sp_cli_sync:
 *
 * Returns: the exit status: 0 synced, 1 the server could not be reached,
 *   refused the credentials or is not CalDAV, 2 a bad option
 */
int
sp_cli_sync (GVariantDict *options)
{
  g_autoptr(SpPlanner) planner = NULL;
  g_autoptr(SpCaldavClient) client = NULL;
  g_autoptr(SpSyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCaldavPassword) password = NULL;
  g_autofree char *record = NULL;
  g_autofree char *line = NULL;
  const char      *url = NULL;
  const char      *user = NULL;

  if (!g_variant_dict_lookup (options, "caldav-url", "&s", &url))
    {
      g_set_error (&error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("--sync needs the server’s address: add --caldav-url URL"));
      return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);
    }
  g_variant_dict_lookup (options, "caldav-user", "&s", &user);

  planner = sp_cli_planner_from_options (options, &error);
  if (planner == NULL)
    return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);

  password = lookup_password (url, user);
  client = sp_caldav_client_new (user, password);
  record = sp_sync_record_get_default_path (NULL);
  result = sp_caldav_sync_run (client, planner, url, record, NULL, &error);
  if (result == NULL)
    {
      g_autofree char *printable = g_utf8_make_valid (url, -1);

      g_prefix_error (&error, "%s: ", printable);
      return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);
    }

  for (guint i = 0; i < result->messages->len; i++)
    g_printerr ("%s: %s\n", g_get_prgname () ? g_get_prgname () : PACKAGE_NAME,
                (const char *) g_ptr_array_index (result->messages, i));
  keep_server_edits (planner, result);
  line = sp_sync_result_to_string (result);
  g_print ("%s\n", line);
  return SP_CLI_OK;
}
