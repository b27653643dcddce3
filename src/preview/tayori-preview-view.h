/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriPreviewView: the live preview of an article inside the city-site template, as on a PC
 * or a phone. The page is loaded once; edits are pushed into it without reloading. */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "tayori-article.h"
#include "tayori-preset.h"

G_BEGIN_DECLS

/* Width of the phone viewport in CSS pixels. */
#define TAYORI_PREVIEW_PHONE_WIDTH 375

#define TAYORI_TYPE_PREVIEW_VIEW (tayori_preview_view_get_type ())
G_DECLARE_FINAL_TYPE (TayoriPreviewView, tayori_preview_view, TAYORI, PREVIEW_VIEW, GtkWidget)

GtkWidget     *tayori_preview_view_new                  (TayoriPreset      *preset);
/* Shows @article (may be NULL) and follows its changes until another article is set. */
void           tayori_preview_view_set_article          (TayoriPreviewView *self,
                                                         TayoriArticle     *article);
TayoriArticle *tayori_preview_view_get_article          (TayoriPreviewView *self);
void           tayori_preview_view_set_phone_mode       (TayoriPreviewView *self,
                                                         gboolean           phone);
gboolean       tayori_preview_view_get_phone_mode       (TayoriPreviewView *self);
/* Page zoom, clamped to 0.5–2.0. */
void           tayori_preview_view_set_zoom             (TayoriPreviewView *self,
                                                         double             zoom);
double         tayori_preview_view_get_zoom             (TayoriPreviewView *self);
/* Scrolls to the body block whose source range contains @line (1-based, in the body text). */
void           tayori_preview_view_scroll_to_source_line (TayoriPreviewView *self,
                                                          guint              line);
/* The view's web view, e.g. for tayori_axe_run_async(); run it after "updated", which says
 * the page shows the current article. */
WebKitWebView *tayori_preview_view_get_web_view         (TayoriPreviewView *self);
/* Shows the body with ruby (furigana, see tayori-ruby.h): on every kanji word when
 * @above_grade is 0, else only on words with a kanji above that school grade. When ruby
 * cannot be made (no MeCab) the body is shown without it. Also the "ruby" and "ruby-grade"
 * properties. */
void           tayori_preview_view_set_ruby             (TayoriPreviewView *self,
                                                         gboolean           ruby,
                                                         guint              above_grade);
gboolean       tayori_preview_view_get_ruby             (TayoriPreviewView *self);
guint          tayori_preview_view_get_ruby_grade       (TayoriPreviewView *self);
/* Outlines and scrolls to one element of the page: the one @selector finds (a selector
 * relative to the body, as C-side findings give, or for the whole page, as axe gives), else
 * the body block whose data-sourcepos is @sourcepos ("L:C-L:C"); either may be NULL. Clears
 * the earlier highlight; an element that is not found leaves none. The highlight stays while
 * its block is unchanged, until the next call or tayori_preview_view_clear_highlight(). */
void           tayori_preview_view_highlight            (TayoriPreviewView *self,
                                                         const char        *selector,
                                                         const char        *sourcepos);
void           tayori_preview_view_clear_highlight      (TayoriPreviewView *self);

G_END_DECLS
