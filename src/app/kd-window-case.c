/* kd-window-case.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-window-private.h"

/* The window's case as a file of the user's: its name and whether it has
 * every change in the title; Save, Save As, Open and a question on close;
 * the case's notes; files given to the app (from Files, the command line
 * or a drop) routed by what they are.
 * Whatever the user saves, the session's own copy keeps everything
 * between starts (KdWindow's restore). */

static void
update_title (KdWindow *self)
{
  g_autofree char *name = kd_case_dup_title (self->case_);
  g_autofree char *title = NULL;
  gboolean unsaved = kd_case_get_unsaved (self->case_);

  /* A case never saved to a file is the session's, which keeps every
   * change: nothing to tell in the title. */
  if (name == NULL)
    title = g_strdup (_("KMS Doctor"));
  else
    /* TRANSLATORS: the window's title: a dot when the case has changes not
     * saved to its file, the case's name, the app's name */
    title = g_strdup_printf (_("%s%s — KMS Doctor"), unsaved ? "• " : "", name);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Files' recent documents, for the case files the user saves and opens */
static void
note_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) KD_CASE_MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "kms-doctor %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (g_object_get_data (G_OBJECT (result), "kd-file"));
  g_autofree char *message = NULL;

  if (!kd_case_save_finish (KD_CASE (source), result, &error))
    {
      message = g_strdup_printf (_("“%s” could not be saved: %s"), name, error->message);
      kd_window_toast (self, message);
      return;
    }
  note_recent (kd_case_get_file (self->case_));
}

/**
 * kd_window_save_case_as:
 * @self: a #KdWindow
 * @file: where to save the case
 *
 * Writes the window's case to @file, off the main thread; from then on
 * the case is that file.  A failure is said in a toast.
 */
void
kd_window_save_case_as (KdWindow *self,
                        GFile    *file)
{
  g_return_if_fail (KD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  kd_case_save_async (self->case_, file, self->cancellable, save_done_cb, g_object_ref (self));
}

static void
save_as_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KdWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    kd_window_save_case_as (self, file);
}

static GListModel *
case_filters (gboolean with_others)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) cases = gtk_file_filter_new ();

  gtk_file_filter_set_name (cases, _("KMS Doctor Cases"));
  gtk_file_filter_add_mime_type (cases, KD_CASE_MIME_TYPE);
  gtk_file_filter_add_suffix (cases, KD_CASE_SUFFIX + 1);
  g_list_store_append (filters, cases);
  if (with_others)
    {
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      g_list_store_append (filters, all);
    }
  return G_LIST_MODEL (filters);
}

static void
save_as_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  KdWindow *self = KD_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = case_filters (FALSE);
  g_autofree char *title = kd_case_dup_title (self->case_);
  /* TRANSLATORS: the file name offered for a case saved the first time */
  g_autofree char *name = g_strconcat (title != NULL ? title : _("Case"), KD_CASE_SUFFIX, NULL);

  gtk_file_dialog_set_title (dialog, _("Save the Case"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_set_initial_name (dialog, name);
  if (kd_case_get_file (self->case_) != NULL)
    gtk_file_dialog_set_initial_file (dialog, kd_case_get_file (self->case_));
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), self->cancellable, save_as_chosen_cb, g_object_ref (self));
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  KdWindow *self = KD_WINDOW (widget);

  if (kd_case_get_file (self->case_) == NULL)
    save_as_cb (widget, "win.save-as", NULL);
  else
    kd_window_save_case_as (self, kd_case_get_file (self->case_));
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kd_case_load_finish (KD_CASE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kd_window_toast (self, error->message);
      return;
    }
  /* the session's copy follows, for the next start */
  kd_case_autosave_now (self->case_);
  if (kd_case_get_file (self->case_) != NULL)
    note_recent (kd_case_get_file (self->case_));
}

static void
load_case (KdWindow *self,
           GFile    *file)
{
  kd_case_load_async (self->case_, file, self->cancellable, open_done_cb, g_object_ref (self));
}

static void
replace_response_cb (AdwAlertDialog *dialog,
                     GAsyncResult   *result,
                     gpointer        user_data)
{
  g_autoptr(KdWindow) self = user_data;
  GFile *file = g_object_get_data (G_OBJECT (dialog), "kd-file");

  if (g_str_equal (adw_alert_dialog_choose_finish (dialog, result), "open"))
    load_case (self, file);
}

/**
 * kd_window_open_case:
 * @self: a #KdWindow
 * @file: a case file
 *
 * Opens @file in place of the window's case, off the main thread, after
 * asking when the case has changes not saved to a file.  A file that is
 * not a case, or one from a newer version, is refused with the reason.
 */
void
kd_window_open_case (KdWindow *self,
                     GFile    *file)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwDialog *dialog;

  g_return_if_fail (KD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!kd_case_get_unsaved (self->case_))
    {
      load_case (self, file);
      return;
    }

  name = g_file_get_basename (file);
  title = kd_case_dup_title (self->case_);
  dialog = adw_alert_dialog_new (_("Open Another Case?"), NULL);
  if (title != NULL)
    adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                  _("“%s” has changes that are not saved. They are lost if “%s” is opened in its place."),
                                  title, name);
  else
    adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                  _("This case has never been saved. It is lost if “%s” is opened in its place."), name);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "open", _("_Open Anyway"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "open", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kd-file", g_object_ref (file), g_object_unref);
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), self->cancellable,
                           (GAsyncReadyCallback) replace_response_cb, g_object_ref (self));
}

