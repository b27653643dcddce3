/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between tayori-article-page.c (loading, autosave, status),
 * tayori-article-page-actions.c (page.* actions: save, history, export),
 * tayori-article-page-preview.c (the preview pane and its actions),
 * tayori-article-page-checks.c (the writing checks panel, fixes, dismissals, furigana) and
 * tayori-article-page-ai.c (the side pane it shares with the AI panel, AI provenance),
 * tayori-article-page-review.c (the CMS sync bar, 「承認依頼」, conflicts) and
 * tayori-article-page-sns.c (the 「SNS」 tab). */
#pragma once

#include <adwaita.h>

#include "tayori-article-form.h"
#include "tayori-article-page.h"
#include "tayori-article-saver.h"
#include "tayori-ai-panel.h"
#include "tayori-ai-provenance-button.h"
#include "tayori-body-editor.h"
#include "tayori-check-scheduler.h"
#include "tayori-checks-panel.h"
#include "tayori-preview-view.h"
#include "tayori-save-status.h"
#include "tayori-sns-composer.h"
#include "tayori-sync-bar.h"

G_BEGIN_DECLS

typedef struct _TayoriFieldFix TayoriFieldFix;

struct _TayoriArticlePage
{
  GtkWidget parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkPaned *paned;
  TayoriArticleForm *form;
  TayoriBodyEditor *body_editor;
  GtkWidget *preview_box;
  AdwBin *preview_bin;
  GtkLabel *zoom_label;
  TayoriSaveStatus *save_status;
  GtkWidget *ruby_box;
  GtkToggleButton *checks_button;
  GtkLabel *checks_badge;
  AdwFlap *checks_flap;
  TayoriChecksPanel *checks_panel;
  GtkToggleButton *ai_button;
  GtkStack *side_stack;
  TayoriAiPanel *ai_panel;
  TayoriAiProvenanceButton *provenance_button;

  TayoriStore *store;
  TayoriPreset *preset;
  GSettings *settings;
  TayoriPreviewView *preview;
  TayoriArticleSaver *saver;
  TayoriArticle *article;
  GSignalGroup *article_signals;
  gulong window_active_id;
  GtkWindow *window;
  guint load_serial;

  char *preview_mode;
  double preview_zoom;
  guint show_preview : 1;
  guint paned_placed : 1;
  GtkFileChooserNative *chooser;
  int export_format;   /* TayoriExportFormat of the open chooser */

  TayoriCheckScheduler *checks;
  TayoriFieldFix *field_fix;   /* the last Fix outside the body, for its Undo toast */
  guint ruby_grade;
  guint show_ruby : 1;

  TayoriAiService *ai;
  TayoriArticle *ai_learnt;    /* the article as the classifier last learnt it */

  TayoriSyncBar *sync_bar;
  GCancellable *review_cancellable;
  GtkWidget *theirs_window;    /* the CMS version shown while merging a conflict by hand */

  GtkStack *page_stack;        /* the article itself, or its 「SNS」 tab */
  AdwBin *sns_bin;
  TayoriSnsComposer *sns_composer;   /* NULL without the application's SNS service */
};

/* tayori-article-page-actions.c */
void _tayori_article_page_class_add_actions (GtkWidgetClass    *widget_class);
/* Enablement of page.* from the article and the zoom: the one place it is computed. */
void _tayori_article_page_update_actions    (TayoriArticlePage *self);
void _tayori_article_page_show_message      (TayoriArticlePage *self,
                                             const char        *message);

/* tayori-article-page-preview.c: the preview pane, its mode, visibility and zoom */
void     _tayori_article_page_class_add_preview_actions (GtkWidgetClass    *widget_class);
void     _tayori_article_page_setup_preview             (TayoriArticlePage *self);
/* Enablement of page.zoom-*, for _tayori_article_page_update_actions(). */
void     _tayori_article_page_update_zoom_actions       (TayoriArticlePage *self);
/* The setters of the preview properties: they return whether the value changed, for the
 * caller (set_property) to notify. */
gboolean _tayori_article_page_apply_preview_mode        (TayoriArticlePage *self,
                                                         const char        *mode);
gboolean _tayori_article_page_apply_show_preview        (TayoriArticlePage *self,
                                                         gboolean           show);
gboolean _tayori_article_page_apply_preview_zoom        (TayoriArticlePage *self,
                                                         double             zoom);

/* tayori-article-page-checks.c: the checks panel, its badge, fixes and dismissals; furigana */
void     _tayori_article_page_class_add_check_actions   (GtkWidgetClass    *widget_class);
void     _tayori_article_page_setup_checks              (TayoriArticlePage *self);
void     _tayori_article_page_dispose_checks            (TayoriArticlePage *self);
/* Follows the page's article (after the body editor and the preview took it). */
void     _tayori_article_page_checks_set_article        (TayoriArticlePage *self);
gboolean _tayori_article_page_get_can_submit            (TayoriArticlePage *self);
const char * const *_tayori_article_page_get_submit_blockers (TayoriArticlePage *self);
/* Setters of the furigana properties; they return whether the value changed. */
gboolean _tayori_article_page_apply_show_ruby           (TayoriArticlePage *self,
                                                         gboolean           show);
gboolean _tayori_article_page_apply_ruby_grade          (TayoriArticlePage *self,
                                                         guint              grade);

/* tayori-article-page-ai.c: the side pane (checks or AI), the AI panel, the AI badge, and
 * keeping the category classifier current as articles are saved */
void     _tayori_article_page_class_add_ai_actions      (GtkWidgetClass    *widget_class);
void     _tayori_article_page_setup_ai                  (TayoriArticlePage *self);
void     _tayori_article_page_dispose_ai                (TayoriArticlePage *self);
void     _tayori_article_page_ai_set_article            (TayoriArticlePage *self);
void     _tayori_article_page_ai_saved                  (TayoriArticlePage *self);

/* tayori-article-page-review.c: the CMS sync bar, 「承認依頼」 and conflicts */
void     _tayori_article_page_class_add_review_actions  (GtkWidgetClass    *widget_class);
void     _tayori_article_page_setup_review              (TayoriArticlePage *self);
void     _tayori_article_page_dispose_review            (TayoriArticlePage *self);
void     _tayori_article_page_review_set_article        (TayoriArticlePage *self);

/* tayori-article-page-sns.c: the 「SNS」 tab (F9 shows it) */
void     _tayori_article_page_class_add_sns_actions     (GtkWidgetClass    *widget_class);
void     _tayori_article_page_setup_sns                 (TayoriArticlePage *self);
void     _tayori_article_page_sns_set_article           (TayoriArticlePage *self);

G_END_DECLS
