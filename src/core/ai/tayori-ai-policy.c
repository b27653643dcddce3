/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiPolicy: the preset's "[ai]" group read once into an immutable object (so any thread
 * may ask it), which endpoints text may go to, and the personal-data gate every outgoing text
 * passes: the checks' personal-data rules find the spans, which are masked or refuse the text. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-ai-policy.h"
#include "tayori-ai-provider.h"
#include "tayori-check-document.h"
#include "tayori-checker.h"

#define GROUP "ai"
#define MASK  "[個人情報]"

typedef enum {
  DISCLOSURE_OFF,
  DISCLOSURE_OPTIONAL,
  DISCLOSURE_REQUIRED,
} Disclosure;

struct _TayoriAiPolicy
{
  GObject parent_instance;

  TayoriAiMode mode;
  gboolean locked;
  char **providers;
  char **hosts;          /* lower case; "*.suffix" for every host under suffix */
  gboolean images;
  gboolean attachments;
  gboolean mask;         /* personal-data=mask; otherwise such text is refused */
  Disclosure disclosure;
  char *disclosure_text;
  TayoriCheckSettings *check_settings;
  TayoriChecker *personal_data;
};

G_DEFINE_FINAL_TYPE (TayoriAiPolicy, tayori_ai_policy, G_TYPE_OBJECT)

static void
tayori_ai_policy_finalize (GObject *object)
{
  TayoriAiPolicy *self = TAYORI_AI_POLICY (object);

  g_strfreev (self->providers);
  g_strfreev (self->hosts);
  g_free (self->disclosure_text);
  g_clear_object (&self->check_settings);
  g_clear_object (&self->personal_data);

  G_OBJECT_CLASS (tayori_ai_policy_parent_class)->finalize (object);
}

static void
tayori_ai_policy_class_init (TayoriAiPolicyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_ai_policy_finalize;
}

static void
tayori_ai_policy_init (TayoriAiPolicy *self)
{
}

/* ---- reading the preset ----------------------------------------------------------------- */

static char *
read_word (GKeyFile   *keyfile,
           const char *key)
{
  g_autofree char *value = g_key_file_get_string (keyfile, GROUP, key, NULL);

  return value != NULL ? g_ascii_strdown (g_strstrip (value), -1) : g_strdup ("");
}

/* ";"-separated, items trimmed and lower-cased, empty ones dropped */
static char **
read_list (GKeyFile   *keyfile,
           const char *key)
{
  g_auto(GStrv) items = g_key_file_get_string_list (keyfile, GROUP, key, NULL, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *item = g_ascii_strdown (g_strstrip (items[i]), -1);

      if (item[0] != '\0')
        g_strv_builder_add (builder, item);
    }
  return g_strv_builder_end (builder);
}

/* Anything but "true" is false: a typo never opens a door */
static gboolean
read_flag (GKeyFile   *keyfile,
           const char *key)
{
  g_autofree char *value = read_word (keyfile, key);

  return g_str_equal (value, "true");
}

/* An unknown mode keeps everything on the machine */
static TayoriAiMode
parse_mode (const char *value)
{
  if (g_str_equal (value, "off"))
    return TAYORI_AI_MODE_OFF;
  if (g_str_equal (value, "listed"))
    return TAYORI_AI_MODE_LISTED;
  return TAYORI_AI_MODE_BUILTIN;
}

static Disclosure
parse_disclosure (const char *value)
{
  if (g_str_equal (value, "required"))
    return DISCLOSURE_REQUIRED;
  if (g_str_equal (value, "off"))
    return DISCLOSURE_OFF;
  return DISCLOSURE_OPTIONAL;
}

static char *
read_disclosure_text (GKeyFile *keyfile)
{
  g_autofree char *text = g_key_file_get_string (keyfile, GROUP, "disclosure-text", NULL);
  g_autoptr(TayoriPreset) defaults = NULL;
  g_autoptr(GKeyFile) default_keyfile = NULL;

  if (text != NULL && g_strstrip (text)[0] != '\0')
    return g_steal_pointer (&text);
  /* An organisation that empties the text gets the built-in one, never an empty line */
  defaults = tayori_preset_new_defaults ();
  default_keyfile = tayori_preset_dup_ai_keyfile (defaults);
  return g_strstrip (g_key_file_get_string (default_keyfile, GROUP, "disclosure-text", NULL));
}

