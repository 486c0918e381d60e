/* kd-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kd-enums.h"

static const struct {
  KdAppliesTo flag;
  const char *id;
  const char *label;
} applies_to_names[] = {
  { KD_APPLIES_TO_MAK,        "mak",        N_("MAK") },
  { KD_APPLIES_TO_KMS_CLIENT, "kms-client", N_("KMS client") },
  { KD_APPLIES_TO_KMS_HOST,   "kms-host",   N_("KMS host") },
  { KD_APPLIES_TO_ADBA,       "adba",       N_("AD-based") },
  { KD_APPLIES_TO_RETAIL,     "retail",     N_("Retail") },
  { KD_APPLIES_TO_OEM,        "oem",        N_("OEM") },
  { KD_APPLIES_TO_OFFICE,     "office",     N_("Office") },
  { KD_APPLIES_TO_AVMA,       "avma",       N_("AVMA") },
  { KD_APPLIES_TO_TOKEN,      "token",      N_("Token-based") },
};

/**
 * kd_applies_to_from_id:
 * @id: a stable identifier such as `kms-client`
 *
 * Returns: the flag, or %KD_APPLIES_TO_NONE for an unknown identifier
 */
KdAppliesTo
kd_applies_to_from_id (const char *id)
{
  g_return_val_if_fail (id != NULL, KD_APPLIES_TO_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (applies_to_names); i++)
    if (g_str_equal (id, applies_to_names[i].id))
      return applies_to_names[i].flag;

  return KD_APPLIES_TO_NONE;
}

/**
 * kd_applies_to_get_id:
 * @flag: a single flag
 *
 * Returns: (nullable): the stable identifier used in data files and JSON
 */
const char *
kd_applies_to_get_id (KdAppliesTo flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (applies_to_names); i++)
    if (applies_to_names[i].flag == flag)
      return applies_to_names[i].id;

  return NULL;
}

/**
 * kd_applies_to_get_label:
 * @flag: a single flag
 *
 * Returns: (nullable): the translated label of @flag
 */
const char *
kd_applies_to_get_label (KdAppliesTo flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (applies_to_names); i++)
    if (applies_to_names[i].flag == flag)
      return _(applies_to_names[i].label);

  return NULL;
}

const char *
kd_finding_severity_get_id (KdFindingSeverity severity)
{
  switch (severity)
    {
    case KD_FINDING_ERROR:
      return "error";
    case KD_FINDING_WARNING:
      return "warning";
    case KD_FINDING_INFO:
    default:
      return "info";
    }
}

const char *
kd_verdict_get_id (KdVerdict verdict)
{
  switch (verdict)
    {
    case KD_VERDICT_ERROR:
      return "error";
    case KD_VERDICT_WARNING:
      return "warning";
    case KD_VERDICT_OK:
    default:
      return "ok";
    }
}
