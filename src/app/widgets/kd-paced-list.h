/* kd-paced-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KD_TYPE_PACED_LIST (kd_paced_list_get_type ())

G_DECLARE_FINAL_TYPE (KdPacedList, kd_paced_list, KD, PACED_LIST, GObject)

KdPacedList *kd_paced_list_new         (GListModel  *model,
                                        GtkWidget   *widget);
GListModel  *kd_paced_list_get_model   (KdPacedList *self);
GtkWidget   *kd_paced_list_get_widget  (KdPacedList *self);
void         kd_paced_list_set_widget  (KdPacedList *self,
                                        GtkWidget   *widget);
gboolean     kd_paced_list_get_pending (KdPacedList *self);
void         kd_paced_list_catch_up    (KdPacedList *self);

G_END_DECLS
