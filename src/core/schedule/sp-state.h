/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "sp-availability.h"
#include "sp-fsrs.h"
#include "sp-schedule.h"

G_BEGIN_DECLS

#define SP_STATE_ERROR (sp_state_error_quark ())

typedef enum
{
  SP_STATE_ERROR_SYNTAX,   /* not JSON */
  SP_STATE_ERROR_INVALID,  /* JSON, but a field is wrong */
  SP_STATE_ERROR_VERSION,  /* written by a newer Study Planner */
} SpStateError;

#define SP_STATE_VERSION 1

/* A block the user has touched (marked, pinned) or that lies in the past:
 * the scheduler keeps it exactly where it is and plans around it. */
typedef struct
{
  char          *id;
  char          *topic;         /* topic id */
  SpBlockKind    kind;
  guint          seq;           /* the number that ends the id */
  guint32        day;           /* Julian day */
  guint16        start;
  guint16        minutes;
  SpBlockStatus  status;
  guint16        done_minutes;
  gboolean       pinned;
  GArray        *focus;  /* nullable, element-type SpFocusInterval: studied in focus sessions */
  SpRating       rating; /* a review's recall, as the user rated it */
} SpBlockRecord;

SpBlockRecord *sp_block_record_new      (const char          *id,
                                         const char          *topic,
                                         SpBlockKind          kind,
                                         guint32              day,
                                         guint                start,
                                         guint                minutes);
SpBlockRecord *sp_block_record_copy     (const SpBlockRecord *record);
void           sp_block_record_free     (SpBlockRecord       *record);
guint          sp_block_record_get_done_minutes (const SpBlockRecord *record);
int            sp_block_record_compare (gconstpointer a,
                                        gconstpointer b);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBlockRecord, sp_block_record_free)
/* "2026-03-02T19:00", as the state file and the JSON export write it */
char *sp_focus_interval_format_start (const SpFocusInterval *interval);

/* The user's progress on one plan. */
typedef struct
{
  guint32     planned_today;  /* the day the schedule was last made for; 0: never */
  char       *track;          /* nullable */
  GPtrArray  *records;        /* element-type SpBlockRecord, owned */
  GHashTable *record_ids;     /* id → SpBlockRecord *, borrowed: finding one is O(1), so reading n records is O(n) */
  GHashTable *notes;          /* block id → note */
  GHashTable *topic_hours;    /* topic id → double *: hours the user chose over the plan's estimate */
  GHashTable *goals;          /* level id or "path" → GUINT_TO_POINTER (Julian day): goal dates */
  GPtrArray  *kept;           /* element-type SpBlockRecord, owned, sorted: the next 7 days as they were
                               * shown before the last edit, which the scheduler keeps where the rules allow */
} SpProgress;

/* How far ahead an edit keeps the schedule as it was: the days a person
 * prints or plans around. Beyond them the scheduler plans freely. */
#define SP_KEPT_DAYS 7

/* The most hours a topic may be given instead of its estimate. */
#define SP_TOPIC_HOURS_MAX 2000.0

SpProgress    *sp_progress_new            (void);
SpProgress    *sp_progress_copy           (const SpProgress *progress);
void           sp_progress_free           (SpProgress       *progress);
GPtrArray     *sp_progress_dup_records    (SpProgress       *progress);
SpBlockRecord *sp_progress_lookup_record  (SpProgress       *progress,
                                           const char       *id);
void           sp_progress_set_record     (SpProgress       *progress,
                                           SpBlockRecord    *record);
gboolean       sp_progress_remove_record  (SpProgress       *progress,
                                           const char       *id);
double         sp_progress_get_topic_hours (SpProgress      *progress,
                                            const char      *topic_id);
void           sp_progress_set_topic_hours (SpProgress      *progress,
                                            const char      *topic_id,
                                            double           hours);
guint32        sp_progress_get_goal (SpProgress *progress,
                                     const char *target);
void           sp_progress_set_goal (SpProgress *progress,
                                     const char *target,
                                     guint32     day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpProgress, sp_progress_free)

/* A focus session still running when the state was saved: enough to tell,
 * after a crash, how long the user really studied. Times are microseconds
 * since the epoch, saved to the second. */
typedef struct
{
  gint64 start;
  gint64 end; /* 0: still paused */
} SpFocusPause;

typedef struct
{
  char   *plan_id;
  char   *block_id;
  gint64  started;
  guint   extra_minutes;  /* the +5s asked for */
  guint   pomodoro_focus; /* 0: no Pomodoro split */
  guint   pomodoro_break;
  guint   pomodoro_long_break;
  GArray *pauses; /* element-type SpFocusPause, oldest first */
} SpFocusSaved;

SpFocusSaved *sp_focus_saved_new (const char *plan_id,
                                  const char *block_id,
                                  gint64      started);
SpFocusSaved *sp_focus_saved_copy (const SpFocusSaved *saved);
void          sp_focus_saved_free (SpFocusSaved *saved);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpFocusSaved, sp_focus_saved_free)

#define SP_TYPE_STATE (sp_state_get_type ())
G_DECLARE_FINAL_TYPE (SpState, sp_state, SP, STATE, GObject)

GQuark                sp_state_error_quark     (void);

SpState              *sp_state_new             (void);
SpState              *sp_state_new_from_bytes  (GBytes               *bytes,
                                                const char           *filename,
                                                GError              **error);
char                 *sp_state_to_data         (SpState              *self,
                                                gsize                *length);
const SpAvailability *sp_state_get_availability (SpState             *self);
void                  sp_state_set_availability (SpState             *self,
                                                 const SpAvailability *availability);
SpProgress           *sp_state_get_progress    (SpState              *self,
                                                const char           *plan_id);
void                  sp_state_set_progress    (SpState              *self,
                                                const char           *plan_id,
                                                SpProgress           *progress);
const char           *sp_state_get_course      (SpState              *self,
                                                const char           *topic_id);
void                  sp_state_set_course      (SpState              *self,
                                                const char           *topic_id,
                                                const char           *course_json);
GStrv                 sp_state_dup_course_topics (SpState            *self);
const SpFocusSaved   *sp_state_get_focus_session (SpState *self);
void                  sp_state_set_focus_session (SpState            *self,
                                                  const SpFocusSaved *saved);

G_END_DECLS
