/* kd-cli.c — kms-doctor-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kd-diagnosis.h"
#include "kd-cli-commands.h"
#include "kd-cli-common.h"
#include "kd-command.h"
#include "kd-i18n.h"

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: kms-doctor-cli COMMAND [OPTIONS…] [ARGUMENTS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  fprintf (out, "  lookup [--json] [--lang LANG] [--limit N] QUERY\n");
  fprintf (out, "      %s\n", _("Explain an activation error code, or search the catalog by words"));
  fprintf (out, "  parse [--json] FILE…|-\n");
  fprintf (out, "      %s\n", _("Read what slmgr.vbs or ospp.vbs printed, in any language and encoding"));
  fprintf (out, "  diagnose [--json] FILE…|-\n");
  fprintf (out, "      %s\n\n", _("Say what is wrong with the machine a capture comes from"));
  fprintf (out, "%s\n", _("Options:"));
  fprintf (out, "  -h, --help      %s\n", _("Show help"));
  fprintf (out, "  --version       %s\n", _("Show the version"));
  fprintf (out, "\n%s\n", _("Exit status: 0 found in the catalog, 1 only decoded or nothing matched, 2 bad usage or input."));
}

static void
print_product_text (KdCaptureProduct *product)
{
  static const struct {
    const char *label;
    const char *key;
  } shown[] = {
    { N_("Description"), "description" },
    { N_("Partial product key"), "partial_product_key" },
    { N_("Product key channel"), "product_key_channel" },
    { N_("License status"), "license_status" },
    { N_("Notification reason"), "notification_reason" },
    { N_("Trusted time"), "trusted_time" },
    { N_("Client Machine ID"), "cmid" },
    { N_("Current count"), "current_count" },
  };
  const char *name = kd_capture_product_get_name (product);

  g_print ("%s\n", name != NULL ? name : _("(a product without a name)"));
  g_print ("  %s: %s\n", _("Role"), kd_capture_product_get_role (product));
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    {
      const char *value = kd_capture_product_get_field (product, shown[i].key);
      if (value != NULL)
        g_print ("  %s: %s\n", _(shown[i].label), value);
    }
  if (kd_capture_product_get_kms_host (product) != NULL)
    g_print ("  %s: %s:%" G_GINT64_FORMAT "\n", _("KMS host"), kd_capture_product_get_kms_host (product),
             kd_capture_product_get_kms_port (product) >= 0 ? kd_capture_product_get_kms_port (product) : 1688);
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
  g_print ("%s: %s · %s: %s · %s: %s\n", _("Kind"), kd_capture_get_kind (doc),
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

static int
cmd_parse (int    argc,
           char **argv)
{
  /* 0 when something was read, 1 when nothing looks like slmgr or ospp */
  return kd_cli_run_capture_command (argc, argv, _("FILE…|- — read slmgr.vbs or ospp.vbs output"), "docs/capture-json.md",
                                     _("parse needs a file, or “-” for standard input"), parse_one, EXIT_FOUND, EXIT_NOT_FOUND);
}

static const char *
severity_mark (KdFindingSeverity severity)
{
  switch (severity)
    {
    case KD_FINDING_ERROR:
      return _("error");
    case KD_FINDING_WARNING:
      return _("warning");
    case KD_FINDING_INFO:
    default:
      return _("info");
    }
}

static const char *
verdict_label (KdVerdict verdict)
{
  switch (verdict)
    {
    case KD_VERDICT_ERROR:
      return _("Problems found");
    case KD_VERDICT_WARNING:
      return _("Works, with warnings");
    case KD_VERDICT_OK:
    default:
      return _("No problem found");
    }
}

static void
print_diagnosis_text (KdDiagnosis *diagnosis)
{
  KdCapture *doc = kd_diagnosis_get_document (diagnosis);
  GListModel *products = kd_capture_get_products (doc);
  GListModel *findings = kd_diagnosis_get_findings (diagnosis);
  int current = -2;

  g_print ("%s\n", verdict_label (kd_diagnosis_get_verdict (diagnosis)));
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KdFinding) finding = g_list_model_get_item (findings, i);
      GListModel *commands = kd_finding_get_commands (finding);
      const char * const *related = kd_finding_get_related (finding);
      int index = kd_finding_get_product (finding);

      if (index != current)
        {
          current = index;
          if (index >= 0)
            {
              g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, index);
              const char *name = kd_capture_product_get_name (product);
              g_print ("\n%s — %s\n", name != NULL ? name : _("(a product without a name)"),
                       verdict_label (kd_diagnosis_get_product_verdict (diagnosis, index)));
            }
          else
            g_print ("\n%s\n", _("The capture"));
        }

      g_print ("  [%s] %s\n", severity_mark (kd_finding_get_severity (finding)), kd_finding_get_title (finding));
      g_print ("      %s\n", kd_finding_get_explanation (finding));
      g_print ("      %s %s\n", _("What to do:"), kd_finding_get_remedy (finding));
      for (guint c = 0; c < g_list_model_get_n_items (commands); c++)
        {
          g_autoptr(KdCommand) cmd = g_list_model_get_item (commands, c);
          g_print ("        %s\n", kd_command_get_command (cmd));
        }
      if (related[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (GStrv) related);
          g_print ("      %s %s\n", _("Codes:"), joined);
        }
    }
}

static gboolean
diagnose_one (KdCapture *doc,
              const char    *file,
              guint          index,
              guint          n_files,
              JsonBuilder   *json)
{
  g_autoptr(KdDiagnosis) diagnosis = kd_diagnosis_new (doc);

  if (json != NULL)
    kd_diagnosis_to_json (diagnosis, json);
  else
    {
      if (n_files > 1)
        g_print ("%s== %s\n", index > 0 ? "\n" : "", file);
      print_diagnosis_text (diagnosis);
    }
  return kd_diagnosis_has_warnings (diagnosis);
}

static int
cmd_diagnose (int    argc,
              char **argv)
{
  /* 1 when a finding of warning severity or worse exists */
  return kd_cli_run_capture_command (argc, argv, _("FILE…|- — say what is wrong with the machine a capture comes from"),
                                     "docs/diagnose-json.md", _("diagnose needs a file, or “-” for standard input"),
                                     diagnose_one, EXIT_NOT_FOUND, EXIT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  kd_i18n_init ();

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_FOUND;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("kms-doctor-cli %s\n", PACKAGE_VERSION);
      return EXIT_FOUND;
    }
  if (g_str_equal (argv[1], "lookup"))
    return kd_cli_lookup (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "parse"))
    return cmd_parse (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "diagnose"))
    return cmd_diagnose (argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);
    return kd_cli_usage_error (message);
  }
}
