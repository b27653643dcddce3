/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli qr URL -o FILE (.png or .svg): the newsletter's QR code of an address;
 * tayori-cli qr --block ID -o FILE (.svg or .pdf): the article's print block with its QR code
 * (the address given, else the article's CMS address). */

#include <glib/gi18n.h>
#include "tayori-cli-posting.h"
#include "tayori-newsletter.h"
#include "tayori-post-queue.h"

static gboolean
format_for (const char              *path,
            gboolean                 block,
            TayoriNewsletterFormat  *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".svg"))
    *format = TAYORI_NEWSLETTER_SVG;
  else if (block && g_str_has_suffix (lower, ".pdf"))
    *format = TAYORI_NEWSLETTER_PDF;
  else if (!block && g_str_has_suffix (lower, ".png"))
    *format = TAYORI_NEWSLETTER_PNG;
  else
    return FALSE;
  return TRUE;
}

static GBytes *
make_block (TayoriCli       *cli,
            GOptionContext  *context,
            const char      *id_text,
            const char      *url,
            TayoriNewsletterFormat format,
            int             *status)
{
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autofree char *stored_url = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  *status = tayori_cli_load_article (cli, context, id_text, &article);
  if (*status != TAYORI_CLI_CONTINUE)
    return NULL;
  if (url == NULL)
    {
      store = tayori_cli_open_store (cli, &error);
      if (store != NULL)
        url = stored_url = tayori_post_article_url (store, tayori_article_get_id (article));
    }
  if (url == NULL)
    {
      *status = tayori_cli_usage_error (context, _("The article has no address yet: give it as URL"));
      return NULL;
    }
  bytes = tayori_newsletter_print_block (article, url, format, &error);
  if (bytes == NULL)
    *status = tayori_cli_report (error);
  return bytes;
}

int
tayori_cli_qr (TayoriCli  *cli,
               int         argc,
               char      **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *block = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write it; the format follows the extension"), N_("FILE") },
    { "block", 0, 0, G_OPTION_ARG_STRING, &block,
      N_("Make the print block (title, summary, QR code, address, contact) of this article"),
      N_("ID") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  TayoriNewsletterFormat format;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 0, 1, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  if (block == NULL && args[0] == NULL)
    return tayori_cli_usage_error (context, _("Give the address to encode"));
  if (output == NULL)
    return tayori_cli_usage_error (context, _("Give the file to write with -o"));
  if (!format_for (output, block != NULL, &format))
    return tayori_cli_usage_error (context, block != NULL
                                   ? _("The print block is written as .svg or .pdf")
                                   : _("The QR code is written as .png or .svg"));

  if (block != NULL)
    bytes = make_block (cli, context, block, args[0], format, &status);
  else if ((bytes = tayori_newsletter_qr (args[0], format, 0, &error)) == NULL)
    status = tayori_cli_report (error);
  if (bytes == NULL)
    return status;
  if (!tayori_cli_write (output, (const char *) g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                         &error))
    return tayori_cli_report (error);
  return TAYORI_CLI_EXIT_OK;
}
