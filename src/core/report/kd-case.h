/* kd-case.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kd-redactor.h"

#include "kd-case-capture.h"

G_BEGIN_DECLS

/* The newest case file this version writes and reads */
#define KD_CASE_FORMAT_VERSION 1

/* What the name of a case file ends with */
#define KD_CASE_SUFFIX ".kmsdoctor"
/* Its MIME type, registered by the desktop integration */
#define KD_CASE_MIME_TYPE "application/x-kmsdoctor"


#define KD_CASE_ERROR (kd_case_error_quark ())

/**
 * KdCaseError:
 * @KD_CASE_ERROR_DAMAGED: the file is not a case file, or a damaged one
 * @KD_CASE_ERROR_NEWER: the file was written by a newer version
 */
typedef enum
{
  KD_CASE_ERROR_DAMAGED,
  KD_CASE_ERROR_NEWER,
} KdCaseError;

#define KD_TYPE_CASE (kd_case_get_type ())

G_DECLARE_FINAL_TYPE (KdCase, kd_case, KD, CASE, GObject)

GQuark         kd_case_error_quark        (void);

KdCase        *kd_case_new                (void);
gboolean       kd_case_check_data         (const char           *contents,
                                           gsize                 length,
                                           GError              **error);

GFile         *kd_case_get_file           (KdCase               *self);
char          *kd_case_dup_title          (KdCase               *self);
gboolean       kd_case_get_unsaved        (KdCase               *self);

GListModel    *kd_case_get_captures       (KdCase               *self);
void           kd_case_set_capture        (KdCase               *self,
                                           guint                 position,
                                           KdCaseCapture        *capture);
void           kd_case_remove_capture     (KdCase               *self,
                                           guint                 position);

const char * const *kd_case_get_codes     (KdCase               *self);
void           kd_case_add_code           (KdCase               *self,
                                           const char           *code);

const char * const *kd_case_get_health_inputs (KdCase           *self);
void           kd_case_set_health_inputs  (KdCase               *self,
                                           const char * const   *paths);

const char    *kd_case_get_notes          (KdCase               *self);
void           kd_case_set_notes          (KdCase               *self,
                                           const char           *notes);
KdRedactor    *kd_case_dup_redactor       (KdCase               *self);
void           kd_case_set_redactor       (KdCase               *self,
                                           KdRedactor           *redactor);

GFile         *kd_case_get_autosave_file  (KdCase               *self);
void           kd_case_set_autosave_file  (KdCase               *self,
                                           GFile                *file);
gboolean       kd_case_get_saving         (KdCase               *self);
const GError  *kd_case_get_autosave_error (KdCase               *self);
void           kd_case_autosave_now       (KdCase               *self);
gboolean       kd_case_get_modified       (KdCase               *self);

void           kd_case_save_async         (KdCase               *self,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean       kd_case_save_finish        (KdCase               *self,
                                           GAsyncResult         *result,
                                           GError              **error);
void           kd_case_load_async         (KdCase               *self,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean       kd_case_load_finish        (KdCase               *self,
                                           GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
