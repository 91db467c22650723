/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <signal.h>
#include <unistd.h>

#include "sp-cli-check.h"
#include "sp-cli-courses.h"
#include "sp-cli-export.h"
#include "sp-cli-sync.h"
#include "sp-cli.h"
#include "sp-file-utils.h"

/* Which command-line mode the options ask for, and the options that make
 * sense only with a mode that is not there. The modes run before any
 * window exists, so they need no display. */

/* The options that shape a schedule; every export takes them. */
static const char * const schedule_options[] = {
  "plan", "hours", "start", "block-minutes", "break-minutes", "track", "goal", NULL
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

/* The modes that take the run alone; the exports go together */
static const char * const single_modes[] = {
  "check-plan", "list-courses", "sync", NULL
};

/* The options that name a file */
static const char * const filename_options[] = {
  "check-plan", "export-json", "export-pdf", "export-ics", "plan", NULL
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

static int usage (const char *format,
                  ...) G_GNUC_PRINTF (1, 2);

static int
usage (const char *format,
       ...)
{
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, format);
  error = g_error_new_valist (SP_CLI_ERROR, SP_CLI_ERROR_USAGE, format, args);
  va_end (args);
  return sp_cli_report_error (error, SP_CLI_REPORT_NAMED);
}

/* What a signal during an export prints: made before any signal can come,
 * since the handler may only write() it */
static char   signal_message[512];
static size_t signal_message_len;

static void
on_signal (int signum)
{
  ssize_t ignored;

  sp_file_remove_pending_temp ();
  ignored = write (STDERR_FILENO, signal_message, signal_message_len);
  (void) ignored;
  _exit (SP_CLI_FAILED);
}

/* SIGTERM, SIGINT and SIGHUP during an export: the temporary file beside
 * the target goes, and the program exits 1 with a message. A plain
 * handler rather than g_unix_signal_add(): that one needs a main loop to
 * run its callback, and an export is one blocking call that never returns
 * to a loop, so the signal would wait until the export had ended. The
 * handler only does what is async-signal-safe: unlink() through
 * sp_file_remove_pending_temp(), write() and _exit(). */
static void
catch_signals (void)
{
  static const int signals[] = { SIGTERM, SIGINT, SIGHUP };
  struct sigaction action = { 0 };
  g_autofree char *message = NULL;

  message = g_strdup_printf ("%s: %s\n", g_get_prgname () ? g_get_prgname () : PACKAGE_NAME,
                             _("Stopped by a signal; the file being written was removed"));
  signal_message_len = g_strlcpy (signal_message, message, sizeof signal_message);
  signal_message_len = MIN (signal_message_len, sizeof signal_message - 1);

  action.sa_handler = on_signal;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaddset (&action.sa_mask, signals[i]);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
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
  const char *filename = NULL;
  const char *option = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return SP_CLI_OK;
    }

  /* A mode takes the run: whatever another mode asked would be dropped
   * without a word, so those combinations are refused by name */
  for (guint i = 0; single_modes[i] != NULL; i++)
    if (g_variant_dict_contains (options, single_modes[i]) &&
        (has_any (options, single_modes + i + 1, &option) || has_any (options, export_modes, &option)))
      return usage (_("--%s and --%s cannot be combined: run them one at a time"), single_modes[i], option);

  /* An empty name would be read as the current folder */
  for (guint i = 0; filename_options[i] != NULL; i++)
    if (g_variant_dict_lookup (options, filename_options[i], "^&ay", &filename) && filename[0] == '\0')
      return usage (_("--%s: the file name is empty"), filename_options[i]);

  if (g_variant_dict_lookup (options, "check-plan", "^&ay", &check_plan))
    return sp_cli_check_plan (check_plan);

  if (has_any (options, pdf_options, &option) && !g_variant_dict_contains (options, "export-pdf"))
    return usage (_("--%s only shapes a PDF: add --export-pdf FILE"), option);

  if (has_any (options, export_modes, NULL))
    {
      catch_signals ();
      return sp_cli_export (options);
    }

  if (g_variant_dict_contains (options, "sync"))
    return sp_cli_sync (options);

  if (has_any (options, sync_options, &option))
    return usage (_("--%s only goes with --sync"), option);

  if (has_any (options, schedule_options, &option))
    return usage (_("--%s only shapes an export: add --export-json FILE"), option);

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
