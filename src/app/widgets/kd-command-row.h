/* kd-command-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kd-command.h"

G_BEGIN_DECLS

#define KD_TYPE_COMMAND_ROW (kd_command_row_get_type ())

G_DECLARE_FINAL_TYPE (KdCommandRow, kd_command_row, KD, COMMAND_ROW, AdwActionRow)

GtkWidget *kd_command_row_new         (KdCommand    *command);
KdCommand *kd_command_row_get_command (KdCommandRow *self);
void       kd_command_row_set_command (KdCommandRow *self,
                                       KdCommand    *command);

G_END_DECLS
