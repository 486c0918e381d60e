/* kd-step-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KD_TYPE_STEP_ROW (kd_step_row_get_type ())

G_DECLARE_FINAL_TYPE (KdStepRow, kd_step_row, KD, STEP_ROW, GtkListBoxRow)

GtkWidget  *kd_step_row_new        (guint       number,
                                    const char *markup);
guint       kd_step_row_get_number (KdStepRow  *self);
void        kd_step_row_set_number (KdStepRow  *self,
                                    guint       number);
const char *kd_step_row_get_markup (KdStepRow  *self);
void        kd_step_row_set_markup (KdStepRow  *self,
                                    const char *markup);

G_END_DECLS
