/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The municipal-text checker: characters that do not belong in a web notice (機種依存文字,
 * 半角カナ, 全角英数字), plus the spaces and colour rules of tayori-check-characters-*.c. */
#include <string.h>

#include "tayori-checker.h"
#include "tayori-check-characters-private.h"
#include "tayori-japanese-text.h"

#define RULE_PLATFORM  "ja-platform-dependent-char"
#define RULE_HALFWIDTH "ja-halfwidth-kana"
#define RULE_FULLWIDTH "ja-fullwidth-alnum"

/* How a platform-dependent character is written portably. NFKC alone would turn ① into a
 * bare "1" and ㊤ into "上", losing the circle that marks them as labels. */
typedef enum {
  MAP_NFKC,          /* the compatibility form says it all: ⑴ → (1), ㈱ → (株), ㍻ → 平成 */
  MAP_NFKC_PARENS,   /* the circle becomes parentheses: ① → (1), ㊤ → (上), Ⓐ → (A) */
  MAP_NUMBER_PARENS, /* circled numbers without a compatibility form: ❶ → (1), ㉈ → (10) */
} MapKind;

typedef struct {
  gunichar first;
  gunichar last;
  MapKind  kind;
  int      number;   /* MAP_NUMBER_PARENS: the value of @first … */
  int      step;     /* … and the step between neighbours */
} CharRange;

static const CharRange platform_ranges[] = {
  { 0x2116, 0x2116, MAP_NFKC },               /* № (overridden below) */
  { 0x2121, 0x2122, MAP_NFKC },               /* ℡ (overridden below), ™ */
  { 0x2160, 0x217F, MAP_NFKC },               /* Ⅰ–Ⅻ, ⅰ–ⅻ and the other Roman numerals */
  { 0x2460, 0x2473, MAP_NFKC_PARENS },        /* ①–⑳ */
  { 0x2474, 0x24B5, MAP_NFKC },               /* ⑴–⒇, ⒈–⒛, ⒜–⒵ */
  { 0x24B6, 0x24EA, MAP_NFKC_PARENS },        /* Ⓐ–ⓩ, ⓪ */
  { 0x24EB, 0x24F4, MAP_NUMBER_PARENS, 11, 1 }, /* ⓫–⓴ */
  { 0x24F5, 0x24FE, MAP_NUMBER_PARENS, 1, 1 },  /* ⓵–⓾ */
  { 0x24FF, 0x24FF, MAP_NUMBER_PARENS, 0, 1 },  /* ⓿ */
  { 0x2776, 0x277F, MAP_NUMBER_PARENS, 1, 1 },  /* ❶–❿ */
  { 0x2780, 0x2789, MAP_NUMBER_PARENS, 1, 1 },  /* ➀–➉ */
  { 0x278A, 0x2793, MAP_NUMBER_PARENS, 1, 1 },  /* ➊–➓ */
  /* U+3200–321E and U+3260–327F are Hangul, standard in Korean text: left alone */
  { 0x3220, 0x3243, MAP_NFKC },               /* ㈠–㉃: ㈱ → (株), ㈲ → (有) */
  { 0x3244, 0x3247, MAP_NFKC_PARENS },        /* ㉄–㉇ */
  { 0x3248, 0x324F, MAP_NUMBER_PARENS, 10, 10 }, /* ㉈–㉏: 10 … 80 */
  { 0x3250, 0x3250, MAP_NFKC },               /* ㉐ PTE */
  { 0x3251, 0x325F, MAP_NFKC_PARENS },        /* ㉑–㉟ */
  { 0x3280, 0x32BF, MAP_NFKC_PARENS },        /* ㊀–㊰ (㊤ → (上)), ㊱–㊿ */
  { 0x32C0, 0x32CF, MAP_NFKC },               /* ㋀–㋋ (1月 …), ㋌–㋏ */
  { 0x32D0, 0x32FE, MAP_NFKC_PARENS },        /* ㋐–㋾ */
  { 0x32FF, 0x33FF, MAP_NFKC },               /* ㋿ 令和, ㌀–㍗ katakana units, ㍻ 平成, ㎝ cm … */
};

/* Where the compatibility form is not what a reader should see. Area and volume units are
 * spelt out: "m2" would read as "m two", and a superscript is itself easy to lose. */
