/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriFinding: one result of a check. The messages are filled from the rule's templates
 * whenever an argument changes, so reading a finding from any thread never writes to it. */
#include <string.h>

#include "tayori-finding.h"

struct _TayoriFinding
{
  GObject parent_instance;

  const TayoriCheckRule *rule;
  char *rule_id;
  char *field;
  gsize start;
  gsize end;
  TayoriSeverity severity;
  char *selector;
  char *fix;
  GStrv wcag;            /* NULL: the rule's */
  GStrv act;
  char *template_ja;     /* NULL: the rule's */
  char *template_en;
  GHashTable *args;      /* name → value */
  char *message_ja;
  char *message_en;
};

G_DEFINE_FINAL_TYPE (TayoriFinding, tayori_finding, G_TYPE_OBJECT)

/* The order fields appear in the editor, so findings read from top to bottom */
static const char * const field_order[] = {
  "title", "summary", "body", "thumbnail-alt", "contact-section", "contact-phone",
  "contact-fax", "contact-email", "contact-address", "link-title:", "publish-start", "publish-end",
};

static void
tayori_finding_finalize (GObject *object)
{
  TayoriFinding *self = TAYORI_FINDING (object);

  g_free (self->rule_id);
  g_free (self->field);
  g_free (self->selector);
  g_free (self->fix);
  g_strfreev (self->wcag);
  g_strfreev (self->act);
  g_free (self->template_ja);
  g_free (self->template_en);
  g_hash_table_unref (self->args);
  g_free (self->message_ja);
  g_free (self->message_en);

  G_OBJECT_CLASS (tayori_finding_parent_class)->finalize (object);
}

static void
tayori_finding_class_init (TayoriFindingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_finding_finalize;
}

static void
tayori_finding_init (TayoriFinding *self)
{
  self->args = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* "{name}" becomes its argument; unknown names and lone braces stay as written */
static char *
fill_template (const char *template,
               GHashTable *args)
{
  GString *out = g_string_new (NULL);
  const char *p = template;

  while (*p != '\0')
    {
      const char *close = NULL;

      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL)
        {
          g_autofree char *name = g_strndup (p + 1, close - p - 1);
          const char *value = g_hash_table_lookup (args, name);

          if (value != NULL)
            {
              g_string_append (out, value);
              p = close + 1;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static void
update_messages (TayoriFinding *self)
{
  g_free (self->message_ja);
  g_free (self->message_en);
  self->message_ja = fill_template (self->template_ja ? self->template_ja : self->rule->message_ja,
                                    self->args);
  self->message_en = fill_template (self->template_en ? self->template_en : self->rule->message_en,
                                    self->args);
}

TayoriFinding *
tayori_finding_new (const char *rule_id,
                    const char *field,
                    gsize       start,
                    gsize       end)
{
  const TayoriCheckRule *rule;
  TayoriFinding *self;

  g_return_val_if_fail (rule_id != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  rule = tayori_check_rule_lookup (rule_id);
  if (rule == NULL)
    {
      g_critical ("Check rule %s is not in the catalogue", rule_id);
      return NULL;
    }

  self = g_object_new (TAYORI_TYPE_FINDING, NULL);
  self->rule = rule;
  self->rule_id = g_strdup (rule_id);
  self->field = g_strdup (field);
  self->start = start;
  self->end = end;
  self->severity = rule->severity;
  update_messages (self);
  return self;
}

void
tayori_finding_set_arg (TayoriFinding *self,
                        const char    *name,
                        const char    *value)
{
  g_return_if_fail (TAYORI_IS_FINDING (self));
  g_return_if_fail (name != NULL);

  g_hash_table_insert (self->args, g_strdup (name), g_strdup (value ? value : ""));
  update_messages (self);
}

void
tayori_finding_set_severity (TayoriFinding  *self,
                             TayoriSeverity  severity)
{
  g_return_if_fail (TAYORI_IS_FINDING (self));
  self->severity = severity;
}

void
tayori_finding_set_selector (TayoriFinding *self,
                             const char    *selector)
{
  g_return_if_fail (TAYORI_IS_FINDING (self));
  g_free (self->selector);
  self->selector = g_strdup (selector);
}

void
tayori_finding_set_fix (TayoriFinding *self,
                        const char    *replacement)
{
  g_return_if_fail (TAYORI_IS_FINDING (self));
  g_free (self->fix);
  self->fix = g_strdup (replacement);
}

void
tayori_finding_set_wcag (TayoriFinding      *self,
                         const char * const *wcag)
{
  g_return_if_fail (TAYORI_IS_FINDING (self));
  g_strfreev (self->wcag);
  self->wcag = wcag != NULL ? g_strdupv ((char **) wcag) : g_new0 (char *, 1);
}

void
tayori_finding_set_act (TayoriFinding      *self,
                        const char * const *act)
{
  g_return_if_fail (TAYORI_IS_FINDING (self));
  g_strfreev (self->act);
  self->act = act != NULL ? g_strdupv ((char **) act) : g_new0 (char *, 1);
}

void
tayori_finding_set_messages (TayoriFinding *self,
                             const char    *message_ja,
                             const char    *message_en)
{
  g_return_if_fail (TAYORI_IS_FINDING (self));
  g_free (self->template_ja);
  g_free (self->template_en);
  self->template_ja = g_strdup (message_ja);
  self->template_en = g_strdup (message_en);
  update_messages (self);
}

const char *
tayori_finding_get_rule_id (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return self->rule_id;
}

const TayoriCheckRule *
tayori_finding_get_rule (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return self->rule;
}

const char *
tayori_finding_get_family (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return self->rule->family;
}

TayoriSeverity
tayori_finding_get_severity (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), TAYORI_SEVERITY_NOTICE);
  return self->severity;
}

const char *
tayori_finding_get_field (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return self->field;
}

gsize
tayori_finding_get_start (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), 0);
  return self->start;
}

gsize
tayori_finding_get_end (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), 0);
  return self->end;
}

