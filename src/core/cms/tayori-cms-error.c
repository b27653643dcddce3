/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CMS error domain: stable keys for storage and JSON, which errors the outbox retries by
 * itself, and the advice people read. */
#include <glib/gi18n.h>

#include "tayori-cms-error.h"

G_DEFINE_QUARK (tayori-cms-error-quark, tayori_cms_error)

static const struct {
  const char *key;
  const char *advice;
} errors[] = {
  [TAYORI_CMS_ERROR_AUTH] = { "auth",
    N_("The password is wrong or has been revoked. Enter a new application password for this site.") },
  [TAYORI_CMS_ERROR_FORBIDDEN] = { "forbidden",
    N_("Your role on the site does not allow this. Ask an editor or the IT staff.") },
  [TAYORI_CMS_ERROR_REJECTED] = { "rejected",
    N_("The site refused the article. Correct it as the message says and try again.") },
  [TAYORI_CMS_ERROR_UNREACHABLE] = { "unreachable",
    N_("The site cannot be reached right now. Tayori will try again by itself.") },
  [TAYORI_CMS_ERROR_BAD_RESPONSE] = { "bad-response",
    N_("The site sent an answer Tayori cannot read. Tayori will try again; if it keeps failing, tell the IT staff.") },
  [TAYORI_CMS_ERROR_NOT_FOUND] = { "not-found",
    N_("The post or the site was not found. It may have been deleted, or the site address may be wrong.") },
  [TAYORI_CMS_ERROR_CONFLICT] = { "conflict",
    N_("Someone changed the post on the site since your last sync. Compare both versions before sending.") },
  [TAYORI_CMS_ERROR_PLUGIN_MISSING] = { "plugin-missing",
    N_("This needs the Tayori connector plugin on the site. Ask the IT staff to install it.") },
  [TAYORI_CMS_ERROR_SELF_APPROVAL] = { "self-approval",
    N_("You cannot approve your own article. Ask another approver.") },
  [TAYORI_CMS_ERROR_CHECKS_FAILED] = { "checks-failed",
    N_("The checks found errors. Correct them, or give a reason for sending anyway.") },
  [TAYORI_CMS_ERROR_INSECURE] = { "insecure",
    N_("The site address does not use HTTPS. Use an https:// address.") },
};

const char *
tayori_cms_error_to_key (TayoriCmsError code)
{
  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (errors), NULL);
  return errors[code].key;
}

gboolean
tayori_cms_error_from_key (const char     *key,
                           TayoriCmsError *out_code)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (g_str_equal (errors[i].key, key))
      {
        if (out_code != NULL)
          *out_code = (TayoriCmsError) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
tayori_cms_error_is_transient (const GError *error)
{
  return error != NULL &&
         (g_error_matches (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_UNREACHABLE) ||
          g_error_matches (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_BAD_RESPONSE));
}

const char *
tayori_cms_error_advice (TayoriCmsError code)
{
  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (errors), NULL);
  return _(errors[code].advice);
}
