/* kd-capture-product-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-capture-product.h"
#include "kd-keys.h"

G_BEGIN_DECLS

/* The parser's side of a product: @key is always interned (KD_KEY() or a
 * label key), so no lookup compares strings. */

const char *kd_capture_product_lookup   (KdCaptureProduct *self,
                                     const char   *key);
gboolean    kd_capture_product_has      (KdCaptureProduct *self,
                                     const char   *key);
void        kd_capture_product_put      (KdCaptureProduct *self,
                                     const char   *key,
                                     const char   *value,
                                     gssize        length);
void        kd_capture_product_append   (KdCaptureProduct *self,
                                     const char   *key,
                                     const char   *text,
                                     gboolean      with_space);
void        kd_capture_product_flag     (KdCaptureProduct *self,
                                     const char   *flag);
gboolean    kd_capture_product_flagged  (KdCaptureProduct *self,
                                     const char   *flag);

G_END_DECLS
