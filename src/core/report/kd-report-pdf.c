/* kd-report-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "kd-health-chart.h"
#include "kd-report-private.h"

/* A report as pages, laid out with Pango and drawn with cairo: a header
 * and "Page N of M" on each, tables whose rows are never split and whose
 * column titles come again at the top of each page, the charts as
 * vectors, and the document's title and author in its metadata.  The
 * pages are laid out once, each recorded on a surface of its own; the
 * headers and footers are drawn on them once they are counted. */

#define MARGIN 54.0       /* ¾ inch */
#define FOOTER 30.0
#define GAP 8.0
#define CELL_PAD 3.0
#define CHART_HEIGHT 150.0

typedef struct
{
  cairo_t *cr;
  double width, height;     /* the page's */
  double y;                 /* where the next thing goes */
  guint page;               /* from 1 */
  guint n_pages;            /* counted the first time */
  char *header;
  const char *cell_font;    /* of the table being laid out */
  const char *title_font;
  GPtrArray *pages;         /* cairo_surface_t: each page, recorded */
  PangoContext *context;    /* of every layout */
  GHashTable *fonts;        /* font string (static) → PangoFontDescription */
} Pager;

static double
content_width (Pager *p)
{
  return p->width - 2 * MARGIN;
}

static double
bottom (Pager *p)
{
  return p->height - MARGIN - FOOTER;
}

static PangoLayout *
new_layout (Pager      *p,
            const char *font,
            const char *text,
            double      width)
{
  PangoLayout *layout;
  PangoFontDescription *description;

  /* one context for every page, sizes in points on a page measured in
   * points (Pango's default is a 96 dpi screen); each font parsed once */
  if (p->context == NULL)
    {
      p->context = pango_cairo_create_context (p->cr);
      pango_cairo_context_set_resolution (p->context, 72.0);
      p->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) pango_font_description_free);
    }
  description = g_hash_table_lookup (p->fonts, font);
  if (description == NULL)
    g_hash_table_insert (p->fonts, (gpointer) font, description = pango_font_description_from_string (font));
  layout = pango_layout_new (p->context);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
page_furniture (Pager *p)
{
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) head = NULL;
  g_autoptr(PangoLayout) foot = NULL;

  /* TRANSLATORS: the footer of each page of a report */
  footer = g_strdup_printf (_("Page %u of %u"), p->page, p->n_pages);
  head = new_layout (p, "Sans 8", p->header, content_width (p));
  foot = new_layout (p, "Sans 8", footer, content_width (p));
  pango_layout_set_alignment (foot, PANGO_ALIGN_CENTER);
  /* sitting on the rule, in as many lines as the translation takes */
  cairo_set_source_rgb (p->cr, 0.4, 0.4, 0.4);
  cairo_move_to (p->cr, MARGIN, MARGIN - 2 - layout_height (head));
  pango_cairo_show_layout (p->cr, head);
  cairo_move_to (p->cr, MARGIN, p->height - MARGIN);
  pango_cairo_show_layout (p->cr, foot);
  cairo_set_line_width (p->cr, 0.5);
  cairo_move_to (p->cr, MARGIN, MARGIN);
  cairo_line_to (p->cr, p->width - MARGIN, MARGIN);
  cairo_stroke (p->cr);
  cairo_set_source_rgb (p->cr, 0, 0, 0);
}

static void
new_page (Pager *p)
{
  /* each page recorded on its own, to be played on a PDF's page or a
   * printer's; its header and footer once the pages are counted */
  cairo_rectangle_t extents = { 0, 0, p->width, p->height };
  cairo_surface_t *page = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

  g_clear_pointer (&p->cr, cairo_destroy);
  p->cr = cairo_create (page);
  g_ptr_array_add (p->pages, page);
  p->page++;
  p->y = MARGIN + GAP;
}

