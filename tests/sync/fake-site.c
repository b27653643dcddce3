/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake site behind the fake connectors: its posts, media and terms, the scripted
 * failures, and what the tests read back (see fake-connector.h). */
#include "fake-site-private.h"

static void
fake_media_free (FakeMedia *media)
{
  g_free (media->file_name);
  g_free (media->mime_type);
  g_free (media->alt);
  g_free (media);
}

FakeSite *
fake_site_new (guint approval_levels)
{
  FakeSite *site = g_new0 (FakeSite, 1);

  g_mutex_init (&site->lock);
  site->posts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) tayori_cms_post_free);
  site->media = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_media_free);
  site->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_term_free);
  site->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_term_free);
  site->calls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  site->journal = g_ptr_array_new_with_free_func (g_free);
  site->next_id = 100;
  site->levels = approval_levels;
  site->fail_code = -1;
  return site;
}

void
fake_site_free (FakeSite *site)
{
  g_hash_table_unref (site->posts);
  g_ptr_array_unref (site->media);
  g_ptr_array_unref (site->categories);
  g_ptr_array_unref (site->tags);
  g_hash_table_unref (site->calls);
  g_ptr_array_unref (site->journal);
  g_mutex_clear (&site->lock);
  g_free (site);
}

void
fake_site_fail_transiently (FakeSite *site, guint count)
{
  g_mutex_lock (&site->lock);
  site->transient = count;
  g_mutex_unlock (&site->lock);
}

void
fake_site_fail_once (FakeSite *site, TayoriCmsError code)
{
  g_mutex_lock (&site->lock);
  site->fail_code = code;
  g_mutex_unlock (&site->lock);
}

void
fake_site_lose_next_create (FakeSite *site)
{
  g_mutex_lock (&site->lock);
  site->lose_create = TRUE;
  g_mutex_unlock (&site->lock);
}

void
fake_site_refuse_uploads (FakeSite *site)
{
  g_mutex_lock (&site->lock);
  site->no_uploads = TRUE;
  g_mutex_unlock (&site->lock);
}

void
fake_site_set_delay (FakeSite *site, guint ms)
{
  g_mutex_lock (&site->lock);
  site->delay_ms = ms;
  g_mutex_unlock (&site->lock);
}

static char *
tick (FakeSite *site)
{
  return g_strdup_printf ("2026-04-01T09:%02u:%02u", site->clock / 60 % 60, site->clock % 60);
}

void
fake_site_touch (FakeSite *site, TayoriCmsPost *post)
{
  site->clock++;
  g_free (post->modified_gmt);
  post->modified_gmt = tick (site);
}

void
fake_site_edit_remotely (FakeSite *site, gint64 id, const char *title, const char *content)
{
  TayoriCmsPost *post;

  g_mutex_lock (&site->lock);
  post = g_hash_table_lookup (site->posts, &id);
  g_assert_nonnull (post);
  g_free (post->title);
  post->title = g_strdup (title);
  g_free (post->content_html);
  post->content_html = g_strdup (content);
  g_free (post->markdown);
  post->markdown = g_strdup (content);
  fake_site_touch (site, post);
  g_mutex_unlock (&site->lock);
}

TayoriCmsPost *
fake_site_get (FakeSite *site, gint64 id)
{
  TayoriCmsPost *post;

  g_mutex_lock (&site->lock);
  post = g_hash_table_lookup (site->posts, &id);
  post = post != NULL ? tayori_cms_post_copy (post) : NULL;
  g_mutex_unlock (&site->lock);
  return post;
}

guint
fake_site_count_posts (FakeSite *site, const char *client_id)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  g_mutex_lock (&site->lock);
  g_hash_table_iter_init (&iter, site->posts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (client_id == NULL || g_strcmp0 (((TayoriCmsPost *) value)->client_id, client_id) == 0)
      count++;
  g_mutex_unlock (&site->lock);
  return count;
}

guint
fake_site_count_calls (FakeSite *site, const char *call)
{
  guint count;

  g_mutex_lock (&site->lock);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (site->calls, call));
  g_mutex_unlock (&site->lock);
  return count;
}

guint
fake_site_max_concurrent (FakeSite *site)
{
  guint count;

  g_mutex_lock (&site->lock);
  count = site->max_active;
  g_mutex_unlock (&site->lock);
  return count;
}

GPtrArray *
fake_site_dup_journal (FakeSite *site)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);

  g_mutex_lock (&site->lock);
  for (guint i = 0; i < site->journal->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (site->journal, i)));
  g_mutex_unlock (&site->lock);
  return copy;
}

GPtrArray *
fake_site_get_media (FakeSite *site)
{
  return site->media;
}

void
fake_site_add_term (FakeSite *site, TayoriCmsTaxonomy taxonomy, gint64 id, const char *name,
                    const char *slug, gint64 parent)
{
  g_ptr_array_add (taxonomy == TAYORI_CMS_TAXONOMY_CATEGORY ? site->categories : site->tags,
                   tayori_cms_term_new (id, name, slug, parent));
}
