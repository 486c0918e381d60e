/* kd-finding-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kd-finding.h"

G_BEGIN_DECLS

#define KD_TYPE_FINDING_ROW (kd_finding_row_get_type ())

G_DECLARE_FINAL_TYPE (KdFindingRow, kd_finding_row, KD, FINDING_ROW, AdwExpanderRow)

GtkWidget *kd_finding_row_new         (KdFinding    *finding);
KdFinding *kd_finding_row_get_finding (KdFindingRow *self);

G_END_DECLS
