/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The values CMS connectors exchange: site information, taxonomy terms, media and posts.
 * Plain boxed structs, CMS-neutral (WordPress is the first connector, not the model). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  TAYORI_CMS_TAXONOMY_CATEGORY,   /* hierarchical */
  TAYORI_CMS_TAXONOMY_TAG,
} TayoriCmsTaxonomy;

typedef struct {
  gint64  id;
  char   *name;
  char   *slug;
  gint64  parent;   /* 0 = top level */
} TayoriCmsTerm;

/* What "test connection" shows. */
typedef struct {
  char     *api_root;        /* "https://site/wp-json/" or "https://site/?rest_route=/" */
  char     *site_name;
  gint64    user_id;
  char     *user_login;
  char     *user_display;
  GStrv     roles;           /* "contributor", "editor", … */
  GStrv     capabilities;    /* the ones Tayori uses: "edit_posts", "publish_posts", "upload_files",
                              * "edit_others_posts", "tayori_review" */
  gboolean  has_plugin;      /* the tayori-connector plugin answers */
  char     *plugin_version;
  guint     approval_levels; /* from the plugin, 1–3; 0 without it */
  guint     approver_level;  /* the level this user approves at (plugin), 0 = not an approver */
} TayoriCmsSiteInfo;

typedef struct {
  gint64  id;
  char   *url;
} TayoriCmsMedia;

/* One entry of the plugin's review log. */
typedef struct {
  char   *action;          /* "submit", "approve", "return", "schedule", "publish" */
  char   *actor;           /* login */
  guint   level;
  char   *note;
  char   *revision_hash;
  char   *at;              /* ISO 8601 UTC */
} TayoriCmsReviewEntry;

/* A post as sent and as read back. Fields marked "read back" are filled by the CMS. */
typedef struct {
  gint64     remote_id;        /* 0 = not created yet */
  char      *client_id;        /* UUID made by Tayori, stored in the post's meta */
  char      *status;           /* "draft", "pending", "future", "publish", "private", "trash" */
  char      *title;
  char      *content_html;     /* the sanitised HTML the preview shows */
  char      *excerpt;
  char      *date_gmt;         /* "YYYY-MM-DDTHH:MM:SS" (UTC), for "future"; NULL = unset */
  GArray    *category_ids;     /* gint64 */
  GArray    *tag_ids;          /* gint64 */
  gint64     featured_media;   /* 0 = none */
  /* Meta the tayori-connector plugin exposes (ignored without it): */
  char      *markdown;         /* the Markdown source */
  char      *meta_json;        /* JSON object: audiences, ward, department, contact, ai_provenance,
                                * publish window */
  char      *revision_hash;    /* tayori_cms_content_hash of what was sent */
  /* Read back: */
  char      *link;
  char      *modified_gmt;
  gint64     author_id;
  char      *author_login;
  guint      approvals;        /* approvals recorded for the current revision */
  GPtrArray *review_log;       /* TayoriCmsReviewEntry, oldest first */
} TayoriCmsPost;

#define TAYORI_TYPE_CMS_TERM      (tayori_cms_term_get_type ())
#define TAYORI_TYPE_CMS_SITE_INFO (tayori_cms_site_info_get_type ())
#define TAYORI_TYPE_CMS_MEDIA     (tayori_cms_media_get_type ())
#define TAYORI_TYPE_CMS_POST      (tayori_cms_post_get_type ())
GType              tayori_cms_term_get_type       (void) G_GNUC_CONST;
GType              tayori_cms_site_info_get_type  (void) G_GNUC_CONST;
GType              tayori_cms_media_get_type      (void) G_GNUC_CONST;
GType              tayori_cms_post_get_type       (void) G_GNUC_CONST;

TayoriCmsTerm     *tayori_cms_term_new            (gint64 id, const char *name, const char *slug,
                                                   gint64 parent);
TayoriCmsTerm     *tayori_cms_term_copy           (const TayoriCmsTerm *term);
void               tayori_cms_term_free           (TayoriCmsTerm *term);
/* "防災/避難所" from a term and the list it belongs to (parents by id). */
char              *tayori_cms_term_path           (const TayoriCmsTerm *term, GPtrArray *terms);
TayoriCmsSiteInfo *tayori_cms_site_info_copy      (const TayoriCmsSiteInfo *info);
void               tayori_cms_site_info_free      (TayoriCmsSiteInfo *info);
TayoriCmsMedia    *tayori_cms_media_copy          (const TayoriCmsMedia *media);
void               tayori_cms_media_free          (TayoriCmsMedia *media);
void               tayori_cms_review_entry_free   (TayoriCmsReviewEntry *entry);
TayoriCmsPost     *tayori_cms_post_new            (void);
TayoriCmsPost     *tayori_cms_post_copy           (const TayoriCmsPost *post);
void               tayori_cms_post_free           (TayoriCmsPost *post);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriCmsTerm, tayori_cms_term_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriCmsSiteInfo, tayori_cms_site_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriCmsMedia, tayori_cms_media_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriCmsPost, tayori_cms_post_free)

G_END_DECLS
