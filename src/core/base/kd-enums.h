/* kd-enums.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

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
 * KdFieldGroup:
 *
 * The headings the fields of a capture product are shown under.
 */
typedef enum /*< prefix=KD_FIELD_GROUP >*/
{
  KD_FIELD_GROUP_PRODUCT    = 0,
  KD_FIELD_GROUP_LICENSE    = 1,
  KD_FIELD_GROUP_KMS_CLIENT = 2,
  KD_FIELD_GROUP_KMS_HOST   = 3,
  KD_FIELD_GROUP_REQUESTS   = 4,
} KdFieldGroup;

/**
 * KdLicenseRole:
 *
 * How a product is licensed, as far as a capture shows it.  The nicks
 * (`kms-client`, `adba`…) are the `role` of `parse --json`.
 */
typedef enum /*< prefix=KD_LICENSE_ROLE >*/
{
  KD_LICENSE_ROLE_UNKNOWN      = 0,
  KD_LICENSE_ROLE_KMS_CLIENT   = 1,
  KD_LICENSE_ROLE_KMS_HOST     = 2,
  KD_LICENSE_ROLE_MAK          = 3,
  KD_LICENSE_ROLE_RETAIL       = 4,
  KD_LICENSE_ROLE_OEM          = 5,
  KD_LICENSE_ROLE_ADBA         = 6,
  KD_LICENSE_ROLE_AVMA         = 7,
  KD_LICENSE_ROLE_TOKEN        = 8,
  KD_LICENSE_ROLE_EVALUATION   = 9,
  KD_LICENSE_ROLE_SUBSCRIPTION = 10,
} KdLicenseRole;

/**
 * KdCaptureKind:
 *
 * Which command printed a capture.  The nicks (`slmgr-dlv`…) are the
 * `kind` of `parse --json`.
 */
typedef enum /*< prefix=KD_CAPTURE_KIND >*/
{
  KD_CAPTURE_KIND_UNKNOWN      = 0,
  KD_CAPTURE_KIND_SLMGR_DLV    = 1,
  KD_CAPTURE_KIND_SLMGR_DLI    = 2,
  KD_CAPTURE_KIND_SLMGR_XPR    = 3,
  KD_CAPTURE_KIND_SLMGR_ATO    = 4,
  KD_CAPTURE_KIND_OSPP_DSTATUS = 5,
  KD_CAPTURE_KIND_OSPP_ACT     = 6,
} KdCaptureKind;

/**
 * KdLookupKind:
 * @KD_LOOKUP_EMPTY: nothing to look up
 * @KD_LOOKUP_CODE: a whole code, in any spelling
 * @KD_LOOKUP_NOT_A_CODE: text meant as a code that is not one (too long,
 *   not hexadecimal…)
 * @KD_LOOKUP_WORDS: words, a symbol or part of a code: a search
 *
 * What a query typed or pasted into a lookup means.
 */
typedef enum /*< prefix=KD_LOOKUP >*/
{
  KD_LOOKUP_EMPTY      = 0,
  KD_LOOKUP_CODE       = 1,
  KD_LOOKUP_NOT_A_CODE = 2,
  KD_LOOKUP_WORDS      = 3,
} KdLookupKind;

/**
 * KdInputKind:
 * @KD_INPUT_NOTHING: no text at all
 * @KD_INPUT_CAPTURE: what slmgr.vbs or ospp.vbs printed
 * @KD_INPUT_CODE: an error code, alone or in a message around it
 * @KD_INPUT_SEARCH: a few words without a code: something to search for
 * @KD_INPUT_UNKNOWN: longer text that is none of these
 *
 * What a paste or a file holds, as far as KMS Doctor can tell from it.
 */
typedef enum /*< prefix=KD_INPUT >*/
{
  KD_INPUT_NOTHING = 0,
  KD_INPUT_CAPTURE = 1,
  KD_INPUT_CODE    = 2,
  KD_INPUT_SEARCH  = 3,
  KD_INPUT_UNKNOWN = 4,
} KdInputKind;

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

/**
 * KdEventFormat:
 *
 * How an event log reached KMS Doctor.  The nicks are the `format` of
 * `events --json` (docs/events-json.md).
 */
