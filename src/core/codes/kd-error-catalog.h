/* kd-error-catalog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kd-error-code.h"

G_BEGIN_DECLS

#define KD_TYPE_ERROR_CATALOG (kd_error_catalog_get_type ())

G_DECLARE_FINAL_TYPE (KdErrorCatalog, kd_error_catalog, KD, ERROR_CATALOG, GObject)

KdErrorCatalog *kd_error_catalog_get_default  (void);
void            kd_error_catalog_get_default_async  (GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
KdErrorCatalog *kd_error_catalog_get_default_finish (GAsyncResult        *result,
                                                     GError             **error);
KdErrorCatalog *kd_error_catalog_new          (void);
void            kd_error_catalog_load_async   (KdErrorCatalog      *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        kd_error_catalog_load_finish  (KdErrorCatalog      *self,
                                               GAsyncResult        *result,
                                               GError             **error);
gboolean        kd_error_catalog_load_layer   (KdErrorCatalog  *self,
                                               GBytes          *json,
                                               GError         **error);
KdErrorCode    *kd_error_catalog_lookup       (KdErrorCatalog  *self,
                                               guint32          value);
GPtrArray      *kd_error_catalog_search       (KdErrorCatalog  *self,
                                               const char      *query,
                                               guint            max_results);
GPtrArray      *kd_error_catalog_nearest      (KdErrorCatalog  *self,
                                               guint32          value,
                                               guint            n);
KdErrorCode    *kd_error_catalog_resolve      (KdErrorCatalog  *self,
                                               guint32          value);

G_END_DECLS
