/* kd-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kd-input.h"
#include "kd-window-private.h"


G_DEFINE_FINAL_TYPE (KdWindow, kd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A narrow window has the switcher at the bottom: the header names the
 * view instead. */
static void
on_visible_page_changed (KdWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);

  if (child != NULL)
    adw_window_title_set_title (self->narrow_title, adw_view_stack_page_get_title (adw_view_stack_get_page (self->stack, child)));
}

/* The banner says so while the session cannot be written, and goes once
 * a save succeeds. */
static void
on_autosave_error_changed (KdWindow *self)
{
  const GError *error = kd_case_get_autosave_error (self->case_);

  /* The reason names a path: too long for the banner of a narrow window,
   * it is the banner's tooltip (and on stderr). */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->autosave_banner), error != NULL ? error->message : NULL);
  adw_banner_set_revealed (self->autosave_banner, error != NULL);
}

static void
on_autosave_retry (KdWindow *self)
{
  kd_case_autosave_now (self->case_);
}

static gboolean
release_view (gpointer view)
{
  g_object_unref (view);
  return G_SOURCE_REMOVE;
}

static gboolean
kd_window_close_request (GtkWindow *window)
{
  if (_kd_window_case_close_request (KD_WINDOW (window)))
    return TRUE;
  return GTK_WINDOW_CLASS (kd_window_parent_class)->close_request (window);
}

/* Present while a window carries the session: left behind when the app
 * did not end properly */
static char *
running_marker_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "kms-doctor", "running", NULL);
}

static void
kd_window_dispose (GObject *object)
{
  KdWindow *self = (KdWindow *) object;

  /* A view whose split view has just pushed or popped a page (Show Result
   * on a narrow window) leaves a main loop source of libadwaita's behind
   * that writes into it: destroyed at once, that is freed memory (seen
   * under valgrind, libadwaita 1.7.6).  The views are let go only once the
   * main loop has dispatched what was pending. */
  if (self->analyze_page != NULL)
    {
      g_idle_add_full (G_PRIORITY_LOW, release_view, g_object_ref (self->analyze_page), NULL);
      g_idle_add_full (G_PRIORITY_LOW, release_view, g_object_ref (self->error_codes_page), NULL);
      g_idle_add_full (G_PRIORITY_LOW, release_view, g_object_ref (self->health_page), NULL);
    }
  /* a window that ends this way ends the session cleanly: the next
   * start restores it without asking */
  if (self->carries_session && !self->disposed)
    {
      g_autofree char *running = running_marker_path ();

      g_unlink (running);
    }
  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->restoring);
  /* The search entry put a key controller on the window: it takes it off
   * while both are whole, not from a window half taken apart. */
  if (self->error_codes_page != NULL)
    gtk_search_entry_set_key_capture_widget (kd_error_codes_page_get_search_entry (self->error_codes_page), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->printing);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->restoring);
  g_clear_object (&self->case_);

  G_OBJECT_CLASS (kd_window_parent_class)->dispose (object);
}

static void
kd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KdWindow *self = KD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      g_value_set_boolean (value, self->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KdWindow *self = KD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_NARROW:
      kd_window_set_narrow (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_window_class_init (KdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = kd_window_close_request;
  object_class->get_property = kd_window_get_property;
  object_class->set_property = kd_window_set_property;

  /**
   * KdWindow:narrow:
   *
   * Whether the window is narrow: the views collapse their split views and
   * the view switcher moves to the bottom.
   */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KD_TYPE_ERROR_CODES_PAGE);
  g_type_ensure (KD_TYPE_ANALYZE_PAGE);
  g_type_ensure (KD_TYPE_HEALTH_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KdWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KdWindow, narrow_title);
  gtk_widget_class_bind_template_child (widget_class, KdWindow, switcher);
  gtk_widget_class_bind_template_child (widget_class, KdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KdWindow, autosave_banner);
  gtk_widget_class_bind_template_child (widget_class, KdWindow, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_autosave_retry);
  gtk_widget_class_bind_template_child (widget_class, KdWindow, error_codes_page);
  gtk_widget_class_bind_template_child (widget_class, KdWindow, analyze_page);
  gtk_widget_class_bind_template_child (widget_class, KdWindow, health_page);

  _kd_window_class_actions_init (klass);
  _kd_window_class_case_init (klass);
  _kd_window_class_report_init (klass);
  _kd_window_class_diff_init (klass);
}

static void
kd_window_init (KdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  if (GTK_IS_APPLICATION (g_application_get_default ()))
    gtk_menu_button_set_menu_model (self->menu_button,
                                    G_MENU_MODEL (gtk_application_get_menu_by_id (GTK_APPLICATION (g_application_get_default ()),
                                                                                  "primary_menu")));
  on_visible_page_changed (self);

  self->case_ = kd_case_new ();
  g_signal_connect_object (self->case_, "notify::autosave-error", G_CALLBACK (on_autosave_error_changed),
                           self, G_CONNECT_SWAPPED);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (KD_IS_PAGE (page))
      kd_page_set_case (KD_PAGE (page), self->case_);

  _kd_window_dnd_init (self);
  _kd_window_case_init (self);

  /* Typing anywhere searches. */
  gtk_search_entry_set_key_capture_widget (kd_error_codes_page_get_search_entry (self->error_codes_page),
                                           GTK_WIDGET (self));
}

gboolean
kd_window_get_narrow (KdWindow *self)
{
  g_return_val_if_fail (KD_IS_WINDOW (self), FALSE);
  return self->narrow;
}

/**
 * kd_window_set_narrow:
 * @self: a #KdWindow
 * @narrow: whether the window is narrow
 *
 * Set by the window's breakpoint.  Once the window is being taken apart,
 * the breakpoint undone after its children are gone changes nothing in
 * them: collapsing a split view whose pages are being destroyed moves
 * them about half destroyed.
 */
void
kd_window_set_narrow (KdWindow *self,
                      gboolean  narrow)
{
  g_return_if_fail (KD_IS_WINDOW (self));

  narrow = !!narrow;
  if (self->narrow == narrow)
    return;
  self->narrow = narrow;
  if (!self->disposed)
    {
      for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack)); page != NULL;
           page = gtk_widget_get_next_sibling (page))
        if (KD_IS_PAGE (page))
          kd_page_set_narrow (KD_PAGE (page), narrow);
      gtk_widget_set_visible (GTK_WIDGET (self->switcher), !narrow);
      gtk_widget_set_visible (GTK_WIDGET (self->narrow_title), narrow);
      adw_view_switcher_bar_set_reveal (self->switcher_bar, narrow);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
}

