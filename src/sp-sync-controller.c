/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "sp-sync-controller"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sp-caldav-secret.h"
#include "sp-caldav-sync.h"
#include "sp-calendar-text.h"
#include "sp-dates.h"
#include "sp-http.h"
#include "sp-sync-controller.h"
#include "sp-sync-record.h"

/* The app's side of calendar sync (docs/sync.md): the account in the
 * settings (the address and user name) and the keyring (the password), a
 * sync on start and a few seconds after each change of the planner, one at
 * a time in the background with a GCancellable, and what it did told as
 * the "message" signal (a toast) and the status property (Preferences →
 * Sync). It holds no widget; SpApplication owns it. */

/* A push this long shows its progress */
#define LONG_SYNC_REQUESTS 50

typedef enum
{
  NEXT_SYNC,
  NEXT_REMOVE,
} Next;

struct _SpSyncController
{
  GObject parent_instance;

  SpPlanner      *planner;
  GSettings      *settings;
  char           *record_path;
  char           *password; /* from the keyring or as typed; nullable */
  SpCaldavClient *client;
  GCancellable   *cancellable;
  guint           debounce_id;
  gboolean        busy;
  gboolean        pending; /* the planner changed during a sync */
  gboolean        manual;  /* the user asked: the result is told whatever it is */
  int             stop;    /* 0, or a stop asked during a sync: 1 keep the events, 2 remove them */
  double          fraction;
  gboolean        storing;   /* a password is on its way to the keyring */
  char           *store_url; /* the next to store, once that one is kept */
  char           *store_user;
  char           *store_password;
};

