/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The approval workflow's rules: levels from the preset's [workflow] group and the status an
 * action or a remote status leads to. Pure functions, the same rules the plugin enforces. */
#include <glib/gi18n.h>
#include "tayori-cms-error.h"
#include "tayori-workflow.h"

#define MAX_LEVELS 3

static guint
clamp_levels (gint64 levels, guint fallback)
{
  return levels >= 1 ? (guint) MIN (levels, MAX_LEVELS) : fallback;
}

TayoriWorkflow *
tayori_workflow_new_from_preset (TayoriPreset *preset)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  TayoriWorkflow *workflow = g_new0 (TayoriWorkflow, 1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) configured = NULL;

  workflow->levels = 1;
  if (preset != NULL)
    keyfile = tayori_preset_dup_groups (preset, "workflow", "workflow:");
  if (keyfile != NULL && g_key_file_has_group (keyfile, "workflow"))
    {
      workflow->levels = clamp_levels (g_key_file_get_int64 (keyfile, "workflow", "levels", NULL), 1);
      configured = g_key_file_get_string_list (keyfile, "workflow", "level-names", NULL, NULL);
      workflow->emergency_levels = clamp_levels (g_key_file_get_int64 (keyfile, "workflow",
                                                                       "emergency-levels", NULL), 0);
    }
  if (workflow->emergency_levels == 0 || workflow->emergency_levels > workflow->levels)
    workflow->emergency_levels = workflow->levels;
  for (guint i = 0; i < workflow->levels; i++)
    {
      g_autofree char *name = configured != NULL && i < g_strv_length (configured)
                              ? g_strstrip (g_strdup (configured[i])) : NULL;

      if (name != NULL && name[0] != '\0')
        g_strv_builder_add (names, name);
      else if (workflow->levels == 1)
        g_strv_builder_add (names, C_("workflow", "Approver"));
      else
        {
          g_autofree char *numbered = g_strdup_printf (C_("workflow", "Approver (level %u)"), i + 1);

          g_strv_builder_add (names, numbered);
        }
    }
  workflow->level_names = g_strv_builder_end (names);
  return workflow;
}

void
tayori_workflow_free (TayoriWorkflow *workflow)
{
  if (workflow == NULL)
    return;
  g_strfreev (workflow->level_names);
  g_free (workflow);
}

guint
tayori_workflow_levels_for (const TayoriWorkflow *workflow, TayoriArticle *article)
{
  g_return_val_if_fail (workflow != NULL, 1);
  if (article != NULL && tayori_article_get_emergency (article))
    return workflow->emergency_levels;
  return workflow->levels;
}

TayoriArticleStatus
tayori_workflow_status_after (const TayoriWorkflow *workflow, TayoriArticle *article,
                              TayoriCmsReviewAction action, guint approvals, gboolean scheduled)
{
  g_return_val_if_fail (workflow != NULL, TAYORI_ARTICLE_STATUS_DRAFT);
  switch (action)
    {
    case TAYORI_CMS_REVIEW_SUBMIT:
      return TAYORI_ARTICLE_STATUS_IN_REVIEW;
    case TAYORI_CMS_REVIEW_RETURN:
      return approvals > 0 ? TAYORI_ARTICLE_STATUS_IN_REVIEW : TAYORI_ARTICLE_STATUS_RETURNED;
    case TAYORI_CMS_REVIEW_APPROVE:
      if (approvals < tayori_workflow_levels_for (workflow, article))
        return TAYORI_ARTICLE_STATUS_IN_REVIEW;
      return scheduled ? TAYORI_ARTICLE_STATUS_SCHEDULED : TAYORI_ARTICLE_STATUS_PUBLISHED;
    default:
      g_return_val_if_reached (TAYORI_ARTICLE_STATUS_DRAFT);
    }
}

gboolean
tayori_workflow_check_review (const TayoriWorkflow *workflow, const char *author,
                              const char *approver, TayoriCmsReviewAction action,
                              const char *note, GError **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (note != NULL ? note : ""));

  g_return_val_if_fail (workflow != NULL, FALSE);
  if (action == TAYORI_CMS_REVIEW_APPROVE && author != NULL && author[0] != '\0'
      && g_strcmp0 (author, approver) == 0)
    {
      g_set_error_literal (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_SELF_APPROVAL,
                           _("You cannot approve an article you wrote"));
      return FALSE;
    }
  if (action == TAYORI_CMS_REVIEW_RETURN && trimmed[0] == '\0')
    {
      g_set_error_literal (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_REJECTED,
                           _("Write a note saying what to fix before returning the article"));
      return FALSE;
    }
  return TRUE;
}

TayoriArticleStatus
tayori_workflow_status_from_remote (const char *remote_status, gboolean returned)
{
  if (g_strcmp0 (remote_status, "pending") == 0)
    return TAYORI_ARTICLE_STATUS_IN_REVIEW;
  if (g_strcmp0 (remote_status, "future") == 0)
    return TAYORI_ARTICLE_STATUS_SCHEDULED;
  if (g_strcmp0 (remote_status, "publish") == 0)
    return TAYORI_ARTICLE_STATUS_PUBLISHED;
  if (g_strcmp0 (remote_status, "trash") == 0 || g_strcmp0 (remote_status, "private") == 0)
    return TAYORI_ARTICLE_STATUS_ARCHIVED;
  return returned ? TAYORI_ARTICLE_STATUS_RETURNED : TAYORI_ARTICLE_STATUS_DRAFT;
}
