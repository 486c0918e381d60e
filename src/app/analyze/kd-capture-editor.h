/* kd-capture-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KD_TYPE_CAPTURE_EDITOR (kd_capture_editor_get_type ())

G_DECLARE_FINAL_TYPE (KdCaptureEditor, kd_capture_editor, KD, CAPTURE_EDITOR, GtkWidget)

void     kd_capture_editor_set_text      (KdCaptureEditor *self,
                                          const char      *text,
                                          gboolean         undoable);
GBytes  *kd_capture_editor_dup_bytes     (KdCaptureEditor *self);
gboolean kd_capture_editor_get_shown_cut (KdCaptureEditor *self);

G_END_DECLS