G_DEFINE_FINAL_TYPE (SpSyncController, sp_sync_controller, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CONFIGURED,
  PROP_BUSY,
  PROP_FRACTION,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void run_sync (SpSyncController *self);
static void run_remove (SpSyncController *self);
static void finish_stop (SpSyncController *self,
                         gboolean          removed,
                         guint             n_removed);

static char *
get_url (SpSyncController *self)
{
  return g_settings_get_string (self->settings, "sync-url");
}

static char *
get_user (SpSyncController *self)
{
  return g_settings_get_string (self->settings, "sync-user");
}

static void
tell (SpSyncController *self,
      const char       *text,
      gboolean          urgent)
{
  g_signal_emit (self, signals[MESSAGE], 0, text, urgent);
}

static void
set_busy (SpSyncController *self,
          gboolean          busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  self->fraction = -1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
keep_result (SpSyncController *self,
             const char       *text)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_settings_set_int64 (self->settings, "sync-last-time", g_date_time_to_unix (now));
  g_settings_set_string (self->settings, "sync-last-result", text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
append_count (GString    *text,
              const char *part)
{
  if (text->len > 0)
    /* TRANSLATORS: between the parts of a sync's result: "3 events created, 1 deleted" */
    g_string_append (text, _(", "));
  g_string_append (text, part);
}

/* What a sync did, in words */
static char *
describe_result (const SpSyncResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint sent = result->created + result->updated + result->deleted;

  if (sent == 0 && result->pinned == 0 && result->skipped == 0)
    return g_strdup_printf (ngettext ("Up to date, %u event", "Up to date, %u events", result->unchanged),
                            result->unchanged);
  if (result->created > 0)
    {
      g_autofree char *part = g_strdup_printf (
          ngettext ("%u event created", "%u events created", result->created), result->created);
      append_count (text, part);
    }
  if (result->updated > 0)
    {
      g_autofree char *part = g_strdup_printf (ngettext ("%u updated", "%u updated", result->updated), result->updated);
      append_count (text, part);
    }
  if (result->deleted > 0)
    {
      g_autofree char *part = g_strdup_printf (ngettext ("%u deleted", "%u deleted", result->deleted), result->deleted);
      append_count (text, part);
    }
  if (result->pinned > 0)
    {
      g_autofree char *part = g_strdup_printf (
          ngettext ("%u block moved on the server", "%u blocks moved on the server", result->pinned), result->pinned);
      append_count (text, part);
    }
  if (result->skipped > 0)
    {
      g_autofree char *part = g_strdup_printf (
          ngettext ("%u block deleted on the server was skipped", "%u blocks deleted on the server were skipped",
                    result->skipped),
          result->skipped);
      append_count (text, part);
    }
  if (result->conflicts > 0)
    {
      g_autofree char *part = g_strdup_printf (ngettext ("%u conflict", "%u conflicts", result->conflicts),
                                               result->conflicts);
      append_count (text, part);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* What to do about a failed sync */
static const char *
advice (const GError *error)
{
  if (error->domain != SP_CALDAV_ERROR)
    return _("Try again with Sync Now.");
  switch (error->code)
    {
    case SP_CALDAV_ERROR_AUTH:
      return _("Check the user name and password in Preferences → Sync.");
    case SP_CALDAV_ERROR_NETWORK:
      return _("Check the address and the network connection; the next change syncs again.");
    case SP_CALDAV_ERROR_INSECURE:
      return _("Use an https address.");
    case SP_CALDAV_ERROR_NOT_CALDAV:
      return _("Check the server’s address: it should be a CalDAV server or one of its calendars.");
    case SP_CALDAV_ERROR_RECORD:
      return _("Check that the data folder can be written.");
    case SP_CALDAV_ERROR_HTTP:
    default:
      return _("Try again later with Sync Now.");
    }
}

static void
report_failure (SpSyncController *self,
                const GError     *error)
{
  /* TRANSLATORS: the error, then what to do: "The server refused … (HTTP 401). Check the user name …" */
  g_autofree char *result = g_strdup_printf (_("Failed: %s. %s"), error->message, advice (error));
  g_autofree char *toast = g_strdup_printf (_("Calendar sync failed: %s. %s"), error->message, advice (error));

  keep_result (self, result);
  tell (self, toast, TRUE);
}

static void
progress_cb (SpCaldavClient   *client,
             guint             done,
             guint             total,
             SpSyncController *self)
{
  double fraction = total >= LONG_SYNC_REQUESTS ? (double) done / total : -1;

  if (fraction == self->fraction)
    return;
  self->fraction = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}

static SpCaldavClient *
new_client (SpSyncController *self)
{
  g_autofree char *user = get_user (self);

  g_clear_object (&self->client);
  self->client = sp_caldav_client_new (user[0] != '\0' ? user : NULL, self->password);
  g_signal_connect_object (self->client, "progress", G_CALLBACK (progress_cb), self, 0);
  return self->client;
}

/* The end of a sync or a removal: a stop asked meanwhile, or a change
 * made meanwhile, comes next */
static gboolean after_busy (SpSyncController *self);

static void
sync_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SpSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSyncResult) sync_result = sp_caldav_sync_finish (SP_CALDAV_CLIENT (source), result, &error);
  gboolean manual = self->manual;

  self->manual = FALSE;
  set_busy (self, FALSE);
  if (sync_result == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_failure (self, error);
    }
  else
    {
      g_autofree char *text = describe_result (sync_result);

      keep_result (self, text);
      for (guint i = 0; i < sync_result->messages->len; i++)
        tell (self, g_ptr_array_index (sync_result->messages, i), FALSE);
      /* A sync after each change would toast after each change: only what
       * the user asked for, or what came from the server, is told */
      if (manual || sync_result->pinned > 0 || sync_result->skipped > 0)
        {
          g_autofree char *toast = g_strdup_printf (_("Calendar synced: %s"), text);

          tell (self, toast, FALSE);
        }
    }
  after_busy (self);
}

static void
run_sync (SpSyncController *self)
{
  g_autofree char *url = get_url (self);
  g_autoptr(GError) error = NULL;

  if (url[0] == '\0')
    return;
  set_busy (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  sp_caldav_sync_async (new_client (self), self->planner, url, self->record_path, self->cancellable, sync_cb,
                        g_object_ref (self));
}

static void
remove_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SpSyncController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSyncResult) removed = sp_caldav_sync_finish (SP_CALDAV_CLIENT (source), result, &error);

  set_busy (self, FALSE);
  if (removed == NULL)
    {
      g_autofree char *toast = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Still set up, so that Stop Syncing can be tried again */
      toast = g_strdup_printf (_("The events could not be removed: %s. %s"), error->message, advice (error));
      tell (self, toast, TRUE);
      return;
    }
  finish_stop (self, TRUE, removed->deleted);
}

static void
run_remove (SpSyncController *self)
{
  g_autofree char *url = get_url (self);

  set_busy (self, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  sp_caldav_sync_remove_async (new_client (self), self->planner, url, self->record_path, self->cancellable,
                               remove_cb, g_object_ref (self));
}

typedef struct
{
  SpSyncController *self;
  Next              next;
} Lookup;

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(SpSyncController) self = lookup->self;
  Next next = lookup->next;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCaldavPassword) password = sp_caldav_secret_lookup_finish (result, &error);
  g_autofree char *user = get_user (self);

  g_free (lookup);
  set_busy (self, FALSE);
  if (password == NULL)
    {
      g_autoptr(GError) missing = NULL;

      if (error != NULL)
        missing = g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_AUTH, _("The keyring could not be read: %s"), error->message);
      else
        missing = g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_AUTH, _("No password for %s is in the keyring"), user);
      report_failure (self, missing);
      return;
    }
  self->password = g_steal_pointer (&password);
  if (next == NEXT_REMOVE)
    run_remove (self);
  else
    run_sync (self);
}

