/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Media files named by SHA-256: the same content is stored once, lookups check the hash. */
#include <glib/gstdio.h>
#include "store-test-util.h"
#include "tayori-media-store.h"

static GFile *
write_source (const char *dir,
              const char *name,
              const char *contents,
              gsize       length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint count = 0;

  while (g_dir_read_name (handle) != NULL)
    count++;
  return count;
}

static void
test_add_and_dedupe (void)
{
  g_autofree char *sources = store_test_make_dir ();
  g_autofree char *root = store_test_make_dir ();
  g_autofree char *media = g_build_filename (root, "media", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) photo = write_source (sources, "写真.PNG", "abc", 3);
  g_autoptr(GFile) again = write_source (sources, "同じ写真.jpeg", "abc", 3);
  g_autoptr(GFile) other = write_source (sources, "noext", "other content", 13);
  g_autofree char *hash = NULL;
  g_autofree char *hash_again = NULL;
  g_autofree char *hash_other = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *stored_other = NULL;
  g_autofree char *contents = NULL;

  hash = tayori_media_store_add_file (media, photo, &error);
  g_assert_no_error (error);
  /* sha256("abc") */
  g_assert_cmpstr (hash, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  stored = tayori_media_store_lookup (media, hash);
  g_assert_true (g_str_has_suffix (stored, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png"));
  g_file_get_contents (stored, &contents, NULL, &error);
  g_assert_cmpstr (contents, ==, "abc");

  hash_again = tayori_media_store_add_file (media, again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash_again, ==, hash);
  g_assert_cmpuint (count_files (media), ==, 1);   /* no temporary file left either */

  hash_other = tayori_media_store_add_file (media, other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash_other, !=, hash);
  stored_other = tayori_media_store_lookup (media, hash_other);
  g_assert_true (g_str_has_suffix (stored_other, hash_other));
  g_assert_cmpuint (count_files (media), ==, 2);
}

static void
test_missing_source (void)
{
  g_autofree char *root = store_test_make_dir ();
  g_autofree char *media = g_build_filename (root, "media", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/tayori/file.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = tayori_media_store_add_file (media, missing, &error);

  g_assert_null (hash);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_files (media), ==, 0);
}

static void
test_hash_validation (void)
{
  g_autofree char *root = store_test_make_dir ();
  g_autofree char *trap = g_build_filename (root, "..", NULL);
  const char *valid = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  g_assert_true (tayori_media_store_is_hash (valid));
  g_assert_false (tayori_media_store_is_hash ("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
  g_assert_false (tayori_media_store_is_hash ("ba7816bf"));
  g_assert_false (tayori_media_store_is_hash ("../../../../etc/passwd"));
  g_assert_false (tayori_media_store_is_hash ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ag"));
  g_assert_false (tayori_media_store_is_hash (NULL));
  g_assert_null (tayori_media_store_lookup (root, "../tayori"));
  g_assert_null (tayori_media_store_lookup (trap, ""));
  g_assert_null (tayori_media_store_lookup (root, valid));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/store/media/add-and-dedupe", test_add_and_dedupe);
  g_test_add_func ("/tayori/store/media/missing-source", test_missing_source);
  g_test_add_func ("/tayori/store/media/hash-validation", test_hash_validation);

  return g_test_run ();
}
