/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sp-calendar-grid.h"
#include "sp-path-view.h"
#include "sp-test-files.h"
#include "sp-test-ui.h"

/* Starts the real application with its real window. NON_UNIQUE keeps
 * tests apart from each other and from a running instance. A first start
 * shows the welcome; the tests start as a person who has seen it. */
static SpApplication *
start_app (gboolean first_start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SpApplication *app;
  static guint serial;
  g_autofree char *app_id = g_strdup_printf ("%s.Test%u", APP_ID, serial++);

  /* Desktop notifications need a notification server on the bus: a test
   * that wants them runs one and turns them on */
  g_settings_set_boolean (settings, "notify-blocks", FALSE);
  g_settings_set_boolean (settings, "welcome-shown", !first_start);

  /* Tests reach no network: only the bundled and test-made course listings */
  g_settings_set_boolean (settings, "catalog-auto-refresh", FALSE);
  app = sp_application_new ();

  /* A fresh id each time: an application object that was never run stays
   * exported on the bus until the process ends */
  g_application_set_application_id (G_APPLICATION (app), app_id);

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  sp_test_ui_wait_for_mapped (GTK_WIDGET (sp_test_ui_get_window (app)));
  return app;
}

SpApplication *
sp_test_ui_start_app (void)
{
  return start_app (FALSE);
}

/* As the very first start: the welcome shows */
SpApplication *
sp_test_ui_start_app_first_time (void)
{
  return start_app (TRUE);
}

/* What every UI test program does first: the translations of the build,
 * then GTK. gtk_test_init () switches to en_US.UTF-8 wherever that locale
 * is installed, so the locale the environment gives (ro_RO.UTF-8 for the
 * -ro runs) is set again after it. */
void
sp_test_ui_init (int    *argc,
                 char ***argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("STUDY_PLANNER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, NULL);
  setlocale (LC_ALL, "");
  adw_init ();
}

void
sp_test_ui_stop_app (SpApplication *app)
{
  GList *windows;
  GLogLevelFlags fatal;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  sp_test_ui_wait (50);
  /* What g_application_run() does on its way out: GTK keeps a reference
   * to a started application until its shutdown, so without it the
   * application, its planner and its catalog would live on. GLib then
   * unregisters it as it is finalized and warns, through structured
   * logging that g_test_expect_message() cannot see: that one warning is
   * let through, not made fatal. */
  g_signal_emit_by_name (app, "shutdown");
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_object_unref (app);
  g_log_set_always_fatal (fatal);
}

/**
 * sp_test_ui_make_data_home:
 * @tmpl: the folder's name, as g_dir_make_tmp() takes it
 *
 * Gives the test program a fresh data folder (XDG_DATA_HOME) of its own,
 * where the application saves its state, so runs cannot meet. Call it
 * before sp_test_ui_init(): GLib reads the variable once.
 *
 * Returns: (transfer full): the folder's path
 */
char *
sp_test_ui_make_data_home (const char *tmpl)
{
  char *data_home = sp_test_make_tmp_dir (tmpl);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  return data_home;
}

/* Each test starts from no saved state, as a new user */
void
sp_test_ui_reset_state (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("XDG_DATA_HOME"), "study-planner", "state.json", NULL);

  g_assert_true (g_remove (path) == 0 || errno == ENOENT);
}

GtkWindow *
sp_test_ui_get_window (SpApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  return GTK_WINDOW (g_list_last (windows)->data);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  g_main_context_wakeup (NULL);
  return G_SOURCE_REMOVE;
}

static gboolean
any_path_view_loading (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GtkWidget *view = sp_test_ui_find_by_type (window, SP_TYPE_PATH_VIEW);

      if (view != NULL && sp_path_view_get_loading (SP_PATH_VIEW (view)))
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  GdkFrameClock *clock;
  gulong         handler;
  gboolean       painted;
} FrameWait;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  wait->painted = TRUE;
}

/* Makes every shown window go through one whole frame: a timer at the
 * default priority runs before GTK's layout and drawing, so however long
 * a test waited, what it changed may not be laid out yet when the machine
 * is slow (under AddressSanitizer, say). */