TayoriAiPolicy *
tayori_ai_policy_new (TayoriPreset *preset)
{
  TayoriAiPolicy *self;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *personal_data = NULL;
  g_autofree char *disclosure = NULL;

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  keyfile = tayori_preset_dup_ai_keyfile (preset);
  mode = read_word (keyfile, "mode");
  personal_data = read_word (keyfile, "personal-data");
  disclosure = read_word (keyfile, "disclosure");

  self = g_object_new (TAYORI_TYPE_AI_POLICY, NULL);
  self->mode = parse_mode (mode);
  self->locked = tayori_preset_is_locked (preset, "ai/mode") || tayori_preset_is_locked (preset, "ai/*");
  self->providers = read_list (keyfile, "providers");
  self->hosts = read_list (keyfile, "hosts");
  self->images = read_flag (keyfile, "images");
  self->attachments = read_flag (keyfile, "attachments");
  self->mask = g_str_equal (personal_data, "mask");
  self->disclosure = parse_disclosure (disclosure);
  self->disclosure_text = read_disclosure_text (keyfile);
  self->check_settings = tayori_check_settings_new (preset);
  self->personal_data = tayori_check_personal_data_new ();
  return self;
}

/* ---- questions ---------------------------------------------------------------------------- */

TayoriAiMode
tayori_ai_policy_get_mode (TayoriAiPolicy *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_POLICY (self), TAYORI_AI_MODE_OFF);
  return self->mode;
}

gboolean
tayori_ai_policy_is_locked (TayoriAiPolicy *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_POLICY (self), TRUE);
  return self->locked;
}

static gboolean
host_is_listed (TayoriAiPolicy *self,
                const char     *host)
{
  g_autofree char *lower = g_ascii_strdown (host, -1);
  gsize length = strlen (lower);

  for (guint i = 0; self->hosts[i] != NULL; i++)
    {
      const char *pattern = self->hosts[i];

      if (g_str_has_prefix (pattern, "*."))
        {
          /* "*.example.jp" is every host under example.jp, not example.jp itself */
          gsize suffix = strlen (pattern) - 1;

          if (length > suffix && g_str_has_suffix (lower, pattern + 1))
            return TRUE;
        }
      else if (g_str_equal (lower, pattern))
        return TRUE;
    }
  return FALSE;
}

/* The refusal for a mode other than "listed" */
static gboolean
refuse_for_mode (TayoriAiPolicy  *self,
                 GError         **error)
{
  if (self->mode == TAYORI_AI_MODE_OFF)
    g_set_error_literal (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY,
                         _("The organisation’s policy turns AI assistance off."));
  else
    g_set_error_literal (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY,
                         _("The organisation’s policy allows only the built-in assistant, so no text leaves this computer."));
  return FALSE;
}

gboolean
tayori_ai_policy_allows_endpoint (TayoriAiPolicy    *self,
                                  TayoriAiEndpoint  *endpoint,
                                  GError           **error)
{
  const char *name, *host;
  g_autofree char *lower_name = NULL;

  g_return_val_if_fail (TAYORI_IS_AI_POLICY (self), FALSE);
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (endpoint), FALSE);

  if (self->mode != TAYORI_AI_MODE_LISTED)
    return refuse_for_mode (self, error);

  name = tayori_ai_endpoint_get_name (endpoint);
  host = tayori_ai_endpoint_get_host (endpoint);
  lower_name = g_ascii_strdown (name, -1);
  if (!g_strv_contains ((const char * const *) self->providers, lower_name))
    {
      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY,
                   _("The organisation’s policy does not list the AI service “%s”."),
                   tayori_ai_endpoint_get_label (endpoint));
      return FALSE;
    }
  if (host == NULL || host[0] == '\0' || !host_is_listed (self, host))
    {
      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY,
                   _("The organisation’s policy does not allow sending text to “%s”, the server of the AI service “%s”."),
                   host != NULL ? host : "", tayori_ai_endpoint_get_label (endpoint));
      return FALSE;
    }
  return TRUE;
}

