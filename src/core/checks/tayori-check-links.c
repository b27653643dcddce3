/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The links of the municipal-structure family: links without text or with text that does not
 * say where they go, adjacent links to one place, unannounced new windows; file links and
 * phone numbers live in tayori-check-links-files.c and -phones.c. */
#include <string.h>

#include "tayori-checker.h"
#include "tayori-check-structure-private.h"

#define RULE_EMPTY      "link-empty"
#define RULE_VAGUE      "link-vague-text"
#define RULE_ADJACENT   "link-duplicate-adjacent"
#define RULE_FILES      "link-file-format"
#define RULE_PHONE      "link-phone-not-tel"
#define RULE_NEW_WINDOW "link-new-window"

/* Characters a link's text must reach (white space and punctuation not counted) */
#define DEFAULT_MIN_LENGTH 4
/* How far after a link an announcement such as "(opens in a new window)" may be */
#define ANNOUNCEMENT_CHARS 24

static const char * const default_vague_words[] = {
  "こちら", "ここ", "コチラ", "ココ", "詳細", "詳しく", "詳細はこちら", "詳しくはこちら",
  "こちらをクリック", "ここをクリック", "クリック", "リンク", "次へ", "続き", "続きを読む",
  "もっと見る", "here", "click here", "more", "read more", "details", "more details",
  "more information", "link", "this link", NULL,
};

/* Words that only glue a vague link text together: "詳しくは" + "こちら" + "をご覧ください".
 * A text made of nothing else says nothing about where the link goes. */
static const char * const filler_words[] = {
  "詳しくは", "くわしくは", "詳細は", "詳細を", "ご覧ください", "ごらんください", "ご覧下さい",
  "ご確認ください", "してください", "下さい", "ください", "から", "まで", "この", "その",
  "ページ", "へ", "を", "は", "で", "に", "の", "information", "please", "click", "info",
  "page", "read", "this", "see", "for", "the", "to", NULL,
};

static const char * const default_window_words[] = {
  "新しいウィンドウ", "新規ウィンドウ", "別ウィンドウ", "別窓", "新しいタブ", "新規タブ",
  "別タブ", "外部サイト", "外部リンク", "new window", "new tab", "external", NULL,
};

struct _TayoriCheckLinks
{
  GObject parent_instance;
};

#define TAYORI_TYPE_CHECK_LINKS (tayori_check_links_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckLinks, tayori_check_links, TAYORI, CHECK_LINKS, GObject)

static void tayori_check_links_checker_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckLinks, tayori_check_links, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER,
                                                      tayori_check_links_checker_init))

