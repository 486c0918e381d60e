/* kd-cli.c — kms-doctor-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "kd-cli-commands.h"
#include "kd-cli-common.h"
#include "kd-i18n.h"

/* The commands, in the order the usage lists them: adding one is a line
 * here and a kd-cli-NAME.c declared in kd-cli-commands.h. */
static const struct {
  const char *name;
  int (*handler) (int    argc,
                  char **argv);
  const char *synopsis;
  const char *summary;
} commands[] = {
  { "lookup", kd_cli_lookup, "[--json] [--lang LANG] [--limit N] QUERY",
    N_("Explain an activation error code, or search the catalog by words") },
  { "parse", kd_cli_parse, "[--json] FILE…|-",
    N_("Read what slmgr.vbs or ospp.vbs printed, in any language and encoding") },
  { "diagnose", kd_cli_diagnose, "[--json] FILE…|-",
    N_("Say what is wrong with the machine a capture comes from") },
  { "diff", kd_cli_diff, "[--json] A B",
    N_("Compare two captures field by field: what changed, what is only in one") },
  { "events", kd_cli_events, "[--json] FILE…|-",
    N_("Read the licensing events of an event log export") },
  { "health", kd_cli_health, "[--json] [--as-of TIME] [--approved HOST…] FILE|FOLDER…",
    N_("The health of a KMS deployment: the count, clones, failures, clients") },
  { "report", kd_cli_report, "[--format txt|md|html|json|csv|pdf] [--redact] [--as-of TIME] -o FILE INPUT…",
    N_("Write one report of captures, event logs, folders and cases, to attach to a ticket") },
  { "probe", kd_cli_probe, "[--json] [--server ADDR[:PORT]] [--timeout SECONDS] DOMAIN|HOST[:PORT]",
    N_("Find a domain’s KMS hosts in DNS and check their ports, without a KMS request") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: kms-doctor-cli COMMAND [OPTIONS…] [ARGUMENTS…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      fprintf (out, "  %s %s\n", commands[i].name, commands[i].synopsis);
      fprintf (out, "      %s\n", _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  -h, --help      %s\n", _("Show help"));
  fprintf (out, "  --version       %s\n", _("Show the version"));
  fprintf (out, "\n%s\n", _("Exit status: 0 found in the catalog, 1 only decoded or nothing matched, 2 bad usage or input."));
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
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].handler (argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);
    return kd_cli_usage_error (message);
  }
}
