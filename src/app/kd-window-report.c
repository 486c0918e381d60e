/* kd-window-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "kd-page-preview.h"
#include "kd-redaction-dialog.h"
#include "kd-redaction.h"
#include "kd-report.h"
#include "kd-window-private.h"

/* The window's case as a report to attach to a ticket: its captures, the
 * health KMS Health shows, the codes looked up and the notes, written in
 * the format the file's name asks for, off the main thread. */

typedef struct
{
  KdReport *report;
  KdReportFormat format;
  GFile *file;
  KdRedactor *redactor;     /* the case's masks, and what the report adds */
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->report);
  g_clear_object (&export->file);
  g_clear_object (&export->redactor);
  g_free (export);
}

/* The format a file's name asks for; Markdown when it names none */
static KdReportFormat
format_for (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);

  if (g_str_has_suffix (lower, ".txt"))
    return KD_REPORT_FORMAT_TEXT;
  if (g_str_has_suffix (lower, ".json"))
    return KD_REPORT_FORMAT_JSON;
  if (g_str_has_suffix (lower, ".csv"))
    return KD_REPORT_FORMAT_CSV;
  if (g_str_has_suffix (lower, ".pdf"))
    return KD_REPORT_FORMAT_PDF;
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm"))
    return KD_REPORT_FORMAT_HTML;
  return KD_REPORT_FORMAT_MARKDOWN;
}

/* The report of the window's case: its captures, the health on screen,
 * its codes and notes */
