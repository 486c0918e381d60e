/* kd-analyze-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kd-analyze-page.h"
#include "kd-command.h"
#include "kd-capture-parser.h"
#include "kd-case.h"
#include "kd-error-catalog.h"
#include "kd-capture-editor.h"
#include "kd-file-loader.h"
#include "kd-result-view.h"
#include "kd-hresult.h"

/* The Analyze view: a capture on the left, what it says on the right.
 * Parsing runs in a worker thread, debounced while the user types, and
 * the text is kept across restarts in the user's state directory. */

#define PARSE_DELAY_MS 250
/* Larger saved text is not restored at start-up: it would be a paste
 * gone wrong, and reading it must not delay the first frame. */
#define MAX_RESTORED_BYTES (16 * 1024 * 1024)
/* Larger files are refused when opened: a capture, or a paste of a
 * thousand of them, is a few megabytes, and a text view of gigabytes
 * would take all the memory there is. */
#define MAX_OPENED_BYTES (256 * 1000 * 1000)  /* “256.0 MB”, as GLib writes sizes */

struct _KdAnalyzePage
{
  GtkWidget parent_instance;

  /* Template children */
  AdwNavigationSplitView *split_view;
  GtkLabel *source_label;
  KdCaptureEditor *editor;
  GtkDropDown *product_dropdown;
  GtkStack *result_stack;
  KdResultView *result_view;

  KdDiagnosis *diagnosis;
  GBytes *source;           /* bytes of an opened file, until the text is edited */
  char *source_name;
  GCancellable *cancellable;
  KdFileLoader *loader;     /* of a file being opened, or NULL */
  GCancellable *loading;    /* cancels the loader */
  guint parse_source;
  guint show_source;       /* the rest of a result, shown one main loop iteration later */

  KdCase *case_;            /* the page's case (KdPage:case) whose captures it follows */
  KdCaseCapture *capture;   /* what the page put into it, or showed from it */
};

G_DEFINE_FINAL_TYPE (KdAnalyzePage, kd_analyze_page, KD_TYPE_PAGE)

enum {
  PROP_0,
  PROP_DIAGNOSIS,
  PROP_LOADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void cancel_loading (KdAnalyzePage *self);

static void
on_product_selected (KdAnalyzePage *self)
{
  if (self->diagnosis != NULL)
    kd_result_view_show_product (self->result_view, gtk_drop_down_get_selected (self->product_dropdown));
}

/* For the template: whether a lookup gives an object. */
static gboolean
is_set (KdAnalyzePage *self,
        GObject       *object)
{
  return object != NULL;
}

static gboolean
show_rest (gpointer data)
{
  KdAnalyzePage *self = data;

  self->show_source = 0;
  kd_result_view_show_product (self->result_view, kd_diagnosis_get_main_product (self->diagnosis));
  gtk_stack_set_visible_child_name (self->result_stack, "result");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGNOSIS]);
  return G_SOURCE_REMOVE;
}

/* In two steps, each short enough for a frame: the switcher of a big
 * capture's thousands of products, then the product. */
static void
show_diagnosis (KdAnalyzePage      *self,
                const char * const *product_labels)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (product_labels);
  guint main_product = kd_diagnosis_get_main_product (self->diagnosis);

  g_signal_handlers_block_by_func (self->product_dropdown, on_product_selected, self);
  gtk_drop_down_set_model (self->product_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->product_dropdown, main_product);
  g_signal_handlers_unblock_by_func (self->product_dropdown, on_product_selected, self);
  gtk_widget_set_visible (GTK_WIDGET (self->product_dropdown), g_list_model_get_n_items (G_LIST_MODEL (labels)) > 1);

  kd_result_view_set_diagnosis (self->result_view, self->diagnosis);
  g_clear_handle_id (&self->show_source, g_source_remove);
  self->show_source = g_idle_add (show_rest, self);
}

/* The capture goes into the case as soon as the page has it, so that it
 * survives the app being killed; the case saves it off the main thread.
 * Empty text takes it out. */
static void
store_capture (KdAnalyzePage *self,
               GBytes        *text,
               const char    *source_name,
               const char    *encoding)
{
  GListModel *captures;

  if (self->case_ == NULL)
    return;
  if (self->capture != NULL && g_bytes_equal (kd_case_capture_get_text (self->capture), text) &&
      g_strcmp0 (kd_case_capture_get_source_name (self->capture), source_name) == 0)
    return;

  g_clear_object (&self->capture);
  captures = kd_case_get_captures (self->case_);
  if (g_bytes_get_size (text) == 0)
    {
      if (g_list_model_get_n_items (captures) > 0)
        kd_case_remove_capture (self->case_, 0);
      return;
    }
  self->capture = kd_case_capture_new (text, source_name, encoding);
  kd_case_set_capture (self->case_, 0, self->capture);
}

