/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-cli-check.h"
#include "sp-cli-courses.h"
#include "sp-cli-export.h"
#include "sp-cli-sync.h"
#include "sp-cli.h"

/* Which command-line mode the options ask for, and the options that make
 * sense only with a mode that is not there. The modes run before any
 * window exists, so they need no display. */

/* The options that shape a schedule; every export takes them. */
static const char * const schedule_options[] = {
  "plan", "hours", "start", "block-minutes", "break-minutes", "track", NULL
};

/* The modes that export a schedule. */
static const char * const export_modes[] = {
  "export-json", "export-pdf", "export-ics", NULL
};

/* The options of the PDF alone. */
static const char * const sync_options[] = {
  "caldav-url", "caldav-user", NULL
};

static const char * const pdf_options[] = {
  "range", "from", "paper", NULL
};

static gboolean
has_any (GVariantDict       *options,
         const char * const *names,
         const char        **found)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_variant_dict_contains (options, names[i]))
      {
        if (found)
          *found = names[i];
        return TRUE;
      }
  return FALSE;
}

/**
 * sp_cli_run:
 * @options: the parsed options from #GApplication::handle-local-options
 *
 * Returns: an exit status, or %SP_CLI_CONTINUE when no command-line mode
 *   was asked for and the application should start
 */
int
sp_cli_run (GVariantDict *options)
{
  const char *check_plan = NULL;
  const char *export_json = NULL;
  const char *export_pdf = NULL;
  const char *export_ics = NULL;
  const char *option = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return SP_CLI_OK;
    }

  if (g_variant_dict_lookup (options, "check-plan", "^&ay", &check_plan))
    return sp_cli_check_plan (check_plan);

  if (has_any (options, pdf_options, &option) && !g_variant_dict_contains (options, "export-pdf"))
    {
      g_autoptr(GError) error = NULL;

      g_set_error (&error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("--%s only shapes a PDF: add --export-pdf FILE"), option);
      return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);
    }

  if (g_variant_dict_lookup (options, "export-json", "^&ay", &export_json))
    return sp_cli_export_json (options, export_json);

  if (g_variant_dict_lookup (options, "export-pdf", "^&ay", &export_pdf))
    return sp_cli_export_pdf (options, export_pdf);

  if (g_variant_dict_lookup (options, "export-ics", "^&ay", &export_ics))
    return sp_cli_export_ics (options, export_ics);

  if (g_variant_dict_contains (options, "sync"))
    return sp_cli_sync (options);

  if (has_any (options, sync_options, &option))
    {
      g_autoptr(GError) error = NULL;

      g_set_error (&error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE, _("--%s only goes with --sync"), option);
      return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);
    }

  if (has_any (options, schedule_options, &option) && !has_any (options, export_modes, NULL))
    {
      g_autoptr(GError) error = NULL;

      g_set_error (&error, SP_CLI_ERROR, SP_CLI_ERROR_USAGE,
                   _("--%s only shapes an export: add --export-json FILE"), option);
      return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);
    }

  if (g_variant_dict_contains (options, "list-courses"))
    {
      const char *url = NULL, *format = NULL, *topic = NULL;

      g_variant_dict_lookup (options, "catalog-url", "&s", &url);
      g_variant_dict_lookup (options, "catalog-format", "&s", &format);
      g_variant_dict_lookup (options, "topic", "&s", &topic);
      return sp_cli_list_courses (url, format, topic, g_variant_dict_contains (options, "json"));
    }

  return SP_CLI_CONTINUE;
}
