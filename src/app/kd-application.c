/* kd-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-app-resources.h"
#include "kd-application.h"
#include "kd-case.h"
#include "kd-hresult.h"
#include "kd-search-provider.h"
#include "kd-shortcuts.h"
#include "kd-window.h"

struct _KdApplication
{
  AdwApplication parent_instance;

  KdSearchProvider *search_provider;
};

G_DEFINE_FINAL_TYPE (KdApplication, kd_application, ADW_TYPE_APPLICATION)

static KdWindow *
ensure_window (KdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (kd_window_new (ADW_APPLICATION (self)));
      /* The first window carries the session on; a window opened with
       * New Window starts a case of its own. */
      kd_window_restore_session (KD_WINDOW (window));
    }
  return KD_WINDOW (window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  /* Each window closed as its close button would: one whose case file
   * lacks changes asks first, and stays if the user says so.  The app
   * ends with its last window. */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  KdWindow *window = kd_window_new (ADW_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  KdApplication *self = user_data;
  AdwDialog *about;

  about = adw_about_dialog_new_from_appdata (APP_PATH "/" APP_ID ".metainfo.xml", PACKAGE_VERSION);
  adw_about_dialog_set_developers (ADW_ABOUT_DIALOG (about),
                                   (const char *[]) { _("The KMS Doctor developers"), NULL });
  /* Translators: your name and address, one per line */
  adw_about_dialog_set_translator_credits (ADW_ABOUT_DIALOG (about), _("translator-credits"));
  adw_dialog_present (about, GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (self))));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "new-window", new_window_activated },
  { "about", about_activated },
};

static void
kd_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (ensure_window (KD_APPLICATION (app))));
}

/* `kms-doctor 0xC004F074` opens that code; other words become the search.
 * A second invocation reaches the running instance through here too. */
static int
kd_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  KdApplication *self = KD_APPLICATION (app);
  g_auto(GStrv) argv = NULL;
  int argc;
  KdWindow *window;

  argv = g_application_command_line_get_arguments (command_line, &argc);
  window = ensure_window (self);

  /* `kms-doctor case.kmsdoctor dlv.txt`: files are opened */
  if (argc > 1)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (int i = 1; i < argc; i++)
        {
          g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, argv[i]);

          if (!g_file_query_exists (file, NULL))
            break;
          g_ptr_array_add (files, g_steal_pointer (&file));
        }
      if (files->len == (guint) argc - 1)
        {
          kd_window_open_files (window, (GFile **) files->pdata, files->len);
          gtk_window_present (GTK_WINDOW (window));
          return 0;
        }
    }

  if (argc > 1)
    {
      g_autofree char *query = g_strjoinv (" ", argv + 1);
      guint32 value;

      if (!g_utf8_validate (query, -1, NULL))
        {
          g_application_command_line_printerr (command_line, "%s\n",
                                               _("kms-doctor: the argument is not valid UTF-8 text"));
          return 2;
        }
      if (kd_hresult_parse (query, &value, NULL))
        kd_window_open_code (window, value);
      else
        kd_window_paste_text (window, query);
    }

  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

/* Files opened with the app from Files (D-Bus activation) */
static void
kd_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  KdWindow *window = ensure_window (KD_APPLICATION (app));

  kd_window_open_files (window, files, (guint) n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static int
kd_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("kms-doctor %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

/* The main menu's Open Recent: the case files saved and opened lately */
#define MAX_RECENT_CASES 8

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *x = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *y = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return g_date_time_compare (y, x);
}

static void
fill_recent_cases (KdApplication *self)
{
  GMenu *menu = gtk_application_get_menu_by_id (GTK_APPLICATION (self), "recent_cases");
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items;

  if (menu == NULL)
    return;
  items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), KD_CASE_MIME_TYPE) == 0 && gtk_recent_info_exists (info))
        g_ptr_array_add (cases, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (cases, compare_recent);

  g_menu_remove_all (menu);
  for (guint i = 0; i < cases->len && i < MAX_RECENT_CASES; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (cases, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-case",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (menu, item);
    }
}

static void
kd_application_startup (GApplication *app)
{
  KdApplication *self = KD_APPLICATION (app);

  G_APPLICATION_CLASS (kd_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  {
    guint n;
    const KdShortcut *shortcuts = kd_shortcuts_get (&n);

    for (guint i = 0; i < n; i++)
      if (shortcuts[i].action != NULL)
        gtk_application_set_accels_for_action (GTK_APPLICATION (self), shortcuts[i].action, shortcuts[i].accels);
  }

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (fill_recent_cases), self,
                           G_CONNECT_SWAPPED);
  fill_recent_cases (self);
}

static gboolean
kd_application_dbus_register (GApplication     *app,
                              GDBusConnection  *connection,
                              const char       *object_path,
                              GError          **error)
{
  KdApplication *self = KD_APPLICATION (app);

  if (!G_APPLICATION_CLASS (kd_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  return kd_search_provider_export (self->search_provider, connection, object_path, error);
}

static void
kd_application_dbus_unregister (GApplication    *app,
                                GDBusConnection *connection,
                                const char      *object_path)
{
  KdApplication *self = KD_APPLICATION (app);

  kd_search_provider_unexport (self->search_provider);
  G_APPLICATION_CLASS (kd_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
kd_application_dispose (GObject *object)
{
  KdApplication *self = (KdApplication *) object;

  g_clear_object (&self->search_provider);

  G_OBJECT_CLASS (kd_application_parent_class)->dispose (object);
}

static void
kd_application_class_init (KdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kd_application_dispose;

  kd_app_register_resource ();

  app_class->activate = kd_application_activate;
  app_class->startup = kd_application_startup;
  app_class->command_line = kd_application_command_line;
  app_class->open = kd_application_open;
  app_class->handle_local_options = kd_application_handle_local_options;
  app_class->dbus_register = kd_application_dbus_register;
  app_class->dbus_unregister = kd_application_dbus_unregister;
}

static void
kd_application_init (KdApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  self->search_provider = kd_search_provider_new (G_APPLICATION (self));
  /* Started by the Shell for a search, stay a little for the next keystroke. */
  g_application_set_inactivity_timeout (G_APPLICATION (self), 10000);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[CODE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open an activation error code, such as 0xC004F074, in KMS Doctor."));
}

KdApplication *
kd_application_new (void)
{
  return g_object_new (KD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", APP_PATH,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/**
 * kd_application_get_window:
 * @self: a #KdApplication
 *
 * Returns: (transfer none): the active window, made if there is none
 */
GtkWindow *
kd_application_get_window (KdApplication *self)
{
  g_return_val_if_fail (KD_IS_APPLICATION (self), NULL);
  return GTK_WINDOW (ensure_window (self));
}

void
kd_application_open_code (KdApplication *self,
                          guint32        value)
{
  KdWindow *window;

  g_return_if_fail (KD_IS_APPLICATION (self));

  window = ensure_window (self);
  kd_window_open_code (window, value);
  gtk_window_present (GTK_WINDOW (window));
}

void
kd_application_search (KdApplication *self,
                       const char    *text)
{
  KdWindow *window;

  g_return_if_fail (KD_IS_APPLICATION (self));

  window = ensure_window (self);
  kd_window_search (window, text);
  gtk_window_present (GTK_WINDOW (window));
}