static void
analyze_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KdAnalyzePage) self = user_data;
  g_autoptr(KdDiagnosis) diagnosis = kd_diagnosis_new_finish (result, NULL);

  if (diagnosis == NULL)
    return;  /* cancelled: a newer parse is under way, or the page is gone */

  g_set_object (&self->diagnosis, diagnosis);
  show_diagnosis (self, kd_diagnosis_get_product_labels (diagnosis));
}

static gboolean
parse_now (gpointer data)
{
  KdAnalyzePage *self = data;
  /* Text set by a paste or a file is read from its bytes, not copied back
   * out of the view. */
  g_autoptr(GBytes) text = self->source != NULL ? g_bytes_ref (self->source) : kd_capture_editor_dup_bytes (self->editor);

  self->parse_source = 0;
  g_clear_handle_id (&self->show_source, g_source_remove);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Typed text; a paste or a file went into the case when it came. */
  if (self->source == NULL)
    store_capture (self, text, NULL, NULL);

  if (g_bytes_get_size (text) == 0)
    {
      g_clear_object (&self->diagnosis);
      kd_result_view_set_diagnosis (self->result_view, NULL);
      gtk_stack_set_visible_child_name (self->result_stack, "empty");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGNOSIS]);
      return G_SOURCE_REMOVE;
    }

  /* An opened file is parsed from its own bytes, so that its encoding is
   * reported; pasted text is UTF-8 already. */
  gtk_stack_set_visible_child_name (self->result_stack, "busy");
  /* Parsing, the rules and the products' labels all run in a worker:
   * thousands of products in a big paste take longer than a frame. */
  kd_diagnosis_new_async (text, KD_CAPTURE_PARSE_THREADS, self->cancellable, analyze_done_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* Typing: once the user pauses. */
static void
schedule_parse (KdAnalyzePage *self)
{
  g_clear_handle_id (&self->parse_source, g_source_remove);
  self->parse_source = g_timeout_add (PARSE_DELAY_MS, parse_now, self);
}

/* A whole text at once: no reason to wait. */
static void
parse_at_once (KdAnalyzePage *self)
{
  g_clear_handle_id (&self->parse_source, g_source_remove);
  parse_now (self);
}

static void
set_source_label (KdAnalyzePage *self,
                  const char    *source_name,
                  const char    *encoding)
{
  g_autofree char *label = NULL;

  if (source_name == NULL)
    {
      gtk_label_set_text (self->source_label, _("Paste what slmgr.vbs or ospp.vbs printed, in any language"));
      return;
    }
  label = g_strdup_printf (_("%s (%s)"), source_name, encoding != NULL ? encoding : "UTF-8");
  gtk_label_set_text (self->source_label, label);
}

/* Text the page puts into the view itself (a paste, a file, a restored
 * capture) is parsed from its own bytes as it comes (parse_at_once()),
 * not again for each of the pieces a big text goes into the view in:
 * that pushed the parse back until the view had all of it, seconds
 * after a paste of megabytes. */
static void
on_editor_changed (KdAnalyzePage *self,
                   gboolean       by_user)
{
  if (!by_user)
    return;

  /* Edited by hand: the text, not the file, is what to read now, and a
   * file still being opened must not replace what was typed. */
  cancel_loading (self);
  g_clear_pointer (&self->source, g_bytes_unref);
  g_clear_pointer (&self->source_name, g_free);
  set_source_label (self, NULL, NULL);
  schedule_parse (self);
}

static void
paste_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KdAnalyzePage) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", _("The clipboard holds no text"));
      return;
    }
  kd_analyze_page_set_text (self, text);
}

static void
paste_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_done_cb, g_object_ref (widget));
}

static void
clear_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  kd_analyze_page_set_text (KD_ANALYZE_PAGE (widget), "");
}

static void
show_result_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kd_analyze_page_show_result (KD_ANALYZE_PAGE (widget));
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KdAnalyzePage) self = user_data;
  /* kept: showing its text may clear the page's own reference */
  g_autoptr(KdFileLoader) loader = g_object_ref (KD_FILE_LOADER (source));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *text;

  if (!kd_file_loader_load_finish (loader, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;  /* another text came first, or the page is gone */
      /* The message names the file and says why. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      cancel_loading (self);
      /* back to what the text in the view gives */
      parse_at_once (self);
      return;
    }
  if (loader != self->loader)
    return;

  text = kd_file_loader_get_text (loader);
  name = g_file_get_basename (kd_file_loader_get_file (loader));
  kd_capture_editor_set_text (self->editor, text, TRUE);
  g_clear_pointer (&self->source, g_bytes_unref);
  self->source = g_bytes_ref (kd_file_loader_get_bytes (loader));
  g_set_str (&self->source_name, name);
  set_source_label (self, name, kd_file_loader_get_encoding (loader));
  {
    g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

    store_capture (self, bytes, name, kd_file_loader_get_encoding (loader));
  }
  cancel_loading (self);
  parse_at_once (self);
}

