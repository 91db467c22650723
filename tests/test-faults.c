/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <linux/capability.h>
#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sp-catalog-effort.h"
#include "sp-catalog-format.h"
#include "sp-file-utils.h"
#include "sp-plan.h"
#include "sp-planner.h"
#include "sp-state.h"
#include "sp-test-data.h"
#include "sp-test-files.h"
#include "sp-test-program.h"

/* What happens to the user's files when things go wrong around them: the
 * process killed mid-save, a read-only or full disk, no home, files that
 * vanish, plans far bigger or deeper than anyone writes. */

#define STATE_SIZE (1024 * 1024)
#define KILLS      200

static char *
make_state (char  fill,
            gsize size)
{
  /* A complete state ends with its own closing line: a torn write cannot pass */
  char *state = g_malloc (size + 1);

  memset (state, fill, size);
  memcpy (state, "{\"state\": \"", 11);
  memcpy (state + size - 4, "\"}\n", 3);
  state[size - 1] = fill;
  state[size] = '\0';
  return state;
}

static guint
count_and_remove_temporaries (const char *dir,
                              const char *basename)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      if (g_str_equal (name, basename))
        continue;
      if (g_str_has_prefix (name, basename))
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_unlink (path);
          n++;
        }
    }
  return n;
}

/* Runs the current test again in a child, in a scratch folder made (and
 * cleaned) here: the child may drop privileges or mount over it. */
static gboolean
in_child (char **dir)
{
  const char *shared = g_getenv ("SP_TEST_SCRATCH");
  g_autofree char *made = NULL;

  if (g_test_subprocess ())
    {
      *dir = g_strdup (shared);
      return TRUE;
    }

  made = g_dir_make_tmp ("sp-faults-XXXXXX", NULL);
  g_assert_nonnull (made);
  g_setenv ("SP_TEST_SCRATCH", made, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("SP_TEST_SCRATCH");

  g_chmod (made, 0755);
  count_and_remove_temporaries (made, "state.json");
  {
    g_autofree char *state = g_build_filename (made, "state.json", NULL);
    g_unlink (state);
  }
  g_rmdir (made);
  g_test_trap_assert_passed ();
  return FALSE;
}

static void
assert_contents (const char *path,
                 const char *expected,
                 gsize       length)
{
  g_autofree char *contents = NULL;
  gsize got = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &got, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got, ==, length);
  g_assert_true (memcmp (contents, expected, length) == 0);
}

/* Waits until the saving child has finished two more saves, and returns
 * how long the last one took: a kill within that time lands mid-save. */
static gint64
wait_for_saves (volatile guint *saves)
{
  guint start = *saves;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gint64 first = 0;

  while (*saves < start + 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (first == 0 && *saves >= start + 1)
        first = g_get_monotonic_time ();
      g_usleep (200);
    }
  return MAX (g_get_monotonic_time () - (first ? first : deadline - 60 * G_USEC_PER_SEC), 1000);
}

/* How many kills must land inside a write, and how many tries that may take */
#define MIN_MID_WRITES 5
#define MAX_KILLS(n)   ((n) * 20)

/* A child saves two big states in turn as fast as it can; it is killed at
 * random moments. Each time the file must be one of them, whole. */
