/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "sp-test-files.h"

/**
 * sp_test_remove_tree:
 * @path: a folder a test made (g_dir_make_tmp()), or a file
 *
 * Removes @path and all under it. A folder a test made read-only is made
 * writable first; a symbolic link is removed, never followed.
 *
 * Returns: whether @path is gone
 */
gboolean
sp_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
    }
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      sp_test_remove_tree (child);
    }
  g_remove (path);
  return !g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK);
}
