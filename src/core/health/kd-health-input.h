/* kd-health-input.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kd-enums.h"

G_BEGIN_DECLS

#define KD_TYPE_HEALTH_INPUT (kd_health_input_get_type ())

G_DECLARE_FINAL_TYPE (KdHealthInput, kd_health_input, KD, HEALTH_INPUT, GObject)

KdHealthInput     *kd_health_input_new         (const char        *path,
                                                KdHealthInputKind  kind,
                                                guint              items,
                                                const char        *problem);
const char        *kd_health_input_get_path    (KdHealthInput     *self);
KdHealthInputKind  kd_health_input_get_kind    (KdHealthInput     *self);
guint              kd_health_input_get_items   (KdHealthInput     *self);
const char        *kd_health_input_get_problem (KdHealthInput     *self);

G_END_DECLS