static const struct {
  gunichar    c;
  const char *text;
} platform_overrides[] = {
  { 0x2116, "No." },
  { 0x2121, "電話" },
  { 0x3378, "平方デシメートル" },
  { 0x3379, "立方デシメートル" },
  { 0x339F, "平方ミリメートル" },
  { 0x33A0, "平方センチメートル" },
  { 0x33A1, "平方メートル" },
  { 0x33A2, "平方キロメートル" },
  { 0x33A3, "立方ミリメートル" },
  { 0x33A4, "立方センチメートル" },
  { 0x33A5, "立方メートル" },
  { 0x33A6, "立方キロメートル" },
  { 0x33A7, "m/s" },
  { 0x33A8, "m/s²" },
  { 0x33AE, "rad/s" },
  { 0x33AF, "rad/s²" },
  { 0x33C6, "C/kg" },
  { 0x33CD, "株式会社" },
  { 0x33DE, "V/m" },
  { 0x33DF, "A/m" },
};

struct _TayoriCheckCharacters
{
  GObject parent_instance;
};

#define TAYORI_TYPE_CHECK_CHARACTERS (tayori_check_characters_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckCharacters, tayori_check_characters, TAYORI, CHECK_CHARACTERS, GObject)

static void tayori_check_characters_checker_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckCharacters, tayori_check_characters, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER,
                                                      tayori_check_characters_checker_init))

/* The portable spelling of @c, or NULL when @c is not platform-dependent. */
static char *
platform_replacement (gunichar c)
{
  char utf8[8];

  if (c < 0x2116 || c > 0x33FF)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (platform_overrides); i++)
    if (platform_overrides[i].c == c)
      return g_strdup (platform_overrides[i].text);

  utf8[g_unichar_to_utf8 (c, utf8)] = '\0';
  for (gsize i = 0; i < G_N_ELEMENTS (platform_ranges); i++)
    {
      const CharRange *range = &platform_ranges[i];
      g_autofree char *nfkc = NULL;

      if (c < range->first || c > range->last)
        continue;
      switch (range->kind)
        {
        case MAP_NFKC:
          return tayori_ja_nfkc (utf8, -1);
        case MAP_NFKC_PARENS:
          nfkc = tayori_ja_nfkc (utf8, -1);
          return g_strdup_printf ("(%s)", nfkc);
        case MAP_NUMBER_PARENS:
          return g_strdup_printf ("(%d)", range->number + (int) (c - range->first) * range->step);
        default:
          g_assert_not_reached ();
        }
    }
  return NULL;
}

static void
check_platform_chars (TayoriCheckDocument *document,
                      const char          *field,
                      GPtrArray           *findings)
{
  const char *text = tayori_check_document_get_text (document, field);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *replacement = platform_replacement (g_utf8_get_char (p));
      gsize start = p - text;
      gsize end = g_utf8_next_char (p) - text;
      TayoriFinding *finding;

      if (replacement == NULL || !tayori_check_document_is_prose (document, field, start, end))
        continue;
      finding = tayori_ja_add_finding (findings, RULE_PLATFORM, field, text, start, end);
      tayori_finding_set_arg (finding, "fix", replacement);
      tayori_finding_set_fix (finding, replacement);
    }
}

static gboolean
is_fullwidth_kana (gunichar c)
{
  return c >= 0x3041 && c <= 0x30FF;
}

/* A run of half-width katakana and punctuation (U+FF61–FF9F); NFKC joins ｶﾞ into ガ. */
static void
on_halfwidth_kana (const char       *field,
                   const char       *text,
                   const GMatchInfo *match,
                   gpointer          user_data)
{
  GPtrArray *findings = user_data;
  gsize start, end;
  g_autofree char *fixed = NULL;
  TayoriFinding *finding;

  tayori_ja_match_range (match, 0, &start, &end);
  /* a sound mark typed after a full-width kana (カﾞ) belongs with it: NFKC makes ガ */
  if (start > 0 && g_utf8_get_char (text + start) >= 0xFF9E)
    {
      const char *previous = g_utf8_prev_char (text + start);

      if (is_fullwidth_kana (g_utf8_get_char (previous)))
        start = previous - text;
    }
  fixed = tayori_ja_nfkc (text + start, end - start);
  /* a sound mark with nothing to join stays a visible mark, not a combining one */
  if (g_utf8_get_char (fixed) == 0x3099 || g_utf8_get_char (fixed) == 0x309A)
    {
      GString *spacing = g_string_new (NULL);

      /* U+3099 → U+309B ゛, U+309A → U+309C ゜ */
      g_string_append_unichar (spacing, g_utf8_get_char (fixed) + 2);
      g_string_append (spacing, g_utf8_next_char (fixed));
      g_free (fixed);
      fixed = g_string_free (spacing, FALSE);
    }
  finding = tayori_ja_add_finding (findings, RULE_HALFWIDTH, field, text, start, end);
  tayori_finding_set_fix (finding, fixed);
}

