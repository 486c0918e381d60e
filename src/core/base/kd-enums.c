/* kd-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kd-enums.h"
#include "kd-enum-types.h"

/* The identifiers are the nicks of the generated GEnum and GFlags types
 * (kd-enum-types.h): glib-mkenums makes them from the value names. */
static const struct {
  KdAppliesTo flag;
  const char *label;
} applies_to_labels[] = {
  { KD_APPLIES_TO_MAK,        N_("MAK") },
  { KD_APPLIES_TO_KMS_CLIENT, N_("KMS client") },
  { KD_APPLIES_TO_KMS_HOST,   N_("KMS host") },
  { KD_APPLIES_TO_ADBA,       N_("AD-based") },
  { KD_APPLIES_TO_RETAIL,     N_("Retail") },
  { KD_APPLIES_TO_OEM,        N_("OEM") },
  { KD_APPLIES_TO_OFFICE,     N_("Office") },
  { KD_APPLIES_TO_AVMA,       N_("AVMA") },
  { KD_APPLIES_TO_TOKEN,      N_("Token-based") },
};

/**
 * kd_enum_get_nick:
 * @type: a #GEnum type of the core
 * @value: one of its values
 *
 * The nicks of the core's enums are the stable identifiers of its JSON.
 *
 * Returns: (nullable): the nick of @value
 */
const char *
kd_enum_get_nick (GType type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

/**
 * kd_enum_from_nick:
 * @type: a #GEnum type of the core
 * @nick: (nullable): a stable identifier
 * @fallback: what an unknown @nick gives
 *
 * Returns: the value whose nick is @nick, or @fallback
 */
int
kd_enum_from_nick (GType       type,
                   const char *nick,
                   int         fallback)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  return found != NULL ? found->value : fallback;
}

/**
 * kd_applies_to_from_id:
 * @id: a stable identifier such as `kms-client`
 *
 * Returns: the flag, or %KD_APPLIES_TO_NONE for an unknown identifier
 */
KdAppliesTo
kd_applies_to_from_id (const char *id)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (KD_TYPE_APPLIES_TO);
  GFlagsValue *found;

  g_return_val_if_fail (id != NULL, KD_APPLIES_TO_NONE);

  found = g_flags_get_value_by_nick (klass, id);
  return found != NULL ? found->value : KD_APPLIES_TO_NONE;
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
  g_autoptr(GFlagsClass) klass = g_type_class_ref (KD_TYPE_APPLIES_TO);
  GFlagsValue *found = flag != KD_APPLIES_TO_NONE ? g_flags_get_first_value (klass, flag) : NULL;

  return found != NULL && found->value == flag ? found->value_nick : NULL;
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
  for (guint i = 0; i < G_N_ELEMENTS (applies_to_labels); i++)
    if (applies_to_labels[i].flag == flag)
      return _(applies_to_labels[i].label);

  return NULL;
}

const char *
kd_finding_severity_get_id (KdFindingSeverity severity)
{
  return kd_enum_get_nick (KD_TYPE_FINDING_SEVERITY, severity);
}

/**
 * kd_finding_severity_get_label:
 * @severity: a severity
 *
 * Returns: the severity's name, in the UI language
 */
const char *
kd_finding_severity_get_label (KdFindingSeverity severity)
{
  switch (severity)
    {
    case KD_FINDING_ERROR:
      return _("Error");
    case KD_FINDING_WARNING:
      return _("Warning");
    case KD_FINDING_INFO:
    default:
      return _("Information");
    }
}

/**
 * kd_client_license_state_get_label:
 * @state: a licence state a KMS client reported
 *
 * Returns: the state's name, in the UI language
 */
const char *
kd_client_license_state_get_label (KdClientLicenseState state)
{
  switch (state)
    {
    case KD_CLIENT_LICENSE_UNLICENSED:
      return _("Unlicensed");
    case KD_CLIENT_LICENSE_LICENSED:
      return _("Licensed");
    case KD_CLIENT_LICENSE_INITIAL_GRACE:
      return _("Initial grace");
    case KD_CLIENT_LICENSE_ADDITIONAL_GRACE:
      return _("Additional grace");
    case KD_CLIENT_LICENSE_NON_GENUINE_GRACE:
      return _("Non-genuine grace");
    case KD_CLIENT_LICENSE_NOTIFICATION:
      return _("Notification");
    case KD_CLIENT_LICENSE_EXTENDED_GRACE:
      return _("Extended grace");
    case KD_CLIENT_LICENSE_UNKNOWN:
    default:
      return _("Unknown");
    }
}

const char *
kd_verdict_get_id (KdVerdict verdict)
{
  return kd_enum_get_nick (KD_TYPE_VERDICT, verdict);
}

/**
 * kd_verdict_get_label:
 * @verdict: a verdict
 *
 * Returns: the verdict as a title, in the UI language
 */
const char *
kd_verdict_get_label (KdVerdict verdict)
{
  switch (verdict)
    {
    case KD_VERDICT_ERROR:
      return _("Problems found");
    case KD_VERDICT_WARNING:
      return _("Works, with warnings");
    case KD_VERDICT_OK:
    default:
      return _("No problem found");
    }
}

