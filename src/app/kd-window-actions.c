/* kd-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-hresult.h"
#include "kd-shortcuts-dialog.h"
#include "kd-window-private.h"

/* The window's actions; their accelerators are in kd-shortcuts.c. */

static void
toast_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  kd_window_toast (KD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
copy_text_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
  kd_window_toast (KD_WINDOW (widget), _("Copied to the clipboard"));
}

static void
open_code_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  guint32 value;

  if (kd_hresult_parse (g_variant_get_string (parameter, NULL), &value, NULL))
    kd_window_open_code (KD_WINDOW (widget), value);
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  kd_error_codes_page_focus_search (KD_WINDOW (widget)->error_codes_page);
}

static void
back_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  KdWindow *self = KD_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  if (KD_IS_PAGE (page))
    kd_page_go_back (KD_PAGE (page));
}

static void
copy_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  KdWindow *self = KD_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->error_codes_page),
                              g_str_equal (action_name, "win.copy-markdown") ? "page.copy-markdown" : "page.copy-text",
                              NULL);
}

/* A client's capture, from the KMS Health table, opened in Analyze */
static void
open_capture_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KdWindow *self = KD_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  adw_view_stack_set_visible_child_name (self->stack, "analyze");
  kd_analyze_page_open_file (self->analyze_page, file);
  kd_analyze_page_show_result (self->analyze_page);
}

static void
show_shortcuts_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  adw_dialog_present (kd_shortcuts_dialog_new (), widget);
}

static void
launch_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"),
                                                  gtk_uri_launcher_get_uri (GTK_URI_LAUNCHER (source)),
                                                  error->message);
      kd_window_toast (self, message);
    }
}

/* Links of catalog entries and the help: a failure (no browser, no help
 * viewer) is said in a toast. */
static void
open_uri (KdWindow   *self,
          const char *uri)
{
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

  gtk_uri_launcher_launch (launcher, GTK_WINDOW (self), self->cancellable, launch_done_cb, g_object_ref (self));
}

static void
open_uri_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_uri (KD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* F1 opens the page of the view on screen. */
static void
help_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  KdWindow *self = KD_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);
  g_autofree char *uri = g_strdup_printf ("%s/%s", HELP_URI, KD_IS_PAGE (page) ? kd_page_get_help_page (KD_PAGE (page))
                                                                               : "index");

  open_uri (self, uri);
}

static void
paste_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kd_window_toast (self, _("The clipboard holds no text"));
      return;
    }

  kd_window_paste_text (self, text);
}

/* Ctrl+V outside a text field: whatever was copied from Windows is routed
 * to the view that understands it.  Only codes exist so far. */
static void
paste_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  KdWindow *self = KD_WINDOW (widget);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), self->cancellable,
                                 paste_done_cb, g_object_ref (self));
}

void
_kd_window_class_actions_init (KdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_cb);
  gtk_widget_class_install_action (widget_class, "win.copy", "s", copy_text_cb);
  gtk_widget_class_install_action (widget_class, "win.open-code", "s", open_code_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_cb);
  gtk_widget_class_install_action (widget_class, "win.copy-text", NULL, copy_cb);
  gtk_widget_class_install_action (widget_class, "win.copy-markdown", NULL, copy_cb);
  gtk_widget_class_install_action (widget_class, "win.help", NULL, help_cb);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_cb);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_cb);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_cb);
  gtk_widget_class_install_action (widget_class, "win.open-capture", "s", open_capture_cb);

  /* Bubble phase: a focused text field handles Ctrl+V itself first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste", NULL);
}