/* Reads @file in a worker; while it does, the page's "loader" tells how
 * far it has got, for the progress bar and the message the template
 * binds to it. */
static void
load_file (KdAnalyzePage *self,
           GFile         *file)
{
  cancel_loading (self);
  self->loading = g_cancellable_new ();
  self->loader = kd_file_loader_new (file);
  kd_file_loader_set_max_size (self->loader, MAX_OPENED_BYTES);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADER]);
  gtk_stack_set_visible_child_name (self->result_stack, "busy");
  kd_file_loader_load_async (self->loader, self->loading, load_done_cb, g_object_ref (self));
}

static void
open_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KdAnalyzePage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    load_file (self, file);
}

static void
open_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) text = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (text, _("Text Files"));
  gtk_file_filter_add_mime_type (text, "text/plain");
  gtk_file_filter_add_suffix (text, "log");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, text);
  g_list_store_append (filters, all);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Open a Capture"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, open_done_cb, g_object_ref (widget));
}

/* A newer text replaces a file still being read. */
static void
cancel_loading (KdAnalyzePage *self)
{
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->loader != NULL)
    {
      g_clear_object (&self->loader);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADER]);
    }
}

/* A capture the page did not put into the case: the one a restored case
 * brings.  Larger ones are not shown: such a text is a paste gone wrong,
 * and it would only delay the first frame. */
static void
on_captures_changed (KdAnalyzePage *self)
{
  GListModel *captures = kd_case_get_captures (self->case_);
  g_autoptr(KdCaseCapture) capture = g_list_model_get_item (captures, 0);
  GBytes *text;

  if (capture == NULL || capture == self->capture)
    return;
  text = kd_case_capture_get_text (capture);
  if (g_bytes_get_size (text) > MAX_RESTORED_BYTES)
    {
      g_message ("The capture of the last session is %zu bytes long; it is not shown again",
                 g_bytes_get_size (text));
      return;
    }

  g_set_object (&self->capture, capture);
  cancel_loading (self);
  {
    g_autofree char *copy = g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));

    /* Not a change the user made: nothing to undo. */
    kd_capture_editor_set_text (self->editor, copy, FALSE);
  }
  g_clear_pointer (&self->source, g_bytes_unref);
  self->source = g_bytes_ref (text);
  g_set_str (&self->source_name, kd_case_capture_get_source_name (capture));
  set_source_label (self, kd_case_capture_get_source_name (capture), kd_case_capture_get_encoding (capture));
  parse_at_once (self);
}

/* The page follows the captures of its case (KdPage:case): it keeps its
 * own in it, and shows the one a restored case brings. */
static void
on_case_changed (KdAnalyzePage *self)
{
  KdCase *kase = kd_page_get_case (KD_PAGE (self));

  if (self->case_ == kase)
    return;
  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_data (kd_case_get_captures (self->case_), self);
  g_clear_object (&self->capture);
  g_set_object (&self->case_, kase);
  if (kase != NULL)
    {
      g_signal_connect_object (kd_case_get_captures (kase), "items-changed",
                               G_CALLBACK (on_captures_changed), self, G_CONNECT_SWAPPED);
      on_captures_changed (self);
    }
}

static void
kd_analyze_page_dispose (GObject *object)
{
  KdAnalyzePage *self = (KdAnalyzePage *) object;

  g_cancellable_cancel (self->cancellable);
  cancel_loading (self);
  g_clear_handle_id (&self->parse_source, g_source_remove);
  g_clear_handle_id (&self->show_source, g_source_remove);
  /* Taking the template apart empties the product switcher, whose
   * selection handler must not show a product of a page in pieces. */
  g_clear_object (&self->diagnosis);
  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_ANALYZE_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->source, g_bytes_unref);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_object (&self->capture);
  g_clear_object (&self->case_);

  G_OBJECT_CLASS (kd_analyze_page_parent_class)->dispose (object);
}

static void
kd_analyze_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KdAnalyzePage *self = KD_ANALYZE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DIAGNOSIS:
      g_value_set_object (value, self->diagnosis);
      break;
    case PROP_LOADER:
      g_value_set_object (value, self->loader);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean kd_analyze_page_go_back (KdPage *page);

