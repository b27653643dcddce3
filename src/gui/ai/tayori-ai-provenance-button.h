/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiProvenanceButton: the "AI-generated" badge of the article page. Shown while any
 * field or paragraph of the article came from generative AI; its popover lists which, from
 * which service and model, when, and whether a person edited it afterwards. */
#pragma once

#include <adwaita.h>
#include "tayori-article.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_AI_PROVENANCE_BUTTON (tayori_ai_provenance_button_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiProvenanceButton, tayori_ai_provenance_button, TAYORI, AI_PROVENANCE_BUTTON, AdwBin)

void tayori_ai_provenance_button_set_article (TayoriAiProvenanceButton *self,
                                              TayoriArticle            *article);

G_END_DECLS
