/* kd-cli-health.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-cli-commands.h"
#include "kd-cli-common.h"
#include "kd-finding.h"
#include "kd-health-import.h"
#include "kd-health-input.h"
#include "kd-health.h"

static void
print_date (const char *label,
            GDateTime  *time)
{
  g_autofree char *text = time != NULL ? g_date_time_format (time, "%Y-%m-%d") : NULL;

  g_print ("%s %s\n", label, text != NULL ? text : "—");
}

static void
print_text (KdHealth *health)
{
  GListModel *clients = kd_health_get_clients (health);
  GListModel *findings = kd_health_get_findings (health);
  g_autofree char *as_of = g_date_time_format (kd_health_get_as_of (health), "%Y-%m-%d %H:%M UTC");
  guint count = kd_health_get_count (health);
  gint64 reported = kd_health_get_reported_count (health);

  g_print (_("As of %s"), as_of);
  g_print ("\n");
  /* Translators: the count a KMS host keeps, out of the most it counts */
  g_print (_("Count: %u (at most %u)"), count, kd_health_get_cap (health));
  if (reported >= 0)
    {
      g_print (" · ");
      g_print (_("the host reports %u"), (guint) reported);
    }
  g_print ("\n");
  g_print ("%s %s\n", _("Windows clients can activate:"), count >= 25 ? _("yes") : _("no"));
  g_print ("%s %s\n", _("Windows Server and volume Office can activate:"), count >= 5 ? _("yes") : _("no"));
  print_date (_("Below 25 if nobody renews, on"), kd_health_get_below_on (health, 25));
  print_date (_("Below 5 if nobody renews, on"), kd_health_get_below_on (health, 5));

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KdHealthClient) client = g_list_model_get_item (clients, i);
      const char * const *names = kd_health_client_get_names (client);

      if (names[0] != NULL && names[1] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", (char **) names);

          /* Translators: a machine ID reported under several names: a cloned image */
          g_print (_("Clone: CMID %s under %s"), kd_health_client_get_cmid (client), joined);
          g_print ("\n");
        }
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u client", "%u clients", g_list_model_get_n_items (clients)),
           g_list_model_get_n_items (clients));
  g_print ("\n");

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KdFinding) finding = g_list_model_get_item (findings, i);
      g_auto(GStrv) lines = NULL;
      g_autofree char *explanation = NULL;

      g_print ("\n%s: %s\n", kd_finding_severity_get_label (kd_finding_get_severity (finding)),
               kd_finding_get_title (finding));
      lines = g_strsplit (kd_finding_get_explanation (finding), "\n", -1);
      explanation = g_strjoinv ("\n  ", lines);
      g_print ("  %s\n  %s\n", explanation, kd_finding_get_remedy (finding));
    }
}

/* Whether a finding is a warning or worse */
static gboolean
has_warning (KdHealth *health)
{
  GListModel *findings = kd_health_get_findings (health);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KdFinding) finding = g_list_model_get_item (findings, i);

      if (kd_finding_get_severity (finding) >= KD_FINDING_WARNING)
        return TRUE;
    }
  return FALSE;
}

/* Says on stderr which inputs could not be used; whether any could */
static gboolean
report_inputs (KdHealth *health)
{
  GListModel *inputs = kd_health_get_inputs (health);
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (inputs); i++)
    {
      g_autoptr(KdHealthInput) input = g_list_model_get_item (inputs, i);
      const char *problem = kd_health_input_get_problem (input);

      if (problem != NULL)
        g_printerr ("kms-doctor-cli: %s: %s\n", kd_health_input_get_path (input), problem);
      any |= problem == NULL;
    }
  if (!any)
    g_printerr ("kms-doctor-cli: %s\n", _("None of the inputs gave anything to count"));
  return any;
}

int
kd_cli_health (int    argc,
               char **argv)
{
  gboolean json = FALSE;
  g_autofree char *as_of_text = NULL;
  g_auto(GStrv) approved = NULL;
  g_auto(GStrv) inputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KdHealth) health = kd_health_new ();
  g_autoptr(KdHealthImport) import = NULL;
  g_autoptr(GPtrArray) files = NULL;
  gboolean any;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (see docs/health-json.md)"), NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, N_("The time of the snapshot, in ISO 8601 (default: the newest event’s)"),
      N_("TIME") },
    { "approved", 0, 0, G_OPTION_ARG_STRING_ARRAY, &approved, N_("A KMS host you run (again for each); the others are told of"),
      N_("HOST") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE|FOLDER… — the health of a KMS deployment"));

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kd_cli_usage_error (error->message);
  if (inputs == NULL || inputs[0] == NULL)
    return kd_cli_usage_error (_("health needs files or folders: the host’s capture and event logs, its clients’"));
  if (as_of_text != NULL)
    {
      g_autofree char *message = NULL;
      g_autoptr(GDateTime) as_of = kd_cli_parse_time (as_of_text, &message);

      if (as_of == NULL)
        return kd_cli_usage_error (message);
      kd_health_set_as_of (health, as_of);
    }

  if (approved != NULL)
    kd_health_set_approved_hosts (health, (const char * const *) approved);
  files = g_ptr_array_new_null_terminated (0, g_object_unref, TRUE);
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      GFile *file = g_file_new_for_commandline_arg (inputs[i]);

      g_ptr_array_add (files, file);
      if (!g_file_query_exists (file, NULL))
        {
          g_printerr ("kms-doctor-cli: %s: %s\n", inputs[i], _("No such file or folder"));
          return EXIT_USAGE;
        }
    }
  /* a folder of thousands of captures, on every processor */
  import = kd_health_import_new (health);
  if (!kd_health_import_run (import, (GFile **) files->pdata, (const char * const *) inputs, NULL, &error))
    {
      g_printerr ("kms-doctor-cli: %s\n", error->message);
      return EXIT_USAGE;
    }

  any = report_inputs (health);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      kd_health_to_json (health, builder);
      kd_cli_print_json (builder);
    }
  else if (any)
    print_text (health);
  return !any || has_warning (health) ? EXIT_NOT_FOUND : EXIT_FOUND;
}