/* Image generation by a remote service, and photos sent to one: never unless text may leave too */
gboolean
tayori_ai_policy_allows_images (TayoriAiPolicy *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_POLICY (self), FALSE);
  return self->mode == TAYORI_AI_MODE_LISTED && self->images;
}

gboolean
tayori_ai_policy_allows_attachments (TayoriAiPolicy *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_POLICY (self), FALSE);
  return self->mode == TAYORI_AI_MODE_LISTED && self->attachments;
}

gboolean
tayori_ai_policy_requires_disclosure (TayoriAiPolicy *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_POLICY (self), FALSE);
  return self->disclosure == DISCLOSURE_REQUIRED;
}

const char *
tayori_ai_policy_get_disclosure_text (TayoriAiPolicy *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_POLICY (self), NULL);
  return self->disclosure_text;
}

/* ---- personal data ------------------------------------------------------------------------ */

typedef struct {
  gsize start;
  gsize end;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* The spans of @findings in text order, overlapping ones merged */
static GArray *
merged_spans (GPtrArray *findings)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = 0; i < findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (findings, i);
      Span span = { tayori_finding_get_start (finding), tayori_finding_get_end (finding) };

      if (g_str_equal (tayori_finding_get_field (finding), "body") && span.end > span.start)
        g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      Span *last = merged->len > 0 ? &g_array_index (merged, Span, merged->len - 1) : NULL;

      if (last != NULL && span->start < last->end)
        last->end = MAX (last->end, span->end);
      else
        g_array_append_val (merged, *span);
    }
  return merged;
}

/* "Mobile phone number, My Number": the kinds found, each once, in the UI language */
static char *
describe_kinds (GPtrArray *findings)
{
  gboolean japanese = g_str_has_prefix (g_get_language_names ()[0], "ja");
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GString) kinds = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const TayoriCheckRule *rule = tayori_finding_get_rule (g_ptr_array_index (findings, i));

      if (g_ptr_array_find (seen, rule, NULL))
        continue;
      g_ptr_array_add (seen, (gpointer) rule);
      if (kinds->len > 0)
        /* Translators: separates the kinds of personal data in a list */
        g_string_append (kinds, C_("list separator", ", "));
      g_string_append (kinds, japanese ? rule->title_ja : rule->title_en);
    }
  return g_string_free (g_steal_pointer (&kinds), FALSE);
}

char *
tayori_ai_policy_prepare_text (TayoriAiPolicy  *self,
                               const char      *text,
                               guint           *n_masked,
                               GError         **error)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(TayoriCheckDocument) document = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GString) prepared = NULL;
  gsize done = 0;

  g_return_val_if_fail (TAYORI_IS_AI_POLICY (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (n_masked != NULL)
    *n_masked = 0;
  if (self->mode != TAYORI_AI_MODE_LISTED)
    {
      refuse_for_mode (self, error);
      return NULL;
    }

  tayori_article_set_body (article, text);
  document = tayori_check_document_new_for_article (article);
  tayori_checker_check (self->personal_data, document, self->check_settings, findings, NULL);
  spans = merged_spans (findings);
  if (n_masked != NULL)
    *n_masked = spans->len;

  if (spans->len > 0 && !self->mask)
    {
      g_autofree char *kinds = describe_kinds (findings);

      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY,
                   ngettext ("The text contains %u item of personal data (%s). The organisation’s policy does not allow sending personal data to an AI service: remove it and try again.",
                             "The text contains %u items of personal data (%s). The organisation’s policy does not allow sending personal data to an AI service: remove them and try again.",
                             spans->len),
                   spans->len, kinds);
      return NULL;
    }

  prepared = g_string_sized_new (strlen (text));
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      g_string_append_len (prepared, text + done, span->start - done);
      g_string_append (prepared, MASK);
      done = span->end;
    }
  g_string_append (prepared, text + done);
  return g_string_free (g_steal_pointer (&prepared), FALSE);
}
