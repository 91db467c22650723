/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "sp-caldav-secret.h"
#include "sp-dav-xml.h"
#include "sp-preferences-window.h"
#include "sp-sync-preferences-page.h"
#include "sp-test-core.h"
#include "sp-test-files.h"
#include "sp-test-keyring.h"
#include "sp-test-radicale.h"
#include "sp-test-ui.h"
#include "sp-window.h"

/* Preferences → Sync as a user fills it: the real app on a small plan
 * (tests/data/plans/sync.json), a Radicale on loopback asking for a
 * password, the keyring of the test's own session bus. Sync Now puts the
 * schedule on the server and a toast says so (and what to do, with a
 * wrong password); a change to the plan is
 * synced a few seconds later by itself; Stop Syncing with the events
 * removed leaves the calendar empty. */

#define USER     "ui"
#define PASSWORD "secret"

static char           *data_home;
static SpTestRadicale *radicale;
static SpTestKeyring  *keyring;

/* The events in the user's Study Planner calendar, by a plain PROPFIND */
static guint
count_server_events (void)
{
  g_autofree char *url = g_strconcat (radicale->url, USER "/study-planner/", NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("PROPFIND", url);
  g_autofree char *credentials = g_base64_encode ((const guchar *) USER ":" PASSWORD, strlen (USER ":" PASSWORD));
  g_autofree char *authorization = g_strdup_printf ("Basic %s", credentials);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(SpDavMultistatus) status = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Depth", "1");
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 207);
  status = sp_dav_multistatus_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < status->responses->len; i++)
    if (g_str_has_suffix (((SpDavResponse *) g_ptr_array_index (status->responses, i))->href, ".ics"))
      n++;
  return n;
}

/* The text before the first %s of a translated format: what a toast starts with */
static char *
format_prefix (const char *format)
{
  const char *at = strstr (format, "%");

  return g_strndup (format, at ? (gsize) (at - format) : strlen (format));
}

