/* kd-code-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kd-error-code.h"

G_BEGIN_DECLS

#define KD_TYPE_CODE_ROW (kd_code_row_get_type ())

G_DECLARE_FINAL_TYPE (KdCodeRow, kd_code_row, KD, CODE_ROW, AdwActionRow)

GtkWidget   *kd_code_row_new       (KdErrorCode *entry,
                                    const char  *action_name);
KdErrorCode *kd_code_row_get_entry (KdCodeRow   *self);
void         kd_code_row_set_entry (KdCodeRow   *self,
                                    KdErrorCode *entry);

G_END_DECLS
