/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals of TayoriPreviewView shared by its files: the widget (tayori-preview-view.c), the
 * update loop (-update.c), the locked-down web view (-web.c) and the highlight (-highlight.c). */
#pragma once

#include "tayori-preview-view.h"

G_BEGIN_DECLS

struct _TayoriPreviewView
{
  GtkWidget      parent_instance;

  TayoriPreset  *preset;
  TayoriArticle *article;
  GtkWidget     *frame;
  WebKitWebView *web_view;
  GCancellable  *cancellable;

  char          *shell_template;
  GHashTable    *shown;        /* slot -> HTML now in the page */
  GHashTable    *pushing;      /* slot -> HTML of the push in flight */
  guint          pending_line; /* 0 = no scroll waiting */
  double         zoom;
  guint          ruby_grade;   /* ruby only above this kanji grade; 0 = on every kanji word */

  guint          phone_mode : 1;
  guint          expect_shell_load : 1;
  guint          shell_ready : 1;
  guint          busy : 1;     /* a render or push is in flight */
  guint          dirty : 1;    /* the article changed since the last render started */
  guint          ruby : 1;     /* the body is shown with ruby (furigana) */
};

void           _tayori_preview_view_emit_updated       (TayoriPreviewView *self);
void           _tayori_preview_view_emit_activate_link (TayoriPreviewView *self,
                                                        const char        *uri);

void           _tayori_preview_view_load_shell_async   (TayoriPreviewView *self);
void           _tayori_preview_view_queue_update       (TayoriPreviewView *self);
void           _tayori_preview_view_flush_scroll       (TayoriPreviewView *self);
/* Runs resources/preview/js/@name in the view's script world; @arguments: a{sv} or NULL. */
void           _tayori_preview_view_call_script        (TayoriPreviewView   *self,
                                                        const char          *name,
                                                        GVariant            *arguments,
                                                        GAsyncReadyCallback  callback);
/* A callback for scripts whose result does not matter: failures are logged. */
void           _tayori_preview_view_script_done_cb     (GObject             *source_object,
                                                        GAsyncResult        *result,
                                                        gpointer             user_data);

WebKitWebView *_tayori_preview_view_create_web_view    (TayoriPreviewView *self);

G_END_DECLS
