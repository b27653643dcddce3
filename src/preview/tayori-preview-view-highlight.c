/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preview's highlight of one element (a finding the user selected): set and cleared from
 * the view's isolated script world by resources/preview/js/highlight.js. */

#include "tayori-preview-view-private.h"

void
tayori_preview_view_highlight (TayoriPreviewView *self,
                               const char        *selector,
                               const char        *sourcepos)
{
  GVariantDict arguments;

  g_return_if_fail (TAYORI_IS_PREVIEW_VIEW (self));

  /* Before the shell is loaded there is nothing to mark (and nothing marked to clear). */
  if (!self->shell_ready)
    return;

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "selector", "s", selector != NULL ? selector : "");
  g_variant_dict_insert (&arguments, "sourcepos", "s", sourcepos != NULL ? sourcepos : "");
  _tayori_preview_view_call_script (self, "highlight.js", g_variant_dict_end (&arguments),
                                    _tayori_preview_view_script_done_cb);
}

void
tayori_preview_view_clear_highlight (TayoriPreviewView *self)
{
  g_return_if_fail (TAYORI_IS_PREVIEW_VIEW (self));

  tayori_preview_view_highlight (self, NULL, NULL);
}