KdWindow *
kd_window_new (AdwApplication *application)
{
  return g_object_new (KD_TYPE_WINDOW, "application", application, NULL);
}

/**
 * kd_window_get_case:
 * @self: a #KdWindow
 *
 * Returns: (transfer none): the investigation the window works on
 */
KdCase *
kd_window_get_case (KdWindow *self)
{
  g_return_val_if_fail (KD_IS_WINDOW (self), NULL);
  return self->case_;
}

/* Where the case of the session is kept between starts */
static GFile *
session_case_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "kms-doctor", "session.kmsdoctor", NULL);

  return g_file_new_for_path (path);
}

/* Before cases, the Analyze page kept its text in analyze.txt: it becomes
 * the session's capture once, and the file goes. */
static void
import_analyze_txt (KdWindow *self)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "kms-doctor", "analyze.txt", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return;
  if (length > 0 && memchr (contents, '\0', length) == NULL && g_utf8_validate_len (contents, length, NULL))
    {
      g_autoptr(GBytes) text = g_bytes_new_take (g_steal_pointer (&contents), length);
      g_autoptr(KdCaseCapture) capture = kd_case_capture_new (text, NULL, NULL);

      kd_case_set_capture (self->case_, 0, capture);
    }
  g_unlink (path);
}

static void
restore_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KdWindow) self = user_data;
  g_autoptr(GFile) file = session_case_file ();
  g_autoptr(GError) error = NULL;
  gboolean loaded = kd_case_load_finish (KD_CASE (object), result, &error);

  if (self->case_ == NULL)
    return;  /* the window is gone */
  g_clear_object (&self->restoring);

  if (!loaded)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        import_analyze_txt (self);
      else if (g_error_matches (error, KD_CASE_ERROR, KD_CASE_ERROR_DAMAGED) ||
               g_error_matches (error, KD_CASE_ERROR, KD_CASE_ERROR_NEWER))
        {
          /* Kept aside rather than written over by the next save. */
          g_autofree char *path = g_file_get_path (file);
          g_autofree char *aside = g_strconcat (path, ".unreadable", NULL);
          g_autofree char *message = NULL;

          g_rename (path, aside);
          message = g_strdup_printf (_("The last session could not be restored: %s"), error->message);
          kd_window_toast (self, message);
          g_message ("%s (kept as %s)", message, aside);
        }
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Cannot restore the last session: %s", error->message);
    }

  /* From now on every change is saved; one made meanwhile is saved now. */
  kd_case_set_autosave_file (self->case_, file);
}

static void
load_session (KdWindow *self)
{
  g_autoptr(GFile) file = session_case_file ();

  self->restoring = g_cancellable_new ();
  kd_case_load_async (self->case_, file, self->restoring, restore_done, g_object_ref (self));
}

static void
recovery_response_cb (AdwAlertDialog *dialog,
                      const char     *response,
                      KdWindow       *self)
{
  if (self->disposed)
    return;
  if (g_str_equal (response, "discard"))
    {
      g_autoptr(GFile) file = session_case_file ();
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *aside = g_strconcat (path, ".discarded", NULL);

      /* set aside, not deleted: the last one discarded can still be
       * opened by hand */
      g_rename (path, aside);
      kd_case_set_autosave_file (self->case_, file);
      return;
    }
  load_session (self);
}

