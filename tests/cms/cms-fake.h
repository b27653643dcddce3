/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A fake WordPress on 127.0.0.1 (SoupServer in its own thread and main context), so blocking
 * connector calls can run on the test's thread. The first path segment picks the scenario:
 * "/pretty/" (wp-json), "/plain/" (?rest_route= only), "/linked/" (root from the Link header),
 * "/noplugin/", "/malformed/", "/slow/", "/huge/", "/unauth/", "/forbidden/", "/broken/",
 * "/paged/". */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CmsFake CmsFake;

CmsFake *cms_fake_new            (void);
void     cms_fake_free           (CmsFake    *fake);
/* "http://127.0.0.1:PORT/SCENARIO/" */
char    *cms_fake_site           (CmsFake    *fake,
                                  const char *scenario);
guint    cms_fake_n_requests     (CmsFake    *fake);
/* The last request: "METHOD ROUTE?QUERY" (rest_route taken out), its body, Authorization and
 * Content-Disposition headers. */
char    *cms_fake_last_request   (CmsFake    *fake);
char    *cms_fake_last_body      (CmsFake    *fake);
char    *cms_fake_last_header    (CmsFake    *fake,
                                  const char *name);
/* The body of the latest request with this exact line ("POST /wp/v2/posts?context=edit"). */
char    *cms_fake_body_of        (CmsFake    *fake,
                                  const char *request);
/* Every request line so far, newline-separated. */
char    *cms_fake_log            (CmsFake    *fake);

G_END_DECLS
