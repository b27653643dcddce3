/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Emergency notices (緊急情報): templates (避難情報, 断水, 休校, 交通…) in
 * resources/emergency/NAME.template (keyfiles with the Japanese, やさしい日本語 and English texts
 * and their fields), overridable by the preset's [emergency] group, that make the three linked
 * articles and their short SNS posts. */
#pragma once

#include <glib.h>
#include "tayori-article.h"
#include "tayori-preset.h"

G_BEGIN_DECLS

typedef struct {
  char  *id;          /* "evacuation", "water-outage", "school-closure", "traffic" */
  char  *label;       /* 「避難情報」 */
  GStrv  fields;      /* placeholders the person fills: "area", "time", "shelter", … */
  GStrv  field_labels;
} TayoriEmergencyTemplate;

void       tayori_emergency_template_free (TayoriEmergencyTemplate *template_);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriEmergencyTemplate, tayori_emergency_template_free)
/* Element type TayoriEmergencyTemplate. */
GPtrArray *tayori_emergency_templates     (TayoriPreset *preset);
/* Three articles (ja, ja-easy, en) sharing a translation group, emergency set, category from
 * the template, filled from @values (field → text); missing fields are an error naming them. */
GPtrArray *tayori_emergency_build         (TayoriPreset *preset, const char *template_id,
                                           GHashTable *values, GError **error);
/* The template's short SNS posts in the same order (ja, ja-easy, en), filled the same way.
 * A value under "FIELD@LANGUAGE" ("level@en") replaces FIELD in that language. */
GStrv      tayori_emergency_build_posts   (TayoriPreset *preset, const char *template_id,
                                           GHashTable *values, GError **error);

G_END_DECLS
