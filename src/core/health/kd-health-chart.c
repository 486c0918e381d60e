/* kd-health-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "kd-health-chart.h"
#include "kd-kms-limits.h"

/* The charts of a health snapshot, drawn on any cairo surface: the page's
 * (through GtkSnapshot), a PDF's and an SVG's.  Colours come from the
 * caller, so that the page draws in its light or dark palette; sizes are
 * in the surface's units.  Each chart has a sentence for those who cannot
 * see it (kd_health_chart_describe()), which says what the chart shows
 * rather than how it looks. */

#define PAD 6.0
#define TICK_GAP 4.0

typedef struct
{
  cairo_t *cr;
  PangoLayout *layout;
  const KdChartPalette *palette;
  double left, top, right, bottom;   /* the plot area */
} Canvas;

static void
set_color (cairo_t            *cr,
           const KdChartColor *color,
           double              alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
text_size (Canvas     *canvas,
           const char *text,
           double     *width,
           double     *height)
{
  int w, h;

  pango_layout_set_text (canvas->layout, text, -1);
  pango_layout_get_pixel_size (canvas->layout, &w, &h);
  *width = w;
  *height = h;
}

/* Text with its anchor at (@x, @y): @xalign and @yalign from 0 (left,
 * top) to 1 (right, bottom) */
static void
draw_text (Canvas             *canvas,
           const char         *text,
           double              x,
           double              y,
           double              xalign,
           double              yalign,
           const KdChartColor *color,
           double              alpha)
{
  double w, h;

  text_size (canvas, text, &w, &h);
  set_color (canvas->cr, color, alpha);
  cairo_move_to (canvas->cr, x - w * xalign, y - h * yalign);
  pango_cairo_show_layout (canvas->cr, canvas->layout);
}

/* A round top for an axis: 5, 10, 15…, 50, 60…, then 1, 2 or 5 × 10ⁿ */
static guint
nice_max (guint value)
{
  guint step = 1;

  if (value <= 5)
    return 5;
  if (value <= 50)
    return (value + 4) / 5 * 5;
  if (value <= 100)
    return (value + 9) / 10 * 10;
  while (step <= value / 10)
    step *= 10;
  for (guint m = 1; m <= 10; m++)
    if (m * step >= value)
      return m * step;
  return value;
}

static char *
format_day (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);
  /* TRANSLATORS: a day on a chart's axis, in strftime() format */
  g_autofree char *text = g_date_time_format (time, C_("chart day", "%-d %b"));

  return g_strdup (text != NULL ? text : "");
}

static char *
format_date (gint64 seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);

  return g_date_time_format (time, "%Y-%m-%d");
}

/* The plot area: room on the left for the widest value on the axis, below
 * for the days */
static void
place_plot (Canvas     *canvas,
            guint       top_value,
            double      width,
            double      height)
{
  g_autofree char *widest = g_strdup_printf ("%u", top_value);
  double w, h;

  text_size (canvas, widest, &w, &h);
  canvas->left = PAD + w + TICK_GAP;
  canvas->top = PAD + h / 2;
  canvas->right = width - PAD;
  canvas->bottom = height - PAD - h - TICK_GAP;
}

static double
value_y (Canvas *canvas,
         double  value,
         guint   top_value)
{
  return canvas->bottom - (canvas->bottom - canvas->top) * value / top_value;
}

