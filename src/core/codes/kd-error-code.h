/* kd-error-code.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "kd-enums.h"

G_BEGIN_DECLS

#define KD_TYPE_ERROR_CODE (kd_error_code_get_type ())

G_DECLARE_FINAL_TYPE (KdErrorCode, kd_error_code, KD, ERROR_CODE, GObject)

KdErrorCode  *kd_error_code_new_from_json      (JsonObject   *object,
                                                GError      **error);
KdErrorCode  *kd_error_code_new_decoded        (guint32       value);

guint32       kd_error_code_get_value          (KdErrorCode  *self);
const char   *kd_error_code_get_code           (KdErrorCode  *self);
gint32        kd_error_code_get_decimal        (KdErrorCode  *self);
gboolean      kd_error_code_get_known          (KdErrorCode  *self);
gboolean      kd_error_code_get_curated        (KdErrorCode  *self);
gboolean      kd_error_code_get_seed           (KdErrorCode  *self);
gboolean      kd_error_code_get_informational  (KdErrorCode  *self);
const char   *kd_error_code_get_symbol         (KdErrorCode  *self);
const char   *kd_error_code_get_message        (KdErrorCode  *self);
const char   *kd_error_code_get_title          (KdErrorCode  *self);
const char   *kd_error_code_get_cause          (KdErrorCode  *self);
const char * const *kd_error_code_get_steps    (KdErrorCode  *self);
const char * const *kd_error_code_get_aliases  (KdErrorCode  *self);
const char * const *kd_error_code_get_alias_codes (KdErrorCode *self);
const char * const *kd_error_code_get_related  (KdErrorCode  *self);
GListModel   *kd_error_code_get_commands       (KdErrorCode  *self);
KdAppliesTo   kd_error_code_get_applies_to     (KdErrorCode  *self);
guint         kd_error_code_get_n_sources      (KdErrorCode  *self);
void          kd_error_code_get_source         (KdErrorCode  *self,
                                                guint         index,
                                                const char  **out_title,
                                                const char  **out_url);
const char   *kd_error_code_get_win32_symbol   (KdErrorCode  *self);
const char   *kd_error_code_get_win32_message  (KdErrorCode  *self);
char         *kd_error_code_dup_display_title  (KdErrorCode  *self);

char         *kd_error_code_to_text            (KdErrorCode  *self);
char         *kd_error_code_to_markdown        (KdErrorCode  *self);
void          kd_error_code_to_json            (KdErrorCode  *self,
                                                JsonBuilder  *builder);

G_END_DECLS
