/* kd-cli-diagnose.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kd-cli-commands.h"
#include "kd-cli-common.h"
#include "kd-command.h"
#include "kd-diagnosis.h"

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

static void
print_diagnosis_text (KdDiagnosis *diagnosis)
{
  KdCapture *doc = kd_diagnosis_get_document (diagnosis);
  GListModel *products = kd_capture_get_products (doc);
  GListModel *findings = kd_diagnosis_get_findings (diagnosis);
  int current = -2;

  g_print ("%s\n", kd_verdict_get_label (kd_diagnosis_get_verdict (diagnosis)));
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
                       kd_verdict_get_label (kd_diagnosis_get_product_verdict (diagnosis, index)));
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

int
kd_cli_diagnose (int    argc,
                 char **argv)
{
  /* 1 when a finding of warning severity or worse exists */
  return kd_cli_run_capture_command (argc, argv, _("FILE…|- — say what is wrong with the machine a capture comes from"),
                                     "docs/diagnose-json.md", _("diagnose needs a file, or “-” for standard input"),
                                     diagnose_one, EXIT_NOT_FOUND, EXIT_FOUND);
}
