/* kd-client-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kd-health.h"

G_BEGIN_DECLS

#define KD_TYPE_CLIENT_TABLE (kd_client_table_get_type ())

G_DECLARE_FINAL_TYPE (KdClientTable, kd_client_table, KD, CLIENT_TABLE, GtkWidget)

KdHealth   *kd_client_table_get_health        (KdClientTable        *self);
void        kd_client_table_set_health        (KdClientTable        *self,
                                               KdHealth             *health);
GListModel *kd_client_table_get_shown         (KdClientTable        *self);
guint       kd_client_table_get_pending       (KdClientTable        *self);
void        kd_client_table_set_search        (KdClientTable        *self,
                                               const char           *text);
void        kd_client_table_set_filter        (KdClientTable        *self,
                                               KdHealthClientFilter  filter);
void        kd_client_table_export_csv_async  (KdClientTable        *self,
                                               GFile                *file,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean    kd_client_table_export_csv_finish (KdClientTable        *self,
                                               GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
