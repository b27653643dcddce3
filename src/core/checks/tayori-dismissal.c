/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriDismissal: a finding the writer dismissed with a reason, as a boxed type. */
#include "tayori-dismissal.h"

G_DEFINE_BOXED_TYPE (TayoriDismissal, tayori_dismissal, tayori_dismissal_copy, tayori_dismissal_free)

TayoriDismissal *
tayori_dismissal_new (const char *rule_id,
                      const char *field,
                      const char *span,
                      const char *reason,
                      const char *author,
                      const char *time)
{
  TayoriDismissal *dismissal;

  g_return_val_if_fail (rule_id != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  dismissal = g_new0 (TayoriDismissal, 1);
  dismissal->rule_id = g_strdup (rule_id);
  dismissal->field = g_strdup (field);
  dismissal->span = g_strdup (span ? span : "");
  dismissal->reason = g_strdup (reason ? reason : "");
  dismissal->author = g_strdup (author ? author : "");
  dismissal->time = g_strdup (time ? time : "");
  return dismissal;
}

TayoriDismissal *
tayori_dismissal_copy (const TayoriDismissal *dismissal)
{
  g_return_val_if_fail (dismissal != NULL, NULL);
  return tayori_dismissal_new (dismissal->rule_id, dismissal->field, dismissal->span,
                               dismissal->reason, dismissal->author, dismissal->time);
}

void
tayori_dismissal_free (TayoriDismissal *dismissal)
{
  if (dismissal == NULL)
    return;
  g_free (dismissal->rule_id);
  g_free (dismissal->field);
  g_free (dismissal->span);
  g_free (dismissal->reason);
  g_free (dismissal->author);
  g_free (dismissal->time);
  g_free (dismissal);
}
