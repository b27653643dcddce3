/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document structure of the municipal-structure family: tables without caption or header
 * cells, heading levels (the title is h1, so the body starts at h2), emphasis overuse, and the
 * blank-line layout of tayori-check-layout.c. */
#include <string.h>

#include "tayori-checker.h"
#include "tayori-check-structure-private.h"

#define RULE_CAPTION   "table-caption"
#define RULE_HEADER    "table-header"
#define RULE_H1        "heading-h1-in-body"
#define RULE_SKIP      "heading-skip"
#define RULE_EMPTY     "heading-empty"
#define RULE_LAYOUT    "layout-blank-lines"
#define RULE_EMPHASIS  "emphasis-overuse"

/* A Markdown table's caption line: a heading, a line labelled "表" or "Table", or a line this
 * short that is not a sentence */
#define CAPTION_MAX_CHARS 60
#define DEFAULT_MAX_EMPHASES 3
#define DEFAULT_MAX_PERCENT 50
/* Shorter paragraphs may be bold as a whole: they are labels, not text */
#define EMPHASIS_MIN_CHARS 20

struct _TayoriCheckStructure
{
  GObject parent_instance;
};

#define TAYORI_TYPE_CHECK_STRUCTURE (tayori_check_structure_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckStructure, tayori_check_structure, TAYORI, CHECK_STRUCTURE, GObject)

static void tayori_check_structure_checker_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckStructure, tayori_check_structure, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER,
                                                      tayori_check_structure_checker_init))

static const TayoriCheckElement *
element_at (TayoriCheckDocument *document,
            guint                index)
{
  return tayori_check_document_get_element (document, index);
}

/* 1–6 for h1–h6, else 0 */
static guint
heading_level (const TayoriCheckElement *element)
{
  const char *tag = element->tag;

  return tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' && tag[2] == '\0' ? (guint) (tag[1] - '0') : 0;
}

static gboolean
is_layout_table (TayoriCheckDocument      *document,
                 const TayoriCheckElement *table)
{
  g_autofree char *role = tayori_structure_dup_attribute (document, table, "role");

  return g_strcmp0 (role, "presentation") == 0 || g_strcmp0 (role, "none") == 0;
}

/* The element before @index with the same parent, or -1 */
static int
previous_sibling (TayoriCheckDocument *document,
                  guint                index)
{
  int parent = element_at (document, index)->parent;
  guint start = parent >= 0 ? (guint) parent + 1 : 0;
  int previous = -1;

  for (guint i = start; i < index; i = tayori_structure_descendants_end (document, i))
    previous = i;
  return previous;
}

/* A heading, or a short line that names the table rather than being a sentence */
static gboolean
is_caption_line (TayoriCheckDocument *document,
                 int                  index)
{
  const TayoriCheckElement *element;
  g_autofree char *text = NULL;
  const char *last;

  if (index < 0)
    return FALSE;
  element = element_at (document, index);
  if (heading_level (element) > 0)
    return TRUE;
  if (strcmp (element->tag, "p") != 0)
    return FALSE;
  text = tayori_structure_strip (element->text);
  if (g_str_has_prefix (text, "表") || g_ascii_strncasecmp (text, "table", 5) == 0)
    return TRUE;
  if (text[0] == '\0' || g_utf8_strlen (text, -1) > CAPTION_MAX_CHARS)
    return FALSE;
  last = g_utf8_prev_char (text + strlen (text));
  return g_utf8_strchr ("。．.:：", -1, g_utf8_get_char (last)) == NULL;
}

