/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sp-path-view.h"
#include "sp-progress-summary.h"
#include "sp-test-program.h"
#include "sp-test-ui.h"
#include "sp-window.h"

static gboolean
is_romanian (void)
{
  return g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "ro_RO");
}

static void
assert_track_shown (GtkWidget  *view,
                    SpPlan     *plan,
                    const char *shown)
{
  const SpLevel *level = sp_plan_get_level (plan, 2);

  for (guint t = 0; t < level->tracks->len; t++)
    {
      const SpTrack *track = g_ptr_array_index (level->tracks, t);

      for (guint i = 0; i < track->topics->len; i++)
        {
          const SpTopic *topic = g_ptr_array_index (track->topics, i);
          gboolean expected = g_strcmp0 (track->id, shown) == 0;

          if (sp_test_ui_has_text (view, sp_topic_get_title (topic)) != expected)
            g_error ("topic “%s” of track %s is %s", topic->id, track->id,
                     expected ? "missing" : "shown although another track is chosen");
        }
    }
}

static char *
state_path (void)
{
  return g_build_filename (g_getenv ("XDG_DATA_HOME"), "study-planner", "state.json", NULL);
}

static void
write_state (const char *contents)
{
  g_autofree char *path = state_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* The track the state file holds, as JSON: "\"nlp\"" or "null" */
static char *
saved_track (void)
{
  g_autofree char *path = state_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *member;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  member = strstr (contents, "\"track\" : ");
  g_assert_nonnull (member);
  member += strlen ("\"track\" : ");
  return g_strndup (member, strcspn (member, ",\n"));
}

/* The track the command line plans with, from the same state file */
static void
assert_cli_track (const char *track)
{
  g_auto(SpTestRun) run = { 0 };
  g_auto(GStrv) envp = sp_test_program_environ ();
  g_autofree char *expected = g_strdup_printf ("\"track\": \"%s\"", track);
  const char      *argv[] = { "--export-json", "-", NULL };

  sp_test_run_program (&run, argv, (const char * const *) envp, NULL);
  g_assert_cmpint (run.status, ==, 0);
  if (strstr (run.out, expected) == NULL)
    g_error ("the command line does not plan with %s:\n%.400s", expected, run.out);
}

static void
test_path_view (void)
{
  SpApplication   *app;
  GtkWindow       *window;
  SpPlanner       *planner;
  SpPlan          *plan;
  GtkWidget *view;
  AdwComboRow *combo;
  const SpLevel *special;
  guint nlp_index = G_MAXUINT;
  g_autofree char *heading = NULL;
  g_autofree char *saved = NULL;

  /* A start with no progress saved */
  sp_test_ui_reset_state ();
  app = sp_test_ui_start_app ();
  window = sp_test_ui_get_window (app);
  planner = sp_application_get_planner (app);
  plan = sp_planner_get_plan (planner);
  g_assert_true (SP_IS_WINDOW (window));
  g_assert_cmpstr (sp_window_get_view (SP_WINDOW (window)), ==, "path");

  view = sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_PATH_VIEW);
  g_assert_nonnull (view);

  /* The plan, its levels with their time frames, every common topic */
  g_assert_true (sp_test_ui_has_text (view, sp_plan_get_title (plan)));
  for (guint l = 0; l < sp_plan_get_n_levels (plan); l++)
    {
      const SpLevel *level = sp_plan_get_level (plan, l);

      heading = g_strdup_printf (_("Level %u · %s"), level->number, sp_text_get (level->title));
      g_assert_true (sp_test_ui_has_text (view, heading));
      g_clear_pointer (&heading, g_free);

      for (guint i = 0; i < level->topics->len; i++)
        g_assert_true (sp_test_ui_has_text (view, sp_topic_get_title (g_ptr_array_index (level->topics, i))));
    }
  g_assert_true (sp_test_ui_has_text_containing (view, is_romanian () ? "3–6 luni" : "3–6 months"));
  g_assert_true (sp_test_ui_has_text_containing (view, is_romanian () ? "12+ luni" : "12+ months"));
  g_assert_true (sp_test_ui_has_text (view, _("Complementary Skills")));
  g_assert_true (sp_test_ui_has_text (view, _("Portfolio Milestones")));
  g_assert_true (sp_test_ui_has_text (view, _("Interview Preparation")));

  /* The default track is shown; switch through the selector as a user would */
  g_assert_cmpstr (sp_planner_get_track (planner), ==, "dl");
  assert_track_shown (view, plan, "dl");
  sp_test_ui_save_png (GTK_WIDGET (window), is_romanian () ? "path-view-ro" : "path-view");

  combo = ADW_COMBO_ROW (sp_test_ui_find_by_type (view, ADW_TYPE_COMBO_ROW));
  g_assert_nonnull (combo);
  special = sp_plan_get_level (plan, 2);
  for (guint i = 0; i < special->tracks->len; i++)
    if (g_str_equal (((SpTrack *) g_ptr_array_index (special->tracks, i))->id, "nlp"))
      nlp_index = i;
  g_assert_cmpuint (nlp_index, !=, G_MAXUINT);
  adw_combo_row_set_selected (combo, nlp_index);
  sp_test_ui_wait (50);

  g_assert_cmpstr (sp_planner_get_track (planner), ==, "nlp");
  assert_track_shown (view, plan, "nlp");

  /* The rebuilt selector shows the choice */
  combo = ADW_COMBO_ROW (sp_test_ui_find_by_type (view, ADW_TYPE_COMBO_ROW));
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, nlp_index);

  /* Kept once, with the progress, where the command line reads it */
  saved = saved_track ();
  g_assert_cmpstr (saved, ==, "\"nlp\"");
  g_assert_null (g_settings_get_user_value (sp_application_get_settings (app), "track"));
  sp_test_ui_stop_app (app);
  assert_cli_track ("nlp");

  /* The next start reads it back */
  app = sp_test_ui_start_app ();
  planner = sp_application_get_planner (app);
  g_assert_cmpstr (sp_planner_get_track (planner), ==, "nlp");
  view = sp_test_ui_find_by_type (GTK_WIDGET (sp_test_ui_get_window (app)), SP_TYPE_PATH_VIEW);
  assert_track_shown (view, sp_planner_get_plan (planner), "nlp");
  sp_test_ui_stop_app (app);
  sp_test_ui_reset_state ();
}

