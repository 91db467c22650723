/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <linux/capability.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sp-test-files.h"

/**
 * sp_test_make_tmp_dir:
 * @tmpl: the folder's name, as g_dir_make_tmp() takes it
 *
 * Returns: (transfer full): a new empty folder of the test's own; the test
 *   fails when it cannot be made. sp_test_remove_tree() takes it away.
 */
char *
sp_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

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

/**
 * sp_test_mount_small_tmpfs:
 * @dir: an empty folder
 * @size: the file system's size, as tmpfs's `size=` takes it ("64k")
 *
 * Mounts a small tmpfs of our own on @dir, in a private mount namespace, so
 * that filling it gives a real ENOSPC. Root can do it directly, others
 * through a user namespace where the system allows one. Call it in a child
 * process (g_test_trap_subprocess()): the namespace is the caller's.
 *
 * Returns: whether @dir is now the small file system
 */
gboolean
sp_test_mount_small_tmpfs (const char *dir,
                           const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s", size);
  uid_t            uid = getuid ();
  gid_t            gid = getgid ();

  if (unshare (CLONE_NEWNS) != 0)
    {
      g_autofree char *uid_map = g_strdup_printf ("0 %u 1", uid);
      g_autofree char *gid_map = g_strdup_printf ("0 %u 1", gid);

      if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return FALSE;
      if (!g_file_set_contents ("/proc/self/setgroups", "deny", -1, NULL) ||
          !g_file_set_contents ("/proc/self/uid_map", uid_map, -1, NULL) ||
          !g_file_set_contents ("/proc/self/gid_map", gid_map, -1, NULL))
        return FALSE;
    }
  if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    return FALSE;
  return mount ("sp-full", dir, "tmpfs", 0, options) == 0;
}

/**
 * sp_test_drop_dac_capabilities:
 *
 * Root passes every permission check; a read-only file or folder holds
 * only against a process without these capabilities. Drops them for the
 * calling process, so call it in a child (g_test_trap_subprocess()).
 */
void
sp_test_drop_dac_capabilities (void)
{
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct   data[2] = { { 0 } };
  const int                       caps[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER };

  g_assert_cmpint (syscall (SYS_capget, &header, data), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (caps); i++)
    {
      data[caps[i] / 32].effective &= ~(1u << (caps[i] % 32));
      data[caps[i] / 32].permitted &= ~(1u << (caps[i] % 32));
    }
  g_assert_cmpint (syscall (SYS_capset, &header, data), ==, 0);
}
