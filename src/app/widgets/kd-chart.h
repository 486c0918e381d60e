/* kd-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kd-health.h"

G_BEGIN_DECLS

#define KD_TYPE_CHART (kd_chart_get_type ())

G_DECLARE_FINAL_TYPE (KdChart, kd_chart, KD, CHART, GtkWidget)

KdHealth          *kd_chart_get_health      (KdChart           *self);
void               kd_chart_set_health      (KdChart           *self,
                                             KdHealth          *health);
KdHealthChartKind  kd_chart_get_kind        (KdChart           *self);
void               kd_chart_set_kind        (KdChart           *self,
                                             KdHealthChartKind  kind);
const char        *kd_chart_get_description (KdChart           *self);

G_END_DECLS
