/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriPreset: the organisation preset (lists, contact defaults, limits, template) that IT
 * staff place in a system location, layered over the defaults embedded in the core. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_PRESET (tayori_preset_get_type ())
G_DECLARE_FINAL_TYPE (TayoriPreset, tayori_preset, TAYORI, PRESET, GObject)

/* Embedded defaults, then the first existing file of: $TAYORI_PRESET,
 * /app/preset/preset.conf (Flatpak extension io.github.tayori.Tayori.Preset),
 * SYSCONFDIR/tayori/preset.conf. A malformed file is reported in @error and the defaults stay:
 * both constructors that take a file always return a usable preset, even with @error set. */
TayoriPreset       *tayori_preset_load                 (GError      **error);
/* Defaults plus one explicit file (tests, CLI --preset). */
TayoriPreset       *tayori_preset_new_from_file        (const char   *path,
                                                        GError      **error);
TayoriPreset       *tayori_preset_new_defaults         (void);
const char         *tayori_preset_get_source           (TayoriPreset *self); /* file path or "defaults" */

const char * const *tayori_preset_get_categories       (TayoriPreset *self); /* "防災", "防災/避難所", … */
const char * const *tayori_preset_get_audiences        (TayoriPreset *self);
const char * const *tayori_preset_get_wards            (TayoriPreset *self);
const char * const *tayori_preset_get_departments      (TayoriPreset *self);
const char         *tayori_preset_get_city_name        (TayoriPreset *self);
/* Contact defaults: keys "section", "phone", "fax", "email", "address"; NULL when unset. */
const char         *tayori_preset_get_contact_default  (TayoriPreset *self,
                                                        const char   *key);
guint               tayori_preset_get_summary_limit    (TayoriPreset *self); /* default 120 */
/* Path of a replacement preview/export template directory, or NULL for the bundled one. */
const char         *tayori_preset_get_template_dir     (TayoriPreset *self);
/* "group/key" (e.g. "lists/wards", "article/summary-limit") locked by IT: users cannot change it. */
gboolean            tayori_preset_is_locked            (TayoriPreset *self,
                                                        const char   *group_key);
/* A new keyfile with the "checks" and "check:RULE-ID" groups (writing-check settings; see
 * tayori-check-settings.h): the embedded defaults with the organisation file's keys over them. */
GKeyFile           *tayori_preset_dup_check_keyfile    (TayoriPreset *self);
/* A new keyfile with the "ai" and "ai-endpoint:NAME" groups (AI policy and endpoints; see
 * tayori-ai-policy.h and tayori-ai-endpoint.h), merged the same way. */
GKeyFile           *tayori_preset_dup_ai_keyfile       (TayoriPreset *self);
/* A new keyfile with the "sns" group (hashtags for SNS drafts; see tayori-sns-draft.h). */
GKeyFile           *tayori_preset_dup_sns_keyfile      (TayoriPreset *self);
/* A new keyfile with the group @group and the groups starting with @prefix, merged the same
 * way: "workflow" (approval levels, tayori-workflow.h), "cms:"/"channel:" (tayori-accounts.h),
 * "emergency" and "posting" (tayori-post-queue.h). */
GKeyFile           *tayori_preset_dup_groups           (TayoriPreset *self,
                                                        const char   *group,
                                                        const char   *prefix);

G_END_DECLS
