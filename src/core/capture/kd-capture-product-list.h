/* kd-capture-product-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kd-capture-product.h"

G_BEGIN_DECLS

#define KD_TYPE_CAPTURE_PRODUCT_LIST (kd_capture_product_list_get_type ())

G_DECLARE_FINAL_TYPE (KdCaptureProductList, kd_capture_product_list, KD, CAPTURE_PRODUCT_LIST, GObject)

KdCaptureProductList *kd_capture_product_list_new     (void);
void              kd_capture_product_list_take    (KdCaptureProductList *self,
                                               GPtrArray        *products);

G_END_DECLS
