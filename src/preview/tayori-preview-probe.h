/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A test hook: with TAYORI_PREVIEW_PROBE=FILE set, every update of a preview view writes what
 * its page shows (title, text, images, slots) as JSON to FILE, for the GUI tests. */
#pragma once

#include "tayori-preview-view.h"

G_BEGIN_DECLS

void tayori_preview_probe_attach (TayoriPreviewView *view);

G_END_DECLS
