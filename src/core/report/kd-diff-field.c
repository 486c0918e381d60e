/* kd-diff-field.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-diff-field.h"
#include "kd-enum-types.h"
#include "kd-field-info.h"

/* One field of a product in two captures: its values in each, and how
 * they compare (the rows of the app's diff) */

struct _KdDiffField
{
  GObject parent_instance;

  char *key;
  KdDiffChange change;
  char *a;
  char *b;
};

G_DEFINE_FINAL_TYPE (KdDiffField, kd_diff_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  PROP_CHANGE,
  PROP_A,
  PROP_B,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_diff_field_finalize (GObject *object)
{
  KdDiffField *self = KD_DIFF_FIELD (object);

  g_free (self->key);
  g_free (self->a);
  g_free (self->b);

  G_OBJECT_CLASS (kd_diff_field_parent_class)->finalize (object);
}

static void
kd_diff_field_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KdDiffField *self = KD_DIFF_FIELD (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_LABEL:
      g_value_set_string (value, kd_diff_field_get_label (self));
      break;
    case PROP_CHANGE:
      g_value_set_enum (value, self->change);
      break;
    case PROP_A:
      g_value_set_string (value, self->a);
      break;
    case PROP_B:
      g_value_set_string (value, self->b);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_diff_field_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KdDiffField *self = KD_DIFF_FIELD (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    case PROP_CHANGE:
      self->change = g_value_get_enum (value);
      break;
    case PROP_A:
      self->a = g_value_dup_string (value);
      break;
    case PROP_B:
      self->b = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_diff_field_class_init (KdDiffFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kd_diff_field_finalize;
  object_class->get_property = kd_diff_field_get_property;
  object_class->set_property = kd_diff_field_set_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, construct);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGE] = g_param_spec_enum ("change", NULL, NULL, KD_TYPE_DIFF_CHANGE, KD_DIFF_SAME, construct);
  properties[PROP_A] = g_param_spec_string ("a", NULL, NULL, NULL, construct);
  properties[PROP_B] = g_param_spec_string ("b", NULL, NULL, NULL, construct);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_diff_field_init (KdDiffField *self)
{
}

/**
 * kd_diff_field_new:
 * @key: a capture field's key (#KdFieldInfo)
 * @change: how its values compare
 * @a: (nullable): its value in the first capture
 * @b: (nullable): its value in the second
 */
KdDiffField *
kd_diff_field_new (const char   *key,
                   KdDiffChange  change,
                   const char   *a,
                   const char   *b)
{
  return g_object_new (KD_TYPE_DIFF_FIELD, "key", key, "change", change, "a", a, "b", b, NULL);
}

const char *
kd_diff_field_get_key (KdDiffField *self)
{
  g_return_val_if_fail (KD_IS_DIFF_FIELD (self), NULL);
  return self->key;
}

/**
 * kd_diff_field_get_label:
 *
 * Returns: the field's name, in the UI language
 */
const char *
kd_diff_field_get_label (KdDiffField *self)
{
  const KdFieldInfo *info;

  g_return_val_if_fail (KD_IS_DIFF_FIELD (self), NULL);

  info = kd_field_info_lookup (self->key);
  return info != NULL ? kd_field_info_get_label (info) : self->key;
}

KdDiffChange
kd_diff_field_get_change (KdDiffField *self)
{
  g_return_val_if_fail (KD_IS_DIFF_FIELD (self), KD_DIFF_SAME);
  return self->change;
}

const char *
kd_diff_field_get_a (KdDiffField *self)
{
  g_return_val_if_fail (KD_IS_DIFF_FIELD (self), NULL);
  return self->a;
}

const char *
kd_diff_field_get_b (KdDiffField *self)
{
  g_return_val_if_fail (KD_IS_DIFF_FIELD (self), NULL);
  return self->b;
}
