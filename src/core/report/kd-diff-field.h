/* kd-diff-field.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kd-enums.h"

G_BEGIN_DECLS

#define KD_TYPE_DIFF_FIELD (kd_diff_field_get_type ())

G_DECLARE_FINAL_TYPE (KdDiffField, kd_diff_field, KD, DIFF_FIELD, GObject)

KdDiffField  *kd_diff_field_new        (const char   *key,
                                        KdDiffChange  change,
                                        const char   *a,
                                        const char   *b);
const char   *kd_diff_field_get_key    (KdDiffField  *self);
const char   *kd_diff_field_get_label  (KdDiffField  *self);
KdDiffChange  kd_diff_field_get_change (KdDiffField  *self);
const char   *kd_diff_field_get_a      (KdDiffField  *self);
const char   *kd_diff_field_get_b      (KdDiffField  *self);

G_END_DECLS
