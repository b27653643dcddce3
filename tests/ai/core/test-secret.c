/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the keyring wrapper: store, look up (async and blocking), clear, and keys kept apart
 * by kind and name. Runs inside tests/ai/keyring-wrapper.sh (a private gnome-keyring). */
#include "tayori-secret.h"

typedef struct {
  gboolean  done;
  GError   *error;
} Stored;

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Stored *stored = user_data;

  g_assert_true (tayori_secret_store_finish (result, &stored->error));
  stored->done = TRUE;
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **secret = user_data;
  g_autoptr(GError) error = NULL;

  *secret = tayori_secret_lookup_finish (result, &error);
  g_assert_no_error (error);
  if (*secret == NULL)
    *secret = g_strdup ("(none)");
}

static void
store (const char *kind,
       const char *name,
       const char *secret)
{
  Stored stored = { FALSE, NULL };

  tayori_secret_store_async (kind, name, NULL, secret, NULL, on_stored, &stored);
  while (!stored.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (stored.error);
}

static char *
lookup_async (const char *kind,
              const char *name)
{
  char *secret = NULL;

  tayori_secret_lookup_async (kind, name, NULL, on_looked_up, &secret);
  while (secret == NULL)
    g_main_context_iteration (NULL, TRUE);
  return secret;
}

static void
test_store_lookup_clear (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *async_value = NULL;
  g_autofree char *sync_value = NULL;
  g_autofree char *other = NULL;
  g_autofree char *cms = NULL;
  g_autofree char *after = NULL;
  g_autofree char *missing = NULL;

  store ("ai-endpoint", "openai", "sk-test-0123456789");
  store ("ai-endpoint", "azure", "azure-key");
  store ("cms", "openai", "cms-password");

  async_value = lookup_async ("ai-endpoint", "openai");
  g_assert_cmpstr (async_value, ==, "sk-test-0123456789");
  sync_value = tayori_secret_lookup_sync ("ai-endpoint", "azure", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sync_value, ==, "azure-key");
  cms = tayori_secret_lookup_sync ("cms", "openai", NULL, &error);
  g_assert_cmpstr (cms, ==, "cms-password");

  /* Storing again replaces the key. */
  store ("ai-endpoint", "openai", "sk-new");
  other = tayori_secret_lookup_sync ("ai-endpoint", "openai", NULL, &error);
  g_assert_cmpstr (other, ==, "sk-new");

  g_assert_true (tayori_secret_clear_sync ("ai-endpoint", "openai", NULL, &error));
  g_assert_no_error (error);
  after = tayori_secret_lookup_sync ("ai-endpoint", "openai", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (after);
  missing = lookup_async ("ai-endpoint", "openai");
  g_assert_cmpstr (missing, ==, "(none)");
  /* Clearing what is not there is no error. */
  g_assert_true (tayori_secret_clear_sync ("ai-endpoint", "nothing", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&cms, g_free);
  cms = tayori_secret_lookup_sync ("cms", "openai", NULL, &error);
  g_assert_cmpstr (cms, ==, "cms-password");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/ai/secret/store-lookup-clear", test_store_lookup_clear);
  return g_test_run ();
}
