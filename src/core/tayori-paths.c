/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The user's Tayori data directory and the files in it. */
#include <errno.h>
#include <glib/gstdio.h>

#include "tayori-paths.h"

const char *
tayori_paths_data_dir (void)
{
  static char *data_dir;

  if (g_once_init_enter (&data_dir))
    {
      char *dir = g_build_filename (g_get_user_data_dir (), "tayori", NULL);

      /* Articles may hold unpublished notices: keep them private to the user */
      if (g_mkdir_with_parents (dir, 0700) != 0)
        g_warning ("Could not create %s: %s", dir, g_strerror (errno));
      g_once_init_leave (&data_dir, dir);
    }
  return data_dir;
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
