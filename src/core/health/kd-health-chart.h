/* kd-health-chart.h — the charts of a health snapshot, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "kd-health.h"

G_BEGIN_DECLS

/* A colour, each part from 0 to 1 */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} KdChartColor;

/* The colours a chart is drawn in, from the style of what shows it: the
 * page passes the libadwaita palette of its light or dark style, a report
 * its own. */
typedef struct
{
  KdChartColor foreground;  /* text and axes */
  KdChartColor accent;      /* the count, expiries */
  KdChartColor success;     /* requests that succeeded */
  KdChartColor warning;     /* the 25 line, expiries within 30 days */
  KdChartColor error;       /* the 5 line, requests that failed */
} KdChartPalette;

const char *kd_health_chart_get_title (KdHealthChartKind kind);
gboolean  kd_health_chart_has_data (KdHealth                   *health,
                                    KdHealthChartKind           kind);
void      kd_health_chart_draw     (KdHealth                   *health,
                                    KdHealthChartKind           kind,
                                    cairo_t                    *cr,
                                    const PangoFontDescription *font,
                                    const KdChartPalette       *palette,
                                    double                      width,
                                    double                      height);
char     *kd_health_chart_describe (KdHealth                   *health,
                                    KdHealthChartKind           kind);

G_END_DECLS
