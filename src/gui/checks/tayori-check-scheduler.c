/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCheckScheduler: one C-side run at a time per article (a newer edit cancels the older
 * run); the late families (axe, links) are in tayori-check-scheduler-late.c. */
#include <glib/gi18n.h>

#include "tayori-check-scheduler-private.h"

/* From the last edit to the run: with the run itself this stays under the 300 ms promised */
#define EDIT_PAUSE_MS 180

G_DEFINE_FINAL_TYPE (TayoriCheckScheduler, tayori_check_scheduler, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_DOCUMENT,
  PROP_RUNNING,
  PROP_CAN_SUBMIT,
  PROP_SUBMIT_BLOCKERS,
  N_PROPS,
};

enum {
  SIGNAL_REPORT_CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Runs and the state they leave */

Run *
_tayori_check_scheduler_run_new (TayoriCheckScheduler *self,
                                 TayoriCheckDocument  *document,
                                 GCancellable         *cancellable)
{
  Run *run = g_new0 (Run, 1);

  run->self = g_object_ref (self);
  run->document = g_object_ref (document);
  run->cancellable = g_object_ref (cancellable);
  return run;
}

void
_tayori_check_scheduler_run_free (Run *run)
{
  g_clear_object (&run->self);
  g_clear_object (&run->document);
  g_clear_object (&run->cancellable);
  g_free (run);
}

void
_tayori_check_scheduler_cancel_and_clear (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
}

static void
set_running (TayoriCheckScheduler *self,
             gboolean              running)
{
  if (self->running == (guint) !!running)
    return;
  self->running = !!running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
update_submit_state (TayoriCheckScheduler *self)
{
  g_auto(GStrv) blockers = NULL;
  gboolean can_submit = FALSE;

  if (self->report != NULL)
    can_submit = tayori_check_report_can_submit (self->report, &blockers);
  else if (self->article != NULL)
    blockers = g_strdupv ((char *[]) { (char *) _("The checks have not finished yet"), NULL });
  if (blockers == NULL)
    blockers = g_new0 (char *, 1);

  if (!g_strv_equal ((const char * const *) blockers, (const char * const *) self->blockers))
    {
      g_strfreev (self->blockers);
      self->blockers = g_steal_pointer (&blockers);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBMIT_BLOCKERS]);
    }
  if (self->can_submit != (guint) can_submit)
    {
      self->can_submit = can_submit;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SUBMIT]);
    }
}

void
_tayori_check_scheduler_report_changed (TayoriCheckScheduler *self)
{
  update_submit_state (self);
  g_signal_emit (self, signals[SIGNAL_REPORT_CHANGED], 0);
}

/* Documents: rendering and mapping a body of megabytes takes seconds, so it happens on a
 * worker thread, from a copy of the article taken on the main thread */

static void
build_document_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  g_task_return_pointer (task, tayori_check_document_new_for_article (task_data), g_object_unref);
}

void
_tayori_check_scheduler_build_document_async (TayoriCheckScheduler *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, NULL);

  g_task_set_source_tag (task, _tayori_check_scheduler_build_document_async);
  g_task_set_task_data (task, tayori_article_copy (self->article), g_object_unref);
  g_task_run_in_thread (task, build_document_thread);
}

TayoriCheckDocument *
_tayori_check_scheduler_build_document_finish (GAsyncResult *result)
{
  return g_task_propagate_pointer (G_TASK (result), NULL);
}

/* C-side runs */

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  TayoriCheckScheduler *self = run->self;
  g_autoptr(TayoriCheckReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gboolean links_fit;

  report = tayori_check_runner_run_finish (TAYORI_CHECK_RUNNER (object), result, &error);
  if (run->cancellable != self->run_cancellable)
    return;  /* a newer run replaced this one */
  g_clear_object (&self->run_cancellable);
  set_running (self, FALSE);
  if (report == NULL)
    {
      g_warning ("Could not check the article: %s", error->message);
      return;
    }

  g_set_object (&self->document, run->document);
  g_set_object (&self->report, report);
  _tayori_check_scheduler_merge_late (self, LATE_AXE);
  _tayori_check_scheduler_merge_late (self, LATE_PROOFREAD);
  links_fit = _tayori_check_scheduler_merge_late (self, LATE_LINKS);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  _tayori_check_scheduler_report_changed (self);
  _tayori_check_scheduler_follow_links (self, links_fit);
}

static void
run_document_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TayoriCheckScheduler *self = TAYORI_CHECK_SCHEDULER (object);
  g_autoptr(TayoriCheckDocument) document = _tayori_check_scheduler_build_document_finish (result);

  if (document == NULL)
    return;  /* a newer run replaced this one */
  tayori_check_runner_run_async (self->runner, document, self->run_cancellable, run_done_cb,
                                 _tayori_check_scheduler_run_new (self, document, self->run_cancellable));
}

void
tayori_check_scheduler_run_now (TayoriCheckScheduler *self)
{
  g_return_if_fail (TAYORI_IS_CHECK_SCHEDULER (self));

  g_clear_handle_id (&self->run_id, g_source_remove);
  if (self->article == NULL)
    return;
  _tayori_check_scheduler_cancel_and_clear (&self->run_cancellable);
  self->run_cancellable = g_cancellable_new ();
  set_running (self, TRUE);
  _tayori_check_scheduler_build_document_async (self, self->run_cancellable, run_document_cb);
}

static void
run_cb (gpointer user_data)
{
  TayoriCheckScheduler *self = user_data;

  self->run_id = 0;
  tayori_check_scheduler_run_now (self);
}

