/* kd-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kd-case.h"

G_BEGIN_DECLS

#define KD_TYPE_PAGE (kd_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (KdPage, kd_page, KD, PAGE, GtkWidget)

struct _KdPageClass
{
  GtkWidgetClass parent_class;

  /*< public >*/
  gboolean (*go_back) (KdPage *self);

  /*< private >*/
  const char *help_page;
  gpointer padding[4];
};

void        kd_page_class_set_help_page (KdPageClass *klass,
                                         const char  *help_page);

gboolean    kd_page_get_narrow          (KdPage      *self);
void        kd_page_set_narrow          (KdPage      *self,
                                         gboolean     narrow);
KdCase     *kd_page_get_case            (KdPage      *self);
void        kd_page_set_case            (KdPage      *self,
                                         KdCase      *kase);
gboolean    kd_page_go_back             (KdPage      *self);
const char *kd_page_get_help_page       (KdPage      *self);
gboolean    kd_page_split_view_go_back  (AdwNavigationSplitView *split_view);

G_END_DECLS
