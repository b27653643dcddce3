/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Whether the user's account on a CMS site can review others' articles: its application
 * password from the keyring, then the site's answer about the signed-in user. */
#pragma once

#include "tayori-cms-sync.h"

G_BEGIN_DECLS

/* TRUE when the user may edit others' posts or approves at some level (plugin). */
void     tayori_cms_reviewer_check_async  (TayoriCmsSync       *sync,
                                           const TayoriAccount *account,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean tayori_cms_reviewer_check_finish (TayoriCmsSync       *sync,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
