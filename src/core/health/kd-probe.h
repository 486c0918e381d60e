/* kd-probe.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define KD_PROBE_ERROR (kd_probe_error_quark ())

typedef enum
{
  KD_PROBE_ERROR_BAD_SERVER,
  KD_PROBE_ERROR_BAD_NAME,
  KD_PROBE_ERROR_DNS,
} KdProbeError;

#define KD_TYPE_PROBE (kd_probe_get_type ())

G_DECLARE_FINAL_TYPE (KdProbe, kd_probe, KD, PROBE, GObject)

GQuark    kd_probe_error_quark    (void);
KdProbe  *kd_probe_new            (const char           *target);
void      kd_probe_set_server     (KdProbe              *self,
                                   const char           *server);
void      kd_probe_set_timeout    (KdProbe              *self,
                                   guint                 seconds);
char     *kd_probe_dup_message    (KdProbe              *self);
guint     kd_probe_get_n_open     (KdProbe              *self);
guint     kd_probe_get_n_hosts    (KdProbe              *self);
const char *kd_probe_get_host     (KdProbe              *self,
                                   guint                 i,
                                   int                  *port,
                                   gboolean             *from_srv,
                                   gboolean             *answered);
void      kd_probe_run_async      (KdProbe              *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean  kd_probe_run_finish     (KdProbe              *self,
                                   GAsyncResult         *result,
                                   GError              **error);
void      kd_probe_to_json        (KdProbe              *self,
                                   JsonBuilder          *builder);

G_END_DECLS