/* Room for @height, on a new page when this one lacks it */
static void
need (Pager  *p,
      double  height)
{
  if (p->y + height > bottom (p) && p->y > MARGIN + GAP)
    new_page (p);
}

/* A text that may be longer than a page: line by line, each where it
 * fits, on a grey ground for code */
static void
flow (Pager       *p,
      PangoLayout *layout,
      double       x,
      gboolean     ground)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double line_height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      need (p, line_height);
      if (ground)
        {
          cairo_set_source_rgb (p->cr, 0.94, 0.94, 0.94);
          cairo_rectangle (p->cr, x - 3, p->y, content_width (p) - (x - MARGIN) + 3, line_height);
          cairo_fill (p->cr);
          cairo_set_source_rgb (p->cr, 0, 0, 0);
        }
      cairo_move_to (p->cr, x, p->y + baseline);
      pango_cairo_show_layout_line (p->cr, pango_layout_iter_get_line_readonly (iter));
      p->y += line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
paragraph (Pager      *p,
           const char *font,
           const char *text,
           double      indent)
{
  g_autoptr(PangoLayout) layout = new_layout (p, font, text, content_width (p) - indent);

  flow (p, layout, MARGIN + indent, FALSE);
  p->y += GAP;
}

static void
code (Pager      *p,
      const char *text)
{
  g_autoptr(PangoLayout) layout = new_layout (p, "Monospace 8", text, content_width (p) - 6);

  flow (p, layout, MARGIN + 3, TRUE);
  p->y += GAP;
}

/* The width each column wants, shared out over the page */
static double *
column_widths (Pager     *p,
               GStrv      columns,
               GPtrArray *rows,
               guint      n)
{
  double *widths = g_new0 (double, n);
  double total = 0, available = content_width (p);

  for (int r = -1; r < (int) MIN (rows->len, 200); r++)
    {
      GStrv row = r < 0 ? columns : g_ptr_array_index (rows, r);

      for (guint c = 0; row != NULL && c < n && row[c] != NULL; c++)
        {
          g_autoptr(PangoLayout) layout = new_layout (p, r < 0 ? p->title_font : p->cell_font, row[c], -1);
          int w, h;

          /* a column title may take several lines, but never breaks a
           * word: its widest word is what it needs */
          if (r < 0)
            {
              pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
              pango_layout_set_width (layout, 1);
            }

          pango_layout_get_size (layout, &w, &h);
          /* a point to spare, so that rounding never wraps a cell
           * that was measured to fit */
          widths[c] = MAX (widths[c], MIN ((double) w / PANGO_SCALE + 2 * CELL_PAD + 1.0, available * 0.6));
        }
    }
  for (guint c = 0; c < n; c++)
    total += widths[c] = MAX (widths[c], 36.0);
  if (total <= available)
    {
      /* room to spare: the last column takes it */
      widths[n - 1] += available - total;
      return widths;
    }
  /* Too wide: the narrow columns keep their width, the wide ones share
   * what is left equally, so that a date or a state is never broken for
   * a machine ID's sake. */
  {
    g_autofree gboolean *fixed = g_new0 (gboolean, n);
    double left = available;
    guint n_left = n;
    gboolean changed = TRUE;

    while (changed && n_left > 0)
      {
        double share = left / n_left;

        changed = FALSE;
        for (guint c = 0; c < n; c++)
          if (!fixed[c] && widths[c] <= share)
            {
              fixed[c] = TRUE;
              left -= widths[c];
              n_left--;
              changed = TRUE;
            }
      }
    for (guint c = 0; c < n; c++)
      if (!fixed[c])
        widths[c] = left / n_left;
  }
  return widths;
}