/* Earlier versions kept the track in GSettings too. A state file with a
 * track of its own wins over the setting; one without takes the setting's
 * once. Either way the setting is reset, and the window and the command
 * line agree. */
static void
test_track_migrated (void)
{
  static const struct
  {
    const char *state;
    const char *track; /* what the app, the state saved and the command line say */
    const char *saved;
  } cases[] = {
    { "{\"version\": 1, \"plans\": {\"ml-career\": {\"track\": \"nlp\"}}}", "nlp", "\"nlp\"" },
    /* An older file, written before the track was kept there */
    { "{\"version\": 1, \"plans\": {\"ml-career\": {\"today\": null, \"blocks\": []}}}", "cv", "\"cv\"" },
  };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SpApplication *app;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *saved = NULL;

      write_state (cases[i].state);
      g_settings_set_string (settings, "track", "cv");
      app = sp_test_ui_start_app ();
      g_assert_cmpstr (sp_planner_get_track (sp_application_get_planner (app)), ==, cases[i].track);
      g_assert_null (g_settings_get_user_value (settings, "track"));
      sp_test_ui_stop_app (app);
      saved = saved_track ();
      g_assert_cmpstr (saved, ==, cases[i].saved);
      assert_cli_track (cases[i].track);
    }

  /* Carried over once: the next start has only the state's */
  app = sp_test_ui_start_app ();
  g_assert_cmpstr (sp_planner_get_track (sp_application_get_planner (app)), ==, "cv");
  sp_test_ui_stop_app (app);
  sp_test_ui_reset_state ();
}

