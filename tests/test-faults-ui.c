/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <linux/capability.h>
#include <locale.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sp-course-attach.h"
#include "sp-file-utils.h"
#include "sp-path-view.h"
#include "sp-test-data.h"
#include "sp-test-files.h"
#include "sp-test-ui.h"
#include "sp-window.h"

/* The real window given hostile plans and a hostile disk, with a home and
 * data folders of its own. */

#define MARKUP   "<b>&amp;</b> & <i>x</i> &lt; <span foreground=\"red\">"
#define RTL      "مقدمة في تعلم الآلة ‏(ML)‏ وعربي"

static char *
json_quote (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return json_to_string (node, FALSE);
}

/* This run's own folder: g_get_tmp_dir () keeps the /tmp it first saw, so
 * files there would meet those of another run at the same time */
static char *scratch;

static GFile *
write_plan (const char *name,
            const char *json)
{
  g_autofree char *path = g_build_filename (scratch, name, NULL);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  return g_file_new_for_path (path);
}

static GtkWidget *
get_path_view (SpApplication *app)
{
  GtkWidget *view = sp_test_ui_find_by_type (GTK_WIDGET (sp_test_ui_get_window (app)), SP_TYPE_PATH_VIEW);

  g_assert_nonnull (view);
  return view;
}

static void
expand_all (GtkWidget *root)
{
  if (ADW_IS_EXPANDER_ROW (root))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (root), TRUE);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    expand_all (child);
}

static void
assert_shown (GtkWidget  *view,
              const char *text)
{
  if (!sp_test_ui_has_text (view, text))
    {
      g_autoptr(GPtrArray) texts = sp_test_ui_collect_text (view);

      for (guint i = 0; i < texts->len; i++)
        g_printerr ("shown: %s\n", (char *) g_ptr_array_index (texts, i));
      g_error ("“%s” is not shown as is", text);
    }
}

/* Plan text with Pango markup, right-to-left script and very long words is
 * shown as written: never parsed as markup (that would be a warning, which
 * this test makes fatal, or lost text), never cut. */
