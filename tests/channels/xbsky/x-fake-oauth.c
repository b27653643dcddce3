/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake X's OAuth 2.0 endpoints: the authorize page and the token endpoint of a public
 * client, with the PKCE S256 check and rotating refresh tokens. */
#include "x-fake-private.h"
#include "soup-thread-server.h"

static gboolean
is_base64url (const char *text,
              gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static char *
s256 (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  char *text;

  g_checksum_update (checksum, (const guchar *) verifier, -1);
  g_checksum_get_digest (checksum, digest, &length);
  text = g_base64_encode (digest, length);
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  *strchr (text, '=') = '\0';
  return text;
}

void
x_fake_authorize (XFake             *fake,
                  SoupServerMessage *message)
{
  g_autoptr(GHashTable) query = soup_form_decode (
    g_uri_get_query (soup_server_message_get_uri (message)));
  const char *redirect = g_hash_table_lookup (query, "redirect_uri");
  const char *state = g_hash_table_lookup (query, "state");
  const char *challenge = g_hash_table_lookup (query, "code_challenge");
  g_auto(GStrv) scopes = g_strsplit (X_FAKE_SCOPES, " ", -1);
  g_auto(GStrv) asked = g_strsplit (g_hash_table_lookup (query, "scope") ?: "", " ", -1);
  g_autofree char *code = g_strdup_printf ("code-%u", ++fake->serial);
  g_autofree char *location = NULL;

  if (g_strcmp0 (g_hash_table_lookup (query, "response_type"), "code") != 0 ||
      g_strcmp0 (g_hash_table_lookup (query, "client_id"), X_FAKE_CLIENT_ID) != 0 ||
      g_strcmp0 (g_hash_table_lookup (query, "code_challenge_method"), "S256") != 0 ||
      !is_base64url (challenge, 43) || state == NULL || *state == '\0' || redirect == NULL ||
      !g_regex_match_simple ("^http://127\\.0\\.0\\.1:[0-9]+/callback$", redirect, 0, 0))
    return fake_log_refuse (&fake->log, message, "authorize: bad query %s",
                            g_uri_get_query (soup_server_message_get_uri (message)));
  for (guint i = 0; scopes[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) asked, scopes[i]))
      return fake_log_refuse (&fake->log, message, "authorize: scope %s missing", scopes[i]);

  g_hash_table_insert (fake->codes, g_strdup (code),
                       g_strdup_printf ("%s %s", challenge, redirect));
  location = g_strdup_printf ("%s?state=%s&code=%s", redirect,
                              fake->tamper ? "forged-state" : state, code);
  soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, location);
}

void
x_fake_rotate (XFake *fake)
{
  fake->serial++;
  g_free (fake->access);
  g_free (fake->refresh);
  fake->access = g_strdup_printf ("x-access-%u", fake->serial);
  fake->refresh = g_strdup_printf ("x-refresh-%u", fake->serial);
}

/* With the lock held. */
static void
reply_tokens (XFake             *fake,
              SoupServerMessage *message)
{
  g_autofree char *body = NULL;

  x_fake_rotate (fake);
  body = g_strdup_printf ("{\"token_type\": \"bearer\", \"expires_in\": 7200, "
                          "\"access_token\": \"%s\", \"scope\": \"%s\", "
                          "\"refresh_token\": \"%s\"}", fake->access, X_FAKE_SCOPES, fake->refresh);
  fake_reply_text (message, 200, body);
}

void
x_fake_token (XFake             *fake,
              SoupServerMessage *message)
{
  g_autofree char *text = soup_thread_server_request_text (message);
  g_autoptr(GHashTable) form = soup_form_decode (text);
  const char *grant = g_hash_table_lookup (form, "grant_type");
  const char *invalid = "{\"error\": \"invalid_request\", "
                        "\"error_description\": \"Value passed for the token was invalid.\"}";

  if (g_strcmp0 (soup_message_headers_get_content_type (
                   soup_server_message_get_request_headers (message), NULL),
                 "application/x-www-form-urlencoded") != 0 ||
      g_strcmp0 (g_hash_table_lookup (form, "client_id"), X_FAKE_CLIENT_ID) != 0 ||
      fake_bearer (message) != NULL)
    return fake_log_refuse (&fake->log, message, "token: not a public client's form: %s", text);
  if (g_strcmp0 (grant, "authorization_code") == 0)
    {
      const char *code = g_hash_table_lookup (form, "code");
      const char *verifier = g_hash_table_lookup (form, "code_verifier");
      g_autofree char *expected = NULL;
      g_autofree char *challenge = verifier != NULL ? s256 (verifier) : NULL;
      const char *issued = code != NULL ? g_hash_table_lookup (fake->codes, code) : NULL;

      if (issued == NULL || verifier == NULL)
        return fake_log_refuse (&fake->log, message, "token: unknown code or no verifier");
      expected = g_strdup_printf ("%s %s", challenge,
                                  (char *) g_hash_table_lookup (form, "redirect_uri"));
      if (g_strcmp0 (expected, issued) != 0)
        return fake_log_refuse (&fake->log, message, "token: PKCE or redirect_uri mismatch");
      g_hash_table_remove (fake->codes, code);
      return reply_tokens (fake, message);
    }
  if (g_strcmp0 (grant, "refresh_token") == 0)
    {
      if (fake->refresh == NULL ||
          g_strcmp0 (g_hash_table_lookup (form, "refresh_token"), fake->refresh) != 0)
        return fake_reply_text (message, 400, invalid);
      return reply_tokens (fake, message);
    }
  fake_log_refuse (&fake->log, message, "token: grant_type %s", grant);
}

/* With the lock held: POST /2/media/upload, multipart with the image and its category. */