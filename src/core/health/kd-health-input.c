/* kd-health-input.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-enum-types.h"
#include "kd-health-input.h"

/* A file of a health snapshot, as the inputs panel lists it: what it
 * turned out to be, how much it held, and why nothing came of it when
 * nothing did.  It does not change once read. */

struct _KdHealthInput
{
  GObject parent_instance;

  char *path;
  KdHealthInputKind kind;
  guint items;
  char *problem;
};

G_DEFINE_FINAL_TYPE (KdHealthInput, kd_health_input, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_KIND,
  PROP_ITEMS,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_health_input_finalize (GObject *object)
{
  KdHealthInput *self = (KdHealthInput *) object;

  g_free (self->path);
  g_free (self->problem);

  G_OBJECT_CLASS (kd_health_input_parent_class)->finalize (object);
}

static void
kd_health_input_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KdHealthInput *self = KD_HEALTH_INPUT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ITEMS:
      g_value_set_uint (value, self->items);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_health_input_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KdHealthInput *self = KD_HEALTH_INPUT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_ITEMS:
      self->items = g_value_get_uint (value);
      break;
    case PROP_PROBLEM:
      self->problem = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_health_input_class_init (KdHealthInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_health_input_finalize;
  object_class->get_property = kd_health_input_get_property;
  object_class->set_property = kd_health_input_set_property;

  /**
   * KdHealthInput:path:
   *
   * The file's name as the user gave it.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthInput:kind:
   *
   * What it turned out to be.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KD_TYPE_HEALTH_INPUT_KIND, KD_HEALTH_INPUT_OTHER,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthInput:items:
   *
   * The products of a capture, the licensing events of an export.
   */
  properties[PROP_ITEMS] =
    g_param_spec_uint ("items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * KdHealthInput:problem: (nullable)
   *
   * Why nothing came of it, in the UI language.
   */
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_health_input_init (KdHealthInput *self)
{
}

KdHealthInput *
kd_health_input_new (const char        *path,
                     KdHealthInputKind  kind,
                     guint              items,
                     const char        *problem)
{
  return g_object_new (KD_TYPE_HEALTH_INPUT, "path", path, "kind", kind, "items", items, "problem", problem, NULL);
}

const char *
kd_health_input_get_path (KdHealthInput *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_INPUT (self), NULL);
  return self->path;
}

KdHealthInputKind
kd_health_input_get_kind (KdHealthInput *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_INPUT (self), KD_HEALTH_INPUT_OTHER);
  return self->kind;
}

guint
kd_health_input_get_items (KdHealthInput *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_INPUT (self), 0);
  return self->items;
}

const char *
kd_health_input_get_problem (KdHealthInput *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_INPUT (self), NULL);
  return self->problem;
}
