/* kd-kms-event-private.h — what the readers fill in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-kms-event.h"

G_BEGIN_DECLS

KdKmsEvent *kd_kms_event_new            (void);
void        kd_kms_event_set_event_id   (KdKmsEvent   *self,
                                         int           event_id);
void        kd_kms_event_set_record_id  (KdKmsEvent   *self,
                                         gint64        record_id);
void        kd_kms_event_set_time       (KdKmsEvent   *self,
                                         const char   *iso,
                                         const char   *text);
void        kd_kms_event_set_log        (KdKmsEvent   *self,
                                         const char   *log);
void        kd_kms_event_set_source     (KdKmsEvent   *self,
                                         const char   *source);
void        kd_kms_event_set_level      (KdKmsEvent   *self,
                                         KdEventLevel  level);
void        kd_kms_event_set_computer   (KdKmsEvent   *self,
                                         const char   *computer);
void        kd_kms_event_set_message    (KdKmsEvent   *self,
                                         const char   *message);
void        kd_kms_event_set_message_len (KdKmsEvent  *self,
                                          const char  *message,
                                          gsize        length);
void        kd_kms_event_take_data      (KdKmsEvent   *self,
                                         GPtrArray    *data);
void        kd_kms_event_set_time_text  (KdKmsEvent   *self,
                                         const char   *text,
                                         const char   *language);
void        kd_kms_event_set_level_text (KdKmsEvent   *self,
                                         const char   *text);
void        kd_kms_event_finish         (KdKmsEvent   *self);

char       *kd_event_utc_time           (const char   *text);
int         kd_event_id_from_message    (const char   *message);
int         kd_event_id_from_info_line  (const char   *line);

G_END_DECLS
