/* kd-field-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-field-row.h"

struct _KdFieldRow
{
  AdwActionRow parent_instance;

  GtkButton *copy_button;

  char *label;
  char *value;
};

G_DEFINE_FINAL_TYPE (KdFieldRow, kd_field_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_field_row_dispose (GObject *object)
{
  KdFieldRow *self = (KdFieldRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_FIELD_ROW);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (kd_field_row_parent_class)->dispose (object);
}

static void
kd_field_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KdFieldRow *self = KD_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_field_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KdFieldRow *self = KD_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      kd_field_row_set_label (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      kd_field_row_set_value (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_field_row_class_init (KdFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kd_field_row_dispose;
  object_class->get_property = kd_field_row_get_property;
  object_class->set_property = kd_field_row_set_property;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_VALUE] = g_param_spec_string ("value", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-field-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KdFieldRow, copy_button);
}

static void
kd_field_row_init (KdFieldRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kd_field_row_new (const char *label,
                  const char *value)
{
  return g_object_new (KD_TYPE_FIELD_ROW, "label", label, "value", value, NULL);
}

const char *
kd_field_row_get_label (KdFieldRow *self)
{
  g_return_val_if_fail (KD_IS_FIELD_ROW (self), NULL);

  return self->label;
}

void
kd_field_row_set_label (KdFieldRow *self,
                        const char *label)
{
  g_return_if_fail (KD_IS_FIELD_ROW (self));

  if (g_set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
kd_field_row_get_value (KdFieldRow *self)
{
  g_return_val_if_fail (KD_IS_FIELD_ROW (self), NULL);

  return self->value;
}

void
kd_field_row_set_value (KdFieldRow *self,
                        const char *value)
{
  g_return_if_fail (KD_IS_FIELD_ROW (self));

  if (!g_set_str (&self->value, value))
    return;
  /* An action target is a GVariant, which a binding cannot make. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_button), "s", value != NULL ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}