/* A change re-makes the page between frames; until the new sections are
 * whole the old ones stay, so the page never shrinks under the reader and
 * keeps where it was scrolled to. */
static void
test_path_view_keeps_place (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  GtkWindow *window = sp_test_ui_get_window (app);
  SpPlanner *planner = sp_application_get_planner (app);
  SpPlan *plan = sp_planner_get_plan (planner);
  const char *first_topic = sp_topic_get_title (g_ptr_array_index (sp_plan_get_level (plan, 0)->topics, 0));
  GtkWidget *view = sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_PATH_VIEW);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (sp_test_ui_find_by_type (view, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  double place;
  guint frames = 0;

  sp_test_ui_wait_for_mapped (view);
  sp_test_ui_wait (200);   /* laid out whole */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, 2 * gtk_adjustment_get_page_size (adjustment));
  place = gtk_adjustment_get_upper (adjustment) / 2;
  gtk_adjustment_set_value (adjustment, place);
  sp_test_ui_wait (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, place);
  sp_test_ui_save_png (GTK_WIDGET (window), "path-topics");

  /* Another track: the whole page is made again */
  sp_planner_set_track (planner, g_str_equal (sp_planner_get_track (planner), "nlp") ? "cv" : "nlp");
  g_assert_true (sp_path_view_get_loading (SP_PATH_VIEW (view)));
  while (sp_path_view_get_loading (SP_PATH_VIEW (view)))
    {
      g_main_context_iteration (NULL, TRUE);
      frames++;
      g_assert_true (sp_test_ui_has_text (view, first_topic));
      g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, place);
    }
  sp_test_ui_wait (50);
  g_test_message ("re-made in %u main loop iterations, at the same place", frames);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, place);
  g_assert_true (sp_test_ui_has_text (view, first_topic));

  sp_test_ui_stop_app (app);
}

static void
test_romanian (void)
{
  SpApplication *app;
  GtkWindow *window;
  GtkWidget *view;

  if (!is_romanian ())
    {
      g_test_skip ("runs in the ro_RO.UTF-8 locale only (the window-ro test)");
      return;
    }

  app = sp_test_ui_start_app ();
  window = sp_test_ui_get_window (app);
  view = sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_PATH_VIEW);

  /* Both the interface (gettext) and the plan's own titles speak Romanian */
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Planificator de studiu");
  g_assert_true (sp_test_ui_has_text (view, "Abilități complementare"));
  g_assert_true (sp_test_ui_has_text (view, "Nivelul 1 · Fundamente"));

  sp_test_ui_stop_app (app);
}

static void
test_view_action (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  GtkWindow *window = sp_test_ui_get_window (app);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "path"));
  g_assert_cmpstr (sp_window_get_view (SP_WINDOW (window)), ==, "path");
  /* An unknown view is ignored, not a crash */
  sp_window_set_view (SP_WINDOW (window), "no-such-view");
  g_assert_cmpstr (sp_window_get_view (SP_WINDOW (window)), ==, "path");

  /* The shortcuts window is not made with the window, but when asked for
   * (showing it is left out: GTK 4.8's own GtkShortcutsWindow warns of a
   * label at a negative width, fatal in a test) */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  {
    g_autoptr(GtkBuilder) builder =
      gtk_builder_new_from_resource ("/io/github/studyplanner/StudyPlanner/ui/sp-shortcuts-window.ui");
    GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

    g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
    gtk_window_destroy (GTK_WINDOW (overlay));
  }

  sp_test_ui_stop_app (app);
}

/* A block's details open as the window closes go with it: GTK 4.8 keeps an
 * open popover alive after its window, and a tooltip timer started on it
 * then reads its vanished surface (a Gdk-CRITICAL, seen in test-focus-ui) */
