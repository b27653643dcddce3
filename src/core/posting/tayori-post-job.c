/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A post job as the queue, the composer's progress list and tayori-cli see it: the boxed
 * type, its state keys and labels, and its JSON form. */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tayori-post-job.h"
#include "tayori-json.h"

G_DEFINE_BOXED_TYPE (TayoriPostJob, tayori_post_job, tayori_post_job_copy, tayori_post_job_free)

static const struct {
  const char *key;
  const char *label;
} states[] = {
  [TAYORI_POST_JOB_PENDING]   = { "pending",   N_("Waiting") },
  [TAYORI_POST_JOB_SENDING]   = { "sending",   N_("Sending") },
  [TAYORI_POST_JOB_UNKNOWN]   = { "unknown",   N_("Checking whether it was posted") },
  [TAYORI_POST_JOB_SENT]      = { "sent",      N_("Posted") },
  [TAYORI_POST_JOB_FAILED]    = { "failed",    N_("Failed") },
  [TAYORI_POST_JOB_LATE]      = { "late",      N_("Late: waiting for a decision") },
  [TAYORI_POST_JOB_CANCELLED] = { "cancelled", N_("Cancelled") },
};

TayoriPostJob *
tayori_post_job_copy (const TayoriPostJob *job)
{
  TayoriPostJob *copy;

  g_return_val_if_fail (job != NULL, NULL);
  copy = g_memdup2 (job, sizeof *job);
  copy->account = g_strdup (job->account);
  copy->network = g_strdup (job->network);
  copy->text = g_strdup (job->text);
  copy->images = g_strdup (job->images);
  copy->link_url = g_strdup (job->link_url);
  copy->idempotency_key = g_strdup (job->idempotency_key);
  copy->error_class = g_strdup (job->error_class);
  copy->error_message = g_strdup (job->error_message);
  copy->scheduled_at = g_strdup (job->scheduled_at);
  copy->remote_id = g_strdup (job->remote_id);
  copy->remote_url = g_strdup (job->remote_url);
  copy->metrics = g_strdup (job->metrics);
  copy->actor = g_strdup (job->actor);
  copy->created = g_strdup (job->created);
  copy->updated = g_strdup (job->updated);
  copy->sent_at = g_strdup (job->sent_at);
  copy->deleted_at = g_strdup (job->deleted_at);
  return copy;
}

void
tayori_post_job_free (TayoriPostJob *job)
{
  if (job == NULL)
    return;
  g_free (job->account);
  g_free (job->network);
  g_free (job->text);
  g_free (job->images);
  g_free (job->link_url);
  g_free (job->idempotency_key);
  g_free (job->error_class);
  g_free (job->error_message);
  g_free (job->scheduled_at);
  g_free (job->remote_id);
  g_free (job->remote_url);
  g_free (job->metrics);
  g_free (job->actor);
  g_free (job->created);
  g_free (job->updated);
  g_free (job->sent_at);
  g_free (job->deleted_at);
  g_free (job);
}

const char *
tayori_post_job_state_to_key (TayoriPostJobState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (states), NULL);
  return states[state].key;
}

gboolean
tayori_post_job_state_from_key (const char         *key,
                                TayoriPostJobState *out_state)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (key, states[i].key) == 0)
      {
        *out_state = i;
        return TRUE;
      }
  return FALSE;
}

const char *
tayori_post_job_state_to_label (TayoriPostJobState state)
{
  g_return_val_if_fail (state < G_N_ELEMENTS (states), NULL);
  return _(states[state].label);
}

/* Embeds a stored JSON text as a value; null when unset or unreadable. */
static void
add_json_member (JsonBuilder *builder,
                 const char  *name,
                 const char  *json)
{
  g_autoptr(JsonNode) node = json != NULL ? json_from_string (json, NULL) : NULL;

  json_builder_set_member_name (builder, name);
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}

char *
tayori_post_job_to_json (const TayoriPostJob *job)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (job != NULL, NULL);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, job->id);
  json_builder_set_member_name (builder, "article_id");
  json_builder_add_int_value (builder, job->article_id);
  tayori_json_add_string (builder, "account", job->account);
  tayori_json_add_string (builder, "network", job->network);
  tayori_json_add_string (builder, "state", tayori_post_job_state_to_key (job->state));
  tayori_json_add_string (builder, "text", job->text);
  add_json_member (builder, "images", job->images);
  tayori_json_add_string (builder, "link_url", job->link_url);
  tayori_json_add_string (builder, "idempotency_key", job->idempotency_key);
  tayori_json_add_string (builder, "error_class", job->error_class);
  tayori_json_add_string (builder, "error_message", job->error_message);
  json_builder_set_member_name (builder, "attempts");
  json_builder_add_int_value (builder, job->attempts);
  tayori_json_add_string (builder, "scheduled_at", job->scheduled_at);
  tayori_json_add_string (builder, "remote_id", job->remote_id);
  tayori_json_add_string (builder, "remote_url", job->remote_url);
  add_json_member (builder, "metrics", job->metrics);
  tayori_json_add_string (builder, "actor", job->actor);
  tayori_json_add_string (builder, "created", job->created);
  tayori_json_add_string (builder, "updated", job->updated);
  tayori_json_add_string (builder, "sent_at", job->sent_at);
  tayori_json_add_string (builder, "deleted_at", job->deleted_at);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, TRUE);
}
