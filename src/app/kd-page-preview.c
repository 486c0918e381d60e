/* kd-page-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-page-preview.h"

/* The pages a report prints, one at a time, as the printer gets them:
 * the print dialog's Print Preview, in the app rather than in another
 * program.  Each page is a cairo recording (kd_report_draw_pages()),
 * rendered at twice its size in points for a sharp picture. */

#define SCALE 2.0

struct _KdPagePreview
{
  AdwDialog parent_instance;

  AdwWindowTitle *window_title;
  GtkButton *previous_button;
  GtkButton *next_button;
  GtkPicture *picture;

  GPtrArray *pages;         /* cairo_surface_t */
  double width, height;
  guint page;
};

G_DEFINE_FINAL_TYPE (KdPagePreview, kd_page_preview, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GdkTexture *
render_page (KdPagePreview *self,
             guint          page)
{
  int w = (int) (self->width * SCALE), h = (int) (self->height * SCALE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  /* paper is white, in the dark style too */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, SCALE, SCALE);
  cairo_set_source_surface (cr, g_ptr_array_index (self->pages, page), 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * h,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes, cairo_image_surface_get_stride (surface));
  return texture;
}

static void
show_page (KdPagePreview *self)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *subtitle = NULL;

  if (self->pages == NULL || self->pages->len == 0)
    return;
  texture = render_page (self, self->page);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  /* TRANSLATORS: the print preview's subtitle */
  subtitle = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->pages->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), self->page > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->page + 1 < self->pages->len);
}

static void
previous_clicked_cb (KdPagePreview *self)
{
  if (self->page > 0)
    kd_page_preview_set_page (self, self->page - 1);
}

static void
next_clicked_cb (KdPagePreview *self)
{
  kd_page_preview_set_page (self, self->page + 1);
}

static gboolean
next_page_shortcut (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  next_clicked_cb (KD_PAGE_PREVIEW (widget));
  return TRUE;
}

static gboolean
previous_page_shortcut (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  previous_clicked_cb (KD_PAGE_PREVIEW (widget));
  return TRUE;
}

static void
kd_page_preview_finalize (GObject *object)
{
  KdPagePreview *self = KD_PAGE_PREVIEW (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (kd_page_preview_parent_class)->finalize (object);
}

static void
kd_page_preview_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KD_TYPE_PAGE_PREVIEW);

  G_OBJECT_CLASS (kd_page_preview_parent_class)->dispose (object);
}

static void
kd_page_preview_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KdPagePreview *self = KD_PAGE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_page_preview_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KdPagePreview *self = KD_PAGE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      kd_page_preview_set_page (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_page_preview_class_init (KdPagePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kd_page_preview_finalize;
  object_class->dispose = kd_page_preview_dispose;
  object_class->get_property = kd_page_preview_get_property;
  object_class->set_property = kd_page_preview_set_property;

  /**
   * KdPagePreview:page:
   *
   * The page shown, from 0.
   */
  properties[PROP_PAGE] = g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-page-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, KdPagePreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, KdPagePreview, previous_button);
  gtk_widget_class_bind_template_child (widget_class, KdPagePreview, next_button);
  gtk_widget_class_bind_template_child (widget_class, KdPagePreview, picture);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, next_page_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, previous_page_shortcut, NULL);
}

static void
kd_page_preview_init (KdPagePreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kd_page_preview_new:
 * @pages: (element-type cairo_surface_t): the pages, recorded
 * @width: their width, in points
 * @height: their height, in points
 */
KdPagePreview *
kd_page_preview_new (GPtrArray *pages,
                     double     width,
                     double     height)
{
  KdPagePreview *self;

  g_return_val_if_fail (pages != NULL, NULL);

  self = g_object_new (KD_TYPE_PAGE_PREVIEW, NULL);
  self->pages = g_ptr_array_ref (pages);
  self->width = width;
  self->height = height;
  show_page (self);
  return self;
}

guint
kd_page_preview_get_page (KdPagePreview *self)
{
  g_return_val_if_fail (KD_IS_PAGE_PREVIEW (self), 0);
  return self->page;
}

guint
kd_page_preview_get_n_pages (KdPagePreview *self)
{
  g_return_val_if_fail (KD_IS_PAGE_PREVIEW (self), 0);
  return self->pages != NULL ? self->pages->len : 0;
}

void
kd_page_preview_set_page (KdPagePreview *self,
                          guint          page)
{
  g_return_if_fail (KD_IS_PAGE_PREVIEW (self));

  if (self->pages == NULL || page >= self->pages->len || page == self->page)
    return;
  self->page = page;
  show_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}
