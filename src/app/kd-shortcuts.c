/* kd-shortcuts.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-shortcuts.h"

/* Every keyboard shortcut of the app, in one table: the application binds
 * the accelerators of the actions from it, and the shortcuts dialog lists
 * it, so that the two cannot disagree.  Keys that a widget handles by
 * itself (Escape in the search, F10 for the menu, Ctrl+V outside a text
 * field) have no action here but are listed all the same. */
static const KdShortcut shortcuts[] = {
  { KD_SHORTCUT_SECTION_ERROR_CODES, NC_("shortcut window", "Search"), "win.search", { "<Control>f", NULL } },
  { KD_SHORTCUT_SECTION_ERROR_CODES, NC_("shortcut window", "Clear the search or go back"), NULL,
    { "Escape", NULL } },
  { KD_SHORTCUT_SECTION_ERROR_CODES, NC_("shortcut window", "Open a pasted code or capture (outside a text field)"),
    NULL, { "<Control>v", NULL } },
  { KD_SHORTCUT_SECTION_ERROR_CODES, NC_("shortcut window", "Copy the entry as text"), "win.copy-text",
    { "<Control><Shift>c", NULL } },
  { KD_SHORTCUT_SECTION_ERROR_CODES, NC_("shortcut window", "Copy the entry as Markdown"), "win.copy-markdown",
    { "<Control><Shift>m", NULL } },
  { KD_SHORTCUT_SECTION_ERROR_CODES, NC_("shortcut window", "Back to the list (narrow window)"), "win.back",
    { "<Alt>Left", NULL } },
  { KD_SHORTCUT_SECTION_HEALTH, NC_("shortcut window", "Back to the inputs (narrow window)"), NULL,
    { "<Alt>Left", NULL } },
  { KD_SHORTCUT_SECTION_ANALYZE, NC_("shortcut window", "Undo or redo a paste, an opened file or a clear"), NULL,
    { "<Control>z", NULL } },
  { KD_SHORTCUT_SECTION_GENERAL, NC_("shortcut window", "Open a case, captures or event logs"), "win.open",
    { "<Control>o", NULL } },
  { KD_SHORTCUT_SECTION_GENERAL, NC_("shortcut window", "Save the case"), "win.save", { "<Control>s", NULL } },
  { KD_SHORTCUT_SECTION_GENERAL, NC_("shortcut window", "Save the case as another file"), "win.save-as",
    { "<Shift><Control>s", NULL } },
  { KD_SHORTCUT_SECTION_GENERAL, NC_("shortcut window", "Print the case as a report"), "win.print", { "<Control>p", NULL } },
  { KD_SHORTCUT_SECTION_GENERAL, NC_("shortcut window", "Help"), "win.help", { "F1", NULL } },
  { KD_SHORTCUT_SECTION_GENERAL, NC_("shortcut window", "Keyboard shortcuts"), "win.show-shortcuts",
    { "<Control>question", NULL } },
  { KD_SHORTCUT_SECTION_GENERAL, NC_("shortcut window", "Main menu"), NULL, { "F10", NULL } },
  { KD_SHORTCUT_SECTION_GENERAL, NC_("shortcut window", "New window"), "app.new-window", { "<Control>n", NULL } },
  { KD_SHORTCUT_SECTION_GENERAL, NC_("shortcut window", "Close window"), "window.close", { "<Control>w", NULL } },
  { KD_SHORTCUT_SECTION_GENERAL, NC_("shortcut window", "Quit"), "app.quit", { "<Control>q", NULL } },
};

/**
 * kd_shortcuts_get:
 * @n_shortcuts: (out): how many there are
 *
 * Returns: (array length=n_shortcuts): the app's keyboard shortcuts
 */
const KdShortcut *
kd_shortcuts_get (guint *n_shortcuts)
{
  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}
