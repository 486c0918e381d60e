/* kd-labels.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What slmgr and ospp print, in every display language we have a table
 * for: data/slmgr-labels.json.  Read-only once loaded, so it is shared
 * between threads. */
typedef struct _KdLabels KdLabels;

typedef struct
{
  const char *key;        /* canonical field key, e.g. "license_status" */
  const char *scope;      /* "document", "product", ... as in the data */
  const char * const *languages;  /* tags whose table has this label */
} KdLabelField;

KdLabels           *kd_labels_get_default       (void);
KdLabels           *kd_labels_new_from_data     (const char    *json,
                                                 gsize          length,
                                                 GError       **error);
void                kd_labels_free              (KdLabels      *self);

const KdLabelField *kd_labels_lookup_field      (KdLabels      *self,
                                                 const char    *label);
const KdLabelField *kd_labels_lookup_field_range (KdLabels     *self,
                                                  const char   *label,
                                                  gsize         length);
const char         *kd_labels_match_line        (KdLabels      *self,
                                                 const char    *line,
                                                 const char   **out_language,
                                                 GHashTable   **out_captures);
const char         *kd_labels_lookup_value      (KdLabels      *self,
                                                 const char    *table,
                                                 const char    *text);
const char         *kd_labels_language_for_lcid (KdLabels      *self,
                                                 guint          lcid);
const char         *kd_labels_codepage_for_lcid (KdLabels      *self,
                                                 guint          lcid);
gboolean            kd_labels_language_has_table (KdLabels     *self,
                                                  const char   *tag);

char               *kd_labels_fold              (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KdLabels, kd_labels_free)

G_END_DECLS
