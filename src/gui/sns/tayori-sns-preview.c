/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The per-network post preview: a template per network (resources/sns-ui/preview/) filled with
 * escaped text, loaded into a WebKitWebView that runs no script, loads nothing from the
 * network (a CSP allowing only inline styles and data: images) and never navigates. */
#include <glib/gi18n.h>
#include <webkit/webkit.h>

#include "tayori-sns-preview.h"
#include "tayori-web-context.h"

#define PREVIEW_CSP "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
#define TEMPLATE_PATH "/io/github/tayori/Tayori/sns/preview/"

struct _TayoriSnsPreview
{
  GtkWidget      parent_instance;

  WebKitWebView *web_view;
};

G_DEFINE_FINAL_TYPE (TayoriSnsPreview, tayori_sns_preview, GTK_TYPE_WIDGET)

static char *
load_template (const char *name)
{
  g_autofree char *path = g_strconcat (TEMPLATE_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  g_return_val_if_fail (bytes != NULL, g_strdup (""));
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Escaped, with line breaks kept and hashtags and addresses coloured as the apps do */
static char *
post_text_html (const char *text)
{
  static GRegex *links;
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);
  g_autofree char *marked = NULL;
  g_auto(GStrv) lines = NULL;

  if (g_once_init_enter (&links))
    g_once_init_leave (&links, g_regex_new ("(https?://[^\\s<]+|[#＃][^\\s#＃<]+)", G_REGEX_OPTIMIZE, 0, NULL));
  marked = g_regex_replace (links, escaped, -1, 0, "<span class=\"link\">\\1</span>", 0, NULL);
  lines = g_strsplit (marked, "\n", -1);
  return g_strjoinv ("<br>", lines);
}

static char *
image_html (const TayoriSnsPreviewPost *post)
{
  g_autofree char *alt = NULL;

  if (post->image_uri == NULL)
    return g_strdup ("");
  alt = g_markup_escape_text (post->alt != NULL ? post->alt : "", -1);
  /* The data: URI is ours (base64 of the media file): nothing to escape in it */
  return g_strdup_printf ("<img class=\"media\" src=\"%s\" alt=\"%s\">", post->image_uri, alt);
}

static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : "");
}

char *
tayori_sns_preview_render (TayoriPostNetwork           network,
                           const TayoriSnsPreviewPost *post)
{
  g_autofree char *name = g_strconcat (tayori_post_network_to_string (network), ".html", NULL);
  g_autofree char *html = load_template (name);
  g_autofree char *css = load_template ("preview.css");
  g_autofree char *host = host_of (post->link_url);
  const char *fields[][2] = {
    { "account", post->account },
    { "handle", post->handle },
    { "alt", post->alt },
    { "link_url", post->link_url != NULL ? post->link_url : "" },
    { "link_host", host },
    { "link_title", post->link_title },
    { "link_summary", post->link_summary },
    { "more", _("Read More") },
  };
  g_autofree char *text = post_text_html (post->text);
  g_autofree char *image = image_html (post);
  GString *out = g_string_new (html);

  /* Markup first (css, text, image hold no {{…}}); then the plain fields, escaped */
  g_string_replace (out, "{{css}}", css, 0);
  g_string_replace (out, "{{card_class}}", post->link_url != NULL ? "card" : "card hidden", 0);
  g_string_replace (out, "{{text}}", text, 0);
  g_string_replace (out, "{{image}}", image, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *key = g_strdup_printf ("{{%s}}", fields[i][0]);
      g_autofree char *value = g_markup_escape_text (fields[i][1] != NULL ? fields[i][1] : "", -1);

      g_string_replace (out, key, value, 0);
    }
  return g_string_free (out, FALSE);
}

void
tayori_sns_preview_show (TayoriSnsPreview           *self,
                         TayoriPostNetwork           network,
                         const TayoriSnsPreviewPost *post)
{
  g_autofree char *html = NULL;

  g_return_if_fail (TAYORI_IS_SNS_PREVIEW (self));
  g_return_if_fail (post != NULL);

  html = tayori_sns_preview_render (network, post);
  webkit_web_view_load_html (self->web_view, html, "about:blank");
}

/* Only our own about:blank loads; links are for looking at */
static gboolean
decide_policy_cb (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  gpointer                  user_data)
{
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION)
    {
      WebKitNavigationAction *action =
        webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
      const char *uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

      if (g_strcmp0 (uri, "about:blank") == 0)
        webkit_policy_decision_use (decision);
      else
        webkit_policy_decision_ignore (decision);
      return TRUE;
    }
  webkit_policy_decision_ignore (decision);
  return TRUE;
}

GtkWidget *
tayori_sns_preview_new (void)
{
  return g_object_new (TAYORI_TYPE_SNS_PREVIEW, NULL);
}

static void
tayori_sns_preview_dispose (GObject *object)
{
  TayoriSnsPreview *self = TAYORI_SNS_PREVIEW (object);

  if (self->web_view != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->web_view));
  self->web_view = NULL;

  G_OBJECT_CLASS (tayori_sns_preview_parent_class)->dispose (object);
}

static void
tayori_sns_preview_class_init (TayoriSnsPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_sns_preview_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tayori_sns_preview_init (TayoriSnsPreview *self)
{
  g_autoptr(WebKitSettings) settings = NULL;

  settings = webkit_settings_new_with_settings ("enable-javascript", FALSE,
                                                "enable-javascript-markup", FALSE,
                                                "enable-html5-local-storage", FALSE,
                                                "enable-html5-database", FALSE,
                                                "enable-page-cache", FALSE,
                                                "enable-media", FALSE,
                                                "enable-webaudio", FALSE,
                                                "enable-webgl", FALSE,
                                                "hardware-acceleration-policy",
                                                WEBKIT_HARDWARE_ACCELERATION_POLICY_NEVER,
                                                "default-charset", "utf-8",
                                                NULL);
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "web-context", tayori_web_context_get (),
                                 "network-session", tayori_web_context_get_session (),
                                 "settings", settings,
                                 "default-content-security-policy", PREVIEW_CSP,
                                 "vexpand", TRUE,
                                 "hexpand", TRUE,
                                 NULL);
  g_signal_connect (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Post preview"), -1);
}
