/* kd-text-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-text-row.h"

/**
 * kd_text_row_new:
 * @title: the row's title
 * @subtitle: (nullable): the text under it
 *
 * A row of text as it is, not markup: what it shows comes from captures,
 * logs and file names (commands carry <parts-to-fill-in>), and its
 * subtitle is never cut.
 *
 * Returns: (transfer floating): an #AdwActionRow
 */
GtkWidget *
kd_text_row_new (const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}
