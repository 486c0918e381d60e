/* kd-diff-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kd-capture-diff.h"

G_BEGIN_DECLS

#define KD_TYPE_DIFF_DIALOG (kd_diff_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KdDiffDialog, kd_diff_dialog, KD, DIFF_DIALOG, AdwDialog)

KdDiffDialog  *kd_diff_dialog_new      (KdCaptureDiff *diff,
                                        const char    *name_a,
                                        const char    *name_b);
KdCaptureDiff *kd_diff_dialog_get_diff (KdDiffDialog  *self);

G_END_DECLS