const char *
kd_license_role_get_id (KdLicenseRole role)
{
  return kd_enum_get_nick (KD_TYPE_LICENSE_ROLE, role);
}

KdLicenseRole
kd_license_role_from_id (const char *id)
{
  return kd_enum_from_nick (KD_TYPE_LICENSE_ROLE, id, KD_LICENSE_ROLE_UNKNOWN);
}

/**
 * kd_license_role_get_label:
 * @role: a role
 *
 * Returns: how the product is licensed, in the UI language
 */
const char *
kd_license_role_get_label (KdLicenseRole role)
{
  switch (role)
    {
    case KD_LICENSE_ROLE_KMS_CLIENT:
      return _("KMS client");
    case KD_LICENSE_ROLE_KMS_HOST:
      return _("KMS host");
    case KD_LICENSE_ROLE_MAK:
      return _("MAK");
    case KD_LICENSE_ROLE_RETAIL:
      return _("Retail");
    case KD_LICENSE_ROLE_OEM:
      return _("OEM");
    case KD_LICENSE_ROLE_ADBA:
      return _("Activated through Active Directory");
    case KD_LICENSE_ROLE_AVMA:
      return _("Automatic VM activation");
    case KD_LICENSE_ROLE_TOKEN:
      return _("Token-based activation");
    case KD_LICENSE_ROLE_EVALUATION:
      return _("Evaluation");
    case KD_LICENSE_ROLE_SUBSCRIPTION:
      return _("Subscription");
    case KD_LICENSE_ROLE_UNKNOWN:
    default:
      return _("Unknown kind of license");
    }
}

const char *
kd_capture_kind_get_id (KdCaptureKind kind)
{
  return kd_enum_get_nick (KD_TYPE_CAPTURE_KIND, kind);
}

KdCaptureKind
kd_capture_kind_from_id (const char *id)
{
  return kd_enum_from_nick (KD_TYPE_CAPTURE_KIND, id, KD_CAPTURE_KIND_UNKNOWN);
}

const char *
kd_event_format_get_id (KdEventFormat format)
{
  return kd_enum_get_nick (KD_TYPE_EVENT_FORMAT, format);
}

/* %NULL for a level the export does not give */
const char *
kd_event_level_get_id (KdEventLevel level)
{
  return level == KD_EVENT_LEVEL_UNKNOWN ? NULL : kd_enum_get_nick (KD_TYPE_EVENT_LEVEL, level);
}

const char *
kd_client_license_state_get_id (KdClientLicenseState state)
{
  return kd_enum_get_nick (KD_TYPE_CLIENT_LICENSE_STATE, state);
}

/**
 * kd_redact_kind_dup_count:
 * @kind: what a masked value was
 * @n: how many were masked
 *
 * Returns: (transfer full): "3 machine IDs", in the UI language: how a
 *   report counts what it masked
 */
char *
kd_redact_kind_dup_count (KdRedactKind kind,
                          guint        n)
{
  switch (kind)
    {
    case KD_REDACT_CMID:
      return g_strdup_printf (ngettext ("%u machine ID", "%u machine IDs", n), n);
    case KD_REDACT_HOST:
      return g_strdup_printf (ngettext ("%u machine name", "%u machine names", n), n);
    case KD_REDACT_DOMAIN:
      return g_strdup_printf (ngettext ("%u domain", "%u domains", n), n);
    case KD_REDACT_IP_ADDRESS:
      return g_strdup_printf (ngettext ("%u IP address", "%u IP addresses", n), n);
    case KD_REDACT_INSTALLATION_ID:
      return g_strdup_printf (ngettext ("%u installation ID", "%u installation IDs", n), n);
    case KD_REDACT_EXTENDED_PID:
      return g_strdup_printf (ngettext ("%u extended PID", "%u extended PIDs", n), n);
    case KD_REDACT_PRODUCT_KEY:
      return g_strdup_printf (ngettext ("%u product key", "%u product keys", n), n);
    case KD_REDACT_USER:
      return g_strdup_printf (ngettext ("%u user name", "%u user names", n), n);
    case KD_REDACT_EMAIL:
      return g_strdup_printf (ngettext ("%u e-mail address", "%u e-mail addresses", n), n);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * kd_redact_kind_get_label:
 * @kind: what a masked value is
 *
 * Returns: the kind of value, in the UI language: "Machine name"
 */
const char *
kd_redact_kind_get_label (KdRedactKind kind)
{
  switch (kind)
    {
    case KD_REDACT_CMID:
      return _("Machine ID");
    case KD_REDACT_HOST:
      return _("Machine name");
    case KD_REDACT_DOMAIN:
      return _("Domain");
    case KD_REDACT_IP_ADDRESS:
      return _("IP address");
    case KD_REDACT_INSTALLATION_ID:
      return _("Installation ID");
    case KD_REDACT_EXTENDED_PID:
      return _("Extended PID");
    case KD_REDACT_PRODUCT_KEY:
      return _("Product key");
    case KD_REDACT_USER:
      return _("User name");
    case KD_REDACT_EMAIL:
      return _("E-mail address");
    default:
      g_return_val_if_reached (NULL);
    }
}
