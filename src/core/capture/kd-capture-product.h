/* kd-capture-product.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "kd-enums.h"

G_BEGIN_DECLS

#define KD_TYPE_CAPTURE_PRODUCT (kd_capture_product_get_type ())

G_DECLARE_FINAL_TYPE (KdCaptureProduct, kd_capture_product, KD, CAPTURE_PRODUCT, GObject)

KdCaptureProduct *kd_capture_product_new                  (KdCaptureProduct *previous);

const char   *kd_capture_product_get_field            (KdCaptureProduct *self,
                                                   const char   *key);
void          kd_capture_product_set_field            (KdCaptureProduct *self,
                                                   const char   *key,
                                                   const char   *value);
void          kd_capture_product_append_field         (KdCaptureProduct *self,
                                                   const char   *key,
                                                   const char   *text,
                                                   gboolean      with_space);
gboolean      kd_capture_product_has_field            (KdCaptureProduct *self,
                                                   const char   *key);
void          kd_capture_product_set_flag             (KdCaptureProduct *self,
                                                   const char   *flag);
gboolean      kd_capture_product_has_flag             (KdCaptureProduct *self,
                                                   const char   *flag);
void          kd_capture_product_absorb               (KdCaptureProduct *self,
                                                   KdCaptureProduct *other);

const char   *kd_capture_product_get_name             (KdCaptureProduct *self);
const char   *kd_capture_product_get_description      (KdCaptureProduct *self);
const char   *kd_capture_product_get_channel          (KdCaptureProduct *self);
KdLicenseRole kd_capture_product_get_role             (KdCaptureProduct *self);
const char   *kd_capture_product_get_license_status   (KdCaptureProduct *self);
const char   *kd_capture_product_get_notification_reason (KdCaptureProduct *self);
gboolean      kd_capture_product_has_expiration (KdCaptureProduct *self);
const char * const *kd_capture_product_get_out_of_range (KdCaptureProduct *self,
                                                         guint            *n);
gint64        kd_capture_product_get_expiration_minutes (KdCaptureProduct *self);
gint64        kd_capture_product_get_expiration_days  (KdCaptureProduct *self);
const char   *kd_capture_product_get_trusted_time     (KdCaptureProduct *self);
gboolean      kd_capture_product_is_kms_client        (KdCaptureProduct *self);
gboolean      kd_capture_product_is_kms_host          (KdCaptureProduct *self);
const char   *kd_capture_product_get_kms_host         (KdCaptureProduct *self);
gint64        kd_capture_product_get_kms_port         (KdCaptureProduct *self);
const char   *kd_capture_product_get_kms_host_source  (KdCaptureProduct *self);
gint64        kd_capture_product_get_int              (KdCaptureProduct *self,
                                                   const char   *key);

void          kd_capture_product_finish               (KdCaptureProduct *self,
                                                   guint         lcid,
                                                   const char   *language);
void          kd_capture_product_to_json              (KdCaptureProduct *self,
                                                   JsonBuilder  *builder);

G_END_DECLS
