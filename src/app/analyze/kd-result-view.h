/* kd-result-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kd-diagnosis.h"

G_BEGIN_DECLS

#define KD_TYPE_RESULT_VIEW (kd_result_view_get_type ())

G_DECLARE_FINAL_TYPE (KdResultView, kd_result_view, KD, RESULT_VIEW, GtkWidget)

KdDiagnosis *kd_result_view_get_diagnosis (KdResultView *self);
void         kd_result_view_set_diagnosis (KdResultView *self,
                                           KdDiagnosis  *diagnosis);
void         kd_result_view_show_product  (KdResultView *self,
                                           guint         index);

G_END_DECLS
