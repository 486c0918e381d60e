/* kd-error-detail.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kd-error-code.h"

G_BEGIN_DECLS

#define KD_TYPE_ERROR_DETAIL (kd_error_detail_get_type ())

G_DECLARE_FINAL_TYPE (KdErrorDetail, kd_error_detail, KD, ERROR_DETAIL, GtkWidget)

KdErrorCode *kd_error_detail_get_entry (KdErrorDetail *self);
void         kd_error_detail_set_entry (KdErrorDetail *self,
                                        KdErrorCode   *entry);

G_END_DECLS
