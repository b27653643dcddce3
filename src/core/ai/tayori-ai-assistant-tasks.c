/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One run of an AI task, step by step: prepare and mask the request on a worker thread, send
 * it, check the answer, or answer offline (also as the fallback when the service fails), then
 * write the usage-log row on a worker thread and return the proposal. The steps share the
 * TayoriAiRun held by the run's GTask. */

#include <glib/gi18n.h>
#include "tayori-ai-assistant-private.h"
#include "tayori-thumbnail.h"

static void start_builtin (GTask *task);
static void send_image_request (GTask *task, const char *description);

static TayoriAiRun *
get_run (GTask *task)
{
  return g_task_get_task_data (task);
}

/* A step on a worker thread; @done gets the run's GTask back as its user data. */
static void
run_step (GTask               *task,
          GTaskThreadFunc      func,
          GAsyncReadyCallback  done)
{
  g_autoptr(GTask) step = g_task_new (g_task_get_source_object (task),
                                      g_task_get_cancellable (task), done, g_object_ref (task));

  g_task_set_task_data (step, get_run (task), NULL);
  g_task_run_in_thread (step, func);
}

/* ---- the end: usage log and result -------------------------------------------------------- */

static char *
outcome (TayoriAiRun  *run,
         GCancellable *cancellable)
{
  if (g_error_matches (run->error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || g_cancellable_is_cancelled (cancellable))
    return g_strdup ("cancelled");
  if (g_error_matches (run->error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY))
    return g_strdup ("refused");
  if (run->error != NULL)
    return g_strdup_printf ("error: %s", run->error->message);
  if (run->remote_error != NULL)
    return g_strdup_printf ("error: %s", run->remote_error);
  return g_strdup ("ok");
}

static void
log_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  TayoriAiRun *run = task_data;
  TayoriAiUsageLog *log = tayori_ai_assistant_get_log (source_object);
  g_autofree char *sent_text = run->sent ? tayori_ai_remote_sent_text (run) : NULL;
  g_autofree char *result = outcome (run, cancellable);
  g_autoptr(GError) error = NULL;
  TayoriAiUsageEntry entry = {
    .user = run->user,
    .article_id = run->article_id,
    .task = tayori_ai_task_to_string (run->task),
    .provider = run->endpoint != NULL ? tayori_ai_endpoint_get_name (run->endpoint) : "builtin",
    .template_id = run->sent ? run->template_id : NULL,
    .template_version = run->sent ? run->template_version : NULL,
    .chars_sent = sent_text != NULL ? g_utf8_strlen (sent_text, -1) : 0,
    .masked_spans = run->sent ? run->masked_spans : 0,
    .outcome = result,
  };

  if (run->endpoint != NULL)
    entry.model = run->remote_model != NULL ? run->remote_model
                                            : tayori_ai_endpoint_get_model (run->endpoint);
  else if (run->result != NULL)
    entry.model = run->result->model;

  /* The answer is the user's whatever happens to the log; a broken log is reported. */
  if (!tayori_ai_usage_log_append (log, &entry, &error))
    g_warning ("The AI usage log could not be written: %s", error->message);

  if (run->error != NULL)
    g_task_return_error (task, g_steal_pointer (&run->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&run->result),
                           (GDestroyNotify) tayori_ai_proposal_free);
}

/* Ends the run with @proposal or @error (one of them is set). */
static void
finish (GTask            *task,
        TayoriAiProposal *proposal,
        GError           *error)
{
  TayoriAiRun *run = get_run (task);

  if (proposal != NULL && proposal->provider == NULL)
    {
      proposal->provider = g_strdup (tayori_ai_endpoint_get_name (run->endpoint));
      proposal->model = g_strdup (run->remote_model != NULL
                                  ? run->remote_model
                                  : tayori_ai_endpoint_get_model (run->endpoint));
      proposal->template_id = g_strdup (run->template_id);
      proposal->template_version = g_strdup (run->template_version);
      proposal->sent_text = tayori_ai_remote_sent_text (run);
      proposal->masked_spans = run->masked_spans;
    }
  else if (proposal != NULL)
    {
      proposal->fell_back = run->fell_back;
      proposal->fallback_reason = g_strdup (run->fallback_reason);
    }

  run->result = proposal;
  run->error = error;
  if (tayori_ai_assistant_get_log (g_task_get_source_object (task)) != NULL)
    {
      g_task_run_in_thread (task, log_thread);
      return;
    }
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&run->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&run->result),
                           (GDestroyNotify) tayori_ai_proposal_free);
}