/* A value on the axis, with a line across the plot in @color */
static void
draw_level (Canvas             *canvas,
            guint               value,
            guint               top_value,
            const KdChartColor *color,
            double              alpha,
            gboolean            dashed)
{
  g_autofree char *label = g_strdup_printf ("%u", value);
  double y = round (value_y (canvas, value, top_value)) + 0.5;
  static const double dash[] = { 4.0, 3.0 };

  draw_text (canvas, label, canvas->left - TICK_GAP, y, 1.0, 0.5, color, dashed ? 1.0 : 0.7);
  cairo_save (canvas->cr);
  set_color (canvas->cr, color, alpha);
  cairo_set_line_width (canvas->cr, 1.0);
  if (dashed)
    cairo_set_dash (canvas->cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (canvas->cr, canvas->left, y);
  cairo_line_to (canvas->cr, canvas->right, y);
  cairo_stroke (canvas->cr);
  cairo_restore (canvas->cr);
}

/* The first and last days under the plot, and one in between if given */
static void
draw_days (Canvas       *canvas,
           gint64        first,
           gint64        last,
           double        middle_x,
           gint64        middle)
{
  g_autofree char *from = format_day (first);
  g_autofree char *to = format_day (last);
  const KdChartColor *fg = &canvas->palette->foreground;
  double y = canvas->bottom + TICK_GAP;

  draw_text (canvas, from, canvas->left, y, 0.0, 0.0, fg, 0.7);
  draw_text (canvas, to, canvas->right, y, 1.0, 0.0, fg, 0.7);
  if (middle != G_MININT64)
    {
      g_autofree char *at = format_day (middle);

      draw_text (canvas, at, middle_x, y, 0.5, 0.0, fg, 1.0);
    }
}

static void
draw_count (KdHealth *health,
            Canvas   *canvas,
            double    width,
            double    height)
{
  guint n, most = 0, now = 0, top;
  const KdHealthDay *days = kd_health_get_count_series (health, &n);
  cairo_t *cr = canvas->cr;
  static const double dash[] = { 5.0, 4.0 };
  double step, now_x;

  for (guint i = 0; i < n; i++)
    {
      most = MAX (most, days[i].count);
      if (!days[i].forecast)
        now = i;
    }
  top = nice_max (MAX (most, KD_KMS_THRESHOLD_CLIENT) + 1);
  place_plot (canvas, top, width, height);
  step = (canvas->right - canvas->left) / MAX (n - 1, 1);
  now_x = canvas->left + step * now;

  draw_level (canvas, 0, top, &canvas->palette->foreground, 0.3, FALSE);
  draw_level (canvas, KD_KMS_THRESHOLD_SERVER, top, &canvas->palette->error, 1.0, TRUE);
  draw_level (canvas, KD_KMS_THRESHOLD_CLIENT, top, &canvas->palette->warning, 1.0, TRUE);

  /* the time of the snapshot */
  set_color (cr, &canvas->palette->foreground, 0.35);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, round (now_x) + 0.5, canvas->top);
  cairo_line_to (cr, round (now_x) + 0.5, canvas->bottom);
  cairo_stroke (cr);

  /* what was: a line over a light area */
  cairo_move_to (cr, canvas->left, canvas->bottom);
  for (guint i = 0; i <= now; i++)
    cairo_line_to (cr, canvas->left + step * i, value_y (canvas, days[i].count, top));
  cairo_line_to (cr, now_x, canvas->bottom);
  cairo_close_path (cr);
  set_color (cr, &canvas->palette->accent, 0.18);
  cairo_fill (cr);
  for (guint i = 0; i <= now; i++)
    cairo_line_to (cr, canvas->left + step * i, value_y (canvas, days[i].count, top));
  set_color (cr, &canvas->palette->accent, 1.0);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  /* what will be if nobody renews: dashed */
  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  for (guint i = now; i < n; i++)
    cairo_line_to (cr, canvas->left + step * i, value_y (canvas, days[i].count, top));
  cairo_stroke (cr);
  cairo_restore (cr);

  draw_days (canvas, days[0].time, days[n - 1].time, now_x, days[now].time);
}

/* Bars, one per day or week: requests stacked by result, or expiries
 * with those of the first @warn_before weeks in the warning colour */
static void
draw_bars (Canvas             *canvas,
           const KdHealthDay  *days,
           guint               n,
           guint               top,
           gboolean            stacked,
           guint               warn_before,
           double              width,
           double              height)
{
  cairo_t *cr = canvas->cr;
  double slot, bar;

  place_plot (canvas, top, width, height);
  slot = (canvas->right - canvas->left) / n;
  bar = MAX (slot * 0.7, 1.0);
  draw_level (canvas, 0, top, &canvas->palette->foreground, 0.3, FALSE);
  draw_level (canvas, top, top, &canvas->palette->foreground, 0.12, FALSE);

  for (guint i = 0; i < n; i++)
    {
      double x = canvas->left + slot * i + (slot - bar) / 2;
      double y0 = canvas->bottom, y1;

      if (stacked)
        {
          y1 = value_y (canvas, days[i].succeeded, top);
          set_color (cr, &canvas->palette->success, 1.0);
          cairo_rectangle (cr, x, y1, bar, y0 - y1);
          cairo_fill (cr);
          y0 = y1;
          y1 = value_y (canvas, days[i].succeeded + days[i].failed, top);
          set_color (cr, &canvas->palette->error, 1.0);
        }
      else
        {
          y1 = value_y (canvas, days[i].count, top);
          set_color (cr, i < warn_before ? &canvas->palette->warning : &canvas->palette->accent, 1.0);
        }
      cairo_rectangle (cr, x, y1, bar, y0 - y1);
      cairo_fill (cr);
    }
  draw_days (canvas, days[0].time, days[n - 1].time, 0, G_MININT64);
}