static void
test_close_with_popover_open (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  GtkWindow     *window = sp_test_ui_get_window (app);
  SpSchedule    *schedule = sp_planner_get_schedule (sp_application_get_planner (app));
  g_autoptr(GPtrArray) popovers = NULL;
  GtkWidget *popover = NULL;

  g_assert_cmpuint (sp_schedule_get_n_blocks (schedule), >, 0);
  g_assert_true (sp_window_show_block (SP_WINDOW (window), sp_schedule_get_block (schedule, 0)->id));
  sp_test_ui_wait (100);
  popovers = sp_test_ui_collect_by_type (GTK_WIDGET (window), GTK_TYPE_POPOVER);
  for (guint i = 0; i < popovers->len && popover == NULL; i++)
    if (gtk_widget_get_mapped (popovers->pdata[i]))
      popover = popovers->pdata[i];
  g_assert_nonnull (popover);
  g_clear_pointer (&popovers, g_ptr_array_unref);

  g_object_add_weak_pointer (G_OBJECT (popover), (gpointer *) &popover);
  gtk_window_destroy (window);
  g_assert_null (popover);

  sp_test_ui_stop_app (app);
}

/* Quit closes the window and quits: it walked the application's list of
 * windows as the window it closed left it, reading a freed link (a crash
 * once in a few quits, seen as SIGTERM ended the app in test a11y; certain
 * here, where G_SLICE=always-malloc and MALLOC_PERTURB_ refill it) */
static void
test_quit_closes_every_window (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  GtkWindow     *window = sp_test_ui_get_window (app);

  g_assert_nonnull (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  sp_test_ui_wait (100);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_null (window);

  sp_test_ui_stop_app (app);
}

/* The primary menu: made when first opened, with every command in it */
static void
test_primary_menu (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  GtkWindow *window = sp_test_ui_get_window (app);
  GtkMenuButton *button;
  GtkPopover *popover;
  static const char *items[] = {
    N_("_Open Plan…"), N_("_Print…"), N_("Export as P_DF…"), N_("Export as i_Calendar…"),
    N_("_Preferences"), N_("_Keyboard Shortcuts"), N_("_About Study Planner"),
  };

  button = sp_test_ui_find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_assert_null (gtk_menu_button_get_popover (button));

  gtk_menu_button_popup (button);
  sp_test_ui_wait (100);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GString) shown = g_string_new (_(items[i]));

      g_string_replace (shown, "_", "", 1);
      g_assert_true (sp_test_ui_has_text (GTK_WIDGET (popover), shown->str));
    }
  sp_test_ui_save_png (GTK_WIDGET (popover), "primary-menu");
  gtk_menu_button_popdown (button);
  sp_test_ui_stop_app (app);
}

/* A shown progress bar (a widget below an unmapped one is never mapped itself) */
static gboolean
is_shown_bar (GtkWidget    *widget,
              gconstpointer data)
{
  return gtk_widget_get_mapped (widget) && GTK_IS_PROGRESS_BAR (widget);
}

