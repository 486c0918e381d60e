/* kd-health.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-capture.h"
#include "kd-enums.h"
#include "kd-event-log.h"
#include "kd-health-client.h"
#include "kd-health-input.h"
#include "kd-probe.h"

G_BEGIN_DECLS

/* The thresholds a KMS host's count is held against */
#define KD_HEALTH_WINDOW_DAYS 30

/* A day of the series: its time, the count then, the requests in the 24
 * hours up to it by result, and whether it is ahead of the snapshot */
typedef struct
{
  gint64 time;
  guint count;
  guint succeeded;
  guint failed;
  gboolean forecast;
} KdHealthDay;

#define KD_TYPE_HEALTH (kd_health_get_type ())

G_DECLARE_FINAL_TYPE (KdHealth, kd_health, KD, HEALTH, GObject)

KdHealth   *kd_health_new                (void);
void        kd_health_add_events         (KdHealth          *self,
                                          const char        *path,
                                          KdEventLog        *log);
void        kd_health_add_capture        (KdHealth          *self,
                                          const char        *path,
                                          KdCapture         *capture);
gboolean    kd_health_add_file           (KdHealth          *self,
                                          GFile             *file,
                                          const char        *path,
                                          GCancellable      *cancellable);
void        kd_health_add_path           (KdHealth          *self,
                                          GFile             *file,
                                          const char        *path,
                                          GCancellable      *cancellable);
void        kd_health_add_problem        (KdHealth          *self,
                                          const char        *path,
                                          KdHealthInputKind  kind,
                                          const char        *problem);
void        kd_health_add_probe          (KdHealth          *self,
                                          KdProbe           *probe);
void        kd_health_set_approved_hosts (KdHealth          *self,
                                          const char * const *hosts);
void        kd_health_set_as_of          (KdHealth          *self,
                                          GDateTime         *as_of);
GDateTime  *kd_health_get_as_of          (KdHealth          *self);
guint       kd_health_get_count          (KdHealth          *self);
guint       kd_health_get_cap            (KdHealth          *self);
gint64      kd_health_get_reported_count (KdHealth          *self);
GDateTime  *kd_health_get_below_on       (KdHealth          *self,
                                          guint              threshold);
GListModel *kd_health_get_inputs         (KdHealth          *self);
GListModel *kd_health_get_clients        (KdHealth          *self);
GListModel *kd_health_get_findings       (KdHealth          *self);
const KdHealthDay *kd_health_get_count_series   (KdHealth *self,
                                                 guint    *n_days);
const KdHealthDay *kd_health_get_request_series (KdHealth *self,
                                                 guint    *n_days);
const KdHealthDay *kd_health_get_expiry_series  (KdHealth *self,
                                                 guint    *n_weeks);
guint       kd_health_get_n_hosts        (KdHealth          *self);
const char *kd_health_get_host           (KdHealth          *self,
                                          guint              i,
                                          int               *port,
                                          guint             *n_clients,
                                          int               *approved);
guint       kd_health_get_n_failed_requests (KdHealth       *self,
                                             guint          *n_codes);
GDateTime  *kd_health_get_last_host_request (KdHealth       *self);
char       *kd_health_dup_domain         (KdHealth          *self);
void        kd_health_to_json            (KdHealth          *self,
                                          JsonBuilder       *builder);

G_END_DECLS
