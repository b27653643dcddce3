/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake connector (see fake-connector.h): every call takes the site's lock, counts
 * itself, and applies the scripted failures before doing anything. */
#include "fake-site-private.h"
#include "tayori-cms-error.h"

struct _FakeConnector
{
  GObject   parent_instance;
  FakeSite *site;
  char     *login;
};

static void fake_connector_iface_init (TayoriCmsConnectorInterface *iface);
G_DEFINE_FINAL_TYPE_WITH_CODE (FakeConnector, fake_connector, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CMS_CONNECTOR, fake_connector_iface_init))

/* Enters a call: counts it, waits the delay outside the lock, and applies a scripted
 * failure to writes. Returns with the lock held when it succeeds. */
static gboolean
enter (FakeConnector *self, const char *call, gboolean write, GError **error)
{
  FakeSite *site = self->site;
  guint delay;

  g_mutex_lock (&site->lock);
  g_hash_table_insert (site->calls, g_strdup (call),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (site->calls, call)) + 1));
  site->active++;
  site->max_active = MAX (site->max_active, site->active);
  delay = site->delay_ms;
  g_mutex_unlock (&site->lock);
  if (delay > 0)
    g_usleep (delay * 1000);
  g_mutex_lock (&site->lock);
  site->active--;
  if (write && site->transient > 0)
    {
      site->transient--;
      g_mutex_unlock (&site->lock);
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_UNREACHABLE, "fake: connection refused");
      return FALSE;
    }
  if (write && site->fail_code >= 0)
    {
      int code = site->fail_code;

      site->fail_code = -1;
      g_mutex_unlock (&site->lock);
      g_set_error (error, TAYORI_CMS_ERROR, code, "fake: refused (%d)", code);
      return FALSE;
    }
  return TRUE;
}

static TayoriCmsPost *
answer (FakeSite *site, TayoriCmsPost *stored)
{
  TayoriCmsPost *copy = tayori_cms_post_copy (stored);

  g_mutex_unlock (&site->lock);
  return copy;
}

static TayoriCmsPost *
not_found (FakeSite *site, gint64 id, GError **error)
{
  g_mutex_unlock (&site->lock);
  g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND, "fake: no post %" G_GINT64_FORMAT, id);
  return NULL;
}

static TayoriCmsSiteInfo *
fake_discover (TayoriCmsConnector *connector, GCancellable *cancellable, GError **error)
{
  FakeConnector *self = FAKE_CONNECTOR (connector);
  TayoriCmsSiteInfo *info;

  if (!enter (self, "discover", FALSE, error))
    return NULL;
  info = g_new0 (TayoriCmsSiteInfo, 1);
  info->api_root = g_strdup ("https://fake.invalid/wp-json/");
  info->user_login = g_strdup (self->login);
  info->has_plugin = TRUE;
  info->approval_levels = self->site->levels;
  g_mutex_unlock (&self->site->lock);
  return info;
}

static GPtrArray *
fake_list_terms (TayoriCmsConnector *connector, TayoriCmsTaxonomy taxonomy, GCancellable *cancellable,
                 GError **error)
{
  FakeConnector *self = FAKE_CONNECTOR (connector);
  GPtrArray *source, *terms;

  if (!enter (self, "list_terms", FALSE, error))
    return NULL;
  source = taxonomy == TAYORI_CMS_TAXONOMY_CATEGORY ? self->site->categories : self->site->tags;
  terms = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_term_free);
  for (guint i = 0; i < source->len; i++)
    g_ptr_array_add (terms, tayori_cms_term_copy (g_ptr_array_index (source, i)));
  g_mutex_unlock (&self->site->lock);
  return terms;
}

