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
    return kd_cli_parse (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "diagnose"))
    return kd_cli_diagnose (argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), argv[1]);
    return kd_cli_usage_error (message);
  }
}