static void
wait_for_frames (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */
  g_autoptr(GArray) waits = g_array_new (FALSE, TRUE, sizeof (FrameWait));
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean all_painted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GdkFrameClock *clock = gtk_widget_get_mapped (window) ? gtk_widget_get_frame_clock (window) : NULL;
      FrameWait wait = { clock, 0, FALSE };

      if (clock != NULL)
        g_array_append_val (waits, wait);
    }
  /* connected once the array stops growing: the handlers hold pointers into it */
  for (guint i = 0; i < waits->len; i++)
    {
      FrameWait *wait = &g_array_index (waits, FrameWait, i);

      wait->handler = g_signal_connect (wait->clock, "after-paint", G_CALLBACK (after_paint_cb), wait);
      gdk_frame_clock_request_phase (wait->clock, GDK_FRAME_CLOCK_PHASE_LAYOUT | GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
    }

  while (!all_painted && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      all_painted = TRUE;
      for (guint i = 0; i < waits->len; i++)
        all_painted &= g_array_index (waits, FrameWait, i).painted;
    }
  if (!all_painted)
    g_test_message ("a window drew no frame in 10 s");
  for (guint i = 0; i < waits->len; i++)
    g_signal_handler_disconnect (g_array_index (waits, FrameWait, i).clock, g_array_index (waits, FrameWait, i).handler);
}

/* Waits @ms, then until the Path view has made the rows it makes after
 * the first frame and every window has laid out and drawn what changed,
 * so that what a test looks for is there. */
void
sp_test_ui_wait (guint ms)
{
  gboolean done = FALSE;
  gint64 deadline;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (any_path_view_loading () && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (any_path_view_loading ());
  wait_for_frames ();
}

void
sp_test_ui_wait_for_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (widget));
  /* Let the first frame lay out and draw */
  sp_test_ui_wait (100);
}

/* Sizes the window's surface, as a window manager would: without one,
 * under Xvfb, GTK keeps a few pixels of it for resize borders. Waits for
 * the new size rather than a fixed time: under AddressSanitizer a resize
 * can take longer than a frame or two. FALSE when the screen is smaller:
 * the test is then marked incomplete, since it could not look at that size. */
gboolean
sp_test_ui_resize (GtkWindow *window,
                   int        width,
                   int        height)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkMonitor *monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GdkRectangle geometry;

  /* A window never grows past its screen */
  gdk_monitor_get_geometry (monitor, &geometry);
  if (geometry.width < width || geometry.height < height)
    {
      g_test_incomplete_printf ("The screen is %d×%d: nothing at %d×%d (xvfb-run -s \"-screen 0 1920x1080x24\")",
                                geometry.width, geometry.height, width, height);
      return FALSE;
    }

  gtk_window_set_default_size (window, width, height);
  while ((gdk_surface_get_width (surface) != width || gdk_surface_get_height (surface) != height) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (gdk_surface_get_width (surface), ==, width);
  g_assert_cmpint (gdk_surface_get_height (surface), ==, height);
  /* ...and until the window is laid out at that size (less the few
   * pixels of its shadow and resize borders) */
  while (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) > 40 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  sp_test_ui_wait (100);
  return TRUE;
}

/* Every search below walks the widget tree the same way, in its order,
 * @root itself first; they differ only in what they look for */
GtkWidget *
sp_test_ui_find (GtkWidget    *root,
                 SpTestUiMatch match,
                 gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sp_test_ui_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_matching (GtkWidget    *root,
                  SpTestUiMatch match,
                  gconstpointer data,
                  GPtrArray    *found)
{
  if (match (root, data))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_matching (child, match, data, found);
}

/* Returns: (transfer container): the widgets below @root, @root included,
 * that @match takes, in the order of the widget tree */
GPtrArray *
sp_test_ui_collect (GtkWidget    *root,
                    SpTestUiMatch match,
                    gconstpointer data)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_matching (root, match, data, found);
  return found;
}

static gboolean
has_css_class (GtkWidget    *widget,
               gconstpointer css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

/* The first widget under @root, itself included, with @css_class */
GtkWidget *
sp_test_ui_find_by_css_class (GtkWidget  *root,
                              const char *css_class)
{
  return sp_test_ui_find (root, has_css_class, css_class);
}

static gboolean
is_of_type (GtkWidget    *widget,
            gconstpointer type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (type));
}

GtkWidget *
sp_test_ui_find_by_type (GtkWidget *root,
                         GType      type)
{
  return sp_test_ui_find (root, is_of_type, GSIZE_TO_POINTER (type));
}

/* Returns: (transfer container): the widgets of @type below @root, @root
 * included, in the order of the widget tree */