static TayoriCmsMedia *
fake_upload_media (TayoriCmsConnector *connector, GBytes *data, const char *file_name, const char *mime_type,
                   const char *alt_text, gint64 post_id, GCancellable *cancellable, GError **error)
{
  FakeConnector *self = FAKE_CONNECTOR (connector);
  FakeMedia *media;
  TayoriCmsMedia *answer_media;

  if (!enter (self, "upload_media", TRUE, error))
    return NULL;
  if (self->site->no_uploads)
    {
      g_mutex_unlock (&self->site->lock);
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_PLUGIN_MISSING, "fake: rest_cannot_create");
      return NULL;
    }
  media = g_new0 (FakeMedia, 1);
  media->id = self->site->next_id++;
  media->post_id = post_id;
  media->file_name = g_strdup (file_name);
  media->mime_type = g_strdup (mime_type);
  media->alt = g_strdup (alt_text);
  media->size = g_bytes_get_size (data);
  g_ptr_array_add (self->site->media, media);
  answer_media = g_new0 (TayoriCmsMedia, 1);
  answer_media->id = media->id;
  answer_media->url = g_strdup_printf ("https://fake.invalid/uploads/%" G_GINT64_FORMAT "-%s", media->id, file_name);
  g_mutex_unlock (&self->site->lock);
  return answer_media;
}

static TayoriCmsPost *
fake_create_post (TayoriCmsConnector *connector, const TayoriCmsPost *post, GCancellable *cancellable,
                  GError **error)
{
  FakeConnector *self = FAKE_CONNECTOR (connector);
  FakeSite *site = self->site;
  TayoriCmsPost *stored;

  if (!enter (self, "create_post", TRUE, error))
    return NULL;
  stored = tayori_cms_post_copy (post);
  stored->remote_id = site->next_id++;
  g_free (stored->author_login);
  stored->author_login = g_strdup (self->login);
  stored->link = g_strdup_printf ("https://fake.invalid/?p=%" G_GINT64_FORMAT, stored->remote_id);
  fake_site_touch (site, stored);
  g_hash_table_insert (site->posts, g_memdup2 (&stored->remote_id, sizeof (gint64)), stored);
  g_ptr_array_add (site->journal, g_strconcat ("create:", post->title, NULL));
  if (site->lose_create)
    {
      site->lose_create = FALSE;
      g_mutex_unlock (&site->lock);
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_UNREACHABLE, "fake: the answer was lost");
      return NULL;
    }
  return answer (site, stored);
}

static TayoriCmsPost *
fake_update_post (TayoriCmsConnector *connector, const TayoriCmsPost *post, GCancellable *cancellable,
                  GError **error)
{
  FakeConnector *self = FAKE_CONNECTOR (connector);
  FakeSite *site = self->site;
  TayoriCmsPost *stored, *updated;

  if (!enter (self, "update_post", TRUE, error))
    return NULL;
  stored = g_hash_table_lookup (site->posts, &post->remote_id);
  if (stored == NULL)
    return not_found (site, post->remote_id, error);
  updated = tayori_cms_post_copy (post);
  if (updated->status == NULL)
    updated->status = g_strdup (stored->status);
  g_free (updated->author_login);
  updated->author_login = g_strdup (stored->author_login);
  g_free (updated->link);
  updated->link = g_strdup (stored->link);
  updated->approvals = g_strcmp0 (stored->revision_hash, post->revision_hash) == 0 ? stored->approvals : 0;
  g_clear_pointer (&updated->review_log, g_ptr_array_unref);
  updated->review_log = stored->review_log != NULL ? g_ptr_array_ref (stored->review_log) : NULL;
  fake_site_touch (site, updated);
  g_ptr_array_add (site->journal, g_strconcat ("update:", post->title, NULL));
  g_hash_table_replace (site->posts, g_memdup2 (&post->remote_id, sizeof (gint64)), updated);
  return answer (site, updated);
}

static TayoriCmsPost *
fake_get_post (TayoriCmsConnector *connector, gint64 remote_id, GCancellable *cancellable, GError **error)
{
  FakeConnector *self = FAKE_CONNECTOR (connector);
  TayoriCmsPost *stored;

  if (!enter (self, "get_post", FALSE, error))
    return NULL;
  stored = g_hash_table_lookup (self->site->posts, &remote_id);
  return stored != NULL ? answer (self->site, stored) : not_found (self->site, remote_id, error);
}

