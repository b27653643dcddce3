/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The easy-japanese checker split by method: rules on characters and sentence lengths
 * (tayori-check-easy-japanese.c) and rules on MeCab's analysis (-grammar.c). */
#pragma once

#include "tayori-check-settings.h"
#include "tayori-easy-text.h"
#include "tayori-finding.h"
#include "tayori-mecab.h"

G_BEGIN_DECLS

/* One field being checked. */
typedef struct {
  TayoriCheckSettings *settings;
  GPtrArray           *findings;
  const char          *field;
  TayoriProseText     *prose;
  GArray              *sentences;  /* TayoriSentence */
  GArray              *morphemes;  /* TayoriMorpheme of the prose; NULL without MeCab */
  gboolean             easy;       /* the やさしい日本語 version */
} TayoriEasyField;

/* Whether @rule_id runs on this field: enabled, and for the rules meant for the やさしい日本語
 * version only, the article is that version or the preset sets "all-japanese=true". */
gboolean       tayori_easy_field_applies     (TayoriEasyField *self,
                                              const char      *rule_id,
                                              gboolean         easy_only);
/* Index of the first morpheme that ends after @offset of the prose (the morphemes' length
 * when there is none). */
guint          tayori_easy_field_find_morpheme (TayoriEasyField *self,
                                                gsize            offset);
/* A finding over the prose range [start, end), with {text} set to that prose. */
TayoriFinding *tayori_easy_field_add_finding (TayoriEasyField *self,
                                              const char      *rule_id,
                                              gsize            start,
                                              gsize            end);

/* easy-passive, easy-causative, easy-honorific-density, easy-double-negative. */
void           tayori_check_easy_grammar     (TayoriEasyField *self);

G_END_DECLS
