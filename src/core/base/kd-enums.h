/* kd-enums.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * KdAppliesTo:
 *
 * The kinds of activation an error code is seen with.
 */
typedef enum /*< flags,prefix=KD_APPLIES_TO >*/
{
  KD_APPLIES_TO_NONE       = 0,
  KD_APPLIES_TO_MAK        = 1 << 0,
  KD_APPLIES_TO_KMS_CLIENT = 1 << 1,
  KD_APPLIES_TO_KMS_HOST   = 1 << 2,
  KD_APPLIES_TO_ADBA       = 1 << 3,
  KD_APPLIES_TO_RETAIL     = 1 << 4,
  KD_APPLIES_TO_OEM        = 1 << 5,
  KD_APPLIES_TO_OFFICE     = 1 << 6,
  KD_APPLIES_TO_AVMA       = 1 << 7,
  KD_APPLIES_TO_TOKEN      = 1 << 8,
} KdAppliesTo;

#define KD_APPLIES_TO_LAST KD_APPLIES_TO_TOKEN

/**
 * KdSeverity:
 *
 * The two severity bits at the top of an HRESULT, in the message-compiler
 * layout that slerror.h uses.
 */
typedef enum /*< prefix=KD_SEVERITY >*/
{
  KD_SEVERITY_SUCCESS       = 0,
  KD_SEVERITY_INFORMATIONAL = 1,
  KD_SEVERITY_WARNING       = 2,
  KD_SEVERITY_ERROR         = 3,
} KdSeverity;

/**
 * KdFindingSeverity:
 *
 * How much a finding of the diagnosis matters.
 */
typedef enum /*< prefix=KD_FINDING >*/
{
  KD_FINDING_INFO    = 0,
  KD_FINDING_WARNING = 1,
  KD_FINDING_ERROR   = 2,
} KdFindingSeverity;

/**
 * KdVerdict:
 *
 * The overall state of a product or of a whole capture.
 */
typedef enum /*< prefix=KD_VERDICT >*/
{
  KD_VERDICT_OK      = 0,
  KD_VERDICT_WARNING = 1,
  KD_VERDICT_ERROR   = 2,
} KdVerdict;

/**
 * KdCaptureParseFlags:
 * @KD_CAPTURE_PARSE_NONE: read the capture in the caller's thread only
 * @KD_CAPTURE_PARSE_THREADS: a capture of several megabytes may be read in
 *   two halves at once, the second in a thread the parser starts; for a
 *   caller that parses one capture at a time, not for a worker pool
 *
 * How kd_capture_parse() may use the machine.
 */
typedef enum /*< flags,prefix=KD_CAPTURE_PARSE >*/
{
  KD_CAPTURE_PARSE_NONE    = 0,
  KD_CAPTURE_PARSE_THREADS = 1 << 0,
} KdCaptureParseFlags;

const char  *kd_finding_severity_get_id (KdFindingSeverity severity);
const char  *kd_verdict_get_id          (KdVerdict         verdict);

KdAppliesTo  kd_applies_to_from_id   (const char  *id);
const char  *kd_applies_to_get_id    (KdAppliesTo  flag);
const char  *kd_applies_to_get_label (KdAppliesTo  flag);

G_END_DECLS
