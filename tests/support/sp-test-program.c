/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sp-test-program.h"

/* Programs run as a script runs them: the study planner itself
 * ($STUDY_PLANNER_BIN, which meson sets for every test) and the tools that
 * read back what it wrote. A failure to start one ends the test. */

void
sp_test_run_clear (SpTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->out_len = 0;
  run->status = 0;
}

/**
 * sp_test_program_environ:
 *
 * Returns: (transfer full): the test's environment without a display: the
 *   command-line modes must not need one
 */
char **
sp_test_program_environ (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  return envp;
}

/**
 * sp_test_cli_environ:
 * @data_home: (nullable): the user's data folder (XDG_DATA_HOME); %NULL
 *   for the test's own
 *
 * Returns: (transfer full): sp_test_program_environ() for a command-line
 *   test: @data_home, and messages untranslated (LC_ALL=C.UTF-8, no
 *   LANGUAGE) for the test to compare
 */
char **
sp_test_cli_environ (const char *data_home)
{
  char **envp = sp_test_program_environ ();

  if (data_home != NULL)
    envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  return g_environ_unsetenv (envp, "LANGUAGE");
}

static char *
bytes_to_string (GBytes *bytes,
                 gsize  *length)
{
  gsize size = bytes != NULL ? g_bytes_get_size (bytes) : 0;
  char *text = g_malloc (size + 1);

  if (size > 0)
    memcpy (text, g_bytes_get_data (bytes, NULL), size);
  text[size] = '\0';
  if (length != NULL)
    *length = size;
  return text;
}

/**
 * sp_test_spawn:
 * @argv: the program, found in PATH unless a path, then its arguments
 * @envp: (nullable): its whole environment; %NULL for the test's own
 * @input: (nullable): what it reads on stdin; %NULL for nothing (/dev/null)
 *
 * Runs @argv to its end and keeps what it printed and its status in @run.
 */
void
sp_test_spawn (SpTestRun          *run,
               const char * const *argv,
               const char * const *envp,
               const char         *input)
{
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) stdin_bytes = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;

  if (input != NULL)
    {
      flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
      stdin_bytes = g_bytes_new (input, strlen (input));
    }
  launcher = g_subprocess_launcher_new (flags);
  if (envp != NULL)
    g_subprocess_launcher_set_environ (launcher, (char **) envp);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, stdin_bytes, NULL, &out, &err, &error);
  g_assert_no_error (error);

  sp_test_run_clear (run);
  run->out = bytes_to_string (out, &run->out_len);
  run->err = bytes_to_string (err, NULL);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
}

/**
 * sp_test_run_program:
 * @args: the study planner's arguments
 * @envp: (nullable): its whole environment; %NULL for
 *   sp_test_program_environ()
 * @input: (nullable): what it reads on stdin
 *
 * Runs the study planner that meson built, as sp_test_spawn() does.
 */
void
sp_test_run_program (SpTestRun          *run,
                     const char * const *args,
                     const char * const *envp,
                     const char         *input)
{
  const char *program = g_getenv ("STUDY_PLANNER_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) own_envp = NULL;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (char *) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  if (envp == NULL)
    envp = (const char * const *) (own_envp = sp_test_program_environ ());

  sp_test_spawn (run, (const char * const *) argv->pdata, envp, input);
}

/**
 * sp_test_argv_from_va:
 * @first_arg: (nullable): the first argument, or %NULL for none
 * @args: the others, ending with %NULL
 *
 * Returns: (transfer container): the arguments as a %NULL-terminated
 *   array, for the variadic run helpers of the tests
 */
GPtrArray *
sp_test_argv_from_va (const char *first_arg,
                      va_list     args)
{
  GPtrArray *argv = g_ptr_array_new ();

  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
  return argv;
}

/**
 * sp_test_run_program_va:
 * @envp: (nullable): as sp_test_run_program()
 * @first_arg: (nullable): the study planner's first argument
 * @args: the others, ending with %NULL
 *
 * sp_test_run_program() for the variadic run helpers of the tests.
 */
void
sp_test_run_program_va (SpTestRun          *run,
                        const char * const *envp,
                        const char         *first_arg,
                        va_list             args)
{
  g_autoptr(GPtrArray) argv = sp_test_argv_from_va (first_arg, args);

  sp_test_run_program (run, (const char * const *) argv->pdata, envp, NULL);
}

/**
 * sp_test_assert_usage_error:
 * @message: all that the program should have printed on stderr
 *
 * Checks that @run refused its options as the command line does: exit
 * status 2, @message, and nothing on stdout.
 */
void
sp_test_assert_usage_error (const SpTestRun *run,
                            const char      *message)
{
  g_assert_cmpstr (run->err, ==, message);
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpuint (run->out_len, ==, 0);
}

/**
 * sp_test_assert_success:
 *
 * Asserts that @run ended as a command that did its job: status 0 and
 * nothing on stderr.
 */
void
sp_test_assert_success (const SpTestRun *run)
{
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->status, ==, 0);
}

/**
 * sp_test_run_tool:
 * @first_arg: the program, found in PATH, then its arguments, then NULL
 *
 * Returns: (transfer full): what it wrote on stdout; a failure ends the test
 */
char *
sp_test_run_tool (const char *first_arg,
                  ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  g_auto(SpTestRun) run = { 0 };
  va_list args;

  va_start (args, first_arg);
  argv = sp_test_argv_from_va (first_arg, args);
  va_end (args);

  sp_test_spawn (&run, (const char * const *) argv->pdata, NULL, NULL);
  if (run.status != 0)
    g_error ("%s failed: status %d\n%s", first_arg, run.status, run.err);
  return g_steal_pointer (&run.out);
}
