/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Crash safety: a child process saving in a loop is killed with SIGKILL 20 times at random
 * moments. After each kill the file passes PRAGMA integrity_check and holds at least the
 * last save the child saw acknowledged. */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "store-test-util.h"

#define ROUNDS 20

/* Reads the child's stdout until EOF; returns the last complete counter line (or @last). */
static guint64
read_acknowledged (int     fd,
                   guint64 last)
{
  g_autoptr(GString) pending = g_string_new (NULL);
  char buffer[4096];
  gssize n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    {
      g_string_append_len (pending, buffer, n);
      for (char *newline; (newline = strchr (pending->str, '\n')) != NULL;)
        {
          *newline = '\0';
          last = g_ascii_strtoull (pending->str, NULL, 10);
          g_string_erase (pending, 0, newline - pending->str + 1);
        }
    }
  return last;
}

/* Blocks until the child has acknowledged at least one save. */
static void
wait_first_line (int fd, GString *seen)
{
  char c;

  while (read (fd, &c, 1) == 1)
    {
      g_string_append_c (seen, c);
      if (c == '\n')
        return;
    }
}

static void
test_kill_nine (void)
{
  const char *child = g_getenv ("TAYORI_STORE_CRASH_CHILD");
  g_autofree char *path = store_test_db_path ();
  guint64 acknowledged = 0;

  g_assert_nonnull (child);
  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *argv[] = { child, path, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) seen = g_string_new (NULL);
      g_autoptr(TayoriStore) store = NULL;
      g_autoptr(TayoriArticle) article = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autofree char *verdict = NULL;
      GPid pid;
      int out_fd, status;
      guint64 stored;

      g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                &pid, NULL, &out_fd, NULL, &error);
      g_assert_no_error (error);

      /* most rounds die in the middle of saving, some while the store is still opening */
      if (round % 4 != 3)
        {
          wait_first_line (out_fd, seen);
          acknowledged = MAX (acknowledged, g_ascii_strtoull (seen->str, NULL, 10));
        }
      g_usleep (g_random_int_range (0, 150000));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
      acknowledged = read_acknowledged (out_fd, acknowledged);
      close (out_fd);
      g_spawn_close_pid (pid);

      verdict = store_test_query (path, "PRAGMA integrity_check");
      g_assert_cmpstr (verdict, ==, "ok");

      store = tayori_store_open (path, &error);
      g_assert_no_error (error);
      rows = tayori_store_list_articles (store, NULL, 0, 10, &error);
      g_assert_no_error (error);
      if (acknowledged == 0)
        continue;
      g_assert_cmpuint (rows->len, ==, 1);
      article = tayori_store_load_article (store, tayori_article_summary_get_id (g_ptr_array_index (rows, 0)), &error);
      g_assert_no_error (error);
      stored = g_ascii_strtoull (tayori_article_get_title (article), NULL, 10);
      g_test_message ("round %u: acknowledged %" G_GUINT64_FORMAT ", stored %" G_GUINT64_FORMAT,
                      round, acknowledged, stored);
      /* the save in flight when the child died may or may not have landed */
      g_assert_cmpuint (stored, >=, acknowledged);
      g_assert_cmpuint (stored, <=, acknowledged + 1);
      acknowledged = stored;
    }
  g_assert_cmpuint (acknowledged, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/store/crash/kill-nine", test_kill_nine);

  return g_test_run ();
}
