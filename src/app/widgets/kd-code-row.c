/* kd-code-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-code-row.h"

/* An error code as a link: its code and what it means.  Activating the
 * row runs its action (win.open-code unless told otherwise) with the code
 * as the target. */
struct _KdCodeRow
{
  AdwActionRow parent_instance;

  KdErrorCode *entry;
};

G_DEFINE_FINAL_TYPE (KdCodeRow, kd_code_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_code_row_dispose (GObject *object)
{
  KdCodeRow *self = (KdCodeRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_CODE_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (kd_code_row_parent_class)->dispose (object);
}

static void
kd_code_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KdCodeRow *self = KD_CODE_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_code_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KdCodeRow *self = KD_CODE_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      kd_code_row_set_entry (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_code_row_class_init (KdCodeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_code_row_dispose;
  object_class->get_property = kd_code_row_get_property;
  object_class->set_property = kd_code_row_set_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, KD_TYPE_ERROR_CODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-code-row.ui");
}

static void
kd_code_row_init (KdCodeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self), "win.open-code");
}

/**
 * kd_code_row_new:
 * @entry: a catalog entry, or a decoded code
 * @action_name: (nullable): what activating the row does with the code,
 *   `win.open-code` for %NULL
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *
kd_code_row_new (KdErrorCode *entry,
                 const char  *action_name)
{
  GtkWidget *row = g_object_new (KD_TYPE_CODE_ROW, "entry", entry, NULL);

  if (action_name != NULL)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  return row;
}

KdErrorCode *
kd_code_row_get_entry (KdCodeRow *self)
{
  g_return_val_if_fail (KD_IS_CODE_ROW (self), NULL);

  return self->entry;
}

void
kd_code_row_set_entry (KdCodeRow   *self,
                       KdErrorCode *entry)
{
  g_autofree char *title = NULL;

  g_return_if_fail (KD_IS_CODE_ROW (self));
  g_return_if_fail (entry == NULL || KD_IS_ERROR_CODE (entry));

  if (!g_set_object (&self->entry, entry))
    return;
  /* The display title is worked out from the entry, not one property. */
  title = entry != NULL ? kd_error_code_dup_display_title (entry) : NULL;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), title);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "s", entry != NULL ? kd_error_code_get_code (entry) : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}
