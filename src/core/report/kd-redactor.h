/* kd-redactor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-enums.h"

G_BEGIN_DECLS

#define KD_TYPE_REDACTOR (kd_redactor_get_type ())

G_DECLARE_FINAL_TYPE (KdRedactor, kd_redactor, KD, REDACTOR, GObject)

KdRedactor *kd_redactor_new            (void);
KdRedactor *kd_redactor_new_from_json  (JsonNode     *node,
                                        GError      **error);
void        kd_redactor_to_json        (KdRedactor   *self,
                                        JsonBuilder  *builder);
void        kd_redactor_add            (KdRedactor   *self,
                                        KdRedactKind  kind,
                                        const char   *value);
gboolean    kd_redactor_add_field      (KdRedactor   *self,
                                        const char   *key,
                                        const char   *value);
void        kd_redactor_keep           (KdRedactor   *self,
                                        const char   *value);
char       *kd_redactor_apply          (KdRedactor   *self,
                                        const char   *text);
guint       kd_redactor_get_n_masked   (KdRedactor   *self,
                                        KdRedactKind  kind);
void        kd_redactor_reset_counts   (KdRedactor   *self);
const char *kd_redactor_lookup         (KdRedactor   *self,
                                        const char   *value);
GListModel *kd_redactor_dup_shown      (KdRedactor   *self);
void        kd_redactor_set_kept       (KdRedactor   *self,
                                        const char   *value,
                                        gboolean      kept);
GArray     *kd_redactor_find_masks     (KdRedactor   *self,
                                        const char   *text);

G_END_DECLS
