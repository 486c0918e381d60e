/* kd-search-provider.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KD_TYPE_SEARCH_PROVIDER (kd_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (KdSearchProvider, kd_search_provider, KD, SEARCH_PROVIDER, GObject)

KdSearchProvider *kd_search_provider_new      (GApplication     *application);
gboolean          kd_search_provider_export   (KdSearchProvider *self,
                                               GDBusConnection  *connection,
                                               const char       *object_path,
                                               GError          **error);
void              kd_search_provider_unexport (KdSearchProvider *self);

G_END_DECLS
