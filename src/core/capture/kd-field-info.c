/* kd-field-info.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kd-field-info.h"

/* What the app, the CLI and a report say of each field of a capture
 * product they show: one table, so that a label, a group or whether a
 * value identifies a machine is decided once.  Keys are the canonical keys
 * of data/slmgr-labels.json; members are where the value, or what is
 * derived from it, stands in a product of `parse --json`
 * (docs/capture-json.md), as a path of member names.  Sensitive values
 * name or identify a machine, a person's key or an installation: a report
 * that leaves the building masks them. */
struct _KdFieldInfo
{
  const char *key;
  KdFieldGroup group;
  const char *label;
  const char *json_member;
  gboolean sensitive;
};

#define SENSITIVE TRUE

static const KdFieldInfo fields[] = {
  { "name", KD_FIELD_GROUP_PRODUCT, N_("Name"), "name", FALSE },
  { "description", KD_FIELD_GROUP_PRODUCT, N_("Description"), "description", FALSE },
  { "partial_product_key", KD_FIELD_GROUP_PRODUCT, N_("Partial product key"), "partial_product_key", SENSITIVE },
  { "product_key_channel", KD_FIELD_GROUP_PRODUCT, N_("Product key channel"), "product_key_channel", FALSE },
  { "activation_id", KD_FIELD_GROUP_PRODUCT, N_("Activation ID"), "activation_id", FALSE },
  { "application_id", KD_FIELD_GROUP_PRODUCT, N_("Application ID"), "application_id", FALSE },
  { "extended_pid", KD_FIELD_GROUP_PRODUCT, N_("Extended PID"), "extended_pid", SENSITIVE },
  { "installation_id", KD_FIELD_GROUP_PRODUCT, N_("Installation ID"), "installation_id", SENSITIVE },
  { "license_status", KD_FIELD_GROUP_LICENSE, N_("License status"), "license_status_text", FALSE },
  { "notification_reason", KD_FIELD_GROUP_LICENSE, N_("Notification reason"), "notification_reason", FALSE },
  { "volume_activation_expiration", KD_FIELD_GROUP_LICENSE, N_("Volume activation expiration"),
    "expiry.expires_text", FALSE },
  { "timebased_activation_expiration", KD_FIELD_GROUP_LICENSE, N_("Time-based activation expiration"),
    "expiry.expires_text", FALSE },
  { "time_remaining", KD_FIELD_GROUP_LICENSE, N_("Time remaining"), "expiry.expires_text", FALSE },
  { "evaluation_end_date", KD_FIELD_GROUP_LICENSE, N_("Evaluation end date"), NULL, FALSE },
  { "remaining_windows_rearm_count", KD_FIELD_GROUP_LICENSE, N_("Remaining Windows rearm count"),
    "remaining_windows_rearm_count", FALSE },
  { "remaining_sku_rearm_count", KD_FIELD_GROUP_LICENSE, N_("Remaining SKU rearm count"),
    "remaining_sku_rearm_count", FALSE },
  { "trusted_time", KD_FIELD_GROUP_LICENSE, N_("Trusted time"), "trusted_time_text", FALSE },
  { "configured_activation_type", KD_FIELD_GROUP_LICENSE, N_("Configured activation type"),
    "configured_activation_type", FALSE },
  { "cmid", KD_FIELD_GROUP_KMS_CLIENT, N_("Client Machine ID (CMID)"), "kms_client.cmid", SENSITIVE },
  { "registered_kms_machine_name", KD_FIELD_GROUP_KMS_CLIENT, N_("KMS host set by hand"),
    "kms_client.kms_host", SENSITIVE },
  { "kms_machine_name_from_dns", KD_FIELD_GROUP_KMS_CLIENT, N_("KMS host from DNS"), "kms_client.kms_host", SENSITIVE },
  { "kms_machine_ip", KD_FIELD_GROUP_KMS_CLIENT, N_("KMS host IP address"), "kms_client.kms_ip", SENSITIVE },
  { "kms_extended_pid", KD_FIELD_GROUP_KMS_CLIENT, N_("KMS host extended PID"), "kms_client.kms_extended_pid",
    SENSITIVE },
  { "activation_interval", KD_FIELD_GROUP_KMS_CLIENT, N_("Activation interval"),
    "kms_client.activation_interval_minutes", FALSE },
  { "renewal_interval", KD_FIELD_GROUP_KMS_CLIENT, N_("Renewal interval"), "kms_client.renewal_interval_minutes",
    FALSE },
  { "current_count", KD_FIELD_GROUP_KMS_HOST, N_("Current count"), "kms_host.current_count", FALSE },
  { "listening_port", KD_FIELD_GROUP_KMS_HOST, N_("Listening on port"), "kms_host.port", FALSE },
  { "kms_priority", KD_FIELD_GROUP_KMS_HOST, N_("Priority"), "kms_host.priority", FALSE },
  { "requests_total", KD_FIELD_GROUP_REQUESTS, N_("Total requests"), "kms_host.requests.total", FALSE },
  { "requests_failed", KD_FIELD_GROUP_REQUESTS, N_("Failed requests"), "kms_host.requests.failed", FALSE },
  { "requests_unlicensed", KD_FIELD_GROUP_REQUESTS, N_("From unlicensed clients"), "kms_host.requests.unlicensed",
    FALSE },
  { "requests_licensed", KD_FIELD_GROUP_REQUESTS, N_("From licensed clients"), "kms_host.requests.licensed", FALSE },
  { "requests_initial_grace", KD_FIELD_GROUP_REQUESTS, N_("In the initial grace period"),
    "kms_host.requests.initial_grace", FALSE },
  { "requests_expired_or_oot", KD_FIELD_GROUP_REQUESTS, N_("Expired or out of tolerance"),
    "kms_host.requests.expired_or_hardware_out_of_tolerance", FALSE },
  { "requests_non_genuine_grace", KD_FIELD_GROUP_REQUESTS, N_("In the non-genuine grace period"),
    "kms_host.requests.non_genuine_grace", FALSE },
  { "requests_notification", KD_FIELD_GROUP_REQUESTS, N_("In notification"), "kms_host.requests.notification",
    FALSE },
};

