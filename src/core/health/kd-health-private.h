/* kd-health-private.h — what an import shares with the snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-health.h"

G_BEGIN_DECLS

/* What one file held */
typedef struct
{
  char *path;
  KdHealthInputKind kind;
  KdEventLog *log;          /* KD_HEALTH_INPUT_EVENTS */
  GArray *products;         /* KD_HEALTH_INPUT_CAPTURE: what the health reads of them */
  guint n_items;
  char *problem;            /* the others' */
} KdHealthItem;

KdHealthItem *kd_health_item_read  (GFile        *file,
                                    const char   *path,
                                    GCancellable *cancellable);
void          kd_health_item_free  (KdHealthItem *item);
void          kd_health_add_item   (KdHealth     *self,
                                    KdHealthItem *item);
void          kd_health_update     (KdHealth     *self);
void          kd_health_list_files (GFile        *file,
                                    const char   *path,
                                    GPtrArray    *files,
                                    GPtrArray    *paths,
                                    GCancellable *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KdHealthItem, kd_health_item_free)

G_END_DECLS
