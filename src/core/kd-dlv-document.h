/* kd-dlv-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-dlv-product.h"

G_BEGIN_DECLS

#define KD_TYPE_DLV_DOCUMENT (kd_dlv_document_get_type ())

G_DECLARE_FINAL_TYPE (KdDlvDocument, kd_dlv_document, KD, DLV_DOCUMENT, GObject)

const char         *kd_dlv_document_get_kind            (KdDlvDocument *self);
const char         *kd_dlv_document_get_language        (KdDlvDocument *self);
const char         *kd_dlv_document_get_encoding        (KdDlvDocument *self);
const char         *kd_dlv_document_get_banner          (KdDlvDocument *self);
const char         *kd_dlv_document_get_service_version (KdDlvDocument *self);
GListModel         *kd_dlv_document_get_products        (KdDlvDocument *self);
const char * const *kd_dlv_document_get_unknown_lines   (KdDlvDocument *self);
const char * const *kd_dlv_document_get_notes           (KdDlvDocument *self);
guint               kd_dlv_document_get_n_by_shape      (KdDlvDocument *self);
gboolean            kd_dlv_document_get_language_known  (KdDlvDocument *self);
void                kd_dlv_document_to_json             (KdDlvDocument *self,
                                                         JsonBuilder   *builder);
char               *kd_dlv_document_to_json_string      (KdDlvDocument *self);

/* For KdDlvParser */
KdDlvDocument      *kd_dlv_document_new                 (void);
void                kd_dlv_document_set_kind            (KdDlvDocument *self,
                                                         const char    *kind);
void                kd_dlv_document_set_language        (KdDlvDocument *self,
                                                         const char    *language,
                                                         gboolean       known);
void                kd_dlv_document_set_encoding        (KdDlvDocument *self,
                                                         const char    *encoding);
void                kd_dlv_document_set_banner          (KdDlvDocument *self,
                                                         const char    *banner);
void                kd_dlv_document_set_service_version (KdDlvDocument *self,
                                                         const char    *version);
void                kd_dlv_document_set_products        (KdDlvDocument *self,
                                                         GPtrArray     *products);
void                kd_dlv_document_add_unknown_line    (KdDlvDocument *self,
                                                         const char    *line);
void                kd_dlv_document_add_note            (KdDlvDocument *self,
                                                         const char    *note);
void                kd_dlv_document_set_n_by_shape      (KdDlvDocument *self,
                                                         guint          n);
void                kd_dlv_document_append              (KdDlvDocument *self,
                                                         KdDlvDocument *rest);

G_END_DECLS
