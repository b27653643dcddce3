/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where Tayori keeps its files: the user's data dir ($XDG_DATA_HOME/tayori) and the cache dir
 * ($XDG_CACHE_HOME/tayori) for what can be fetched or computed again. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *tayori_paths_data_dir   (void);   /* created on first call */
char       *tayori_paths_default_db (void);   /* <data>/tayori.db */
char       *tayori_paths_media_dir  (void);   /* <data>/media */
const char *tayori_paths_cache_dir  (void);   /* created on first call */

G_END_DECLS
