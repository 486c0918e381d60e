/* kd-analyze-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kd-case.h"
#include "kd-diagnosis.h"
#include "kd-file-loader.h"
#include "kd-page.h"

G_BEGIN_DECLS

#define KD_TYPE_ANALYZE_PAGE (kd_analyze_page_get_type ())

G_DECLARE_FINAL_TYPE (KdAnalyzePage, kd_analyze_page, KD, ANALYZE_PAGE, KdPage)

KdDiagnosis  *kd_analyze_page_get_diagnosis (KdAnalyzePage *self);
KdFileLoader *kd_analyze_page_get_loader    (KdAnalyzePage *self);
void          kd_analyze_page_set_text      (KdAnalyzePage *self,
                                             const char    *text);
char         *kd_analyze_page_dup_text      (KdAnalyzePage *self);
void          kd_analyze_page_open_file     (KdAnalyzePage *self,
                                             GFile         *file);
void          kd_analyze_page_show_result   (KdAnalyzePage *self);

G_END_DECLS
