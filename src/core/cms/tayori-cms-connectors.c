/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one table of CMS connector types, and the HTTPS-or-loopback rule every connector
 * applies before sending a secret. */
#include <glib/gi18n.h>

#include "tayori-cms-connector.h"
#include "tayori-cms-error.h"
#include "tayori-cms-private.h"
#include "tayori-cms-wordpress.h"

static TayoriCmsConnector *
new_wordpress (const TayoriAccount *account,
               const char          *secret,
               TayoriHttpClient    *client)
{
  return TAYORI_CMS_CONNECTOR (tayori_cms_wordpress_new (account->url, account->user, secret,
                                                         client));
}

static const struct {
  const char *type;
  TayoriCmsConnector *(*create) (const TayoriAccount *account,
                                 const char          *secret,
                                 TayoriHttpClient    *client);
} connector_types[] = {
  { "wordpress", new_wordpress },
};

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
tayori_cms_check_url (const char  *url,
                      GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address"), url);
      return FALSE;
    }
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0 ||
      (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (host)))
    return TRUE;
  g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_INSECURE,
               _("“%s” does not use HTTPS: the password would travel unprotected"), url);
  return FALSE;
}

TayoriCmsConnector *
tayori_cms_connector_new_for_account (const TayoriAccount  *account,
                                      const char           *secret,
                                      TayoriHttpClient     *client,
                                      GError              **error)
{
  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (TAYORI_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (connector_types); i++)
    {
      if (g_strcmp0 (account->type, connector_types[i].type) != 0)
        continue;
      if (account->url == NULL || !tayori_cms_check_url (account->url, error))
        {
          if (account->url == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("The account “%s” has no site address"), account->name);
          return NULL;
        }
      return connector_types[i].create (account, secret != NULL ? secret : "", client);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Tayori has no connector for CMS type “%s”"),
               account->type != NULL ? account->type : "");
  return NULL;
}
