/* kd-lookup.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kd-enums.h"
#include "kd-error-catalog.h"

G_BEGIN_DECLS

#define KD_TYPE_LOOKUP (kd_lookup_get_type ())

G_DECLARE_FINAL_TYPE (KdLookup, kd_lookup, KD, LOOKUP, GObject)

KdLookup     *kd_lookup_new         (KdErrorCatalog *catalog,
                                     const char     *text);
const char   *kd_lookup_get_query   (KdLookup       *self);
KdLookupKind  kd_lookup_get_kind    (KdLookup       *self);
guint32       kd_lookup_get_value   (KdLookup       *self);
KdErrorCode  *kd_lookup_get_entry   (KdLookup       *self);
gboolean      kd_lookup_get_known   (KdLookup       *self);
const char   *kd_lookup_get_reason  (KdLookup       *self);
GPtrArray    *kd_lookup_get_results (KdLookup       *self,
                                     guint           max_results);

G_END_DECLS
