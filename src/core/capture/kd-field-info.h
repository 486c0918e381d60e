/* kd-field-info.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kd-enums.h"

G_BEGIN_DECLS

typedef struct _KdFieldInfo KdFieldInfo;

const KdFieldInfo *kd_field_info_lookup          (const char        *key);
guint              kd_field_info_get_n           (void);
const KdFieldInfo *kd_field_info_get_nth         (guint              i);

const char        *kd_field_info_get_key         (const KdFieldInfo *self);
KdFieldGroup       kd_field_info_get_group       (const KdFieldInfo *self);
const char        *kd_field_info_get_label       (const KdFieldInfo *self);
const char        *kd_field_info_get_json_member (const KdFieldInfo *self);
gboolean           kd_field_info_is_sensitive    (const KdFieldInfo *self);

const char        *kd_field_group_get_label      (KdFieldGroup       group);

G_END_DECLS