static void
test_kill_while_saving (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sp-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *a = make_state ('a', STATE_SIZE);
  g_autofree char *b = make_state ('b', STATE_SIZE);
  g_autoptr(GError) error = NULL;
  volatile guint *saves;
  guint mid_write = 0, as_a = 0, as_b = 0;
  guint i;

  saves = mmap (NULL, sizeof (guint), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  g_assert_true (saves != MAP_FAILED);
  *saves = 0;

  g_assert_true (sp_file_write_atomic (path, a, STATE_SIZE, &error));
  g_assert_no_error (error);

  /* Kills land inside a write by chance: a slow machine or a sanitizer
   * makes it rarer, so it goes on until enough of them did */
  for (i = 0; i < KILLS || (mid_write < MIN_MID_WRITES && i < MAX_KILLS (KILLS)); i++)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;
      pid_t pid;
      int status;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint n = 0;; n++)
            {
              const char *state = (n % 2 == 0) ? b : a;

              if (!sp_file_write_atomic (path, state, STATE_SIZE, NULL))
                _exit (3);
              (*saves)++;
            }
        }

      /* At a random moment of a save, however fast this machine saves */
      g_usleep (g_random_int_range (0, (gint32) wait_for_saves (saves)));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, ==, STATE_SIZE);
      if (memcmp (contents, a, STATE_SIZE) == 0)
        as_a++;
      else if (memcmp (contents, b, STATE_SIZE) == 0)
        as_b++;
      else
        g_error ("kill %u left a state that is neither the old nor the new one", i);

      mid_write += count_and_remove_temporaries (dir, "state.json") > 0;
    }

  g_test_message ("%u kills during %u saves: %u mid-write, file held the first state %u times, "
                  "the second %u times, never anything else",
                  i, *saves, mid_write, as_a, as_b);
  /* Without kills that land inside a save, and saves of both states, this
   * test would prove nothing */
  g_assert_cmpuint (mid_write, >=, MIN_MID_WRITES);
  g_assert_cmpuint (as_a, >, 0);
  g_assert_cmpuint (as_b, >, 0);

  munmap ((void *) saves, sizeof (guint));
  count_and_remove_temporaries (dir, "state.json");
  g_unlink (path);
  g_rmdir (dir);
}

#define NOTE_SIZE     (256 * 1024)
#define PLANNER_KILLS 100

static char *
make_note (char fill)
{
  char *note = g_malloc (NOTE_SIZE + 1);

  memset (note, fill, NOTE_SIZE);
  note[NOTE_SIZE] = '\0';
  return note;
}

/* The same, through the planner as the app saves progress: every edit
 * writes the whole state file. The child edits one block's note back and
 * forth between two big texts; whenever it is killed, the file must load
 * as a whole state holding one of them, and the planner must take it
 * without setting it aside as corrupt. */
