/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The title check (family "content"): a length range, no closing 。, and not too many
 * decorative brackets and symbols (【】《》■◆★…). Limits come from the preset. */
#include <string.h>

#include "tayori-checker.h"

#define RULE_LENGTH   "title-length"
#define RULE_PERIOD   "title-trailing-period"
#define RULE_BRACKETS "title-brackets"

#define DEFAULT_MIN_LENGTH   10
#define DEFAULT_MAX_LENGTH   40
#define DEFAULT_MAX_BRACKETS 1

#define TAYORI_TYPE_CHECK_TITLE (tayori_check_title_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckTitle, tayori_check_title, TAYORI, CHECK_TITLE, GObject)

struct _TayoriCheckTitle
{
  GObject parent_instance;
};

static void tayori_check_title_checker_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckTitle, tayori_check_title, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER,
                                                      tayori_check_title_checker_init))

/* Opening brackets (a pair counts once) and symbols used only to decorate. Plain （）「」 are
 * not decoration: they carry meaning. */
static const gunichar decorations[] = {
  0x3010, /* 【 */ 0x300A, /* 《 */ 0x3016, /* 〖 */ 0x3014, /* 〔 */ 0x3018, /* 〘 */
  0x25A0, /* ■ */ 0x25A1, /* □ */ 0x25C6, /* ◆ */ 0x25C7, /* ◇ */ 0x2605, /* ★ */
  0x2606, /* ☆ */ 0x25CF, /* ● */ 0x25CE, /* ◎ */ 0x25B2, /* ▲ */ 0x25B3, /* △ */
  0x25BC, /* ▼ */ 0x25BD, /* ▽ */ 0x25B6, /* ▶ */ 0x25BA, /* ► */ 0x266A, /* ♪ */
  0x266B, /* ♫ */ 0x2661, /* ♡ */ 0x2665, /* ♥ */ 0x203B, /* ※ */ 0x2729, /* ✩ */
  0x272A, /* ✪ */ 0x2726, /* ✦ */ 0x2727, /* ✧ */ 0x2042, /* ⁂ */
};

static gboolean
is_decoration (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (decorations); i++)
    if (decorations[i] == c)
      return TRUE;
  return FALSE;
}

static void
check_length (const char          *title,
              TayoriCheckSettings *settings,
              GPtrArray           *findings)
{
  gint64 min = tayori_check_settings_get_int (settings, RULE_LENGTH, "min-length", DEFAULT_MIN_LENGTH);
  gint64 max = tayori_check_settings_get_int (settings, RULE_LENGTH, "max-length", DEFAULT_MAX_LENGTH);
  glong length = g_utf8_strlen (title, -1);
  g_autofree char *length_text = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  TayoriFinding *finding;

  if (length >= min && length <= max)
    return;
  length_text = g_strdup_printf ("%ld", length);
  min_text = g_strdup_printf ("%" G_GINT64_FORMAT, min);
  max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);
  finding = tayori_finding_new (RULE_LENGTH, "title", 0, 0);
  tayori_finding_set_arg (finding, "length", length_text);
  tayori_finding_set_arg (finding, "min", min_text);
  tayori_finding_set_arg (finding, "max", max_text);
  g_ptr_array_add (findings, finding);
}

static void
check_period (const char *title,
              GPtrArray  *findings)
{
  static const char * const periods[] = { "。", "．", "｡" };
  gsize length = strlen (title);

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    if (g_str_has_suffix (title, periods[i]))
      {
        gsize start = length - strlen (periods[i]);
        TayoriFinding *finding = tayori_finding_new (RULE_PERIOD, "title", start, length);

        tayori_finding_set_arg (finding, "text", periods[i]);
        tayori_finding_set_fix (finding, "");
        g_ptr_array_add (findings, finding);
        return;
      }
}

static void
check_brackets (const char          *title,
                TayoriCheckSettings *settings,
                GPtrArray           *findings)
{
  gint64 max = tayori_check_settings_get_int (settings, RULE_BRACKETS, "max", DEFAULT_MAX_BRACKETS);
  g_autofree char *count_text = NULL;
  g_autofree char *max_text = NULL;
  TayoriFinding *finding;
  guint count = 0;

  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    if (is_decoration (g_utf8_get_char (p)))
      count++;
  if (count <= max)
    return;
  count_text = g_strdup_printf ("%u", count);
  max_text = g_strdup_printf ("%" G_GINT64_FORMAT, max);
  finding = tayori_finding_new (RULE_BRACKETS, "title", 0, 0);
  tayori_finding_set_arg (finding, "count", count_text);
  tayori_finding_set_arg (finding, "max", max_text);
  g_ptr_array_add (findings, finding);
}

static const char *
tayori_check_title_get_family (TayoriChecker *checker)
{
  return "content";
}

static void
tayori_check_title_check (TayoriChecker       *checker,
                          TayoriCheckDocument *document,
                          TayoriCheckSettings *settings,
                          GPtrArray           *findings,
                          GCancellable        *cancellable)
{
  const char *title = tayori_check_document_get_text (document, "title");

  /* An empty title is the structure rules' business, not a length to count. */
  if (title[0] == '\0')
    return;
  /* The length range counts Japanese characters: an English title needs more of them. */
  if (tayori_check_settings_is_enabled (settings, RULE_LENGTH) &&
      tayori_article_get_language (tayori_check_document_get_article (document)) != TAYORI_LANGUAGE_EN)
    check_length (title, settings, findings);
  if (tayori_check_settings_is_enabled (settings, RULE_PERIOD))
    check_period (title, findings);
  if (tayori_check_settings_is_enabled (settings, RULE_BRACKETS))
    check_brackets (title, settings, findings);
}

static void
tayori_check_title_checker_init (TayoriCheckerInterface *iface)
{
  iface->get_family = tayori_check_title_get_family;
  iface->check = tayori_check_title_check;
}

static void
tayori_check_title_class_init (TayoriCheckTitleClass *klass)
{
}

static void
tayori_check_title_init (TayoriCheckTitle *self)
{
}

TayoriChecker *
tayori_check_title_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECK_TITLE, NULL);
}
