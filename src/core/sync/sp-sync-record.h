/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the last sync left on the server, per resource: the UID, the block
 * it came from, its name in the calendar, the server's ETag, the hash of
 * the content that matters (not DTSTAMP), the SEQUENCE sent, and the time
 * it was sent with (to tell a move on the server from other edits). */
typedef struct
{
  char *uid;
  char *block_id;
  char *href; /* the resource's name in the calendar collection */
  char *etag; /* nullable: the server gave none */
  char *hash; /* "" when it must be sent again */
  char *time; /* "DTSTART/DTEND" as sent */
  int   sequence;
} SpSyncEntry;

typedef struct
{
  char       *server;     /* the address the user gave */
  char       *calendar;   /* the calendar collection's URL; nullable until found */
  char       *sync_token; /* nullable */
  GHashTable *entries;    /* uid → SpSyncEntry */
} SpSyncRecord;

SpSyncRecord *sp_sync_record_new (const char *server);
SpSyncRecord *sp_sync_record_load (const char *path,
                                   const char *server,
                                   GError    **error);
gboolean      sp_sync_record_save (SpSyncRecord *self,
                                   const char   *path,
                                   GError      **error);
void          sp_sync_record_free (SpSyncRecord *self);
SpSyncEntry  *sp_sync_record_lookup (SpSyncRecord *self,
                                     const char   *uid);
SpSyncEntry  *sp_sync_record_lookup_href (SpSyncRecord *self,
                                          const char   *href);
SpSyncEntry  *sp_sync_record_add (SpSyncRecord *self,
                                  const char   *uid,
                                  const char   *block_id,
                                  const char   *href);
void          sp_sync_record_remove (SpSyncRecord *self,
                                     const char   *uid);
char         *sp_sync_record_get_default_path (const char *state_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSyncRecord, sp_sync_record_free)

G_END_DECLS