/**
 * kd_field_info_lookup:
 * @key: a canonical field key, such as `cmid`
 *
 * Returns: (nullable): what is known of the field, or %NULL for a field
 *   that is kept but not shown on its own
 */
const KdFieldInfo *
kd_field_info_lookup (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].key, key))
      return &fields[i];
  return NULL;
}

/**
 * kd_field_info_get_n:
 *
 * Returns: the number of fields shown, in the order they are shown in
 */
guint
kd_field_info_get_n (void)
{
  return G_N_ELEMENTS (fields);
}

/**
 * kd_field_info_get_nth:
 * @i: less than kd_field_info_get_n()
 *
 * Returns: the field shown @i-th, grouped and in the order of the groups
 */
const KdFieldInfo *
kd_field_info_get_nth (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (fields), NULL);

  return &fields[i];
}

const char *
kd_field_info_get_key (const KdFieldInfo *self)
{
  return self->key;
}

KdFieldGroup
kd_field_info_get_group (const KdFieldInfo *self)
{
  return self->group;
}

/**
 * kd_field_info_get_label:
 * @self: a field
 *
 * Returns: the field's name, in the UI language
 */
const char *
kd_field_info_get_label (const KdFieldInfo *self)
{
  return _(self->label);
}

/**
 * kd_field_info_get_json_member:
 * @self: a field
 *
 * Returns: (nullable): the path of member names, joined by dots, where the
 *   field or what is read from it stands in a product of `parse --json`
 */
const char *
kd_field_info_get_json_member (const KdFieldInfo *self)
{
  return self->json_member;
}

/**
 * kd_field_info_is_sensitive:
 * @self: a field
 *
 * Returns: whether the value names or identifies a machine, a key or an
 *   installation, and is masked when a report is redacted
 */
gboolean
kd_field_info_is_sensitive (const KdFieldInfo *self)
{
  return self->sensitive;
}

/**
 * kd_field_group_get_label:
 * @group: a group of fields
 *
 * Returns: the group's heading, in the UI language
 */
const char *
kd_field_group_get_label (KdFieldGroup group)
{
  switch (group)
    {
    case KD_FIELD_GROUP_PRODUCT:
      return _("Product");
    case KD_FIELD_GROUP_LICENSE:
      return _("License");
    case KD_FIELD_GROUP_KMS_CLIENT:
      return _("KMS Client");
    case KD_FIELD_GROUP_KMS_HOST:
      return _("KMS Host");
    case KD_FIELD_GROUP_REQUESTS:
      return _("Requests");
    default:
      g_return_val_if_reached (NULL);
    }
}