static void
test_markup_rtl_long (void)
{
  g_autofree char *long_text = NULL;
  g_autofree char *long_title = NULL;
  g_autofree char *q_markup = json_quote (MARKUP);
  g_autofree char *q_rtl = json_quote (RTL);
  g_autofree char *q_long = NULL;
  g_autofree char *q_long_title = NULL;
  g_autofree char *json = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *after = NULL;
  g_autofree char *during = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  SpApplication *app;
  gboolean opened;
  GtkWidget *view;
  GtkWindow *window;
  AdwComboRow *combo;
  GString *s = g_string_new (NULL);

  /* The longest the loader takes, in words too long for any line */
  while (s->len < 2000)
    g_string_append (s, "Averyveryverylongwordwithoutanyspace");
  g_string_truncate (s, 2000);
  long_text = g_string_free (s, FALSE);
  long_title = g_strndup (long_text, 200);
  q_long = json_quote (long_text);
  q_long_title = json_quote (long_title);

  json = g_strdup_printf ("{\"format\": 1, \"id\": \"hostile\", \"title\": %s, \"description\": %s, \"levels\": ["
                          "{\"id\": \"one\", \"title\": %s, \"description\": %s, \"min_months\": 1, \"max_months\": 2,"
                          " \"topics\": ["
                          "  {\"id\": \"m\", \"title\": %s, \"hours\": 3, \"tasks\": {\"read\": %s, \"practice\": %s}},"
                          "  {\"id\": \"r\", \"title\": %s, \"hours\": 2, \"prerequisites\": [\"m\"], \"tasks\": {\"project\": %s}},"
                          "  {\"id\": \"l\", \"title\": %s, \"hours\": 1, \"tasks\": {\"read\": %s}}],"
                          " \"tracks\": [{\"id\": \"k\", \"title\": %s, \"description\": %s,"
                          "  \"topics\": [{\"id\": \"kt\", \"title\": %s, \"hours\": 1, \"tasks\": {\"read\": \"r\"}}]}]}],"
                          " \"skills\": [{\"id\": \"s\", \"title\": %s, \"hours\": 1, \"level\": \"one\", \"tasks\": {\"read\": \"r\"}}]}",
                          q_markup, q_rtl, q_markup, q_long, q_markup, q_markup, q_rtl, q_rtl, q_long, q_long_title, q_long,
                          q_markup, q_markup, q_long_title, q_rtl);
  file = write_plan ("hostile.json", json);

  app = sp_test_ui_start_app ();
  opened = sp_application_open_plan (app, file, &error);
  g_assert_no_error (error);
  g_assert_true (opened);
  sp_test_ui_wait (100);

  view = get_path_view (app);
  expand_all (view);
  sp_test_ui_wait (300);

  assert_shown (view, MARKUP);                  /* plan title, topic and track titles */
  assert_shown (view, RTL);                     /* plan description, topic title, task */
  assert_shown (view, long_text);               /* level description, task */
  assert_shown (view, long_title);              /* topic and track topic titles */
  heading = g_strdup_printf (_("Level %u · %s"), 1, MARKUP);
  assert_shown (view, heading);
  after = g_strdup_printf (_("After: %s"), MARKUP);
  assert_shown (view, after);
  during = g_strdup_printf (_("During %s"), MARKUP);
  assert_shown (view, during);

  /* The track selector shows its titles as they are too */
  combo = ADW_COMBO_ROW (sp_test_ui_find_by_type (view, ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (combo);
  g_assert_true (sp_test_ui_has_text (GTK_WIDGET (combo), MARKUP));

  /* Unbreakable words wrap anywhere rather than widen the window past the
   * screen (at 5,600 characters that was an X BadAlloc: a crash) */
  window = sp_test_ui_get_window (app);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1280);

  sp_test_ui_save_png (GTK_WIDGET (window), "faults-hostile-text");
  sp_test_ui_stop_app (app);
  g_file_delete (file, NULL, NULL);
}

/* A huge plan opens, shows its first rows and makes more on request */
static void
test_huge_plan (void)
{
  g_autofree char *json = sp_test_make_chain_plan (100000, "Topic");
  g_autoptr(GFile) file = write_plan ("huge.json", json);
  g_autoptr(GError) error = NULL;
  g_autofree char *more_title = g_strdup_printf (ngettext ("Show %u More Topic", "Show %u More Topics", 100), 100);
  g_autofree char *left = NULL;
  SpApplication *app = sp_test_ui_start_app ();
  gboolean opened;
  GtkWidget *view;
  GtkWidget *more;
  GtkWidget *list;
  guint rows = 0;

  opened = sp_application_open_plan (app, file, &error);
  g_assert_no_error (error);
  g_assert_true (opened);
  sp_test_ui_wait (100);
  view = get_path_view (app);

  assert_shown (view, "Topic 0");
  assert_shown (view, "Topic 99");
  g_assert_false (sp_test_ui_has_text (view, "Topic 100"));
  assert_shown (view, more_title);
  left = g_strdup_printf (ngettext ("%u topic not shown yet", "%u topics not shown yet", 99900), 99900);
  assert_shown (view, left);

  more = sp_test_ui_find_by_css_class (view, "more-topics");
  g_assert_nonnull (more);
  list = gtk_widget_get_parent (more);
  g_assert_true (gtk_widget_activate (more));
  sp_test_ui_wait (50);

  assert_shown (view, "Topic 100");
  assert_shown (view, "Topic 199");
  g_assert_false (sp_test_ui_has_text (view, "Topic 200"));
  g_clear_pointer (&left, g_free);
  left = g_strdup_printf (ngettext ("%u topic not shown yet", "%u topics not shown yet", 99800), 99800);
  assert_shown (view, left);

  /* Two pages of rows and one "more" row, not 100,000 */
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    rows++;
  g_assert_cmpuint (rows, ==, 201);

  sp_test_ui_stop_app (app);
  g_file_delete (file, NULL, NULL);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Opening a plan keeps a copy in the data folder; a read-only one refuses
 * with a message naming it, and the plan being followed stays. */
static void
test_read_only_data_dir (void)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *setting = NULL;
  SpApplication *app;
  AdwMessageDialog *dialog;
  SpPlan *before;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  data_dir = sp_file_get_data_dir ();
  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (data_dir, 0555), ==, 0);
  sp_test_drop_dac_capabilities ();

  json = sp_test_make_chain_plan (3, "Topic");
  file = write_plan ("chain.json", json);

  /* Progress cannot be saved there either: the user is told at once */
  g_test_expect_message ("sp-core", G_LOG_LEVEL_MESSAGE, "*Your progress was not saved*Permission denied*");
  app = sp_test_ui_start_app ();
  g_test_assert_expected_messages ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_test_message ("read-only data folder, at startup: %s: %s",
                  adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), data_dir));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A later save that no edit reports (a course attached) is told too */
  {
    SpPlanner *planner = sp_application_get_planner (app);
    SpCourse *course = sp_catalog_lookup_course (sp_application_get_catalog (app), NULL, "py4e");
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

    g_assert_nonnull (course);
    sp_course_attach (planner, sp_course_get_matched_topics (course)[0], course);
    while (!sp_test_ui_has_text_containing (GTK_WIDGET (sp_test_ui_get_window (app)), "Your progress was not saved") &&
           g_get_monotonic_time () < deadline)
      sp_test_ui_wait (100);
    g_assert_true (sp_test_ui_has_text_containing (GTK_WIDGET (sp_test_ui_get_window (app)), "Your progress was not saved"));
    g_assert_null (sp_planner_get_state_warning (planner));
  }

  before = sp_planner_get_plan (sp_application_get_planner (app));
  g_assert_false (sp_application_open_plan (app, file, &error));
  g_assert_nonnull (error);
  g_test_message ("read-only data folder: %s", error->message);
  g_assert_nonnull (strstr (error->message, data_dir));
  g_assert_true (sp_planner_get_plan (sp_application_get_planner (app)) == before);
  setting = g_settings_get_string (sp_application_get_settings (app), "plan-file");
  g_assert_cmpstr (setting, ==, "");
  assert_shown (get_path_view (app), sp_plan_get_title (before));

  sp_test_ui_stop_app (app);
  g_chmod (data_dir, 0755);
}