static void
wait_for_text (GtkWidget  *root,
               const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;

  while (!sp_test_ui_has_text_containing (root, needle) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sp_test_ui_has_text_containing (root, needle));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
test_sync_page (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *plan = g_test_build_filename (G_TEST_DIST, "data", "plans", "sync.json", NULL);
  g_autofree char *synced = format_prefix (_("Calendar synced: %s"));
  g_autofree char *failed = format_prefix (_("Calendar sync failed: %s. %s"));
  const char      *advice = _("Check the user name and password in Preferences → Sync.");
  g_autofree char *stopped = format_prefix (_("Stopped syncing; %u event was removed from the calendar"));
  g_autoptr(GPtrArray) rows = NULL;
  static const int sizes[][2] = { { 360, 640 }, { 1280, 800 } };
  int              min_width = 0;
  SpApplication   *app;
  GtkWindow       *window;
  GtkWindow       *prefs;
  GtkWindow       *dialog;
  GtkWidget       *page;
  GtkWidget       *button;
  SpPlanner       *planner;
  SpSchedule      *schedule;
  guint            n;
  gint64           deadline;

  g_settings_set_string (settings, "plan-file", plan);
  app = sp_test_ui_start_app ();
  window = sp_test_ui_get_window (app);
  planner = sp_application_get_planner (app);

  /* Preferences → Sync, from the app's action as the menu and Ctrl+, do */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  sp_test_ui_wait (100);
  prefs = find_toplevel (SP_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  page = sp_test_ui_find_by_type (GTK_WIDGET (prefs), SP_TYPE_SYNC_PREFERENCES_PAGE);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (page));
  sp_test_ui_wait (100);
  g_assert_null (sp_test_ui_find_button (page, _("_Stop Syncing…")));

  /* The address, the user name, the password (its own kind of row), in that order */
  rows = sp_test_ui_collect_by_type (page, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (g_ptr_array_index (rows, 2)));
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 0)), radicale->url);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 1)), USER);

  /* A wrong password: the toast and the page say what to do */
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 2)), "wrong");
  button = sp_test_ui_find_button (page, _("_Set Up and Sync"));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  wait_for_text (GTK_WIDGET (window), failed);
  wait_for_text (page, advice);

  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 2)), PASSWORD);
  button = sp_test_ui_find_button (page, _("_Set Up and Sync"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  /* The first push of more than 50 events shows its progress under the
   * window's header while it runs, and nothing once done */
  {
    GtkWidget *progress = sp_window_get_sync_progress (SP_WINDOW (window));
    double     shown = -1;

    deadline = g_get_monotonic_time () + 90 * G_USEC_PER_SEC;
    while (!sp_test_ui_has_text_containing (GTK_WIDGET (window), synced) && g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, TRUE);
        if (gtk_widget_get_visible (progress))
          shown = MAX (shown, gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (progress)));
      }
    g_assert_cmpuint (sp_test_n_synced_blocks (planner), >=, 50);
    g_assert_cmpfloat (shown, >, 0);
    g_assert_cmpfloat (shown, <=, 1);
    g_assert_false (gtk_widget_get_visible (progress));
  }

  /* A toast in the window; the schedule on the server; the password in
   * the keyring, not in the settings or the field */
  wait_for_text (GTK_WIDGET (window), synced);
  n = sp_test_n_synced_blocks (planner);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (count_server_events (), ==, n);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (rows, 2))), ==, "");
  if (keyring != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *kept = sp_caldav_secret_lookup_sync (radicale->url, USER, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (kept, ==, PASSWORD);
    }
  g_assert_nonnull (sp_test_ui_find_button (page, _("Sync _Now")));

  /* The page as a phone and a laptop show it (docs/screenshots/): the
   * page itself fits 360 pixels, the window no narrower than its widest
   * page lets it */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 360);
  gtk_widget_measure (GTK_WIDGET (prefs), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int              width = MAX (sizes[i][0], min_width);
      g_autofree char *name = g_strdup_printf ("sync-page-%dx%d", width, sizes[i][1]);

      if (!sp_test_ui_resize (prefs, width, sizes[i][1]))
        break;
      /* Past the header's switcher transition */
      sp_test_ui_wait (600);
      sp_test_ui_save_png (GTK_WIDGET (prefs), name);
    }

  /* A change to the plan: synced by itself a few seconds later */
  schedule = sp_planner_get_schedule (planner);
  for (guint i = 0; i < sp_schedule_get_n_blocks (schedule); i++)
    {
      const SpBlock *block = sp_schedule_get_block (schedule, i);

      if (block->status == SP_BLOCK_STATUS_PLANNED && block->day >= sp_planner_get_today (planner))
        {
          g_autofree char *id = g_strdup (block->id);
          g_autoptr(GError) error = NULL;

          g_assert_true (sp_planner_mark_block (planner, id, SP_BLOCK_STATUS_SKIPPED, 0, &error));
          g_assert_no_error (error);
          break;
        }
    }
  n = sp_test_n_synced_blocks (planner);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (count_server_events () != n && g_get_monotonic_time () < deadline)
    sp_test_ui_wait (500);
  g_assert_cmpuint (count_server_events (), ==, n);

  /* Stop Syncing, the events removed: the calendar is left empty */
  button = sp_test_ui_find_button (page, _("_Stop Syncing…"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  sp_test_ui_wait (100);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "remove");
  wait_for_text (GTK_WIDGET (window), stopped);
  g_assert_cmpuint (count_server_events (), ==, 0);
  {
    g_autofree char *url = g_settings_get_string (settings, "sync-url");

    g_assert_cmpstr (url, ==, "");
  }
  g_assert_null (sp_test_ui_find_button (page, _("_Stop Syncing…")));

  gtk_window_destroy (prefs);
  sp_test_ui_stop_app (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *radicale_path = sp_test_radicale_find ();
  g_autofree char *keyring_path = sp_test_keyring_find ();
  int              status;

  /* Its own data folder (the state and the sync record), and its own
   * session bus with a keyring, before anything connects to a bus */
  data_home = sp_test_ui_make_data_home ("sp-sync-ui-XXXXXX");
  if (keyring_path != NULL && radicale_path != NULL)
    keyring = sp_test_keyring_new ();
  sp_test_ui_init (&argc, &argv);
  if (radicale_path == NULL)
    g_test_add_func ("/sync-ui/radicale", sp_test_radicale_skip);
  else
    {
      radicale = sp_test_radicale_new (USER ":" PASSWORD "\n");
      g_test_add_func ("/sync-ui/sync-page", test_sync_page);
    }

  status = g_test_run ();
  if (radicale != NULL)
    sp_test_radicale_free (radicale);
  if (keyring != NULL)
    sp_test_keyring_free (keyring);
  sp_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
