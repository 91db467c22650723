/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libical/ical.h>

#include "sp-caldav-sync.h"
#include "sp-dav-xml.h"
#include "sp-sync-record.h"

G_BEGIN_DECLS

/* One sync's state, shared by its steps: sp-caldav-sync.c (the calendar,
 * the pool of requests, the push) and sp-caldav-pull.c (the server's
 * changes and edits). */

#define XML_TYPE       "application/xml; charset=utf-8"
#define ICS_TYPE       "text/calendar; charset=utf-8"
#define UID_SUFFIX     "@studyplanner"
#define MULTIGET_CHUNK 100

typedef enum
{
  OP_CREATE,
  OP_UPDATE,
  OP_DELETE,
  OP_FETCH,
} OpKind;

typedef struct
{
  OpKind     kind;
  char      *uid;
  char      *block_id;
  char      *href; /* the resource's name in the calendar */
  char      *etag;
  char      *body;
  char      *hash;
  char      *time;
  int        sequence;
  GPtrArray *hrefs; /* OP_FETCH: the names to fetch */
  gboolean   retried;
} Op;

typedef enum
{
  EDIT_MOVE,
  EDIT_SKIP,
} EditKind;

typedef struct
{
  EditKind kind;
  char    *block_id;
  char    *old_hash; /* what was sent last: the local side changed if the block now differs */
  guint32  day;
  guint    minute;
} Edit;

typedef struct
{
  SpPlanner    *planner;
  char         *server;
  char         *record_path;
  SpSyncRecord *record;
  gboolean      save_record;
  gboolean      remade_calendar;
  char         *calendar;
  char         *new_token;
  GHashTable   *to_fetch; /* name → etag */
  GPtrArray    *deleted;  /* names deleted on the server */
  GPtrArray    *edits;    /* element-type Edit */
  SpSyncResult *result;
  gboolean      remove;  /* stopping: every event made is deleted, the server's edits are not taken */
  gboolean      pushing; /* the push's requests are in flight: progress is told */

  /* The pool of requests in flight */
  GPtrArray *ops;
  guint      next_op;
  guint      in_flight;
  GError    *pool_error;
  void (*pool_done) (GTask *task);
} Sync;

typedef struct
{
  GTask *task;
  Op    *op;
} OpCall;

void  sync_add_message (Sync       *sync,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);
char *sync_block_hash (SpPlanner     *planner,
                       const SpBlock *block);
void  sync_pool_run (GTask *task,
                     void (*done) (GTask *task));
void  sync_pool_fail (Sync   *sync,
                      GError *error);
void  sync_finish (GTask  *task,
                   GError *error);
void  sync_discover (GTask *task);
void  sync_pull (GTask *task);
void  sync_push (GTask *task);
void  sync_refresh_token (GTask *task);
void  sync_process_fetched (Sync             *sync,
                            SpDavMultistatus *status);
void  sync_edit_clear (gpointer data);
void  sync_op_free (gpointer data);

G_END_DECLS
