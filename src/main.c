/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sp-application.h"
#include "sp-bench.h"
#include "sp-http.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpApplication) app = NULL;
  const char *localedir;

  sp_bench_mark ("main");
  sp_http_install_log_filter ();
  /* An uninstalled build (and its tests) points this at the build's catalogs */
  localedir = g_getenv ("STUDY_PLANNER_LOCALEDIR");
  if (localedir == NULL)
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Study Planner"));

  app = sp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
