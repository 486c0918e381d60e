/* kd-file-loader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KD_TYPE_FILE_LOADER (kd_file_loader_get_type ())

G_DECLARE_FINAL_TYPE (KdFileLoader, kd_file_loader, KD, FILE_LOADER, GObject)

KdFileLoader *kd_file_loader_new          (GFile               *file);
GFile        *kd_file_loader_get_file     (KdFileLoader        *self);
guint64       kd_file_loader_get_max_size (KdFileLoader        *self);
void          kd_file_loader_set_max_size (KdFileLoader        *self,
                                           guint64              max_size);
double        kd_file_loader_get_fraction (KdFileLoader        *self);
char         *kd_file_loader_dup_message  (KdFileLoader        *self);
GBytes       *kd_file_loader_get_bytes    (KdFileLoader        *self);
const char   *kd_file_loader_get_text     (KdFileLoader        *self);
const char   *kd_file_loader_get_encoding (KdFileLoader        *self);
void          kd_file_loader_load_async   (KdFileLoader        *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean      kd_file_loader_load_finish  (KdFileLoader        *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
