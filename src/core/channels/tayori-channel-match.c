/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Comparing a post found on an account with the one Tayori tried to send, for reconciling
 * attempts whose outcome is unknown; and the failures that need no reconciling. */
#include "tayori-channel-match.h"
#include "tayori-channel.h"
#include "tayori-check-markdown-scan.h"

static const struct {
  const char *entity;
  char        c;
} entities[] = {
  { "&amp;", '&' },
  { "&lt;",  '<' },
  { "&gt;",  '>' },
};

/* Appends the entity at @p decoded; returns its length, or 0 when there is none. */
static gsize
decode_entity (const char *p,
               GString    *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_has_prefix (p, entities[i].entity))
      {
        g_string_append_c (out, entities[i].c);
        return strlen (entities[i].entity);
      }
  return 0;
}

static char *
comparable (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFC);
  g_autoptr(GString) decoded = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  TayoriMdSource src;

  if (nfc == NULL)
    return g_string_free (out, FALSE);
  for (const char *p = nfc; *p != '\0';)
    {
      gsize skip = *p == '&' ? decode_entity (p, decoded) : 0;

      if (skip == 0)
        g_string_append_c (decoded, *p++);
      else
        p += skip;
    }

  src.text = decoded->str;
  src.length = decoded->len;
  for (gsize i = 0; i < decoded->len;)
    {
      gsize url_end = tayori_md_bare_url_end (&src, i, src.length);
      const char *p = decoded->str + i;

      if (url_end != 0)
        i = url_end;
      else if (g_unichar_isspace (g_utf8_get_char (p)))
        i = g_utf8_next_char (p) - decoded->str;
      else
        {
          gsize next = g_utf8_next_char (p) - decoded->str;

          g_string_append_len (out, p, next - i);
          i = next;
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
tayori_channel_text_matches (const char *remote,
                             const char *wanted)
{
  g_autofree char *a = comparable (remote);
  g_autofree char *b = comparable (wanted);

  return strcmp (a, b) == 0;
}

gboolean
tayori_channel_text_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

void
tayori_channel_error_nothing_posted (GError   **error,
                                     gboolean   refusal_is_auth)
{
  GError *e = error != NULL ? *error : NULL;

  if (e == NULL || e->domain != TAYORI_CHANNEL_ERROR)
    return;
  if (refusal_is_auth &&
      (e->code == TAYORI_CHANNEL_ERROR_CONTENT || e->code == TAYORI_CHANNEL_ERROR_FORBIDDEN))
    e->code = TAYORI_CHANNEL_ERROR_AUTH;
  else if (e->code == TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME)
    {
      *error = tayori_channel_error_new_retry_later (0, e->message);
      g_error_free (e);
    }
}