static void
kd_analyze_page_class_init (KdAnalyzePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KdPageClass *page_class = KD_PAGE_CLASS (klass);

  page_class->go_back = kd_analyze_page_go_back;
  kd_page_class_set_help_page (page_class, "analyze");

  object_class->dispose = kd_analyze_page_dispose;
  object_class->get_property = kd_analyze_page_get_property;

  properties[PROP_DIAGNOSIS] =
    g_param_spec_object ("diagnosis", NULL, NULL, KD_TYPE_DIAGNOSIS, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * KdAnalyzePage:loader:
   *
   * The loader of the file being opened, while it is read.
   */
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, KD_TYPE_FILE_LOADER, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KD_TYPE_CAPTURE_EDITOR);
  g_type_ensure (KD_TYPE_RESULT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-analyze-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KdAnalyzePage, split_view);
  gtk_widget_class_bind_template_child (widget_class, KdAnalyzePage, source_label);
  gtk_widget_class_bind_template_child (widget_class, KdAnalyzePage, editor);
  gtk_widget_class_bind_template_child (widget_class, KdAnalyzePage, product_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KdAnalyzePage, result_stack);
  gtk_widget_class_bind_template_child (widget_class, KdAnalyzePage, result_view);
  gtk_widget_class_bind_template_callback (widget_class, on_product_selected);
  gtk_widget_class_bind_template_callback (widget_class, is_set);

  gtk_widget_class_install_action (widget_class, "analyze.paste", NULL, paste_cb);
  gtk_widget_class_install_action (widget_class, "analyze.clear", NULL, clear_cb);
  gtk_widget_class_install_action (widget_class, "analyze.open", NULL, open_cb);
  gtk_widget_class_install_action (widget_class, "analyze.show-result", NULL, show_result_cb);
}

static void
kd_analyze_page_init (KdAnalyzePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::case", G_CALLBACK (on_case_changed), NULL);

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->editor, "changed", G_CALLBACK (on_editor_changed), self, G_CONNECT_SWAPPED);
}

/**
 * kd_analyze_page_get_diagnosis:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the diagnosis shown
 */
KdDiagnosis *
kd_analyze_page_get_diagnosis (KdAnalyzePage *self)
{
  g_return_val_if_fail (KD_IS_ANALYZE_PAGE (self), NULL);
  return self->diagnosis;
}

/**
 * kd_analyze_page_get_loader:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the loader of the file being
 *   opened, while it is read
 */
KdFileLoader *
kd_analyze_page_get_loader (KdAnalyzePage *self)
{
  g_return_val_if_fail (KD_IS_ANALYZE_PAGE (self), NULL);
  return self->loader;
}

/**
 * kd_analyze_page_set_text:
 * @self: the page
 * @text: (nullable): pasted text, of any size
 *
 * Replaces the capture and analyses it.
 */
void
kd_analyze_page_set_text (KdAnalyzePage *self,
                          const char    *text)
{
  g_return_if_fail (KD_IS_ANALYZE_PAGE (self));

  if (text == NULL)
    text = "";
  cancel_loading (self);
  kd_capture_editor_set_text (self->editor, text, TRUE);
  g_clear_pointer (&self->source, g_bytes_unref);
  self->source = g_bytes_new (text, strlen (text));
  g_clear_pointer (&self->source_name, g_free);
  set_source_label (self, NULL, NULL);
  store_capture (self, self->source, NULL, NULL);
  parse_at_once (self);
}

/**
 * kd_analyze_page_dup_text:
 * @self: the page
 *
 * Returns: (transfer full): the text in the capture area
 */
char *
kd_analyze_page_dup_text (KdAnalyzePage *self)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (KD_IS_ANALYZE_PAGE (self), NULL);
  /* While a big paste is still going into the view, the source is whole. */
  if (self->source != NULL && self->source_name == NULL)
    bytes = g_bytes_ref (self->source);
  else
    bytes = kd_capture_editor_dup_bytes (self->editor);
  /* an empty GBytes may have no data: "" all the same */
  if (g_bytes_get_size (bytes) == 0)
    return g_strdup ("");
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/**
 * kd_analyze_page_open_file:
 * @self: the page
 * @file: a capture saved to a file, in any encoding
 *
 * Reads @file off the main thread and shows it, or says why it cannot.
 */
void
kd_analyze_page_open_file (KdAnalyzePage *self,
                           GFile         *file)
{
  g_return_if_fail (KD_IS_ANALYZE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  load_file (self, file);
}

/* On a narrow window, from the result back to the capture. */
static gboolean
kd_analyze_page_go_back (KdPage *page)
{
  KdAnalyzePage *self = KD_ANALYZE_PAGE (page);

  return kd_page_split_view_go_back (self->split_view);
}

/**
 * kd_analyze_page_show_result:
 * @self: the page
 *
 * On a narrow window, goes from the capture to the result.
 */
void
kd_analyze_page_show_result (KdAnalyzePage *self)
{
  g_return_if_fail (KD_IS_ANALYZE_PAGE (self));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}
