/* kd-search-index.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KdSearchIndex KdSearchIndex;

typedef struct
{
  guint document;
  double score;
} KdSearchHit;

/* How much a word counts depending on where it was found. */
typedef enum
{
  KD_SEARCH_WEIGHT_STEPS   = 2,
  KD_SEARCH_WEIGHT_CAUSE   = 3,
  KD_SEARCH_WEIGHT_ALIAS   = 4,
  KD_SEARCH_WEIGHT_MESSAGE = 6,
  KD_SEARCH_WEIGHT_TITLE   = 8,
  KD_SEARCH_WEIGHT_SYMBOL  = 8,
} KdSearchWeight;

KdSearchIndex *kd_search_index_new          (void);
void           kd_search_index_free         (KdSearchIndex *self);
guint          kd_search_index_add_document (KdSearchIndex *self,
                                             guint32        code,
                                             double         boost);
void           kd_search_index_add_text     (KdSearchIndex *self,
                                             guint          document,
                                             const char    *text,
                                             KdSearchWeight weight);
void           kd_search_index_finish       (KdSearchIndex *self);
GArray        *kd_search_index_query        (KdSearchIndex *self,
                                             const char    *query);

char          *kd_search_fold               (const char    *text);
gboolean       kd_search_within_one_edit    (const char    *a,
                                             gsize          la,
                                             const char    *b,
                                             gsize          lb);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KdSearchIndex, kd_search_index_free)

G_END_DECLS
