/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The boxed values CMS connectors exchange: copying, freeing and a term's path. */
#include "tayori-cms-types.h"

G_DEFINE_BOXED_TYPE (TayoriCmsTerm, tayori_cms_term, tayori_cms_term_copy, tayori_cms_term_free)
G_DEFINE_BOXED_TYPE (TayoriCmsSiteInfo, tayori_cms_site_info, tayori_cms_site_info_copy,
                     tayori_cms_site_info_free)
G_DEFINE_BOXED_TYPE (TayoriCmsMedia, tayori_cms_media, tayori_cms_media_copy,
                     tayori_cms_media_free)
G_DEFINE_BOXED_TYPE (TayoriCmsPost, tayori_cms_post, tayori_cms_post_copy, tayori_cms_post_free)

TayoriCmsTerm *
tayori_cms_term_new (gint64      id,
                     const char *name,
                     const char *slug,
                     gint64      parent)
{
  TayoriCmsTerm *term = g_new0 (TayoriCmsTerm, 1);

  term->id = id;
  term->name = g_strdup (name);
  term->slug = g_strdup (slug);
  term->parent = parent;
  return term;
}

TayoriCmsTerm *
tayori_cms_term_copy (const TayoriCmsTerm *term)
{
  g_return_val_if_fail (term != NULL, NULL);
  return tayori_cms_term_new (term->id, term->name, term->slug, term->parent);
}

void
tayori_cms_term_free (TayoriCmsTerm *term)
{
  if (term == NULL)
    return;
  g_free (term->name);
  g_free (term->slug);
  g_free (term);
}

static const TayoriCmsTerm *
find_term (GPtrArray *terms,
           gint64     id)
{
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const TayoriCmsTerm *term = g_ptr_array_index (terms, i);

      if (term->id == id)
        return term;
    }
  return NULL;
}

char *
tayori_cms_term_path (const TayoriCmsTerm *term,
                      GPtrArray           *terms)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *path = g_string_new (NULL);

  g_return_val_if_fail (term != NULL, NULL);

  /* Bounded by the list's length, so a parent loop in bad data cannot spin forever. */
  for (guint depth = 0; term != NULL && depth <= (terms != NULL ? terms->len : 0); depth++)
    {
      g_ptr_array_add (names, term->name);
      term = term->parent != 0 ? find_term (terms, term->parent) : NULL;
    }
  for (guint i = names->len; i > 0; i--)
    {
      if (path->len > 0)
        g_string_append_c (path, '/');
      g_string_append (path, g_ptr_array_index (names, i - 1));
    }
  return g_string_free (path, FALSE);
}

TayoriCmsSiteInfo *
tayori_cms_site_info_copy (const TayoriCmsSiteInfo *info)
{
  TayoriCmsSiteInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_memdup2 (info, sizeof *info);
  copy->api_root = g_strdup (info->api_root);
  copy->site_name = g_strdup (info->site_name);
  copy->user_login = g_strdup (info->user_login);
  copy->user_display = g_strdup (info->user_display);
  copy->roles = g_strdupv (info->roles);
  copy->capabilities = g_strdupv (info->capabilities);
  copy->plugin_version = g_strdup (info->plugin_version);
  return copy;
}

void
tayori_cms_site_info_free (TayoriCmsSiteInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->api_root);
  g_free (info->site_name);
  g_free (info->user_login);
  g_free (info->user_display);
  g_strfreev (info->roles);
  g_strfreev (info->capabilities);
  g_free (info->plugin_version);
  g_free (info);
}

TayoriCmsMedia *
tayori_cms_media_copy (const TayoriCmsMedia *media)
{
  TayoriCmsMedia *copy;

  g_return_val_if_fail (media != NULL, NULL);

  copy = g_new0 (TayoriCmsMedia, 1);
  copy->id = media->id;
  copy->url = g_strdup (media->url);
  return copy;
}

void
tayori_cms_media_free (TayoriCmsMedia *media)
{
  if (media == NULL)
    return;
  g_free (media->url);
  g_free (media);
}

static TayoriCmsReviewEntry *
review_entry_copy (const TayoriCmsReviewEntry *entry)
{
  TayoriCmsReviewEntry *copy = g_new0 (TayoriCmsReviewEntry, 1);

  copy->action = g_strdup (entry->action);
  copy->actor = g_strdup (entry->actor);
  copy->level = entry->level;
  copy->note = g_strdup (entry->note);
  copy->revision_hash = g_strdup (entry->revision_hash);
  copy->at = g_strdup (entry->at);
  return copy;
}

void
tayori_cms_review_entry_free (TayoriCmsReviewEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->action);
  g_free (entry->actor);
  g_free (entry->note);
  g_free (entry->revision_hash);
  g_free (entry->at);
  g_free (entry);
}

TayoriCmsPost *
tayori_cms_post_new (void)
{
  TayoriCmsPost *post = g_new0 (TayoriCmsPost, 1);

  post->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  post->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  post->review_log = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_review_entry_free);
  return post;
}

static void
copy_ids (GArray       *to,
          const GArray *from)
{
  if (from != NULL)
    g_array_append_vals (to, from->data, from->len);
}

TayoriCmsPost *
tayori_cms_post_copy (const TayoriCmsPost *post)
{
  TayoriCmsPost *copy;

  g_return_val_if_fail (post != NULL, NULL);

  copy = tayori_cms_post_new ();
  copy->remote_id = post->remote_id;
  copy->client_id = g_strdup (post->client_id);
  copy->status = g_strdup (post->status);
  copy->title = g_strdup (post->title);
  copy->content_html = g_strdup (post->content_html);
  copy->excerpt = g_strdup (post->excerpt);
  copy->date_gmt = g_strdup (post->date_gmt);
  copy_ids (copy->category_ids, post->category_ids);
  copy_ids (copy->tag_ids, post->tag_ids);
  copy->featured_media = post->featured_media;
  copy->markdown = g_strdup (post->markdown);
  copy->meta_json = g_strdup (post->meta_json);
  copy->revision_hash = g_strdup (post->revision_hash);
  copy->link = g_strdup (post->link);
  copy->modified_gmt = g_strdup (post->modified_gmt);
  copy->author_id = post->author_id;
  copy->author_login = g_strdup (post->author_login);
  copy->approvals = post->approvals;
  for (guint i = 0; post->review_log != NULL && i < post->review_log->len; i++)
    g_ptr_array_add (copy->review_log, review_entry_copy (g_ptr_array_index (post->review_log, i)));
  return copy;
}

void
tayori_cms_post_free (TayoriCmsPost *post)
{
  if (post == NULL)
    return;
  g_free (post->client_id);
  g_free (post->status);
  g_free (post->title);
  g_free (post->content_html);
  g_free (post->excerpt);
  g_free (post->date_gmt);
  g_clear_pointer (&post->category_ids, g_array_unref);
  g_clear_pointer (&post->tag_ids, g_array_unref);
  g_free (post->markdown);
  g_free (post->meta_json);
  g_free (post->revision_hash);
  g_free (post->link);
  g_free (post->modified_gmt);
  g_free (post->author_login);
  g_clear_pointer (&post->review_log, g_ptr_array_unref);
  g_free (post);
}
