/* kd-diagnosis.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kd-capture.h"
#include "kd-enums.h"
#include "kd-finding.h"

G_BEGIN_DECLS

#define KD_TYPE_DIAGNOSIS (kd_diagnosis_get_type ())

G_DECLARE_FINAL_TYPE (KdDiagnosis, kd_diagnosis, KD, DIAGNOSIS, GObject)

KdDiagnosis   *kd_diagnosis_new                (KdCapture *document);
void           kd_diagnosis_new_async          (GBytes              *capture,
                                                KdCaptureParseFlags  flags,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
KdDiagnosis   *kd_diagnosis_new_finish         (GAsyncResult        *result,
                                                GError             **error);
KdCapture *kd_diagnosis_get_document       (KdDiagnosis   *self);
GListModel    *kd_diagnosis_get_findings       (KdDiagnosis   *self);
KdFinding     *kd_diagnosis_find_rule          (KdDiagnosis   *self,
                                                const char    *rule);
KdVerdict      kd_diagnosis_get_verdict        (KdDiagnosis   *self);
KdVerdict      kd_diagnosis_get_product_verdict (KdDiagnosis  *self,
                                                 guint         product);
guint          kd_diagnosis_get_main_product   (KdDiagnosis   *self);
const char * const *kd_diagnosis_get_product_labels (KdDiagnosis *self);
gboolean       kd_diagnosis_has_warnings       (KdDiagnosis   *self);
void           kd_diagnosis_to_json            (KdDiagnosis   *self,
                                                JsonBuilder   *builder);

G_END_DECLS
