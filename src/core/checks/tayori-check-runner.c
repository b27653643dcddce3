/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCheckRunner: runs checkers over a document on one worker thread that every runner
 * shares, so runs queue instead of competing; a run cancelled while it waits is dropped. */
#define _GNU_SOURCE  /* gettid () */
#include <glib/gi18n.h>
#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

#include "tayori-check-runner.h"
#include "tayori-checker.h"

struct _TayoriCheckRunner
{
  GObject parent_instance;

  TayoriCheckSettings *settings;
  GPtrArray *checkers;  /* TayoriChecker */
};

G_DEFINE_FINAL_TYPE (TayoriCheckRunner, tayori_check_runner, G_TYPE_OBJECT)

/* Background work: the same as "nice -n 10" */
#define WORKER_NICENESS 10

static void
tayori_check_runner_finalize (GObject *object)
{
  TayoriCheckRunner *self = TAYORI_CHECK_RUNNER (object);

  g_clear_object (&self->settings);
  g_ptr_array_unref (self->checkers);

  G_OBJECT_CLASS (tayori_check_runner_parent_class)->finalize (object);
}

static void
tayori_check_runner_class_init (TayoriCheckRunnerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_check_runner_finalize;
}

static void
tayori_check_runner_init (TayoriCheckRunner *self)
{
}

TayoriCheckRunner *
tayori_check_runner_new_with_checkers (TayoriCheckSettings *settings,
                                       GPtrArray           *checkers)
{
  TayoriCheckRunner *self;

  g_return_val_if_fail (TAYORI_IS_CHECK_SETTINGS (settings), NULL);
  g_return_val_if_fail (checkers != NULL, NULL);

  self = g_object_new (TAYORI_TYPE_CHECK_RUNNER, NULL);
  self->settings = g_object_ref (settings);
  self->checkers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < checkers->len; i++)
    g_ptr_array_add (self->checkers, g_object_ref (g_ptr_array_index (checkers, i)));
  return self;
}

TayoriCheckSettings *
tayori_check_runner_get_settings (TayoriCheckRunner *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_RUNNER (self), NULL);
  return self->settings;
}

/* Keeps the findings of enabled rules, with the preset's severity where it sets one (a
 * checker may pick a severity itself, as axe does by impact: the catalogue default does not
 * undo that) */
static void
take_findings (TayoriCheckSettings *settings,
               GPtrArray           *from,
               GPtrArray           *to)
{
  for (guint i = 0; i < from->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (from, i);
      const char *rule_id = tayori_finding_get_rule_id (finding);
      TayoriSeverity severity;

      if (!tayori_check_settings_is_enabled (settings, rule_id))
        continue;
      if (tayori_check_settings_get_severity_override (settings, rule_id, &severity))
        tayori_finding_set_severity (finding, severity);
      g_ptr_array_add (to, g_object_ref (finding));
    }
}

/* NULL when cancelled */
static TayoriCheckReport *
run_checkers (TayoriCheckRunner   *self,
              TayoriCheckDocument *document,
              GCancellable        *cancellable)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->checkers->len; i++)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

      if (g_cancellable_is_cancelled (cancellable))
        return NULL;
      tayori_checker_check (g_ptr_array_index (self->checkers, i), document, self->settings,
                            found, cancellable);
      take_findings (self->settings, found, findings);
    }
  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  return tayori_check_report_new (findings, tayori_check_document_get_article (document));
}

TayoriCheckReport *
tayori_check_runner_run (TayoriCheckRunner   *self,
                         TayoriCheckDocument *document,
                         GCancellable        *cancellable)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_RUNNER (self), NULL);
  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (document), NULL);

  return run_checkers (self, document, cancellable);
}

/* The worker checks in the background: on a long article it can keep a core busy for a second,
 * and the window's main thread must win every time it wants the CPU. Linux nice values are per
 * thread and the worker's thread is its own (an exclusive pool), so this lowers only it. */
static void
lower_worker_priority (void)
{
#ifdef __linux__
  setpriority (PRIO_PROCESS, gettid (), WORKER_NICENESS);
#endif
}

static void
run_in_worker (gpointer data,
               gpointer user_data)
{
  g_autoptr(GTask) task = data;
  TayoriCheckRunner *self = g_task_get_source_object (task);
  TayoriCheckReport *report;

  lower_worker_priority ();
  if (g_task_return_error_if_cancelled (task))
    return;
  report = run_checkers (self, g_task_get_task_data (task), g_task_get_cancellable (task));
  if (report == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                             _("The check was cancelled"));
  else
    g_task_return_pointer (task, report, g_object_unref);
}

static GThreadPool *
get_worker (void)
{
  static GThreadPool *worker;

  if (g_once_init_enter (&worker))
    g_once_init_leave (&worker, g_thread_pool_new (run_in_worker, NULL, 1, TRUE, NULL));
  return worker;
}

void
tayori_check_runner_run_async (TayoriCheckRunner   *self,
                               TayoriCheckDocument *document,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TAYORI_IS_CHECK_RUNNER (self));
  g_return_if_fail (TAYORI_IS_CHECK_DOCUMENT (document));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_check_runner_run_async);
  g_task_set_task_data (task, g_object_ref (document), g_object_unref);
  g_thread_pool_push (get_worker (), task, NULL);
}

TayoriCheckReport *
tayori_check_runner_run_finish (TayoriCheckRunner  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
