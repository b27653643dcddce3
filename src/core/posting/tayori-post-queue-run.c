/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One attempt at a claimed job, on its account's worker thread: builds the channel post
 * (images from the media store, the link card from the article), reconciles an unknown
 * outcome before any retry, sends, follows, and records the outcome with its class. */
#include <glib/gi18n.h>

#include "tayori-posting-private.h"
#include "tayori-media-store.h"
#include "tayori-post-image-fit.h"

/* The image from the media store, fitted to @network's limits for @use. */
static TayoriChannelImage *
load_image (const char          *media_dir,
            const char          *hash,
            const char          *alt,
            TayoriPostNetwork    network,
            TayoriPostImageUse   use,
            GError             **error)
{
  g_autofree char *path = tayori_media_store_lookup (media_dir, hash);
  g_autofree char *contents = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime_type = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(TayoriChannelImage) stored = NULL;
  gsize length;

  if (path == NULL)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
                   _("The image %s is no longer in the media folder."), hash);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  content_type = g_content_type_guess (path, (const guchar *) contents, length, NULL);
  mime_type = g_content_type_get_mime_type (content_type);
  data = g_bytes_new_take (g_steal_pointer (&contents), length);
  stored = tayori_channel_image_new (data, mime_type, alt, 0, 0);
  return tayori_post_image_fit (stored, network, use, error);
}

static gboolean
add_images (const TayoriPostRun  *run,
            const TayoriPostJob  *job,
            TayoriChannelPost    *post,
            GError              **error)
{
  g_autoptr(GPtrArray) images = tayori_post_images_from_json (job->images);
  TayoriPostNetwork network = tayori_channel_get_network (run->channel);

  for (guint i = 0; i < images->len; i++)
    {
      TayoriPostImage *image = g_ptr_array_index (images, i);
      TayoriChannelImage *loaded = load_image (run->media_dir, image->hash, image->alt,
                                               network, TAYORI_POST_IMAGE_ATTACHED, error);

      if (loaded == NULL)
        return FALSE;
      g_ptr_array_add (post->images, loaded);
    }
  return TRUE;
}

/* LINE narrowcast: the account's audience groups ("audience:NAME" options) for the article's
 * audiences; none means a broadcast. */
static GStrv
audience_groups (const TayoriAccount *account,
                 TayoriArticle       *article)
{
  g_autoptr(GStrvBuilder) groups = g_strv_builder_new ();
  const char * const *audiences = tayori_article_get_audiences (article);

  for (guint i = 0; account != NULL && audiences[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("audience:", audiences[i], NULL);
      const char *group = tayori_account_get_option (account, key);

      if (group != NULL && *group != '\0')
        g_strv_builder_add (groups, group);
    }
  return g_strv_builder_end (groups);
}

/* The card: the article's title, summary and thumbnail (when it is in the media store), and
 * for LINE the audience groups. */
static void
add_link_card (const TayoriPostRun *run,
               const TayoriPostJob *job,
               TayoriChannelPost   *post)
{
  g_autoptr(TayoriArticle) article = NULL;
  const char *thumbnail;

  post->link_url = g_strdup (job->link_url);
  post->card = job->link_url != NULL;
  if (job->article_id <= 0)
    return;
  article = tayori_store_load_article (run->store, job->article_id, NULL);
  if (article == NULL)
    return;
  g_strfreev (post->audience_groups);
  post->audience_groups = audience_groups (run->account, article);
  post->link_title = g_strdup (tayori_article_get_title (article));
  post->link_description = g_strdup (tayori_article_get_summary (article));
  thumbnail = tayori_article_get_thumbnail (article);
  if (thumbnail != NULL && tayori_media_store_is_hash (thumbnail))
    post->link_thumb = load_image (run->media_dir, thumbnail,
                                   tayori_article_get_thumbnail_alt (article),
                                   tayori_channel_get_network (run->channel),
                                   TAYORI_POST_IMAGE_CARD, NULL);
}

static TayoriChannelPost *
build_post (const TayoriPostRun  *run,
            const TayoriPostJob  *job,
            GError              **error)
{
  g_autoptr(TayoriChannelPost) post = tayori_channel_post_new ();
  g_autoptr(GDateTime) scheduled = job->scheduled_at != NULL
    ? tayori_store_parse_time (job->scheduled_at) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  post->text = g_strdup (job->text);
  post->idempotency_key = g_strdup (job->idempotency_key);
  if (scheduled != NULL && g_date_time_compare (scheduled, now) > 0
      && (tayori_channel_get_flags (run->channel) & TAYORI_CHANNEL_CAN_SCHEDULE) != 0)
    post->scheduled_at = g_date_time_ref (scheduled);
  if (!add_images (run, job, post, error))
    return NULL;
  add_link_card (run, job, post);
  return g_steal_pointer (&post);
}

static void
record (const TayoriPostRun    *run,
        const TayoriPostJob    *job,
        const TayoriPostUpdate *update)
{
  g_autoptr(GError) error = NULL;

  if (!tayori_post_db_update (run->store, job->id, update, &error))
    g_warning ("Could not record the outcome of post job %" G_GINT64_FORMAT ": %s",
               job->id, error->message);
  tayori_post_queue_job_changed (run->queue, job->id);
}

static void
record_sent (const TayoriPostRun        *run,
             const TayoriPostJob        *job,
             const TayoriChannelReceipt *receipt)
{
  TayoriPostUpdate update = {
    .state = TAYORI_POST_JOB_SENT,
    .remote_id = receipt->remote_id,
    .remote_url = receipt->remote_url,
    .audit_action = "post-sent",
  };

  record (run, job, &update);
}

static GDateTime *
after_ms (gint64 ms)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add (now, ms * G_TIME_SPAN_MILLISECOND);
}

