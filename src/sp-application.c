/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-application"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>

#include "sp-application.h"
#include "sp-bench.h"
#include "sp-cli-sync.h"
#include "sp-cli.h"
#include "sp-file-utils.h"
#include "sp-first-frame.h"
#include "sp-notifier.h"
#include "sp-preferences-window.h"
#include "sp-sync-controller.h"
#include "sp-sync-preferences-page.h"
#include "sp-welcome-window.h"
#include "sp-window.h"

struct _SpApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  SpPlanner      *planner;
  SpNotifier     *notifier;
  SpCatalog      *catalog;
  SpSyncController *sync;
  char           *startup_error; /* shown once the window is up */
  gboolean        catalog_started;
  gboolean          welcome_asked;
  char           *state_error;   /* the state file could not be read: nothing is saved */
  guint             signal_ids[3]; /* SIGTERM, SIGINT, SIGHUP */
};

G_DEFINE_FINAL_TYPE (SpApplication, sp_application, ADW_TYPE_APPLICATION)

static SpWindow *
get_window (SpApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SP_IS_WINDOW (window))
    return SP_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (SP_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* A save the user did not ask for (a setting, a course, a new day) failed:
 * the window says so. Edits report their own failure; before the window is
 * shown, activate() tells it in a dialog. */
static void
state_warning_cb (SpApplication *self)
{
  SpWindow *window = get_window (self);
  g_autofree char *warning = NULL;

  if (window == NULL || !gtk_widget_get_visible (GTK_WIDGET (window)) ||
      sp_planner_get_state_warning (self->planner) == NULL)
    return;
  warning = sp_planner_take_state_warning (self->planner);
  sp_window_add_toast (window, warning);
}

/* A long calendar sync's progress, shown by the window whatever its view */
static void
sync_progress_cb (SpApplication *self)
{
  SpWindow *window = get_window (self);

  if (window != NULL)
    sp_window_set_sync_fraction (window, sp_sync_controller_get_busy (self->sync)
                                             ? sp_sync_controller_get_fraction (self->sync)
                                             : -1);
}

static SpWindow *
ensure_window (SpApplication *self)
{
  SpWindow *window = get_window (self);

  if (window == NULL)
    {
      window = sp_window_new (self);
      sync_progress_cb (self);
    }
  return window;
}

/* The saved plan, or the bundled one when there is none or it no longer loads. */
static SpPlan *
load_initial_plan (SpApplication *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "plan-file");

  if (path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      SpPlan *plan = sp_plan_new_from_file (file, NULL, &error);

      if (plan != NULL)
        return plan;

      /* Keep the setting: the file may come back, and it is the user's choice */
      g_warning ("%s", error->message);
      self->startup_error = g_strdup (error->message);
    }

  return sp_plan_new_bundled ();
}

