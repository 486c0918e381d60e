/* kd-capture-diff.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-capture.h"

G_BEGIN_DECLS

#define KD_TYPE_CAPTURE_DIFF (kd_capture_diff_get_type ())

G_DECLARE_FINAL_TYPE (KdCaptureDiff, kd_capture_diff, KD, CAPTURE_DIFF, GObject)

KdCaptureDiff *kd_capture_diff_new           (KdCapture     *a,
                                              KdCapture     *b);
gboolean       kd_capture_diff_is_identical  (KdCaptureDiff *self);
guint          kd_capture_diff_get_n_changes (KdCaptureDiff *self);
gboolean       kd_capture_diff_is_ignored    (const char    *key);
void           kd_capture_diff_to_json       (KdCaptureDiff *self,
                                              JsonBuilder   *builder);
void           kd_capture_diff_to_text       (KdCaptureDiff *self,
                                              GString       *text);
guint          kd_capture_diff_get_n_products (KdCaptureDiff *self);
const char    *kd_capture_diff_get_product   (KdCaptureDiff *self,
                                              guint          product,
                                              KdDiffChange  *in);
GListModel    *kd_capture_diff_dup_fields    (KdCaptureDiff *self,
                                              guint          product);

G_END_DECLS
