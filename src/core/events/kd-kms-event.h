/* kd-kms-event.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "kd-enums.h"

G_BEGIN_DECLS

#define KD_TYPE_KMS_EVENT (kd_kms_event_get_type ())

G_DECLARE_FINAL_TYPE (KdKmsEvent, kd_kms_event, KD, KMS_EVENT, GObject)

/* The record, as the export gave it */
int                  kd_kms_event_get_event_id          (KdKmsEvent  *self);
gint64               kd_kms_event_get_record_id         (KdKmsEvent  *self);
const char          *kd_kms_event_get_time              (KdKmsEvent  *self);
const char          *kd_kms_event_get_time_text         (KdKmsEvent  *self);
const char          *kd_kms_event_get_log               (KdKmsEvent  *self);
const char          *kd_kms_event_get_source            (KdKmsEvent  *self);
KdEventLevel         kd_kms_event_get_level             (KdKmsEvent  *self);
const char          *kd_kms_event_get_computer          (KdKmsEvent  *self);
const char          *kd_kms_event_get_message           (KdKmsEvent  *self);
const char * const  *kd_kms_event_get_info              (KdKmsEvent  *self);

/* What its Info says, by event ID: NULL or -1 where it says nothing */
const char          *kd_kms_event_get_hresult           (KdKmsEvent  *self);
gint64               kd_kms_event_get_status_flags      (KdKmsEvent  *self);
const char          *kd_kms_event_get_kms_host          (KdKmsEvent  *self);
int                  kd_kms_event_get_kms_port          (KdKmsEvent  *self);
const char          *kd_kms_event_get_client_name       (KdKmsEvent  *self);
const char          *kd_kms_event_get_cmid              (KdKmsEvent  *self);
const char          *kd_kms_event_get_client_time       (KdKmsEvent  *self);
const char          *kd_kms_event_get_client_time_text  (KdKmsEvent  *self);
int                  kd_kms_event_get_is_vm             (KdKmsEvent  *self);
KdClientLicenseState kd_kms_event_get_license_state     (KdKmsEvent  *self);
gint64               kd_kms_event_get_minutes_to_expiry (KdKmsEvent  *self);
const char          *kd_kms_event_get_activation_id     (KdKmsEvent  *self);
int                  kd_kms_event_get_n_policy          (KdKmsEvent  *self);
int                  kd_kms_event_get_activated         (KdKmsEvent  *self);
gint64               kd_kms_event_get_current_count     (KdKmsEvent  *self);
const char          *kd_kms_event_get_domain            (KdKmsEvent  *self);

gboolean             kd_kms_event_is_licensing_source   (const char  *source);
void                 kd_kms_event_to_json               (KdKmsEvent  *self,
                                                         JsonBuilder *builder);

G_END_DECLS
