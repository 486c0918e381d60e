/* kd-cli-diff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kd-capture-diff.h"
#include "kd-cli-commands.h"
#include "kd-cli-common.h"

/* `diff A B`: what changed between two captures of slmgr.vbs or ospp.vbs,
 * field by field and product by product: 0 when they say the same (but
 * for what changes by itself), 1 when they differ, 2 when one cannot be
 * read or is no capture. */
int
kd_cli_diff (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (see docs/diff-json.md)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("A B — what changed between two captures"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(KdCaptureDiff) diff = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kd_cli_usage_error (error->message);
  if (files == NULL || g_strv_length (files) != 2)
    return kd_cli_usage_error (_("diff needs two captures, A and B (“-” for standard input)"));
  if (g_str_equal (files[0], "-") && g_str_equal (files[1], "-"))
    return kd_cli_usage_error (_("Only one of the captures can come from standard input"));

  docs = kd_cli_load_documents (files, &error);
  if (docs == NULL)
    {
      g_printerr ("kms-doctor-cli: %s\n", error->message);
      return EXIT_USAGE;
    }
  for (guint i = 0; i < 2; i++)
    if (g_list_model_get_n_items (kd_capture_get_products (g_ptr_array_index (docs, i))) == 0)
      {
        g_printerr ("kms-doctor-cli: %s: %s\n", files[i],
                    _("no product in it: this is not what slmgr.vbs or ospp.vbs printed"));
        return EXIT_USAGE;
      }

  diff = kd_capture_diff_new (g_ptr_array_index (docs, 0), g_ptr_array_index (docs, 1));
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, files[0]);
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, files[1]);
      kd_capture_diff_to_json (diff, builder);
      json_builder_end_object (builder);
      kd_cli_print_json (builder);
    }
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_append_printf (text, "A: %s\nB: %s\n\n", files[0], files[1]);
      kd_capture_diff_to_text (diff, text);
      if (kd_capture_diff_is_identical (diff))
        g_string_append_printf (text, "\n%s\n", _("The captures say the same."));
      g_print ("%s", text->str);
    }
  return kd_capture_diff_is_identical (diff) ? EXIT_FOUND : EXIT_NOT_FOUND;
}