/* The saved plan is gone, or broken, at startup: the bundled path is shown
 * with a message naming the file, the setting and the file are kept. */
static void
test_saved_plan_unusable (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SpPlan) bundled = sp_plan_new_bundled ();
  g_autofree char *broken = g_build_filename (scratch, "broken.json", NULL);
  const char *broken_json = "{\"format\": 1, \"id\": \"broken\", \"title\": ";
  const char *paths[2];

  g_assert_true (g_file_set_contents (broken, broken_json, -1, NULL));
  paths[0] = "/nonexistent/study-planner/plan.json";
  paths[1] = broken;

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *setting = NULL;
      SpApplication *app;
      AdwMessageDialog *dialog;

      g_settings_set_string (settings, "plan-file", paths[i]);
      if (i == 0)
        g_test_expect_message ("sp-application", G_LOG_LEVEL_WARNING, "*nonexistent*");
      else
        g_test_expect_message ("sp-application", G_LOG_LEVEL_WARNING, "*broken.json*");
      app = sp_test_ui_start_app ();
      g_test_assert_expected_messages ();
      sp_test_ui_wait (100);

      dialog = find_message_dialog ();
      g_assert_nonnull (dialog);
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                       _("Could not open the saved plan; showing the bundled path"));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), paths[i]));
      g_test_message ("%s", adw_message_dialog_get_body (dialog));

      g_assert_cmpstr (sp_plan_get_id (sp_planner_get_plan (sp_application_get_planner (app))), ==,
                       sp_plan_get_id (bundled));
      setting = g_settings_get_string (settings, "plan-file");
      g_assert_cmpstr (setting, ==, paths[i]);

      gtk_window_destroy (GTK_WINDOW (dialog));
      sp_test_ui_stop_app (app);
    }

  /* Broken is not overwritten: the user may want to fix it */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (broken, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, broken_json);
  }
  g_settings_reset (settings, "plan-file");
  g_unlink (broken);
}

int
main (int   argc,
      char *argv[])
{
  /* Not G_TEST_OPTION_ISOLATE_DIRS: that empties XDG_DATA_DIRS, and with it
   * the MIME database that icons are loaded through */
  g_autofree char *home = NULL;
  const char *dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
  int status;

  scratch = g_dir_make_tmp ("sp-faults-ui-XXXXXX", NULL);
  g_assert_nonnull (scratch);
  home = g_build_filename (scratch, "home", NULL);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("TMPDIR", scratch, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (scratch, dirs[i], NULL);
      g_setenv (dirs[i], dir, TRUE);
    }

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STUDY_PLANNER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/faults-ui/markup-rtl-long", test_markup_rtl_long);
  g_test_add_func ("/faults-ui/huge-plan", test_huge_plan);
  g_test_add_func ("/faults-ui/read-only-data-dir", test_read_only_data_dir);
  g_test_add_func ("/faults-ui/saved-plan-unusable", test_saved_plan_unusable);

  status = g_test_run ();
  sp_test_remove_tree (scratch);
  g_free (scratch);
  return status;
}