static void
test_kill_planner_while_saving (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sp-kill-planner-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *json = sp_test_make_chain_plan (200, "Topic");
  g_autoptr(GBytes) plan_bytes = g_bytes_new (json, strlen (json));
  g_autoptr(SpPlan) plan = sp_plan_new_from_bytes (plan_bytes, "chain.json", NULL, NULL);
  g_autofree char *note_a = make_note ('a');
  g_autofree char *note_b = make_note ('b');
  g_autofree char *block_id = NULL;
  g_autoptr(GError) error = NULL;
  volatile guint *saves;
  guint mid_write = 0, as_a = 0, as_b = 0;
  gsize state_size = 0;
  guint i;

  g_assert_nonnull (plan);
  saves = mmap (NULL, sizeof (guint), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  g_assert_true (saves != MAP_FAILED);
  *saves = 0;

  {
    g_autoptr(SpPlanner) planner = sp_planner_new (plan);

    sp_planner_load_state (planner, path, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sp_schedule_get_n_blocks (sp_planner_get_schedule (planner)), >, 0);
    block_id = g_strdup (sp_schedule_get_block (sp_planner_get_schedule (planner), 0)->id);
    g_assert_true (sp_planner_set_block_note (planner, block_id, note_a, &error));
    g_assert_no_error (error);
  }

  for (i = 0; i < PLANNER_KILLS || (mid_write < MIN_MID_WRITES && i < MAX_KILLS (PLANNER_KILLS)); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SpState) state = NULL;
      g_autoptr(SpPlanner) reader = NULL;
      SpProgress *progress;
      const char *note;
      pid_t pid;
      int status;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          g_autoptr(SpPlanner) planner = sp_planner_new (plan);

          if (!sp_planner_load_state (planner, path, NULL))
            _exit (3);
          for (guint n = 0;; n++)
            {
              if (!sp_planner_set_block_note (planner, block_id, n % 2 == 0 ? note_b : note_a, NULL))
                _exit (4);
              (*saves)++;
            }
        }

      g_usleep (g_random_int_range (0, (gint32) wait_for_saves (saves)));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (!WIFSIGNALED (status))
        g_error ("the saving child ended by itself with status %d", WEXITSTATUS (status));

      {
        g_autofree char *contents = NULL;
        gsize length = 0;

        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
        state_size = length;
      }
      state = sp_state_new_from_bytes (bytes, path, &error);
      if (state == NULL)
        g_error ("kill %u left a state file that does not load: %s", i, error->message);
      progress = sp_state_get_progress (state, sp_plan_get_id (plan));
      g_assert_nonnull (progress);
      note = g_hash_table_lookup (progress->notes, block_id);
      g_assert_nonnull (note);
      if (g_str_equal (note, note_a))
        as_a++;
      else if (g_str_equal (note, note_b))
        as_b++;
      else
        g_error ("kill %u left a note that is neither the old nor the new one", i);

      mid_write += count_and_remove_temporaries (dir, "state.json") > 0;

      /* What the app does on its next start: takes the file as it is */
      reader = sp_planner_new (plan);
      g_assert_true (sp_planner_load_state (reader, path, &error));
      g_assert_no_error (error);
      g_assert_null (sp_planner_get_state_warning (reader));
    }

  g_test_message ("planner: %u kills during %u saves of a %.1f KiB state: %u mid-write, "
                  "first note %u times, second %u times, never anything else",
                  i, *saves, state_size / 1024.0, mid_write, as_a, as_b);
  /* Most of a planner's save is planning, the writing a part of it (less
   * still under a sanitizer or Valgrind): some kills, not most, land in it */
  g_assert_cmpuint (mid_write, >=, MIN_MID_WRITES);
  g_assert_cmpuint (as_a, >, 0);
  g_assert_cmpuint (as_b, >, 0);

  /* Nothing was set aside as corrupt, ever */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_cmpstr (name, ==, "state.json");
  }

  munmap ((void *) saves, sizeof (guint));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_read_only_dir (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *state = make_state ('a', 4096);

  if (!in_child (&dir))
    return;
  path = g_build_filename (dir, "state.json", NULL);
  g_assert_true (sp_file_write_atomic (path, state, 4096, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  sp_test_drop_dac_capabilities ();

  {
    g_autofree char *newer = make_state ('b', 4096);
    g_autoptr(GError) error = NULL;

    g_assert_false (sp_file_write_atomic (path, newer, 4096, &error));
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
    /* The message names the file, so the user knows where to look */
    g_assert_true (g_str_has_prefix (error->message, "Could not save “"));
    g_assert_nonnull (strstr (error->message, path));
    g_test_message ("read-only folder: %s", error->message);
  }
  assert_contents (path, state, 4096);
  g_assert_cmpuint (count_and_remove_temporaries (dir, "state.json"), ==, 0);
}

static void
test_full_disk (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *state = make_state ('a', 8192);
  g_autofree char *newer = make_state ('b', STATE_SIZE);
  g_autoptr(GError) error = NULL;
  gboolean tmpfs;

  if (!in_child (&dir))
    return;
  path = g_build_filename (dir, "state.json", NULL);

  tmpfs = sp_test_mount_small_tmpfs (dir, "64k");
  if (!tmpfs)
    {
      /* No namespaces here: a file size limit fails the write the same way */
      struct rlimit limit = { 64 * 1024, 64 * 1024 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    }

  g_assert_true (sp_file_write_atomic (path, state, 8192, NULL));
  g_assert_false (sp_file_write_atomic (path, newer, STATE_SIZE, &error));
  if (tmpfs)
    g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  else
    g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not save “"));
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("full disk (%s): %s", tmpfs ? "64 KiB tmpfs" : "RLIMIT_FSIZE", error->message);

  /* The old state is kept whole and the half-written one cleaned away */
  assert_contents (path, state, 8192);
  g_assert_cmpuint (count_and_remove_temporaries (dir, "state.json"), ==, 0);
}

/* "-" is standard output, which can fill up too */
static void
test_full_stdout (void)
{
  g_autoptr(GError) error = NULL;
  int fd;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  fd = open ("/dev/full", O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (dup2 (fd, STDOUT_FILENO), ==, STDOUT_FILENO);
  close (fd);

  g_assert_false (sp_file_write_atomic ("-", "{}\n", 3, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_nonnull (strstr (error->message, "standard output"));
}

static void
test_not_regular (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sp-dir-XXXXXX", NULL);

  /* As root a rename would replace the device itself */
  g_assert_false (sp_file_write_atomic ("/dev/null", "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_clear_error (&error);

  g_assert_false (sp_file_write_atomic (dir, "x", 1, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_rmdir (dir);
}

/* A plan that was there a moment ago and is gone, or was never a file */
static void
test_plan_disappears (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sp-gone-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autofree char *json = sp_test_make_chain_plan (3, "Topic");

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  plan = sp_plan_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_clear_object (&plan);

  g_assert_cmpint (g_unlink (path), ==, 0);
  plan = sp_plan_new_from_file (file, &problems, &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_READ);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (problems->len, ==, 1);
  g_clear_error (&error);
  g_clear_pointer (&problems, g_ptr_array_unref);

  plan = sp_plan_new_from_file (folder, &problems, &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_READ);
  g_assert_nonnull (strstr (error->message, dir));

  g_rmdir (dir);
}

/* A plan of sp_test_make_chain_plan(), as the bytes of its file */
static GBytes *
chain_plan_bytes (guint       n_topics,
                  const char *title)
{
  char *json = sp_test_make_chain_plan (n_topics, title);

  return g_bytes_new_take (json, strlen (json));
}

static void
test_huge_plan (void)
{
  g_autoptr(GBytes) bytes = chain_plan_bytes (100000, "Topic");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = NULL;
  const SpTopic *last;
  gint64 start = g_get_monotonic_time ();

  plan = sp_plan_new_from_bytes (bytes, "huge.json", NULL, &error);
  g_assert_no_error (error);
  /* Not a timed test (bench/ is for that): for the log, and meson's timeout catches a hang */
  g_test_message ("100,000 topics (%.1f MiB) in one prerequisite chain loaded in %.2f s",
                  g_bytes_get_size (bytes) / 1048576.0,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  g_assert_cmpuint (sp_plan_get_topics (plan)->len, ==, 100000);
  last = sp_plan_lookup_topic (plan, "t99999");
  g_assert_nonnull (last);
  g_assert_cmpstr (last->prerequisites[0], ==, "t99998");
  g_assert_cmpfloat (sp_plan_get_total_hours (plan), ==, 150000.0);
}

static void
test_too_many_topics (void)
{
  g_autoptr(GBytes) bytes = chain_plan_bytes (200001, "T");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = NULL;

  plan = sp_plan_new_from_bytes (bytes, "too-many.json", NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "200001 topics is more than Study Planner can plan"));
}

static SpPlan *load_string (const char  *json,
                            GError     **error);

/* Levels and tracks are sections of the Path view, made whole: bounded */
static void
test_too_many_levels (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": 1, \"id\": \"p\", \"title\": \"P\", \"levels\": [");
  g_autoptr(GString) tracks = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = NULL;

  for (guint i = 0; i < 101; i++)
    g_string_append_printf (tracks, "%s{\"id\": \"k%u\", \"title\": \"K\", \"topics\": []}", i ? ", " : "", i);
  for (guint i = 0; i < 101; i++)
    g_string_append_printf (json, "%s{\"id\": \"l%u\", \"title\": \"L\", \"min_months\": 1, \"topics\": []}",
                            i ? ", " : "", i);
  g_string_append (json, "]}");

  plan = load_string (json->str, &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "deep.json: $.levels: 101 levels is more than Study Planner can show (at most 100)");
  g_clear_error (&error);

  g_string_printf (json, "{\"format\": 1, \"id\": \"p\", \"title\": \"P\", \"levels\": ["
                   "{\"id\": \"l\", \"title\": \"L\", \"min_months\": 1, \"tracks\": [%s]}]}", tracks->str);
  plan = load_string (json->str, &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message,
                            "$.levels[0].tracks: 101 tracks is more than Study Planner can show in a level (at most 100)"));
}

static SpPlan *
load_string (const char  *json,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return sp_plan_new_from_bytes (bytes, "deep.json", NULL, error);
}

static char *
nested (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static void
test_deep_nesting (void)
{
  g_autofree char *at_limit = nested (64);
  g_autofree char *over = nested (65);
  g_autofree char *very_deep = nested (1000000);
  g_autofree char *in_string = NULL;
  g_autofree char *brackets = g_strnfill (90, '[');
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = NULL;

  /* 64 levels parse; the plan is refused for what it is, not for its depth */
  plan = load_string (at_limit, &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "expected an object, found an array"));
  g_clear_error (&error);

  plan = load_string (over, &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "deep.json: line 1, column 65: Nested deeper than 64 levels");
  g_clear_error (&error);

  /* Refused before json-glib recurses into it */
  plan = load_string (very_deep, &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "line 1, column 65: Nested deeper than 64 levels"));
  g_clear_error (&error);

  /* Brackets inside strings are text, not nesting */
  in_string = g_strdup_printf ("{\"format\": 1, \"id\": \"p\", \"title\": \"%s\\\"%s\", \"levels\": [{"
                               "\"id\": \"l\", \"title\": \"L\", \"min_months\": 1, \"topics\": [{"
                               "\"id\": \"t\", \"title\": \"T\", \"hours\": 1, \"tasks\": {\"read\": \"r\"}}]}]}",
                               brackets, brackets);
  plan = load_string (in_string, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sp_plan_get_title (plan), "[[[["));
}

/* Labels lay out every character: titles and texts are bounded */
static void
test_long_text (void)
{
  g_autofree char *title = g_strnfill (201, 'x');
  g_autofree char *text = g_strnfill (2001, 'y');
  g_autofree char *ok_title = g_strnfill (200, 'x');
  g_autofree char *ok_text = g_strnfill (2000, 'y');
#define LONG_PLAN "{\"format\": 1, \"id\": \"p\", \"title\": {\"en\": \"%s\", \"ro\": \"%s\"}, " \
                  "\"levels\": [{\"id\": \"l\", \"title\": \"L\", \"description\": \"%s\", \"min_months\": 1, " \
                  "\"topics\": [{\"id\": \"t\", \"title\": \"T\", \"hours\": 1, \"tasks\": {\"read\": \"%s\"}}]}]}"
  g_autofree char *good = g_strdup_printf (LONG_PLAN, ok_title, ok_title, ok_text, ok_text);
  g_autofree char *bad = g_strdup_printf (LONG_PLAN, ok_title, title, text, text);
#undef LONG_PLAN
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (bad, strlen (bad));

  plan = load_string (good, &error);
  g_assert_no_error (error);
  g_clear_object (&plan);

  plan = sp_plan_new_from_bytes (bytes, "long.json", &problems, &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpstr (((SpPlanProblem *) g_ptr_array_index (problems, 0))->path, ==, "$.title.ro");
  g_assert_cmpstr (((SpPlanProblem *) g_ptr_array_index (problems, 0))->message, ==,
                   "too long: 201 characters, at most 200");
  g_assert_cmpstr (((SpPlanProblem *) g_ptr_array_index (problems, 1))->path, ==, "$.levels[0].description");
  g_assert_cmpstr (((SpPlanProblem *) g_ptr_array_index (problems, 1))->message, ==,
                   "too long: 2001 characters, at most 2000");
  g_assert_cmpstr (((SpPlanProblem *) g_ptr_array_index (problems, 2))->path, ==,
                   "$.levels[0].topics[0].tasks.read");
}

/* A plan's link may be offered to open: only a web page */
static void
test_plan_url (void)
{
  const char *refused[] = { "file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/",
                            "https://", "not a url", "HTTPS//example.org", "x-scheme-handler:open" };
  const char *accepted[] = { "https://example.org/path", "http://127.0.0.1:8080/", "HTTPS://EXAMPLE.ORG" };

  for (guint i = 0; i < G_N_ELEMENTS (refused) + G_N_ELEMENTS (accepted); i++)
    {
      gboolean good = i >= G_N_ELEMENTS (refused);
      const char *url = good ? accepted[i - G_N_ELEMENTS (refused)] : refused[i];
      g_autofree char *json = g_strdup_printf ("{\"format\": 1, \"id\": \"p\", \"title\": \"P\", \"url\": \"%s\", "
                                               "\"levels\": [{\"id\": \"l\", \"title\": \"L\", \"min_months\": 1, "
                                               "\"topics\": [{\"id\": \"t\", \"title\": \"T\", \"hours\": 1, "
                                               "\"tasks\": {\"read\": \"r\"}}]}]}", url);
      g_autoptr(GError) error = NULL;
      g_autoptr(SpPlan) plan = load_string (json, &error);

      if (good)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (sp_plan_get_url (plan), ==, url);
        }
      else
        {
          g_autofree char *expected = g_strdup_printf ("deep.json: $.url: “%s” is not a web link: "
                                                       "expected an http:// or https:// address", url);
          g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_INVALID);
          g_assert_cmpstr (error->message, ==, expected);
        }
    }
}

/* Regressions found by fuzz-plan */
static void
test_fuzz_findings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlan) plan = NULL;

  /* json-glib quotes a lone surrogate escape as bytes that are not UTF-8 */
  plan = load_string ("{\"format\": 1, \"id\": \"x\", \"title\": \"\\ud800\", \"levels\": []}", &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_SYNTAX);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  /* A version past any integer is still newer, not a conversion overflow */
  plan = load_string ("{\"format\": 1e300, \"id\": \"x\", \"title\": \"X\", \"levels\": []}", &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "format 1e+300 is newer"));
  g_clear_error (&error);

  plan = load_string ("{\"format\": -1e300, \"id\": \"x\", \"title\": \"X\", \"levels\": []}", &error);
  g_assert_null (plan);
  g_assert_error (error, SP_PLAN_ERROR, SP_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "expected the format version 1, found -1e+300"));
}

/* Regressions found by fuzz-catalog-* and fuzz-effort */
static void
test_catalog_fuzz_findings (void)
{
  const char *empty_first = "{}\"format\": 0,=\"courses\": [{\"id\": \"x\"}]}";
  const char *empties = "{\"courses\": [], \"next\": null, \"x\": {}, \"y\": [[], {}]}";
  double hours = -1, per_week = -1, weeks = -1;

  /* An empty object or array copied its no children from a NULL pointer
   * (undefined behaviour, caught here under UBSan) */
  for (SpCatalogFormat format = SP_CATALOG_FORMAT_OWN; format <= SP_CATALOG_FORMAT_MITLEARN; format++)
    {
      g_autoptr(GBytes) a = g_bytes_new_static (empty_first, strlen (empty_first));
      g_autoptr(GBytes) b = g_bytes_new_static (empties, strlen (empties));
      g_autoptr(GError) error = NULL;
      g_autoptr(SpCatalogPage) page = sp_catalog_parse_page (format, a, "https://example.org/", &error);

      g_assert_null (page);
      g_assert_error (error, SP_CATALOG_ERROR, SP_CATALOG_ERROR_SYNTAX);
      g_clear_error (&error);
      page = sp_catalog_parse_page (format, b, "https://example.org/", &error);
      g_assert_true (page != NULL || error != NULL);
    }

  /* Reproducers kept among the seeds, named after their format: each
   * course is UTF-8 and reads back from the cache as it was parsed */
  {
    g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", "catalog", NULL);
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    g_assert_nonnull (d);
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *prefix = g_strndup (name, strcspn (name, "-"));
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autofree char *data = NULL;
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(SpCatalogPage) page = NULL;
        SpCatalogFormat format;
        gsize length;

        g_assert_true (sp_catalog_format_from_string (prefix, &format));
        g_assert_true (g_file_get_contents (path, &data, &length, NULL));
        bytes = g_bytes_new_take (g_steal_pointer (&data), length);
        page = sp_catalog_parse_page (format, bytes, "https://example.org/", NULL);
        for (guint i = 0; page != NULL && i < page->courses->len; i++)
          {
            SpCourse *course = g_ptr_array_index (page->courses, i);
            g_autofree char *json = sp_catalog_course_to_json (course);
            g_autoptr(SpCourse) again = sp_catalog_course_from_json (json, NULL);
            g_autofree char *again_json = sp_catalog_course_to_json (again);

            g_assert_true (g_utf8_validate (json, -1, NULL));
            g_assert_cmpstr (json, ==, again_json);
          }
        n++;
      }
    g_assert_cmpuint (n, >=, 4);
  }

  /* "nan" and "inf" as the end of a range made NaN hours */
  g_assert_false (sp_catalog_parse_effort ("5-nan hours", &hours, &per_week, &weeks));
  g_assert_cmpfloat (hours, ==, -1);
  g_assert_true (sp_catalog_parse_effort ("4-8 hours", &hours, &per_week, &weeks));
  g_assert_cmpfloat (hours, ==, 6);
  g_assert_false (sp_catalog_parse_effort ("2-inf", &hours, &per_week, &weeks));
  g_assert_cmpfloat (weeks, ==, -1);

  /* 200 weeks of 500 hours a week: past what a course may state, which
   * the cache and the state file read it back with */
  g_assert_false (sp_catalog_parse_effort ("4445 weeks", &hours, &per_week, &weeks));
  g_assert_false (sp_catalog_parse_effort ("500 hours/week", &hours, &per_week, &weeks));
  g_assert_cmpfloat (per_week, ==, -1);

  /* A hundredth of a month is no week: weeks were set to 0 */
  g_assert_false (sp_catalog_parse_effort ("9e-2 months", &hours, &per_week, &weeks));
  g_assert_cmpfloat (weeks, ==, -1);

  /* 4485 months is 19510 weeks: past the bound that numbers have */
  g_assert_false (sp_catalog_parse_effort ("4485 months", &hours, &per_week, &weeks));
  g_assert_cmpfloat (weeks, ==, -1);
  g_assert_true (sp_catalog_parse_effort ("6 months", &hours, &per_week, &weeks));
  g_assert_cmpfloat (weeks, ==, 26);
}

