/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCheckSettings: rule settings (on/off, thresholds, word lists) from the organisation
 * preset. The preset keyfile holds one group per rule, "[check:RULE-ID]", with the key
 * "enabled" (true/false), an optional "severity" and rule-specific keys; "[checks]" holds
 * settings shared by several rules (e.g. organisation-domains). Immutable, thread-safe. */
#pragma once

#include <glib-object.h>
#include "tayori-preset.h"
#include "tayori-check-rule.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_CHECK_SETTINGS (tayori_check_settings_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckSettings, tayori_check_settings, TAYORI, CHECK_SETTINGS, GObject)

TayoriCheckSettings *tayori_check_settings_new           (TayoriPreset        *preset);
TayoriCheckSettings *tayori_check_settings_new_defaults  (void);

/* An axe-core rule ("axe/ID") without a group of its own follows "[check:axe]". */
gboolean             tayori_check_settings_is_enabled    (TayoriCheckSettings *self,
                                                          const char          *rule_id);
/* The preset's "severity" for the rule, else the catalogue default. */
TayoriSeverity       tayori_check_settings_get_severity  (TayoriCheckSettings *self,
                                                          const char          *rule_id);
/* TRUE when the preset sets a valid severity for the rule (the runner applies only those). */
gboolean             tayori_check_settings_get_severity_override (TayoriCheckSettings *self,
                                                                  const char          *rule_id,
                                                                  TayoriSeverity      *severity);
/* @group is a rule id (group "check:ID") or NULL for the shared "[checks]" group. Values that
 * are missing or do not parse give @fallback / NULL. */
gint64               tayori_check_settings_get_int       (TayoriCheckSettings *self,
                                                          const char          *group,
                                                          const char          *key,
                                                          gint64               fallback);
double               tayori_check_settings_get_double    (TayoriCheckSettings *self,
                                                          const char          *group,
                                                          const char          *key,
                                                          double               fallback);
const char          *tayori_check_settings_get_string    (TayoriCheckSettings *self,
                                                          const char          *group,
                                                          const char          *key);
/* ";"-separated list, items trimmed, empty ones dropped; NULL when unset. */
const char * const  *tayori_check_settings_get_list      (TayoriCheckSettings *self,
                                                          const char          *group,
                                                          const char          *key);

G_END_DECLS
