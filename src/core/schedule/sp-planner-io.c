/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sp-file-utils.h"
#include "sp-planner-private.h"

/* The planner's state file on disk: where it is, reading it (a missing file
 * is a fresh start, a corrupt or newer one is kept aside), and saving it.
 * What the file holds is sp-state.c's. */

/* Writes the state where it is kept, atomically; nothing when it is kept in memory only. */
gboolean
_sp_planner_save_state (SpPlanner  *self,
                        GError    **error)
{
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  gsize length;

  if (self->state_path == NULL)
    return TRUE;

  dir = g_path_get_dirname (self->state_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, SP_PLANNER_ERROR, SP_PLANNER_ERROR_NOT_SAVED,
                   _("Your progress was not saved: could not create the folder “%s”: %s"),
                   dir, g_strerror (saved));
      return FALSE;
    }

  data = sp_state_to_data (self->state, &length);
  if (!sp_file_write_atomic (self->state_path, data, length, error))
    {
      g_prefix_error (error, _("Your progress was not saved: "));
      return FALSE;
    }
  return TRUE;
}

/**
 * sp_planner_save:
 *
 * Writes the state once more, atomically, as each edit does: for an app
 * that is told to quit. Nothing when the state is kept in memory only.
 */
gboolean
sp_planner_save (SpPlanner *self,
                 GError   **error)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);
  return _sp_planner_save_state (self, error);
}

/**
 * sp_planner_get_default_state_path:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/study-planner/state.json
 */
char *
sp_planner_get_default_state_path (void)
{
  g_autofree char *dir = sp_file_get_data_dir ();
  return g_build_filename (dir, "state.json", NULL);
}

static SpState *
fresh_state (SpPlanner *self)
{
  SpState *state = sp_state_new ();
  g_autoptr(SpAvailability) availability = sp_availability_copy (sp_state_get_availability (state));

  /* The path starts on the day the user first opens it */
  availability->start_day = sp_planner_get_today (self);
  sp_state_set_availability (state, availability);
  return state;
}

/* Reads the state file. A missing file gives a fresh state; one that cannot
 * be used sets @error and leaves *@state NULL. */
static gboolean
read_state_file (SpPlanner   *self,
                 const char  *path,
                 SpState    **state,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  *state = NULL;
  bytes = sp_file_read (path, SP_FILE_MAX_STATE_SIZE, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          *state = fresh_state (self);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *state = sp_state_new_from_bytes (bytes, path, error);
  return *state != NULL;
}

/**
 * sp_planner_load_state:
 * @path: (nullable): the state file; %NULL for the default location
 *
 * Loads the user's availability and progress, and saves there from now on.
 * A file that is corrupt or from a newer version is renamed aside with a
 * timestamp, never overwritten; the planner starts afresh and
 * #SpPlanner:state-warning tells the user where the old file is.
 *
 * Returns: %FALSE when the file could not be read or kept aside; then
 *   nothing is saved, so nothing is lost
 */
gboolean
sp_planner_load_state (SpPlanner   *self,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(SpState) state = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);

  if (path == NULL)
    path = default_path = sp_planner_get_default_state_path ();

  g_clear_pointer (&self->state_path, g_free);

  if (!read_state_file (self, path, &state, &local_error))
    {
      g_autoptr(GDateTime) now = NULL;
      g_autofree char *stamp = NULL;
      g_autofree char *aside = NULL;
      const char *what;

      if (local_error->domain != SP_STATE_ERROR)
        {
          /* Unreadable, not corrupt: leave it alone and save nothing */
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not read your progress from “%s”: "), path);
          state = fresh_state (self);
          _sp_planner_adopt_state (self, state);
          _sp_planner_emit_changed (self);
          return FALSE;
        }

      now = g_date_time_new_now_local ();
      stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      what = local_error->code == SP_STATE_ERROR_VERSION ? "newer" : "corrupt";
      aside = g_strdup_printf ("%s.%s-%s", path, what, stamp);
      for (guint n = 2; g_file_test (aside, G_FILE_TEST_EXISTS) && n < 1000; n++)
        {
          g_free (aside);
          aside = g_strdup_printf ("%s.%s-%s-%u", path, what, stamp, n);
        }
      if (g_rename (path, aside) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Your progress in “%s” could not be read (%s), and could not be kept aside: %s"),
                       path, local_error->message, g_strerror (saved));
          return FALSE;
        }

      if (local_error->code == SP_STATE_ERROR_VERSION)
        {
          g_autofree char *warning =
            g_strdup_printf (_("Your progress was saved by a newer version of Study Planner, so this one "
                               "cannot read it. It is kept unchanged as “%s”; Study Planner started afresh."),
                             aside);
          _sp_planner_set_warning (self, warning);
        }
      else
        {
          g_autofree char *warning =
            g_strdup_printf (_("Your saved progress could not be read: %s. It is kept as “%s”; "
                               "Study Planner started afresh."),
                             local_error->message, aside);
          _sp_planner_set_warning (self, warning);
        }
      state = fresh_state (self);
    }

  self->state_path = g_strdup (path);
  _sp_planner_adopt_state (self, state);
  _sp_planner_save_or_warn (self);
  _sp_planner_emit_changed (self);
  return TRUE;
}

