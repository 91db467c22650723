/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-file-utils.h"

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length,
           GError     **error)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not write to standard output: %s"), g_strerror (saved));
          return FALSE;
        }
      data += written;
      length -= (gsize) written;
    }
  return TRUE;
}

/**
 * sp_file_write_atomic:
 * @path: a file name, or "-" for standard output
 *
 * Writes through a temporary file and a rename, so readers see the old or
 * the new contents, never a mix. Anything that exists and is not a regular
 * file (a device, a directory, a pipe) is refused: as root, a rename would
 * replace /dev/null itself.
 */
gboolean
sp_file_write_atomic (const char  *path,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  struct stat st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_equal (path, "-"))
    {
      if (!write_all (STDOUT_FILENO, data, length, error))
        return FALSE;
      return TRUE;
    }

  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("Will not write to “%s”: it exists and is not a regular file"), path);
      return FALSE;
    }

  if (!g_file_set_contents_full (path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                 0644, error))
    {
      /* GLib names its temporary file; say which file the user has lost nothing of */
      g_prefix_error (error, _("Could not save “%s”: "), path);
      return FALSE;
    }
  return TRUE;
}

/**
 * sp_file_get_data_dir:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/study-planner, not created
 */
char *
sp_file_get_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "study-planner", NULL);
}