typedef enum /*< prefix=KD_EVENT_FORMAT >*/
{
  KD_EVENT_FORMAT_UNKNOWN           = 0,
  KD_EVENT_FORMAT_EVTX              = 1,
  KD_EVENT_FORMAT_XML               = 2,
  KD_EVENT_FORMAT_EVENT_VIEWER_TEXT = 3,
  KD_EVENT_FORMAT_WEVTUTIL_TEXT     = 4,
  KD_EVENT_FORMAT_FORMAT_LIST       = 5,
  KD_EVENT_FORMAT_CSV               = 6,
  KD_EVENT_FORMAT_JSON              = 7,
  KD_EVENT_FORMAT_MESSAGE_TEXT      = 8,
} KdEventFormat;

/**
 * KdEventLevel:
 *
 * An event's level, as Windows numbers them (0, LogAlways, is shown as
 * information, as Event Viewer does).
 */
typedef enum /*< prefix=KD_EVENT_LEVEL >*/
{
  KD_EVENT_LEVEL_UNKNOWN     = 0,
  KD_EVENT_LEVEL_CRITICAL    = 1,
  KD_EVENT_LEVEL_ERROR       = 2,
  KD_EVENT_LEVEL_WARNING     = 3,
  KD_EVENT_LEVEL_INFORMATION = 4,
  KD_EVENT_LEVEL_VERBOSE     = 5,
} KdEventLevel;

/**
 * KdClientLicenseState:
 *
 * The licence state a KMS client reports in events 12288 and 12290, with
 * the numbers it reports them by.
 */
typedef enum /*< prefix=KD_CLIENT_LICENSE >*/
{
  KD_CLIENT_LICENSE_UNLICENSED        = 0,
  KD_CLIENT_LICENSE_LICENSED          = 1,
  KD_CLIENT_LICENSE_INITIAL_GRACE     = 2,
  KD_CLIENT_LICENSE_ADDITIONAL_GRACE  = 3,
  KD_CLIENT_LICENSE_NON_GENUINE_GRACE = 4,
  KD_CLIENT_LICENSE_NOTIFICATION      = 5,
  KD_CLIENT_LICENSE_EXTENDED_GRACE    = 6,
  KD_CLIENT_LICENSE_UNKNOWN           = 7,
} KdClientLicenseState;

/**
 * KdKmsStatusFlags:
 *
 * The binding status bits of events 12288 and 12289 (field 2).  The nicks
 * are the `status` of `events --json`.
 */
typedef enum /*< flags,prefix=KD_KMS_STATUS >*/
{
  KD_KMS_STATUS_NONE                           = 0,
  KD_KMS_STATUS_OTHER_PC                       = 0x00000008,
  KD_KMS_STATUS_NO_BINDING_SERVER_REGISTRATION = 0x01000000,
  KD_KMS_STATUS_INVALID_REGISTRATION_DATA_TYPE = 0x02000000,
  KD_KMS_STATUS_NOT_ENOUGH_COUNT               = 0x04000000,
  KD_KMS_STATUS_NOT_WINDOWS_SLP                = 0x08000000,
} KdKmsStatusFlags;

/**
 * KdHealthInputKind:
 *
 * What an input of the KMS Health page turned out to be.  The nicks are
 * the `kind` of `health --json`'s inputs.
 */
typedef enum /*< prefix=KD_HEALTH_INPUT >*/
{
  KD_HEALTH_INPUT_CAPTURE    = 0,
  KD_HEALTH_INPUT_EVENTS     = 1,
  KD_HEALTH_INPUT_UNREADABLE = 2,
  KD_HEALTH_INPUT_OTHER      = 3,
} KdHealthInputKind;

/**
 * KdHealthChartKind:
 * @KD_HEALTH_CHART_COUNT: the count over the last 30 days and the next 30
 *   if nobody renews, against the thresholds
 * @KD_HEALTH_CHART_REQUESTS: the host's requests per day, by result
 * @KD_HEALTH_CHART_EXPIRIES: the activations that expire, per week
 *
 * The charts of a health snapshot.
 */
typedef enum /*< prefix=KD_HEALTH_CHART >*/
{
  KD_HEALTH_CHART_COUNT    = 0,
  KD_HEALTH_CHART_REQUESTS = 1,
  KD_HEALTH_CHART_EXPIRIES = 2,
} KdHealthChartKind;

