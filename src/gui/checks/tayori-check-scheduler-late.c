/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The late families of TayoriCheckScheduler: axe after the preview settles, the link checker
 * when the set of links changes, the AI proofreader when the writer asks. Their findings arrive later than the report they belong to,
 * so each is kept with the document it was made from and carried into newer reports while
 * the text it points at is unchanged. */
#include <string.h>

#include "tayori-axe.h"
#include "tayori-check-scheduler-private.h"

/* From the preview's last update to axe: axe reads the whole page, so let the typing settle */
#define AXE_PAUSE_MS  400
/* axe on a page of megabytes keeps the web process busy for seconds and the window with it:
 * longer bodies are checked by axe only on demand (F7). */
#define AXE_AUTO_MAX_BYTES (256 * 1024)

static const char * const late_family_names[N_LATE] = { "axe", "links", "ai-proofread" };

/* Merging */

/* Whether a field's text is the same in the two documents, asked once per field and merge:
 * bodies can be megabytes long */
static gboolean
field_unchanged (GHashTable          *unchanged,
                 const char          *field,
                 TayoriCheckDocument *from,
                 TayoriCheckDocument *to)
{
  gpointer known;

  if (!g_hash_table_lookup_extended (unchanged, field, NULL, &known))
    {
      known = GINT_TO_POINTER (strcmp (tayori_check_document_get_text (from, field),
                                       tayori_check_document_get_text (to, field)) == 0);
      g_hash_table_insert (unchanged, (gpointer) field, known);
    }
  return GPOINTER_TO_INT (known);
}

/* TRUE when @finding, made from @from, still points at the same text in @to */
static gboolean
still_applies (TayoriFinding       *finding,
               TayoriCheckDocument *from,
               TayoriCheckDocument *to,
               GHashTable          *unchanged)
{
  const char *field = tayori_finding_get_field (finding);
  const char *before, *now;
  gsize start = tayori_finding_get_start (finding);
  gsize end = tayori_finding_get_end (finding);

  if (from == to || field_unchanged (unchanged, field, from, to))
    return TRUE;
  before = tayori_check_document_get_text (from, field);
  now = tayori_check_document_get_text (to, field);
  /* Neither text ends before @end (strnlen stops there, not at the end of a long text) */
  if (strnlen (now, end) < end || strnlen (before, end) < end)
    return FALSE;
  return memcmp (before + start, now + start, end - start) == 0;
}

static gboolean
same_place (TayoriFinding *a,
            TayoriFinding *b)
{
  return g_str_equal (tayori_finding_get_rule_id (a), tayori_finding_get_rule_id (b)) &&
         g_str_equal (tayori_finding_get_field (a), tayori_finding_get_field (b)) &&
         tayori_finding_get_start (a) == tayori_finding_get_start (b) &&
         tayori_finding_get_end (a) == tayori_finding_get_end (b);
}

/* The proofreader's findings belong to other families (the words check's rules): each such
 * family gets its own findings back, plus the proofreader's ones it does not have already,
 * instead of what the proofreader put there before. */
static void
merge_proofread (TayoriCheckScheduler *self,
                 GPtrArray            *kept)
{
  g_autoptr(GPtrArray) all = tayori_check_report_dup_all (self->report);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) families = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer family;

  for (guint i = 0; i < kept->len; i++)
    g_hash_table_add (families, (gpointer) tayori_finding_get_family (g_ptr_array_index (kept, i)));
  for (guint i = 0; self->proofread_shown != NULL && i < self->proofread_shown->len; i++)
    g_hash_table_add (families, (gpointer) tayori_finding_get_family (g_ptr_array_index (self->proofread_shown, i)));

  g_hash_table_iter_init (&iter, families);
  while (g_hash_table_iter_next (&iter, &family, NULL))
    {
      g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < all->len; i++)
        {
          TayoriFinding *finding = g_ptr_array_index (all, i);

          if (g_str_equal (tayori_finding_get_family (finding), family) &&
              (self->proofread_shown == NULL || !g_ptr_array_find (self->proofread_shown, finding, NULL)))
            g_ptr_array_add (findings, g_object_ref (finding));
        }
      for (guint i = 0; i < kept->len; i++)
        {
          TayoriFinding *finding = g_ptr_array_index (kept, i);
          gboolean known = FALSE;

          if (!g_str_equal (tayori_finding_get_family (finding), family))
            continue;
          for (guint j = 0; j < findings->len && !known; j++)
            known = same_place (finding, g_ptr_array_index (findings, j));
          if (known)
            continue;
          g_ptr_array_add (findings, g_object_ref (finding));
          g_ptr_array_add (shown, g_object_ref (finding));
        }
      tayori_check_report_replace_family (self->report, family, findings);
    }
  g_clear_pointer (&self->proofread_shown, g_ptr_array_unref);
  self->proofread_shown = g_steal_pointer (&shown);
}

