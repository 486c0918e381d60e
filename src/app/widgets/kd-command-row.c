/* kd-command-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-command-row.h"

/* A command a remedy offers, with a button that copies it: in a finding
 * of the Analyze view and in an entry of the Error Codes view. */
struct _KdCommandRow
{
  AdwActionRow parent_instance;

  GtkButton *copy_button;

  KdCommand *command;
};

G_DEFINE_FINAL_TYPE (KdCommandRow, kd_command_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_COMMAND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_command_row_dispose (GObject *object)
{
  KdCommandRow *self = (KdCommandRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_COMMAND_ROW);
  g_clear_object (&self->command);

  G_OBJECT_CLASS (kd_command_row_parent_class)->dispose (object);
}

static void
kd_command_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KdCommandRow *self = KD_COMMAND_ROW (object);

  switch (prop_id)
    {
    case PROP_COMMAND:
      g_value_set_object (value, self->command);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_command_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KdCommandRow *self = KD_COMMAND_ROW (object);

  switch (prop_id)
    {
    case PROP_COMMAND:
      kd_command_row_set_command (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_command_row_class_init (KdCommandRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_command_row_dispose;
  object_class->get_property = kd_command_row_get_property;
  object_class->set_property = kd_command_row_set_property;

  properties[PROP_COMMAND] =
    g_param_spec_object ("command", NULL, NULL, KD_TYPE_COMMAND,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-command-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KdCommandRow, copy_button);
}

static void
kd_command_row_init (KdCommandRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
kd_command_row_new (KdCommand *command)
{
  return g_object_new (KD_TYPE_COMMAND_ROW, "command", command, NULL);
}

KdCommand *
kd_command_row_get_command (KdCommandRow *self)
{
  g_return_val_if_fail (KD_IS_COMMAND_ROW (self), NULL);

  return self->command;
}

void
kd_command_row_set_command (KdCommandRow *self,
                            KdCommand    *command)
{
  g_return_if_fail (KD_IS_COMMAND_ROW (self));
  g_return_if_fail (command == NULL || KD_IS_COMMAND (command));

  if (!g_set_object (&self->command, command))
    return;
  /* An action target is a GVariant, which a binding cannot make. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->copy_button), "s",
                                    command != NULL ? kd_command_get_command (command) : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMAND]);
}
