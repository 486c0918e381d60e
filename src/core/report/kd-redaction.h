/* kd-redaction.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kd-enums.h"

G_BEGIN_DECLS

#define KD_TYPE_REDACTION (kd_redaction_get_type ())

G_DECLARE_FINAL_TYPE (KdRedaction, kd_redaction, KD, REDACTION, GObject)

KdRedaction  *kd_redaction_new        (KdRedactKind  kind,
                                       const char   *value,
                                       const char   *mask,
                                       gboolean      masked);
KdRedactKind  kd_redaction_get_kind   (KdRedaction  *self);
const char   *kd_redaction_get_value  (KdRedaction  *self);
const char   *kd_redaction_get_mask   (KdRedaction  *self);
gboolean      kd_redaction_get_masked (KdRedaction  *self);
void          kd_redaction_set_masked (KdRedaction  *self,
                                       gboolean      masked);

G_END_DECLS
