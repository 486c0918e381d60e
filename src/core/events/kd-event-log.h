/* kd-event-log.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-enums.h"
#include "kd-kms-event.h"

G_BEGIN_DECLS

#define KD_EVENT_LOG_ERROR (kd_event_log_error_quark ())

/**
 * KdEventLogError:
 * @KD_EVENT_LOG_ERROR_EMPTY: there is nothing to read
 * @KD_EVENT_LOG_ERROR_UNSUPPORTED: an event log in a form this build does
 *   not read
 * @KD_EVENT_LOG_ERROR_DAMAGED: an event log file too damaged to read
 *
 * Why an input gave no event log at all.  Input that is readable but
 * holds no licensing event is not an error: it gives a log without
 * events.
 */
typedef enum
{
  KD_EVENT_LOG_ERROR_EMPTY,
  KD_EVENT_LOG_ERROR_UNSUPPORTED,
  KD_EVENT_LOG_ERROR_DAMAGED,
} KdEventLogError;

#define KD_TYPE_EVENT_LOG (kd_event_log_get_type ())

G_DECLARE_FINAL_TYPE (KdEventLog, kd_event_log, KD, EVENT_LOG, GObject)

GQuark              kd_event_log_error_quark       (void);

KdEventLog         *kd_event_log_read              (const guint8  *data,
                                                    gsize          length,
                                                    GError       **error);
KdEventLog         *kd_event_log_read_file         (GFile            *file,
                                                    KdEventReadFlags  flags,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
KdEventFormat       kd_event_log_get_format        (KdEventLog    *self);
const char         *kd_event_log_get_encoding      (KdEventLog    *self);
const char         *kd_event_log_get_language      (KdEventLog    *self);
GListModel         *kd_event_log_get_events        (KdEventLog    *self);
guint               kd_event_log_get_n_skipped     (KdEventLog    *self);
const char * const *kd_event_log_get_unknown_lines (KdEventLog    *self);
const char * const *kd_event_log_get_notes         (KdEventLog    *self);
void                kd_event_log_to_json           (KdEventLog    *self,
                                                    JsonBuilder   *builder);

G_END_DECLS
