/* kd-health-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kd-health.h"

G_BEGIN_DECLS

#define KD_TYPE_HEALTH_IMPORT (kd_health_import_get_type ())

G_DECLARE_FINAL_TYPE (KdHealthImport, kd_health_import, KD, HEALTH_IMPORT, GObject)

KdHealthImport *kd_health_import_new          (KdHealth             *health);
KdHealth       *kd_health_import_get_health   (KdHealthImport       *self);
double          kd_health_import_get_fraction (KdHealthImport       *self);
char           *kd_health_import_dup_message  (KdHealthImport       *self);
guint           kd_health_import_get_n_files  (KdHealthImport       *self);
guint           kd_health_import_get_n_done   (KdHealthImport       *self);
guint           kd_health_import_get_n_failed (KdHealthImport       *self);
void            kd_health_import_set_max_threads (KdHealthImport *self,
                                                  guint           max_threads);
void            kd_health_import_run_async    (KdHealthImport       *self,
                                               GFile               **files,
                                               const char * const   *paths,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean        kd_health_import_run_finish   (KdHealthImport       *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean        kd_health_import_run          (KdHealthImport       *self,
                                               GFile               **files,
                                               const char * const   *paths,
                                               GCancellable         *cancellable,
                                               GError              **error);

G_END_DECLS
