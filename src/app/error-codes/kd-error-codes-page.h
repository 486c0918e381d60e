/* kd-error-codes-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kd-error-code.h"
#include "kd-page.h"

G_BEGIN_DECLS

#define KD_TYPE_ERROR_CODES_PAGE (kd_error_codes_page_get_type ())

G_DECLARE_FINAL_TYPE (KdErrorCodesPage, kd_error_codes_page, KD, ERROR_CODES_PAGE, KdPage)

KdErrorCode    *kd_error_codes_page_get_entry        (KdErrorCodesPage *self);
GtkSearchEntry *kd_error_codes_page_get_search_entry (KdErrorCodesPage *self);
GListModel     *kd_error_codes_page_get_results      (KdErrorCodesPage *self);
gboolean        kd_error_codes_page_get_catalog_ready (KdErrorCodesPage *self);
void            kd_error_codes_page_search           (KdErrorCodesPage *self,
                                                      const char       *text);
void            kd_error_codes_page_open_code        (KdErrorCodesPage *self,
                                                      guint32           value);
void            kd_error_codes_page_focus_search     (KdErrorCodesPage *self);

G_END_DECLS