static void
open_plan_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  SpApplication *self = SP_APPLICATION (user_data);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (!sp_application_open_plan (self, file, &error))
        sp_window_show_error (ensure_window (self), _("Could not open the plan"), error->message);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_plan_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  SpApplication *self = SP_APPLICATION (user_data);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Plan"),
                                         GTK_WINDOW (ensure_window (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Study plans (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect (chooser, "response", G_CALLBACK (open_plan_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
bundled_plan_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  SpApplication *self = SP_APPLICATION (user_data);
  g_autoptr(SpPlan) plan = sp_plan_new_bundled ();

  g_settings_set_string (self->settings, "plan-file", "");
  sp_planner_set_plan (self->planner, plan);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  SpApplication *self = SP_APPLICATION (user_data);
  SpPreferencesWindow *prefs;

  prefs = sp_preferences_window_new (self->planner, self->settings);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (prefs),
                              ADW_PREFERENCES_PAGE (sp_sync_preferences_page_new (self->sync, self->settings)));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (ensure_window (self)));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  SpApplication *self = SP_APPLICATION (user_data);
  static const char *developers[] = { "Study Planner developers", NULL };

  adw_show_about_window (GTK_WINDOW (ensure_window (self)),
                         "application-name", _("Study Planner"),
                         "application-icon", APP_ID,
                         "developer-name", _("Study Planner developers"),
                         "version", PACKAGE_VERSION,
                         "website", "https://github.com/studyplanner/study-planner",
                         "issue-url", "https://github.com/studyplanner/study-planner/issues",
                         "comments", _("Plan your way to becoming a machine-learning engineer: "
                                       "daily study blocks from the hours you have, "
                                       "course listings matched to topics, and a schedule to print."),
                         "developers", developers,
                         /* TRANSLATORS: your name and e-mail, one per line */
                         "translator-credits", _("translator-credits"),
                         "copyright", "© 2026 Study Planner developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  SpApplication *self = SP_APPLICATION (user_data);
  /* A copy: a window closed leaves the application's list, its link freed */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
  g_application_quit (G_APPLICATION (self));
}

/* SIGTERM (a session ending, kill), SIGINT (Ctrl+C in the terminal that
 * started the app) and SIGHUP (that terminal gone) ended the app where it
 * stood: now the progress is written once more, whole (the writer keeps
 * signals out of a write, and this runs between writes, on the main loop),
 * and the app quits as Quit does. */
static gboolean
quit_on_signal_cb (gpointer user_data)
{
  SpApplication *self = SP_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  if (self->planner != NULL && self->state_error == NULL && !sp_planner_save (self->planner, &error))
    g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  quit_action (NULL, NULL, self);
  return G_SOURCE_CONTINUE;
}

/* From a notification: the block, ready to be worked on */
static SpWindow *
show_notified_block (SpApplication *self,
                     GVariant      *param)
{
  SpWindow *window = ensure_window (self);

  sp_notifier_withdraw (self->notifier);
  gtk_window_present (GTK_WINDOW (window));
  sp_window_show_block (window, g_variant_get_string (param, NULL));
  return window;
}

static void
start_block_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  show_notified_block (SP_APPLICATION (user_data), param);
}

/* From a notification's Start: the block, studied in a focus session */
static void
focus_block_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  SpWindow *window = show_notified_block (SP_APPLICATION (user_data), param);

  sp_window_start_focus (window, g_variant_get_string (param, NULL));
}

static void
skip_block_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  SpApplication *self = SP_APPLICATION (user_data);
  const char *id = g_variant_get_string (param, NULL);
  SpSchedule *schedule = sp_planner_get_schedule (self->planner);
  const SpBlock *block = schedule ? sp_schedule_lookup_block (schedule, id) : NULL;
  g_autofree char *title = block ? g_strdup (sp_topic_get_title (block->topic)) : NULL;
  g_autoptr(GError) error = NULL;
  SpWindow *window = get_window (self);

  sp_notifier_withdraw (self->notifier);
  if (!sp_planner_mark_block (self->planner, id, SP_BLOCK_STATUS_SKIPPED, 0, &error))
    {
      g_warning ("%s", error->message);
      if (window != NULL)
        sp_window_add_toast (window, error->message);
      return;
    }
  if (window != NULL)
    {
      /* TRANSLATORS: a toast after skipping a block from its notification */
      g_autofree char *message = g_strdup_printf (_("Skipped “%s”"), title);
      sp_window_add_undo_toast (window, message);
    }
}

static const GActionEntry app_actions[] = {
  { "start-block", start_block_action, "s" },
  { "focus-block", focus_block_action, "s" },
  { "skip-block", skip_block_action, "s" },
  { "open-plan", open_plan_action },
  { "bundled-plan", bundled_plan_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* The calendar sync's news, as a toast in the window */
static void
sync_message_cb (SpApplication *self,
                 const char    *text,
                 gboolean       urgent)
{
  SpWindow *window = get_window (self);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), urgent ? "win.toast-urgent" : "win.toast", "s", text);
}

static int
sp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  return sp_cli_run (options);
}

/* The track is kept with the progress in the state file, where the
 * command line reads it. Versions before kept a copy in GSettings too,
 * which could disagree: it is carried over once, when the state has none
 * of its own, and the setting reset (kept when nothing could be saved). */
static void
migrate_track (SpApplication *self)
{
  g_autoptr(GVariant) old = g_settings_get_user_value (self->settings, "track");

  if (old != NULL && sp_planner_take_old_track (self->planner, g_variant_get_string (old, NULL)))
    g_settings_reset (self->settings, "track");
}