static TayoriCmsPost *
fake_find_by_client_id (TayoriCmsConnector *connector, const char *client_id, GCancellable *cancellable,
                        GError **error)
{
  FakeConnector *self = FAKE_CONNECTOR (connector);
  GHashTableIter iter;
  gpointer value;

  if (!enter (self, "find_by_client_id", FALSE, error))
    return NULL;
  g_hash_table_iter_init (&iter, self->site->posts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (((TayoriCmsPost *) value)->client_id, client_id) == 0)
      return answer (self->site, value);
  g_mutex_unlock (&self->site->lock);
  return NULL;
}

static GPtrArray *
fake_list_posts (TayoriCmsConnector *connector, TayoriCmsScope scope, GCancellable *cancellable, GError **error)
{
  FakeConnector *self = FAKE_CONNECTOR (connector);
  GPtrArray *posts;
  GHashTableIter iter;
  gpointer value;

  if (!enter (self, "list_posts", FALSE, error))
    return NULL;
  posts = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_post_free);
  g_hash_table_iter_init (&iter, self->site->posts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TayoriCmsPost *post = value;
      gboolean wanted = scope == TAYORI_CMS_SCOPE_PENDING_REVIEW ? g_strcmp0 (post->status, "pending") == 0
                        : scope == TAYORI_CMS_SCOPE_PUBLISHED ? g_strcmp0 (post->status, "publish") == 0
                        : g_strcmp0 (post->author_login, self->login) == 0
                          && g_strcmp0 (post->status, "publish") != 0;

      if (wanted)
        g_ptr_array_add (posts, tayori_cms_post_copy (post));
    }
  g_mutex_unlock (&self->site->lock);
  return posts;
}

static void
log_entry (TayoriCmsPost *post, const char *action, const char *actor, guint level, const char *note)
{
  TayoriCmsReviewEntry *entry = g_new0 (TayoriCmsReviewEntry, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GPtrArray *log = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_review_entry_free);

  /* The log is shared with copies: replace it rather than append in place. */
  for (guint i = 0; post->review_log != NULL && i < post->review_log->len; i++)
    {
      const TayoriCmsReviewEntry *old = g_ptr_array_index (post->review_log, i);
      TayoriCmsReviewEntry *copy = g_new0 (TayoriCmsReviewEntry, 1);

      copy->action = g_strdup (old->action);
      copy->actor = g_strdup (old->actor);
      copy->level = old->level;
      copy->note = g_strdup (old->note);
      copy->revision_hash = g_strdup (old->revision_hash);
      copy->at = g_strdup (old->at);
      g_ptr_array_add (log, copy);
    }
  entry->action = g_strdup (action);
  entry->actor = g_strdup (actor);
  entry->level = level;
  entry->note = g_strdup (note);
  entry->revision_hash = g_strdup (post->revision_hash);
  entry->at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_ptr_array_add (log, entry);
  g_clear_pointer (&post->review_log, g_ptr_array_unref);
  post->review_log = log;
}

/* Whether @login approved the post's current revision since the last submit or return. */
static gboolean
approved_by (const TayoriCmsPost *post, const char *login)
{
  gboolean approved = FALSE;

  for (guint i = 0; post->review_log != NULL && i < post->review_log->len; i++)
    {
      const TayoriCmsReviewEntry *entry = g_ptr_array_index (post->review_log, i);

      if (g_strcmp0 (entry->action, "approve") == 0 && g_strcmp0 (entry->actor, login) == 0
          && g_strcmp0 (entry->revision_hash, post->revision_hash) == 0)
        approved = TRUE;
      else if (g_strcmp0 (entry->action, "submit") == 0 || g_strcmp0 (entry->action, "return") == 0)
        approved = FALSE;
    }
  return approved;
}

static TayoriCmsPost *
refuse (FakeSite *site, TayoriCmsError code, const char *message, GError **error)
{
  g_mutex_unlock (&site->lock);
  g_set_error_literal (error, TAYORI_CMS_ERROR, code, message);
  return NULL;
}