const char *
tayori_finding_get_selector (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return self->selector;
}

const char *
tayori_finding_get_fix (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return self->fix;
}

const char * const *
tayori_finding_get_wcag (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return self->wcag != NULL ? (const char * const *) self->wcag : self->rule->wcag;
}

const char * const *
tayori_finding_get_act (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return self->act != NULL ? (const char * const *) self->act : self->rule->act;
}

const char *
tayori_finding_get_message_ja (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return self->message_ja;
}

const char *
tayori_finding_get_message_en (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return self->message_en;
}

static gboolean
ui_is_japanese (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "ja");
}

const char *
tayori_finding_get_message (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return ui_is_japanese () ? self->message_ja : self->message_en;
}

const char *
tayori_finding_get_why (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return ui_is_japanese () ? self->rule->why_ja : self->rule->why_en;
}

const char *
tayori_finding_get_how (TayoriFinding *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);
  return ui_is_japanese () ? self->rule->how_ja : self->rule->how_en;
}

char *
tayori_finding_dup_span (TayoriFinding *self,
                         const char    *field_text)
{
  gsize length;

  g_return_val_if_fail (TAYORI_IS_FINDING (self), NULL);

  length = field_text != NULL ? strlen (field_text) : 0;
  if (self->start >= length)
    return g_strdup ("");
  return g_strndup (field_text + self->start, MIN (self->end, length) - self->start);
}

static guint
field_rank (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_order); i++)
    if (g_str_has_prefix (field, field_order[i]) &&
        (field[strlen (field_order[i])] == '\0' || g_str_has_suffix (field_order[i], ":")))
      return i;
  return G_N_ELEMENTS (field_order);
}

int
tayori_finding_compare (TayoriFinding *a,
                        TayoriFinding *b)
{
  guint rank_a, rank_b;
  int cmp;

  g_return_val_if_fail (TAYORI_IS_FINDING (a), 0);
  g_return_val_if_fail (TAYORI_IS_FINDING (b), 0);

  if (a->severity != b->severity)
    return a->severity > b->severity ? -1 : 1;
  rank_a = field_rank (a->field);
  rank_b = field_rank (b->field);
  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;
  if ((cmp = strcmp (a->field, b->field)) != 0)
    return cmp;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return strcmp (a->rule_id, b->rule_id);
}