/**
 * KdReportFormat:
 * @KD_REPORT_FORMAT_TEXT: plain text
 * @KD_REPORT_FORMAT_MARKDOWN: Markdown
 * @KD_REPORT_FORMAT_JSON: JSON (docs/report-json.md)
 * @KD_REPORT_FORMAT_CSV: the client table as CSV
 * @KD_REPORT_FORMAT_PDF: pages laid out with Pango, drawn with cairo (see
 *   kd_report_write_pdf(); not a kd_report_render() format)
 * @KD_REPORT_FORMAT_HTML: one self-contained HTML file, without script
 *
 * What a report is written as.  The nicks are what `report --format`
 * takes.
 */
typedef enum /*< prefix=KD_REPORT_FORMAT >*/
{
  KD_REPORT_FORMAT_TEXT     = 0, /*< nick=txt >*/
  KD_REPORT_FORMAT_MARKDOWN = 1, /*< nick=md >*/
  KD_REPORT_FORMAT_JSON     = 2, /*< nick=json >*/
  KD_REPORT_FORMAT_CSV      = 3, /*< nick=csv >*/
  KD_REPORT_FORMAT_PDF      = 4, /*< nick=pdf >*/
  KD_REPORT_FORMAT_HTML     = 5, /*< nick=html >*/
} KdReportFormat;

/**
 * KdReportPaper:
 * @KD_REPORT_PAPER_A4: ISO A4, 210 × 297 mm
 * @KD_REPORT_PAPER_LETTER: US Letter, 8.5 × 11 in
 *
 * The paper a report's pages are laid out for.
 */
typedef enum /*< prefix=KD_REPORT_PAPER >*/
{
  KD_REPORT_PAPER_A4     = 0,
  KD_REPORT_PAPER_LETTER = 1,
} KdReportPaper;

/**
 * KdDiffChange:
 * @KD_DIFF_CHANGED: in both captures, with other values
 * @KD_DIFF_ONLY_A: in the first capture only
 * @KD_DIFF_ONLY_B: in the second capture only
 * @KD_DIFF_SAME: the same in both (a product: in both)
 * @KD_DIFF_IGNORED: different, but a field that changes by itself between
 *   two captures of one machine (the trusted time, the minutes left)
 *
 * How a field, or a product, of two captures compares.
 */
typedef enum /*< prefix=KD_DIFF >*/
{
  KD_DIFF_CHANGED = 0,
  KD_DIFF_ONLY_A  = 1,
  KD_DIFF_ONLY_B  = 2,
  KD_DIFF_SAME    = 3,
  KD_DIFF_IGNORED = 4,
} KdDiffChange;

/**
 * KdRedactKind:
 * @KD_REDACT_CMID: a client machine ID, or another GUID that is not a
 *   public product's
 * @KD_REDACT_HOST: a machine's name, short or fully qualified
 * @KD_REDACT_DOMAIN: a DNS domain
 * @KD_REDACT_IP_ADDRESS: an IPv4 or IPv6 address
 * @KD_REDACT_INSTALLATION_ID: an installation ID
 * @KD_REDACT_EXTENDED_PID: the serial part of an extended PID
 * @KD_REDACT_PRODUCT_KEY: a product key, or its last five characters,
 *   that is not a public setup key (GVLK)
 * @KD_REDACT_USER: a user name (`DOMAIN\user`)
 * @KD_REDACT_EMAIL: an e-mail address
 *
 * What a masked value was.  The nicks name the rules in a report's
 * provenance (docs/report-json.md).
 */
typedef enum /*< prefix=KD_REDACT >*/
{
  KD_REDACT_CMID            = 0,
  KD_REDACT_HOST            = 1,
  KD_REDACT_DOMAIN          = 2,
  KD_REDACT_IP_ADDRESS      = 3,
  KD_REDACT_INSTALLATION_ID = 4,
  KD_REDACT_EXTENDED_PID    = 5,
  KD_REDACT_PRODUCT_KEY     = 6,
  KD_REDACT_USER            = 7,
  KD_REDACT_EMAIL           = 8,
} KdRedactKind;

#define KD_REDACT_N_KINDS (KD_REDACT_EMAIL + 1)

/**
 * KdReportBlockKind:
 * @KD_REPORT_BLOCK_PARAGRAPH: text
 * @KD_REPORT_BLOCK_FIELDS: labels and values
 * @KD_REPORT_BLOCK_TABLE: columns and rows
 * @KD_REPORT_BLOCK_LIST: items
 * @KD_REPORT_BLOCK_CODE: text as it is: commands, a raw input
 * @KD_REPORT_BLOCK_FINDING: a finding: severity, title, explanation,
 *   remedy and commands
 *
 * The blocks a report's sections are made of.  The nicks are the `kind`
 * of `report --format json`.
 */
