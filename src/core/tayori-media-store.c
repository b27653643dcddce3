/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Media files named by content: the SHA-256 is computed while the file is copied into a
 * temporary file in the media folder, which is then renamed into place (or dropped when the
 * same content is already there), so a crash never leaves a half-written "<hash>.<ext>". */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include "tayori-media-store.h"

#define HASH_LENGTH 64
#define MAX_EXTENSION 10

gboolean
tayori_media_store_is_hash (const char *text)
{
  if (text == NULL || strlen (text) != HASH_LENGTH)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && !(*p >= 'a' && *p <= 'f'))
      return FALSE;
  return TRUE;
}

char *
tayori_media_store_lookup (const char *media_dir,
                           const char *hash)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!tayori_media_store_is_hash (hash))
    return NULL;
  dir = g_dir_open (media_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, hash) && (name[HASH_LENGTH] == '\0' || name[HASH_LENGTH] == '.'))
      return g_build_filename (media_dir, name, NULL);
  return NULL;
}

/* ".png" from "写真.PNG"; "" when the name has no plain short extension. */
static char *
extension_of (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  const char *dot = basename != NULL ? strrchr (basename, '.') : NULL;
  size_t length;

  if (dot == NULL)
    return g_strdup ("");
  length = strlen (dot + 1);
  if (length == 0 || length > MAX_EXTENSION)
    return g_strdup ("");
  for (const char *p = dot + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return g_strdup ("");
  return g_ascii_strdown (dot, -1);
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not store the file in “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      length -= written;
    }
  return TRUE;
}

/* Streams @input into @fd, hashing it on the way; returns the hex digest. */
static char *
copy_and_hash (GInputStream  *input,
               int            fd,
               const char    *temp_path,
               GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  gssize n;

  while ((n = g_input_stream_read (input, buffer, 64 * 1024, NULL, error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      if (!write_all (fd, buffer, n))
        {
          set_errno_error (error, errno, temp_path);
          return NULL;
        }
    }
  if (n < 0)
    return NULL;
  if (g_fsync (fd) != 0)
    {
      set_errno_error (error, errno, temp_path);
      return NULL;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

char *
tayori_media_store_add_file (const char  *media_dir,
                             GFile       *file,
                             GError     **error)
{
  g_autoptr(GFileInputStream) input = NULL;
  g_autofree char *temp_path = g_build_filename (media_dir, ".incoming-XXXXXX", NULL);
  g_autofree char *hash = NULL;
  g_autofree char *existing = NULL;
  g_autofree char *extension = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_mkdir_with_parents (media_dir, 0700) != 0)
    {
      set_errno_error (error, errno, media_dir);
      return NULL;
    }
  input = g_file_read (file, NULL, error);
  if (input == NULL)
    return NULL;

  fd = g_mkstemp_full (temp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_errno_error (error, errno, media_dir);
      return NULL;
    }
  hash = copy_and_hash (G_INPUT_STREAM (input), fd, temp_path, error);
  if (!g_close (fd, hash != NULL ? error : NULL) || hash == NULL)
    {
      g_remove (temp_path);
      return NULL;
    }

  existing = tayori_media_store_lookup (media_dir, hash);
  if (existing != NULL)
    {
      g_remove (temp_path);
      return g_steal_pointer (&hash);
    }

  extension = extension_of (file);
  name = g_strconcat (hash, extension, NULL);
  target = g_build_filename (media_dir, name, NULL);
  if (g_rename (temp_path, target) != 0)
    {
      set_errno_error (error, errno, media_dir);
      g_remove (temp_path);
      return NULL;
    }
  return g_steal_pointer (&hash);
}
