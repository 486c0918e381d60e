/* kd-cli-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "kd-capture-parser.h"
#include "kd-case.h"
#include "kd-cli-commands.h"
#include "kd-cli-common.h"
#include "kd-enum-types.h"
#include "kd-event-log.h"
#include "kd-health-import.h"
#include "kd-labels.h"
#include "kd-report.h"
#include "kd-text-decode.h"

/* `report --format FORMAT -o FILE INPUT…`: one document of everything
 * the inputs say.  A capture is diagnosed and given whole; event logs and
 * folders make the health of the KMS host; a case file brings its
 * captures, codes, notes and health inputs.  0 when written, 2 when an
 * input cannot be used or the file cannot be written, with the reason. */

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A case file read whole, without a main loop of the caller's */
static KdCase *
load_case (GFile   *file,
           GError **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(KdCase) kase = kd_case_new ();

  g_main_context_push_thread_default (context);
  kd_case_load_async (kase, file, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  if (!kd_case_load_finish (kase, result, error))
    return NULL;
  return g_steal_pointer (&kase);
}

static gboolean
is_case_file (const char *path,
              GBytes     *bytes)
{
  return g_str_has_suffix (path, KD_CASE_SUFFIX) ||
         kd_case_check_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
}

/* The case's parts in the report; its health inputs join @health_files */
static void
add_case (KdReport  *report,
          KdCase    *kase,
          GPtrArray *health_files,
          GPtrArray *health_paths)
{
  GListModel *captures = kd_case_get_captures (kase);
  const char * const *inputs = kd_case_get_health_inputs (kase);

  for (guint i = 0; i < g_list_model_get_n_items (captures); i++)
    {
      g_autoptr(KdCaseCapture) capture = g_list_model_get_item (captures, i);
      GBytes *text = kd_case_capture_get_text (capture);
      g_autofree char *copy = g_strndup (g_bytes_get_size (text) > 0 ? g_bytes_get_data (text, NULL) : "",
                                         g_bytes_get_size (text));

      kd_report_add_capture (report, kd_case_capture_get_source_name (capture), copy);
    }
  kd_report_set_codes (report, kd_case_get_codes (kase));
  kd_report_set_notes (report, kd_case_get_notes (kase));
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_ptr_array_add (health_files, g_file_new_for_path (inputs[i]));
      g_ptr_array_add (health_paths, g_strdup (inputs[i]));
    }
}

/* What the capture parser makes something of: products, or a result
 * alone (what slmgr.vbs /ato printed on failure) */
static gboolean
is_capture_text (const char *text)
{
  g_autoptr(KdCapture) capture = NULL;

  if (kd_capture_looks_like (text, strlen (text)))
    return TRUE;
  capture = kd_capture_parse ((const guint8 *) text, strlen (text), KD_CAPTURE_PARSE_NONE, NULL);
  return g_list_model_get_n_items (kd_capture_get_products (capture)) > 0 ||
         kd_capture_get_kind (capture) != KD_CAPTURE_KIND_UNKNOWN;
}

