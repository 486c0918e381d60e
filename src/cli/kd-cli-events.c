/* kd-cli-events.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "kd-cli-commands.h"
#include "kd-cli-common.h"
#include "kd-error-catalog.h"
#include "kd-event-log.h"
#include "kd-hresult.h"

/* What an event says, in a few words, after its time, ID and computer */
static char *
summarize (KdKmsEvent *event)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (kd_kms_event_get_hresult (event) != NULL)
    {
      const char *code = kd_kms_event_get_hresult (event);
      guint32 value = 0;
      KdErrorCode *entry = NULL;

      /* a failure says what it is, in the catalog's words */
      if (kd_hresult_parse (code, &value, NULL) && value != 0)
        entry = kd_error_catalog_lookup (kd_error_catalog_get_default (), value);
      if (entry != NULL)
        {
          g_autofree char *title = kd_error_code_dup_display_title (entry);
          g_ptr_array_add (parts, g_strdup_printf ("%s (%s)", code, title));
        }
      else
        g_ptr_array_add (parts, g_strdup (code));
    }
  if (kd_kms_event_get_client_name (event) != NULL)
    g_ptr_array_add (parts, g_strdup (kd_kms_event_get_client_name (event)));
  if (kd_kms_event_get_kms_host (event) != NULL)
    {
      const char *host = kd_kms_event_get_kms_host (event);
      /* an IPv6 address in brackets, as the event wrote it */
      gboolean v6 = strchr (host, ':') != NULL;

      g_ptr_array_add (parts, kd_kms_event_get_kms_port (event) > 0
                                ? g_strdup_printf (v6 ? "→ [%s]:%d" : "→ %s:%d", host, kd_kms_event_get_kms_port (event))
                                : g_strdup_printf ("→ %s", host));
    }
  if (kd_kms_event_get_cmid (event) != NULL)
    g_ptr_array_add (parts, g_strdup_printf ("%s %s", _("CMID"), kd_kms_event_get_cmid (event)));
  if (kd_kms_event_get_n_policy (event) > 0)
    /* Translators: the count a KMS client needs to activate, as in "needs 25" */
    g_ptr_array_add (parts, g_strdup_printf (_("needs %d"), kd_kms_event_get_n_policy (event)));
  if (kd_kms_event_get_current_count (event) >= 0)
    /* Translators: the KMS host's count a client was told, as in "count 3" */
    g_ptr_array_add (parts, g_strdup_printf (_("count %" PRId64), kd_kms_event_get_current_count (event)));
  if (kd_kms_event_get_domain (event) != NULL)
    g_ptr_array_add (parts, g_strdup (kd_kms_event_get_domain (event)));
  if (kd_kms_event_get_activation_id (event) != NULL)
    g_ptr_array_add (parts, g_strdup_printf ("%s %s", _("SKU"), kd_kms_event_get_activation_id (event)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" ", (char **) parts->pdata);
}

static void
print_text (KdEventLog *log,
            const char *file,
            guint       n_files)
{
  GListModel *events = kd_event_log_get_events (log);
  const char * const *notes = kd_event_log_get_notes (log);

  if (n_files > 1)
    g_print ("== %s\n", file);
  g_print ("%s: %s · %s: %s\n", _("Format"), kd_event_format_get_id (kd_event_log_get_format (log)),
           _("Encoding"), kd_event_log_get_encoding (log));
  if (kd_event_log_get_format (log) == KD_EVENT_FORMAT_UNKNOWN)
    g_print ("%s\n", _("This is not an export of event logs that KMS Doctor knows: no event was read from it."));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(KdKmsEvent) event = g_list_model_get_item (events, i);
      g_autofree char *summary = summarize (event);
      const char *time = kd_kms_event_get_time (event);

      if (time == NULL)
        time = kd_kms_event_get_time_text (event);
      g_print ("%s  %5d  %s  %s\n", time != NULL ? time : "-", kd_kms_event_get_event_id (event),
               kd_kms_event_get_computer (event) != NULL ? kd_kms_event_get_computer (event) : "-", summary);
    }
  if (kd_event_log_get_n_skipped (log) > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u record of another source skipped\n", "%u records of other sources skipped\n",
                          kd_event_log_get_n_skipped (log)),
             kd_event_log_get_n_skipped (log));
  for (guint i = 0; notes[i] != NULL; i++)
    g_print ("%s\n", notes[i]);
}

int
kd_cli_events (int    argc,
               char **argv)
{
  gboolean json = FALSE;
  g_auto(GStrv) files = NULL;
  g_autofree char *json_help = g_strdup_printf (_("Print JSON (see %s)"), "docs/events-json.md");
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, json_help, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) logs = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean any = FALSE;
  guint n_files;

  context = g_option_context_new (_("FILE…|- — read an export of Windows event logs"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kd_cli_usage_error (error->message);
  if (files == NULL || files[0] == NULL)
    return kd_cli_usage_error (_("events needs a file, or “-” for standard input"));

  /* every input is read before anything is printed: a bad one is reported
   * alone, not after half the output */
  n_files = g_strv_length (files);
  for (guint i = 0; i < n_files; i++)
    {
      KdEventLog *log;

      if (g_str_equal (files[i], "-"))
        {
          g_autoptr(GBytes) bytes = kd_cli_read_input (files[i], &error);
          gsize length;
          const guint8 *data;

          if (bytes == NULL)
            {
              g_printerr ("kms-doctor-cli: %s\n", error->message);
              return EXIT_USAGE;
            }
          data = g_bytes_get_data (bytes, &length);
          log = kd_event_log_read (data, length, &error);
        }
      else
        {
          /* a file is the log's to read as it likes: a big one takes no
           * more memory than its events */
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);

          /* one file at a time: a big one on every processor */
          log = kd_event_log_read_file (file, KD_EVENT_READ_THREADS, NULL, &error);
          if (log == NULL && error->domain != KD_EVENT_LOG_ERROR)
            {
              g_printerr ("kms-doctor-cli: %s\n", error->message);
              return EXIT_USAGE;
            }
        }
      if (log == NULL)
        {
          g_printerr ("kms-doctor-cli: %s: %s\n", files[i], error->message);
          return EXIT_USAGE;
        }
      g_ptr_array_add (logs, log);
    }

  if (json && n_files > 1)
    json_builder_begin_array (builder);
  for (guint i = 0; i < logs->len; i++)
    {
      KdEventLog *log = g_ptr_array_index (logs, i);

      if (json)
        kd_event_log_to_json (log, builder);
      else
        print_text (log, files[i], n_files);
      any |= g_list_model_get_n_items (kd_event_log_get_events (log)) > 0;
    }
  if (json)
    {
      if (n_files > 1)
        json_builder_end_array (builder);
      kd_cli_print_json (builder);
    }

  /* 0 when events were read, 1 when the inputs hold none */
  return any ? EXIT_FOUND : EXIT_NOT_FOUND;
}
