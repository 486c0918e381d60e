/* kd-step-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-step-row.h"

/* A numbered step of a remedy.  The text is Pango markup, made by the
 * detail view from the catalog's text (commands in `backticks` become
 * monospace). */
struct _KdStepRow
{
  GtkListBoxRow parent_instance;

  guint number;
  char *markup;
};

G_DEFINE_FINAL_TYPE (KdStepRow, kd_step_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_MARKUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_step_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), KD_TYPE_STEP_ROW);

  G_OBJECT_CLASS (kd_step_row_parent_class)->dispose (object);
}

static void
kd_step_row_finalize (GObject *object)
{
  KdStepRow *self = (KdStepRow *) object;

  g_free (self->markup);

  G_OBJECT_CLASS (kd_step_row_parent_class)->finalize (object);
}

static void
kd_step_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KdStepRow *self = KD_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_MARKUP:
      g_value_set_string (value, self->markup);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_step_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KdStepRow *self = KD_STEP_ROW (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      kd_step_row_set_number (self, g_value_get_uint (value));
      break;
    case PROP_MARKUP:
      kd_step_row_set_markup (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_step_row_class_init (KdStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_step_row_dispose;
  object_class->finalize = kd_step_row_finalize;
  object_class->get_property = kd_step_row_get_property;
  object_class->set_property = kd_step_row_set_property;

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARKUP] =
    g_param_spec_string ("markup", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-step-row.ui");
}

static void
kd_step_row_init (KdStepRow *self)
{
  self->number = 1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kd_step_row_new:
 * @number: the step's number, from 1
 * @markup: its text, as Pango markup
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
kd_step_row_new (guint       number,
                 const char *markup)
{
  return g_object_new (KD_TYPE_STEP_ROW, "number", number, "markup", markup, NULL);
}

guint
kd_step_row_get_number (KdStepRow *self)
{
  g_return_val_if_fail (KD_IS_STEP_ROW (self), 0);

  return self->number;
}

void
kd_step_row_set_number (KdStepRow *self,
                        guint      number)
{
  g_return_if_fail (KD_IS_STEP_ROW (self));

  if (self->number == number)
    return;
  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
kd_step_row_get_markup (KdStepRow *self)
{
  g_return_val_if_fail (KD_IS_STEP_ROW (self), NULL);

  return self->markup;
}

void
kd_step_row_set_markup (KdStepRow  *self,
                        const char *markup)
{
  g_return_if_fail (KD_IS_STEP_ROW (self));

  if (g_set_str (&self->markup, markup))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKUP]);
}
