/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whether an AI endpoint may be used: a known type and auth, an address that keeps the text
 * encrypted on the network, and no key anywhere in its configuration. */
#include <glib/gi18n.h>
#include <gio/gio.h>
#include "tayori-ai-endpoint.h"

static const char * const kinds[] = { "openai", "anthropic", "sdwebui", NULL };
static const char * const auths[] = { "bearer", "api-key", "x-api-key", "none", NULL };
/* Headers that carry keys: keys belong in the keyring, never in a configuration file. */
static const char * const secret_headers[] = { "authorization", "api-key", "x-api-key",
                                               "proxy-authorization", "cookie", NULL };

/* https anywhere; plain http only to this machine (a local Ollama or llama.cpp server). */
static gboolean
check_url (const char  *name,
           const char  *base_url,
           GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (base_url == NULL || base_url[0] == '\0')
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   _("The AI endpoint “%s” has no base-url"), name);
      return FALSE;
    }
  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (host == NULL || host[0] == '\0' ||
      (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("The base-url of the AI endpoint “%s” is not a web address: %s"),
                   name, base_url);
      return FALSE;
    }
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("The base-url of the AI endpoint “%s” contains a user name or password; "
                     "store the key in the keyring instead"), name);
      return FALSE;
    }
  if (g_str_equal (scheme, "http") &&
      !g_str_equal (host, "127.0.0.1") && !g_str_equal (host, "::1") &&
      g_ascii_strcasecmp (host, "localhost") != 0)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("The AI endpoint “%s” must use https (plain http is only allowed to this "
                     "computer: 127.0.0.1, ::1 or localhost)"), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_headers (const char          *name,
               const char * const  *headers,
               GError             **error)
{
  for (guint i = 0; headers[i] != NULL; i++)
    {
      const char *colon = strchr (headers[i], ':');
      g_autofree char *header = NULL;

      if (colon != NULL)
        header = g_strstrip (g_ascii_strdown (headers[i], colon - headers[i]));
      if (header == NULL || header[0] == '\0' || strpbrk (header, " \t\r\n") != NULL ||
          strpbrk (colon, "\r\n") != NULL)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("The header “%s” of the AI endpoint “%s” is not of the form “Name: value”"),
                       headers[i], name);
          return FALSE;
        }
      if (g_strv_contains (secret_headers, header))
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("The AI endpoint “%s” sets the header “%s” in its configuration; keys "
                         "belong in the keyring, not in a file"), name, header);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
tayori_ai_endpoint_validate (TayoriAiEndpoint  *self,
                             GError           **error)
{
  const char *name;
  const char *kind;
  const char *auth;

  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), FALSE);

  name = tayori_ai_endpoint_get_name (self);
  kind = tayori_ai_endpoint_get_kind (self);
  auth = tayori_ai_endpoint_get_auth (self);
  if (name == NULL || name[0] == '\0' || strpbrk (name, "[]\r\n") != NULL)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("An AI endpoint needs a name without brackets"));
      return FALSE;
    }
  if (kind == NULL || !g_strv_contains (kinds, kind))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("The AI endpoint “%s” has the unknown type “%s” (known: openai, anthropic, sdwebui)"),
                   name, kind != NULL ? kind : "");
      return FALSE;
    }
  if (auth == NULL || !g_strv_contains (auths, auth))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("The AI endpoint “%s” has the unknown auth “%s” (known: bearer, api-key, x-api-key, none)"),
                   name, auth != NULL ? auth : "");
      return FALSE;
    }
  return check_url (name, tayori_ai_endpoint_get_base_url (self), error) &&
         check_headers (name, tayori_ai_endpoint_get_headers (self), error);
}
