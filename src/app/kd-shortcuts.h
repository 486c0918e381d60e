/* kd-shortcuts.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * KdShortcutSection:
 *
 * Where the shortcuts dialog lists a shortcut.
 */
typedef enum
{
  KD_SHORTCUT_SECTION_GENERAL,
  KD_SHORTCUT_SECTION_ERROR_CODES,
  KD_SHORTCUT_SECTION_ANALYZE,
  KD_SHORTCUT_SECTION_HEALTH,
} KdShortcutSection;

typedef struct
{
  KdShortcutSection section;
  const char *title;        /* untranslated, context "shortcut window" */
  const char *action;       /* the detailed action it triggers, or NULL for a key a widget handles */
  const char *accels[3];    /* the first is the one shown */
} KdShortcut;

const KdShortcut *kd_shortcuts_get (guint *n_shortcuts);

G_END_DECLS
