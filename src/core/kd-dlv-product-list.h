/* kd-dlv-product-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kd-dlv-product.h"

G_BEGIN_DECLS

#define KD_TYPE_DLV_PRODUCT_LIST (kd_dlv_product_list_get_type ())

G_DECLARE_FINAL_TYPE (KdDlvProductList, kd_dlv_product_list, KD, DLV_PRODUCT_LIST, GObject)

KdDlvProductList *kd_dlv_product_list_new     (void);
void              kd_dlv_product_list_take    (KdDlvProductList *self,
                                               GPtrArray        *products);

G_END_DECLS