/* ---- the built-in provider ---------------------------------------------------------------- */

static void
builtin_thread (GTask        *step,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  TayoriAiProposal *proposal = tayori_ai_builtin_run (task_data, cancellable, &error);

  if (proposal == NULL)
    g_task_return_error (step, error);
  else
    g_task_return_pointer (step, proposal, (GDestroyNotify) tayori_ai_proposal_free);
}

static void
builtin_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TayoriAiRun *run = get_run (task);
  GError *error = NULL;
  TayoriAiProposal *proposal = g_task_propagate_pointer (G_TASK (result), &error);

  /* The offline summary comes whole: one delta. */
  if (proposal != NULL && run->task == TAYORI_AI_TASK_SUMMARY && run->on_delta != NULL
      && proposal->text != NULL && *proposal->text != '\0')
    run->on_delta (proposal->text, run->delta_data);
  finish (task, proposal, error);
}

static void
start_builtin (GTask *task)
{
  run_step (task, builtin_thread, builtin_done);
}

/* ---- a remote service --------------------------------------------------------------------- */

/* Network trouble, the service's own failures and a refused key: the built-in provider can
 * still answer. A malformed answer is an error to show, not something to paper over. */
static gboolean
should_fall_back (TayoriAiRun  *run,
                  const GError *error)
{
  if (error->domain != TAYORI_AI_ERROR || !tayori_ai_builtin_can_do (run->task))
    return FALSE;
  return error->code == TAYORI_AI_ERROR_NETWORK || error->code == TAYORI_AI_ERROR_SERVER
         || error->code == TAYORI_AI_ERROR_AUTH || error->code == TAYORI_AI_ERROR_RATE_LIMITED;
}

static void
remote_failed (GTask  *task,
               GError *error)
{
  TayoriAiRun *run = get_run (task);

  if (!should_fall_back (run, error))
    {
      finish (task, NULL, error);
      return;
    }
  run->remote_error = g_strdup (error->message);
  run->fell_back = TRUE;
  run->fallback_reason = g_strdup (error->message);
  g_error_free (error);
  start_builtin (task);
}

static void
chat_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TayoriAiRun *run = get_run (task);
  g_autoptr(TayoriAiChatResponse) response = NULL;
  GError *error = NULL;
  TayoriAiProposal *proposal;

  response = tayori_ai_provider_chat_finish (TAYORI_AI_PROVIDER (source), result, &error);
  if (response == NULL)
    {
      remote_failed (task, error);
      return;
    }
  run->remote_model = g_strdup (response->model);
  if (run->task == TAYORI_AI_TASK_THUMBNAIL)
    {
      send_image_request (task, response->text);
      return;
    }
  proposal = tayori_ai_remote_parse (run, response->text, &error);
  finish (task, proposal, error);
}

static void
fit_thread (GTask        *step,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  TayoriAiRun *run = task_data;
  g_autoptr(TayoriAiProposal) proposal = tayori_ai_proposal_new (run->task);
  GError *error = NULL;

  proposal->image = tayori_ai_image_fit (run->generated, &error);
  if (proposal->image == NULL)
    {
      g_task_return_error (step, error);
      return;
    }
  proposal->alt_text = tayori_thumbnail_propose_alt (run->article, run->preset);
  g_task_return_pointer (step, g_steal_pointer (&proposal),
                         (GDestroyNotify) tayori_ai_proposal_free);
}

static void
fit_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  TayoriAiProposal *proposal = g_task_propagate_pointer (G_TASK (result), &error);

  finish (task, proposal, error);
}

