/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The readability checker: one notice per Japanese article giving the body's reading level
 * (tayori-readability.c, docs/reading-level.md) and the figures behind it. */
#include "tayori-article.h"
#include "tayori-checker.h"
#include "tayori-easy-text.h"
#include "tayori-readability.h"

#define RULE_LEVEL "readability-level"

#define TAYORI_TYPE_CHECK_READABILITY (tayori_check_readability_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckReadability, tayori_check_readability, TAYORI, CHECK_READABILITY, GObject)

struct _TayoriCheckReadability
{
  GObject parent_instance;
};

static void tayori_check_readability_checker_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckReadability, tayori_check_readability, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER,
                                                      tayori_check_readability_checker_init))

static void
set_arg_printf (TayoriFinding *finding,
                const char    *name,
                const char    *format,
                double         value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, format, value);
  tayori_finding_set_arg (finding, name, buffer);
}

static const char *
tayori_check_readability_get_family (TayoriChecker *checker)
{
  return "readability";
}

static void
tayori_check_readability_check (TayoriChecker       *checker,
                                TayoriCheckDocument *document,
                                TayoriCheckSettings *settings,
                                GPtrArray           *findings,
                                GCancellable        *cancellable)
{
  TayoriArticle *article = tayori_check_document_get_article (document);
  g_autoptr(TayoriProseText) prose = NULL;
  g_autoptr(GError) error = NULL;
  TayoriReadability readability;
  TayoriFinding *finding;

  if (tayori_article_get_language (article) == TAYORI_LANGUAGE_EN ||
      !tayori_check_settings_is_enabled (settings, RULE_LEVEL))
    return;
  prose = tayori_prose_text_new (document, "body");
  if (!tayori_readability_compute (prose->text->str, prose->text->len, &readability, &error))
    {
      g_warning_once ("%s", error->message);
      return;
    }
  if (readability.n_sentences == 0)
    return;

  finding = tayori_finding_new (RULE_LEVEL, "body", 0, 0);
  set_arg_printf (finding, "level", "%.0f", readability.level);
  set_arg_printf (finding, "score", "%.1f", readability.score);
  set_arg_printf (finding, "sentences", "%.0f", readability.n_sentences);
  set_arg_printf (finding, "sentence_length", "%.1f", readability.mean_sentence_length);
  set_arg_printf (finding, "kanji_ratio", "%.0f", readability.kanji_ratio * 100);
  set_arg_printf (finding, "katakana_ratio", "%.0f", readability.katakana_ratio * 100);
  set_arg_printf (finding, "hiragana_ratio", "%.0f", readability.hiragana_ratio * 100);
  set_arg_printf (finding, "kanji_above_grade", "%.0f", readability.n_kanji_above_grade);
  g_ptr_array_add (findings, finding);
}

static void
tayori_check_readability_checker_init (TayoriCheckerInterface *iface)
{
  iface->get_family = tayori_check_readability_get_family;
  iface->check = tayori_check_readability_check;
}

static void
tayori_check_readability_class_init (TayoriCheckReadabilityClass *klass)
{
}

static void
tayori_check_readability_init (TayoriCheckReadability *self)
{
}

TayoriChecker *
tayori_check_readability_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECK_READABILITY, NULL);
}
