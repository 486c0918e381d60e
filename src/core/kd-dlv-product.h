/* kd-dlv-product.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define KD_TYPE_DLV_PRODUCT (kd_dlv_product_get_type ())

G_DECLARE_FINAL_TYPE (KdDlvProduct, kd_dlv_product, KD, DLV_PRODUCT, GObject)

KdDlvProduct *kd_dlv_product_new                  (KdDlvProduct *previous);

const char   *kd_dlv_product_get_field            (KdDlvProduct *self,
                                                   const char   *key);
void          kd_dlv_product_set_field            (KdDlvProduct *self,
                                                   const char   *key,
                                                   const char   *value);
void          kd_dlv_product_append_field         (KdDlvProduct *self,
                                                   const char   *key,
                                                   const char   *text,
                                                   gboolean      with_space);
gboolean      kd_dlv_product_has_field            (KdDlvProduct *self,
                                                   const char   *key);
void          kd_dlv_product_set_flag             (KdDlvProduct *self,
                                                   const char   *flag);
gboolean      kd_dlv_product_has_flag             (KdDlvProduct *self,
                                                   const char   *flag);
void          kd_dlv_product_absorb               (KdDlvProduct *self,
                                                   KdDlvProduct *other);

const char   *kd_dlv_product_get_name             (KdDlvProduct *self);
const char   *kd_dlv_product_get_description      (KdDlvProduct *self);
const char   *kd_dlv_product_get_channel          (KdDlvProduct *self);
const char   *kd_dlv_product_get_role             (KdDlvProduct *self);
const char   *kd_dlv_product_get_license_status   (KdDlvProduct *self);
const char   *kd_dlv_product_get_notification_reason (KdDlvProduct *self);
gint64        kd_dlv_product_get_expiration_minutes (KdDlvProduct *self);
gint64        kd_dlv_product_get_expiration_days  (KdDlvProduct *self);
const char   *kd_dlv_product_get_trusted_time     (KdDlvProduct *self);
gboolean      kd_dlv_product_is_kms_client        (KdDlvProduct *self);
gboolean      kd_dlv_product_is_kms_host          (KdDlvProduct *self);
const char   *kd_dlv_product_get_kms_host         (KdDlvProduct *self);
gint64        kd_dlv_product_get_kms_port         (KdDlvProduct *self);
const char   *kd_dlv_product_get_kms_host_source  (KdDlvProduct *self);
gint64        kd_dlv_product_get_int              (KdDlvProduct *self,
                                                   const char   *key);

void          kd_dlv_product_finish               (KdDlvProduct *self,
                                                   guint         lcid,
                                                   const char   *language);
void          kd_dlv_product_to_json              (KdDlvProduct *self,
                                                   JsonBuilder  *builder);

G_END_DECLS