/* NFKC, case-folded, without white space, punctuation and symbols: "【こちら】" → "こちら" */
static char *
normalise (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (nfkc != NULL ? nfkc : text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!tayori_structure_is_space (c) && !g_unichar_ispunct (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  return (int) strlen (*(const char * const *) b) - (int) strlen (*(const char * const *) a);
}

/* @words normalised, longest first, so that "詳しくはこちら" goes before "こちら" */
static GPtrArray *
normalise_words (const char * const *words)
{
  GPtrArray *normalised = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word = normalise (words[i]);

      if (word[0] != '\0')
        g_ptr_array_add (normalised, word);
      else
        g_free (word);
    }
  g_ptr_array_sort (normalised, compare_longest_first);
  return normalised;
}

static void
remove_all (GString    *text,
            const char *word)
{
  gsize n = strlen (word);

  for (char *p = strstr (text->str, word); p != NULL; p = strstr (text->str, word))
    g_string_erase (text, p - text->str, n);
}

/* TRUE when @normalised holds a vague word and nothing else but fillers */
static gboolean
is_vague (const char *normalised,
          GPtrArray  *vague_words,
          GPtrArray  *fillers)
{
  g_autoptr(GString) rest = g_string_new (normalised);

  for (guint i = 0; i < vague_words->len; i++)
    remove_all (rest, g_ptr_array_index (vague_words, i));
  if (rest->len == strlen (normalised))
    return FALSE;
  for (guint i = 0; i < fillers->len; i++)
    remove_all (rest, g_ptr_array_index (fillers, i));
  return rest->len == 0;
}

static void
add_finding (GPtrArray                *findings,
             const char               *rule_id,
             const TayoriCheckElement *element,
             const char               *text)
{
  TayoriFinding *finding = tayori_structure_finding_new (rule_id, element);

  tayori_finding_set_arg (finding, "text", text);
  g_ptr_array_add (findings, finding);
}

static void
check_text (TayoriCheckDocument *document,
            TayoriCheckSettings *settings,
            GArray              *links,
            GPtrArray           *findings)
{
  const char * const *words = tayori_check_settings_get_list (settings, RULE_VAGUE, "words");
  gint64 min_length = tayori_check_settings_get_int (settings, RULE_VAGUE, "min-length",
                                                     DEFAULT_MIN_LENGTH);
  g_autoptr(GPtrArray) vague_words = normalise_words (words != NULL ? words : default_vague_words);
  g_autoptr(GPtrArray) fillers = normalise_words (filler_words);
  gboolean empty_enabled = tayori_check_settings_is_enabled (settings, RULE_EMPTY);
  gboolean vague_enabled = tayori_check_settings_is_enabled (settings, RULE_VAGUE);

  for (guint i = 0; i < links->len; i++)
    {
      guint index = g_array_index (links, guint, i);
      const TayoriCheckElement *element = tayori_check_document_get_element (document, index);
      g_autofree char *name = tayori_structure_dup_name (document, index);
      g_autofree char *normalised = normalise (name);

      if (name[0] == '\0')
        {
          if (empty_enabled)
            add_finding (findings, RULE_EMPTY, element, "");
        }
      else if (vague_enabled &&
               (is_vague (normalised, vague_words, fillers) ||
                g_utf8_strlen (normalised, -1) < min_length))
        add_finding (findings, RULE_VAGUE, element, name);
    }
}

/* The text between the brackets of a Markdown link, or between the tags of an HTML one */
static gboolean
link_content (TayoriCheckDocument      *document,
              const TayoriCheckElement *element,
              gsize                    *start,
              gsize                    *end)
{
  const char *body = tayori_check_document_get_text (document, "body");
  TayoriStructureLink link;
  char quote = 0;

  if (tayori_check_document_get_kind (document) == TAYORI_CHECK_SOURCE_MARKDOWN)
    {
      if (!tayori_structure_parse_link (body, element->source_start, element->source_end, &link) ||
          !link.inline_link)
        return FALSE;
      *start = link.text_start;
      *end = link.text_end;
      return TRUE;
    }
  if (element->source_end - element->source_start < 4 ||
      g_ascii_strncasecmp (body + element->source_end - 4, "</a>", 4) != 0)
    return FALSE;
  *end = element->source_end - 4;
  /* After the start tag's '>', quoted attribute values skipped */
  for (gsize p = element->source_start; p < *end; p++)
    {
      if (quote != 0)
        quote = body[p] == quote ? 0 : quote;
      else if (body[p] == '"' || body[p] == '\'')
        quote = body[p];
      else if (body[p] == '>')
        {
          *start = p + 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* One link holding both contents: "[![map](map.png) Map](url)" for two adjacent links */
static char *
merge_links (TayoriCheckDocument      *document,
             const TayoriCheckElement *first,
             const TayoriCheckElement *second)
{
  const char *body = tayori_check_document_get_text (document, "body");
  gsize first_start, first_end, second_start, second_end;
  GString *merged;

  if (!link_content (document, first, &first_start, &first_end) ||
      !link_content (document, second, &second_start, &second_end))
    return NULL;
  merged = g_string_new_len (body + first->source_start, first_end - first->source_start);
  g_string_append_len (merged, body + first->source_end, second->source_start - first->source_end);
  g_string_append_len (merged, body + second_start, second_end - second_start);
  g_string_append_len (merged, body + first_end, first->source_end - first_end);
  return g_string_free (merged, FALSE);
}

static void
check_adjacent (TayoriCheckDocument *document,
                GArray              *links,
                GPtrArray           *findings)
{
  const char *body = tayori_check_document_get_text (document, "body");

  for (guint i = 1; i < links->len; i++)
    {
      guint a = g_array_index (links, guint, i - 1), b = g_array_index (links, guint, i);
      const TayoriCheckElement *first = tayori_check_document_get_element (document, a);
      const TayoriCheckElement *second = tayori_check_document_get_element (document, b);
      g_autofree char *first_target = tayori_structure_dup_target (document, first);
      g_autofree char *second_target = tayori_structure_dup_target (document, second);
      g_autofree char *name = NULL;
      g_autofree char *fix = NULL;
      TayoriFinding *finding;

      if (first_target == NULL || g_strcmp0 (first_target, second_target) != 0 ||
          first->source_end > second->source_start ||
          !tayori_structure_has_own_range (document, first) ||
          !tayori_structure_has_own_range (document, second) ||
          !tayori_structure_is_blank (body + first->source_end, second->source_start - first->source_end))
        continue;
      name = tayori_structure_dup_name (document, b);
      finding = tayori_finding_new (RULE_ADJACENT, "body", first->source_start, second->source_end);
      tayori_finding_set_selector (finding, second->selector);
      tayori_finding_set_arg (finding, "text", name);
      fix = merge_links (document, first, second);
      if (fix != NULL)
        tayori_finding_set_fix (finding, fix);
      g_ptr_array_add (findings, finding);
    }
}

static gboolean
contains_any (const char *normalised,
              GPtrArray  *words)
{
  for (guint i = 0; i < words->len; i++)
    if (strstr (normalised, g_ptr_array_index (words, i)) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
opens_new_window (const char *target)
{
  return target != NULL && target[0] != '\0' && g_ascii_strcasecmp (target, "_self") != 0 &&
         g_ascii_strcasecmp (target, "_parent") != 0 && g_ascii_strcasecmp (target, "_top") != 0;
}

static void
check_new_window (TayoriCheckDocument *document,
                  TayoriCheckSettings *settings,
                  GArray              *links,
                  GPtrArray           *findings)
{
  const char * const *words = tayori_check_settings_get_list (settings, RULE_NEW_WINDOW, "words");
  g_autoptr(GPtrArray) announcements = normalise_words (words != NULL ? words : default_window_words);

  for (guint i = 0; i < links->len; i++)
    {
      guint index = g_array_index (links, guint, i);
      const TayoriCheckElement *element = tayori_check_document_get_element (document, index);
      g_autofree char *target = tayori_structure_dup_attribute (document, element, "target");
      g_autofree char *title = NULL;
      g_autofree char *name = NULL;
      g_autofree char *after = NULL;
      g_autofree char *said = NULL;
      g_autofree char *normalised = NULL;

      if (!opens_new_window (target))
        continue;
      title = tayori_structure_dup_attribute (document, element, "title");
      name = tayori_structure_dup_name (document, index);
      after = tayori_structure_dup_text_after (document, element, ANNOUNCEMENT_CHARS);
      said = g_strjoin (" ", name, title != NULL ? title : "", after, NULL);
      normalised = normalise (said);
      if (!contains_any (normalised, announcements))
        add_finding (findings, RULE_NEW_WINDOW, element, name);
    }
}

/* Indices of the elements that are links: every Markdown link; in HTML, a elements with href */
static GArray *
collect_links (TayoriCheckDocument *document)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean html = tayori_check_document_get_kind (document) == TAYORI_CHECK_SOURCE_HTML;

  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    {
      const TayoriCheckElement *element = tayori_check_document_get_element (document, i);

      if (strcmp (element->tag, "a") == 0 &&
          (!html || tayori_check_element_get_attribute (element, "href") != NULL))
        g_array_append_val (links, i);
    }
  return links;
}

static void
tayori_check_links_check (TayoriChecker       *checker,
                          TayoriCheckDocument *document,
                          TayoriCheckSettings *settings,
                          GPtrArray           *findings,
                          GCancellable        *cancellable)
{
  g_autoptr(GArray) links = collect_links (document);

  check_text (document, settings, links, findings);
  if (tayori_check_settings_is_enabled (settings, RULE_ADJACENT))
    check_adjacent (document, links, findings);
  if (tayori_check_settings_is_enabled (settings, RULE_NEW_WINDOW))
    check_new_window (document, settings, links, findings);
  if (g_cancellable_is_cancelled (cancellable))
    return;
  if (tayori_check_settings_is_enabled (settings, RULE_FILES))
    tayori_check_links_files (document, settings, links, findings);
  if (tayori_check_settings_is_enabled (settings, RULE_PHONE))
    tayori_check_links_phones (document, links, findings);
}

static const char *
tayori_check_links_get_family (TayoriChecker *checker)
{
  return TAYORI_STRUCTURE_FAMILY;
}

static void
tayori_check_links_checker_init (TayoriCheckerInterface *iface)
{
  iface->get_family = tayori_check_links_get_family;
  iface->check = tayori_check_links_check;
}

static void
tayori_check_links_class_init (TayoriCheckLinksClass *klass)
{
}

static void
tayori_check_links_init (TayoriCheckLinks *self)
{
}

TayoriChecker *
tayori_check_links_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECK_LINKS, NULL);
}
