/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The user's Tayori data and cache directories and the files in them. */
#include <errno.h>
#include <glib/gstdio.h>

#include "tayori-paths.h"

/* <base>/tayori, created private to the user: articles may hold unpublished notices, and the
 * cache names the pages they link to */
static char *
make_dir (const char *base)
{
  char *dir = g_build_filename (base, "tayori", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_warning ("Could not create %s: %s", dir, g_strerror (errno));
  return dir;
}

const char *
tayori_paths_data_dir (void)
{
  static char *data_dir;

  if (g_once_init_enter (&data_dir))
    g_once_init_leave (&data_dir, make_dir (g_get_user_data_dir ()));
  return data_dir;
}

const char *
tayori_paths_cache_dir (void)
{
  static char *cache_dir;

  if (g_once_init_enter (&cache_dir))
    g_once_init_leave (&cache_dir, make_dir (g_get_user_cache_dir ()));
  return cache_dir;
}

char *
tayori_paths_default_db (void)
{
  return g_build_filename (tayori_paths_data_dir (), "tayori.db", NULL);
}

char *
tayori_paths_media_dir (void)
{
  return g_build_filename (tayori_paths_data_dir (), "media", NULL);
}
