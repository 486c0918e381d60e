/* kd-field-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KD_TYPE_FIELD_ROW (kd_field_row_get_type ())

G_DECLARE_FINAL_TYPE (KdFieldRow, kd_field_row, KD, FIELD_ROW, AdwActionRow)

GtkWidget  *kd_field_row_new       (const char *label,
                                    const char *value);
const char *kd_field_row_get_label (KdFieldRow *self);
void        kd_field_row_set_label (KdFieldRow *self,
                                    const char *label);
const char *kd_field_row_get_value (KdFieldRow *self);
void        kd_field_row_set_value (KdFieldRow *self,
                                    const char *value);

G_END_DECLS