static void
image_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TayoriAiRun *run = get_run (task);
  GError *error = NULL;

  run->generated = tayori_ai_provider_image_finish (TAYORI_AI_PROVIDER (source), result, &error);
  if (run->generated == NULL)
    {
      remote_failed (task, error);
      return;
    }
  g_free (run->remote_model);
  run->remote_model = g_strdup (tayori_ai_endpoint_get_image_model (run->endpoint));
  run_step (task, fit_thread, fit_done);
}

/* The picture's description came from the writer: out of masked text, so it goes on as is. */
static void
send_image_request (GTask      *task,
                    const char *description)
{
  TayoriAiRun *run = get_run (task);
  TayoriAiImageRequest request = {
    .width = TAYORI_THUMBNAIL_WIDTH,
    .height = TAYORI_THUMBNAIL_HEIGHT,
  };

  run->image_prompt = g_strstrip (g_strdup (description != NULL ? description : ""));
  if (*run->image_prompt == '\0')
    {
      finish (task, NULL, g_error_new (TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED,
                                       _("The AI service gave an empty answer")));
      return;
    }
  request.prompt = run->image_prompt;
  tayori_ai_provider_image_async (run->provider, &request, g_task_get_cancellable (task),
                                  image_done, g_object_ref (task));
}

static void
send_request (GTask *task)
{
  TayoriAiRun *run = get_run (task);
  gboolean stream = run->task == TAYORI_AI_TASK_SUMMARY && run->on_delta != NULL;
  const TayoriAiChatRequest request = {
    .system = run->system,
    .prompt = run->prompt,
    .schema = run->schema,
    .schema_name = run->schema_name,
    .temperature = -1,
    .stream = stream,
  };

  /* A thumbnail's prompt goes to the writer, whose description then goes to the image
   * service (image_done). */
  run->sent = TRUE;
  tayori_ai_provider_chat_async (run->writer != NULL ? run->writer : run->provider, &request,
                                 stream ? run->on_delta : NULL, run->delta_data,
                                 g_task_get_cancellable (task), chat_done, g_object_ref (task));
}

static void
prepare_thread (GTask        *step,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (tayori_ai_remote_prepare (task_data, &error))
    g_task_return_boolean (step, TRUE);
  else
    g_task_return_error (step, error);
}

static void
prepare_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    finish (task, NULL, error);
  else if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    finish (task, NULL, error);
  else
    send_request (task);
}

/* ---- the public entry points -------------------------------------------------------------- */

void
tayori_ai_assistant_run_async (TayoriAiAssistant         *self,
                               TayoriAiTask               task_id,
                               TayoriArticle             *article,
                               const TayoriAiTaskOptions *options,
                               TayoriAiDeltaFunc          on_delta,
                               gpointer                   delta_data,
                               GCancellable              *cancellable,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  TayoriAiRun *run;
  GError *error = NULL;

  g_return_if_fail (TAYORI_IS_AI_ASSISTANT (self));
  g_return_if_fail (TAYORI_IS_ARTICLE (article));
  g_return_if_fail (task_id <= TAYORI_AI_TASK_PROOFREAD);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_ai_assistant_run_async);
  run = tayori_ai_assistant_new_run (self, task_id, article, options);
  run->on_delta = on_delta;
  run->delta_data = delta_data;
  g_task_set_task_data (task, run, (GDestroyNotify) tayori_ai_run_free);

  if (!tayori_ai_assistant_check_not_off (self, &error))
    {
      finish (task, NULL, error);
      return;
    }

  run->provider = tayori_ai_assistant_resolve (self, task_id, &run->writer, &run->fallback_reason);
  if (run->provider != NULL)
    {
      run->endpoint = g_object_ref (tayori_ai_provider_get_endpoint (run->provider));
      run_step (task, prepare_thread, prepare_done);
      return;
    }

  run->fell_back = run->fallback_reason != NULL;
  start_builtin (task);
}

TayoriAiProposal *
tayori_ai_assistant_run_finish (TayoriAiAssistant  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tayori_ai_assistant_run_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
