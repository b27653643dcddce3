/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The images of the municipal-structure family: alternative text that is missing, empty, a
 * file name or too long; images embedded as data: addresses; frames without a title. */
#include <string.h>

#include "tayori-checker.h"
#include "tayori-check-structure-private.h"

#define RULE_MISSING  "image-alt-missing"
#define RULE_EMPTY    "image-alt-empty"
#define RULE_FILENAME "image-alt-filename"
#define RULE_TOO_LONG "image-alt-too-long"
#define RULE_DATA_URI "image-data-uri"
#define RULE_IFRAME   "iframe-title"

/* NICT's Web Helper limit for alternative text, in characters */
#define DEFAULT_MAX_LENGTH 75

/* What cameras, phones and editors name files: "IMG_0001", "DSC01234", "photo.jpg",
 * "image1.png", "スクリーンショット 2024-04-01" */
#define FILE_NAME_PATTERN \
  "^(?:[^\\s/]+\\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|heic|avif)" \
  "|(?:img|image|dsc[nf]?|pxl|dcim|photo|pic|picture|screenshot|スクリーンショット|画像|写真)" \
  "[\\s_\\-]*[0-9][0-9_\\-\\s]*" \
  "|[0-9]{6,}[0-9_\\-]*)$"

struct _TayoriCheckImages
{
  GObject parent_instance;
};

#define TAYORI_TYPE_CHECK_IMAGES (tayori_check_images_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckImages, tayori_check_images, TAYORI, CHECK_IMAGES, GObject)

static void tayori_check_images_checker_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckImages, tayori_check_images, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER,
                                                      tayori_check_images_checker_init))

typedef struct {
  TayoriCheckDocument *document;
  TayoriCheckSettings *settings;
  GPtrArray           *findings;
} Run;

static gpointer
compile_regex (gpointer data)
{
  return g_regex_new (FILE_NAME_PATTERN, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
}

static void
add_finding (Run                      *run,
             const char               *rule_id,
             const TayoriCheckElement *element,
             const char               *text)
{
  TayoriFinding *finding;

  if (!tayori_check_settings_is_enabled (run->settings, rule_id))
    return;
  finding = tayori_structure_finding_new (rule_id, element);
  if (text != NULL)
    tayori_finding_set_arg (finding, "text", text);
  g_ptr_array_add (run->findings, finding);
}

/* @name, and @name without its extension */
static void
add_name (GPtrArray  *names,
          const char *name)
{
  const char *dot = strrchr (name, '.');

  g_ptr_array_add (names, g_strdup (name));
  if (dot != NULL && dot > name)
    g_ptr_array_add (names, g_strndup (name, dot - name));
}

/* The names the image's file goes by: the last part of its path, and the attachment's name
 * when the image is one ("tayori-media:HASH") */
static GPtrArray *
file_names (TayoriCheckDocument *document,
            const char          *target)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *attachments = tayori_article_get_attachments (tayori_check_document_get_article (document));
  g_autofree char *basename = tayori_structure_target_basename (target);

  if (basename[0] == '\0')
    return names;
  add_name (names, basename);
  for (guint i = 0; i < attachments->len; i++)
    {
      const TayoriAttachment *attachment = g_ptr_array_index (attachments, i);

      if (g_strcmp0 (attachment->hash, basename) == 0 && attachment->name != NULL)
        add_name (names, attachment->name);
    }
  return names;
}

