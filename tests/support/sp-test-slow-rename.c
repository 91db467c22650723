/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Preloaded (LD_PRELOAD) into the study planner by the signal tests: a
 * rename() onto a name ending in $SP_TEST_SLOW_RENAME waits a minute
 * first, so the temporary file of an atomic write is there, whole, when
 * the test sends its signal. A write of a few hundred kilobytes is over
 * before a test could see its temporary file otherwise. */

int rename (const char *from,
            const char *to);

int
rename (const char *from,
        const char *to)
{
  int (*real_rename) (const char *, const char *) = (int (*) (const char *, const char *)) dlsym (RTLD_NEXT, "rename");
  const char *slow = getenv ("SP_TEST_SLOW_RENAME");

  if (slow != NULL && *slow != '\0' && strlen (to) >= strlen (slow) &&
      strcmp (to + strlen (to) - strlen (slow), slow) == 0)
    sleep (60);
  return real_rename (from, to);
}