typedef struct {
  GPtrArray          *findings;
  const char * const *allow;   /* strings the organisation writes in full width on purpose */
} FullwidthData;

static gboolean
inside_allowed (const char         *text,
                gsize               start,
                gsize               end,
                const char * const *allow)
{
  for (gsize i = 0; allow != NULL && allow[i] != NULL; i++)
    {
      gsize length = strlen (allow[i]);

      for (const char *p = strstr (text, allow[i]); p != NULL; p = strstr (p + 1, allow[i]))
        {
          gsize at = p - text;

          if (at > start)
            break;
          if (at + length >= end)
            return TRUE;
        }
    }
  return FALSE;
}

/* Full-width Latin letters and digits, with the separators between them (１，０００, ９：００). */
static void
on_fullwidth_alnum (const char       *field,
                    const char       *text,
                    const GMatchInfo *match,
                    gpointer          user_data)
{
  FullwidthData *data = user_data;
  gsize start, end;
  GString *fixed;
  TayoriFinding *finding;

  tayori_ja_match_range (match, 0, &start, &end);
  if (inside_allowed (text, start, end, data->allow))
    return;
  fixed = g_string_new (NULL);
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2212 || c == 0x2010)   /* minus sign and hyphen between digits (０６−１２３４) */
        g_string_append_c (fixed, '-');
      else
        g_string_append_unichar (fixed, c - 0xFEE0);   /* U+FF01–FF5E sit 0xFEE0 above ASCII */
    }
  finding = tayori_ja_add_finding (data->findings, RULE_FULLWIDTH, field, text, start, end);
  tayori_finding_set_fix (finding, fixed->str);
  g_string_free (fixed, TRUE);
}

static void
tayori_check_characters_check (TayoriChecker       *checker,
                               TayoriCheckDocument *document,
                               TayoriCheckSettings *settings,
                               GPtrArray           *findings,
                               GCancellable        *cancellable)
{
  static GRegex *halfwidth_regex;
  static GRegex *fullwidth_regex;
  const char * const *fields = tayori_check_document_get_fields (document);
  FullwidthData fullwidth = {
    findings, tayori_check_settings_get_list (settings, RULE_FULLWIDTH, "allow"),
  };

  for (gsize i = 0; fields[i] != NULL; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return;
      if (tayori_check_settings_is_enabled (settings, RULE_PLATFORM))
        check_platform_chars (document, fields[i], findings);
      if (tayori_check_settings_is_enabled (settings, RULE_HALFWIDTH))
        tayori_ja_foreach_prose_match (document, fields[i],
                                       tayori_ja_regex_get (&halfwidth_regex, "[\\x{FF61}-\\x{FF9F}]+"),
                                       on_halfwidth_kana, findings);
      if (tayori_check_settings_is_enabled (settings, RULE_FULLWIDTH))
        tayori_ja_foreach_prose_match (document, fields[i],
                                       tayori_ja_regex_get (&fullwidth_regex,
                                                            "[Ａ-Ｚａ-ｚ０-９]+"
                                                            "(?:[，．：／＿＠＋－−‐][Ａ-Ｚａ-ｚ０-９]+)*"),
                                       on_fullwidth_alnum, &fullwidth);
      tayori_check_characters_spaces (document, settings, fields[i], findings);
      tayori_check_characters_colour (document, settings, fields[i], findings);
    }
}

static const char *
tayori_check_characters_get_family (TayoriChecker *checker)
{
  return "municipal-text";
}

static void
tayori_check_characters_checker_init (TayoriCheckerInterface *iface)
{
  iface->get_family = tayori_check_characters_get_family;
  iface->check = tayori_check_characters_check;
}

static void
tayori_check_characters_class_init (TayoriCheckCharactersClass *klass)
{
}

static void
tayori_check_characters_init (TayoriCheckCharacters *self)
{
}

TayoriChecker *
tayori_check_characters_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECK_CHARACTERS, NULL);
}