static gboolean
is_case_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, KD_CASE_SUFFIX);
}

/**
 * kd_window_open_files:
 * @self: a #KdWindow
 * @files: (array length=n_files): files and folders
 *
 * What a user opens with the app, from Files, the command line or a drop:
 * a case file replaces the case; files and folders shown on KMS Health,
 * several of them or a folder join its inputs; one file elsewhere is a
 * capture to open in Analyze.
 */
void
kd_window_open_files (KdWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  gboolean to_health;

  g_return_if_fail (KD_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      if (is_case_file (files[i]))
        kd_window_open_case (self, files[i]);
      else
        g_ptr_array_add (others, files[i]);
    }
  if (others->len == 0)
    return;

  to_health = g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "health") == 0 || others->len > 1 ||
              /* a local stat(), as a drop is: a folder cannot be a capture */
              g_file_query_file_type (others->pdata[0], G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
  if (to_health)
    {
      adw_view_stack_set_visible_child_name (self->stack, "health");
      kd_health_page_add_files (self->health_page, (GFile **) others->pdata, others->len);
    }
  else
    {
      adw_view_stack_set_visible_child_name (self->stack, "analyze");
      kd_analyze_page_open_file (self->analyze_page, others->pdata[0]);
    }
}

static void
open_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KdWindow) self = user_data;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  if (array->len > 0)
    kd_window_open_files (self, (GFile **) array->pdata, array->len);
}

/* Ctrl+O: a case, or what the view on screen reads */
static void
open_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  KdWindow *self = KD_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListModel) filters = case_filters (TRUE);
  g_autoptr(GtkFileFilter) all = g_list_model_get_item (filters, 1);

  gtk_file_dialog_set_title (dialog, _("Open a Case, Captures or Event Logs"));
  gtk_file_dialog_set_filters (dialog, filters);
  gtk_file_dialog_set_default_filter (dialog, all);
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), self->cancellable, open_chosen_cb, g_object_ref (self));
}

static void
open_case_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  kd_window_open_case (KD_WINDOW (widget), file);
}

/* The notes: the text view and the case say the same, whichever changed */
static void
on_notes_edited (KdWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  kd_case_set_notes (self->case_, text);
}

static void
on_case_notes (KdWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, kd_case_get_notes (self->case_)) == 0)
    return;
  g_signal_handlers_block_by_func (buffer, on_notes_edited, self);
  gtk_text_buffer_set_text (buffer, kd_case_get_notes (self->case_), -1);
  g_signal_handlers_unblock_by_func (buffer, on_notes_edited, self);
}

static void
on_notes_shown (KdWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

/* Closing ----------------------------------------------------------------- */

static void
close_save_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kd_case_save_finish (KD_CASE (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The case could not be saved: %s"), error->message);

      kd_window_toast (self, message);
      return;
    }
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
close_response_cb (AdwAlertDialog *dialog,
                   GAsyncResult   *result,
                   gpointer        user_data)
{
  g_autoptr(KdWindow) self = user_data;
  const char *response = adw_alert_dialog_choose_finish (dialog, result);

  if (g_str_equal (response, "save"))
    kd_case_save_async (self->case_, kd_case_get_file (self->case_), NULL, close_save_done_cb, g_object_ref (self));
  else if (g_str_equal (response, "close"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* A case of the user's file with changes the file lacks: asked.  Nothing
 * is lost either way (the session keeps them for the next start), but the
 * file the user will attach to a ticket would not have them. */
gboolean
_kd_window_case_close_request (KdWindow *self)
{
  g_autofree char *title = NULL;
  AdwDialog *dialog;

  if (self->close_confirmed || kd_case_get_file (self->case_) == NULL || !kd_case_get_unsaved (self->case_))
    return FALSE;

  title = kd_case_dup_title (self->case_);
  /* the name in the body, where it can wrap: in a heading, a long one
   * made the dialog wider than the window allows */
  dialog = adw_alert_dialog_new (_("Save Changes?"), NULL);
  adw_alert_dialog_format_body (ADW_ALERT_DIALOG (dialog),
                                _("The file of “%s” lacks the latest changes. They are kept for the next start either "
                                  "way."),
                                title);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "close",
                                  _("Close _Without Saving"), "save", _("_Save"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) close_response_cb, g_object_ref (self));
  return TRUE;
}

void
_kd_window_case_init (KdWindow *self)
{
  g_signal_connect_object (self->case_, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_, "notify::unsaved", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_, "notify::notes", G_CALLBACK (on_case_notes), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed", G_CALLBACK (on_notes_edited), self,
                           G_CONNECT_SWAPPED);
  update_title (self);
}

void
_kd_window_class_case_init (KdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_cb);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_cb);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_cb);
  gtk_widget_class_install_action (widget_class, "win.open-case", "s", open_case_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_shown);
}