gboolean
_tayori_check_scheduler_merge_late (TayoriCheckScheduler *self,
                                    LateFamily            family)
{
  Late *late = &self->late[family];
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) unchanged = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean complete = TRUE;

  if (self->report == NULL || late->findings == NULL)
    return TRUE;
  for (guint i = 0; i < late->findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (late->findings, i);

      if (still_applies (finding, late->document, self->document, unchanged))
        g_ptr_array_add (kept, g_object_ref (finding));
      else
        complete = FALSE;
    }
  if (family == LATE_PROOFREAD)
    merge_proofread (self, kept);
  else
    tayori_check_report_replace_family (self->report, late_family_names[family], kept);
  return complete;
}

static void
set_late (TayoriCheckScheduler *self,
          LateFamily            family,
          GPtrArray            *findings,
          TayoriCheckDocument  *document)
{
  Late *late = &self->late[family];

  g_clear_pointer (&late->findings, g_ptr_array_unref);
  g_clear_object (&late->document);
  late->findings = findings;
  late->document = document != NULL ? g_object_ref (document) : NULL;
}

void
_tayori_check_scheduler_forget_late (TayoriCheckScheduler *self)
{
  g_clear_handle_id (&self->axe_id, g_source_remove);
  for (guint i = 0; i < N_LATE; i++)
    {
      _tayori_check_scheduler_cancel_and_clear (&self->late[i].cancellable);
      set_late (self, i, NULL, NULL);
    }
  self->links_again = FALSE;
  g_clear_pointer (&self->link_urls, g_free);
  g_clear_pointer (&self->proofread_shown, g_ptr_array_unref);
}

void
tayori_check_scheduler_set_proofread (TayoriCheckScheduler *self,
                                      GPtrArray            *findings)
{
  g_return_if_fail (TAYORI_IS_CHECK_SCHEDULER (self));

  /* Before the first report there is no text to tie the findings to: run the checks first */
  if (self->document == NULL)
    return;
  set_late (self, LATE_PROOFREAD, findings != NULL ? g_ptr_array_ref (findings) : NULL, self->document);
  _tayori_check_scheduler_merge_late (self, LATE_PROOFREAD);
  _tayori_check_scheduler_report_changed (self);
}

/* Links */

static void check_links (TayoriCheckScheduler *self);

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The document's http(s) links, sorted, one per line: what the link checker would look at */
static char *
link_urls (TayoriCheckDocument *document)
{
  g_autoptr(GPtrArray) urls = g_ptr_array_new ();
  GPtrArray *links = tayori_article_get_links (tayori_check_document_get_article (document));
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    {
      const TayoriCheckElement *element = tayori_check_document_get_element (document, i);
      const char *href = tayori_check_element_get_attribute (element, "href");

      if (href != NULL)
        g_ptr_array_add (urls, (gpointer) href);
    }
  for (guint i = 0; i < links->len; i++)
    g_ptr_array_add (urls, ((TayoriLink *) g_ptr_array_index (links, i))->url);
  g_ptr_array_sort (urls, compare_strings);
  for (guint i = 0; i < urls->len; i++)
    {
      const char *url = g_ptr_array_index (urls, i);

      if ((g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")) &&
          (i == 0 || g_strcmp0 (url, g_ptr_array_index (urls, i - 1)) != 0))
        g_string_append_printf (joined, "%s\n", url);
    }
  return g_string_free (joined, FALSE);
}

static void
links_checked_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  TayoriCheckScheduler *self = run->self;
  g_autoptr(GError) error = NULL;
  GPtrArray *findings;

  findings = tayori_link_checker_check_finish (TAYORI_LINK_CHECKER (object), result, &error);
  if (run->cancellable != self->late[LATE_LINKS].cancellable)
    {
      g_clear_pointer (&findings, g_ptr_array_unref);
      return;
    }
  g_clear_object (&self->late[LATE_LINKS].cancellable);
  if (findings == NULL)
    {
      g_warning ("Could not check the links: %s", error->message);
      return;
    }
  set_late (self, LATE_LINKS, findings, run->document);
  _tayori_check_scheduler_merge_late (self, LATE_LINKS);
  _tayori_check_scheduler_report_changed (self);
  if (self->links_again)
    check_links (self);
}

