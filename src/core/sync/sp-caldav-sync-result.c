/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-caldav-sync.h"

/* What a sync tells, taking the server's edits into a planner, and the
 * blocking way to run a sync for the command line and the benchmark. */

void
sp_sync_result_free (SpSyncResult *result)
{
  if (result == NULL)
    return;
  g_free (result->calendar);
  g_clear_pointer (&result->messages, g_ptr_array_unref);
  g_clear_pointer (&result->edits, g_array_unref);
  g_free (result);
}

/**
 * sp_sync_result_to_string:
 *
 * Returns: (transfer full): the line the command line prints, not translated
 *   (scripts read it): "synced: 3 created, 1 updated, 0 deleted, 1800 unchanged, 0 conflicts"
 */
char *
sp_sync_result_to_string (const SpSyncResult *result)
{
  return g_strdup_printf ("synced: %u created, %u updated, %u deleted, %u unchanged, %u conflicts",
                          result->created, result->updated, result->deleted, result->unchanged,
                          result->conflicts);
}

/**
 * sp_sync_edit_apply:
 *
 * Takes @edit into @planner as the sync took it into its own: the block
 * pinned at the server's time, or skipped.
 *
 * Returns: whether @planner took it
 */
gboolean
sp_sync_edit_apply (const SpSyncEdit *edit,
                    SpPlanner        *planner,
                    GError          **error)
{
  if (edit->skipped)
    return sp_planner_mark_block (planner, edit->block_id, SP_BLOCK_STATUS_SKIPPED, 0, error);
  return sp_planner_move_block (planner, edit->block_id, edit->day, edit->minute, error);
}

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
}

/**
 * sp_caldav_sync_run:
 *
 * sp_caldav_sync_async() for the command line and the benchmark: runs
 * the thread's main context until the sync ends.
 *
 * Returns: (transfer full): what the sync did, or %NULL with @error set
 */
SpSyncResult *
sp_caldav_sync_run (SpCaldavClient *client,
                    SpPlanner      *planner,
                    const char     *server,
                    const char     *record_path,
                    GCancellable   *cancellable,
                    GError        **error)
{
  /* The session answers in the context it was made in: the thread's own */
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  Waiter        waiter = { NULL };
  SpSyncResult *result;

  sp_caldav_sync_async (client, planner, server, record_path, cancellable, run_cb, &waiter);
  while (waiter.result == NULL)
    g_main_context_iteration (context, TRUE);
  result = sp_caldav_sync_finish (client, waiter.result, error);
  g_object_unref (waiter.result);
  return result;
}
