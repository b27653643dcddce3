/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Character scripts, the prose text of a field and sentence splitting for the やさしい日本語
 * and readability checks. */
#include "tayori-easy-text.h"

#include "tayori-kanji-grade.h"

#include <string.h>

TayoriScript
tayori_script_of (gunichar c)
{
  if (tayori_is_kanji (c))
    return TAYORI_SCRIPT_KANJI;
  if (c >= 0x3041 && c <= 0x309F)
    return TAYORI_SCRIPT_HIRAGANA;
  if ((c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || (c >= 0x31F0 && c <= 0x31FF))
    return TAYORI_SCRIPT_KATAKANA;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
      (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
    return TAYORI_SCRIPT_ALPHABET;
  if ((c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19))
    return TAYORI_SCRIPT_DIGIT;
  return TAYORI_SCRIPT_OTHER;
}

/* Whether @tag (just after "<" or "</") names an element that ends a line of text. */
static gboolean
is_block_tag (const char *tag)
{
  static const char * const blocks[] = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
  };
  gsize n = strspn (tag, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

  for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (strlen (blocks[i]) == n && g_ascii_strncasecmp (tag, blocks[i], n) == 0)
      return TRUE;
  return FALSE;
}

TayoriProseText *
tayori_prose_text_new (TayoriCheckDocument *document,
                       const char          *field)
{
  TayoriProseText *self = g_new0 (TayoriProseText, 1);
  const char *source = tayori_check_document_get_text (document, field);
  gsize length = strlen (source);
  gsize n = 0;

  self->text = g_string_sized_new (length);
  self->source = g_new (gsize, length + 1);
  for (gsize i = 0; i < length; i = g_utf8_next_char (source + i) - source)
    {
      gsize char_length = g_utf8_next_char (source + i) - (source + i);
      gboolean prose = tayori_check_document_is_prose (document, field, i, i + char_length);

      if (source[i] == '\n' || (source[i] == '|' && !prose) ||
          (source[i] == '<' && !prose && is_block_tag (source + i + 1 + (source[i + 1] == '/'))))
        {
          g_string_append_c (self->text, '\n');
          self->source[n++] = i;
        }
      else if (prose)
        {
          g_string_append_len (self->text, source + i, char_length);
          for (gsize k = 0; k < char_length; k++)
            self->source[n++] = i + k;
        }
    }
  self->source[n] = length;
  return self;
}

void
tayori_prose_text_free (TayoriProseText *self)
{
  g_string_free (self->text, TRUE);
  g_free (self->source);
  g_free (self);
}

void
tayori_prose_text_to_source (TayoriProseText *self,
                             gsize            start,
                             gsize            end,
                             gsize           *source_start,
                             gsize           *source_end)
{
  g_return_if_fail (start < end && end <= self->text->len);

  *source_start = self->source[start];
  *source_end = self->source[end - 1] + 1;
}

/* Length of the closing bracket at @text, 0 when there is none. */
static gsize
closing_bracket_length (const char *text,
                        gsize       length)
{
  static const char * const brackets[] = { ")", "」", "）", "』", "】" };

  for (guint i = 0; i < G_N_ELEMENTS (brackets); i++)
    {
      gsize n = strlen (brackets[i]);

      if (n <= length && memcmp (text, brackets[i], n) == 0)
        return n;
    }
  return 0;
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == '\n';
}

GArray *
tayori_sentences_split (const char *text,
                        gsize       length)
{
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (TayoriSentence));
  TayoriSentence current = { 0 };
  gboolean open = FALSE;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize offset = p - text;
      gsize next = g_utf8_next_char (p) - text;

      if (!g_unichar_isspace (c))
        {
          if (!open)
            {
              current.start = offset;
              current.n_characters = 0;
              open = TRUE;
            }
          current.end = next;
          current.n_characters++;
        }
      if (open && is_sentence_end (c))
        {
          gsize bracket;

          /* 「…。」 and （…！） keep their closing bracket. */
          while (c != '\n' && (bracket = closing_bracket_length (text + next, length - next)) > 0)
            {
              p = text + next;
              next += bracket;
              current.end = next;
              current.n_characters++;
            }
          g_array_append_val (sentences, current);
          open = FALSE;
        }
    }
  if (open)
    g_array_append_val (sentences, current);
  return sentences;
}