static void
sp_application_startup (GApplication *app)
{
  SpApplication *self = SP_APPLICATION (app);
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.open-plan", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.focus-next", { "<Control><Shift>f", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.view('month')", { "<Control>1", NULL } },
    { "win.view('week')", { "<Control>2", NULL } },
    { "win.view('day')", { "<Control>3", NULL } },
    { "win.view('path')", { "<Control>4", NULL } },
    { "win.view('courses')", { "<Control>5", NULL } },
  };

  sp_bench_mark ("startup");
  G_APPLICATION_CLASS (sp_application_parent_class)->startup (app);
  sp_bench_mark ("gtk");

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  {
    static const int signals[] = { SIGTERM, SIGINT, SIGHUP };

    G_STATIC_ASSERT (G_N_ELEMENTS (signals) == G_N_ELEMENTS (self->signal_ids));
    for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
      self->signal_ids[i] = g_unix_signal_add (signals[i], quit_on_signal_cb, self);
  }
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  plan = load_initial_plan (self);
  sp_bench_mark ("plan");
  self->planner = sp_planner_new (plan);

  /* Course listings: the bundled snapshot now; the saved ones, then fresh
   * ones when more than a day old, once the window is on screen */
  self->catalog = sp_catalog_new (NULL, NULL);
  sp_catalog_follow_planner (self->catalog, self->planner);
  sp_catalog_bind_settings (self->catalog, self->settings);
  if (!sp_catalog_load_bundled (self->catalog, &error))
    {
      g_warning ("The bundled course listings could not be read: %s", error->message);
      g_clear_error (&error);
    }
  sp_bench_mark ("catalog");

  /* A state file that cannot be used is kept aside and reported, never overwritten */
  if (!sp_planner_load_state (self->planner, NULL, &error))
    self->state_error = g_strdup (error->message);
  migrate_track (self);
  g_signal_connect_object (self->planner, "notify::state-warning", G_CALLBACK (state_warning_cb), self,
                           G_CONNECT_SWAPPED);
  sp_bench_mark ("state");

  self->notifier = sp_notifier_new (app, self->planner, self->settings);

  self->sync = sp_sync_controller_new (self->planner, self->settings, NULL);
  g_signal_connect_object (self->sync, "message", G_CALLBACK (sync_message_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::fraction", G_CALLBACK (sync_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::busy", G_CALLBACK (sync_progress_cb), self, G_CONNECT_SWAPPED);
}

/* Reading the saved listings and connecting to the servers (proxy
 * settings, name lookups) wait until the window has shown its first frame */
static void
start_catalog (gpointer user_data)
{
  SpApplication *self = user_data;

  if (self->catalog_started)
    return;
  self->catalog_started = TRUE;
  sp_catalog_start (self->catalog, g_settings_get_boolean (self->settings, "catalog-auto-refresh"));
  /* The calendar too, in the background */
  sp_sync_controller_start (self->sync);
}

static void
sp_application_activate (GApplication *app)
{
  SpApplication *self = SP_APPLICATION (app);
  SpWindow *window = ensure_window (self);

  sp_bench_mark ("window");
  sp_bench_watch_first_frame (GTK_WINDOW (window));
  if (!self->catalog_started)
    sp_after_first_frame (GTK_WIDGET (window), start_catalog, self);
  gtk_window_present (GTK_WINDOW (window));
  sp_bench_mark ("present");

  if (self->startup_error != NULL)
    {
      g_autofree char *message = g_steal_pointer (&self->startup_error);
      sp_window_show_error (window, _("Could not open the saved plan; showing the bundled path"), message);
    }

  if (self->state_error != NULL)
    {
      g_autofree char *message = g_steal_pointer (&self->state_error);
      sp_window_show_error (window, _("Your progress could not be read, and will not be saved"), message);
    }
  else
    {
      g_autofree char *warning = sp_planner_take_state_warning (self->planner);

      if (warning != NULL)
        sp_window_show_error (window, _("About Your Saved Progress"), warning);
    }

  /* The first start asks the hours, the start date and the track, once */
  if (!self->welcome_asked && !g_settings_get_boolean (self->settings, "welcome-shown"))
    {
      SpWelcomeWindow *welcome = sp_welcome_window_new (self->planner, self->settings);

      self->welcome_asked = TRUE;
      gtk_window_set_transient_for (GTK_WINDOW (welcome), GTK_WINDOW (window));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (welcome), TRUE);
      gtk_window_present (GTK_WINDOW (welcome));
    }
}

