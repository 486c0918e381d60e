/* kd-redaction.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-enum-types.h"
#include "kd-redaction.h"

/* One value a redacted report masks: what it is, its mask, and whether
 * the user lets it be masked or keeps it as it is (the redaction
 * preview's rows) */

struct _KdRedaction
{
  GObject parent_instance;

  KdRedactKind kind;
  char *value;
  char *mask;
  gboolean masked;
};

G_DEFINE_FINAL_TYPE (KdRedaction, kd_redaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_VALUE,
  PROP_MASK,
  PROP_MASKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kd_redaction_finalize (GObject *object)
{
  KdRedaction *self = KD_REDACTION (object);

  g_free (self->value);
  g_free (self->mask);

  G_OBJECT_CLASS (kd_redaction_parent_class)->finalize (object);
}

static void
kd_redaction_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KdRedaction *self = KD_REDACTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;
    case PROP_MASK:
      g_value_set_string (value, self->mask);
      break;
    case PROP_MASKED:
      g_value_set_boolean (value, self->masked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_redaction_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KdRedaction *self = KD_REDACTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_VALUE:
      self->value = g_value_dup_string (value);
      break;
    case PROP_MASK:
      self->mask = g_value_dup_string (value);
      break;
    case PROP_MASKED:
      kd_redaction_set_masked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_redaction_class_init (KdRedactionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_redaction_finalize;
  object_class->get_property = kd_redaction_get_property;
  object_class->set_property = kd_redaction_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KD_TYPE_REDACT_KIND, KD_REDACT_CMID,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASK] =
    g_param_spec_string ("mask", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KdRedaction:masked:
   *
   * Whether the report shows the mask; %FALSE when the user keeps the
   * value as it is.
   */
  properties[PROP_MASKED] =
    g_param_spec_boolean ("masked", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_redaction_init (KdRedaction *self)
{
  self->masked = TRUE;
}

KdRedaction *
kd_redaction_new (KdRedactKind  kind,
                  const char   *value,
                  const char   *mask,
                  gboolean      masked)
{
  return g_object_new (KD_TYPE_REDACTION, "kind", kind, "value", value, "mask", mask, "masked", masked, NULL);
}

KdRedactKind
kd_redaction_get_kind (KdRedaction *self)
{
  g_return_val_if_fail (KD_IS_REDACTION (self), KD_REDACT_CMID);

  return self->kind;
}

const char *
kd_redaction_get_value (KdRedaction *self)
{
  g_return_val_if_fail (KD_IS_REDACTION (self), NULL);

  return self->value;
}

const char *
kd_redaction_get_mask (KdRedaction *self)
{
  g_return_val_if_fail (KD_IS_REDACTION (self), NULL);

  return self->mask;
}

gboolean
kd_redaction_get_masked (KdRedaction *self)
{
  g_return_val_if_fail (KD_IS_REDACTION (self), FALSE);

  return self->masked;
}

void
kd_redaction_set_masked (KdRedaction *self,
                         gboolean     masked)
{
  g_return_if_fail (KD_IS_REDACTION (self));

  masked = !!masked;
  if (self->masked == masked)
    return;
  self->masked = masked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASKED]);
}
