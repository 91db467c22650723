/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-listing.h"

/* Courses of the own format that read like a real listing's: a title, a
 * provider, a link, tags and a summary of about 40 words each. */

/* clang-format off */
static const char *subjects[] = {
  "Linear Algebra", "Calculus", "Probability", "Statistics", "Python", "SQL", "Deep Learning",
  "Machine Learning", "Computer Vision", "Natural Language Processing", "Reinforcement Learning",
  "Data Visualization", "Feature Engineering", "MLOps", "Neural Networks", "Transformers",
  "Optimization", "Bayesian Methods", "Time Series", "Recommender Systems", "Git", "Docker",
  "Cloud Computing", "Graph Neural Networks", "Generative Models", "Data Engineering",
};
static const char *kinds[] = {
  "Introduction to", "Foundations of", "Applied", "Practical", "Advanced", "A Gentle Course in",
  "Hands-On", "Modern", "Mathematics of", "Projects in",
};
static const char *words[] = {
  "learn", "build", "models", "with", "python", "matrices", "vectors", "gradient", "descent",
  "regression", "classification", "clustering", "data", "sets", "real", "world", "projects",
  "exercises", "weekly", "quizzes", "theory", "practice", "and", "the", "of", "for", "using",
  "networks", "training", "evaluation", "deployment", "pipelines", "images", "text", "agents",
};
static const char *levels[] = { "beginner", "intermediate", "advanced" };
static const char *providers[] = { "Coursera", "edX", "MIT OpenCourseWare", "Udacity", "Kaggle Learn", "fast.ai" };
/* clang-format on */

GBytes *
bench_listing_new (guint       first,
                   guint       n,
                   const char *next)
{
  GString *json = g_string_new ("{\"format\": \"study-planner-catalog\", \"version\": 1, ");
  GRand   *rand = g_rand_new_with_seed (42 + first);

  if (next != NULL)
    g_string_append_printf (json, "\"next\": \"%s\", ", next);
  g_string_append (json, "\"courses\": [\n");
  for (guint i = first; i < first + n; i++)
    {
      const char *subject = subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (subjects))];
      const char *other = subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (subjects))];

      g_string_append_printf (json,
                              "%s{\"id\": \"c%u\", \"title\": \"%s %s %u\", \"provider\": \"%s\","
                              " \"url\": \"https://courses.example.org/c%u\", \"level\": \"%s\","
                              " \"hours\": %d, \"language\": \"%s\", \"free\": %s, \"rating\": %.1f,"
                              " \"tags\": [\"%s\", \"%s\", \"data science\"], \"description\": \"",
                              i > first ? ",\n" : "", i,
                              kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], subject, i,
                              providers[g_rand_int_range (rand, 0, G_N_ELEMENTS (providers))], i,
                              levels[g_rand_int_range (rand, 0, G_N_ELEMENTS (levels))],
                              g_rand_int_range (rand, 2, 200), i % 7 ? "en" : "es",
                              i % 3 ? "true" : "false", g_rand_double_range (rand, 3.0, 5.0),
                              subject, other);
      /* About 40 words: the length of a real listing's summary */
      for (guint w = 0; w < 40; w++)
        g_string_append_printf (json, "%s%s", w > 0 ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append_printf (json, " %s.\"}", other);
    }
  g_string_append (json, "\n]}\n");
  g_rand_free (rand);
  return g_string_free_to_bytes (json);
}
