/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the built-in offline provider: the extractive summary and the やさしい日本語 rewrite of a
 * 30,000-character body (the corpus notices, one after another), the thumbnail card with and
 * without a 3000×2000 JPEG photo, the SNS drafts, and the post counters on 100,000 characters. */
#include <stdlib.h>
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "tayori-easy-rewrite.h"
#include "tayori-front-matter.h"
#include "tayori-sns-draft.h"
#include "tayori-summarizer.h"
#include "tayori-thumbnail.h"

#define TARGET_CHARACTERS 30000
#define COUNT_CHARACTERS  100000
#define WARM_UP_RUNS      3
#define DEFAULT_RUNS      50

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_times (const char *what,
             double     *times,
             guint       runs)
{
  qsort (times, runs, sizeof (double), compare_doubles);
  g_print ("%-52s p50 %8.3f ms  p95 %8.3f ms  max %8.3f ms\n", what,
           times[runs / 2], times[MIN (runs - 1, runs * 95 / 100)], times[runs - 1]);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The corpus notices, sorted by file name. */
static GPtrArray *
load_notices (const char *corpus_dir)
{
  g_autofree char *dir_path = g_build_filename (corpus_dir, "notices", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *notices = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  if (dir == NULL)
    g_error ("no corpus in %s", dir_path);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      TayoriArticle *notice;

      if (!g_file_get_contents (g_ptr_array_index (names, i), &text, NULL, &error) ||
          (notice = tayori_front_matter_parse (text, -1, NULL, &error)) == NULL)
        g_error ("%s", error->message);
      g_ptr_array_add (notices, notice);
    }
  if (notices->len == 0)
    g_error ("no notices in %s", dir_path);
  return notices;
}

static char *
long_body (GPtrArray *notices)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; g_utf8_strlen (body->str, -1) < TARGET_CHARACTERS; i = (i + 1) % notices->len)
    g_string_append_printf (body, "%s\n", tayori_article_get_body (g_ptr_array_index (notices, i)));
  return g_string_free (body, FALSE);
}

/* A 3000×2000 JPEG like a camera's: smooth colour with some texture. */
static GBytes *
camera_photo (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 3000, 2000);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;
  guint32 noise = 1;

  for (int y = 0; y < 2000; y++)
    for (int x = 0; x < 3000; x++)
      {
        guchar *p = pixels + y * stride + x * 3;

        noise = noise * 1664525 + 1013904223;
        p[0] = (x * 255 / 3000 + (noise >> 28)) & 0xFF;
        p[1] = (y * 255 / 2000 + (noise >> 27 & 0xF)) & 0xFF;
        p[2] = ((x + y) * 255 / 5000) & 0xFF;
      }
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "jpeg", &error, "quality", "85", NULL))
    g_error ("%s", error->message);
  return g_bytes_new_take (buffer, length);
}

typedef void (*Task) (gpointer data);

static void
time_task (const char *what,
           Task        task,
           gpointer    data,
           guint       runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < WARM_UP_RUNS; i++)
    task (data);
  for (guint i = 0; i < runs; i++)
    {
      double start = now_ms ();

      task (data);
      times[i] = now_ms () - start;
    }
  print_times (what, times, runs);
}

static void
summarize (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = tayori_summarize_extractive (data, 120, &error);

  if (summary == NULL)
    g_error ("%s", error->message);
}

static void
rewrite (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *easy = tayori_easy_rewrite (data, &error);

  if (easy == NULL)
    g_error ("%s", error->message);
}

typedef struct {
  TayoriArticle *article;
  TayoriPreset  *preset;
  GBytes        *photo;
} Card;

static void
thumbnail (gpointer data)
{
  Card *card = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = tayori_thumbnail_render (card->article, card->preset, card->photo, &error);

  if (png == NULL)
    g_error ("%s", error->message);
}

static void
sns_drafts (gpointer data)
{
  Card *card = data;

  for (TayoriPostNetwork network = TAYORI_POST_NETWORK_X; network <= TAYORI_POST_NETWORK_LINE; network++)
    g_free (tayori_sns_draft (card->article, card->preset, network,
                              "https://www.city.osaka.lg.jp/konohana/page/0000123456.html", 0));
}

static void
count_characters (const char *body)
{
  g_autoptr(GString) text = g_string_new (NULL);
  glong n;

  while (g_utf8_strlen (text->str, -1) < COUNT_CHARACTERS)
    g_string_append (text, body);
  g_string_truncate (text, g_utf8_offset_to_pointer (text->str, COUNT_CHARACTERS) - text->str);
  n = g_utf8_strlen (text->str, -1);
  for (TayoriPostNetwork network = TAYORI_POST_NETWORK_X; network <= TAYORI_POST_NETWORK_LINE; network++)
    {
      double start = now_ms ();
      guint length = tayori_post_count (network, text->str);
      double elapsed = now_ms () - start;

      g_print ("count %-9s %ld characters -> %6u          %8.3f ms  %.3f us/character\n",
               tayori_post_network_to_string (network), n, length, elapsed, elapsed * 1000 / n);
    }
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : DEFAULT_RUNS;
  g_autoptr(GPtrArray) notices = load_notices (argc > 2 ? argv[2] : CORPUS_DIR);
  g_autofree char *body = long_body (notices);
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(GBytes) photo = camera_photo ();
  g_autoptr(TayoriArticle) unsummarized = tayori_article_copy (g_ptr_array_index (notices, 0));
  Card card = { g_ptr_array_index (notices, 0), preset, NULL };
  Card card_photo = { g_ptr_array_index (notices, 0), preset, photo };
  Card card_unsummarized = { unsummarized, preset, NULL };

  if (runs == 0)
    runs = DEFAULT_RUNS;
  tayori_article_set_summary (unsummarized, NULL);
  g_print ("body: %ld characters of %u notices; %u runs after %u warm-up runs\n",
           g_utf8_strlen (body, -1), notices->len, runs, WARM_UP_RUNS);
  time_task ("extractive summary, 30,000 characters (120 max)", summarize, body, runs);
  time_task ("easy-Japanese rewrite, 30,000 characters", rewrite, body, runs);
  time_task ("thumbnail 1200x630, no photo", thumbnail, &card, runs);
  g_print ("(photo: 3000x2000 JPEG, %" G_GSIZE_FORMAT " bytes)\n", g_bytes_get_size (photo));
  time_task ("thumbnail 1200x630, with photo", thumbnail, &card_photo, runs);
  time_task ("SNS drafts, 4 networks, article summary", sns_drafts, &card, runs);
  time_task ("SNS drafts, 4 networks, built-in summary of the body", sns_drafts, &card_unsummarized, runs);
  count_characters (body);
  return 0;
}
