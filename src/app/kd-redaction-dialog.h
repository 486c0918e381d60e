/* kd-redaction-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KD_TYPE_REDACTION_DIALOG (kd_redaction_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KdRedactionDialog, kd_redaction_dialog, KD, REDACTION_DIALOG, AdwDialog)

KdRedactionDialog *kd_redaction_dialog_new          (void);
void               kd_redaction_dialog_set_preview  (KdRedactionDialog *self,
                                                     const char        *text,
                                                     GArray            *spans,
                                                     GListModel        *redactions);
GListModel        *kd_redaction_dialog_get_redactions (KdRedactionDialog *self);
const char        *kd_redaction_dialog_get_text     (KdRedactionDialog *self);
gboolean           kd_redaction_dialog_get_busy     (KdRedactionDialog *self);
void               kd_redaction_dialog_set_busy     (KdRedactionDialog *self,
                                                     gboolean           busy);

G_END_DECLS
