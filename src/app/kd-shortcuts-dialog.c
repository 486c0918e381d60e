/* kd-shortcuts-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-shortcuts.h"
#include "kd-shortcuts-dialog.h"

/* Every accelerator of the app.  GtkShortcutsWindow and GtkShortcutLabel are
 * deprecated in GTK 4.18 and AdwShortcutsDialog needs libadwaita 1.8, so
 * this is a plain dialog of rows; the keys are labelled by GTK itself
 * (gtk_accelerator_get_label), in the user's keyboard language. */
struct _KdShortcutsDialog
{
  AdwDialog parent_instance;

  AdwPreferencesGroup *error_codes_group;
  AdwPreferencesGroup *analyze_group;
  AdwPreferencesGroup *health_group;
  AdwPreferencesGroup *general_group;
};

G_DEFINE_FINAL_TYPE (KdShortcutsDialog, kd_shortcuts_dialog, ADW_TYPE_DIALOG)

static void
add_rows (KdShortcutsDialog *self)
{
  AdwPreferencesGroup *groups[] = {
    [KD_SHORTCUT_SECTION_GENERAL] = self->general_group,
    [KD_SHORTCUT_SECTION_ERROR_CODES] = self->error_codes_group,
    [KD_SHORTCUT_SECTION_ANALYZE] = self->analyze_group,
    [KD_SHORTCUT_SECTION_HEALTH] = self->health_group,
  };
  guint n;
  const KdShortcut *shortcuts = kd_shortcuts_get (&n);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *keys;
      guint key;
      GdkModifierType mods;
      g_autofree char *label = NULL;

      if (!gtk_accelerator_parse (shortcuts[i].accels[0], &key, &mods))
        g_assert_not_reached ();
      label = gtk_accelerator_get_label (key, mods);
      keys = gtk_label_new (label);
      gtk_widget_add_css_class (keys, "accelerator");
      gtk_widget_set_valign (keys, GTK_ALIGN_CENTER);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_dpgettext2 (NULL, "shortcut window", shortcuts[i].title));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), keys);
      adw_preferences_group_add (groups[shortcuts[i].section], row);
    }
}

static void
kd_shortcuts_dialog_class_init (KdShortcutsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-shortcuts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KdShortcutsDialog, error_codes_group);
  gtk_widget_class_bind_template_child (widget_class, KdShortcutsDialog, analyze_group);
  gtk_widget_class_bind_template_child (widget_class, KdShortcutsDialog, health_group);
  gtk_widget_class_bind_template_child (widget_class, KdShortcutsDialog, general_group);
}

static void
kd_shortcuts_dialog_init (KdShortcutsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_rows (self);
}

AdwDialog *
kd_shortcuts_dialog_new (void)
{
  return g_object_new (KD_TYPE_SHORTCUTS_DIALOG, NULL);
}
