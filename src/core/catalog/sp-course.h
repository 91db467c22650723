/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SP_COURSE_LEVEL_UNKNOWN,
  SP_COURSE_LEVEL_BEGINNER,
  SP_COURSE_LEVEL_INTERMEDIATE,
  SP_COURSE_LEVEL_ADVANCED,
} SpCourseLevel;

typedef enum
{
  SP_COURSE_COST_UNKNOWN,
  SP_COURSE_COST_FREE,
  SP_COURSE_COST_PAID,
} SpCourseCost;

/* What a course may state: the own format's bounds, for every format, so
 * that a course read from any listing reads back from the cache */
#define SP_COURSE_MAX_HOURS          10000
#define SP_COURSE_MAX_HOURS_PER_WEEK 168
#define SP_COURSE_MAX_WEEKS          520

#define SP_TYPE_COURSE (sp_course_get_type ())
G_DECLARE_FINAL_TYPE (SpCourse, sp_course, SP, COURSE, GObject)

SpCourse *sp_course_new (const char *id,
                         const char *title);

const char   *sp_course_get_id             (SpCourse      *self);
const char   *sp_course_get_title          (SpCourse      *self);
const char   *sp_course_get_provider       (SpCourse      *self);
const char   *sp_course_get_institution    (SpCourse      *self);
const char   *sp_course_get_url            (SpCourse      *self);
const char   *sp_course_get_description    (SpCourse      *self);
const char   *sp_course_get_language       (SpCourse      *self);
const char   *sp_course_get_updated        (SpCourse      *self);
const char   *sp_course_get_source         (SpCourse      *self);
const char * const *sp_course_get_tags     (SpCourse      *self);
SpCourseLevel sp_course_get_level          (SpCourse      *self);
SpCourseCost  sp_course_get_cost           (SpCourse      *self);
double        sp_course_get_hours          (SpCourse      *self);
double        sp_course_get_hours_per_week (SpCourse      *self);
double        sp_course_get_weeks          (SpCourse      *self);
double        sp_course_get_total_hours    (SpCourse      *self);
double        sp_course_get_rating         (SpCourse      *self);

const char * const *sp_course_get_matched_topics (SpCourse *self);
double        sp_course_get_match_score    (SpCourse      *self,
                                            const char    *topic_id);
double        sp_course_get_relevance      (SpCourse      *self);

/* What the user typed in the search, ready to test courses against. */
typedef struct _SpCourseQuery SpCourseQuery;

SpCourseQuery *sp_course_query_new         (const char          *text);
void          sp_course_query_free         (SpCourseQuery       *query);
gboolean      sp_course_query_is_empty     (const SpCourseQuery *query);
gboolean      sp_course_matches_query      (SpCourse            *self,
                                            const SpCourseQuery *query);
guint         sp_course_query_rank         (SpCourse            *self,
                                            const SpCourseQuery *query);
int           sp_course_compare_titles     (SpCourse            *a,
                                            SpCourse            *b);

const char   *sp_course_level_to_string    (SpCourseLevel  level);
gboolean      sp_course_level_from_string  (const char    *text,
                                            SpCourseLevel *level);
const char   *sp_course_level_get_label    (SpCourseLevel  level);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCourseQuery, sp_course_query_free)

G_END_DECLS
