/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sp-test-data.h"

/* A plan of one level whose topics form one prerequisite chain, each
 * needing the one before: the longest path a loader can be given.
 * @title (JSON-escaped already) is every topic's title but a number. */
char *
sp_test_make_chain_plan (guint       n_topics,
                         const char *title)
{
  GString *json = g_string_sized_new (n_topics * 110 + 256);

  g_string_append (json, "{\"format\": 1, \"id\": \"chain\", \"title\": \"Chain\", \"levels\": [{"
                         "\"id\": \"only\", \"title\": \"Only\", \"min_months\": 1, \"topics\": [\n");
  for (guint i = 0; i < n_topics; i++)
    {
      g_string_append_printf (json, "%s{\"id\": \"t%u\", \"title\": \"%s %u\", \"hours\": 1.5, ",
                              i > 0 ? ",\n" : "", i, title, i);
      if (i > 0)
        g_string_append_printf (json, "\"prerequisites\": [\"t%u\"], ", i - 1);
      g_string_append (json, "\"tasks\": {\"read\": \"Read it\"}}");
    }
  g_string_append (json, "]}]}\n");
  return g_string_free (json, FALSE);
}