/* Errors outside the channel domain come from our side (a missing image, the store) before
 * anything was sent, or from a channel that broke its contract mid-send: the latter may have
 * reached the server, so it is reconciled like an unknown outcome. */
static void
record_error (const TayoriPostRun *run,
              const TayoriPostJob *job,
              const GError        *error,
              gboolean             maybe_sent)
{
  TayoriChannelError code = maybe_sent ? TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME
                                       : TAYORI_CHANNEL_ERROR_RETRY_LATER;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *message = NULL;
  TayoriPostUpdate update = { 0 };
  gint64 wait_ms;

  if (error->domain == TAYORI_CHANNEL_ERROR)
    code = error->code;
  message = g_strdup_printf ("%s (%s)", tayori_channel_error_advice (code), error->message);
  update.error_class = tayori_channel_error_to_key (code);
  update.error_message = message;

  wait_ms = (gint64) run->backoff_ms << MIN (job->attempts - 1, 10);
  if (code == TAYORI_CHANNEL_ERROR_RETRY_LATER)
    wait_ms = MAX (wait_ms, (gint64) tayori_channel_error_get_retry_after (error) * 1000);

  if ((code == TAYORI_CHANNEL_ERROR_RETRY_LATER || code == TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME)
      && job->attempts < run->max_attempts)
    {
      next = after_ms (wait_ms);
      update.state = code == TAYORI_CHANNEL_ERROR_RETRY_LATER ? TAYORI_POST_JOB_PENDING
                                                               : TAYORI_POST_JOB_UNKNOWN;
      update.next_attempt = next;
      update.audit_action = code == TAYORI_CHANNEL_ERROR_RETRY_LATER ? "post-retry-later"
                                                                     : "post-unknown";
    }
  else
    {
      update.state = TAYORI_POST_JOB_FAILED;
      update.audit_action = "post-failed";
    }
  record (run, job, &update);
}

/* Keyless networks: was the unknown attempt received after all? TRUE when the job is settled
 * (found and recorded, or the search failed and it stays unknown). */
static gboolean
reconcile (const TayoriPostRun     *run,
           const TayoriPostJob     *job,
           const TayoriChannelPost *post)
{
  g_autoptr(GDateTime) since = tayori_store_parse_time (job->created);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  receipt = tayori_channel_find_post (run->channel, post, since, NULL, &error);
  if (receipt != NULL)
    {
      record_sent (run, job, receipt);
      return TRUE;
    }
  if (error != NULL)
    {
      /* Not knowing whether it exists, sending again could duplicate it. */
      g_autoptr(GError) unknown = g_error_new_literal (TAYORI_CHANNEL_ERROR,
                                                       TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME,
                                                       error->message);
      record_error (run, job, unknown, TRUE);
      return TRUE;
    }
  return FALSE;
}

void
tayori_post_run_job (const TayoriPostRun *run,
                     TayoriPostJob       *job,
                     TayoriPostJobState   previous)
{
  g_autoptr(TayoriChannelPost) post = NULL;
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  TayoriChannelFlags flags = tayori_channel_get_flags (run->channel);

  tayori_post_queue_job_changed (run->queue, job->id);
  post = build_post (run, job, &error);
  if (post == NULL)
    {
      record_error (run, job, error, FALSE);
      return;
    }

  /* With a key the server dedupes a second send itself; without one, look first. */
  if (previous == TAYORI_POST_JOB_UNKNOWN && (flags & TAYORI_CHANNEL_HAS_IDEMPOTENCY_KEY) == 0
      && reconcile (run, job, post))
    return;

  if (!tayori_channel_check_ready (run->channel, post, NULL, &error))
    {
      record_error (run, job, error, FALSE);
      return;
    }
  receipt = tayori_channel_post (run->channel, post, NULL, &error);
  if (receipt == NULL)
    {
      record_error (run, job, error, TRUE);
      return;
    }
  if (!tayori_channel_follow (run->channel, receipt, NULL, &error))
    {
      /* Accepted but not delivered (a failed narrowcast): sending again is a new message, so
       * a person decides. */
      TayoriPostUpdate update = {
        .state = TAYORI_POST_JOB_FAILED,
        .error_class = error->domain == TAYORI_CHANNEL_ERROR
          ? tayori_channel_error_to_key (error->code) : "retry-later",
        .error_message = error->message,
        .remote_id = receipt->remote_id,
        .remote_url = receipt->remote_url,
        .audit_action = "post-failed",
      };

      record (run, job, &update);
      return;
    }
  record_sent (run, job, receipt);
}