/* The last session did not end properly: what it held is offered back */
static void
offer_recovery (KdWindow *self)
{
  AdwDialog *dialog;

  g_signal_handlers_disconnect_by_func (self, offer_recovery, NULL);
  g_debug ("The last session did not end properly: offering to restore it");
  dialog = adw_alert_dialog_new (_("Restore Unsaved Work?"),
                                 _("KMS Doctor did not close properly last time. What you were working on was saved "
                                   "as you worked: restore it, or start with an empty case."));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "discard", _("_Start Empty"), "restore", _("_Restore"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "restore");
  /* closing it is not a choice to lose anything */
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "restore");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

/**
 * kd_window_restore_session:
 * @self: a #KdWindow
 *
 * Makes this window the one whose case is kept between starts: the case
 * of the last session is read (off the main thread) and from then on
 * every change is saved.  When the last session did not end properly (a
 * crash, `kill -9`), the window first asks whether to restore it.
 */
void
kd_window_restore_session (KdWindow *self)
{
  g_autoptr(GFile) file = session_case_file ();
  g_autofree char *running = running_marker_path ();
  g_autofree char *pid = g_strdup_printf ("%d\n", (int) getpid ());
  g_autofree char *dir = g_path_get_dirname (running);
  gboolean crashed;

  g_return_if_fail (KD_IS_WINDOW (self));
  g_return_if_fail (self->restoring == NULL);

  crashed = g_file_test (running, G_FILE_TEST_EXISTS) && g_file_query_exists (file, NULL);
  self->carries_session = TRUE;
  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (running, pid, -1, NULL);
  if (!crashed)
    load_session (self);
  else if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    offer_recovery (self);
  else
    g_signal_connect (self, "map", G_CALLBACK (offer_recovery), NULL);
}

/**
 * kd_window_get_analyze_page:
 * @self: a #KdWindow
 *
 * Returns: (transfer none): the Analyze page
 */
KdAnalyzePage *
kd_window_get_analyze_page (KdWindow *self)
{
  g_return_val_if_fail (KD_IS_WINDOW (self), NULL);
  return self->analyze_page;
}

/**
 * kd_window_get_health_page:
 * @self: a #KdWindow
 *
 * Returns: (transfer none): the KMS Health page
 */
KdHealthPage *
kd_window_get_health_page (KdWindow *self)
{
  g_return_val_if_fail (KD_IS_WINDOW (self), NULL);
  return self->health_page;
}

/**
 * kd_window_get_error_codes_page:
 * @self: a #KdWindow
 *
 * Returns: (transfer none): the Error Codes page
 */
KdErrorCodesPage *
kd_window_get_error_codes_page (KdWindow *self)
{
  g_return_val_if_fail (KD_IS_WINDOW (self), NULL);
  return self->error_codes_page;
}

void
kd_window_open_code (KdWindow *self,
                     guint32   value)
{
  g_return_if_fail (KD_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, "error-codes");
  kd_error_codes_page_open_code (self->error_codes_page, value);
}

void
kd_window_search (KdWindow   *self,
                  const char *text)
{
  g_return_if_fail (KD_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, "error-codes");
  kd_error_codes_page_search (self->error_codes_page, text);
}

void
kd_window_toast (KdWindow   *self,
                 const char *message)
{
  AdwToast *toast;

  g_return_if_fail (KD_IS_WINDOW (self));

  toast = adw_toast_new (message);
  /* messages name files and values the user gave: never markup */
  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * kd_window_paste_text:
 * @self: a #KdWindow
 * @text: pasted text of any size
 *
 * Opens the first error code in @text; short text without a code becomes
 * the search.  Only the start of a large paste is examined.
 */
void
kd_window_paste_text (KdWindow   *self,
                      const char *text)
{
  g_autoptr(KdInput) input = NULL;

  g_return_if_fail (KD_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  input = kd_input_new_for_text (text, -1);
  switch (kd_input_get_kind (input))
    {
    case KD_INPUT_CAPTURE:
      adw_view_stack_set_visible_child_name (self->stack, "analyze");
      kd_analyze_page_set_text (self->analyze_page, text);
      break;

    case KD_INPUT_CODE:
      kd_window_open_code (self, kd_input_get_code (input));
      break;

    case KD_INPUT_SEARCH:
      kd_window_search (self, kd_input_get_search (input));
      kd_error_codes_page_focus_search (self->error_codes_page);
      break;

    case KD_INPUT_NOTHING:
    case KD_INPUT_UNKNOWN:
    default:
      kd_window_toast (self, _("The pasted text contains no error code"));
      break;
    }
}
