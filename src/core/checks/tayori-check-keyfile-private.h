/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keyfile reading that the rule catalogue (tayori-check-rule.c) and the check settings
 * (tayori-check-settings.c, where it lives) share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The ";"-separated list at @group/@key, each item stripped and empty ones left out (an empty
 * list when the key is missing). */
GStrv tayori_check_keyfile_get_list (GKeyFile   *keyfile,
                                     const char *group,
                                     const char *key);

G_END_DECLS
