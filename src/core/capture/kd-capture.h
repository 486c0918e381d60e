/* kd-capture.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-capture-product.h"
#include "kd-enums.h"

G_BEGIN_DECLS

#define KD_TYPE_CAPTURE (kd_capture_get_type ())

G_DECLARE_FINAL_TYPE (KdCapture, kd_capture, KD, CAPTURE, GObject)

KdCaptureKind       kd_capture_get_kind            (KdCapture *self);
const char         *kd_capture_get_language        (KdCapture *self);
const char         *kd_capture_get_encoding        (KdCapture *self);
const char         *kd_capture_get_banner          (KdCapture *self);
const char         *kd_capture_get_service_version (KdCapture *self);
GListModel         *kd_capture_get_products        (KdCapture *self);
const char * const *kd_capture_get_unknown_lines   (KdCapture *self);
const char * const *kd_capture_get_notes           (KdCapture *self);
guint               kd_capture_get_n_by_shape      (KdCapture *self);
gboolean            kd_capture_get_language_known  (KdCapture *self);
void                kd_capture_to_json             (KdCapture *self,
                                                         JsonBuilder   *builder);
char               *kd_capture_to_json_string      (KdCapture *self);

/* For KdCaptureParser */
KdCapture      *kd_capture_new                 (void);
void                kd_capture_set_kind            (KdCapture *self,
                                                    KdCaptureKind kind);
void                kd_capture_set_language        (KdCapture *self,
                                                         const char    *language,
                                                         gboolean       known);
void                kd_capture_set_encoding        (KdCapture *self,
                                                         const char    *encoding);
void                kd_capture_set_banner          (KdCapture *self,
                                                         const char    *banner);
void                kd_capture_set_service_version (KdCapture *self,
                                                         const char    *version);
void                kd_capture_set_products        (KdCapture *self,
                                                         GPtrArray     *products);
void                kd_capture_add_unknown_line    (KdCapture *self,
                                                         const char    *line);
void                kd_capture_add_note            (KdCapture *self,
                                                         const char    *note);
void                kd_capture_set_n_by_shape      (KdCapture *self,
                                                         guint          n);
void                kd_capture_append              (KdCapture *self,
                                                         KdCapture *rest);

G_END_DECLS