/* The command line without a home: scripts and services run like that */
static void
test_missing_home (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "plans", "valid-minimal.json", NULL);
  const char *homes[] = { NULL, "/nonexistent/home", "" };

  for (guint i = 0; i < G_N_ELEMENTS (homes); i++)
    {
      g_auto(GStrv) envp = sp_test_program_environ ();
      const char *args[] = { "--check-plan", fixture, NULL };
      g_auto(SpTestRun) run = { 0 };

      envp = g_environ_unsetenv (envp, "XDG_DATA_HOME");
      envp = g_environ_unsetenv (envp, "XDG_CONFIG_HOME");
      envp = g_environ_unsetenv (envp, "XDG_CACHE_HOME");
      envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
      envp = homes[i] ? g_environ_setenv (envp, "HOME", homes[i], TRUE)
                      : g_environ_unsetenv (envp, "HOME");

      sp_test_run_program (&run, args, (const char * const *) envp, NULL);
      if (run.status != 0)
        g_error ("HOME=%s: status %d\n%s%s", homes[i] ? homes[i] : "(unset)", run.status, run.out, run.err);
      g_assert_cmpstr (run.out, ==, "ok: 2 levels, 5 topics, 25.5 hours\n");
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/faults/save/kill-while-saving", test_kill_while_saving);
  g_test_add_func ("/faults/save/kill-planner-while-saving", test_kill_planner_while_saving);
  g_test_add_func ("/faults/save/read-only-dir", test_read_only_dir);
  g_test_add_func ("/faults/save/full-disk", test_full_disk);
  g_test_add_func ("/faults/save/full-stdout", test_full_stdout);
  g_test_add_func ("/faults/save/not-regular", test_not_regular);
  g_test_add_func ("/faults/plan/disappears", test_plan_disappears);
  g_test_add_func ("/faults/plan/huge", test_huge_plan);
  g_test_add_func ("/faults/plan/too-many-topics", test_too_many_topics);
  g_test_add_func ("/faults/plan/too-many-levels", test_too_many_levels);
  g_test_add_func ("/faults/plan/deep-nesting", test_deep_nesting);
  g_test_add_func ("/faults/plan/long-text", test_long_text);
  g_test_add_func ("/faults/plan/url", test_plan_url);
  g_test_add_func ("/faults/plan/fuzz-findings", test_fuzz_findings);
  g_test_add_func ("/faults/catalog/fuzz-findings", test_catalog_fuzz_findings);
  g_test_add_func ("/faults/cli/missing-home", test_missing_home);

  return g_test_run ();
}
