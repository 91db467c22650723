/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-caldav-client.h"
#include "sp-planner.h"

G_BEGIN_DECLS

/* A server edit the planner took: the block pinned at @day and @minute, or
 * skipped. A planner that does not save (the command line's) can replay
 * them on the saved one with sp_sync_edit_apply(). */
typedef struct
{
  char    *block_id;
  gboolean skipped;
  guint32  day;
  guint    minute;
} SpSyncEdit;

/* What one sync did. Blocks the server's edits pinned or skipped are
 * counted apart from what was sent. */
typedef struct
{
  guint      created;
  guint      updated;
  guint      deleted;
  guint      unchanged;
  guint      conflicts;
  guint      pinned;   /* events moved on the server: pinned at their new time */
  guint      skipped;  /* events deleted on the server: blocks skipped */
  guint      requests; /* HTTP requests sent */
  guint      puts;     /* of which PUT */
  char      *calendar; /* the calendar collection's address */
  GPtrArray *messages; /* translated sentences about conflicts and refusals */
  GArray    *edits;    /* element-type SpSyncEdit: the server's edits the planner took */
} SpSyncResult;

void     sp_sync_result_free (SpSyncResult *result);
char    *sp_sync_result_to_string (const SpSyncResult *result);
gboolean sp_sync_edit_apply (const SpSyncEdit *edit,
                             SpPlanner        *planner,
                             GError          **error);

void          sp_caldav_sync_async (SpCaldavClient     *client,
                                    SpPlanner          *planner,
                                    const char         *server,
                                    const char         *record_path,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
void          sp_caldav_sync_remove_async (SpCaldavClient     *client,
                                           SpPlanner          *planner,
                                           const char         *server,
                                           const char         *record_path,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
SpSyncResult *sp_caldav_sync_finish (SpCaldavClient *client,
                                     GAsyncResult   *result,
                                     GError        **error);
SpSyncResult *sp_caldav_sync_run (SpCaldavClient *client,
                                  SpPlanner      *planner,
                                  const char     *server,
                                  const char     *record_path,
                                  GCancellable   *cancellable,
                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSyncResult, sp_sync_result_free)

G_END_DECLS
