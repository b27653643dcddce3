/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the fake-server CMS tests share: a connector for a scenario of the fake, a sample post,
 * reading a request's JSON body, and the check that no credential leaks into a message. */
#pragma once

#include "cms-fake.h"
#include "tayori-cms-connector.h"

G_BEGIN_DECLS

#define CMS_TEST_USER      "contrib"
#define CMS_TEST_PASSWORD  "abcd EFGH ijkl MNOP qrst UVWX"
#define CMS_TEST_CLIENT_ID "0b7e2a52-4f5c-4a8e-9d59-3c0c2c6e8f11"

/* A WordPress connector for the fake's @scenario, signed in as CMS_TEST_USER. */
TayoriCmsConnector *cms_test_connector        (CmsFake          *fake,
                                               const char       *scenario,
                                               TayoriHttpClient *client);
/* A draft with CMS_TEST_CLIENT_ID, Japanese text, category 4, Markdown, meta and hash "abc". */
TayoriCmsPost      *cms_test_sample_post      (void);
/* The member at JSONPath @path of the JSON text @body: a string as it is, anything else as
 * JSON text; NULL when absent. */
char               *cms_test_json_member      (const char       *body,
                                               const char       *path);
/* Starts @fake and @client, runs the tests added, then frees both; g_test_run ()'s status. */
int                 cms_test_run              (CmsFake          **fake,
                                               TayoriHttpClient **client);
/* Neither the password nor the Basic token of CMS_TEST_USER is in @error's message. */
void                cms_test_assert_no_secret (const GError     *error);

G_END_DECLS