/* The password first: as typed this session, else from the keyring */
static void
with_password (SpSyncController *self,
               Next              next)
{
  g_autofree char *url = get_url (self);
  g_autofree char *user = get_user (self);
  Lookup          *lookup;

  if (self->password != NULL || user[0] == '\0')
    {
      if (next == NEXT_REMOVE)
        run_remove (self);
      else
        run_sync (self);
      return;
    }
  set_busy (self, TRUE);
  lookup = g_new0 (Lookup, 1);
  lookup->self = g_object_ref (self);
  lookup->next = next;
  sp_caldav_secret_lookup_async (url, user, NULL, lookup_cb, lookup);
}

static gboolean
after_busy (SpSyncController *self)
{
  if (self->stop != 0)
    {
      gboolean remove = self->stop == 2;

      self->stop = 0;
      self->pending = FALSE;
      if (remove)
        with_password (self, NEXT_REMOVE);
      else
        finish_stop (self, FALSE, 0);
      return TRUE;
    }
  if (self->pending)
    {
      self->pending = FALSE;
      with_password (self, NEXT_SYNC);
      return TRUE;
    }
  return FALSE;
}

/* At once, or after the sync running now */
static void
request_sync (SpSyncController *self,
              gboolean          manual)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (!sp_sync_controller_get_configured (self) || self->stop != 0)
    return;
  self->manual |= manual;
  if (self->busy)
    {
      self->pending = TRUE;
      return;
    }
  with_password (self, NEXT_SYNC);
}

static gboolean
debounce_cb (gpointer user_data)
{
  SpSyncController *self = user_data;

  self->debounce_id = 0;
  request_sync (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
planner_changed_cb (SpSyncController *self)
{
  if (!sp_sync_controller_get_configured (self) || self->stop != 0)
    return;
  /* The sync's own edits change the planner too; a sync after them finds nothing to send */
  if (self->busy)
    {
      self->pending = TRUE;
      return;
    }
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (SP_SYNC_DEBOUNCE_MS, debounce_cb, self);
}

static void
settings_changed_cb (SpSyncController *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFIGURED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void store_next (SpSyncController *self);

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(SpSyncController) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!sp_caldav_secret_store_finish (result, &error))
    {
      g_autofree char *toast = g_strdup_printf (
          _("The password could not be kept in the keyring (%s); it is used until Study Planner closes"),
             error->message);

      tell (self, toast, TRUE);
    }
  self->storing = FALSE;
  store_next (self);
}

/* One store at a time: gnome-keyring 42 fails (and quits) when two make
 * the same new item at once; the last password typed is the one kept */
static void
store_next (SpSyncController *self)
{
  if (self->storing || self->store_user == NULL)
    return;
  self->storing = TRUE;
  sp_caldav_secret_store_async (self->store_url, self->store_user, self->store_password, NULL, store_cb,
                                g_object_ref (self));
  g_clear_pointer (&self->store_url, g_free);
  g_clear_pointer (&self->store_user, g_free);
  g_clear_pointer (&self->store_password, sp_caldav_password_free);
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The account is gone from the settings either way; a keyring that cannot be asked keeps its item */
  if (!sp_caldav_secret_clear_finish (result, &error))
    g_message ("The CalDAV password could not be removed from the keyring: %s", error->message);
}

/* Forgets the account: the settings, the keyring's item, the record */
static void
finish_stop (SpSyncController *self,
             gboolean          removed,
             guint             n_removed)
{
  g_autofree char *url = get_url (self);
  g_autofree char *user = get_user (self);
  g_autofree char *toast = NULL;

  if (user[0] != '\0')
    sp_caldav_secret_clear_async (url, user, NULL, clear_cb, NULL);
  g_clear_pointer (&self->password, sp_caldav_password_free);
  if (g_remove (self->record_path) != 0 && errno != ENOENT)
    g_message ("%s: %s", self->record_path, g_strerror (errno));
  g_settings_set_string (self->settings, "sync-url", "");
  g_settings_set_string (self->settings, "sync-user", "");
  g_settings_set_int64 (self->settings, "sync-last-time", 0);
  g_settings_set_string (self->settings, "sync-last-result", "");

  if (removed)
    toast = g_strdup_printf (ngettext ("Stopped syncing; %u event was removed from the calendar",
                                       "Stopped syncing; %u events were removed from the calendar", n_removed),
                             n_removed);
  else
    toast = g_strdup (_("Stopped syncing; the events stay on the calendar"));
  tell (self, toast, FALSE);
}

static void
sp_sync_controller_dispose (GObject *object)
{
  SpSyncController *self = SP_SYNC_CONTROLLER (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->planner);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_sync_controller_parent_class)->dispose (object);
}

