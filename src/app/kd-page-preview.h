/* kd-page-preview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KD_TYPE_PAGE_PREVIEW (kd_page_preview_get_type ())

G_DECLARE_FINAL_TYPE (KdPagePreview, kd_page_preview, KD, PAGE_PREVIEW, AdwDialog)

KdPagePreview *kd_page_preview_new      (GPtrArray     *pages,
                                         double         width,
                                         double         height);
guint          kd_page_preview_get_page (KdPagePreview *self);
void           kd_page_preview_set_page (KdPagePreview *self,
                                         guint          page);
guint          kd_page_preview_get_n_pages (KdPagePreview *self);

G_END_DECLS