/* A row's cells laid out in their columns, and the row's height */
static GPtrArray *
row_layouts (Pager   *p,
             GStrv    row,
             double  *widths,
             guint    n,
             gboolean bold,
             double  *height)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);

  *height = 0;
  for (guint c = 0; c < n && row[c] != NULL; c++)
    {
      PangoLayout *layout = new_layout (p, bold ? p->title_font : p->cell_font, row[c], widths[c] - 2 * CELL_PAD);

      *height = MAX (*height, layout_height (layout));
      g_ptr_array_add (layouts, layout);
    }
  *height += 2 * CELL_PAD;
  return layouts;
}

static void
draw_row (Pager     *p,
          GPtrArray *layouts,
          double    *widths,
          double     height,
          gboolean   header)
{
  double x = MARGIN;

  if (header)
    {
      cairo_set_source_rgb (p->cr, 0.9, 0.9, 0.9);
      cairo_rectangle (p->cr, MARGIN, p->y, content_width (p), height);
      cairo_fill (p->cr);
    }
  cairo_set_source_rgb (p->cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (p->cr, 0.4);
  cairo_move_to (p->cr, MARGIN, p->y + height);
  cairo_line_to (p->cr, MARGIN + content_width (p), p->y + height);
  cairo_stroke (p->cr);
  cairo_set_source_rgb (p->cr, 0, 0, 0);
  for (guint c = 0; c < layouts->len; c++)
    {
      cairo_move_to (p->cr, x + CELL_PAD, p->y + CELL_PAD);
      pango_cairo_show_layout (p->cr, g_ptr_array_index (layouts, c));
      x += widths[c];
    }
}

/* Rows never split: one that does not fit goes to the next page, under
 * the column titles again */
static void
table (Pager     *p,
       GStrv      columns,
       GPtrArray *rows)
{
  guint n = columns != NULL ? g_strv_length (columns) : 2;
  g_autofree double *widths = NULL;
  g_autoptr(GPtrArray) header = NULL;
  double header_height = 0;

  /* the client table's seven columns in a smaller type, to fit a page */
  p->cell_font = n >= 6 ? "Sans 7" : "Sans 8.5";
  p->title_font = n >= 6 ? "Sans Bold 7" : "Sans Bold 8.5";
  widths = column_widths (p, columns, rows, n);
  if (columns != NULL)
    header = row_layouts (p, columns, widths, n, TRUE, &header_height);

  for (guint r = 0; r < rows->len; r++)
    {
      double height;
      g_autoptr(GPtrArray) cells = row_layouts (p, g_ptr_array_index (rows, r), widths, n, FALSE, &height);
      guint page = p->page;

      need (p, (r == 0 ? header_height : 0) + height);
      if (header != NULL && (r == 0 || p->page != page))
        {
          draw_row (p, header, widths, header_height, TRUE);
          p->y += header_height;
        }
      draw_row (p, cells, widths, height, FALSE);
      p->y += height;
    }
  p->y += GAP;
}

/**
 * kd_report_draw_chart:
 * @health: the health of the report
 * @kind: which chart
 * @cr: where to draw it, from (0, 0)
 * @width: its width, in points
 * @height: its height, in points
 *
 * Draws a chart of the health in the colours of the printed report, its
 * text in 7.5 points whatever the surface's resolution: the PDF and the
 * HTML's images are drawn alike.
 */
void
kd_report_draw_chart (KdHealth          *health,
                      KdHealthChartKind  kind,
                      cairo_t           *cr,
                      double             width,
                      double             height)
{
  static const KdChartPalette palette = {
    { 0.2, 0.2, 0.2, 1.0 }, { 0.11, 0.44, 0.85, 1.0 }, { 0.15, 0.6, 0.35, 1.0 }, { 0.8, 0.5, 0.0, 1.0 },
    { 0.8, 0.15, 0.15, 1.0 },
  };
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, 7.5 * PANGO_SCALE);
  kd_health_chart_draw (health, kind, cr, font, &palette, width, height);
}