static KdReport *
case_report_new (KdWindow *self)
{
  KdReport *report = kd_report_new ();
  GListModel *captures = kd_case_get_captures (self->case_);

  for (guint i = 0; i < g_list_model_get_n_items (captures); i++)
    {
      g_autoptr(KdCaseCapture) capture = g_list_model_get_item (captures, i);
      GBytes *text = kd_case_capture_get_text (capture);
      g_autofree char *copy = g_strndup (g_bytes_get_size (text) > 0 ? g_bytes_get_data (text, NULL) : "",
                                         g_bytes_get_size (text));
      const char *name = kd_case_capture_get_source_name (capture);

      kd_report_add_input (report, name != NULL ? name : _("Pasted capture"), text);
      kd_report_add_capture (report, name, copy);
    }
  for (guint i = 0; kd_case_get_health_inputs (self->case_)[i] != NULL; i++)
    kd_report_add_input (report, kd_case_get_health_inputs (self->case_)[i], NULL);
  /* the snapshot on screen: finished, and not changed again */
  kd_report_set_health (report, kd_health_page_get_health (self->health_page));
  kd_report_set_codes (report, kd_case_get_codes (self->case_));
  kd_report_set_notes (report, kd_case_get_notes (self->case_));
  return report;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (export->format == KD_REPORT_FORMAT_PDF)
    {
      g_autofree char *path = g_file_get_path (export->file);

      if (path == NULL)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("A report can only be written to a local file"));
      else if (!kd_report_write_pdf (export->report, path, kd_report_paper_for_locale (), &error))
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, TRUE);
      return;
    }
  /* the captures diagnosed, the health's figures: more than a frame */
  kd_report_render (export->report, export->format, text);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  if (!g_file_replace_contents (export->file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Writes the report, masked by @redactor when it is not %NULL */
static void
export_async (KdWindow            *self,
              GFile               *file,
              KdRedactor          *redactor,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  export = g_new0 (Export, 1);
  export->report = case_report_new (self);
  export->format = format_for (file);
  export->file = g_object_ref (file);
  if (redactor != NULL)
    {
      export->redactor = g_object_ref (redactor);
      kd_report_set_redactor (export->report, export->redactor);
    }

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, kd_window_export_report_async);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * kd_window_export_report_async:
 * @self: a #KdWindow
 * @file: where to write the report; its name says the format (`.pdf`,
 *   `.html`, `.txt`, `.md`, `.json`, `.csv`)
 * @redact: whether to mask what identifies a machine or a person, with
 *   the case's masks (which it keeps, with those the report adds)
 *
 * Writes the report of the window's case, off the main thread.
 */
void
kd_window_export_report_async (KdWindow            *self,
                               GFile               *file,
                               gboolean             redact,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  /* a copy of the case's masks: the worker adds to it while the case may
   * be saved */
  g_autoptr(KdRedactor) redactor = NULL;

  g_return_if_fail (KD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (redact)
    redactor = kd_case_dup_redactor (self->case_);
  export_async (self, file, redactor, callback, user_data);
}

gboolean
kd_window_export_report_finish (KdWindow      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  Export *export;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  /* the masks the report added, for the next one */
  export = g_task_get_task_data (G_TASK (result));
  if (export->redactor != NULL)
    kd_case_set_redactor (self->case_, export->redactor);
  return TRUE;
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  KdWindow *self = KD_WINDOW (source);
  g_autoptr(GError) error = NULL;
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_file_get_basename (export->file);
  g_autofree char *message = NULL;

  if (!kd_window_export_report_finish (self, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("“%s” could not be saved: %s"), name, error->message);
    }
  else
    message = g_strdup_printf (_("Saved “%s”"), name);
  kd_window_toast (self, message);
}

/* The redaction preview ---------------------------------------------------- */

/* A redacted report checked before it is written: the case's masks, with
 * the user's choices of this preview on top */
typedef struct
{
  KdWindow *window;
  GFile *file;
  GHashTable *choices;      /* value → GINT_TO_POINTER (kept) */
  GCancellable *cancellable;
  gboolean again;           /* a choice changed while the preview was written */
} Redacting;

typedef struct
{
  KdReport *report;
  KdRedactor *redactor;
  char *text;
  GArray *spans;
  GListModel *shown;
} Preview;

static void
redacting_free (gpointer data)
{
  Redacting *redacting = data;

  g_cancellable_cancel (redacting->cancellable);
  g_clear_object (&redacting->cancellable);
  g_clear_object (&redacting->window);
  g_clear_object (&redacting->file);
  g_clear_pointer (&redacting->choices, g_hash_table_unref);
  g_free (redacting);
}

static void
preview_free (gpointer data)
{
  Preview *preview = data;

  g_clear_object (&preview->report);
  g_clear_object (&preview->redactor);
  g_free (preview->text);
  g_clear_pointer (&preview->spans, g_array_unref);
  g_clear_object (&preview->shown);
  g_free (preview);
}

static KdRedactor *
redactor_for (Redacting *redacting)
{
  KdRedactor *redactor = kd_case_dup_redactor (redacting->window->case_);
  GHashTableIter iter;
  gpointer value, kept;

  g_hash_table_iter_init (&iter, redacting->choices);
  while (g_hash_table_iter_next (&iter, &value, &kept))
    kd_redactor_set_kept (redactor, value, GPOINTER_TO_INT (kept));
  return redactor;
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Preview *preview = task_data;
  g_autoptr(GString) text = g_string_new (NULL);

  kd_report_render (preview->report, KD_REPORT_FORMAT_TEXT, text);
  preview->spans = kd_redactor_find_masks (preview->redactor, text->str);
  preview->shown = kd_redactor_dup_shown (preview->redactor);
  preview->text = g_string_free (g_steal_pointer (&text), FALSE);
  g_task_return_boolean (task, TRUE);
}

static void write_preview (KdRedactionDialog *dialog);

static void
choice_changed_cb (KdRedaction       *redaction,
                   GParamSpec        *pspec,
                   KdRedactionDialog *dialog)
{
  Redacting *redacting = g_object_get_data (G_OBJECT (dialog), "redacting");

  g_hash_table_insert (redacting->choices, g_strdup (kd_redaction_get_value (redaction)),
                       GINT_TO_POINTER (!kd_redaction_get_masked (redaction)));
  if (kd_redaction_dialog_get_busy (dialog))
    redacting->again = TRUE;
  else
    write_preview (dialog);
}

static void
preview_written_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  KdRedactionDialog *dialog = KD_REDACTION_DIALOG (source);
  Redacting *redacting = g_object_get_data (G_OBJECT (dialog), "redacting");
  Preview *preview = g_task_get_task_data (G_TASK (result));
  gboolean first = kd_redaction_dialog_get_redactions (dialog) == NULL;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  /* the list is made once: it holds the user's choices */
  kd_redaction_dialog_set_preview (dialog, preview->text, preview->spans, first ? preview->shown : NULL);
  if (first)
    for (guint i = 0; i < g_list_model_get_n_items (preview->shown); i++)
      {
        g_autoptr(KdRedaction) redaction = g_list_model_get_item (preview->shown, i);

        g_signal_connect_object (redaction, "notify::masked", G_CALLBACK (choice_changed_cb), dialog, 0);
      }
  kd_redaction_dialog_set_busy (dialog, FALSE);
  if (redacting->again)
    {
      redacting->again = FALSE;
      write_preview (dialog);
    }
}

/* The report as text, masked as it will be, off the main thread */
static void
write_preview (KdRedactionDialog *dialog)
{
  Redacting *redacting = g_object_get_data (G_OBJECT (dialog), "redacting");
  g_autoptr(GTask) task = g_task_new (dialog, redacting->cancellable, preview_written_cb, NULL);
  Preview *preview = g_new0 (Preview, 1);

  kd_redaction_dialog_set_busy (dialog, TRUE);
  preview->redactor = redactor_for (redacting);
  preview->report = case_report_new (redacting->window);
  kd_report_set_redactor (preview->report, preview->redactor);
  g_task_set_source_tag (task, write_preview);
  g_task_set_task_data (task, preview, preview_free);
  g_task_run_in_thread (task, preview_thread);
}

static void
redacted_export_cb (KdRedactionDialog *dialog)
{
  Redacting *redacting = g_object_get_data (G_OBJECT (dialog), "redacting");
  g_autoptr(KdRedactor) redactor = redactor_for (redacting);

  export_async (redacting->window, redacting->file, redactor, exported_cb, NULL);
  adw_dialog_close (ADW_DIALOG (dialog));
}

/**
 * kd_window_redact_report:
 * @self: a #KdWindow
 * @file: where the report goes; its name says the format
 *
 * Shows what the redacted report of the window's case will say, every
 * mask highlighted, each value one the user may keep as it is; Export
 * writes it (kd_window_export_report_async(), with those choices, which
 * the case keeps).
 *
 * Returns: (transfer none): the preview, presented
 */
KdRedactionDialog *
kd_window_redact_report (KdWindow *self,
                         GFile    *file)
{
  KdRedactionDialog *dialog;
  Redacting *redacting;

  g_return_val_if_fail (KD_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  dialog = kd_redaction_dialog_new ();
  redacting = g_new0 (Redacting, 1);
  redacting->window = g_object_ref (self);
  redacting->file = g_object_ref (file);
  redacting->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  redacting->cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (dialog), "redacting", redacting, redacting_free);
  g_signal_connect (dialog, "export", G_CALLBACK (redacted_export_cb), NULL);
  write_preview (dialog);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
  return dialog;
}

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KdWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  gboolean redact = GPOINTER_TO_INT (g_object_get_data (source, "redact"));

  if (file != NULL && redact)
    kd_window_redact_report (self, file);
  else if (file != NULL)
    kd_window_export_report_async (self, file, FALSE, exported_cb, NULL);
}

static void
add_filter (GListStore *filters,
            const char *name,
            const char *mime_type,
            const char *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  g_list_store_append (filters, filter);
}

static void
export_report_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KdWindow *self = KD_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  gboolean redact = g_str_equal (action_name, "win.export-redacted-report");
  g_autofree char *title = kd_case_dup_title (self->case_);
  g_autofree char *name = NULL;

  /* a redacted report's name does not give the case's away */
  if (redact)
    /* TRANSLATORS: the file name offered for a redacted report */
    name = g_strdup (_("KMS Doctor report (redacted).pdf"));
  else
    /* TRANSLATORS: the file name offered for a report, without its .pdf */
    name = g_strconcat (title != NULL ? title : _("KMS Doctor report"), ".pdf", NULL);
  add_filter (filters, _("PDF"), "application/pdf", "pdf");
  add_filter (filters, _("Web Page (HTML)"), "text/html", "html");
  add_filter (filters, _("Markdown"), "text/markdown", "md");
  add_filter (filters, _("Plain Text"), "text/plain", "txt");
  add_filter (filters, _("JSON"), "application/json", "json");
  add_filter (filters, _("Client Table (CSV)"), "text/csv", "csv");
  gtk_file_dialog_set_title (dialog, redact ? _("Export a Redacted Report") : _("Export a Report"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_initial_name (dialog, name);
  g_object_set_data (G_OBJECT (dialog), "redact", GINT_TO_POINTER (redact));
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->cancellable, export_chosen_cb, g_object_ref (self));
}

/* Printing ------------------------------------------------------------------ */

/* The pages of the PDF, played on the printer's paper.  They are laid out
 * off the main thread for the paper printed on last (or the locale's)
 * before the dialog shows, and again only when another paper is chosen. */
typedef struct
{
  KdReport *report;
  GPtrArray *pages;         /* cairo_surface_t */
  double width, height;     /* what they were laid out for, in points */
  double scale;             /* for a paper too small for the margins */
  GSettings *settings;
  GtkPageSetup *setup;
  GtkPrintOperationAction action;
  char *export_file;
} Printing;

static void
printing_clear (gpointer data)
{
  Printing *printing = data;

  g_clear_object (&printing->report);
  g_clear_pointer (&printing->pages, g_ptr_array_unref);
  g_clear_object (&printing->settings);
  g_clear_object (&printing->setup);
  g_free (printing->export_file);
}

static void
printing_unref (gpointer data)
{
  g_rc_box_release_full (data, printing_clear);
}

static void
printing_release (gpointer  data,
                  GClosure *closure)
{
  printing_unref (data);
}

/* The size the pages are laid out in for @setup, and how much smaller
 * they are printed */
static void
paper_for (GtkPageSetup *setup,
           double       *width,
           double       *height,
           double       *scale)
{
  double a4_width, a4_height;

  *width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  *height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  *scale = 1;
  if (*width < 300 || *height < 400)
    {
      /* laid out on A4 and made smaller: a label is still readable */
      kd_report_page_size (KD_REPORT_PAPER_A4, &a4_width, &a4_height);
      *scale = MIN (*width / a4_width, *height / a4_height);
      *width = a4_width;
      *height = a4_height;
    }
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  Printing *printing = user_data;
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double width, height, scale;

  /* the paper chosen is the next one's */
  g_settings_set_value (printing->settings, "page-setup", gtk_page_setup_to_gvariant (setup));
  paper_for (setup, &width, &height, &scale);
  printing->scale = scale;
  if (printing->pages == NULL || fabs (width - printing->width) > 0.5 || fabs (height - printing->height) > 0.5)
    {
      g_clear_pointer (&printing->pages, g_ptr_array_unref);
      printing->pages = kd_report_draw_pages (printing->report, width, height);
      printing->width = width;
      printing->height = height;
    }
  gtk_print_operation_set_n_pages (operation, printing->pages->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  Printing *printing = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  g_return_if_fail (page_nr >= 0 && (guint) page_nr < printing->pages->len);

  cairo_save (cr);
  cairo_scale (cr, printing->scale, printing->scale);
  cairo_set_source_surface (cr, g_ptr_array_index (printing->pages, page_nr), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
toast_print_error (KdWindow     *self,
                   const GError *error)
{
  g_autofree char *message = g_strdup_printf (_("The report could not be printed: %s"),
                                              error != NULL ? error->message : _("the printing system gave no reason"));

  kd_window_toast (self, message);
}

static void
preview_closed_cb (AdwDialog                *dialog,
                   GtkPrintOperationPreview *preview)
{
  gtk_print_operation_preview_end_preview (preview);
}

/* The print dialog's Print Preview, and GTK_PRINT_OPERATION_ACTION_PREVIEW:
 * the pages already laid out, shown in the app rather than in another
 * program */
static gboolean
preview_cb (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            gpointer                  user_data)
{
  Printing *printing = user_data;
  KdPagePreview *dialog;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  /* GTK wants a cairo context on the print context of a preview it does
   * not draw itself; the pages are drawn already */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (printing->pages == NULL)
    {
      paper_for (gtk_print_context_get_page_setup (context), &printing->width, &printing->height, &printing->scale);
      printing->pages = kd_report_draw_pages (printing->report, printing->width, printing->height);
    }
  dialog = kd_page_preview_new (printing->pages, printing->width, printing->height);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (preview_closed_cb), preview, 0);
  adw_dialog_present (ADW_DIALOG (dialog), parent != NULL ? GTK_WIDGET (parent) : NULL);
  return TRUE;
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  KdWindow *self = KD_WINDOW (user_data);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      toast_print_error (self, error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_settings_set_value (self->settings, "print-settings",
                          gtk_print_settings_to_gvariant (gtk_print_operation_get_print_settings (operation)));
}

static void
lay_out_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Printing *printing = task_data;

  printing->pages = kd_report_draw_pages (printing->report, printing->width, printing->height);
  g_task_return_boolean (task, TRUE);
}

static void
laid_out_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KdWindow *self = KD_WINDOW (source);
  Printing *printing = g_task_get_task_data (G_TASK (result));
  g_autoptr(GVariant) saved_settings = NULL;
  g_autofree char *title = NULL;
  GError *error = NULL;
  GtkPrintOperationResult printed;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_object (&self->printing);
  self->printing = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (self->printing, printing->setup);
  saved_settings = g_settings_get_value (self->settings, "print-settings");
  if (g_variant_n_children (saved_settings) > 0)
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_gvariant (saved_settings);

      gtk_print_operation_set_print_settings (self->printing, settings);
    }
  title = kd_case_dup_title (self->case_);
  gtk_print_operation_set_job_name (self->printing, title != NULL ? title : _("KMS Doctor Report"));
  gtk_print_operation_set_use_full_page (self->printing, TRUE);
  gtk_print_operation_set_unit (self->printing, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (self->printing, TRUE);
  gtk_print_operation_set_allow_async (self->printing, TRUE);
  if (printing->export_file != NULL)
    gtk_print_operation_set_export_filename (self->printing, printing->export_file);
  g_signal_connect_data (self->printing, "begin-print", G_CALLBACK (begin_print_cb), g_rc_box_acquire (printing),
                         printing_release, 0);
  g_signal_connect (self->printing, "draw-page", G_CALLBACK (draw_page_cb), printing);
  g_signal_connect (self->printing, "preview", G_CALLBACK (preview_cb), printing);
  g_signal_connect_object (self->printing, "done", G_CALLBACK (print_done_cb), self, 0);
  printed = gtk_print_operation_run (self->printing, printing->action, GTK_WINDOW (self), &error);
  if (printed == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, printed);
}

/**
 * kd_window_print_async:
 * @self: a #KdWindow
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG for the user, with
 *   its preview; %GTK_PRINT_OPERATION_ACTION_EXPORT with @export_file
 * @export_file: (nullable): where to export to
 *
 * Prints the report of the window's case: the pages of its PDF, laid out
 * off the main thread, on the paper chosen (the last one chosen, or the
 * locale's), which is remembered.
 */
void
kd_window_print_async (KdWindow                *self,
                       GtkPrintOperationAction  action,
                       const char              *export_file,
                       GAsyncReadyCallback      callback,
                       gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) layout = NULL;
  g_autoptr(GVariant) saved_setup = NULL;
  Printing *printing;

  g_return_if_fail (KD_IS_WINDOW (self));

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, kd_window_print_async);
  printing = g_rc_box_new0 (Printing);
  printing->report = case_report_new (self);
  printing->settings = g_object_ref (self->settings);
  printing->action = action;
  printing->export_file = g_strdup (export_file);
  saved_setup = g_settings_get_value (self->settings, "page-setup");
  if (g_variant_n_children (saved_setup) > 0)
    printing->setup = gtk_page_setup_new_from_gvariant (saved_setup);
  if (printing->setup == NULL)
    {
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (kd_report_paper_for_locale () == KD_REPORT_PAPER_LETTER
                                                            ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

      printing->setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (printing->setup, paper);
    }
  paper_for (printing->setup, &printing->width, &printing->height, &printing->scale);

  layout = g_task_new (self, self->cancellable, laid_out_cb, g_steal_pointer (&task));
  g_task_set_source_tag (layout, lay_out_thread);
  g_task_set_task_data (layout, printing, printing_unref);
  g_task_run_in_thread (layout, lay_out_thread);
}

/**
 * kd_window_print_finish:
 * @error: where to say why it failed
 *
 * Returns: what gtk_print_operation_run() said: %GTK_PRINT_OPERATION_RESULT_APPLY
 *   when exported, %GTK_PRINT_OPERATION_RESULT_IN_PROGRESS while the dialog
 *   is up; %GTK_PRINT_OPERATION_RESULT_ERROR with @error set
 */
GtkPrintOperationResult
kd_window_print_finish (KdWindow      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  gssize printed;

  g_return_val_if_fail (g_task_is_valid (result, self), GTK_PRINT_OPERATION_RESULT_ERROR);

  printed = g_task_propagate_int (G_TASK (result), error);
  return printed < 0 ? GTK_PRINT_OPERATION_RESULT_ERROR : (GtkPrintOperationResult) printed;
}

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  KdWindow *self = KD_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (kd_window_print_finish (self, result, &error) == GTK_PRINT_OPERATION_RESULT_ERROR
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast_print_error (self, error);
}

static void
print_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  kd_window_print_async (KD_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, printed_cb, NULL);
}

void
_kd_window_class_report_init (KdWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.export-report", NULL, export_report_cb);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.export-redacted-report", NULL, export_report_cb);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.print", NULL, print_cb);
}
