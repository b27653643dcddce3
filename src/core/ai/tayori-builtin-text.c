/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Place, top-level category and template filling for the built-in SNS drafts and thumbnail. */
#include "tayori-builtin-text.h"

#include <string.h>

char *
tayori_builtin_place (TayoriArticle *article,
                      TayoriPreset  *preset)
{
  const char *city = tayori_preset_get_city_name (preset);
  const char *ward = tayori_article_get_ward (article);

  if (ward[0] == '\0')
    return g_strdup (city);
  if (g_str_has_prefix (ward, city))
    return g_strdup (ward);
  return g_strconcat (city, ward, NULL);
}

char *
tayori_builtin_top_category (TayoriArticle *article)
{
  const char *category = tayori_article_get_category (article);

  return g_strndup (category, strcspn (category, "/"));
}

void
tayori_builtin_fill (GString            *out,
                     const char         *template,
                     const char * const *names,
                     const char * const *values)
{
  for (const char *p = template; *p != '\0'; )
    {
      gboolean filled = FALSE;

      if (*p == '{')
        for (guint i = 0; names[i] != NULL && !filled; i++)
          {
            gsize length = strlen (names[i]);

            if (strncmp (p + 1, names[i], length) == 0 && p[length + 1] == '}')
              {
                g_string_append (out, values[i]);
                p += length + 2;
                filled = TRUE;
              }
          }
      if (!filled)
        g_string_append_c (out, *p++);
    }
}
