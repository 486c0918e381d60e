/* kd-report-html.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "kd-report-private.h"

/* A report as one HTML file that needs nothing else: no script, its
 * style inline and allowed by its hash alone in a strict
 * Content-Security-Policy, the charts as SVG images in data: URIs with
 * their text alternative, every value escaped.  A print stylesheet
 * repeats a table's column titles on each page and never splits a row,
 * as the PDF does. */

#define CHART_WIDTH 640.0
#define CHART_HEIGHT 190.0

static const char style[] =
  ":root{color-scheme:light;--fg:#1e1e1e;--dim:#5e5c64;--line:#deddda;--head:#f6f5f4;"
  "--error:#c01c28;--warning:#9c6e03;--info:#1c71d8}"
  "body{font:15px/1.45 Cantarell,'Noto Sans','DejaVu Sans',sans-serif;color:var(--fg);background:#fff;"
  "max-width:60rem;margin:2rem auto;padding:0 1.5rem}"
  "h1{font-size:2rem;margin:0 0 .5rem}h2{font-size:1.4rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line)}"
  "h3{font-size:1.05rem;margin:1.2rem 0 .3rem}"
  ".provenance{color:var(--dim);font-size:.85rem;margin:.2rem 0}"
  "p{white-space:pre-line;margin:.4rem 0}"
  "table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.85rem}"
  "th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid var(--line);"
  "overflow-wrap:break-word}"
  "thead th{background:var(--head)}table.fields th{font-weight:normal;color:var(--dim);width:35%}"
  "pre{background:var(--head);padding:.5rem .7rem;overflow-x:auto;font-size:.8rem;white-space:pre-wrap;"
  "overflow-wrap:anywhere}"
  ".finding{border-left:4px solid var(--line);padding-left:.8rem;margin:1rem 0}"
  ".finding.error{border-color:var(--error)}.finding.warning{border-color:var(--warning)}"
  ".finding.info{border-color:var(--info)}"
  "figure{margin:1rem 0}figcaption{font-weight:bold;margin-bottom:.3rem}figure img{width:100%;height:auto}"
  "@media print{body{max-width:none;margin:0;padding:0;font-size:10pt}table{font-size:7.5pt}th,td{padding:2pt 3pt}"
  "h2{break-after:avoid}h3{break-after:avoid}thead{display:table-header-group}"
  "tr,figure,.finding{break-inside:avoid}pre{white-space:pre-wrap}}"
  "@page{margin:18mm 16mm}";

