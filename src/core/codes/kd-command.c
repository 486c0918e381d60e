/* kd-command.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-command.h"

/* A command line an admin can copy, with what it does.  The parts to fill in are
 * written in angle brackets (`<kms-host>`) so they stand out when pasted. */
struct _KdCommand
{
  GObject parent_instance;

  char *command;
  char *description;
};

G_DEFINE_FINAL_TYPE (KdCommand, kd_command, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_COMMAND,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_command_finalize (GObject *object)
{
  KdCommand *self = (KdCommand *) object;

  g_clear_pointer (&self->command, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (kd_command_parent_class)->finalize (object);
}

static void
kd_command_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KdCommand *self = KD_COMMAND (object);

  switch (prop_id)
    {
    case PROP_COMMAND:
      g_value_set_string (value, self->command);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_command_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KdCommand *self = KD_COMMAND (object);

  switch (prop_id)
    {
    case PROP_COMMAND:
      self->command = g_value_dup_string (value);
      break;
    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_command_class_init (KdCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_command_finalize;
  object_class->get_property = kd_command_get_property;
  object_class->set_property = kd_command_set_property;

  properties[PROP_COMMAND] =
    g_param_spec_string ("command", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_command_init (KdCommand *self)
{
}

KdCommand *
kd_command_new (const char *command,
                const char *description)
{
  g_return_val_if_fail (command != NULL, NULL);

  return g_object_new (KD_TYPE_COMMAND,
                       "command", command,
                       "description", description,
                       NULL);
}

const char *
kd_command_get_command (KdCommand *self)
{
  g_return_val_if_fail (KD_IS_COMMAND (self), NULL);
  return self->command;
}

const char *
kd_command_get_description (KdCommand *self)
{
  g_return_val_if_fail (KD_IS_COMMAND (self), NULL);
  return self->description;
}
