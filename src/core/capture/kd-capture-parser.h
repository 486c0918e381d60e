/* kd-capture-parser.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kd-capture.h"
#include "kd-enums.h"

G_BEGIN_DECLS

KdCapture *kd_capture_parse              (const guint8        *data,
                                          gsize                length,
                                          KdCaptureParseFlags  flags,
                                          GCancellable        *cancellable);
KdCapture *kd_capture_parse_bytes        (GBytes              *bytes,
                                          KdCaptureParseFlags  flags);
void       kd_capture_parse_async        (GBytes              *bytes,
                                          KdCaptureParseFlags  flags,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
KdCapture *kd_capture_parse_finish       (GAsyncResult        *result,
                                          GError             **error);
gboolean   kd_capture_looks_like         (const char          *text,
                                          gsize                length);

/* A parse to run in a worker, for the _async functions built on it. */
typedef struct _KdCaptureParseJob KdCaptureParseJob;

KdCaptureParseJob *kd_capture_parse_job_new  (GBytes              *bytes,
                                              KdCaptureParseFlags  flags);
KdCapture         *kd_capture_parse_job_run  (KdCaptureParseJob   *job,
                                              GCancellable        *cancellable);
void               kd_capture_parse_job_free (KdCaptureParseJob   *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KdCaptureParseJob, kd_capture_parse_job_free)

G_END_DECLS