static TayoriCmsPost *
fake_review (TayoriCmsConnector *connector, gint64 remote_id, TayoriCmsReviewAction action, const char *note,
             const char *revision_hash, GDateTime *publish_at, GCancellable *cancellable, GError **error)
{
  FakeConnector *self = FAKE_CONNECTOR (connector);
  FakeSite *site = self->site;
  TayoriCmsPost *post;

  if (!enter (self, "review", TRUE, error))
    return NULL;
  post = g_hash_table_lookup (site->posts, &remote_id);
  if (post == NULL)
    return not_found (site, remote_id, error);
  g_free (post->status);
  switch (action)
    {
    case TAYORI_CMS_REVIEW_SUBMIT:
      post->status = g_strdup ("pending");
      post->approvals = 0;
      log_entry (post, "submit", self->login, 0, note);
      break;
    case TAYORI_CMS_REVIEW_APPROVE:
      post->status = g_strdup ("pending");
      if (g_strcmp0 (post->author_login, self->login) == 0)
        return refuse (site, TAYORI_CMS_ERROR_SELF_APPROVAL, "fake: tayori_self_approval", error);
      if (g_strcmp0 (revision_hash, post->revision_hash) != 0)
        return refuse (site, TAYORI_CMS_ERROR_REJECTED, "fake: tayori_stale_revision", error);
      if (approved_by (post, self->login))
        return refuse (site, TAYORI_CMS_ERROR_REJECTED, "fake: tayori_already_approved", error);
      post->approvals++;
      log_entry (post, "approve", self->login, post->approvals, note);
      if (post->approvals >= site->levels)
        {
          g_free (post->status);
          post->status = g_strdup (publish_at != NULL ? "future" : "publish");
          log_entry (post, publish_at != NULL ? "schedule" : "publish", self->login, post->approvals, NULL);
        }
      break;
    case TAYORI_CMS_REVIEW_RETURN:
    default:
      post->status = g_strdup ("draft");
      post->approvals = 0;
      log_entry (post, "return", self->login, 0, note);
      break;
    }
  fake_site_touch (site, post);
  return answer (site, post);
}

static TayoriCmsPost *
fake_set_status (TayoriCmsConnector *connector, gint64 remote_id, const char *status, GCancellable *cancellable,
                 GError **error)
{
  FakeConnector *self = FAKE_CONNECTOR (connector);
  TayoriCmsPost *post;

  if (!enter (self, "set_status", TRUE, error))
    return NULL;
  post = g_hash_table_lookup (self->site->posts, &remote_id);
  if (post == NULL)
    return not_found (self->site, remote_id, error);
  g_free (post->status);
  post->status = g_strdup (status);
  fake_site_touch (self->site, post);
  return answer (self->site, post);
}

static void
fake_connector_iface_init (TayoriCmsConnectorInterface *iface)
{
  iface->discover = fake_discover;
  iface->list_terms = fake_list_terms;
  iface->upload_media = fake_upload_media;
  iface->create_post = fake_create_post;
  iface->update_post = fake_update_post;
  iface->get_post = fake_get_post;
  iface->find_by_client_id = fake_find_by_client_id;
  iface->list_posts = fake_list_posts;
  iface->review = fake_review;
  iface->set_status = fake_set_status;
}

static void
fake_connector_finalize (GObject *object)
{
  g_free (FAKE_CONNECTOR (object)->login);
  G_OBJECT_CLASS (fake_connector_parent_class)->finalize (object);
}

static void
fake_connector_class_init (FakeConnectorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fake_connector_finalize;
}

static void
fake_connector_init (FakeConnector *self)
{
  (void) self;
}

FakeConnector *
fake_connector_new (FakeSite *site, const char *login)
{
  FakeConnector *self = g_object_new (FAKE_TYPE_CONNECTOR, NULL);

  self->site = site;
  self->login = g_strdup (login);
  return self;
}