static void
sp_sync_controller_finalize (GObject *object)
{
  SpSyncController *self = SP_SYNC_CONTROLLER (object);

  g_clear_pointer (&self->password, sp_caldav_password_free);
  g_free (self->record_path);
  g_free (self->store_url);
  g_free (self->store_user);
  g_clear_pointer (&self->store_password, sp_caldav_password_free);

  G_OBJECT_CLASS (sp_sync_controller_parent_class)->finalize (object);
}

static void
sp_sync_controller_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SpSyncController *self = SP_SYNC_CONTROLLER (object);

  switch (prop_id)
    {
    case PROP_CONFIGURED:
      g_value_set_boolean (value, sp_sync_controller_get_configured (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_STATUS:
      g_value_take_string (value, sp_sync_controller_dup_status (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sync_controller_class_init (SpSyncControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_sync_controller_dispose;
  object_class->finalize = sp_sync_controller_finalize;
  object_class->get_property = sp_sync_controller_get_property;

  /** SpSyncController:configured: a server is set up */
  properties[PROP_CONFIGURED] = g_param_spec_boolean ("configured", NULL, NULL, FALSE,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /** SpSyncController:busy: a sync (or a removal) is running */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /** SpSyncController:fraction: how far a long push is, or -1 */
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, -1, 1, -1,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /** SpSyncController:status: the last sync's time and result, in words */
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpSyncController::message:
   * @text: a translated sentence
   * @urgent: a failure, shown before other news
   *
   * Something to tell in a toast: a sync the user asked for, a failure,
   * the server's edits, a conflict.
   */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
sp_sync_controller_init (SpSyncController *self)
{
  self->fraction = -1;
}

/**
 * sp_sync_controller_new:
 * @record_path: (nullable): the sync record; %NULL for sync.json in the data dir
 *
 * Returns: (transfer full): a controller that follows @planner's changes
 *   once a server is set up in @settings
 */
SpSyncController *
sp_sync_controller_new (SpPlanner  *planner,
                        GSettings  *settings,
                        const char *record_path)
{
  SpSyncController *self = g_object_new (SP_TYPE_SYNC_CONTROLLER, NULL);

  self->planner = g_object_ref (planner);
  self->settings = g_object_ref (settings);
  self->record_path = record_path ? g_strdup (record_path) : sp_sync_record_get_default_path (NULL);
  g_signal_connect_object (planner, "changed", G_CALLBACK (planner_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::sync-url", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * sp_sync_controller_start:
 *
 * The sync on start, when a server is set up.
 */
void
sp_sync_controller_start (SpSyncController *self)
{
  g_return_if_fail (SP_IS_SYNC_CONTROLLER (self));
  request_sync (self, FALSE);
}

/**
 * sp_sync_controller_set_up:
 * @user: (nullable): the user name; empty or %NULL for none
 * @password: (nullable): kept in the keyring
 *
 * Sets the account up (or changes it) and syncs. An address that is not
 * https, nor http to this computer, is refused with a message.
 */
void
sp_sync_controller_set_up (SpSyncController *self,
                           const char       *url,
                           const char       *user,
                           const char       *password)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (url ? url : ""));

  g_return_if_fail (SP_IS_SYNC_CONTROLLER (self));
  if (!sp_http_check_url (trimmed, &error))
    {
      g_autoptr(GError) insecure = g_error_new (SP_CALDAV_ERROR, SP_CALDAV_ERROR_INSECURE, "%s", error->message);

      report_failure (self, insecure);
      return;
    }
  g_settings_set_string (self->settings, "sync-user", user ? user : "");
  g_settings_set_string (self->settings, "sync-url", trimmed);
  g_clear_pointer (&self->password, sp_caldav_password_free);
  if (password != NULL && password[0] != '\0')
    {
      self->password = g_strdup (password);
      if (user != NULL && user[0] != '\0')
        {
          g_free (self->store_url);
          self->store_url = g_strdup (trimmed);
          g_free (self->store_user);
          self->store_user = g_strdup (user);
          g_clear_pointer (&self->store_password, sp_caldav_password_free);
          self->store_password = g_strdup (password);
          store_next (self);
        }
    }
  sp_sync_controller_sync_now (self);
}

/**
 * sp_sync_controller_sync_now:
 *
 * Syncs at once, or after the sync running now; the result is told.
 */
void
sp_sync_controller_sync_now (SpSyncController *self)
{
  g_return_if_fail (SP_IS_SYNC_CONTROLLER (self));
  request_sync (self, TRUE);
}

/**
 * sp_sync_controller_stop:
 * @remove_events: whether the events the syncs made are deleted first
 *
 * Stops syncing: the account is forgotten (settings, keyring, record).
 * A sync running now is cancelled first.
 */
void
sp_sync_controller_stop (SpSyncController *self,
                         gboolean          remove_events)
{
  g_return_if_fail (SP_IS_SYNC_CONTROLLER (self));
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (!sp_sync_controller_get_configured (self))
    return;
  self->stop = remove_events ? 2 : 1;
  if (self->busy)
    {
      if (self->cancellable != NULL)
        g_cancellable_cancel (self->cancellable);
      return;
    }
  after_busy (self);
}

/**
 * sp_sync_controller_cancel:
 *
 * On the way out: the sync running now stops (the record keeps what the
 * server confirmed) and none is started after it.
 */
void
sp_sync_controller_cancel (SpSyncController *self)
{
  g_return_if_fail (SP_IS_SYNC_CONTROLLER (self));
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->pending = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
sp_sync_controller_get_configured (SpSyncController *self)
{
  g_autofree char *url = NULL;

  g_return_val_if_fail (SP_IS_SYNC_CONTROLLER (self), FALSE);
  url = get_url (self);
  return url[0] != '\0';
}

gboolean
sp_sync_controller_get_busy (SpSyncController *self)
{
  g_return_val_if_fail (SP_IS_SYNC_CONTROLLER (self), FALSE);
  return self->busy;
}

/**
 * sp_sync_controller_get_fraction:
 *
 * Returns: how far a long push is, from 0 to 1, or -1 when none is running
 */
double
sp_sync_controller_get_fraction (SpSyncController *self)
{
  g_return_val_if_fail (SP_IS_SYNC_CONTROLLER (self), -1);
  return self->fraction;
}

/**
 * sp_sync_controller_dup_status:
 *
 * Returns: (transfer full): "Syncing…", "Not synced yet", or the last
 *   sync's time and result: "5 December 2026, 10:42: Up to date, 80 events"
 */
char *
sp_sync_controller_dup_status (SpSyncController *self)
{
  gint64           when;
  g_autofree char *result = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (SP_IS_SYNC_CONTROLLER (self), NULL);
  if (self->busy)
    return g_strdup (_("Syncing…"));
  when = g_settings_get_int64 (self->settings, "sync-last-time");
  if (!sp_sync_controller_get_configured (self))
    return g_strdup (_("Not set up"));
  if (when <= 0)
    return g_strdup (_("Not synced yet"));
  result = g_settings_get_string (self->settings, "sync-last-result");
  utc = g_date_time_new_from_unix_utc (when);
  local = utc ? g_date_time_to_local (utc) : NULL;
  if (local == NULL)
    return g_steal_pointer (&result);
  date = sp_calendar_format_date (sp_day_from_date_time (local));
  time = g_date_time_format (local, "%H:%M");
  /* TRANSLATORS: the last sync: "5 December 2026, 10:42: Up to date, 80 events" */
  return g_strdup_printf (_("%s, %s: %s"), date, time, result);
}