static void
article_changed_cb (TayoriCheckScheduler *self)
{
  g_clear_handle_id (&self->run_id, g_source_remove);
  self->run_id = g_timeout_add_once (EDIT_PAUSE_MS, run_cb, self);
}

static void
forget_results (TayoriCheckScheduler *self)
{
  g_clear_handle_id (&self->run_id, g_source_remove);
  _tayori_check_scheduler_cancel_and_clear (&self->run_cancellable);
  _tayori_check_scheduler_forget_late (self);
  g_clear_object (&self->report);
  g_clear_object (&self->document);
}

void
tayori_check_scheduler_set_article (TayoriCheckScheduler *self,
                                    TayoriArticle        *article)
{
  g_return_if_fail (TAYORI_IS_CHECK_SCHEDULER (self));
  g_return_if_fail (article == NULL || TAYORI_IS_ARTICLE (article));

  if (self->article == article)
    return;
  g_clear_signal_handler (&self->changed_id, self->article);
  forget_results (self);
  g_set_object (&self->article, article);
  if (article != NULL)
    self->changed_id = g_signal_connect_swapped (article, "changed", G_CALLBACK (article_changed_cb), self);
  set_running (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
  _tayori_check_scheduler_report_changed (self);
  tayori_check_scheduler_run_now (self);
}

/* Getters */

TayoriCheckSettings *
tayori_check_scheduler_get_settings (TayoriCheckScheduler *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_SCHEDULER (self), NULL);
  return self->settings;
}

TayoriCheckReport *
tayori_check_scheduler_get_report (TayoriCheckScheduler *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_SCHEDULER (self), NULL);
  return self->report;
}

TayoriCheckDocument *
tayori_check_scheduler_get_document (TayoriCheckScheduler *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_SCHEDULER (self), NULL);
  return self->document;
}

gboolean
tayori_check_scheduler_get_running (TayoriCheckScheduler *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_SCHEDULER (self), FALSE);
  return self->running;
}

gboolean
tayori_check_scheduler_get_can_submit (TayoriCheckScheduler *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_SCHEDULER (self), FALSE);
  return self->can_submit;
}

const char * const *
tayori_check_scheduler_get_submit_blockers (TayoriCheckScheduler *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_SCHEDULER (self), NULL);
  return (const char * const *) self->blockers;
}

/* GObject */

TayoriCheckScheduler *
tayori_check_scheduler_new (TayoriCheckSettings *settings,
                            const char          *link_cache)
{
  TayoriCheckScheduler *self;

  g_return_val_if_fail (TAYORI_IS_CHECK_SETTINGS (settings), NULL);

  self = g_object_new (TAYORI_TYPE_CHECK_SCHEDULER, NULL);
  self->settings = g_object_ref (settings);
  self->runner = tayori_check_runner_new (settings);
  self->link_checker = tayori_link_checker_new (link_cache);
  return self;
}

static void
tayori_check_scheduler_dispose (GObject *object)
{
  TayoriCheckScheduler *self = TAYORI_CHECK_SCHEDULER (object);

  g_clear_signal_handler (&self->changed_id, self->article);
  tayori_check_scheduler_set_web_view (self, NULL);
  forget_results (self);
  g_clear_object (&self->article);
  g_clear_object (&self->link_checker);
  g_clear_object (&self->runner);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tayori_check_scheduler_parent_class)->dispose (object);
}

static void
tayori_check_scheduler_finalize (GObject *object)
{
  TayoriCheckScheduler *self = TAYORI_CHECK_SCHEDULER (object);

  g_strfreev (self->blockers);

  G_OBJECT_CLASS (tayori_check_scheduler_parent_class)->finalize (object);
}

static void
tayori_check_scheduler_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TayoriCheckScheduler *self = TAYORI_CHECK_SCHEDULER (object);

  switch (prop_id)
    {
    case PROP_REPORT:          g_value_set_object (value, self->report); break;
    case PROP_DOCUMENT:        g_value_set_object (value, self->document); break;
    case PROP_RUNNING:         g_value_set_boolean (value, self->running); break;
    case PROP_CAN_SUBMIT:      g_value_set_boolean (value, self->can_submit); break;
    case PROP_SUBMIT_BLOCKERS: g_value_set_boxed (value, self->blockers); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_check_scheduler_class_init (TayoriCheckSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tayori_check_scheduler_dispose;
  object_class->finalize = tayori_check_scheduler_finalize;
  object_class->get_property = tayori_check_scheduler_get_property;

  properties[PROP_REPORT] = g_param_spec_object ("report", NULL, NULL, TAYORI_TYPE_CHECK_REPORT, readable);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, TAYORI_TYPE_CHECK_DOCUMENT, readable);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, readable);
  properties[PROP_CAN_SUBMIT] = g_param_spec_boolean ("can-submit", NULL, NULL, FALSE, readable);
  properties[PROP_SUBMIT_BLOCKERS] = g_param_spec_boxed ("submit-blockers", NULL, NULL, G_TYPE_STRV, readable);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TayoriCheckScheduler::report-changed:
   *
   * Emitted when a new report replaced the old one, or axe or the link checker replaced
   * their findings in it: counts and the submit state may differ.
   */
  signals[SIGNAL_REPORT_CHANGED] =
    g_signal_new ("report-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tayori_check_scheduler_init (TayoriCheckScheduler *self)
{
  self->blockers = g_new0 (char *, 1);
}