static gboolean
has_caption (TayoriCheckDocument *document,
             guint                index)
{
  const TayoriCheckElement *table = element_at (document, index);
  guint end = tayori_structure_descendants_end (document, index);
  g_autofree char *label = tayori_structure_dup_attribute (document, table, "aria-label");
  g_autofree char *labelledby = tayori_structure_dup_attribute (document, table, "aria-labelledby");

  if ((label != NULL && label[0] != '\0') || (labelledby != NULL && labelledby[0] != '\0'))
    return TRUE;
  for (guint i = index + 1; i < end; i++)
    if (strcmp (element_at (document, i)->tag, "caption") == 0 &&
        !tayori_structure_is_blank (element_at (document, i)->text, strlen (element_at (document, i)->text)))
      return TRUE;
  /* GFM tables have no caption syntax: the line above stands in for one */
  return tayori_check_element_get_attribute (table, "data-sourcepos") != NULL &&
         is_caption_line (document, previous_sibling (document, index));
}

/* At least one th with text (or an image with alternative text) in it */
static gboolean
has_header_cells (TayoriCheckDocument *document,
                  guint                index)
{
  guint end = tayori_structure_descendants_end (document, index);

  for (guint i = index + 1; i < end; i++)
    {
      g_autofree char *name = NULL;

      if (strcmp (element_at (document, i)->tag, "th") != 0)
        continue;
      name = tayori_structure_dup_name (document, i);
      if (name[0] != '\0')
        return TRUE;
    }
  return FALSE;
}

static void
check_tables (TayoriCheckDocument *document,
              TayoriCheckSettings *settings,
              GPtrArray           *findings)
{
  gboolean caption = tayori_check_settings_is_enabled (settings, RULE_CAPTION);
  gboolean header = tayori_check_settings_is_enabled (settings, RULE_HEADER);

  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    {
      const TayoriCheckElement *table = element_at (document, i);

      if (strcmp (table->tag, "table") != 0 || is_layout_table (document, table))
        continue;
      if (header && !has_header_cells (document, i))
        g_ptr_array_add (findings, tayori_structure_finding_new (RULE_HEADER, table));
      if (caption && !has_caption (document, i))
        g_ptr_array_add (findings, tayori_structure_finding_new (RULE_CAPTION, table));
    }
}

/* A finding of @rule_id on @heading, or NULL when the rule is off */
static TayoriFinding *
add_heading_finding (GPtrArray                *findings,
                     TayoriCheckSettings      *settings,
                     const char               *rule_id,
                     const TayoriCheckElement *heading,
                     const char               *text)
{
  TayoriFinding *finding;

  if (!tayori_check_settings_is_enabled (settings, rule_id))
    return NULL;
  finding = tayori_structure_finding_new (rule_id, heading);
  tayori_finding_set_arg (finding, "text", text);
  g_ptr_array_add (findings, finding);
  return finding;
}

/* The title is the page's h1: the body starts at h2 and goes down one level at a time. An
 * HTML page may carry that h1 itself, as its first heading. */
static void
check_headings (TayoriCheckDocument *document,
                TayoriCheckSettings *settings,
                GPtrArray           *findings)
{
  gboolean html = tayori_check_document_get_kind (document) == TAYORI_CHECK_SOURCE_HTML;
  guint previous = 1;
  gboolean first = TRUE;

  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    {
      const TayoriCheckElement *heading = element_at (document, i);
      guint level = heading_level (heading);
      g_autofree char *text = NULL;
      TayoriFinding *skip;

      if (level == 0)
        continue;
      text = tayori_structure_dup_name (document, i);
      if (text[0] == '\0')
        {
          add_heading_finding (findings, settings, RULE_EMPTY, heading, text);
          continue;
        }
      if (level == 1 && !(html && first))
        add_heading_finding (findings, settings, RULE_H1, heading, text);
      else if (level > previous + 1 &&
               (skip = add_heading_finding (findings, settings, RULE_SKIP, heading, text)) != NULL)
        {
          g_autofree char *from = g_strdup_printf ("%u", previous);
          g_autofree char *to = g_strdup_printf ("%u", level);

          tayori_finding_set_arg (skip, "previous", from);
          tayori_finding_set_arg (skip, "level", to);
        }
      previous = level;
      first = FALSE;
    }
}

