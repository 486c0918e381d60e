/* kd-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kd-redaction-dialog.h"

#include "kd-analyze-page.h"
#include "kd-error-codes-page.h"
#include "kd-health-page.h"

G_BEGIN_DECLS

#define KD_TYPE_WINDOW (kd_window_get_type ())

G_DECLARE_FINAL_TYPE (KdWindow, kd_window, KD, WINDOW, AdwApplicationWindow)

KdWindow         *kd_window_new                 (AdwApplication *application);
KdCase           *kd_window_get_case            (KdWindow       *self);
gboolean          kd_window_get_narrow          (KdWindow       *self);
void              kd_window_set_narrow          (KdWindow       *self,
                                                 gboolean        narrow);
void              kd_window_restore_session     (KdWindow       *self);
KdErrorCodesPage *kd_window_get_error_codes_page (KdWindow      *self);
KdAnalyzePage    *kd_window_get_analyze_page    (KdWindow      *self);
KdHealthPage     *kd_window_get_health_page     (KdWindow      *self);
void              kd_window_open_code           (KdWindow       *self,
                                                 guint32         value);
void              kd_window_search              (KdWindow       *self,
                                                 const char     *text);
void              kd_window_toast               (KdWindow       *self,
                                                 const char     *message);
void              kd_window_paste_text          (KdWindow       *self,
                                                 const char     *text);
void              kd_window_open_files          (KdWindow       *self,
                                                 GFile         **files,
                                                 guint           n_files);
void              kd_window_open_case           (KdWindow       *self,
                                                 GFile          *file);
void              kd_window_save_case_as        (KdWindow       *self,
                                                 GFile          *file);
void              kd_window_export_report_async (KdWindow            *self,
                                                 GFile               *file,
                                                 gboolean             redact,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
KdRedactionDialog *kd_window_redact_report     (KdWindow            *self,
                                                GFile               *file);
void              kd_window_compare_file      (KdWindow            *self,
                                                GFile               *file);
void              kd_window_compare           (KdWindow            *self);
void              kd_window_print_async      (KdWindow                *self,
                                              GtkPrintOperationAction  action,
                                              const char              *export_file,
                                              GAsyncReadyCallback      callback,
                                              gpointer                 user_data);
GtkPrintOperationResult kd_window_print_finish (KdWindow             *self,
                                              GAsyncResult            *result,
                                              GError                 **error);
gboolean          kd_window_export_report_finish (KdWindow      *self,
                                                  GAsyncResult  *result,
                                                  GError       **error);

G_END_DECLS
