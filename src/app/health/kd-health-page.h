/* kd-health-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-client-table.h"
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
KdClientTable  *kd_health_page_get_client_table (KdHealthPage *self);
KdProbe        *kd_health_page_get_probe       (KdHealthPage  *self);
void            kd_health_page_show_result     (KdHealthPage  *self);

G_END_DECLS
