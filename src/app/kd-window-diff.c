/* kd-window-diff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-capture-diff.h"
#include "kd-diagnosis.h"
#include "kd-diff-dialog.h"
#include "kd-file-loader.h"
#include "kd-window-private.h"

/* The capture in Analyze (A) compared with another one (B): before and
 * after a fix, or a working machine and a broken one.  B is the one the
 * case keeps after A, the last compared, or a file the user opens. */

typedef struct
{
  KdWindow *window;
  KdFileLoader *loader;     /* B read from a file; NULL: the case's B */
  char *name;
  GBytes *text;
} Comparing;

static void
comparing_free (Comparing *comparing)
{
  g_clear_object (&comparing->window);
  g_clear_object (&comparing->loader);
  g_clear_pointer (&comparing->text, g_bytes_unref);
  g_free (comparing->name);
  g_free (comparing);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Comparing, comparing_free)

/* The name of the capture in Analyze: its file's, or "Pasted capture" */
static char *
dup_name_a (KdWindow *self)
{
  GListModel *captures = kd_case_get_captures (self->case_);
  g_autoptr(KdCaseCapture) capture = g_list_model_get_n_items (captures) > 0 ? g_list_model_get_item (captures, 0)
                                                                            : NULL;
  const char *name = capture != NULL ? kd_case_capture_get_source_name (capture) : NULL;

  return g_strdup (name != NULL ? name : _("Pasted capture"));
}

static void choose_other_cb (KdDiffDialog *dialog,
                             KdWindow     *self);

static void
parsed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Comparing) comparing = user_data;
  KdWindow *self = comparing->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(KdDiagnosis) other = kd_diagnosis_new_finish (result, &error);
  KdDiagnosis *analyzed = kd_analyze_page_get_diagnosis (self->analyze_page);
  g_autoptr(KdCaptureDiff) diff = NULL;
  g_autofree char *name_a = NULL;
  KdDiffDialog *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
    return;
  if (other == NULL || g_list_model_get_n_items (kd_capture_get_products (kd_diagnosis_get_document (other))) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not what slmgr.vbs or ospp.vbs printed: nothing to "
                                                    "compare"),
                                                  comparing->name);

      kd_window_toast (self, message);
      return;
    }
  /* Analyze may have lost its capture meanwhile */
  if (analyzed == NULL)
    return;
  diff = kd_capture_diff_new (kd_diagnosis_get_document (analyzed), kd_diagnosis_get_document (other));
  name_a = dup_name_a (self);
  dialog = kd_diff_dialog_new (diff, name_a, comparing->name);
  g_signal_connect_object (dialog, "choose-other", G_CALLBACK (choose_other_cb), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));

  /* B, read from a file, stays with the case after Analyze's capture: in
   * its file, and in its report, which shows what changed between them */
  if (comparing->loader != NULL && g_list_model_get_n_items (kd_case_get_captures (self->case_)) >= 1)
    {
      g_autoptr(KdCaseCapture) kept = kd_case_capture_new (comparing->text, comparing->name,
                                                           kd_file_loader_get_encoding (comparing->loader));

      kd_case_set_capture (self->case_, 1, kept);
    }
}

static void
compare_text (Comparing *comparing)
{
  kd_diagnosis_new_async (comparing->text, KD_CAPTURE_PARSE_NONE, comparing->window->cancellable, parsed_cb,
                          comparing);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Comparing) comparing = user_data;
  KdWindow *self = comparing->window;
  g_autoptr(GError) error = NULL;
  const char *text;

  if (!kd_file_loader_load_finish (comparing->loader, result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposed)
        return;
      message = g_strdup_printf (_("“%s” could not be opened: %s"), comparing->name, error->message);
      kd_window_toast (self, message);
      return;
    }
  text = kd_file_loader_get_text (comparing->loader);
  comparing->text = g_bytes_new (text, strlen (text));
  compare_text (g_steal_pointer (&comparing));
}

static gboolean
check_analyzed (KdWindow *self)
{
  if (kd_analyze_page_get_diagnosis (self->analyze_page) != NULL)
    return TRUE;
  kd_window_toast (self, _("Open or paste a capture in Analyze first: the capture you choose is compared with it"));
  return FALSE;
}

/**
 * kd_window_compare_file:
 * @self: a #KdWindow
 * @file: a capture to compare with the one in Analyze
 *
 * Reads @file off the main thread and shows how it differs from the
 * capture in Analyze, field by field; says so when it cannot.  The case
 * keeps @file as its second capture.
 */
void
kd_window_compare_file (KdWindow *self,
                        GFile    *file)
{
  Comparing *comparing;

  g_return_if_fail (KD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!check_analyzed (self))
    return;
  comparing = g_new0 (Comparing, 1);
  comparing->window = g_object_ref (self);
  comparing->loader = kd_file_loader_new (file);
  comparing->name = g_file_get_basename (file);
  kd_file_loader_load_async (comparing->loader, self->cancellable, loaded_cb, comparing);
}

static void
chosen_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KdWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    kd_window_compare_file (self, file);
}

static void
choose_file (KdWindow *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Compare With a Capture"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), self->cancellable, chosen_cb, g_object_ref (self));
}

static void
choose_other_cb (KdDiffDialog *dialog,
                 KdWindow     *self)
{
  adw_dialog_close (ADW_DIALOG (dialog));
  choose_file (self);
}

/**
 * kd_window_compare:
 * @self: a #KdWindow
 *
 * Shows how the capture in Analyze differs from the one the case keeps
 * after it (the last one compared), or asks for one when it keeps none.
 */
void
kd_window_compare (KdWindow *self)
{
  GListModel *captures;
  g_autoptr(KdCaseCapture) kept = NULL;
  Comparing *comparing;

  g_return_if_fail (KD_IS_WINDOW (self));

  if (!check_analyzed (self))
    return;
  captures = kd_case_get_captures (self->case_);
  if (g_list_model_get_n_items (captures) < 2)
    {
      choose_file (self);
      return;
    }
  kept = g_list_model_get_item (captures, 1);
  comparing = g_new0 (Comparing, 1);
  comparing->window = g_object_ref (self);
  comparing->name = g_strdup (kd_case_capture_get_source_name (kept) != NULL ? kd_case_capture_get_source_name (kept)
                                                                              : _("Pasted capture"));
  comparing->text = g_bytes_ref (kd_case_capture_get_text (kept));
  compare_text (comparing);
}

static void
compare_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  kd_window_compare (KD_WINDOW (widget));
}

void
_kd_window_class_diff_init (KdWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.compare", NULL, compare_cb);
}
