/* kd-text-row.h — a row of plain text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *kd_text_row_new (const char *title,
                            const char *subtitle);

G_END_DECLS
