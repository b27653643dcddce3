/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the municipal-text and dates checkers (see tayori-japanese-text.h). */
#include "tayori-japanese-text.h"

GRegex *
tayori_ja_regex_get (GRegex     **slot,
                     const char  *pattern)
{
  if (g_once_init_enter (slot))
    {
      g_autoptr(GError) error = NULL;
      GRegex *regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);

      if (regex == NULL)
        g_error ("bad check pattern %s: %s", pattern, error->message);
      g_once_init_leave (slot, regex);
    }
  return *slot;
}

void
tayori_ja_foreach_prose_match (TayoriCheckDocument *document,
                               const char          *field,
                               const GRegex        *regex,
                               TayoriJaMatchFunc    func,
                               gpointer             user_data)
{
  const char *text = tayori_check_document_get_text (document, field);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      gsize start, end;

      if (tayori_ja_match_range (match, 0, &start, &end)
          && tayori_check_document_is_prose (document, field, start, end))
        func (field, text, match, user_data);
      g_match_info_next (match, NULL);
    }
}

gboolean
tayori_ja_match_range (const GMatchInfo *match,
                       int               group,
                       gsize            *start,
                       gsize            *end)
{
  int s, e;

  if (!g_match_info_fetch_pos (match, group, &s, &e) || s < 0)
    return FALSE;
  *start = s;
  *end = e;
  return TRUE;
}

int
tayori_ja_parse_number (const char *text,
                        gsize       start,
                        gsize       end)
{
  const char *p = text + start;
  int value = 0;
  gboolean any = FALSE;

  while (p < text + end)
    {
      int digit = g_unichar_digit_value (g_utf8_get_char (p));

      if (digit < 0 || value > G_MAXINT / 10 - 1)
        return -1;
      value = value * 10 + digit;
      any = TRUE;
      p = g_utf8_next_char (p);
    }
  return any ? value : -1;
}

char *
tayori_ja_nfkc (const char *text,
                gssize      length)
{
  return g_utf8_normalize (text, length, G_NORMALIZE_NFKC);
}

TayoriFinding *
tayori_ja_add_finding (GPtrArray  *findings,
                       const char *rule_id,
                       const char *field,
                       const char *text,
                       gsize       start,
                       gsize       end)
{
  TayoriFinding *finding = tayori_finding_new (rule_id, field, start, end);
  g_autofree char *span = g_strndup (text + start, end - start);

  tayori_finding_set_arg (finding, "text", span);
  g_ptr_array_add (findings, finding);
  return finding;
}
