/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plain data of the assistant: task names, proposals, and the state of one run. */

#include "tayori-ai-assistant-private.h"
#include "tayori-finding.h"

static const char * const task_names[] = {
  [TAYORI_AI_TASK_CATEGORY] = "category",
  [TAYORI_AI_TASK_SUMMARY] = "summary",
  [TAYORI_AI_TASK_TITLES] = "titles",
  [TAYORI_AI_TASK_SNS] = "sns",
  [TAYORI_AI_TASK_THUMBNAIL] = "thumbnail",
  [TAYORI_AI_TASK_EASY_JAPANESE] = "easy-japanese",
  [TAYORI_AI_TASK_ENGLISH] = "english",
  [TAYORI_AI_TASK_PROOFREAD] = "proofread",
};

const char *
tayori_ai_task_to_string (TayoriAiTask task)
{
  g_return_val_if_fail (task < G_N_ELEMENTS (task_names), NULL);
  return task_names[task];
}

gboolean
tayori_ai_task_from_string (const char   *text,
                            TayoriAiTask *task)
{
  g_return_val_if_fail (task != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (task_names); i++)
    if (g_str_equal (text, task_names[i]))
      {
        *task = i;
        return TRUE;
      }
  return FALSE;
}

TayoriAiProposal *
tayori_ai_proposal_new (TayoriAiTask task)
{
  TayoriAiProposal *proposal = g_new0 (TayoriAiProposal, 1);

  proposal->task = g_strdup (tayori_ai_task_to_string (task));
  return proposal;
}

void
tayori_ai_proposal_take_items (TayoriAiProposal *proposal,
                               GPtrArray        *items,
                               GArray           *scores)
{
  g_strfreev (proposal->items);
  g_ptr_array_add (items, NULL);
  proposal->items = (GStrv) g_ptr_array_steal (items, NULL);

  g_clear_pointer (&proposal->scores, g_free);
  if (scores != NULL)
    proposal->scores = (double *) (gpointer) g_array_steal (scores, NULL);
}

void
tayori_ai_proposal_free (TayoriAiProposal *proposal)
{
  if (proposal == NULL)
    return;
  g_free (proposal->task);
  g_free (proposal->text);
  g_strfreev (proposal->items);
  g_free (proposal->scores);
  g_clear_pointer (&proposal->image, g_bytes_unref);
  g_free (proposal->alt_text);
  g_clear_pointer (&proposal->findings, g_ptr_array_unref);
  g_free (proposal->provider);
  g_free (proposal->model);
  g_free (proposal->template_id);
  g_free (proposal->template_version);
  g_free (proposal->sent_text);
  g_free (proposal->fallback_reason);
  g_free (proposal);
}

void
tayori_ai_run_free (TayoriAiRun *run)
{
  if (run == NULL)
    return;
  g_clear_object (&run->article);
  g_clear_object (&run->preset);
  g_clear_object (&run->policy);
  g_clear_object (&run->classifier);
  g_strfreev (run->categories);
  g_strfreev (run->networks);
  g_free (run->url);
  g_clear_pointer (&run->photo, g_bytes_unref);
  g_free (run->user);
  g_clear_object (&run->endpoint);
  g_clear_object (&run->provider);
  g_clear_object (&run->writer);
  g_free (run->fallback_reason);
  g_free (run->template_id);
  g_free (run->template_version);
  g_free (run->system);
  g_free (run->prompt);
  g_clear_pointer (&run->schema, json_node_unref);
  g_free (run->remote_error);
  g_free (run->remote_model);
  g_free (run->image_prompt);
  g_clear_pointer (&run->generated, g_bytes_unref);
  g_clear_pointer (&run->result, tayori_ai_proposal_free);
  g_clear_error (&run->error);
  g_free (run);
}
