/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCmsWordpress: the object, its credentials and the site it discovers once; the
 * operations live in tayori-cms-wordpress-*.c. */
#include <string.h>

#include "tayori-cms-wordpress.h"
#include "tayori-cms-wordpress-private.h"

static void connector_iface_init (TayoriCmsConnectorInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCmsWordpress, tayori_cms_wordpress, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CMS_CONNECTOR,
                                                      connector_iface_init))

static void
site_clear (TayoriWpSite *site)
{
  g_free (site->prefix);
  tayori_cms_site_info_free (site->info);
}

TayoriWpSite *
tayori_wp_site_ref (TayoriWpSite *site)
{
  return g_atomic_rc_box_acquire (site);
}

void
tayori_wp_site_unref (TayoriWpSite *site)
{
  g_atomic_rc_box_release_full (site, (GDestroyNotify) site_clear);
}

/* Secrets are overwritten before their memory goes back to the allocator. */
static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    memset (*secret, 0, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
tayori_cms_wordpress_finalize (GObject *object)
{
  TayoriCmsWordpress *self = TAYORI_CMS_WORDPRESS (object);

  g_free (self->site_url);
  g_free (self->user);
  clear_secret (&self->password);
  clear_secret (&self->token);
  g_clear_object (&self->client);
  g_clear_pointer (&self->site, tayori_wp_site_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (tayori_cms_wordpress_parent_class)->finalize (object);
}

static void
tayori_cms_wordpress_class_init (TayoriCmsWordpressClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_cms_wordpress_finalize;
}

static void
tayori_cms_wordpress_init (TayoriCmsWordpress *self)
{
  g_mutex_init (&self->lock);
}

TayoriCmsWordpress *
tayori_cms_wordpress_new (const char       *site_url,
                          const char       *user,
                          const char       *application_password,
                          TayoriHttpClient *client)
{
  TayoriCmsWordpress *self;
  g_autofree char *credentials = NULL;

  g_return_val_if_fail (site_url != NULL, NULL);
  g_return_val_if_fail (user != NULL, NULL);
  g_return_val_if_fail (application_password != NULL, NULL);
  g_return_val_if_fail (TAYORI_IS_HTTP_CLIENT (client), NULL);

  self = g_object_new (TAYORI_TYPE_CMS_WORDPRESS, NULL);
  self->site_url = g_str_has_suffix (site_url, "/") ? g_strdup (site_url)
                                                    : g_strconcat (site_url, "/", NULL);
  self->user = g_strdup (user);
  self->password = g_strdup (application_password);
  credentials = g_strconcat (user, ":", application_password, NULL);
  self->token = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  memset (credentials, 0, strlen (credentials));
  self->client = g_object_ref (client);
  return self;
}

void
tayori_cms_wordpress_set_timeout (TayoriCmsWordpress *self,
                                  guint               seconds)
{
  g_return_if_fail (TAYORI_IS_CMS_WORDPRESS (self));
  self->timeout = seconds;
}

static void
keep_site (TayoriCmsWordpress *self,
           TayoriWpSite       *site)
{
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->site, tayori_wp_site_unref);
  self->site = tayori_wp_site_ref (site);
  g_mutex_unlock (&self->lock);
}

TayoriWpSite *
tayori_cms_wp_dup_site (TayoriCmsWordpress  *self,
                        GCancellable        *cancellable,
                        GError             **error)
{
  TayoriWpSite *site = NULL;

  g_mutex_lock (&self->lock);
  if (self->site != NULL)
    site = tayori_wp_site_ref (self->site);
  g_mutex_unlock (&self->lock);
  if (site != NULL)
    return site;

  /* Several threads may discover at once at first; the last answer is kept. */
  site = tayori_cms_wp_discover (self, cancellable, error);
  if (site != NULL)
    keep_site (self, site);
  return site;
}

/* "Test connection" always asks the site again: roles or the plugin may have changed. */
static TayoriCmsSiteInfo *
wordpress_discover (TayoriCmsConnector  *connector,
                    GCancellable        *cancellable,
                    GError             **error)
{
  TayoriCmsWordpress *self = TAYORI_CMS_WORDPRESS (connector);
  g_autoptr(TayoriWpSite) site = tayori_cms_wp_discover (self, cancellable, error);

  if (site == NULL)
    return NULL;
  keep_site (self, site);
  return tayori_cms_site_info_copy (site->info);
}

static void
connector_iface_init (TayoriCmsConnectorInterface *iface)
{
  iface->discover = wordpress_discover;
  iface->list_terms = tayori_cms_wp_list_terms;
  iface->upload_media = tayori_cms_wp_upload_media;
  iface->create_post = tayori_cms_wp_create_post;
  iface->update_post = tayori_cms_wp_update_post;
  iface->get_post = tayori_cms_wp_get_post;
  iface->find_by_client_id = tayori_cms_wp_find_by_client_id;
  iface->list_posts = tayori_cms_wp_list_posts;
  iface->review = tayori_cms_wp_review;
  iface->return_to_previous = tayori_cms_wp_return_to_previous;
  iface->set_status = tayori_cms_wp_set_status;
}
