/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The WordPress connector: REST API v2 with Application Passwords (Basic auth over HTTPS; plain
 * HTTP only to loopback), site discovery (/wp-json/, or ?rest_route= without pretty
 * permalinks), and the tayori-connector plugin's routes (namespace "tayori/v1") for meta,
 * contributor media and reviews. */
#pragma once

#include "tayori-cms-connector.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_CMS_WORDPRESS (tayori_cms_wordpress_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCmsWordpress, tayori_cms_wordpress, TAYORI, CMS_WORDPRESS, GObject)

/* @site_url: the site's address as people type it ("https://www.city.example.jp/chuo/"). */
TayoriCmsWordpress *tayori_cms_wordpress_new (const char       *site_url,
                                              const char       *user,
                                              const char       *application_password,
                                              TayoriHttpClient *client);
/* For tests: the whole-request timeout in seconds for every call (0 = the defaults: 60 s, media
 * uploads 120 s). The connect timeout stays 10 s. */
void                tayori_cms_wordpress_set_timeout (TayoriCmsWordpress *self,
                                                      guint               seconds);

G_END_DECLS
