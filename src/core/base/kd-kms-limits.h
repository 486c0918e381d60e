/* kd-kms-limits.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The numbers a KMS deployment lives by, in one place for the rules, the
 * health snapshot and its forecast.  They are Microsoft's, gathered with
 * their sources in docs/facts/kms.md; a host or a client can change the
 * intervals (slmgr /sai, /sri), never the thresholds. */

/* A host activates Windows client editions once its count reaches this… */
#define KD_KMS_THRESHOLD_CLIENT        25
/* …and Windows Server and volume Office from this count. */
#define KD_KMS_THRESHOLD_SERVER        5

/* The count is made of the distinct machines (CMIDs) that asked within
 * this many days; the host keeps twice the largest threshold asked for:
 * 50 once a Windows client has asked, 10 while only servers and Office. */
#define KD_KMS_COUNT_WINDOW_DAYS       30
#define KD_KMS_COUNT_CAP_CLIENT        (2 * KD_KMS_THRESHOLD_CLIENT)
#define KD_KMS_COUNT_CAP_SERVER        (2 * KD_KMS_THRESHOLD_SERVER)

/* A KMS activation is valid this long… */
#define KD_KMS_VALIDITY_DAYS           180
#define KD_KMS_VALIDITY_MINUTES        (KD_KMS_VALIDITY_DAYS * 24 * 60)
/* …and a client renews it this often by default (slmgr /sri), */
#define KD_KMS_RENEWAL_MINUTES         (7 * 24 * 60)
/* while one not activated yet retries this often (slmgr /sai). */
#define KD_KMS_RETRY_MINUTES           120

/* The range slmgr /sai and /sri accept, in minutes. */
#define KD_KMS_INTERVAL_MIN_MINUTES    15
#define KD_KMS_INTERVAL_MAX_MINUTES    43200

/* The port a host listens on unless set otherwise (slmgr /sprt). */
#define KD_KMS_DEFAULT_PORT            1688

G_END_DECLS
