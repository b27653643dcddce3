/* SPDX-License-Identifier: GPL-3.0-or-later */
/* WordPress's refusals classified (tayori-cms-error.h): what the person should do, what the
 * role cannot do for a 403, and WordPress's own message, code and status kept for IT. */
#include <glib/gi18n.h>

#include "tayori-cms-wordpress-private.h"

/* Indexed by TayoriWpAction; %s is the role's name. */
static const char * const forbidden_texts[] = {
  [TAYORI_WP_DO_READ] = N_("The %s role cannot see this."),
  [TAYORI_WP_DO_CREATE] = N_("The %s role cannot create posts."),
  [TAYORI_WP_DO_EDIT] = N_("The %s role cannot edit this post."),
  [TAYORI_WP_DO_PUBLISH] = N_("The %s role cannot publish posts."),
  [TAYORI_WP_DO_UPLOAD] = N_("The %s role cannot upload files."),
  [TAYORI_WP_DO_DELETE] = N_("The %s role cannot move this post to the trash."),
  [TAYORI_WP_DO_REVIEW] = N_("The %s role cannot review articles."),
  [TAYORI_WP_DO_APPROVE] = N_("The %s role cannot approve at this level."),
};

static const struct {
  const char *slug;
  const char *name;
} role_names[] = {
  { "administrator", NC_("WordPress role", "Administrator") },
  { "editor", NC_("WordPress role", "Editor") },
  { "author", NC_("WordPress role", "Author") },
  { "contributor", NC_("WordPress role", "Contributor") },
  { "subscriber", NC_("WordPress role", "Subscriber") },
};

static const char * const auth_codes[] = {
  "incorrect_password", "invalid_username", "invalid_email", "rest_not_logged_in",
  "application_passwords_disabled", NULL,
};

static const char *
role_name (const TayoriWpSite *site)
{
  const char *slug;

  if (site == NULL || site->info == NULL || site->info->roles == NULL || site->info->roles[0] == NULL)
    return C_("WordPress role", "current");
  slug = site->info->roles[0];
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_str_equal (role_names[i].slug, slug))
      return g_dpgettext2 (NULL, "WordPress role", role_names[i].name);
  return slug;
}

static TayoriWpAction
forbidden_action (const char     *code,
                  TayoriWpAction  action)
{
  if (g_strcmp0 (code, "rest_cannot_publish") == 0)
    return TAYORI_WP_DO_PUBLISH;
  if (g_strcmp0 (code, "tayori_not_approver") == 0)
    return TAYORI_WP_DO_APPROVE;
  if (g_strcmp0 (code, "rest_cannot_upload") == 0)
    return TAYORI_WP_DO_UPLOAD;
  return action;
}

static TayoriCmsError
classify (const char *code,
          const char *route,
          guint       status)
{
  if (status == 401 || (code != NULL && g_strv_contains (auth_codes, code)))
    return TAYORI_CMS_ERROR_AUTH;
  if (g_strcmp0 (code, "tayori_self_approval") == 0)
    return TAYORI_CMS_ERROR_SELF_APPROVAL;
  if (status == 404 && g_strcmp0 (code, "rest_no_route") == 0 &&
      g_str_has_prefix (route, "/tayori/"))
    return TAYORI_CMS_ERROR_PLUGIN_MISSING;
  if (status == 404 || status == 410)
    return TAYORI_CMS_ERROR_NOT_FOUND;
  /* The plugin's rules (approval required…) are refusals of the content, not of the role. */
  if (status == 403 && code != NULL && g_str_has_prefix (code, "tayori_") &&
      !g_str_equal (code, "tayori_not_approver"))
    return TAYORI_CMS_ERROR_REJECTED;
  if (status == 403)
    return TAYORI_CMS_ERROR_FORBIDDEN;
  if (status == 408 || status == 429 || status >= 500)
    return TAYORI_CMS_ERROR_UNREACHABLE;
  if (status >= 400)
    return TAYORI_CMS_ERROR_REJECTED;
  return TAYORI_CMS_ERROR_BAD_RESPONSE;
}

static const char *
summary (TayoriCmsError code)
{
  switch (code)
    {
    case TAYORI_CMS_ERROR_AUTH:
      return _("WordPress did not accept the user name or the application password.");
    case TAYORI_CMS_ERROR_SELF_APPROVAL:
      return _("You cannot approve your own article.");
    case TAYORI_CMS_ERROR_PLUGIN_MISSING:
      return _("The Tayori connector plugin is not active on the site.");
    case TAYORI_CMS_ERROR_NOT_FOUND:
      return _("The post was not found on the site.");
    case TAYORI_CMS_ERROR_REJECTED:
      return _("WordPress refused the request.");
    case TAYORI_CMS_ERROR_UNREACHABLE:
      return _("The site cannot answer right now.");
    default:
      return _("WordPress gave an unexpected answer.");
    }
}

void
tayori_cms_wp_set_error (GError             **error,
                         const TayoriWpSite  *site,
                         const TayoriWpCall  *call,
                         const char          *url,
                         guint                status,
                         JsonNode            *body)
{
  JsonObject *object = body != NULL && JSON_NODE_HOLDS_OBJECT (body) ? json_node_get_object (body)
                                                                     : NULL;
  const char *code = object != NULL ? tayori_cms_wp_get_string (object, "code") : NULL;
  const char *message = object != NULL ? tayori_cms_wp_get_string (object, "message") : NULL;
  TayoriCmsError kind = classify (code, call->route, status);
  g_autofree char *what = NULL;
  g_autofree char *detail = NULL;

  if (kind == TAYORI_CMS_ERROR_FORBIDDEN)
    what = g_strdup_printf (_(forbidden_texts[forbidden_action (code, call->action)]),
                            role_name (site));
  else
    what = g_strdup (summary (kind));

  if (code != NULL || message != NULL)
    detail = g_strdup_printf ("WordPress: %s [%s, HTTP %u, %s %s]",
                              message != NULL ? message : "", code != NULL ? code : "",
                              status, call->method, url);
  else
    detail = g_strdup_printf ("HTTP %u, %s %s", status, call->method, url);
  g_set_error (error, TAYORI_CMS_ERROR, kind, "%s (%s)", what, detail);
}
