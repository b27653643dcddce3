/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entry point of the tayori GUI: locale and text domain, then the application. */
#define G_LOG_DOMAIN "tayori"

#include <locale.h>
#include <glib/gi18n.h>

#include "tayori-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TayoriApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* TAYORI_LOCALEDIR lets the app run from the build tree with its compiled catalogs. */
  localedir = g_getenv ("TAYORI_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The AT-SPI application name is the prgname: GUI tests look the app up as "tayori". */
  g_set_prgname ("tayori");
  g_set_application_name ("便り");

  app = tayori_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
