/* kd-report-private.h — what the report's renderers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-health-chart.h"
#include "kd-report.h"

G_BEGIN_DECLS

typedef struct
{
  KdReportBlockKind kind;
  char *text;               /* a paragraph, code */
  GStrv columns;            /* a table's */
  GPtrArray *rows;          /* GStrv: a table's rows, fields' {label, value}, a list's {item} */
  KdFindingSeverity severity;
  char *title;              /* a finding's */
  char *remedy;
} Block;

typedef struct
{
  char *id;
  char *title;
  GPtrArray *blocks;
} Section;

GPtrArray  *kd_report_get_sections   (KdReport *self);
KdHealth   *kd_report_get_health     (KdReport *self);
GStrv       kd_report_dup_provenance (KdReport *self);
char       *kd_report_dup_page_header (KdReport *self);
GDateTime  *kd_report_get_made       (KdReport *self);
KdRedactor *kd_report_get_redactor   (KdReport *self);
guint       kd_report_get_n_inputs   (KdReport *self);
void        kd_report_get_input      (KdReport    *self,
                                      guint        i,
                                      const char **name,
                                      gsize       *size,
                                      const char **sha256);
void        kd_report_draw_chart     (KdHealth          *health,
                                      KdHealthChartKind  kind,
                                      cairo_t           *cr,
                                      double             width,
                                      double             height);
void        kd_report_render_html    (KdReport *self,
                                      GString  *out);

G_END_DECLS
