/* kd-input.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kd-enums.h"

G_BEGIN_DECLS

#define KD_TYPE_INPUT (kd_input_get_type ())

G_DECLARE_FINAL_TYPE (KdInput, kd_input, KD, INPUT, GObject)

KdInput     *kd_input_new_for_text (const char *text,
                                    gssize      length);
KdInputKind  kd_input_get_kind     (KdInput    *self);
guint32      kd_input_get_code     (KdInput    *self);
const char  *kd_input_get_search   (KdInput    *self);

G_END_DECLS
