/* kd-health-client-private.h — what the snapshot fills in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-health-client.h"
#include "kd-kms-event.h"

G_BEGIN_DECLS

KdHealthClient *kd_health_client_new          (const char     *cmid);
void            kd_health_client_add_request  (KdHealthClient *self,
                                               KdKmsEvent     *event,
                                               gint64          seconds);
void            kd_health_client_add_response (KdHealthClient *self,
                                               KdKmsEvent     *event,
                                               gint64          seconds);
gint64          kd_health_time_seconds        (const char     *text);
void            kd_health_client_add_capture  (KdHealthClient *self,
                                               const char     *path,
                                               const char     *activation_id,
                                               const char     *kms_host);

G_END_DECLS