static gboolean
is_file_name (TayoriCheckDocument *document,
              const char          *alt,
              const char          *target)
{
  static GOnce once = G_ONCE_INIT;
  GRegex *regex = g_once (&once, compile_regex, NULL);
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *folded = g_utf8_casefold (alt, -1);

  if (g_regex_match (regex, alt, 0, NULL))
    return TRUE;
  if (target == NULL)
    return FALSE;
  names = file_names (document, target);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *name = g_utf8_casefold (g_ptr_array_index (names, i), -1);

      /* The whole name, or the name with its extension anywhere in the text */
      if (strcmp (folded, name) == 0 || (strchr (name, '.') != NULL && strstr (folded, name) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* alt="" marks decoration; HTML can say so again with role or aria-hidden */
static gboolean
declared_decorative (TayoriCheckDocument      *document,
                     const TayoriCheckElement *element)
{
  g_autofree char *role = tayori_structure_dup_attribute (document, element, "role");
  g_autofree char *hidden = tayori_structure_dup_attribute (document, element, "aria-hidden");

  return g_strcmp0 (role, "presentation") == 0 || g_strcmp0 (role, "none") == 0 ||
         g_strcmp0 (hidden, "true") == 0;
}

/* HTML may name an image without alt: aria-label, aria-labelledby or title */
static gboolean
named_otherwise (TayoriCheckDocument      *document,
                 const TayoriCheckElement *element)
{
  static const char * const names[] = { "aria-label", "aria-labelledby", "title" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *value = tayori_structure_dup_attribute (document, element, names[i]);

      if (value != NULL && !tayori_structure_is_blank (value, strlen (value)))
        return TRUE;
    }
  return FALSE;
}

/* "![](x.png)" in Markdown: the writer gave no text at all, which is never a decision */
static gboolean
is_markdown_image (TayoriCheckDocument      *document,
                   const TayoriCheckElement *element)
{
  const char *body = tayori_check_document_get_text (document, "body");

  return tayori_check_document_get_kind (document) == TAYORI_CHECK_SOURCE_MARKDOWN &&
         body[element->source_start] != '<';
}

static gboolean
has_data_uri (TayoriCheckDocument      *document,
              const TayoriCheckElement *element,
              const char               *target)
{
  const char *body = tayori_check_document_get_text (document, "body");

  /* The sanitiser drops data: sources from Markdown, so look at what was written */
  if (target != NULL)
    return g_ascii_strncasecmp (target, "data:", 5) == 0;
  return tayori_check_document_get_kind (document) == TAYORI_CHECK_SOURCE_MARKDOWN &&
         tayori_structure_has_own_range (document, element) &&
         g_strstr_len (body + element->source_start, element->source_end - element->source_start,
                       "(data:") != NULL;
}

static void
check_image (Run                      *run,
             const TayoriCheckElement *element)
{
  TayoriCheckDocument *document = run->document;
  g_autofree char *alt = tayori_structure_dup_attribute (document, element, "alt");
  g_autofree char *target = tayori_structure_dup_target (document, element);
  g_autofree char *stripped = NULL;
  gint64 max_length;
  glong length;

  if (has_data_uri (document, element, target))
    add_finding (run, RULE_DATA_URI, element, NULL);
  if (alt == NULL || (alt[0] == '\0' && is_markdown_image (document, element)))
    {
      if (!named_otherwise (document, element) && !declared_decorative (document, element))
        add_finding (run, RULE_MISSING, element, NULL);
      return;
    }
  stripped = tayori_structure_strip (alt);
  if (stripped[0] == '\0')
    {
      if (!declared_decorative (document, element))
        add_finding (run, RULE_EMPTY, element, NULL);
      return;
    }
  if (is_file_name (document, stripped, target))
    {
      add_finding (run, RULE_FILENAME, element, stripped);
      return;
    }
  max_length = tayori_check_settings_get_int (run->settings, RULE_TOO_LONG, "max-length",
                                              DEFAULT_MAX_LENGTH);
  length = g_utf8_strlen (stripped, -1);
  if (length > max_length && tayori_check_settings_is_enabled (run->settings, RULE_TOO_LONG))
    {
      TayoriFinding *finding = tayori_structure_finding_new (RULE_TOO_LONG, element);
      g_autofree char *count = g_strdup_printf ("%ld", length);
      g_autofree char *limit = g_strdup_printf ("%" G_GINT64_FORMAT, max_length);

      tayori_finding_set_arg (finding, "count", count);
      tayori_finding_set_arg (finding, "limit", limit);
      g_ptr_array_add (run->findings, finding);
    }
}

static void
check_frame (Run                      *run,
             const TayoriCheckElement *element)
{
  if (!named_otherwise (run->document, element))
    add_finding (run, RULE_IFRAME, element, NULL);
}

static void
tayori_check_images_check (TayoriChecker       *checker,
                           TayoriCheckDocument *document,
                           TayoriCheckSettings *settings,
                           GPtrArray           *findings,
                           GCancellable        *cancellable)
{
  Run run = { document, settings, findings };

  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    {
      const TayoriCheckElement *element = tayori_check_document_get_element (document, i);

      if (strcmp (element->tag, "img") == 0)
        check_image (&run, element);
      else if (strcmp (element->tag, "iframe") == 0)
        check_frame (&run, element);
    }
}

static const char *
tayori_check_images_get_family (TayoriChecker *checker)
{
  return TAYORI_STRUCTURE_FAMILY;
}

static void
tayori_check_images_checker_init (TayoriCheckerInterface *iface)
{
  iface->get_family = tayori_check_images_get_family;
  iface->check = tayori_check_images_check;
}

static void
tayori_check_images_class_init (TayoriCheckImagesClass *klass)
{
}

static void
tayori_check_images_init (TayoriCheckImages *self)
{
}

TayoriChecker *
tayori_check_images_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECK_IMAGES, NULL);
}
