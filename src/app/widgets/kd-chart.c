/* kd-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-chart.h"
#include "kd-enum-types.h"
#include "kd-health-chart.h"

/* A chart of a health snapshot on the page.  The drawing is the core's
 * (kd_health_chart_draw()), the one the reports use; the widget gives it
 * the colours of the legend's entries, which libadwaita's style classes
 * set for the light or the dark style, and tells screen readers what the
 * chart shows in words. */

struct _KdChart
{
  GtkWidget parent_instance;

  /* Template children */
  GtkLabel *title_label;
  GtkDrawingArea *area;
  GtkFlowBox *legend;
  GtkWidget *count_key;
  GtkWidget *forecast_key;
  GtkWidget *clients_key;
  GtkWidget *servers_key;
  GtkWidget *succeeded_key;
  GtkWidget *failed_key;
  GtkWidget *soon_key;
  GtkWidget *later_key;

  KdHealth *health;
  KdHealthChartKind kind;
  char *description;
};

G_DEFINE_FINAL_TYPE (KdChart, kd_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HEALTH,
  PROP_KIND,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
color_of (GtkWidget    *widget,
          KdChartColor *color)
{
  GdkRGBA rgba;

  gtk_widget_get_color (widget, &rgba);
  *color = (KdChartColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  KdChart *self = user_data;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (area));
  g_autoptr(PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));
  KdChartPalette palette;

  if (self->health == NULL)
    return;

  /* the axes' text a little smaller than the page's, as a caption */
  pango_font_description_set_size (font, pango_font_description_get_size (font) * 5 / 6);
  color_of (GTK_WIDGET (area), &palette.foreground);
  color_of (self->count_key, &palette.accent);
  color_of (self->succeeded_key, &palette.success);
  color_of (self->clients_key, &palette.warning);
  color_of (self->failed_key, &palette.error);
  kd_health_chart_draw (self->health, self->kind, cr, font, &palette, width, height);
}

static void
update (KdChart *self)
{
  gboolean count = self->kind == KD_HEALTH_CHART_COUNT;
  gboolean requests = self->kind == KD_HEALTH_CHART_REQUESTS;
  gboolean expiries = self->kind == KD_HEALTH_CHART_EXPIRIES;
  gboolean has_data = self->health != NULL && kd_health_chart_has_data (self->health, self->kind);
  g_autofree char *description = self->health != NULL ? kd_health_chart_describe (self->health, self->kind) : NULL;

  gtk_label_set_text (self->title_label, kd_health_chart_get_title (self->kind));
  gtk_widget_set_visible (self->count_key, count && has_data);
  gtk_widget_set_visible (self->forecast_key, count && has_data);
  gtk_widget_set_visible (self->clients_key, count && has_data);
  gtk_widget_set_visible (self->servers_key, count && has_data);
  gtk_widget_set_visible (self->succeeded_key, requests && has_data);
  gtk_widget_set_visible (self->failed_key, requests && has_data);
  gtk_widget_set_visible (self->soon_key, expiries && has_data);
  gtk_widget_set_visible (self->later_key, expiries && has_data);

  if (g_set_str (&self->description, description))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description != NULL ? description : "", -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->area), description);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
kd_chart_css_changed (GtkWidget         *widget,
                      GtkCssStyleChange *change)
{
  KdChart *self = KD_CHART (widget);

  GTK_WIDGET_CLASS (kd_chart_parent_class)->css_changed (widget, change);
  /* the light or dark style: the drawing takes its colours again */
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

static void
kd_chart_dispose (GObject *object)
{
  KdChart *self = (KdChart *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_CHART);
  g_clear_object (&self->health);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (kd_chart_parent_class)->dispose (object);
}

static void
kd_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KdChart *self = KD_CHART (object);

  switch (prop_id)
    {
    case PROP_HEALTH:
      g_value_set_object (value, self->health);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  KdChart *self = KD_CHART (object);

  switch (prop_id)
    {
    case PROP_HEALTH:
      kd_chart_set_health (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      kd_chart_set_kind (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_chart_class_init (KdChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kd_chart_dispose;
  object_class->get_property = kd_chart_get_property;
  object_class->set_property = kd_chart_set_property;
  widget_class->css_changed = kd_chart_css_changed;

  properties[PROP_HEALTH] = g_param_spec_object ("health", NULL, NULL, KD_TYPE_HEALTH, flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, KD_TYPE_HEALTH_CHART_KIND, KD_HEALTH_CHART_COUNT, flags);
  /**
   * KdChart:description:
   *
   * What the chart shows, in words: its text alternative.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-chart.ui");
  gtk_widget_class_bind_template_child (widget_class, KdChart, title_label);
  gtk_widget_class_bind_template_child (widget_class, KdChart, area);
  gtk_widget_class_bind_template_child (widget_class, KdChart, legend);
  gtk_widget_class_bind_template_child (widget_class, KdChart, count_key);
  gtk_widget_class_bind_template_child (widget_class, KdChart, forecast_key);
  gtk_widget_class_bind_template_child (widget_class, KdChart, clients_key);
  gtk_widget_class_bind_template_child (widget_class, KdChart, servers_key);
  gtk_widget_class_bind_template_child (widget_class, KdChart, succeeded_key);
  gtk_widget_class_bind_template_child (widget_class, KdChart, failed_key);
  gtk_widget_class_bind_template_child (widget_class, KdChart, soon_key);
  gtk_widget_class_bind_template_child (widget_class, KdChart, later_key);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
kd_chart_init (KdChart *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->area, draw, self, NULL);
  /* the legend is read, not visited */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->legend)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  update (self);
}

/**
 * kd_chart_get_health:
 *
 * Returns: (transfer none) (nullable): the snapshot drawn
 */
KdHealth *
kd_chart_get_health (KdChart *self)
{
  g_return_val_if_fail (KD_IS_CHART (self), NULL);
  return self->health;
}

/**
 * kd_chart_set_health:
 * @health: (nullable): a snapshot, whose import is finished
 */
void
kd_chart_set_health (KdChart  *self,
                     KdHealth *health)
{
  g_return_if_fail (KD_IS_CHART (self));
  g_return_if_fail (health == NULL || KD_IS_HEALTH (health));

  if (!g_set_object (&self->health, health))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEALTH]);
}

KdHealthChartKind
kd_chart_get_kind (KdChart *self)
{
  g_return_val_if_fail (KD_IS_CHART (self), KD_HEALTH_CHART_COUNT);
  return self->kind;
}

void
kd_chart_set_kind (KdChart           *self,
                   KdHealthChartKind  kind)
{
  g_return_if_fail (KD_IS_CHART (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * kd_chart_get_description:
 *
 * Returns: (nullable): what the chart shows, in words
 */
const char *
kd_chart_get_description (KdChart *self)
{
  g_return_val_if_fail (KD_IS_CHART (self), NULL);
  return self->description;
}
