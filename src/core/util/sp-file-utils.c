/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-file-utils.h"

#define WRITE_CHUNK (1024 * 1024)

/* The temporary file being written, if any: a signal handler removes it
 * with unlink(), which is safe there, so it is kept in a plain buffer */
static char pending_temp[PATH_MAX + 16];
static volatile sig_atomic_t pending_temp_set;

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

static gboolean
read_error (GError     **error,
            int          saved_errno)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
  return FALSE;
}

static void
too_large_error (GError **error,
                 gsize    max_size)
{
  g_autofree char *most = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
               _("it is larger than the %s such a file may hold"), most);
}

/**
 * sp_file_read:
 * @path: a file name
 * @max_size: the most the file may hold
 *
 * The one way the app reads a file it is given: only a regular file (after
 * following links), never blocking on open (a FIFO would wait for a writer
 * for good), and never more than @max_size bytes, so /dev/zero or a huge
 * file is a message rather than an abort. A missing file is
 * %G_FILE_ERROR_NOENT. The messages say why, not which file: the caller
 * names it as its context asks ("Could not read your progress from …").
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error set
 */
GBytes *
sp_file_read (const char  *path,
              gsize        max_size,
              GError     **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize length = 0, capacity;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (*path == '\0')
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("No file name was given"));
      return NULL;
    }

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      read_error (error, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;

      close (fd);
      read_error (error, saved);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, S_ISDIR (st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
                   _("it is not a regular file"));
      return NULL;
    }
  if ((guint64) st.st_size > max_size)
    {
      close (fd);
      too_large_error (error, max_size);
      return NULL;
    }

  /* The file may grow while it is read (or say 0, as /proc does): read to
   * its end, never past the bound */
  capacity = MIN ((gsize) st.st_size, max_size) + 1;
  data = g_malloc (capacity);
  for (;;)
    {
      gssize got;

      if (length == capacity)
        {
          if (capacity > max_size)
            break;
          capacity = MIN (capacity * 2 + 4096, max_size + 1);
          data = g_realloc (data, capacity);
        }
      got = read (fd, data + length, capacity - length);
      if (got < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          close (fd);
          read_error (error, saved);
          return NULL;
        }
      if (got == 0)
        break;
      length += (gsize) got;
    }
  close (fd);

  if (length > max_size)
    {
      too_large_error (error, max_size);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/**
 * sp_file_read_gfile:
 *
 * sp_file_read() for a #GFile; a file with no local path (a remote share)
 * is checked through GIO the same way before it is loaded.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error set
 */
GBytes *
sp_file_read_gfile (GFile         *file,
                    gsize          max_size,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return sp_file_read (path, max_size, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("it is not a regular file"));
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > max_size)
    {
      too_large_error (error, max_size);
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes != NULL && g_bytes_get_size (bytes) > max_size)
    {
      too_large_error (error, max_size);
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

/* Follows @path's links to the file they name, which need not exist yet,
 * so a state file linked into a dotfiles folder is written there. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops < 40; hops++)
    {
      struct stat st;
      g_autofree char *target = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, &local_error);
      if (target == NULL)
        {
          g_set_error (error, G_FILE_ERROR, local_error->code,
                       _("Could not save “%s”: %s"), path, local_error->message);
          return NULL;
        }
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          char *joined = g_build_filename (dir, target, NULL);

          g_free (target);
          target = joined;
        }
      g_free (current);
      current = g_steal_pointer (&target);
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP,
               _("Could not save “%s”: %s"), path, g_strerror (ELOOP));
  return NULL;
}

static void
set_pending_temp (const char *temp)
{
  pending_temp_set = 0;
  if (temp != NULL && strlen (temp) < sizeof pending_temp)
    {
      memcpy (pending_temp, temp, strlen (temp) + 1);
      pending_temp_set = 1;
    }
}

/**
 * sp_file_remove_pending_temp:
 *
 * Removes the temporary file of a write under way, if any. Only
 * async-signal-safe calls: the command line calls it when a signal ends it.
 */
void
sp_file_remove_pending_temp (void)
{
  if (pending_temp_set)
    {
      unlink (pending_temp);
      pending_temp_set = 0;
    }
}

/**
 * sp_file_write_atomic_full:
 * @path: a file name, or "-" for standard output
 * @cancellable: (nullable): stops the write between chunks; the target is
 *   then left as it was
 *
 * Writes through a temporary file beside the real target and a rename, so
 * readers see the old or the new contents, never a mix. Links are followed
 * to the file they name, so the link stays a link; an existing file keeps
 * its mode and, where it can, its owner. Anything that exists and is not a
 * regular file (a device, a directory, a pipe) is refused: as root, a
 * rename would replace /dev/null itself. So is a read-only file: the user
 * made it so.
 */
gboolean
sp_file_write_atomic_full (const char    *path,
                           const char    *data,
                           gsize          length,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *target = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(GError) local_error = NULL;
  struct stat st;
  gboolean existed;
  mode_t mode = 0644;
  sigset_t    all_signals, old_signals;
  int         saved_errno;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_equal (path, "-"))
    return write_all (STDOUT_FILENO, data, length, error);

  target = resolve_links (path, error);
  if (target == NULL)
    return FALSE;

  existed = g_stat (target, &st) == 0;
  if (existed && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("Will not write to “%s”: it exists and is not a regular file"), path);
      return FALSE;
    }
  if (existed && (st.st_mode & 0222) == 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM,
                   _("Will not write to “%s”: it is read-only"), path);
      return FALSE;
    }
  if (existed)
    mode = st.st_mode & 07777;

  temp = g_strconcat (target, ".XXXXXX", NULL);
  /* No signal between the file's creation and its name being kept: a
   * handler then would leave it behind */
  sigfillset (&all_signals);
  pthread_sigmask (SIG_BLOCK, &all_signals, &old_signals);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  saved_errno = errno;
  if (fd >= 0)
    set_pending_temp (temp);
  pthread_sigmask (SIG_SETMASK, &old_signals, NULL);
  if (fd < 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not save “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  /* A new file gets the usual mode less the umask; an old one its own */
  if (!existed)
    {
      mode_t mask = umask (0);

      umask (mask);
      mode &= ~mask;
    }
  if (fchmod (fd, mode) != 0)
    g_debug ("Could not keep the mode of %s: %s", target, g_strerror (errno));
  if (existed && (st.st_uid != geteuid () || st.st_gid != getegid ()) &&
      fchown (fd, st.st_uid, st.st_gid) != 0)
    g_debug ("Could not keep the owner of %s: %s", target, g_strerror (errno));

  for (gsize done = 0; done < length; )
    {
      gsize chunk = MIN (length - done, (gsize) WRITE_CHUNK);
      gssize written;

      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        goto failed;
      written = write (fd, data + done, chunk);
      if (written < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error_literal (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved),
                               g_strerror (saved));
          goto failed;
        }
      done += (gsize) written;
    }
  /* Only a file that was there needs to be on disk before the rename: a
   * crash then leaves the old one rather than an empty one (as GLib's
   * G_FILE_SET_CONTENTS_ONLY_EXISTING) */
  if (existed && fsync (fd) != 0)
    {
      int saved = errno;

      g_set_error_literal (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved),
                           g_strerror (saved));
      goto failed;
    }
  if (close (fd) != 0)
    {
      int saved = errno;

      fd = -1;
      g_set_error_literal (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved),
                           g_strerror (saved));
      goto failed;
    }
  fd = -1;
  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    goto failed;
  if (g_rename (temp, target) != 0)
    {
      int saved = errno;

      g_set_error_literal (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved),
                           g_strerror (saved));
      goto failed;
    }
  set_pending_temp (NULL);
  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  set_pending_temp (NULL);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Say which file the user has lost nothing of */
  g_set_error (error, local_error->domain, local_error->code,
               _("Could not save “%s”: %s"), path, local_error->message);
  return FALSE;
}

/**
 * sp_file_write_atomic:
 *
 * sp_file_write_atomic_full() without a way to cancel it.
 */
gboolean
sp_file_write_atomic (const char  *path,
                      const char  *data,
                      gsize        length,
                      GError     **error)
{
  return sp_file_write_atomic_full (path, data, length, NULL, error);
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

/**
 * sp_file_make_private_dir:
 * @dir: a folder of the user's data or cache
 *
 * Makes @dir and its parents, readable by the user only, as the files
 * kept there (progress, notes, sync records) are theirs.
 *
 * Returns: whether @dir is there, or %FALSE with @error saying why not
 */
gboolean
sp_file_make_private_dir (const char *dir,
                          GError    **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