/**
 * sp_planner_read_state:
 * @path: (nullable): the state file; %NULL for the default location
 *
 * Like sp_planner_load_state(), for the command line: reads only, never
 * moves or writes the file, and fails on a file it cannot use.
 */
gboolean
sp_planner_read_state (SpPlanner   *self,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(SpState) state = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);

  if (path == NULL)
    path = default_path = sp_planner_get_default_state_path ();

  if (!read_state_file (self, path, &state, &local_error))
    {
      /* A parse error names the file already; the reader says only why */
      if (local_error->domain == G_FILE_ERROR)
        g_set_error (error, G_FILE_ERROR, local_error->code, "%s: %s", path, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_pointer (&self->state_path, g_free);
  _sp_planner_adopt_state (self, state);
  _sp_planner_emit_changed (self);
  return TRUE;
}

/**
 * sp_planner_take_old_track:
 * @track: the track an older version kept outside the state file
 *
 * Versions before kept the track in GSettings as well, and the two could
 * disagree. This carries such a track into the state file once, when the
 * state saved none of its own for the plan; a saved one wins.
 *
 * Returns: %TRUE when the state file now holds a track, so the old copy
 *   may go; %FALSE when nothing could be saved (keep it for the next start)
 */
gboolean
sp_planner_take_old_track (SpPlanner  *self,
                           const char *track)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), FALSE);
  g_return_val_if_fail (track != NULL, FALSE);

  if (self->state_path == NULL)
    return FALSE;
  if (_sp_planner_get_progress (self)->track != NULL)
    return TRUE;
  sp_planner_set_track (self, track);
  return _sp_planner_save_state (self, NULL);
}

/**
 * sp_planner_get_state_path:
 *
 * Returns: (nullable): where the state is saved; %NULL when it is not
 */
const char *
sp_planner_get_state_path (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  return self->state_path;
}

/**
 * sp_planner_get_focus_session:
 *
 * Returns: (transfer none) (nullable): the focus session saved as running,
 *   for any plan: after a crash, the one to finish or discard
 */
const SpFocusSaved *
sp_planner_get_focus_session (SpPlanner *self)
{
  g_return_val_if_fail (SP_IS_PLANNER (self), NULL);
  return sp_state_get_focus_session (self->state);
}

/**
 * sp_planner_set_focus_session:
 * @saved: (nullable): the running session; %NULL once it is over
 *
 * Saves the running session at once, so a crash does not lose it. Not an
 * edit: nothing is re-planned and "changed" is not emitted.
 */
void
sp_planner_set_focus_session (SpPlanner          *self,
                              const SpFocusSaved *saved)
{
  g_return_if_fail (SP_IS_PLANNER (self));

  if (saved == NULL && sp_state_get_focus_session (self->state) == NULL)
    return;
  sp_state_set_focus_session (self->state, saved);
  _sp_planner_save_or_warn (self);
}