static gboolean
is_emphasis (const TayoriCheckElement *element)
{
  return strcmp (element->tag, "strong") == 0 || strcmp (element->tag, "em") == 0 ||
         strcmp (element->tag, "b") == 0;
}

/* Characters other than white space */
static glong
visible_length (const char *text)
{
  glong n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += !tayori_structure_is_space (g_utf8_get_char (p));
  return n;
}

static void
check_paragraph_emphasis (TayoriCheckDocument *document,
                          guint                index,
                          gint64               max_emphases,
                          gint64               max_percent,
                          GPtrArray           *findings)
{
  const TayoriCheckElement *paragraph = element_at (document, index);
  guint end = tayori_structure_descendants_end (document, index);
  glong total = visible_length (paragraph->text), emphasised = 0;
  gint64 count = 0, percent;

  for (guint i = index + 1; i < end; )
    {
      const TayoriCheckElement *element = element_at (document, i);

      if (!is_emphasis (element))
        {
          i++;
          continue;
        }
      /* Nested emphasis counts once, with its outermost element */
      count++;
      emphasised += visible_length (element->text);
      i = tayori_structure_descendants_end (document, i);
    }
  percent = total > 0 ? emphasised * 100 / total : 0;
  if (count > max_emphases || (total >= EMPHASIS_MIN_CHARS && percent > max_percent))
    {
      TayoriFinding *finding = tayori_structure_finding_new (RULE_EMPHASIS, paragraph);
      g_autofree char *count_text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
      g_autofree char *percent_text = g_strdup_printf ("%" G_GINT64_FORMAT, percent);

      tayori_finding_set_arg (finding, "count", count_text);
      tayori_finding_set_arg (finding, "percent", percent_text);
      g_ptr_array_add (findings, finding);
    }
}

static void
check_emphasis (TayoriCheckDocument *document,
                TayoriCheckSettings *settings,
                GPtrArray           *findings)
{
  gint64 max_emphases = tayori_check_settings_get_int (settings, RULE_EMPHASIS, "max-per-paragraph",
                                                       DEFAULT_MAX_EMPHASES);
  gint64 max_percent = tayori_check_settings_get_int (settings, RULE_EMPHASIS, "max-percent",
                                                      DEFAULT_MAX_PERCENT);

  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    {
      const char *tag = element_at (document, i)->tag;

      /* Paragraphs, and list items whose text is not in paragraphs of their own */
      if (strcmp (tag, "p") == 0 ||
          (strcmp (tag, "li") == 0 && !tayori_structure_has_descendant (document, i, "p")))
        check_paragraph_emphasis (document, i, max_emphases, max_percent, findings);
    }
}

static void
tayori_check_structure_check (TayoriChecker       *checker,
                              TayoriCheckDocument *document,
                              TayoriCheckSettings *settings,
                              GPtrArray           *findings,
                              GCancellable        *cancellable)
{
  check_tables (document, settings, findings);
  check_headings (document, settings, findings);
  if (g_cancellable_is_cancelled (cancellable))
    return;
  if (tayori_check_settings_is_enabled (settings, RULE_EMPHASIS))
    check_emphasis (document, settings, findings);
  if (tayori_check_settings_is_enabled (settings, RULE_LAYOUT))
    tayori_check_layout (document, findings);
}

static const char *
tayori_check_structure_get_family (TayoriChecker *checker)
{
  return TAYORI_STRUCTURE_FAMILY;
}

static void
tayori_check_structure_checker_init (TayoriCheckerInterface *iface)
{
  iface->get_family = tayori_check_structure_get_family;
  iface->check = tayori_check_structure_check;
}

static void
tayori_check_structure_class_init (TayoriCheckStructureClass *klass)
{
}

static void
tayori_check_structure_init (TayoriCheckStructure *self)
{
}

TayoriChecker *
tayori_check_structure_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECK_STRUCTURE, NULL);
}