typedef enum /*< prefix=KD_REPORT_BLOCK >*/
{
  KD_REPORT_BLOCK_PARAGRAPH = 0,
  KD_REPORT_BLOCK_FIELDS    = 1,
  KD_REPORT_BLOCK_TABLE     = 2,
  KD_REPORT_BLOCK_LIST      = 3,
  KD_REPORT_BLOCK_CODE      = 4,
  KD_REPORT_BLOCK_FINDING   = 5,
} KdReportBlockKind;

/**
 * KdHealthClientFilter:
 * @KD_HEALTH_CLIENT_ALL: every client
 * @KD_HEALTH_CLIENT_CLONES: clients whose machine ID was reported under
 *   more than one name
 * @KD_HEALTH_CLIENT_FAILING: clients whose last request failed
 * @KD_HEALTH_CLIENT_EXPIRING: clients whose activation expires within 30
 *   days of the snapshot, or has expired
 * @KD_HEALTH_CLIENT_SILENT: clients not heard of for more than 7 days, a
 *   renewal missed
 *
 * The kinds of client a health snapshot's table can show.
 */
typedef enum /*< prefix=KD_HEALTH_CLIENT >*/
{
  KD_HEALTH_CLIENT_ALL      = 0,
  KD_HEALTH_CLIENT_CLONES   = 1,
  KD_HEALTH_CLIENT_FAILING  = 2,
  KD_HEALTH_CLIENT_EXPIRING = 3,
  KD_HEALTH_CLIENT_SILENT   = 4,
} KdHealthClientFilter;

/**
 * KdHealthSources:
 *
 * What told KMS Doctor of a client: its own capture, or an event.  The
 * nicks are the `sources` of `health --json`.
 */
typedef enum /*< flags,prefix=KD_HEALTH_SOURCE >*/
{
  KD_HEALTH_SOURCE_NONE    = 0,
  KD_HEALTH_SOURCE_CAPTURE = 1 << 0,
  KD_HEALTH_SOURCE_12288   = 1 << 1, /*< nick=12288 >*/
  KD_HEALTH_SOURCE_12289   = 1 << 2, /*< nick=12289 >*/
  KD_HEALTH_SOURCE_12290   = 1 << 3, /*< nick=12290 >*/
} KdHealthSources;

/**
 * KdEventReadFlags:
 * @KD_EVENT_READ_NONE: the export is read in the caller's thread
 * @KD_EVENT_READ_THREADS: an export big enough is read on every processor,
 *   in threads of the reader's own; for a caller that reads one export at
 *   a time, not for a pool that reads many at once
 *
 * How kd_event_log_read_file() reads.
 */
typedef enum /*< flags,prefix=KD_EVENT_READ >*/
{
  KD_EVENT_READ_NONE    = 0,
  KD_EVENT_READ_THREADS = 1 << 0,
} KdEventReadFlags;

const char  *kd_enum_get_nick           (GType             type,
                                         int               value);
int          kd_enum_from_nick          (GType             type,
                                         const char       *nick,
                                         int               fallback);

const char  *kd_finding_severity_get_id    (KdFindingSeverity severity);
const char  *kd_client_license_state_get_label (KdClientLicenseState state);
const char  *kd_finding_severity_get_label (KdFindingSeverity severity);
const char  *kd_verdict_get_id             (KdVerdict         verdict);
const char  *kd_verdict_get_label          (KdVerdict         verdict);
const char  *kd_license_role_get_id        (KdLicenseRole     role);
const char  *kd_license_role_get_label     (KdLicenseRole     role);
KdLicenseRole kd_license_role_from_id      (const char       *id);
const char  *kd_capture_kind_get_id        (KdCaptureKind     kind);
KdCaptureKind kd_capture_kind_from_id      (const char       *id);

const char  *kd_event_format_get_id        (KdEventFormat     format);
const char  *kd_event_level_get_id         (KdEventLevel      level);
const char  *kd_client_license_state_get_id (KdClientLicenseState state);

KdAppliesTo  kd_applies_to_from_id   (const char  *id);
const char  *kd_applies_to_get_id    (KdAppliesTo  flag);
const char  *kd_applies_to_get_label (KdAppliesTo  flag);

const char  *kd_redact_kind_get_label (KdRedactKind kind);
char        *kd_redact_kind_dup_count (KdRedactKind kind,
                                       guint        n);

G_END_DECLS
