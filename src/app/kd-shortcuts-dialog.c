/* kd-shortcuts-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-shortcuts-dialog.h"

/* Every accelerator of the app.  GtkShortcutsWindow and GtkShortcutLabel are
 * deprecated in GTK 4.18 and AdwShortcutsDialog needs libadwaita 1.8, so
 * this is a plain dialog of rows; the keys are labelled by GTK itself
 * (gtk_accelerator_get_label), in the user's keyboard language. */
struct _KdShortcutsDialog
{
  AdwDialog parent_instance;

  AdwPreferencesGroup *error_codes_group;
  AdwPreferencesGroup *general_group;
};

G_DEFINE_FINAL_TYPE (KdShortcutsDialog, kd_shortcuts_dialog, ADW_TYPE_DIALOG)

typedef struct
{
  const char *title;
  const char *accelerator;
} Shortcut;

static const Shortcut error_codes_shortcuts[] = {
  { NC_("shortcut window", "Search"), "<Control>f" },
  { NC_("shortcut window", "Clear the search or go back"), "Escape" },
  { NC_("shortcut window", "Open a pasted code or capture (outside a text field)"), "<Control>v" },
  { NC_("shortcut window", "Copy the entry as text"), "<Control><Shift>c" },
  { NC_("shortcut window", "Copy the entry as Markdown"), "<Control><Shift>m" },
  { NC_("shortcut window", "Back to the list (narrow window)"), "<Alt>Left" },
};

static const Shortcut general_shortcuts[] = {
  { NC_("shortcut window", "Help"), "F1" },
  { NC_("shortcut window", "Keyboard shortcuts"), "<Control>question" },
  { NC_("shortcut window", "Main menu"), "F10" },
  { NC_("shortcut window", "New window"), "<Control>n" },
  { NC_("shortcut window", "Close window"), "<Control>w" },
  { NC_("shortcut window", "Quit"), "<Control>q" },
};

static void
add_rows (AdwPreferencesGroup *group,
          const Shortcut      *shortcuts,
          guint                n_shortcuts)
{
  for (guint i = 0; i < n_shortcuts; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *keys;
      guint key;
      GdkModifierType mods;
      g_autofree char *label = NULL;

      if (!gtk_accelerator_parse (shortcuts[i].accelerator, &key, &mods))
        g_assert_not_reached ();
      label = gtk_accelerator_get_label (key, mods);
      keys = gtk_label_new (label);
      gtk_widget_add_css_class (keys, "accelerator");
      gtk_widget_set_valign (keys, GTK_ALIGN_CENTER);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_dpgettext2 (NULL, "shortcut window", shortcuts[i].title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), keys);
      adw_preferences_group_add (group, row);
    }
}

static void
kd_shortcuts_dialog_class_init (KdShortcutsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-shortcuts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KdShortcutsDialog, error_codes_group);
  gtk_widget_class_bind_template_child (widget_class, KdShortcutsDialog, general_group);
}

static void
kd_shortcuts_dialog_init (KdShortcutsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_rows (self->error_codes_group, error_codes_shortcuts, G_N_ELEMENTS (error_codes_shortcuts));
  add_rows (self->general_group, general_shortcuts, G_N_ELEMENTS (general_shortcuts));
}

AdwDialog *
kd_shortcuts_dialog_new (void)
{
  return g_object_new (KD_TYPE_SHORTCUTS_DIALOG, NULL);
}
