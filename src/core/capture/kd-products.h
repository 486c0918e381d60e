/* kd-products.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The products KMS activates, by their activation ID (SKU), from
 * data/activation-ids.json */
const char *kd_product_edition (const char  *activation_id,
                                const char **family);

G_END_DECLS
