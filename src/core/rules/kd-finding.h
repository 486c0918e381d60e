/* kd-finding.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-enums.h"

G_BEGIN_DECLS

#define KD_TYPE_FINDING (kd_finding_get_type ())

G_DECLARE_FINAL_TYPE (KdFinding, kd_finding, KD, FINDING, GObject)

KdFinding          *kd_finding_new              (const char        *rule,
                                                 KdFindingSeverity  severity,
                                                 int                product,
                                                 const char        *title,
                                                 const char        *explanation,
                                                 const char        *remedy);
const char         *kd_finding_get_rule         (KdFinding         *self);
KdFindingSeverity   kd_finding_get_severity     (KdFinding         *self);
int                 kd_finding_get_product      (KdFinding         *self);
const char         *kd_finding_get_title        (KdFinding         *self);
const char         *kd_finding_get_explanation  (KdFinding         *self);
const char         *kd_finding_get_remedy       (KdFinding         *self);
GListModel         *kd_finding_get_commands     (KdFinding         *self);
const char * const *kd_finding_get_related      (KdFinding         *self);
const char * const *kd_finding_get_fields       (KdFinding         *self);
void                kd_finding_add_command      (KdFinding         *self,
                                                 const char        *command,
                                                 const char        *description);
void                kd_finding_add_related      (KdFinding         *self,
                                                 const char        *code);
void                kd_finding_add_field        (KdFinding         *self,
                                                 const char        *key);
void                kd_finding_to_json          (KdFinding         *self,
                                                 JsonBuilder       *builder);
void                kd_finding_list_to_json     (GListModel        *findings,
                                                 const char        *member,
                                                 JsonBuilder       *builder);
void                kd_finding_add_code         (KdFinding         *finding,
                                                 const char        *code,
                                                 gboolean           with_commands);
char               *kd_finding_dup_code_title   (const char        *code);

G_END_DECLS