/* The health's charts, under their titles */
static void
charts (Pager    *p,
        KdHealth *health)
{
  for (KdHealthChartKind kind = KD_HEALTH_CHART_COUNT; kind <= KD_HEALTH_CHART_EXPIRIES; kind++)
    {
      if (!kd_health_chart_has_data (health, kind))
        continue;
      need (p, CHART_HEIGHT + 3 * GAP);
      paragraph (p, "Sans Bold 10.5", kd_health_chart_get_title (kind), 0);
      cairo_save (p->cr);
      cairo_translate (p->cr, MARGIN, p->y);
      kd_report_draw_chart (health, kind, p->cr, content_width (p), CHART_HEIGHT);
      cairo_restore (p->cr);
      p->y += CHART_HEIGHT + GAP;
    }
}

static void
finding (Pager *p,
         Block *block)
{
  g_autofree char *title = g_strdup_printf ("%s: %s", kd_finding_severity_get_label (block->severity), block->title);
  g_autoptr(GString) commands = g_string_new (NULL);

  need (p, 40);
  paragraph (p, "Sans Bold 10.5", title, 0);
  paragraph (p, "Sans 10", block->text, 0);
  if (block->remedy != NULL && *block->remedy != '\0')
    paragraph (p, "Sans 10", block->remedy, 0);
  for (guint r = 0; r < block->rows->len; r++)
    g_string_append_printf (commands, "%s%s", r > 0 ? "\n" : "", ((GStrv) g_ptr_array_index (block->rows, r))[0]);
  if (commands->len > 0)
    code (p, commands->str);
}

static void
lay_out (KdReport *self,
         Pager    *p)
{
  GPtrArray *sections = kd_report_get_sections (self);
  g_auto(GStrv) provenance = kd_report_dup_provenance (self);

  p->page = 0;
  new_page (p);
  paragraph (p, "Sans Bold 22", _("KMS Doctor Report"), 0);
  for (guint i = 0; provenance[i] != NULL; i++)
    paragraph (p, "Sans 8", provenance[i], 0);

  for (guint s = 0; s < sections->len; s++)
    {
      Section *section = g_ptr_array_index (sections, s);

      /* a title is kept with what follows it */
      need (p, 60);
      p->y += GAP;
      paragraph (p, "Sans Bold 15", section->title, 0);
      for (guint b = 0; b < section->blocks->len; b++)
        {
          Block *block = g_ptr_array_index (section->blocks, b);

          switch (block->kind)
            {
            case KD_REPORT_BLOCK_PARAGRAPH:
              paragraph (p, "Sans 10", block->text, 0);
              break;
            case KD_REPORT_BLOCK_CODE:
              code (p, block->text);
              break;
            case KD_REPORT_BLOCK_FIELDS:
              table (p, NULL, block->rows);
              break;
            case KD_REPORT_BLOCK_TABLE:
              table (p, block->columns, block->rows);
              break;
            case KD_REPORT_BLOCK_LIST:
              for (guint r = 0; r < block->rows->len; r++)
                {
                  g_autofree char *item = g_strdup_printf ("•  %s", ((GStrv) g_ptr_array_index (block->rows, r))[0]);

                  paragraph (p, "Sans 10", item, 6);
                }
              break;
            case KD_REPORT_BLOCK_FINDING:
              finding (p, block);
              break;
            default:
              g_assert_not_reached ();
            }
          /* the health's figures, then its charts */
          if (b == 0 && g_str_equal (section->id, "health") && kd_report_get_health (self) != NULL)
            charts (p, kd_report_get_health (self));
        }
    }
}

/**
 * kd_report_paper_for_locale:
 *
 * Returns: the paper of the user's locale (LC_PAPER): Letter where it is
 *   8.5 × 11 in, A4 elsewhere
 */
KdReportPaper
kd_report_paper_for_locale (void)
{
#ifdef _NL_PAPER_WIDTH
  /* glibc: the paper's width, in millimetres */
  if ((int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH) == 216)
    return KD_REPORT_PAPER_LETTER;
#endif
  return KD_REPORT_PAPER_A4;
}