static void
check_links (TayoriCheckScheduler *self)
{
  Late *late = &self->late[LATE_LINKS];

  self->links_again = FALSE;
  _tayori_check_scheduler_cancel_and_clear (&late->cancellable);
  late->cancellable = g_cancellable_new ();
  tayori_link_checker_check_async (self->link_checker, self->document, self->settings, late->cancellable,
                                   links_checked_cb,
                                   _tayori_check_scheduler_run_new (self, self->document, late->cancellable));
}

/* After a C-side run: a new set of links is checked at once; the same links only when their
 * findings no longer fit the text (the cache answers those), after the check in flight. */
void
_tayori_check_scheduler_follow_links (TayoriCheckScheduler *self,
                                      gboolean              findings_fit)
{
  g_autofree char *urls = link_urls (self->document);

  if (g_strcmp0 (urls, self->link_urls) != 0)
    {
      g_free (self->link_urls);
      self->link_urls = g_steal_pointer (&urls);
      check_links (self);
    }
  else if (!findings_fit)
    {
      if (self->late[LATE_LINKS].cancellable != NULL)
        self->links_again = TRUE;
      else
        check_links (self);
    }
}

/* Axe */

static void
axe_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  TayoriCheckScheduler *self = run->self;
  g_autoptr(GError) error = NULL;
  GPtrArray *findings;

  findings = tayori_axe_run_finish (WEBKIT_WEB_VIEW (object), result, &error);
  if (run->cancellable != self->late[LATE_AXE].cancellable)
    {
      g_clear_pointer (&findings, g_ptr_array_unref);
      return;
    }
  g_clear_object (&self->late[LATE_AXE].cancellable);
  if (findings == NULL)
    {
      g_warning ("Could not run axe in the preview: %s", error->message);
      return;
    }
  set_late (self, LATE_AXE, findings, run->document);
  _tayori_check_scheduler_merge_late (self, LATE_AXE);
  _tayori_check_scheduler_report_changed (self);
}

static void
axe_document_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TayoriCheckScheduler *self = TAYORI_CHECK_SCHEDULER (object);
  g_autoptr(TayoriCheckDocument) document = _tayori_check_scheduler_build_document_finish (result);
  Late *late = &self->late[LATE_AXE];

  if (document == NULL || self->web_view == NULL)
    return;
  tayori_axe_run_async (self->web_view, document, late->cancellable, axe_done_cb,
                        _tayori_check_scheduler_run_new (self, document, late->cancellable));
}

static void
run_axe_cb (gpointer user_data)
{
  TayoriCheckScheduler *self = user_data;
  Late *late = &self->late[LATE_AXE];

  self->axe_id = 0;
  /* axe needs the page on screen; it runs again when the preview is shown */
  if (self->article == NULL || self->web_view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->web_view)))
    return;
  _tayori_check_scheduler_cancel_and_clear (&late->cancellable);
  late->cancellable = g_cancellable_new ();
  /* The preview follows the article, so the article now is what the page shows */
  _tayori_check_scheduler_build_document_async (self, late->cancellable, axe_document_cb);
}

void
tayori_check_scheduler_run_axe_now (TayoriCheckScheduler *self)
{
  g_return_if_fail (TAYORI_IS_CHECK_SCHEDULER (self));

  g_clear_handle_id (&self->axe_id, g_source_remove);
  if (self->article != NULL && self->web_view != NULL)
    self->axe_id = g_timeout_add_once (AXE_PAUSE_MS, run_axe_cb, self);
}

void
tayori_check_scheduler_preview_updated (TayoriCheckScheduler *self)
{
  g_return_if_fail (TAYORI_IS_CHECK_SCHEDULER (self));

  g_clear_handle_id (&self->axe_id, g_source_remove);
  if (self->article != NULL && strlen (tayori_article_get_body (self->article)) <= AXE_AUTO_MAX_BYTES)
    tayori_check_scheduler_run_axe_now (self);
}

void
tayori_check_scheduler_set_web_view (TayoriCheckScheduler *self,
                                     WebKitWebView        *web_view)
{
  g_return_if_fail (TAYORI_IS_CHECK_SCHEDULER (self));
  g_return_if_fail (web_view == NULL || WEBKIT_IS_WEB_VIEW (web_view));

  if (self->web_view == web_view)
    return;
  /* A web view that went away took its handler with it */
  if (self->web_view != NULL)
    g_clear_signal_handler (&self->map_id, self->web_view);
  self->map_id = 0;
  g_set_weak_pointer (&self->web_view, web_view);
  if (web_view != NULL)
    self->map_id = g_signal_connect_swapped (web_view, "map",
                                             G_CALLBACK (tayori_check_scheduler_preview_updated), self);
}
