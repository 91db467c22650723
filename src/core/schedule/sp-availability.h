/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "sp-dates.h"
#include "sp-json-doc.h"

G_BEGIN_DECLS

#define SP_AVAILABILITY_ERROR (sp_availability_error_quark ())

typedef enum
{
  SP_AVAILABILITY_ERROR_HOURS,    /* a --hours list that does not parse */
  SP_AVAILABILITY_ERROR_DATE,     /* not a YYYY-MM-DD date */
  SP_AVAILABILITY_ERROR_TIME,     /* not an HH:MM time of day */
  SP_AVAILABILITY_ERROR_MINUTES,  /* a block or break length out of range */
  SP_AVAILABILITY_ERROR_INVALID,  /* a saved availability with a wrong field */
} SpAvailabilityError;

/* Limits; the minimum useful block is also the shortest day remainder used. */
#define SP_MIN_BLOCK_MINUTES   15
#define SP_MAX_BLOCK_MINUTES   240
#define SP_MAX_BREAK_MINUTES   120
#define SP_MINUTES_STEP        5
#define SP_MINUTES_PER_DAY     1440
#define SP_DEFAULT_BLOCK       50
#define SP_DEFAULT_BREAK       10

/* An inclusive range of Julian days. */
typedef struct
{
  guint32 first;
  guint32 last;
} SpDayRange;

/* What the user can give: minutes per weekday from a start time, block and
 * break lengths, the first day, and days off. Plain data, copied freely. */
typedef struct
{
  guint16  minutes[SP_N_WEEKDAYS];  /* study minutes, a multiple of 5 */
  guint16  start[SP_N_WEEKDAYS];    /* minutes after local midnight */
  guint16  block_minutes;
  guint16  break_minutes;
  guint32  start_day;               /* Julian day; 0 = not set yet */
  GArray  *days_off;                /* element-type SpDayRange, sorted, disjoint */
} SpAvailability;

GQuark          sp_availability_error_quark  (void);

#define SP_TYPE_AVAILABILITY (sp_availability_get_type ())
GType           sp_availability_get_type     (void) G_GNUC_CONST;

SpAvailability *sp_availability_new          (void);
SpAvailability *sp_availability_copy         (const SpAvailability *self);
void            sp_availability_free         (SpAvailability       *self);
gboolean        sp_availability_equal        (const SpAvailability *a,
                                              const SpAvailability *b);

void            sp_availability_set_day      (SpAvailability       *self,
                                              guint                 weekday,
                                              guint                 minutes,
                                              guint                 start);
guint           sp_availability_get_weekly_minutes (const SpAvailability *self);
guint           sp_availability_get_usable_minutes (const SpAvailability *self,
                                                    guint                 weekday);
guint             sp_availability_get_study_minutes (const SpAvailability *self,
                                                     guint                 weekday);
guint             sp_availability_get_weekly_study_minutes (const SpAvailability *self);
char             *sp_availability_describe_week (const SpAvailability *self);
gboolean        sp_availability_has_hours    (const SpAvailability *self);
gboolean          sp_availability_check_room (const SpAvailability *self,
                                              const gboolean       *weekdays,
                                              GError              **error);
guint             sp_availability_get_room (const SpAvailability *self,
                                            guint                 weekday);
gboolean        sp_availability_is_day_off   (const SpAvailability *self,
                                              guint32               day);
guint           sp_availability_get_day_minutes (const SpAvailability *self,
                                                 guint32               day);
void            sp_availability_add_days_off (SpAvailability       *self,
                                              guint32               first,
                                              guint32               last);
void            sp_availability_remove_days_off (SpAvailability    *self,
                                                 guint              index);
guint           sp_availability_get_n_days_off  (const SpAvailability *self);
const SpDayRange *sp_availability_get_days_off  (const SpAvailability *self,
                                                 guint                 index);

JsonNode       *sp_availability_to_json      (const SpAvailability *self);
SpAvailability *sp_availability_new_from_doc (SpJsonDoc         *doc,
                                              const SpJsonValue *value,
                                              const char        *path,
                                              GError           **error);

/* Pure parsers for the command line and the state file. */
gboolean        sp_parse_hours               (const char           *text,
                                              guint16               minutes[SP_N_WEEKDAYS],
                                              GError              **error);
char           *sp_text_make_printable (const char *text);
gboolean        sp_parse_date                (const char           *text,
                                              guint32              *day,
                                              GError              **error);
gboolean        sp_parse_supported_date (const char *text,
                                         guint32    *day,
                                         GError    **error);
gboolean        sp_parse_time                (const char           *text,
                                              guint                *minute,
                                              GError              **error);
gboolean        sp_parse_minutes             (const char           *text,
                                              guint                 min,
                                              guint                 max,
                                              guint                *minutes,
                                              GError              **error);
const char     *sp_weekday_get_abbrev        (guint                 weekday);
const char     *sp_weekday_get_name          (guint                 weekday);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpAvailability, sp_availability_free)

G_END_DECLS
