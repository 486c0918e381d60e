/* kd-cli-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>

#include "kd-capture-parser.h"
#include "kd-cli-common.h"

int
kd_cli_usage_error (const char *message)
{
  g_printerr ("kms-doctor-cli: %s\n", message);
  g_printerr (_("Try “kms-doctor-cli --help” for more information.\n"));
  return EXIT_USAGE;
}

/* --lang must win over the environment for catalog prose.  glibc ignores
 * LANGUAGE under the "C" locales (C.UTF-8 included), so messages move to a
 * real locale first; LANGUAGE then picks the catalog. */
void
kd_cli_apply_language (const char *lang)
{
  const char *messages;

  if (lang == NULL)
    return;

  g_setenv ("LANGUAGE", lang, TRUE);
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "POSIX") || g_str_has_prefix (messages, "C"))
    {
      g_autofree char *upper = g_ascii_strup (lang, -1);
      g_autofree char *plain = g_strdup_printf ("%s.UTF-8", lang);
      g_autofree char *country = g_strdup_printf ("%s_%s.UTF-8", lang, upper);
      const char *candidates[] = { plain, country, "en_US.UTF-8", "C.UTF-8" };

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        if (setlocale (LC_MESSAGES, candidates[i]) != NULL)
          break;
    }
}

/* Reads a whole file, or standard input for "-". */
GBytes *
kd_cli_read_input (const char  *path,
                   GError     **error)
{
  if (g_str_equal (path, "-"))
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      char *contents = NULL;
      gsize length = 0;

      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
        return NULL;
      return g_bytes_new_take (contents, length);
    }
}

/* Parses every file named; a file that cannot be read stops everything
 * with its reason, as scripts need a clear failure. */
GPtrArray *
kd_cli_load_documents (char   **files,
                       GError **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = kd_cli_read_input (files[i], &local_error);

      if (bytes == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s", files[i], local_error->message);
          return NULL;
        }
      g_ptr_array_add (docs, kd_capture_parse_bytes (bytes, KD_CAPTURE_PARSE_THREADS));
    }

  return g_steal_pointer (&docs);
}

void
kd_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* `parse` and `diagnose` share their options, input and output framing:
 * one JSON object per file, an array of them for several files. */
int
kd_cli_run_capture_command (int               argc,
                            char            **argv,
                            const char       *parameter,
                            const char       *json_doc,
                            const char       *no_file,
                            KdCliCaptureFunc  func,
                            int               exit_when_any,
                            int               exit_otherwise)
{
  gboolean json = FALSE;
  g_auto(GStrv) files = NULL;
  g_autofree char *json_help = g_strdup_printf (_("Print JSON (see %s)"), json_doc);
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, json_help, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) docs = NULL;
  gboolean any = FALSE;
  guint n_files;

  context = g_option_context_new (parameter);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kd_cli_usage_error (error->message);
  if (files == NULL || files[0] == NULL)
    return kd_cli_usage_error (no_file);

  n_files = g_strv_length (files);
  docs = kd_cli_load_documents (files, &error);
  if (docs == NULL)
    {
      g_printerr ("kms-doctor-cli: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (json && n_files > 1)
    json_builder_begin_array (builder);
  for (guint i = 0; i < docs->len; i++)
    any |= func (g_ptr_array_index (docs, i), files[i], i, n_files, json ? builder : NULL);
  if (json)
    {
      if (n_files > 1)
        json_builder_end_array (builder);
      kd_cli_print_json (builder);
    }

  return any ? exit_when_any : exit_otherwise;
}

/**
 * kd_cli_parse_time:
 * @text: a time in ISO 8601, UTC when it names no zone
 * @message: (out): why it is not one
 *
 * Returns: (transfer full) (nullable): the time, or %NULL
 */
GDateTime *
kd_cli_parse_time (const char  *text,
                   char       **message)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *time = g_date_time_new_from_iso8601 (text, utc);

  if (time == NULL)
    *message = g_strdup_printf (_("“%s” is not a time in ISO 8601, such as 2026-11-30T08:00:00Z"), text);
  return time;
}
