/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriFindingRow: shows one TayoriFinding. The row itself activates (the panel jumps to
 * the span); its buttons name the finding by its position in the report. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-check-labels.h"
#include "tayori-finding-row.h"

/* Longer spans are cut in the place line: the editor shows them whole */
#define SPAN_MAX_CHARS 24

struct _TayoriFindingRow
{
  GtkListBoxRow parent_instance;

  GtkImage *severity_icon;
  GtkLabel *message_label;
  GtkLabel *location_label;
  GtkLabel *why_label;
  GtkLabel *how_label;
  GtkLabel *criteria_label;
  GtkToggleButton *details_button;
  GtkButton *dismiss_button;
  GtkButton *fix_button;

  TayoriFinding *finding;
  char *span;
  guint position;
  gboolean read_only;
};

G_DEFINE_FINAL_TYPE (TayoriFindingRow, tayori_finding_row, GTK_TYPE_LIST_BOX_ROW)

static char *
shorten (const char *text)
{
  const char *end = text;

  /* Never measures more of the span than it shows: spans can be whole blocks of a 5 MB body. */
  for (guint n = 0; *end != '\0'; n++, end = g_utf8_next_char (end))
    if (n == SPAN_MAX_CHARS - 1 && *g_utf8_next_char (end) != '\0')
      return g_strdup_printf ("%.*s…", (int) (end - text), text);
  return g_strdup (text);
}

/* "Body, line 3 · “①”" */
static char *
describe_place (TayoriFindingRow *self,
                guint             line)
{
  const char *field = tayori_finding_get_field (self->finding);
  g_autofree char *field_label = tayori_check_field_label (field);
  g_autofree char *place = NULL;

  if (line > 0)
    place = g_strdup_printf (_("%s, line %u"), field_label, line);
  else
    place = g_steal_pointer (&field_label);

  if (*self->span != '\0')
    {
      g_autofree char *flat = g_strdelimit (shorten (self->span), "\n\t", ' ');

      /* TRANSLATORS: where a finding is, then the text it covers, e.g. Body, line 3 · “①” */
      return g_strdup_printf (_("%s · “%s”"), place, flat);
    }
  return g_steal_pointer (&place);
}

static char *
describe_criteria (TayoriFinding *finding)
{
  const char * const *wcag = tayori_finding_get_wcag (finding);
  const char * const *act = tayori_finding_get_act (finding);
  GString *text = g_string_new (NULL);

  if (wcag[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) wcag);

      g_string_append_printf (text, _("WCAG %s"), list);
    }
  if (act[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) act);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("ACT rule %s"), list);
    }
  return g_string_free (text, FALSE);
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* A read-only row (the review view) neither fixes nor dismisses */
static void
show_buttons (TayoriFindingRow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->fix_button),
                          tayori_finding_get_fix (self->finding) != NULL && !self->read_only);
  gtk_widget_set_visible (GTK_WIDGET (self->dismiss_button), !self->read_only);
}

static void
fill (TayoriFindingRow *self,
      guint             line)
{
  TayoriFinding *finding = self->finding;
  TayoriSeverity severity = tayori_finding_get_severity (finding);
  const char *fix = tayori_finding_get_fix (finding);
  g_autofree char *place = describe_place (self, line);
  g_autofree char *criteria = describe_criteria (finding);
  g_autofree char *name = NULL;
  g_autofree char *fix_tip = NULL;

  gtk_image_set_from_icon_name (self->severity_icon, tayori_check_severity_icon (severity));
  gtk_widget_add_css_class (GTK_WIDGET (self->severity_icon), tayori_check_severity_style (severity));
  gtk_label_set_label (self->message_label, tayori_finding_get_message (finding));
  gtk_label_set_label (self->location_label, place);
  set_optional_label (self->why_label, tayori_finding_get_why (finding));
  set_optional_label (self->how_label, tayori_finding_get_how (finding));
  set_optional_label (self->criteria_label, criteria);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->fix_button), "u", self->position);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->dismiss_button), "u", self->position);
  show_buttons (self);
  if (fix != NULL && *fix == '\0')
    fix_tip = g_strdup_printf (_("Delete “%s”"), self->span);
  else if (fix != NULL && *self->span == '\0')
    fix_tip = g_strdup_printf (_("Insert “%s”"), fix);
  else if (fix != NULL)
    fix_tip = g_strdup_printf (_("Replace “%s” with “%s”"), self->span, fix);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fix_button), fix_tip);
  if (fix_tip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->fix_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, fix_tip, -1);

  /* TRANSLATORS: a finding read out as one row: severity, message, place */
  name = g_strdup_printf (_("%s: %s (%s)"),
                          severity == TAYORI_SEVERITY_ERROR ? _("Error")
                          : severity == TAYORI_SEVERITY_WARNING ? _("Warning") : _("Notice"),
                          tayori_finding_get_message (finding), place);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tayori_finding_get_why (finding), -1);
}

