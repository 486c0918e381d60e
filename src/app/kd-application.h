/* kd-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KD_TYPE_APPLICATION (kd_application_get_type ())

G_DECLARE_FINAL_TYPE (KdApplication, kd_application, KD, APPLICATION, AdwApplication)

KdApplication *kd_application_new           (void);
GtkWindow     *kd_application_get_window    (KdApplication *self);
void           kd_application_open_code     (KdApplication *self,
                                             guint32        value);
void           kd_application_search        (KdApplication *self,
                                             const char    *text);

G_END_DECLS