/**
 * kd_report_draw_pages:
 * @width: the paper's width, in points
 * @height: the paper's height, in points
 *
 * Lays the report out on pages of that paper: a header and "Page N of
 * M" on each, tables whose rows are never split and whose column titles
 * come again on each page they go on to, the health's charts as vectors.
 * The PDF (kd_report_write_pdf()) and the printer play the same pages.
 *
 * Returns: (transfer container) (element-type cairo_surface_t): each
 *   page, a cairo recording surface of @width × @height
 */
GPtrArray *
kd_report_draw_pages (KdReport *self,
                      double    width,
                      double    height)
{
  Pager p = { 0 };

  g_return_val_if_fail (KD_IS_REPORT (self), NULL);
  g_return_val_if_fail (width >= 4 * MARGIN && height >= 4 * MARGIN + FOOTER, NULL);

  p.width = width;
  p.height = height;
  p.header = kd_report_dup_page_header (self);
  p.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  /* laid out once, on recorded pages; then each gets its header and its
   * "Page N of M" */
  lay_out (self, &p);
  p.n_pages = p.pages->len;
  for (p.page = 1; p.page <= p.n_pages; p.page++)
    {
      g_clear_pointer (&p.cr, cairo_destroy);
      p.cr = cairo_create (g_ptr_array_index (p.pages, p.page - 1));
      page_furniture (&p);
    }
  g_clear_pointer (&p.cr, cairo_destroy);
  g_clear_object (&p.context);
  g_clear_pointer (&p.fonts, g_hash_table_unref);
  g_free (p.header);
  return p.pages;
}

/**
 * kd_report_page_size:
 * @paper: a paper
 * @width: (out): its width, in points
 * @height: (out): its height, in points
 */
void
kd_report_page_size (KdReportPaper  paper,
                     double        *width,
                     double        *height)
{
  *width = paper == KD_REPORT_PAPER_LETTER ? 612.0 : 595.28;
  *height = paper == KD_REPORT_PAPER_LETTER ? 792.0 : 841.89;
}

/**
 * kd_report_write_pdf:
 * @path: where to write it; written beside it first, and renamed over it
 *   once whole
 * @paper: the paper to lay it out on
 * @error: where to say why it could not be written
 *
 * Writes the report as a PDF: kd_report_draw_pages(), with the
 * document's title and author in its metadata.
 *
 * Returns: whether it was written; %FALSE with @error set otherwise
 */
gboolean
kd_report_write_pdf (KdReport       *self,
                     const char     *path,
                     KdReportPaper   paper,
                     GError        **error)
{
  g_autofree char *partial = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;

  g_return_val_if_fail (KD_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  kd_report_page_size (paper, &width, &height);
  partial = g_strconcat (path, ".partial", NULL);
  /* cairo says only "error while writing to output stream": the system
   * says why, before anything is laid out */
  {
    int fd = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC, 0644);

    if (fd < 0)
      {
        int saved_errno = errno;

        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Cannot write “%s”: %s"), path,
                     g_strerror (saved_errno));
        return FALSE;
      }
    close (fd);
  }
  surface = cairo_pdf_surface_create (partial, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      g_unlink (partial);
      return FALSE;
    }
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("KMS Doctor Report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "KMS Doctor");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "KMS Doctor " PACKAGE_VERSION);

  pages = kd_report_draw_pages (self, width, height);
  cr = cairo_create (surface);
  for (guint i = 0; i < pages->len; i++)
    {
      cairo_set_source_surface (cr, g_ptr_array_index (pages, i), 0, 0);
      cairo_paint (cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, status != CAIRO_STATUS_SUCCESS ? G_IO_ERROR_FAILED : g_io_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), path,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (saved_errno));
      g_unlink (partial);
      return FALSE;
    }
  return TRUE;
}
