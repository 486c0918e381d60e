/* kd-link-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KD_TYPE_LINK_ROW (kd_link_row_get_type ())

G_DECLARE_FINAL_TYPE (KdLinkRow, kd_link_row, KD, LINK_ROW, AdwActionRow)

GtkWidget  *kd_link_row_new       (const char *label,
                                   const char *uri);
const char *kd_link_row_get_label (KdLinkRow  *self);
void        kd_link_row_set_label (KdLinkRow  *self,
                                   const char *label);
const char *kd_link_row_get_uri   (KdLinkRow  *self);
void        kd_link_row_set_uri   (KdLinkRow  *self,
                                   const char *uri);

G_END_DECLS
