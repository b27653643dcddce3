/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriPreviewView: the preview widget. It shows one web view (-web.c) with a shell page that
 * is loaded once and updated in place (-update.c), full width or as a 375 px phone. */

#include "tayori-preview-view-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tayori-preview-resources.h"

#define ZOOM_MIN 0.5
#define ZOOM_MAX 2.0

G_DEFINE_FINAL_TYPE (TayoriPreviewView, tayori_preview_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PRESET,
  PROP_ARTICLE,
  PROP_PHONE_MODE,
  PROP_ZOOM,
  PROP_RUBY,
  PROP_RUBY_GRADE,
  N_PROPS
};

enum {
  UPDATED,
  ACTIVATE_LINK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_tayori_preview_view_emit_updated (TayoriPreviewView *self)
{
  g_signal_emit (self, signals[UPDATED], 0);
}

void
_tayori_preview_view_emit_activate_link (TayoriPreviewView *self,
                                         const char        *uri)
{
  gboolean handled;

  g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
}

static gboolean
tayori_preview_view_real_activate_link (TayoriPreviewView *self,
                                        const char        *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

static void
update_layout (TayoriPreviewView *self)
{
  int phone_width = (int) ceil (TAYORI_PREVIEW_PHONE_WIDTH * self->zoom);

  gtk_widget_set_size_request (GTK_WIDGET (self->web_view),
                               self->phone_mode ? phone_width : -1, -1);
  if (self->phone_mode)
    gtk_widget_add_css_class (GTK_WIDGET (self), "phone");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "phone");
}

/* The device-frame style is ours, so it is installed with the widget, once per display. */
static void
ensure_style (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), "tayori-preview-style") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider,
                                       "/io/github/tayori/Tayori/preview/tayori-preview-view.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "tayori-preview-style",
                          g_steal_pointer (&provider), g_object_unref);
}

static void
tayori_preview_view_realize (GtkWidget *widget)
{
  ensure_style (gtk_widget_get_display (widget));
  GTK_WIDGET_CLASS (tayori_preview_view_parent_class)->realize (widget);
}

static void
tayori_preview_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  gtk_widget_measure (TAYORI_PREVIEW_VIEW (widget)->frame, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* A phone is exactly as wide as its screen (the web view's size request) plus its frame, and
 * centred; a web view's natural width would otherwise stretch it. */
static void
tayori_preview_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  TayoriPreviewView *self = TAYORI_PREVIEW_VIEW (widget);
  GtkAllocation frame = { 0, 0, width, height };

  if (self->phone_mode)
    {
      gtk_widget_measure (self->frame, GTK_ORIENTATION_HORIZONTAL, height,
                          &frame.width, NULL, NULL, NULL);
      frame.width = MIN (frame.width, width);
      frame.x = (width - frame.width) / 2;
    }
  gtk_widget_size_allocate (self->frame, &frame, baseline);
}

static gboolean
tayori_preview_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (TAYORI_PREVIEW_VIEW (widget)->web_view));
}

static void
tayori_preview_view_constructed (GObject *object)
{
  TayoriPreviewView *self = TAYORI_PREVIEW_VIEW (object);

  G_OBJECT_CLASS (tayori_preview_view_parent_class)->constructed (object);

  /* The web view's policy depends on the preset's template, hence built only now. */
  if (self->preset == NULL)
    self->preset = tayori_preset_new_defaults ();
  self->web_view = _tayori_preview_view_create_web_view (self);
  gtk_box_append (GTK_BOX (self->frame), GTK_WIDGET (self->web_view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->web_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article preview"),
                                  -1);
  update_layout (self);
  _tayori_preview_view_load_shell_async (self);
}

static void
tayori_preview_view_dispose (GObject *object)
{
  TayoriPreviewView *self = TAYORI_PREVIEW_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  self->shell_ready = FALSE;
  g_clear_pointer (&self->frame, gtk_widget_unparent);
  self->web_view = NULL;
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article,
                                          _tayori_preview_view_queue_update, self);
  g_clear_object (&self->article);
  g_clear_object (&self->preset);

  G_OBJECT_CLASS (tayori_preview_view_parent_class)->dispose (object);
}

