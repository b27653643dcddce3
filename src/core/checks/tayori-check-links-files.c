/* SPDX-License-Identifier: GPL-3.0-or-later */
/* link-file-format: links to PDF and Office files must say the file's format and size, in the
 * link text or right after it. When the file is one of the article's attachments, the fix
 * appends "（PDF形式：123KB）" from it. */
#include <string.h>

#include "tayori-check-structure-private.h"

#define RULE_FILES "link-file-format"
/* How far after a link its format and size may be written */
#define DESCRIPTION_CHARS 30

static const char * const default_extensions[] = {
  "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "csv", "zip",
  "jtd", "rtf", NULL,
};

static gpointer
compile_regexes (gpointer data)
{
  GRegex **regexes = g_new0 (GRegex *, 2);

  /* Matched against NFKC, case-folded text: "１．２ＭＢ" and "㎅" arrive as "1.2mb" and "kb" */
  regexes[0] = g_regex_new ("[0-9]+(?:[.,][0-9]+)?\\s*(?:kib|mib|kb|mb|gb|k|m|キロバイト|メガバイト|"
                            "ギガバイト|バイト|bytes?)(?![a-z])",
                            G_REGEX_OPTIMIZE, 0, NULL);
  regexes[1] = g_regex_new ("pdf|word|excel|powerpoint|csv|zip|odt|ods|odp|docx?|xlsx?|pptx?|jtd|rtf|"
                            "一太郎|ワード|エクセル|パワーポイント|テキスト|形式",
                            G_REGEX_OPTIMIZE, 0, NULL);
  return regexes;
}

/* TRUE when @text names a file format and a size */
static gboolean
describes_file (const char *text)
{
  static GOnce once = G_ONCE_INIT;
  GRegex **regexes = g_once (&once, compile_regexes, NULL);
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc != NULL ? nfkc : text, -1);

  return g_regex_match (regexes[0], folded, 0, NULL) && g_regex_match (regexes[1], folded, 0, NULL);
}

static gboolean
is_hash (const char *text)
{
  return strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;
}

/* The attachment @target points at: "tayori-media:HASH", the media store's "HASH.pdf", or a
 * path ending in the attachment's file name. */
static const TayoriAttachment *
find_attachment (TayoriCheckDocument *document,
                 const char          *target)
{
  GPtrArray *attachments = tayori_article_get_attachments (tayori_check_document_get_article (document));
  g_autofree char *basename = tayori_structure_target_basename (target);
  g_autofree char *stem = g_strndup (basename, strcspn (basename, "."));

  for (guint i = 0; i < attachments->len; i++)
    {
      const TayoriAttachment *attachment = g_ptr_array_index (attachments, i);

      if ((is_hash (stem) && g_strcmp0 (attachment->hash, stem) == 0) ||
          (basename[0] != '\0' && g_strcmp0 (attachment->name, basename) == 0))
        return attachment;
    }
  return NULL;
}

/* The lower-case extension of @target's file name when it is one of @extensions, else NULL */
static char *
listed_extension (const char         *target,
                  const char * const *extensions)
{
  g_autofree char *basename = tayori_structure_target_basename (target);
  const char *dot = strrchr (basename, '.');

  if (dot == NULL)
    return NULL;
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_ascii_strcasecmp (extensions[i], dot + 1) == 0)
      return g_ascii_strdown (dot + 1, -1);
  return NULL;
}

static void
check_link (TayoriCheckDocument *document,
            guint                index,
            const char * const  *extensions,
            GPtrArray           *findings)
{
  const TayoriCheckElement *element = tayori_check_document_get_element (document, index);
  const char *body = tayori_check_document_get_text (document, "body");
  g_autofree char *target = tayori_structure_dup_target (document, element);
  g_autofree char *extension = NULL;
  g_autofree char *name = NULL;
  g_autofree char *after = NULL;
  g_autofree char *said = NULL;
  g_autofree char *format = NULL;
  const TayoriAttachment *attachment;
  TayoriFinding *finding;

  if (target == NULL)
    return;
  attachment = find_attachment (document, target);
  extension = listed_extension (attachment != NULL ? attachment->name : target, extensions);
  if (extension == NULL)
    return;

  name = tayori_structure_dup_name (document, index);
  after = tayori_structure_dup_text_after (document, element, DESCRIPTION_CHARS);
  said = g_strconcat (name, " ", after, NULL);
  if (describes_file (said))
    return;

  format = g_ascii_strup (extension, -1);
  finding = tayori_structure_finding_new (RULE_FILES, element);
  tayori_finding_set_arg (finding, "format", format);
  tayori_finding_set_arg (finding, "text", name);
  /* The fix rewrites the link as itself followed by the description */
  if (attachment != NULL && tayori_structure_has_own_range (document, element))
    {
      g_autofree char *description = tayori_attachment_describe (attachment);
      g_autofree char *link = g_strndup (body + element->source_start,
                                         element->source_end - element->source_start);
      g_autofree char *fix = g_strconcat (link, "（", description, "）", NULL);

      tayori_finding_set_fix (finding, fix);
    }
  g_ptr_array_add (findings, finding);
}

void
tayori_check_links_files (TayoriCheckDocument *document,
                          TayoriCheckSettings *settings,
                          GArray              *links,
                          GPtrArray           *findings)
{
  const char * const *extensions = tayori_check_settings_get_list (settings, RULE_FILES, "extensions");

  for (guint i = 0; i < links->len; i++)
    check_link (document, g_array_index (links, guint, i),
                extensions != NULL ? extensions : default_extensions, findings);
}
