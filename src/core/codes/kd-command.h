/* kd-command.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KD_TYPE_COMMAND (kd_command_get_type ())

G_DECLARE_FINAL_TYPE (KdCommand, kd_command, KD, COMMAND, GObject)

KdCommand  *kd_command_new             (const char *command,
                                        const char *description);
const char *kd_command_get_command     (KdCommand  *self);
const char *kd_command_get_description (KdCommand  *self);

G_END_DECLS
