/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How well the user recalled a topic at a review, as FSRS rates it */
typedef enum
{
  SP_RATING_NONE,
  SP_RATING_AGAIN,
  SP_RATING_HARD,
  SP_RATING_GOOD,
  SP_RATING_EASY,
} SpRating;

#define SP_N_RATINGS 4

/* A topic's memory: days until recall falls to 90 %, and how hard it is (1 to 10) */
typedef struct
{
  double stability;
  double difficulty;
} SpFsrsMemory;

/* The recall the next review aims at, and the longest interval it may give */
#define SP_FSRS_RETENTION    0.9
#define SP_FSRS_MAX_INTERVAL 365

const char *sp_rating_to_string (SpRating rating);
SpRating    sp_rating_from_string (const char *text);
const char *sp_rating_get_label (SpRating rating); /* translated, "Good" */

void   sp_fsrs_first_review (SpRating      rating,
                             SpFsrsMemory *memory);
double sp_fsrs_retrievability (double elapsed_days,
                               double stability);
void   sp_fsrs_review (const SpFsrsMemory *before,
                       double              elapsed_days,
                       SpRating            rating,
                       SpFsrsMemory       *after);
guint  sp_fsrs_interval (double stability);

G_END_DECLS
