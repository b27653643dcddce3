/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriExcludeModel: the article list minus a few articles the user just deleted (their
 * undo toast is still up), without walking the lazy list underneath. */
#pragma once

#include <gio/gio.h>

#include "tayori-article-list-model.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_EXCLUDE_MODEL (tayori_exclude_model_get_type ())
G_DECLARE_FINAL_TYPE (TayoriExcludeModel, tayori_exclude_model, TAYORI, EXCLUDE_MODEL, GObject)

TayoriExcludeModel     *tayori_exclude_model_new      (TayoriArticleListModel *base);
TayoriArticleListModel *tayori_exclude_model_get_base (TayoriExcludeModel     *self);
void                    tayori_exclude_model_hide     (TayoriExcludeModel     *self,
                                                       gint64                  id);
void                    tayori_exclude_model_unhide   (TayoriExcludeModel     *self,
                                                       gint64                  id);
/* The article was deleted from the store: it stops being hidden when the base no longer has it. */
void                    tayori_exclude_model_release  (TayoriExcludeModel     *self,
                                                       gint64                  id);
/* Position of the article in this model, or -1 (not loaded, or hidden). */
int                     tayori_exclude_model_find     (TayoriExcludeModel     *self,
                                                       gint64                  id);

G_END_DECLS