static void
tayori_preview_view_finalize (GObject *object)
{
  TayoriPreviewView *self = TAYORI_PREVIEW_VIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->shell_template, g_free);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->pushing, g_hash_table_unref);

  G_OBJECT_CLASS (tayori_preview_view_parent_class)->finalize (object);
}

static void
tayori_preview_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TayoriPreviewView *self = TAYORI_PREVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_PRESET:
      g_value_set_object (value, self->preset);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_PHONE_MODE:
      g_value_set_boolean (value, self->phone_mode);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_RUBY:
      g_value_set_boolean (value, self->ruby);
      break;
    case PROP_RUBY_GRADE:
      g_value_set_uint (value, self->ruby_grade);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_preview_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TayoriPreviewView *self = TAYORI_PREVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_PRESET:
      self->preset = g_value_dup_object (value);
      break;
    case PROP_ARTICLE:
      tayori_preview_view_set_article (self, g_value_get_object (value));
      break;
    case PROP_PHONE_MODE:
      tayori_preview_view_set_phone_mode (self, g_value_get_boolean (value));
      break;
    case PROP_ZOOM:
      tayori_preview_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_RUBY:
      tayori_preview_view_set_ruby (self, g_value_get_boolean (value), self->ruby_grade);
      break;
    case PROP_RUBY_GRADE:
      tayori_preview_view_set_ruby (self, self->ruby, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_preview_view_class_init (TayoriPreviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tayori_preview_view_constructed;
  object_class->dispose = tayori_preview_view_dispose;
  object_class->finalize = tayori_preview_view_finalize;
  object_class->get_property = tayori_preview_view_get_property;
  object_class->set_property = tayori_preview_view_set_property;
  widget_class->realize = tayori_preview_view_realize;
  widget_class->measure = tayori_preview_view_measure;
  widget_class->size_allocate = tayori_preview_view_size_allocate;
  widget_class->grab_focus = tayori_preview_view_grab_focus;

  properties[PROP_PRESET] =
    g_param_spec_object ("preset", NULL, NULL, TAYORI_TYPE_PRESET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, TAYORI_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHONE_MODE] =
    g_param_spec_boolean ("phone-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, ZOOM_MIN, ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUBY] =
    g_param_spec_boolean ("ruby", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Ruby only on words with a kanji above this school grade; 0: on every kanji word. */
  properties[PROP_RUBY_GRADE] =
    g_param_spec_uint ("ruby-grade", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TayoriPreviewView::updated:
   *
   * Emitted when the page shows the current article: after a push was applied in the DOM,
   * or after a render that changed nothing.
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TayoriPreviewView::activate-link:
   * @uri: an http, https, mailto or tel URI the reader clicked
   *
   * The view never navigates; the default handler opens @uri with gtk_show_uri().
   * Returns: %TRUE when the link was handled.
   */
  signals[ACTIVATE_LINK] =
    g_signal_new_class_handler ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (tayori_preview_view_real_activate_link),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "tayori-preview");

  tayori_preview_register_resource ();
}

static void
tayori_preview_view_init (TayoriPreviewView *self)
{
  self->zoom = 1.0;
  self->cancellable = g_cancellable_new ();

  self->frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->frame, "device-frame");
  gtk_widget_set_overflow (self->frame, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_parent (self->frame, GTK_WIDGET (self));
}

GtkWidget *
tayori_preview_view_new (TayoriPreset *preset)
{
  g_return_val_if_fail (preset == NULL || TAYORI_IS_PRESET (preset), NULL);

  return g_object_new (TAYORI_TYPE_PREVIEW_VIEW, "preset", preset, NULL);
}

void
tayori_preview_view_set_article (TayoriPreviewView *self,
                                 TayoriArticle     *article)
{
  g_return_if_fail (TAYORI_IS_PREVIEW_VIEW (self));
  g_return_if_fail (article == NULL || TAYORI_IS_ARTICLE (article));

  if (self->article != article)
    {
      if (self->article != NULL)
        g_signal_handlers_disconnect_by_func (self->article,
                                              _tayori_preview_view_queue_update, self);
      g_set_object (&self->article, article);
      if (article != NULL)
        g_signal_connect_object (article, "changed",
                                 G_CALLBACK (_tayori_preview_view_queue_update),
                                 self, G_CONNECT_SWAPPED);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
    }

  _tayori_preview_view_queue_update (self);
}

TayoriArticle *
tayori_preview_view_get_article (TayoriPreviewView *self)
{
  g_return_val_if_fail (TAYORI_IS_PREVIEW_VIEW (self), NULL);

  return self->article;
}

void
tayori_preview_view_set_phone_mode (TayoriPreviewView *self,
                                    gboolean           phone)
{
  g_return_if_fail (TAYORI_IS_PREVIEW_VIEW (self));

  phone = !!phone;
  if (self->phone_mode == (guint) phone)
    return;

  self->phone_mode = phone;
  update_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE_MODE]);
}

gboolean
tayori_preview_view_get_phone_mode (TayoriPreviewView *self)
{
  g_return_val_if_fail (TAYORI_IS_PREVIEW_VIEW (self), FALSE);

  return self->phone_mode;
}

void
tayori_preview_view_set_zoom (TayoriPreviewView *self,
                              double             zoom)
{
  g_return_if_fail (TAYORI_IS_PREVIEW_VIEW (self));

  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-9))
    return;

  self->zoom = zoom;
  webkit_web_view_set_zoom_level (self->web_view, zoom);
  update_layout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
