/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The city-site page around an article: named HTML fragments (title, breadcrumb, date,
 * audiences, body, contact box, attachments, links) and the template that places them.
 * The preview pushes the fragments into a live page; export fills the template once. */
#pragma once

#include "tayori-article.h"
#include "tayori-preset.h"

G_BEGIN_DECLS

/* Slot names, in template order; NULL-terminated. */
extern const char * const tayori_page_slots[];

/* slot name -> safe HTML (every user string entity-encoded; body sanitised). */
GHashTable *tayori_page_build_fragments (TayoriArticle *article,
                                         TayoriPreset  *preset);
/* Template HTML with "{{slot}}" markers in element content. When @live is TRUE each slot is
 * wrapped in <div data-slot="NAME"> (or <span> inside inline parents) for later updates; a
 * slot may appear more than once (the bundled template shows "city" in header and footer),
 * and one inside <title> is filled without a wrapper. */
char       *tayori_page_fill_template   (const char    *template_html,
                                         GHashTable    *fragments,
                                         gboolean       live);
/* "page.html" or "page.css" from the preset's template directory when it has one, else the
 * bundled copy under TAYORI_PAGE_RESOURCE_DIR in the core GResource. Synchronous: the files
 * are small, but call it off the main loop when a preset directory is set. */
#define TAYORI_PAGE_RESOURCE_DIR "/io/github/tayori/Tayori/core/page/"
GBytes     *tayori_page_load_asset      (TayoriPreset  *preset,
                                         const char    *name,
                                         GError       **error);
/* Standalone HTML export: bundled template and CSS inlined, no script. */
char       *tayori_page_render_standalone (TayoriArticle *article,
                                           TayoriPreset  *preset,
                                           GError       **error);

G_END_DECLS