static guint
most_requests (const KdHealthDay *days,
               guint              n,
               guint             *busiest)
{
  guint most = 0;

  *busiest = 0;
  for (guint i = 0; i < n; i++)
    if (days[i].succeeded + days[i].failed + days[i].count > most)
      {
        most = days[i].succeeded + days[i].failed + days[i].count;
        *busiest = i;
      }
  return most;
}

/* The weeks that start within the 30 days: expiries to act on */
#define WARN_WEEKS 5

/**
 * kd_health_chart_get_title:
 * @kind: which chart
 *
 * Returns: the chart's title, in the UI language
 */
const char *
kd_health_chart_get_title (KdHealthChartKind kind)
{
  switch (kind)
    {
    case KD_HEALTH_CHART_COUNT:
      return _("Count, the Last 30 Days and the Next 30");
    case KD_HEALTH_CHART_REQUESTS:
      return _("Requests per Day");
    case KD_HEALTH_CHART_EXPIRIES:
      return _("Activations Expiring per Week");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * kd_health_chart_has_data:
 * @health: a snapshot
 * @kind: which chart
 *
 * Returns: whether the snapshot holds what @kind shows
 */
gboolean
kd_health_chart_has_data (KdHealth          *health,
                          KdHealthChartKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (KD_IS_HEALTH (health), FALSE);

  switch (kind)
    {
    case KD_HEALTH_CHART_COUNT:
      kd_health_get_count_series (health, &n);
      break;
    case KD_HEALTH_CHART_REQUESTS:
      kd_health_get_request_series (health, &n);
      break;
    case KD_HEALTH_CHART_EXPIRIES:
      kd_health_get_expiry_series (health, &n);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  return n > 0;
}

/**
 * kd_health_chart_draw:
 * @health: a snapshot
 * @kind: which chart
 * @cr: where to draw, from (0, 0)
 * @font: (nullable): the font of its text, or Pango's default
 * @palette: its colours
 * @width: its width
 * @height: its height
 *
 * Draws @kind, or says on it what it lacks when the snapshot has nothing
 * to show in it.
 */
void
kd_health_chart_draw (KdHealth                   *health,
                      KdHealthChartKind           kind,
                      cairo_t                    *cr,
                      const PangoFontDescription *font,
                      const KdChartPalette       *palette,
                      double                      width,
                      double                      height)
{
  Canvas canvas = { cr, NULL, palette, 0, 0, width, height };
  const KdHealthDay *days;
  guint n, busiest;

  g_return_if_fail (KD_IS_HEALTH (health));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (palette != NULL);

  if (width < 4 * PAD || height < 4 * PAD)
    return;

  cairo_save (cr);
  canvas.layout = pango_cairo_create_layout (cr);
  if (font != NULL)
    pango_layout_set_font_description (canvas.layout, font);

  if (!kd_health_chart_has_data (health, kind))
    {
      pango_layout_set_width (canvas.layout, (int) ((width - 2 * PAD) * PANGO_SCALE));
      pango_layout_set_alignment (canvas.layout, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (canvas.layout, PANGO_WRAP_WORD_CHAR);
      draw_text (&canvas,
                 kind == KD_HEALTH_CHART_EXPIRIES ? _("No client’s expiry is known")
                                                  : _("No history of the host (event 12290)"),
                 PAD, height / 2, 0.0, 0.5, &palette->foreground, 0.55);
    }
  else if (kind == KD_HEALTH_CHART_COUNT)
    draw_count (health, &canvas, width, height);
  else if (kind == KD_HEALTH_CHART_REQUESTS)
    {
      days = kd_health_get_request_series (health, &n);
      draw_bars (&canvas, days, n, nice_max (most_requests (days, n, &busiest)), TRUE, 0, width, height);
    }
  else
    {
      days = kd_health_get_expiry_series (health, &n);
      draw_bars (&canvas, days, n, nice_max (most_requests (days, n, &busiest)), FALSE, WARN_WEEKS, width, height);
    }

  g_object_unref (canvas.layout);
  cairo_restore (cr);
}

static void
describe_count (KdHealth *health,
                GString  *text)
{
  guint n, least = G_MAXUINT, most = 0;
  const KdHealthDay *days = kd_health_get_count_series (health, &n);
  guint count = kd_health_get_count (health);
  g_autofree char *as_of = g_date_time_format (kd_health_get_as_of (health), "%Y-%m-%d");
  const guint thresholds[] = { KD_KMS_THRESHOLD_CLIENT, KD_KMS_THRESHOLD_SERVER };

  for (guint i = 0; i < n; i++)
    if (!days[i].forecast)
      {
        least = MIN (least, days[i].count);
        most = MAX (most, days[i].count);
      }
  g_string_append_printf (text, _("In the 30 days up to %s the count was between %u and %u; it is %u."),
                          as_of, least, most, count);
  for (guint t = 0; t < G_N_ELEMENTS (thresholds); t++)
    {
      GDateTime *below = kd_health_get_below_on (health, thresholds[t]);

      g_string_append_c (text, ' ');
      if (count < thresholds[t])
        g_string_append_printf (text, _("It is below %u already."), thresholds[t]);
      else if (below != NULL)
        {
          g_autofree char *on = g_date_time_format (below, "%Y-%m-%d");

          g_string_append_printf (text, _("If no client renews, it falls below %u on %s."), thresholds[t], on);
        }
      else
        g_string_append_printf (text, _("It stays at %u or more for the next 30 days even if no client renews."),
                                thresholds[t]);
    }
}

/**
 * kd_health_chart_describe:
 * @health: a snapshot
 * @kind: which chart
 *
 * What the chart shows, in a few sentences in the UI language: the text
 * alternative of the chart for screen readers and text reports.
 *
 * Returns: (transfer full): the text
 */
char *
kd_health_chart_describe (KdHealth          *health,
                          KdHealthChartKind  kind)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const KdHealthDay *days;
  guint n, busiest, succeeded = 0, failed = 0, expiring = 0, soon = 0;

  g_return_val_if_fail (KD_IS_HEALTH (health), NULL);

  if (!kd_health_chart_has_data (health, kind))
    return g_strdup (kind == KD_HEALTH_CHART_EXPIRIES ? _("No client’s expiry is known.")
                                                      : _("No history of the host (event 12290) was given."));

  switch (kind)
    {
    case KD_HEALTH_CHART_COUNT:
      describe_count (health, text);
      break;
    case KD_HEALTH_CHART_REQUESTS:
      days = kd_health_get_request_series (health, &n);
      for (guint i = 0; i < n; i++)
        {
          succeeded += days[i].succeeded;
          failed += days[i].failed;
        }
      {
        guint most = most_requests (days, n, &busiest);
        g_autofree char *day = format_date (days[busiest].time);

        g_string_append_printf (text,
                                _("In the last 30 days the host logged %u requests that succeeded and %u that "
                                  "failed; the most, %u, on %s."),
                                succeeded, failed, most, day);
      }
      break;
    case KD_HEALTH_CHART_EXPIRIES:
      days = kd_health_get_expiry_series (health, &n);
      for (guint i = 0; i < n; i++)
        {
          expiring += days[i].count;
          if (i < WARN_WEEKS)
            soon += days[i].count;
        }
      {
        guint most = most_requests (days, n, &busiest);
        g_autofree char *week = format_date (days[busiest].time);

        g_string_append_printf (text,
                                _("If no client renews, %u activations expire in the next 26 weeks, %u of them "
                                  "in the next 5; the most, %u, in the week from %s."),
                                expiring, soon, most, week);
      }
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