GPtrArray *
sp_test_ui_collect_by_type (GtkWidget *root,
                            GType      type)
{
  return sp_test_ui_collect (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_grid_of_span (GtkWidget    *widget,
                 gconstpointer span)
{
  return SP_IS_CALENDAR_GRID (widget) &&
         sp_calendar_grid_get_span (SP_CALENDAR_GRID (widget)) == (SpCalendarSpan) GPOINTER_TO_INT (span);
}

/* The calendar grid of @span below @root: the window has a Month and a Week */
GtkWidget *
sp_test_ui_find_grid (GtkWidget     *root,
                      SpCalendarSpan span)
{
  return sp_test_ui_find (root, is_grid_of_span, GINT_TO_POINTER (span));
}

static gboolean
is_button_labelled (GtkWidget    *widget,
                    gconstpointer label)
{
  if (GTK_IS_BUTTON (widget))
    return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 && gtk_widget_is_visible (widget);
  return GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0;
}

/* The shown button, or menu button, labelled @label (its mnemonic included) */
GtkWidget *
sp_test_ui_find_button (GtkWidget  *root,
                        const char *label)
{
  return sp_test_ui_find (root, is_button_labelled, label);
}

static gboolean
is_primary_menu_button (GtkWidget    *widget,
                        gconstpointer data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* The window's primary menu (F10) */
GtkMenuButton *
sp_test_ui_find_primary_menu_button (GtkWidget *root)
{
  return GTK_MENU_BUTTON (sp_test_ui_find (root, is_primary_menu_button, NULL));
}

static void
collect (GtkWidget *widget,
         GPtrArray *texts)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, texts);
}

/**
 * sp_test_ui_collect_text:
 *
 * Returns: (transfer full): the text of every visible label below @root, as shown
 */
GPtrArray *
sp_test_ui_collect_text (GtkWidget *root)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect (root, texts);
  return texts;
}

gboolean
sp_test_ui_has_text (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) texts = sp_test_ui_collect_text (root);

  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a shown label below @root has @needle in its text */
gboolean
sp_test_ui_has_text_containing (GtkWidget  *root,
                                const char *needle)
{
  g_autoptr(GPtrArray) texts = sp_test_ui_collect_text (root);

  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Renders @widget as it is on screen into $G_TEST_BUILDDIR/screenshots/NAME.png,
 * so a change in layout can be looked at. */
/**
 * sp_test_ui_render:
 *
 * Returns: (transfer full): @widget as it draws now, at its size
 */
GdkTexture *
sp_test_ui_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A window that was just shown or resized may not have drawn yet (slowly,
   * under AddressSanitizer): give it frames to come */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries > 0)
        sp_test_ui_wait (100);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
sp_test_ui_save_png (GtkWidget  *widget,
                     const char *name)
{
  g_autoptr(GdkTexture) texture = sp_test_ui_render (widget);
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     modifiers)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    return gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
           gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keyval, modifiers);
  return FALSE;
}

static gboolean
activate_shortcuts_of (GtkWidget       *widget,
                       guint            keyval,
                       GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, modifiers) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                            widget, gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * sp_test_ui_press_key:
 * @focus: the widget with the keyboard focus
 *
 * Handles a key press the way GTK dispatches one to shortcuts: the
 * application's accelerators, then the key bindings of @focus and of each
 * widget above it. Xvfb has no way to type into a window without XTest,
 * so this goes through the same tables the real keys go through.
 *
 * Returns: whether a shortcut took the key
 */
gboolean
sp_test_ui_press_key (GtkWidget       *focus,
                      guint            keyval,
                      GdkModifierType  modifiers)
{
  GtkRoot *root = gtk_widget_get_root (focus);
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  g_autofree char *accel = gtk_accelerator_name (keyval, modifiers);
  gboolean handled = FALSE;

  if (app != NULL)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, accel);

      if (actions != NULL && actions[0] != NULL)
        {
          g_autofree char *name = NULL;
          g_autoptr(GVariant) target = NULL;

          g_assert_true (g_action_parse_detailed_name (actions[0], &name, &target, NULL));
          handled = gtk_widget_activate_action_variant (GTK_WIDGET (root), name, target);
        }
    }

  for (GtkWidget *widget = focus; widget != NULL && !handled; widget = gtk_widget_get_parent (widget))
    handled = activate_shortcuts_of (widget, keyval, modifiers);

  /* Let what the key did lay out and draw */
  sp_test_ui_wait (20);
  return handled;
}
