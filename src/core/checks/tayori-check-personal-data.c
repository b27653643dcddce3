/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The personal-data check (family "content"): mobile numbers, e-mail addresses outside the
 * organisation, My Numbers with a valid check digit, payment card numbers and birth dates next
 * to names, each reported as an error on its exact span. Mobile numbers and addresses are
 * looked for in the whole field (tel: and mailto: links publish them too); the other numbers
 * and birth dates only in prose, where a number inside a URL is a page id. */
#include <string.h>

#include "tayori-checker.h"
#include "tayori-content-scan.h"
#include "tayori-easy-text.h"
#include "tayori-personal-data-private.h"

#define RULE_EMAIL      "pii-email"
#define RULE_BIRTH_DATE "pii-birth-date"

#define TAYORI_TYPE_CHECK_PERSONAL_DATA (tayori_check_personal_data_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckPersonalData, tayori_check_personal_data, TAYORI,
                      CHECK_PERSONAL_DATA, GObject)

struct _TayoriCheckPersonalData
{
  GObject parent_instance;
};

static void tayori_check_personal_data_checker_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckPersonalData, tayori_check_personal_data, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER,
                                                      tayori_check_personal_data_checker_init))

/* ---- e-mail ----------------------------------------------------------------------------- */

static gboolean
is_local_char (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("._%+-", c) != NULL);
}

static gboolean
is_domain_char (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '-';
}

/* Documentation domains (RFC 2606, JPRS) and the preset's own are fine; a preset without
 * any trusts public bodies (lg.jp, go.jp). */
static gboolean
domain_is_allowed (const char         *domain,
                   const char * const *organisation)
{
  static const char * const fallback[] = { "lg.jp", "go.jp", NULL };
  static const char * const examples[] = { "example.com", "example.net", "example.org",
    "example.jp", "example.co.jp", "example.ne.jp", "example", "test", "invalid", "localhost",
    NULL };
  const char * const *lists[] = {
    organisation != NULL && organisation[0] != NULL ? organisation : fallback, examples
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l][i] != NULL; i++)
      {
        g_autofree char *allowed = g_ascii_strdown (lists[l][i], -1);
        gsize n = strlen (domain);
        gsize m = strlen (allowed);

        if (g_str_equal (domain, allowed) ||
            (n > m && g_str_has_suffix (domain, allowed) && domain[n - m - 1] == '.'))
          return TRUE;
      }
  return FALSE;
}

static gboolean
is_domain (const char *domain)
{
  const char *tld = strrchr (domain, '.');

  if (tld == NULL || domain[0] == '.' || strstr (domain, "..") != NULL || strlen (tld + 1) < 2)
    return FALSE;
  for (const char *p = tld + 1; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return TRUE;
}

static void
check_email (const char          *field,
             const char          *text,
             TayoriCheckSettings *settings,
             GPtrArray           *findings)
{
  const char * const *organisation = tayori_check_settings_get_list (settings, NULL,
                                                                     "organisation-domains");
  gsize length = strlen (text);

  for (const char *at = strchr (text, '@'); at != NULL; at = strchr (at + 1, '@'))
    {
      gsize start = at - text;
      gsize end = start + 1;
      g_autofree char *domain = NULL;

      while (start > 0 && is_local_char (text[start - 1]))
        start--;
      while (start < (gsize) (at - text) && text[start] == '.')
        start++;
      while (end < length && is_domain_char (text[end]))
        end++;
      while (end > start && (text[end - 1] == '.' || text[end - 1] == '-'))
        end--;
      if (start == (gsize) (at - text) || end <= (gsize) (at - text) + 1)
        continue;
      domain = g_ascii_strdown (at + 1, end - (at - text) - 1);
      if (is_domain (domain) && !domain_is_allowed (domain, organisation))
        tayori_personal_data_add (findings, RULE_EMAIL, field, text, start, end);
    }
}

/* ---- birth dates ------------------------------------------------------------------------ */

static void
check_birth_dates (TayoriCheckDocument *document,
                   const char          *field,
                   GPtrArray           *findings)
{
  g_autoptr(TayoriProseText) prose = tayori_prose_text_new (document, field);
  g_autoptr(GArray) spans = tayori_birth_dates_find (prose->text->str, prose->text->len);
  const char *text = tayori_check_document_get_text (document, field);

  for (guint i = 0; i < spans->len; i++)
    {
      const TayoriTextSpan *span = &g_array_index (spans, TayoriTextSpan, i);
      gsize start, end;

      tayori_prose_text_to_source (prose, span->start, span->end, &start, &end);
      tayori_personal_data_add (findings, RULE_BIRTH_DATE, field, text, start, end);
    }
}

/* ---- the checker ------------------------------------------------------------------------ */

static const char *
tayori_check_personal_data_get_family (TayoriChecker *checker)
{
  return "content";
}

static void
tayori_check_personal_data_check (TayoriChecker       *checker,
                                  TayoriCheckDocument *document,
                                  TayoriCheckSettings *settings,
                                  GPtrArray           *findings,
                                  GCancellable        *cancellable)
{
  const char * const *fields = tayori_check_document_get_fields (document);
  gboolean numbers[3] = {
    tayori_check_settings_is_enabled (settings, TAYORI_RULE_PII_MOBILE),
    tayori_check_settings_is_enabled (settings, TAYORI_RULE_PII_MY_NUMBER),
    tayori_check_settings_is_enabled (settings, TAYORI_RULE_PII_CARD),
  };
  gboolean email = tayori_check_settings_is_enabled (settings, RULE_EMAIL);
  gboolean birth_date = tayori_check_settings_is_enabled (settings, RULE_BIRTH_DATE);

  for (guint i = 0; fields[i] != NULL && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const char *text = tayori_check_document_get_text (document, fields[i]);

      if (numbers[0] || numbers[1] || numbers[2])
        tayori_personal_numbers_check (document, fields[i], text, numbers, findings);
      if (email)
        check_email (fields[i], text, settings, findings);
      if (birth_date)
        check_birth_dates (document, fields[i], findings);
    }
}

static void
tayori_check_personal_data_checker_init (TayoriCheckerInterface *iface)
{
  iface->get_family = tayori_check_personal_data_get_family;
  iface->check = tayori_check_personal_data_check;
}

static void
tayori_check_personal_data_class_init (TayoriCheckPersonalDataClass *klass)
{
}

static void
tayori_check_personal_data_init (TayoriCheckPersonalData *self)
{
}

TayoriChecker *
tayori_check_personal_data_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECK_PERSONAL_DATA, NULL);
}
