/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CLI's axe check without any display: a clear TAYORI_AXE_ERROR_NO_DISPLAY, no crash. */

#include <gtk/gtk.h>
#include <string.h>

#include "tayori-axe.h"

static void
test_no_display (void)
{
  g_autoptr(TayoriCheckDocument) document =
    tayori_check_document_new_for_html ("<p><img src=\"a.png\"></p>", -1);
  g_autoptr(GError) error = NULL;
  GPtrArray *findings;

  findings = tayori_axe_check_document (document, &error);
  g_assert_null (findings);
  g_assert_error (error, TAYORI_AXE_ERROR, TAYORI_AXE_ERROR_NO_DISPLAY);
  g_assert_nonnull (strstr (error->message, "xvfb-run"));
}

int
main (int   argc,
      char *argv[])
{
  /* Whatever the test wrapper provides, this process sees no display at all. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/preview/axe/no-display", test_no_display);

  return g_test_run ();
}