static gboolean
write_report (const char  *output,
              GString     *text,
              GError     **error)
{
  if (g_str_equal (output, "-"))
    {
      fwrite (text->str, 1, text->len, stdout);
      return fflush (stdout) == 0;
    }
  /* whole or not at all */
  return g_file_set_contents_full (output, text->str, (gssize) text->len, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

int
kd_cli_report (int    argc,
               char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *as_of_text = NULL;
  g_auto(GStrv) inputs = NULL;
  gboolean redact = FALSE;
  g_autoptr(KdRedactor) redactor = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("What to write: txt, md, html, json, csv or pdf (default: txt)"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write it; “-” for standard output"), N_("FILE") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, N_("The time of the health snapshot, in ISO 8601"), N_("TIME") },
    { "redact", 0, 0, G_OPTION_ARG_NONE, &redact,
      N_("Mask what identifies a machine or a person: names, machine IDs, addresses, keys"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("INPUT… — a report of captures, event logs, folders and "
                                                              "cases"));
  g_autoptr(GError) error = NULL;
  g_autoptr(KdReport) report = kd_report_new ();
  g_autoptr(GPtrArray) health_files = g_ptr_array_new_null_terminated (0, g_object_unref, TRUE);
  g_autoptr(GPtrArray) health_paths = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_autoptr(GHashTable) given = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) text = g_string_new (NULL);
  KdReportFormat format = KD_REPORT_FORMAT_TEXT;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kd_cli_usage_error (error->message);
  if (format_text != NULL &&
      (int) (format = kd_enum_from_nick (KD_TYPE_REPORT_FORMAT, format_text, -1)) < 0)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”: choose txt, md, html, json, csv or pdf"), format_text);

      return kd_cli_usage_error (message);
    }
  if (output == NULL)
    return kd_cli_usage_error (_("report needs -o FILE, or -o - for standard output"));
  if (format == KD_REPORT_FORMAT_PDF && g_str_equal (output, "-"))
    return kd_cli_usage_error (_("A PDF is written to a file: give -o FILE"));
  if (inputs == NULL || inputs[0] == NULL)
    return kd_cli_usage_error (_("report needs inputs: captures, event logs, folders or case files"));

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *decoded = NULL;

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          kd_report_add_input (report, inputs[i], NULL);
          g_ptr_array_add (health_files, g_steal_pointer (&file));
          g_ptr_array_add (health_paths, g_strdup (inputs[i]));
          continue;
        }
      bytes = kd_cli_read_input (inputs[i], &error);
      if (bytes == NULL)
        {
          g_printerr ("kms-doctor-cli: %s: %s\n", inputs[i], error->message);
          return EXIT_USAGE;
        }
      kd_report_add_input (report, inputs[i], bytes);
      if (is_case_file (inputs[i], bytes))
        {
          g_autoptr(KdCase) kase = load_case (file, &error);

          if (kase == NULL)
            {
              g_printerr ("kms-doctor-cli: %s: %s\n", inputs[i], error->message);
              return EXIT_USAGE;
            }
          add_case (report, kase, health_files, health_paths);
          /* the masks of the case's redacted reports, so that this one
           * masks alike (the first case's, when several are given) */
          if (redactor == NULL)
            redactor = kd_case_dup_redactor (kase);
          continue;
        }
      {
        const char *encoding = NULL;
        KdDecodeFlags flags = 0;
        g_autoptr(KdEventLog) log = kd_event_log_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);

        /* an event log names captures' fields too: it is read first */
        if (log == NULL || kd_event_log_get_format (log) == KD_EVENT_FORMAT_UNKNOWN)
          decoded = kd_text_decode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    kd_labels_codepage_for_lcid_default, &encoding, &flags);
      }
      if (decoded != NULL && is_capture_text (decoded))
        {
          kd_report_add_capture (report, inputs[i], decoded);
          continue;
        }
      /* an event log, which the health reads; said below if it is not */
      g_hash_table_add (given, inputs[i]);
      g_ptr_array_add (health_files, g_steal_pointer (&file));
      g_ptr_array_add (health_paths, g_strdup (inputs[i]));
    }

  if (health_files->len > 0)
    {
      g_autoptr(KdHealth) health = kd_health_new ();
      g_autoptr(KdHealthImport) import = kd_health_import_new (health);
      GListModel *read;

      if (as_of_text != NULL)
        {
          g_autofree char *message = NULL;
          g_autoptr(GDateTime) as_of = kd_cli_parse_time (as_of_text, &message);

          if (as_of == NULL)
            return kd_cli_usage_error (message);
          kd_health_set_as_of (health, as_of);
        }
      if (!kd_health_import_run (import, (GFile **) health_files->pdata, (const char * const *) health_paths->pdata,
                                 NULL, &error))
        {
          g_printerr ("kms-doctor-cli: %s\n", error->message);
          return EXIT_USAGE;
        }
      /* a file given by name that is neither a capture nor an event log */
      read = kd_health_get_inputs (health);
      for (guint i = 0; i < g_list_model_get_n_items (read); i++)
        {
          g_autoptr(KdHealthInput) input = g_list_model_get_item (read, i);

          if (g_hash_table_contains (given, kd_health_input_get_path (input)) &&
              kd_health_input_get_problem (input) != NULL)
            {
              g_printerr ("kms-doctor-cli: %s: %s\n", kd_health_input_get_path (input),
                          kd_health_input_get_problem (input));
              return EXIT_USAGE;
            }
        }
      kd_report_set_health (report, health);
    }

  if (redact)
    {
      if (redactor == NULL)
        redactor = kd_redactor_new ();
      kd_report_set_redactor (report, redactor);
    }
  if (format == KD_REPORT_FORMAT_PDF)
    {
      if (!kd_report_write_pdf (report, output, kd_report_paper_for_locale (), &error))
        {
          g_printerr ("kms-doctor-cli: %s\n", error->message);
          return EXIT_USAGE;
        }
      return EXIT_FOUND;
    }
  kd_report_render (report, format, text);
  if (!write_report (output, text, &error))
    {
      g_printerr ("kms-doctor-cli: %s: %s\n", output, error != NULL ? error->message : g_strerror (errno));
      return EXIT_USAGE;
    }
  return EXIT_FOUND;
}
