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

/* At most this many languages have labels: a language is a bit of a mask. */
#define KD_LABELS_MAX_LANGUAGES 64

/* Keys are interned (g_intern_string()): the parser compares them as
 * pointers, and products keep them without a copy. */
typedef struct
{
  const char *key;          /* canonical field key, e.g. "license_status" */
  gboolean    document;     /* a field of the capture, not of a product */
  guint64     languages;    /* bit n: the table of language n has this label */
} KdLabelField;

typedef struct
{
  const char *key;          /* the line's key, e.g. "kms_client_header" */
  guint       language;     /* the language of the table that has it */
} KdLabelLine;

/* What the %MARKERS% of a line template matched ("Activating
 * %PRODUCTNAME% (%PRODUCTID%) ..."): spans of the line, white space
 * trimmed.  @start is %NULL when the marker matched nothing. */
typedef enum
{
  KD_MARKER_PRODUCT_NAME,
  KD_MARKER_PRODUCT_ID,
  KD_MARKER_ERROR_CODE,
  KD_MARKER_TEXT,
  KD_MARKER_DATE,
  KD_MARKER_DESCRIPTION,
  KD_MARKER_ACTIVATION_ID,
  KD_MARKER_INSTALLATION_ID,
  KD_N_MARKERS
} KdLabelMarker;

typedef struct
{
  const char *start;
  gsize       length;
} KdLabelSpan;

typedef struct
{
  KdLabelSpan spans[KD_N_MARKERS];
} KdLabelCaptures;

KdLabels           *kd_labels_get_default       (void);
KdLabels           *kd_labels_new_from_data     (const char    *json,
                                                 gsize          length,
                                                 GError       **error);
void                kd_labels_free              (KdLabels      *self);

const KdLabelField *kd_labels_lookup_field      (KdLabels      *self,
                                                 const char    *label,
                                                 gssize         length);
const KdLabelField *kd_labels_lookup_field_near (KdLabels      *self,
                                                 const char    *label,
                                                 gsize          length,
                                                 guint         *out_distance);
const KdLabelLine  *kd_labels_match_line        (KdLabels      *self,
                                                 const char    *line,
                                                 gsize          length,
                                                 KdLabelCaptures *out_captures);
gboolean            kd_labels_starts_line       (KdLabels      *self,
                                                 const char    *key,
                                                 const char    *line,
                                                 gsize          length);
gssize              kd_labels_find_glued_error  (KdLabels      *self,
                                                 const char    *line,
                                                 gsize          length);
const char         *kd_labels_lookup_value      (KdLabels      *self,
                                                 const char    *table,
                                                 const char    *text);
const char         *kd_labels_language_tag      (KdLabels      *self,
                                                 guint          language);
guint               kd_labels_n_languages       (KdLabels      *self);
const char         *kd_labels_language_for_lcid (KdLabels      *self,
                                                 guint          lcid);
const char         *kd_labels_codepage_for_lcid (KdLabels      *self,
                                                 guint          lcid);
const char         *kd_labels_codepage_for_lcid_default (guint   lcid);
gboolean            kd_labels_language_has_table (KdLabels     *self,
                                                  const char   *tag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KdLabels, kd_labels_free)

G_END_DECLS
