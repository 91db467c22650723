/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-course.h"

G_BEGIN_DECLS

/* The parsers and the matcher fill a course in before anyone else sees it;
 * after that it only changes through the matcher. */
typedef struct
{
  char   *topic_id;
  double  score;
} SpCourseMatch;

struct _SpCourse
{
  GObject        parent_instance;

  char          *id;
  char          *title;
  char          *provider;
  char          *institution;  /* nullable: school or partner behind it */
  char          *url;          /* nullable: http(s) only */
  char          *description;  /* nullable */
  char          *language;     /* nullable: BCP 47 tag such as "en" */
  char          *updated;      /* nullable: ISO 8601 date as given */
  char          *source;       /* nullable: the catalog source's name */
  GStrv          tags;         /* never NULL */
  SpCourseLevel  level;
  SpCourseCost   cost;
  double         hours;          /* 0: unknown */
  double         hours_per_week; /* 0: unknown */
  double         weeks;          /* 0: unknown */
  double         rating;         /* 0: unknown, else 1-5 */

  GArray        *matches;      /* element-type SpCourseMatch, best first */
  GStrv          matched_ids;  /* never NULL */
  double         relevance;    /* the best match's score */
  char          *search_text;  /* folded; the title first, then a newline */
  guint          rank_serial;  /* the query whose rank is cached */
  guint          rank;
};

void     sp_course_set_string   (char       **field,
                                 const char  *value);
void     sp_course_set_matches (SpCourse *self,
                                GArray   *matches);
void     sp_course_prepare_search (SpCourse  *self);

G_END_DECLS