static void
escape (GString    *out,
        const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

/* <tag>text</tag>, or <tag class="class">text</tag> */
static void
element (GString    *out,
         const char *tag,
         const char *class,
         const char *text)
{
  g_string_append_printf (out, "<%s", tag);
  if (class != NULL)
    g_string_append_printf (out, " class=\"%s\"", class);
  g_string_append_c (out, '>');
  escape (out, text);
  g_string_append_printf (out, "</%s>\n", tag);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A chart as an SVG image in the page, said in words for those who
 * cannot see it */
static void
chart (GString           *out,
       KdHealth          *health,
       KdHealthChartKind  kind)
{
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  g_autofree char *base64 = NULL;
  g_autofree char *description = kd_health_chart_describe (health, kind);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_svg_surface_create_for_stream (append_bytes, svg, CHART_WIDTH, CHART_HEIGHT);
  cr = cairo_create (surface);
  kd_report_draw_chart (health, kind, cr, CHART_WIDTH, CHART_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  base64 = g_base64_encode (svg->data, svg->len);
  g_string_append (out, "<figure>\n");
  element (out, "figcaption", NULL, kd_health_chart_get_title (kind));
  g_string_append_printf (out, "<img width=\"%d\" height=\"%d\" src=\"data:image/svg+xml;base64,%s\" alt=\"",
                          (int) CHART_WIDTH, (int) CHART_HEIGHT, base64);
  escape (out, description);
  g_string_append (out, "\">\n</figure>\n");
}

static void
table (GString   *out,
       GStrv      columns,
       GPtrArray *rows)
{
  g_string_append (out, columns != NULL ? "<table>\n" : "<table class=\"fields\">\n");
  if (columns != NULL)
    {
      g_string_append (out, "<thead><tr>");
      for (guint c = 0; columns[c] != NULL; c++)
        {
          g_string_append (out, "<th scope=\"col\">");
          escape (out, columns[c]);
          g_string_append (out, "</th>");
        }
      g_string_append (out, "</tr></thead>\n");
    }
  g_string_append (out, "<tbody>\n");
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);

      g_string_append (out, "<tr>");
      for (guint c = 0; row[c] != NULL; c++)
        {
          /* a label and value table: the label heads its row */
          const char *cell = columns == NULL && c == 0 ? "th scope=\"row\"" : "td";

          g_string_append_printf (out, "<%s>", cell);
          escape (out, row[c]);
          g_string_append (out, columns == NULL && c == 0 ? "</th>" : "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
finding (GString *out,
         Block   *block)
{
  g_autofree char *title = g_strdup_printf ("%s: %s", kd_finding_severity_get_label (block->severity), block->title);

  g_string_append_printf (out, "<article class=\"finding %s\">\n", kd_finding_severity_get_id (block->severity));
  element (out, "h3", NULL, title);
  element (out, "p", NULL, block->text);
  if (block->remedy != NULL && *block->remedy != '\0')
    element (out, "p", NULL, block->remedy);
  if (block->rows->len > 0)
    {
      g_string_append (out, "<pre><code>");
      for (guint r = 0; r < block->rows->len; r++)
        {
          if (r > 0)
            g_string_append_c (out, '\n');
          escape (out, ((GStrv) g_ptr_array_index (block->rows, r))[0]);
        }
      g_string_append (out, "</code></pre>\n");
    }
  g_string_append (out, "</article>\n");
}

/* The language of the UI, as HTML names it: it_IT.UTF-8 is it-IT */
static char *
document_language (void)
{
  const char *name = g_get_language_names ()[0];
  g_autofree char *tag = g_strndup (name, strcspn (name, ".@"));

  if (g_str_equal (tag, "C") || g_str_equal (tag, "POSIX") || *tag == '\0')
    return g_strdup ("en");
  g_strdelimit (tag, "_", '-');
  return g_steal_pointer (&tag);
}

/**
 * kd_report_render_html:
 * @out: where to append it
 *
 * Writes the report as one self-contained HTML document.
 */
void
kd_report_render_html (KdReport *self,
                       GString  *out)
{
  GPtrArray *sections = kd_report_get_sections (self);
  KdHealth *health = kd_report_get_health (self);
  g_auto(GStrv) provenance = kd_report_dup_provenance (self);
  g_autofree char *language = document_language ();
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_length = sizeof digest;
  g_autofree char *hash = NULL;

  /* the style is allowed by its hash: nothing injected could be */
  g_checksum_update (checksum, (const guchar *) style, strlen (style));
  g_checksum_get_digest (checksum, digest, &digest_length);
  hash = g_base64_encode (digest, digest_length);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  escape (out, language);
  g_string_append (out, "\">\n<head>\n<meta charset=\"utf-8\">\n");
  g_string_append_printf (out,
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                          "style-src 'sha256-%s'; img-src data:; base-uri 'none'; form-action 'none'\">\n",
                          hash);
  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                        "<meta name=\"generator\" content=\"KMS Doctor " PACKAGE_VERSION "\">\n");
  element (out, "title", NULL, _("KMS Doctor Report"));
  g_string_append_printf (out, "<style>%s</style>\n</head>\n<body>\n<header>\n", style);
  element (out, "h1", NULL, _("KMS Doctor Report"));
  for (guint i = 0; provenance[i] != NULL; i++)
    element (out, "p", "provenance", provenance[i]);
  g_string_append (out, "</header>\n<main>\n");

  for (guint s = 0; s < sections->len; s++)
    {
      Section *section = g_ptr_array_index (sections, s);

      g_string_append (out, "<section id=\"");
      escape (out, section->id);
      g_string_append (out, "\">\n");
      element (out, "h2", NULL, section->title);
      for (guint b = 0; b < section->blocks->len; b++)
        {
          Block *block = g_ptr_array_index (section->blocks, b);

          switch (block->kind)
            {
            case KD_REPORT_BLOCK_PARAGRAPH:
              element (out, "p", NULL, block->text);
              break;
            case KD_REPORT_BLOCK_CODE:
              g_string_append (out, "<pre><code>");
              escape (out, block->text);
              g_string_append (out, "</code></pre>\n");
              break;
            case KD_REPORT_BLOCK_FIELDS:
              table (out, NULL, block->rows);
              break;
            case KD_REPORT_BLOCK_TABLE:
              table (out, block->columns, block->rows);
              break;
            case KD_REPORT_BLOCK_LIST:
              g_string_append (out, "<ul>\n");
              for (guint r = 0; r < block->rows->len; r++)
                element (out, "li", NULL, ((GStrv) g_ptr_array_index (block->rows, r))[0]);
              g_string_append (out, "</ul>\n");
              break;
            case KD_REPORT_BLOCK_FINDING:
              finding (out, block);
              break;
            default:
              g_assert_not_reached ();
            }
          /* the health's figures, then its charts, as in the PDF */
          if (b == 0 && g_str_equal (section->id, "health") && health != NULL)
            for (KdHealthChartKind kind = KD_HEALTH_CHART_COUNT; kind <= KD_HEALTH_CHART_EXPIRIES; kind++)
              if (kd_health_chart_has_data (health, kind))
                chart (out, health, kind);
        }
      g_string_append (out, "</section>\n");
    }
  g_string_append (out, "</main>\n</body>\n</html>\n");
}
