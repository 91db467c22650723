/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one reader and the one writer of the user's files: what they refuse,
 * and what they keep (links, modes, owners) of the files the user made. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-file-utils.h"
#include "sp-test-files.h"

static char *
make_dir (void)
{
  return sp_test_make_tmp_dir ("sp-files-XXXXXX");
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint count = 0;

  while (listing && g_dir_read_name (listing) != NULL)
    count++;
  return count;
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_read_regular (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) through_link = NULL;

  write_file (path, "{\"format\": 1}");
  bytes = sp_file_read (path, 1024, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "{\"format\": 1}", 13);

  /* A link to a regular file is read as the file */
  g_assert_cmpint (symlink ("plan.json", link), ==, 0);
  through_link = sp_file_read (link, 1024, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, through_link));

  g_assert_true (sp_test_remove_tree (dir));
}

static void
test_read_refused (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.json", NULL);
  g_autofree char *big = g_build_filename (dir, "big.json", NULL);
  g_autofree char *zero_link = g_build_filename (dir, "zero.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;
  FILE *f;

  /* A device: it would be read until memory runs out */
  bytes = sp_file_read ("/dev/zero", SP_FILE_MAX_PLAN_SIZE, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_cmpstr (error->message, ==, "it is not a regular file");
  g_clear_error (&error);

  /* ... also behind a link */
  g_assert_cmpint (symlink ("/dev/zero", zero_link), ==, 0);
  bytes = sp_file_read (zero_link, SP_FILE_MAX_STATE_SIZE, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  /* A FIFO with no writer: opening it must not wait for one (the test
   * would hang here, and meson's timeout fail it) */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  bytes = sp_file_read (fifo, SP_FILE_MAX_PLAN_SIZE, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_clear_error (&error);

  /* A directory */
  bytes = sp_file_read (dir, SP_FILE_MAX_PLAN_SIZE, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR);
  g_clear_error (&error);

  /* Past the bound: refused from its size, before a byte is read (a sparse
   * file, so the test writes nothing) */
  f = fopen (big, "w");
  g_assert_nonnull (f);
  g_assert_cmpint (ftruncate (fileno (f), (off_t) SP_FILE_MAX_PLAN_SIZE + 1), ==, 0);
  fclose (f);
  bytes = sp_file_read (big, SP_FILE_MAX_PLAN_SIZE, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "it is larger than the 64.0"));
  g_assert_true (g_str_has_suffix (error->message, "MiB such a file may hold"));
  g_clear_error (&error);

  /* Missing: the caller tells a missing file from a bad one */
  bytes = sp_file_read (missing, 1024, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  bytes = sp_file_read ("", 1024, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  g_assert_true (sp_test_remove_tree (dir));
}

/* A file whose size says 0 (as /proc's do) is read to its end, within the bound */
static void
test_read_unsized (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sp_file_read ("/proc/self/status", 1024 * 1024, &error);
  GBytes *small;

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
  small = sp_file_read ("/proc/self/status", 16, &error);
  g_assert_null (small);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
}

static void
test_write_through_link (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *real = g_build_filename (dir, "real.json", NULL);
  g_autofree char *link = g_build_filename (dir, "state.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  /* A state file linked into a dotfiles or sync folder stays a link */
  write_file (real, "old");
  g_assert_cmpint (symlink ("real.json", link), ==, 0);
  g_assert_true (sp_file_write_atomic (link, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.json");
  text = read_text (real);
  g_assert_cmpstr (text, ==, "new");
  /* and the temporary file was made beside the real file, then renamed */
  g_assert_cmpuint (count_entries (dir), ==, 2);

  g_assert_true (sp_test_remove_tree (dir));
}

static void
test_write_dangling_link (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *real = g_build_filename (dir, "real.json", NULL);
  g_autofree char *link = g_build_filename (dir, "out.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (symlink (real, link), ==, 0);
  g_assert_true (sp_file_write_atomic (link, "made", 4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  text = read_text (real);
  g_assert_cmpstr (text, ==, "made");

  g_assert_true (sp_test_remove_tree (dir));
}

static void
test_write_keeps_mode_and_owner (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autoptr(GError) error = NULL;
  struct stat st;

  /* It holds notes: the user made it private */
  write_file (path, "old");
  g_assert_cmpint (chmod (path, 0600), ==, 0);
  if (geteuid () == 0)
    g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  g_assert_true (sp_file_write_atomic (path, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0600);
  if (geteuid () == 0)
    {
      g_assert_cmpuint (st.st_uid, ==, 65534);
      g_assert_cmpuint (st.st_gid, ==, 65534);
    }

  /* A new file: the usual mode, less the umask */
  g_assert_cmpint (g_unlink (path), ==, 0);
  umask (022);
  g_assert_true (sp_file_write_atomic (path, "new", 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0644);
  g_assert_cmpuint (st.st_uid, ==, geteuid ());

  g_assert_true (sp_test_remove_tree (dir));
}

static void
test_write_refuses_read_only (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  write_file (path, "kept");
  g_assert_cmpint (chmod (path, 0444), ==, 0);
  g_assert_false (sp_file_write_atomic (path, "lost", 4, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_PERM);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "read-only"));
  text = read_text (path);
  g_assert_cmpstr (text, ==, "kept");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* Nor anything that is not a regular file */
  g_clear_error (&error);
  g_assert_false (sp_file_write_atomic ("/dev/null", "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);

  g_assert_true (sp_test_remove_tree (dir));
}

static void
test_write_cancelled (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 3 * 1024 * 1024;
  g_autofree char *data = g_malloc0 (length);

  write_file (path, "old");
  g_cancellable_cancel (cancellable);
  g_assert_false (sp_file_write_atomic_full (path, data, length, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "old");
  /* No temporary file left beside it */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  g_assert_true (sp_test_remove_tree (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/files/read/regular", test_read_regular);
  g_test_add_func ("/files/read/refused", test_read_refused);
  g_test_add_func ("/files/read/unsized", test_read_unsized);
  g_test_add_func ("/files/write/through-link", test_write_through_link);
  g_test_add_func ("/files/write/dangling-link", test_write_dangling_link);
  g_test_add_func ("/files/write/mode-and-owner", test_write_keeps_mode_and_owner);
  g_test_add_func ("/files/write/read-only", test_write_refuses_read_only);
  g_test_add_func ("/files/write/cancelled", test_write_cancelled);

  return g_test_run ();
}
