/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preview's WebKitWebView, locked down: the app's context and ephemeral session, no page
 * scripts or storage, no navigation away from the shell page (links open in the
 * browser), no new windows, and a context menu that only copies. */

#include "tayori-preview-view-private.h"

#include "tayori-preview-shell.h"
#include "tayori-web-context.h"

static gboolean
is_external_scheme (const char *uri)
{
  static const char * const schemes[] = { "http", "https", "mailto", "tel", NULL };
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  return scheme != NULL && g_strv_contains (schemes, scheme);
}

static gboolean
decide_policy_cb (TayoriPreviewView        *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type)
{
  WebKitNavigationAction *action;
  const char *uri;
  gboolean link_click;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (
             WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
  link_click = webkit_navigation_action_get_navigation_type (action) ==
               WEBKIT_NAVIGATION_TYPE_LINK_CLICKED;

  /* The one navigation allowed is the shell page's own load. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION && self->expect_shell_load &&
      g_str_equal (uri, TAYORI_WEB_CONTEXT_PAGE_BASE_URI))
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  webkit_policy_decision_ignore (decision);
  if (link_click && is_external_scheme (uri))
    _tayori_preview_view_emit_activate_link (self, uri);
  return TRUE;
}

static gboolean
is_copy_action (WebKitContextMenuAction action)
{
  switch (action)
    {
    case WEBKIT_CONTEXT_MENU_ACTION_COPY:
    case WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL:
    case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
    case WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_TO_CLIPBOARD:
    case WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_URL_TO_CLIPBOARD:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
context_menu_cb (TayoriPreviewView *self,
                 WebKitContextMenu *menu)
{
  WebKitSettings *settings = webkit_web_view_get_settings (self->web_view);
  gboolean inspector = webkit_settings_get_enable_developer_extras (settings);
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));
  gboolean after_item = FALSE;
  GList *last;

  /* Keep copy actions (and the inspector when developer extras are on), and a separator
   * only between kept items. */
  for (GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;
      WebKitContextMenuAction action = webkit_context_menu_item_get_stock_action (item);
      gboolean keep;

      if (webkit_context_menu_item_is_separator (item))
        keep = after_item;
      else
        keep = is_copy_action (action) ||
               (inspector && action == WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT);

      if (keep)
        after_item = !webkit_context_menu_item_is_separator (item);
      else
        webkit_context_menu_remove (menu, item);
    }
  g_list_free (items);

  last = g_list_last (webkit_context_menu_get_items (menu));
  if (last != NULL && webkit_context_menu_item_is_separator (last->data))
    webkit_context_menu_remove (menu, last->data);

  return webkit_context_menu_get_n_items (menu) == 0;
}

WebKitWebView *
_tayori_preview_view_create_web_view (TayoriPreviewView *self)
{
  g_autoptr(WebKitSettings) settings = NULL;
  g_autoptr(WebKitUserContentManager) content_manager = webkit_user_content_manager_new ();
  const char *debug = g_getenv ("G_MESSAGES_DEBUG");
  WebKitWebView *web_view;

  /* Page scripts are off twice over: no script markup at all, and a CSP without script
   * sources, set here as if sent in an HTTP header (WebKit 2.50 then ignores the copy in the
   * shell page's <meta>, so this one must be complete). Our own updates go through the API
   * into an isolated world, which neither blocks. */
  settings = webkit_settings_new_with_settings ("enable-javascript-markup", FALSE,
                                                "javascript-can-open-windows-automatically", FALSE,
                                                "javascript-can-access-clipboard", FALSE,
                                                "enable-html5-local-storage", FALSE,
                                                "enable-html5-database", FALSE,
                                                "enable-back-forward-navigation-gestures", FALSE,
                                                "enable-page-cache", FALSE,
                                                "enable-media", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-webgl", FALSE,
                                                /* A static document: compositing on the GPU
                                                 * (or on llvmpipe without one) costs more
                                                 * than it saves, and competes with typing. */
                                                "hardware-acceleration-policy",
                                                WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER,
                                                "enable-developer-extras",
                                                debug != NULL && debug[0] != '\0',
                                                "default-charset", "utf-8",
                                                NULL);
#if !WEBKIT_CHECK_VERSION (2, 50, 0)
  /* On by default before 2.50, deprecated and ignored since (the CSP blocks pings anyway). */
  webkit_settings_set_enable_hyperlink_auditing (settings, FALSE);
#endif

  web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                           "web-context", tayori_web_context_get (),
                           "network-session", tayori_web_context_get_session (),
                           "user-content-manager", content_manager,
                           "settings", settings,
                           "default-content-security-policy",
                           tayori_preview_shell_get_csp (self->preset),
                           "hexpand", TRUE,
                           "vexpand", TRUE,
                           NULL);

  g_signal_connect_object (web_view, "decide-policy",
                           G_CALLBACK (decide_policy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (web_view, "context-menu",
                           G_CALLBACK (context_menu_cb), self, G_CONNECT_SWAPPED);
  return web_view;
}