static gboolean
is_shown_label_reading (GtkWidget    *widget,
                        gconstpointer text)
{
  return gtk_widget_get_mapped (widget) && GTK_IS_LABEL (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The shown label below @root that reads @text */
static GtkLabel *
find_shown_label (GtkWidget  *root,
                  const char *text)
{
  return GTK_LABEL (sp_test_ui_find (root, is_shown_label_reading, text));
}

/* Progress bars are proportional: 0% is empty, a share is that share of the
 * trough (a minimum width on the progress made 0% look a fifth full); each
 * level's name in the summary is read whole at 1280 px, wrapped if need be */
static void
test_summary_proportional (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  GtkWindow     *window = sp_test_ui_get_window (app);
  GtkWidget     *summary = sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_PROGRESS_SUMMARY);
  SpPlan        *plan = sp_planner_get_plan (sp_application_get_planner (app));
  g_autoptr(GPtrArray) bars = NULL;
  static const double fractions[] = { 0, 0.13, 0.5, 1 };

  g_assert_nonnull (summary);
  if (!sp_test_ui_resize (window, 1280, 800))
    {
      sp_test_ui_stop_app (app);
      return;
    }
  bars = sp_test_ui_collect (summary, is_shown_bar, NULL);
  g_assert_cmpuint (bars->len, >=, 4);

  for (guint f = 0; f < G_N_ELEMENTS (fractions); f++)
    {
      for (guint i = 0; i < bars->len; i++)
        gtk_progress_bar_set_fraction (g_ptr_array_index (bars, i), fractions[f]);
      sp_test_ui_wait (50);
      for (guint i = 0; i < bars->len; i++)
        {
          GtkWidget *trough = gtk_widget_get_first_child (g_ptr_array_index (bars, i));
          GtkWidget *progress = gtk_widget_get_first_child (trough);
          int        shown = gtk_widget_get_mapped (progress) ? gtk_widget_get_width (progress) : 0;
          int        full = gtk_widget_get_width (trough);

          g_assert_cmpint (full, >, 20);
          if (ABS (shown - fractions[f] * full) > 3)
            g_error ("a bar at %.0f%% shows %d of %d px", fractions[f] * 100, shown, full);
        }
    }

  for (guint l = 0; l < sp_plan_get_n_levels (plan); l++)
    {
      const char *title = sp_text_get (sp_plan_get_level (plan, l)->title);
      GtkLabel   *label = find_shown_label (summary, title);

      g_assert_nonnull (label);
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        g_error ("“%s” is cut short in the summary at 1280 px", title);
    }
  sp_test_ui_stop_app (app);
}

/* The sizes and styles the issue asks to look at; the PNGs land in
 * build/tests/screenshots/, and the view must fit without overflow. */
static void
test_screenshots (void)
{
  SpApplication *app = sp_test_ui_start_app ();
  GtkWindow *window = sp_test_ui_get_window (app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *view = sp_test_ui_find_by_type (GTK_WIDGET (window), SP_TYPE_PATH_VIEW);
  static const struct {
    int width, height;
    AdwColorScheme scheme;
    const char *name;
  } shots[] = {
    { 1280, 800, ADW_COLOR_SCHEME_FORCE_LIGHT, "path-1280x800-light" },
    { 1280, 800, ADW_COLOR_SCHEME_FORCE_DARK, "path-1280x800-dark" },
    { 800, 600, ADW_COLOR_SCHEME_FORCE_LIGHT, "path-800x600-light" },
    { 800, 600, ADW_COLOR_SCHEME_FORCE_DARK, "path-800x600-dark" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      int min_width;

      adw_style_manager_set_color_scheme (style, shots[i].scheme);
      if (!sp_test_ui_resize (window, shots[i].width, shots[i].height))
        continue;

      /* the default size counts the client-side shadow too */
      g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - shots[i].width), <=, 40);
      gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      g_assert_cmpint (min_width, <=, shots[i].width);
      sp_test_ui_save_png (GTK_WIDGET (window), shots[i].name);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  sp_test_ui_stop_app (app);
}

int
main (int   argc,
      char *argv[])
{
  sp_test_ui_init (&argc, &argv);

  g_test_add_func ("/window/path-view", test_path_view);
  g_test_add_func ("/window/path-view-keeps-place", test_path_view_keeps_place);
  g_test_add_func ("/window/track-migrated", test_track_migrated);
  g_test_add_func ("/window/view-action", test_view_action);
  g_test_add_func ("/window/primary-menu", test_primary_menu);
  g_test_add_func ("/window/close-with-popover-open", test_close_with_popover_open);
  g_test_add_func ("/window/quit-closes-every-window", test_quit_closes_every_window);
  g_test_add_func ("/window/romanian", test_romanian);
  g_test_add_func ("/window/summary-proportional", test_summary_proportional);
  g_test_add_func ("/window/screenshots", test_screenshots);

  return g_test_run ();
}