GtkWidget *
tayori_finding_row_new (TayoriFinding *finding,
                        guint          position,
                        const char    *field_text,
                        guint          line)
{
  TayoriFindingRow *self;

  g_return_val_if_fail (TAYORI_IS_FINDING (finding), NULL);
  g_return_val_if_fail (field_text != NULL, NULL);

  self = g_object_new (TAYORI_TYPE_FINDING_ROW, NULL);
  self->finding = g_object_ref (finding);
  self->position = position;
  self->span = tayori_finding_dup_span (finding, field_text);
  fill (self, line);
  return GTK_WIDGET (self);
}

void
tayori_finding_row_set_read_only (TayoriFindingRow *self,
                                  gboolean          read_only)
{
  g_return_if_fail (TAYORI_IS_FINDING_ROW (self));

  self->read_only = read_only;
  show_buttons (self);
}

TayoriFinding *
tayori_finding_row_get_finding (TayoriFindingRow *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING_ROW (self), NULL);
  return self->finding;
}

guint
tayori_finding_row_get_position (TayoriFindingRow *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING_ROW (self), 0);
  return self->position;
}

gboolean
tayori_finding_row_get_expanded (TayoriFindingRow *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING_ROW (self), FALSE);
  return gtk_toggle_button_get_active (self->details_button);
}

void
tayori_finding_row_set_expanded (TayoriFindingRow *self,
                                 gboolean          expanded)
{
  g_return_if_fail (TAYORI_IS_FINDING_ROW (self));
  gtk_toggle_button_set_active (self->details_button, expanded);
}

char *
tayori_finding_row_dup_key (TayoriFindingRow *self)
{
  g_return_val_if_fail (TAYORI_IS_FINDING_ROW (self), NULL);
  return g_strjoin ("\x1f", tayori_finding_get_rule_id (self->finding),
                    tayori_finding_get_field (self->finding), self->span, NULL);
}

static void
tayori_finding_row_dispose (GObject *object)
{
  TayoriFindingRow *self = TAYORI_FINDING_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_FINDING_ROW);
  g_clear_object (&self->finding);

  G_OBJECT_CLASS (tayori_finding_row_parent_class)->dispose (object);
}

static void
tayori_finding_row_finalize (GObject *object)
{
  TayoriFindingRow *self = TAYORI_FINDING_ROW (object);

  g_free (self->span);

  G_OBJECT_CLASS (tayori_finding_row_parent_class)->finalize (object);
}

static void
tayori_finding_row_class_init (TayoriFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_finding_row_dispose;
  object_class->finalize = tayori_finding_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/checks/tayori-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriFindingRow, severity_icon);
  gtk_widget_class_bind_template_child (widget_class, TayoriFindingRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriFindingRow, location_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriFindingRow, why_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriFindingRow, how_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriFindingRow, criteria_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriFindingRow, details_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriFindingRow, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriFindingRow, fix_button);
}

static void
tayori_finding_row_init (TayoriFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
