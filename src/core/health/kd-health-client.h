/* kd-health-client.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kd-enums.h"

G_BEGIN_DECLS

/* A client not heard of for longer missed a renewal (every 7 days) */
#define KD_HEALTH_SILENT_DAYS 7
/* A client whose activation ends sooner needs looking at */
#define KD_HEALTH_EXPIRING_DAYS 30

#define KD_TYPE_HEALTH_CLIENT (kd_health_client_get_type ())

G_DECLARE_FINAL_TYPE (KdHealthClient, kd_health_client, KD, HEALTH_CLIENT, GObject)

const char          *kd_health_client_get_cmid          (KdHealthClient *self);
const char          *kd_health_client_get_name          (KdHealthClient *self);
const char * const  *kd_health_client_get_names         (KdHealthClient *self);
const char          *kd_health_client_get_activation_id (KdHealthClient *self);
const char          *kd_health_client_get_kms_host      (KdHealthClient *self);
GDateTime           *kd_health_client_get_last_request  (KdHealthClient *self);
KdClientLicenseState kd_health_client_get_license_state (KdHealthClient *self);
int                  kd_health_client_get_n_policy      (KdHealthClient *self);
int                  kd_health_client_get_is_vm         (KdHealthClient *self);
GDateTime           *kd_health_client_get_expires       (KdHealthClient *self);
const char          *kd_health_client_get_last_hresult  (KdHealthClient *self);
const char          *kd_health_client_get_capture_path  (KdHealthClient *self);
const char          *kd_health_client_get_search_text   (KdHealthClient *self);
guint                kd_health_client_get_n_requests    (KdHealthClient *self);
KdHealthSources      kd_health_client_get_sources       (KdHealthClient *self);
GDateTime           *kd_health_client_get_last_host_request (KdHealthClient *self);
gboolean             kd_health_client_get_unanswered    (KdHealthClient *self);
gint64               kd_health_client_get_skew_minutes  (KdHealthClient *self);

gboolean             kd_health_client_matches           (KdHealthClient       *self,
                                                         KdHealthClientFilter  filter,
                                                         GDateTime            *as_of);
void                 kd_health_clients_to_csv           (GListModel     *clients,
                                                         GString        *csv);

G_END_DECLS