static void
sp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SpApplication *self = SP_APPLICATION (app);

  sp_application_activate (app);

  /* One plan is followed at a time: the last good file wins */
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!sp_application_open_plan (self, files[i], &error))
        sp_window_show_error (ensure_window (self), _("Could not open the plan"), error->message);
    }
}

static void
sp_application_shutdown (GApplication *app)
{
  SpApplication *self = SP_APPLICATION (app);

  G_APPLICATION_CLASS (sp_application_parent_class)->shutdown (app);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);
  if (self->sync != NULL)
    sp_sync_controller_cancel (self->sync);
  g_clear_object (&self->sync);
  g_clear_object (&self->notifier);
  g_clear_object (&self->catalog);
  g_clear_object (&self->planner);
  g_clear_object (&self->settings);
}

static void
sp_application_finalize (GObject *object)
{
  SpApplication *self = SP_APPLICATION (object);

  g_clear_object (&self->sync);
  g_clear_object (&self->notifier);
  g_clear_object (&self->catalog);
  g_clear_object (&self->planner);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->startup_error, g_free);
  g_clear_pointer (&self->state_error, g_free);

  G_OBJECT_CLASS (sp_application_parent_class)->finalize (object);
}

static void
sp_application_class_init (SpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sp_application_finalize;
  app_class->handle_local_options = sp_application_handle_local_options;
  app_class->startup = sp_application_startup;
  app_class->activate = sp_application_activate;
  app_class->open = sp_application_open;
  app_class->shutdown = sp_application_shutdown;
}

static void
sp_application_init (SpApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), sp_cli_get_option_entries ());
  g_application_add_main_option_entries (G_APPLICATION (self), sp_cli_sync_option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[PLAN-FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan your study of the machine-learning path."));
}

SpApplication *
sp_application_new (void)
{
  return g_object_new (SP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/studyplanner/StudyPlanner",
                       NULL);
}

/**
 * sp_application_get_planner:
 *
 * Returns: (transfer none): the one owner of the plan and the user's state
 */
SpPlanner *
sp_application_get_planner (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);
  return self->planner;
}

/**
 * sp_application_get_catalog:
 *
 * Returns: (transfer none): the one owner of the course listings
 */
SpCatalog *
sp_application_get_catalog (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);
  return self->catalog;
}

GSettings *
sp_application_get_settings (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * sp_application_open_plan:
 *
 * Validates @file, keeps a copy in the user's plans folder so the plan
 * stays available when the original moves, and follows it. On failure
 * nothing changes.
 */
gboolean
sp_application_open_plan (SpApplication  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *plans_dir = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (SP_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_path (file);
  if (name == NULL)
    name = g_file_get_uri (file);

  bytes = sp_file_read_gfile (file, SP_FILE_MAX_PLAN_SIZE, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_READ, "%s: %s", name, local_error->message);
      return FALSE;
    }

  plan = sp_plan_new_from_bytes (bytes, name, NULL, error);
  if (plan == NULL)
    return FALSE;

  data_dir = sp_file_get_data_dir ();
  plans_dir = g_build_filename (data_dir, "plans", NULL);
  basename = g_strdup_printf ("%s.json", sp_plan_get_id (plan));
  copy = g_build_filename (plans_dir, basename, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (g_strcmp0 (name, copy) != 0)
    {
      if (g_mkdir_with_parents (plans_dir, 0755) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not create the folder “%s”: %s"), plans_dir, g_strerror (saved));
          return FALSE;
        }
      if (!sp_file_write_atomic (copy, data, length, error))
        return FALSE;
    }

  g_settings_set_string (self->settings, "plan-file", copy);
  sp_planner_set_plan (self->planner, plan);
  return TRUE;
}

/**
 * sp_application_get_notifier:
 *
 * Returns: (transfer none): what announces the blocks about to start
 */
SpNotifier *
sp_application_get_notifier (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);
  return self->notifier;
}
