/* kd-row-slot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KD_TYPE_ROW_SLOT (kd_row_slot_get_type ())

G_DECLARE_FINAL_TYPE (KdRowSlot, kd_row_slot, KD, ROW_SLOT, GObject)

KdRowSlot *kd_row_slot_new      (gpointer   item);
gpointer   kd_row_slot_get_item (KdRowSlot *self);
void       kd_row_slot_set_item (KdRowSlot *self,
                                 gpointer   item);

G_END_DECLS
