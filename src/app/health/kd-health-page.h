/* kd-health-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-health-import.h"
#include "kd-page.h"

G_BEGIN_DECLS

#define KD_TYPE_HEALTH_PAGE (kd_health_page_get_type ())

G_DECLARE_FINAL_TYPE (KdHealthPage, kd_health_page, KD, HEALTH_PAGE, KdPage)

KdHealth       *kd_health_page_get_health      (KdHealthPage  *self);
KdHealthImport *kd_health_page_get_import      (KdHealthPage  *self);
void            kd_health_page_add_files       (KdHealthPage  *self,
                                                GFile        **files,
                                                guint          n_files);
void            kd_health_page_remove_input    (KdHealthPage  *self,
                                                const char    *path);
GListModel     *kd_health_page_get_shown_clients (KdHealthPage *self);
void            kd_health_page_set_client_search (KdHealthPage *self,
                                                  const char   *text);
void            kd_health_page_set_client_filter (KdHealthPage        *self,
                                                  KdHealthClientFilter filter);
guint           kd_health_page_get_pending     (KdHealthPage  *self);
void            kd_health_page_export_csv_async  (KdHealthPage        *self,
                                                  GFile               *file,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        kd_health_page_export_csv_finish (KdHealthPage        *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
KdProbe        *kd_health_page_get_probe       (KdHealthPage  *self);
void            kd_health_page_show_result     (KdHealthPage  *self);

G_END_DECLS
