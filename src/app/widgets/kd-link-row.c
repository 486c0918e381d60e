/* kd-link-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-link-row.h"

/* A link to a page on the web, shown as a row: the label is the title, the
 * address is the subtitle and the target of win.open-uri.  Both are plain
 * text: nothing in them is read as markup. */
struct _KdLinkRow
{
  AdwActionRow parent_instance;

  char *label;
  char *uri;
};

G_DEFINE_FINAL_TYPE (KdLinkRow, kd_link_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_URI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_link_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KD_TYPE_LINK_ROW);

  G_OBJECT_CLASS (kd_link_row_parent_class)->dispose (object);
}

static void
kd_link_row_finalize (GObject *object)
{
  KdLinkRow *self = (KdLinkRow *) object;

  g_free (self->label);
  g_free (self->uri);

  G_OBJECT_CLASS (kd_link_row_parent_class)->finalize (object);
}

static void
kd_link_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KdLinkRow *self = KD_LINK_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_link_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KdLinkRow *self = KD_LINK_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      kd_link_row_set_label (self, g_value_get_string (value));
      break;
    case PROP_URI:
      kd_link_row_set_uri (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_link_row_class_init (KdLinkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_link_row_dispose;
  object_class->finalize = kd_link_row_finalize;
  object_class->get_property = kd_link_row_get_property;
  object_class->set_property = kd_link_row_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-link-row.ui");
}

static void
kd_link_row_init (KdLinkRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kd_link_row_new:
 * @label: the title of the page
 * @uri: its address
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
kd_link_row_new (const char *label,
                 const char *uri)
{
  return g_object_new (KD_TYPE_LINK_ROW, "label", label, "uri", uri, NULL);
}

const char *
kd_link_row_get_label (KdLinkRow *self)
{
  g_return_val_if_fail (KD_IS_LINK_ROW (self), NULL);

  return self->label;
}

void
kd_link_row_set_label (KdLinkRow  *self,
                       const char *label)
{
  g_return_if_fail (KD_IS_LINK_ROW (self));

  if (g_set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
kd_link_row_get_uri (KdLinkRow *self)
{
  g_return_val_if_fail (KD_IS_LINK_ROW (self), NULL);

  return self->uri;
}

/* The action's target is a GVariant: set here, not bound in the template. */
void
kd_link_row_set_uri (KdLinkRow  *self,
                     const char *uri)
{
  g_return_if_fail (KD_IS_LINK_ROW (self));

  if (!g_set_str (&self->uri, uri))
    return;
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", uri != NULL ? uri : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
}
