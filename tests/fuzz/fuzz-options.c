/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sp-availability.h"
#include "sp-fuzz.h"

/* The command line's --hours, --start and minutes parsers get whatever a
 * script passes. Accepted values are in range; dates and times print back
 * to what was read; refusals say why. */

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  guint16 minutes[SP_N_WEEKDAYS];
  guint32 day;
  guint value;

  if (strlen (text) != size)
    return 0;  /* a command-line argument has no NUL inside */

  if (sp_parse_hours (text, minutes, &error))
    for (guint d = 0; d < SP_N_WEEKDAYS; d++)
      {
        g_assert_cmpuint (minutes[d], <=, 24 * 60);
        g_assert_cmpuint (minutes[d] % SP_MINUTES_STEP, ==, 0);
      }
  else
    sp_fuzz_check_error (error);
  g_clear_error (&error);

  if (sp_parse_date (text, &day, &error))
    {
      g_autofree char *back = sp_format_date (day);
      g_assert_cmpstr (back, ==, text);
    }
  else
    sp_fuzz_check_error (error);
  g_clear_error (&error);

  if (sp_parse_time (text, &value, &error))
    {
      g_autofree char *back = sp_format_time (value);
      g_assert_cmpuint (value, <, SP_MINUTES_PER_DAY);
      g_assert_cmpstr (back, ==, text);
    }
  else
    sp_fuzz_check_error (error);
  g_clear_error (&error);

  if (sp_parse_minutes (text, 0, SP_MAX_BLOCK_MINUTES, &value, &error))
    g_assert_cmpuint (value, <=, SP_MAX_BLOCK_MINUTES);
  else
    sp_fuzz_check_error (error);
  return 0;
}
