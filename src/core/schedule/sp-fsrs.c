/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sp-fsrs.h"

/* The memory model behind the spacing of reviews: FSRS-4.5 (Free Spaced
 * Repetition Scheduler, open-spaced-repetition, "The Algorithm", version
 * 4.5) with its published default parameters, the 17 weights below. Each
 * topic has a stability S (days until recall falls to 90 %) and a
 * difficulty D (1 to 10); each rated review updates them, and the next
 * review comes when recall is expected to be down to SP_FSRS_RETENTION. */

static const double w[17] = {
  0.4872,
  1.4003,
  3.7145,
  13.8206,
  5.1618,
  1.2298,
  0.8975,
  0.031,
  1.6474,
  0.1367,
  1.0461,
  2.1072,
  0.0793,
  0.3246,
  1.587,
  0.2272,
  2.8755,
};

/* The forgetting curve R(t, S) = (1 + FACTOR t / S) ^ DECAY */
#define DECAY  (-0.5)
#define FACTOR (19.0 / 81.0)

static const char *rating_names[] = { NULL, "again", "hard", "good", "easy" };

const char *
sp_rating_to_string (SpRating rating)
{
  return rating > SP_RATING_NONE && rating <= SP_RATING_EASY ? rating_names[rating] : NULL;
}

/**
 * sp_rating_from_string:
 *
 * Returns: the rating "again", "hard", "good" or "easy" names, or
 *   %SP_RATING_NONE
 */
SpRating
sp_rating_from_string (const char *text)
{
  for (SpRating r = SP_RATING_AGAIN; text != NULL && r <= SP_RATING_EASY; r++)
    if (g_str_equal (text, rating_names[r]))
      return r;
  return SP_RATING_NONE;
}

const char *
sp_rating_get_label (SpRating rating)
{
  switch (rating)
    {
    case SP_RATING_AGAIN:
      /* TRANSLATORS: a recall rating after a review: forgotten */
      return _("Again");
    case SP_RATING_HARD:
      /* TRANSLATORS: a recall rating after a review: recalled with effort */
      return _("Hard");
    case SP_RATING_GOOD:
      /* TRANSLATORS: a recall rating after a review: recalled */
      return _("Good");
    case SP_RATING_EASY:
      /* TRANSLATORS: a recall rating after a review: recalled at once */
      return _("Easy");
    case SP_RATING_NONE:
    default:
      return NULL;
    }
}

static double
clamp_difficulty (double d)
{
  return CLAMP (d, 1.0, 10.0);
}

/* D0(G) = w4 - (G - 3) w5 */
static double
initial_difficulty (SpRating rating)
{
  return w[4] - ((int) rating - 3) * w[5];
}

/**
 * sp_fsrs_first_review:
 *
 * The memory after a topic's first rated review: S0(G) = w[G-1],
 * D0(G) = w4 - (G - 3) w5.
 */
void
sp_fsrs_first_review (SpRating      rating,
                      SpFsrsMemory *memory)
{
  g_return_if_fail (rating >= SP_RATING_AGAIN && rating <= SP_RATING_EASY);

  memory->stability = w[rating - 1];
  memory->difficulty = clamp_difficulty (initial_difficulty (rating));
}

/**
 * sp_fsrs_retrievability:
 *
 * Returns: the probability of recall @elapsed_days after a review that
 *   left @stability
 */
double
sp_fsrs_retrievability (double elapsed_days,
                        double stability)
{
  return pow (1 + FACTOR * MAX (elapsed_days, 0) / stability, DECAY);
}

/**
 * sp_fsrs_review:
 *
 * The memory after a later review rated @rating, @elapsed_days after the
 * one before:
 * D' = w7 D0(3) + (1 - w7) (D - w6 (G - 3));
 * after Again, S' = w11 D^-w12 ((S + 1)^w13 - 1) e^(w14 (1 - R));
 * else S' = S (e^w8 (11 - D) S^-w9 (e^(w10 (1 - R)) - 1) h b + 1), with
 * h = w15 for Hard and b = w16 for Easy (else 1).
 */
void
sp_fsrs_review (const SpFsrsMemory *before,
                double              elapsed_days,
                SpRating            rating,
                SpFsrsMemory       *after)
{
  double s = before->stability, d = before->difficulty;
  double r = sp_fsrs_retrievability (elapsed_days, s);

  g_return_if_fail (rating >= SP_RATING_AGAIN && rating <= SP_RATING_EASY);

  if (rating == SP_RATING_AGAIN)
    after->stability = w[11] * pow (d, -w[12]) * (pow (s + 1, w[13]) - 1) * exp (w[14] * (1 - r));
  else
    after->stability = s * (exp (w[8]) * (11 - d) * pow (s, -w[9]) * (exp (w[10] * (1 - r)) - 1) *
                                (rating == SP_RATING_HARD ? w[15] : 1) * (rating == SP_RATING_EASY ? w[16] : 1) +
                            1);
  after->difficulty = clamp_difficulty (w[7] * initial_difficulty (SP_RATING_GOOD) +
                                        (1 - w[7]) * (d - w[6] * ((int) rating - 3)));
}

/**
 * sp_fsrs_interval:
 *
 * Returns: the whole days until recall is expected to fall to
 *   SP_FSRS_RETENTION: I = S / FACTOR (RETENTION^(1 / DECAY) - 1), at
 *   least 1 and at most SP_FSRS_MAX_INTERVAL
 */
guint
sp_fsrs_interval (double stability)
{
  double days = stability / FACTOR * (pow (SP_FSRS_RETENTION, 1 / DECAY) - 1);

  return (guint) CLAMP (lround (days), 1, SP_FSRS_MAX_INTERVAL);
}
