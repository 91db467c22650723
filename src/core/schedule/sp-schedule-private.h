/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "sp-schedule.h"

G_BEGIN_DECLS

/* The scheduler fills a schedule in directly; everyone else only reads it. */
struct _SpSchedule
{
  GObject       parent_instance;

  SpPlan       *plan;
  char         *track;
  guint32       today;
  guint         weekly_minutes;
  GArray       *blocks;        /* element-type SpBlock, sorted by day and start */
  GStringChunk *strings;       /* block ids, notes and advice */
  GArray       *focus;         /* element-type SpFocusInterval, by block */
  GArray       *levels;        /* element-type SpLevelReport */
  GHashTable   *by_id;         /* id → SpBlock*, made once lookups add up */
  guint         n_lookups;
  char         *summary;
  guint32       first_day;
  guint32       end_day;
  guint32       last_day;
  gboolean      whole;   /* every unfinished topic is planned */
  gboolean      advised; /* the levels' advice has its real figures (sp-goals.c) */
};

SpSchedule *sp_schedule_new    (SpPlan     *plan,
                                const char *track,
                                guint32     today);
const char *sp_schedule_intern (SpSchedule *self,
                                const char *str);
void        sp_schedule_finish (SpSchedule *self);

/* sp-scheduler-report.c: a level's advice, with the weekly minutes that
 * make it fit (0: none do) where the scheduler alone cannot say */
gboolean _sp_scheduler_level_has_limit (const SpLevelReport *report);
void     _sp_scheduler_advise_level (SpSchedule *self,
                                     guint       level,
                                     guint       fit_minutes);

G_END_DECLS
