/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Display names of rule families, article fields and severities for the checks panel. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-check-labels.h"

static const struct {
  const char *id;
  const char *label;
} families[] = {
  { "municipal-text",      N_("Text and Characters") },
  { "municipal-structure", N_("Structure and Images") },
  { "dates",               N_("Dates") },
  { "easy-japanese",       N_("Easy Japanese") },
  { "readability",         N_("Readability") },
  { "content",             N_("Content") },
  { "links",               N_("Link Check") },
  { "axe",                 N_("Accessibility of the Page") },
};

static const struct {
  const char *id;
  const char *label;
} fields[] = {
  { "title",           N_("Title") },
  { "summary",         N_("Summary") },
  { "body",            N_("Body") },
  { "thumbnail-alt",   N_("Thumbnail Alternative Text") },
  { "contact-section", N_("Contact Section") },
  { "contact-phone",   N_("Contact Phone") },
  { "contact-fax",     N_("Contact Fax") },
  { "contact-email",   N_("Contact Email") },
  { "contact-address", N_("Contact Address") },
  { "publish-start",   N_("Publish From") },
  { "publish-end",     N_("Publish Until") },
  { "page",            N_("Page") },
};

const char *
tayori_check_family_label (const char *family)
{
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (g_strcmp0 (families[i].id, family) == 0)
      return _(families[i].label);
  return family;
}

char *
tayori_check_field_label (const char *field)
{
  guint64 index;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].id, field) == 0)
      return g_strdup (_(fields[i].label));
  /* Related links are numbered from 0 in the engine, from 1 on screen */
  if (g_str_has_prefix (field, "link-title:") &&
      g_ascii_string_to_unsigned (field + strlen ("link-title:"), 10, 0, G_MAXUINT - 1, &index, NULL))
    return g_strdup_printf (_("Related Link %u"), (guint) index + 1);
  return g_strdup (field);
}

const char *
tayori_check_severity_label (TayoriSeverity severity)
{
  switch (severity)
    {
    case TAYORI_SEVERITY_ERROR:   return _("Errors");
    case TAYORI_SEVERITY_WARNING: return _("Warnings");
    case TAYORI_SEVERITY_NOTICE:
    default:                      return _("Notices");
    }
}

const char *
tayori_check_severity_icon (TayoriSeverity severity)
{
  switch (severity)
    {
    case TAYORI_SEVERITY_ERROR:   return "dialog-error-symbolic";
    case TAYORI_SEVERITY_WARNING: return "dialog-warning-symbolic";
    case TAYORI_SEVERITY_NOTICE:
    default:                      return "dialog-information-symbolic";
    }
}

const char *
tayori_check_severity_style (TayoriSeverity severity)
{
  switch (severity)
    {
    case TAYORI_SEVERITY_ERROR:   return "error";
    case TAYORI_SEVERITY_WARNING: return "warning";
    case TAYORI_SEVERITY_NOTICE:
    default:                      return "accent";
    }
}
