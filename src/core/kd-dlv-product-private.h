/* kd-dlv-product-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-dlv-product.h"
#include "kd-keys.h"

G_BEGIN_DECLS

/* The parser's side of a product: @key is always interned (KD_KEY() or a
 * label key), so no lookup compares strings. */

const char *kd_dlv_product_lookup   (KdDlvProduct *self,
                                     const char   *key);
gboolean    kd_dlv_product_has      (KdDlvProduct *self,
                                     const char   *key);
void        kd_dlv_product_put      (KdDlvProduct *self,
                                     const char   *key,
                                     const char   *value,
                                     gssize        length);
void        kd_dlv_product_append   (KdDlvProduct *self,
                                     const char   *key,
                                     const char   *text,
                                     gboolean      with_space);
void        kd_dlv_product_flag     (KdDlvProduct *self,
                                     const char   *flag);
gboolean    kd_dlv_product_flagged  (KdDlvProduct *self,
                                     const char   *flag);

G_END_DECLS
