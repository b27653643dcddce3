/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints the sign-off record (決裁記録, tayori_signoff_render_html) through WebKit: the print
 * dialog, or straight into a PDF file (A4) without one. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Loads @html in an off-screen web view of Tayori's own web context and opens the print
 * dialog over @parent once it is laid out. */
void     tayori_signoff_print           (GtkWindow            *parent,
                                         const char           *html);
/* The same page printed into @file as a PDF, with no dialog. */
void     tayori_signoff_save_pdf_async  (const char           *html,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
/* Asks for the file first (a file chooser over @parent, the name made from @title); the
 * user's cancel ends in G_IO_ERROR_CANCELLED. Also finished by
 * tayori_signoff_save_pdf_finish(). */
void     tayori_signoff_save_pdf_as_async (GtkWindow           *parent,
                                           const char          *html,
                                           const char          *title,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean tayori_signoff_save_pdf_finish (GAsyncResult         *result,
                                         GError              **error);

G_END_DECLS