tayori_preview_view_get_zoom (TayoriPreviewView *self)
{
  g_return_val_if_fail (TAYORI_IS_PREVIEW_VIEW (self), 1.0);

  return self->zoom;
}

void
tayori_preview_view_scroll_to_source_line (TayoriPreviewView *self,
                                           guint              line)
{
  g_return_if_fail (TAYORI_IS_PREVIEW_VIEW (self));
  g_return_if_fail (line > 0);

  /* Sent once the page shows the current text, so the line refers to the right blocks. */
  self->pending_line = line;
  _tayori_preview_view_flush_scroll (self);
}

WebKitWebView *
tayori_preview_view_get_web_view (TayoriPreviewView *self)
{
  g_return_val_if_fail (TAYORI_IS_PREVIEW_VIEW (self), NULL);

  return self->web_view;
}

void
tayori_preview_view_set_ruby (TayoriPreviewView *self,
                              gboolean           ruby,
                              guint              above_grade)
{
  gboolean changed = FALSE;

  g_return_if_fail (TAYORI_IS_PREVIEW_VIEW (self));

  ruby = !!ruby;
  g_object_freeze_notify (G_OBJECT (self));
  if (self->ruby != (guint) ruby)
    {
      self->ruby = ruby;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUBY]);
      changed = TRUE;
    }
  if (self->ruby_grade != above_grade)
    {
      self->ruby_grade = above_grade;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUBY_GRADE]);
      changed |= ruby;
    }
  g_object_thaw_notify (G_OBJECT (self));

  /* The body is rendered again; the push replaces only the blocks whose ruby changed. */
  if (changed)
    _tayori_preview_view_queue_update (self);
}

gboolean
tayori_preview_view_get_ruby (TayoriPreviewView *self)
{
  g_return_val_if_fail (TAYORI_IS_PREVIEW_VIEW (self), FALSE);

  return self->ruby;
}

guint
tayori_preview_view_get_ruby_grade (TayoriPreviewView *self)
{
  g_return_val_if_fail (TAYORI_IS_PREVIEW_VIEW (self), 0);

  return self->ruby_grade;
}
