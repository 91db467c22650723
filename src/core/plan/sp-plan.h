/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SP_PLAN_ERROR (sp_plan_error_quark ())

typedef enum
{
  SP_PLAN_ERROR_READ,     /* the file could not be read */
  SP_PLAN_ERROR_SYNTAX,   /* not JSON */
  SP_PLAN_ERROR_INVALID,  /* JSON, but not a valid plan: see the problems */
  SP_PLAN_ERROR_VERSION,  /* a newer format than we understand */
} SpPlanError;

/* What a topic is in the path; all are scheduled the same way. */
typedef enum
{
  SP_TOPIC_CATEGORY_TOPIC,
  SP_TOPIC_CATEGORY_SKILL,
  SP_TOPIC_CATEGORY_MILESTONE,
  SP_TOPIC_CATEGORY_INTERVIEW,
} SpTopicCategory;

/* A string with translations; lookups follow g_get_language_names(). */
typedef struct _SpText SpText;

const char *sp_text_get      (const SpText *text);
const char *sp_text_get_lang (const SpText *text,
                              const char   *lang);

typedef struct _SpTopic SpTopic;
typedef struct _SpTrack SpTrack;
typedef struct _SpLevel SpLevel;

struct _SpTopic
{
  char            *id;
  SpText          *title;
  double           hours;
  char            *stream;        /* nullable */
  GStrv            prerequisites; /* never NULL */
  GStrv            keywords;      /* never NULL */
  SpText          *task_read;     /* nullable */
  SpText          *task_practice; /* nullable */
  SpText          *task_project;  /* nullable */
  SpTopicCategory  category;
  guint            level;         /* index into the plan's levels */
  const char      *track;         /* nullable: the track id for track topics */
  guint            index;         /* position in sp_plan_get_topics() */
};

struct _SpTrack
{
  char      *id;
  SpText    *title;
  SpText    *description; /* nullable */
  guint      level;
  GPtrArray *topics;      /* element-type SpTopic, borrowed */
};

struct _SpLevel
{
  char      *id;
  SpText    *title;
  SpText    *description; /* nullable */
  guint      number;      /* 1-based */
  guint      min_months;
  int        max_months;  /* -1: open ended */
  GPtrArray *topics;      /* element-type SpTopic: common topics, borrowed */
  GPtrArray *tracks;      /* element-type SpTrack */
  GPtrArray *woven;       /* element-type SpTopic: skills, milestones, interview placed here */
};

/* One problem found while loading, with its JSON path ("$.levels[0].topics[2].hours"). */
typedef struct
{
  char *path;
  char *message;
} SpPlanProblem;

void sp_plan_problem_free (SpPlanProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpPlanProblem, sp_plan_problem_free)

#define SP_TYPE_PLAN (sp_plan_get_type ())
G_DECLARE_FINAL_TYPE (SpPlan, sp_plan, SP, PLAN, GObject)

GQuark          sp_plan_error_quark      (void);

SpPlan         *sp_plan_new_from_bytes   (GBytes       *bytes,
                                          const char   *filename,
                                          GPtrArray   **problems,
                                          GError      **error);
SpPlan         *sp_plan_new_from_file    (GFile        *file,
                                          GPtrArray   **problems,
                                          GError      **error);
SpPlan         *sp_plan_new_bundled      (void);

const char     *sp_plan_get_id           (SpPlan       *self);
const char     *sp_plan_get_title        (SpPlan       *self);
const char     *sp_plan_get_description  (SpPlan       *self);
const char     *sp_plan_get_author       (SpPlan       *self);
const char     *sp_plan_get_url          (SpPlan       *self);
const char     *sp_plan_get_filename     (SpPlan       *self);
gboolean        sp_plan_get_months (SpPlan *self,
                                    guint  *min_months,
                                    int    *max_months);

guint           sp_plan_get_n_levels     (SpPlan       *self);
const SpLevel  *sp_plan_get_level        (SpPlan       *self,
                                          guint         index);
const SpLevel  *sp_plan_lookup_level     (SpPlan       *self,
                                          const char   *id);
GPtrArray      *sp_plan_get_topics       (SpPlan       *self);
const SpTopic  *sp_plan_lookup_topic     (SpPlan       *self,
                                          const char   *id);
const SpTrack  *sp_plan_lookup_track     (SpPlan       *self,
                                          const char   *id);
const char     *sp_plan_get_default_track (SpPlan      *self);
GPtrArray      *sp_plan_dup_active_topics (SpPlan      *self,
                                           const char  *track);
double          sp_plan_get_level_hours  (SpPlan       *self,
                                          guint         level,
                                          const char   *track);
double          sp_plan_get_total_hours  (SpPlan       *self);

const char     *sp_topic_category_to_string (SpTopicCategory category);
const char     *sp_topic_get_title          (const SpTopic  *topic);

G_END_DECLS
