/* kd-cli-parse.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kd-capture.h"
#include "kd-cli-commands.h"
#include "kd-cli-common.h"
#include "kd-field-info.h"
#include "kd-kms-limits.h"

static void
print_product_text (KdCaptureProduct *product)
{
  static const char * const shown[] = {
    "description", "partial_product_key", "product_key_channel", "license_status",
    "notification_reason", "trusted_time", "cmid", "current_count",
  };
  const char *name = kd_capture_product_get_name (product);

  g_print ("%s\n", name != NULL ? name : _("(a product without a name)"));
  g_print ("  %s: %s\n", _("Role"), kd_license_role_get_id (kd_capture_product_get_role (product)));
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      const char *value = kd_capture_product_get_field (product, shown[i]);

      if (value != NULL)
        g_print ("  %s: %s\n", kd_field_info_get_label (kd_field_info_lookup (shown[i])), value);
    }
  if (kd_capture_product_get_kms_host (product) != NULL)
    g_print ("  %s: %s:%" G_GINT64_FORMAT "\n", _("KMS host"), kd_capture_product_get_kms_host (product),
             kd_capture_product_get_kms_port (product) >= 0 ? kd_capture_product_get_kms_port (product)
                                                             : KD_KMS_DEFAULT_PORT);
}

static gboolean
parse_one (KdCapture *doc,
           const char    *file,
           guint          index,
           guint          n_files,
           JsonBuilder   *json)
{
  GListModel *products = kd_capture_get_products (doc);
  const char * const *notes = kd_capture_get_notes (doc);
  const char * const *unknown = kd_capture_get_unknown_lines (doc);

  if (json != NULL)
    {
      kd_capture_to_json (doc, json);
      return g_list_model_get_n_items (products) > 0;
    }

  if (n_files > 1)
    g_print ("== %s\n", file);
  g_print ("%s: %s · %s: %s · %s: %s\n", _("Kind"), kd_capture_kind_get_id (kd_capture_get_kind (doc)),
           _("Language"), kd_capture_get_language (doc) != NULL ? kd_capture_get_language (doc) : _("unknown"),
           _("Encoding"), kd_capture_get_encoding (doc));
  for (guint p = 0; p < g_list_model_get_n_items (products); p++)
    {
      g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, p);
      g_print ("\n");
      print_product_text (product);
    }
  for (guint n = 0; notes[n] != NULL; n++)
    g_print ("\n%s %s", n == 0 ? _("Notes:") : "", notes[n]);
  if (unknown[0] != NULL)
    {
      g_print ("\n%s\n", _("Lines not understood:"));
      for (guint n = 0; unknown[n] != NULL; n++)
        g_print ("  %s\n", unknown[n]);
    }
  g_print ("\n");

  return g_list_model_get_n_items (products) > 0;
}

int
kd_cli_parse (int    argc,
              char **argv)
{
  /* 0 when something was read, 1 when nothing looks like slmgr or ospp */
  return kd_cli_run_capture_command (argc, argv, _("FILE…|- — read slmgr.vbs or ospp.vbs output"), "docs/capture-json.md",
                                     _("parse needs a file, or “-” for standard input"), parse_one, EXIT_FOUND, EXIT_NOT_FOUND);
}
