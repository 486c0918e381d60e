/* kd-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kd-capture.h"
#include "kd-enums.h"
#include "kd-health.h"
#include "kd-redactor.h"

G_BEGIN_DECLS

/* The version of the JSON a report is written as (docs/report-json.md) */
#define KD_REPORT_FORMAT_VERSION 1

#define KD_TYPE_REPORT (kd_report_get_type ())

G_DECLARE_FINAL_TYPE (KdReport, kd_report, KD, REPORT, GObject)

KdReport   *kd_report_new          (void);
void        kd_report_add_input    (KdReport           *self,
                                    const char         *name,
                                    GBytes             *contents);
void        kd_report_add_capture  (KdReport           *self,
                                    const char         *name,
                                    const char         *text);
void        kd_report_set_health   (KdReport           *self,
                                    KdHealth           *health);
void        kd_report_set_codes    (KdReport           *self,
                                    const char * const *codes);
void        kd_report_set_notes    (KdReport           *self,
                                    const char         *notes);
void        kd_report_set_made     (KdReport           *self,
                                    GDateTime          *made);
void        kd_report_set_redactor (KdReport           *self,
                                    KdRedactor         *redactor);
KdVerdict   kd_report_get_verdict  (KdReport           *self);
void        kd_report_render       (KdReport           *self,
                                    KdReportFormat      format,
                                    GString            *out);
GPtrArray  *kd_report_draw_pages   (KdReport           *self,
                                    double              width,
                                    double              height);
void        kd_report_page_size    (KdReportPaper       paper,
                                    double             *width,
                                    double             *height);
gboolean    kd_report_write_pdf    (KdReport           *self,
                                    const char         *path,
                                    KdReportPaper       paper,
                                    GError            **error);
KdReportPaper kd_report_paper_for_locale (void);

G_END_DECLS
