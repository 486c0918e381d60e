/* kd-shortcuts-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KD_TYPE_SHORTCUTS_DIALOG (kd_shortcuts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KdShortcutsDialog, kd_shortcuts_dialog, KD, SHORTCUTS_DIALOG, AdwDialog)

AdwDialog *kd_shortcuts_dialog_new (void);

G_END_DECLS
