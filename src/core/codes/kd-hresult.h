/* kd-hresult.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kd-enums.h"

G_BEGIN_DECLS

#define KD_HRESULT_ERROR (kd_hresult_error_quark ())

typedef enum
{
  KD_HRESULT_ERROR_EMPTY,
  KD_HRESULT_ERROR_INVALID,
  KD_HRESULT_ERROR_OUT_OF_RANGE,
} KdHresultError;

#define KD_FACILITY_ITF           4
#define KD_FACILITY_WIN32         7
#define KD_FACILITY_WINDOWS_STORE 63

GQuark       kd_hresult_error_quark         (void);

gboolean     kd_hresult_parse               (const char  *text,
                                             guint32     *out_value,
                                             GError     **error);
gboolean     kd_hresult_find_in_text        (const char  *text,
                                             gssize       length,
                                             guint32     *out_value);
char        *kd_hresult_format              (guint32      value);
gint32       kd_hresult_to_signed           (guint32      value);

KdSeverity   kd_hresult_get_severity        (guint32      value);
const char  *kd_hresult_severity_get_id     (KdSeverity   severity);
const char  *kd_hresult_severity_get_label  (KdSeverity   severity);
gboolean     kd_hresult_is_failure          (guint32      value);
gboolean     kd_hresult_is_customer         (guint32      value);
gboolean     kd_hresult_is_ntstatus         (guint32      value);
guint        kd_hresult_get_facility        (guint32      value);
guint        kd_hresult_get_code            (guint32      value);
const char  *kd_hresult_facility_get_name   (guint        facility);
const char  *kd_hresult_get_zone           (guint32      value);

gboolean     kd_hresult_get_win32           (guint32      value,
                                             guint       *out_win32);
gboolean     kd_win32_error_lookup          (guint        win32,
                                             const char **out_symbol,
                                             const char **out_message);

G_END_DECLS
