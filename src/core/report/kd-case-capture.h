/* kd-case-capture.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KD_TYPE_CASE_CAPTURE (kd_case_capture_get_type ())

G_DECLARE_FINAL_TYPE (KdCaseCapture, kd_case_capture, KD, CASE_CAPTURE, GObject)

KdCaseCapture *kd_case_capture_new             (GBytes        *text,
                                                const char    *source_name,
                                                const char    *encoding);
GBytes        *kd_case_capture_get_text        (KdCaseCapture *self);
const char    *kd_case_capture_get_source_name (KdCaseCapture *self);
const char    *kd_case_capture_get_encoding    (KdCaseCapture *self);

G_END_DECLS
