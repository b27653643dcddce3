/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The posting gate: approval (or an editor), the accounts the person may use, the checks'
 * personal-data and blocked-word rules on every post's text, alt text on every image, and
 * each network's counter. Every reason is collected, one per line. */
#include <glib/gi18n.h>

#include "tayori-post-gate.h"
#include "tayori-accounts.h"
#include "tayori-checker.h"
#include "tayori-check-runner.h"
#include "tayori-channel-line.h"

#define DEFAULT_MASTODON_LIMIT 500

G_DEFINE_QUARK (tayori-post-gate-error-quark, tayori_post_gate_error)

typedef struct {
  GString *reasons;
  int      code;    /* the first reason's, -1 while none */
} Refusal;

static void G_GNUC_PRINTF (3, 4)
refuse (Refusal             *refusal,
        TayoriPostGateError  code,
        const char          *format,
        ...)
{
  va_list args;

  if (refusal->code < 0)
    refusal->code = code;
  else
    g_string_append_c (refusal->reasons, '\n');
  va_start (args, format);
  g_string_append_vprintf (refusal->reasons, format, args);
  va_end (args);
}

static gboolean
is_editor (const char * const *roles)
{
  return roles != NULL && g_strv_contains (roles, "role:editor");
}

static gboolean
is_released (TayoriArticle *article)
{
  switch (tayori_article_get_status (article))
    {
    case TAYORI_ARTICLE_STATUS_APPROVED:
    case TAYORI_ARTICLE_STATUS_SCHEDULED:
    case TAYORI_ARTICLE_STATUS_PUBLISHED:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Mastodon instances' limits as read from their instance API, by account name: the process
 * learns them once (the composer asks on a worker thread) and the gate counts against them. */
static GMutex     limits_mutex;
static GHashTable *limits;

void
tayori_post_gate_remember_limit (const char *account,
                                 guint       limit)
{
  g_return_if_fail (account != NULL);

  g_mutex_lock (&limits_mutex);
  if (limits == NULL)
    limits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (limit > 0)
    g_hash_table_insert (limits, g_strdup (account), GUINT_TO_POINTER (limit));
  else
    g_hash_table_remove (limits, account);
  g_mutex_unlock (&limits_mutex);
}

static guint
remembered_limit (const char *account)
{
  guint limit;

  g_mutex_lock (&limits_mutex);
  limit = limits != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (limits, account)) : 0;
  g_mutex_unlock (&limits_mutex);
  return limit;
}

guint
tayori_post_gate_get_limit (const TayoriAccount *account)
{
  const char *configured = tayori_account_get_option (account, "max-characters");
  TayoriPostNetwork network;
  guint64 value;
  guint remembered;

  if (!tayori_post_network_from_string (account->type, &network))
    return 0;
  if (network != TAYORI_POST_NETWORK_MASTODON)
    return tayori_post_default_limit (network);
  if (configured != NULL && g_ascii_string_to_unsigned (configured, 10, 1, G_MAXUINT, &value, NULL))
    return (guint) value;
  remembered = remembered_limit (account->name);
  return remembered > 0 ? remembered : DEFAULT_MASTODON_LIMIT;
}

char *
tayori_post_gate_sent_text (const TayoriAccount *account,
                            const char          *text)
{
  if (g_strcmp0 (account->type, "line") == 0)
    return tayori_channel_line_text_with_footer (text, tayori_account_get_option (account, "footer"));
  return g_strdup (text);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
is_blocking_rule (const char *rule)
{
  return g_str_has_prefix (rule, "pii-") || g_str_equal (rule, "words-inappropriate");
}

/* Personal data and blocked words in @text, with the checks engine's own rules and the
 * organisation's settings for them. */
static void
check_text (TayoriCheckRunner *runner,
            const char        *account,
            const char        *text,
            Refusal           *refusal)
{
  g_autoptr(TayoriArticle) post = tayori_article_new ();
  g_autoptr(TayoriCheckDocument) document = NULL;
  g_autoptr(TayoriCheckReport) report = NULL;
  g_autoptr(GPtrArray) findings = NULL;

  tayori_article_set_body (post, text);
  document = tayori_check_document_new_for_article (post);
  report = tayori_check_runner_run (runner, document, NULL);
  findings = tayori_check_report_dup_all (report);
  for (guint i = 0; i < findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (findings, i);

      if (is_blocking_rule (tayori_finding_get_rule_id (finding)))
        refuse (refusal, TAYORI_POST_GATE_ERROR_CHECKS,
                /* Translators: an account name, then why its post cannot go out */
                _("%s: %s"), account, tayori_finding_get_message (finding));
    }
}

static void
check_request (TayoriPreset            *preset,
               TayoriCheckRunner       *runner,
               const TayoriPostRequest *request,
               const char              *actor,
               const char * const      *roles,
               Refusal                 *refusal)
{
  g_autoptr(TayoriAccount) account = NULL;
  TayoriPostNetwork network;
  guint length, limit;

  account = tayori_accounts_find (preset, TAYORI_ACCOUNT_CHANNEL, request->account, NULL);
  if (account == NULL || !tayori_post_network_from_string (account->type, &network))
    {
      refuse (refusal, TAYORI_POST_GATE_ERROR_UNKNOWN_ACCOUNT,
              _("There is no SNS account “%s”."), request->account);
      return;
    }
  if (!tayori_account_may_use (account, actor, roles))
    refuse (refusal, TAYORI_POST_GATE_ERROR_NOT_ALLOWED,
            _("%s may not post to “%s”."), actor, account->label);

  check_text (runner, account->label, request->text, refusal);
  for (guint i = 0; request->images != NULL && i < request->images->len; i++)
    {
      TayoriPostImage *image = g_ptr_array_index (request->images, i);

      if (is_blank (image->alt))
        refuse (refusal, TAYORI_POST_GATE_ERROR_CHECKS,
                _("%s: image %u has no alternative text."), account->label, i + 1);
    }

  length = tayori_post_count (network, request->text);
  limit = tayori_post_gate_get_limit (account);
  if (length > limit)
    refuse (refusal, TAYORI_POST_GATE_ERROR_TOO_LONG,
            _("%s: the post is %u characters long as the network counts them; at most %u fit."),
            account->label, length, limit);
}

gboolean
tayori_post_gate_check (TayoriArticle       *article,
                        TayoriPreset        *preset,
                        GPtrArray           *requests,
                        const char          *actor,
                        const char * const  *roles,
                        GError             **error)
{
  g_autoptr(GString) reasons = g_string_new (NULL);
  g_autoptr(TayoriCheckSettings) settings = NULL;
  g_autoptr(TayoriCheckRunner) runner = NULL;
  g_autoptr(GPtrArray) checkers = NULL;
  Refusal refusal = { reasons, -1 };

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), FALSE);
  g_return_val_if_fail (requests != NULL, FALSE);

  if (!is_released (article) && !is_editor (roles))
    refuse (&refusal, TAYORI_POST_GATE_ERROR_NOT_APPROVED,
            _("The article is “%s”: only approved articles can be posted (editors may post "
              "any article)."),
            tayori_article_status_to_label (tayori_article_get_status (article)));

  settings = tayori_check_settings_new (preset);
  checkers = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (checkers, tayori_check_personal_data_new ());
  g_ptr_array_add (checkers, tayori_check_words_new ());
  runner = tayori_check_runner_new_with_checkers (settings, checkers);
  for (guint i = 0; i < requests->len; i++)
    check_request (preset, runner, g_ptr_array_index (requests, i), actor, roles, &refusal);

  if (refusal.code < 0)
    return TRUE;
  g_set_error_literal (error, TAYORI_POST_GATE_ERROR, refusal.code, reasons->str);
  return FALSE;
}
