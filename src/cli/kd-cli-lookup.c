/* kd-cli-lookup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>
#include <json-glib/json-glib.h>

#include "kd-cli-commands.h"
#include "kd-cli-common.h"
#include "kd-error-catalog.h"
#include "kd-hresult.h"
#include "kd-lookup.h"

/* Nobody types a query this long; a longer one is a paste gone wrong. */
#define MAX_QUERY 1024
#define DEFAULT_LIMIT 20

static char *
read_query_from_stdin (GError **error)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[4096];
  gssize n;

  gsize total = 0;

  in = g_unix_input_stream_new (0, FALSE);
  /* What is past the limit is still read (up to a bound), so that the
   * program writing into the pipe is not killed by SIGPIPE. */
  while ((n = g_input_stream_read (in, chunk, sizeof chunk, NULL, error)) > 0)
    {
      total += n;
      if (total <= MAX_QUERY)
        g_byte_array_append (buffer, chunk, n);
      else if (total > 64 * 1024 * 1024)
        break;
    }
  if (n < 0)
    return NULL;
  if (total > MAX_QUERY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The query on standard input is longer than %d bytes; give a code or a few words"),
                   MAX_QUERY);
      return NULL;
    }

  g_byte_array_append (buffer, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);
}

/* Checks that the query is text a person could have typed: valid UTF-8,
 * no control characters, not absurdly long. */
static gboolean
validate_query (const char  *query,
                gsize        length,
                GError     **error)
{
  if (length > MAX_QUERY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The query is %zu bytes long; give a code or a few words (at most %d bytes)"),
                   length, MAX_QUERY);
      return FALSE;
    }
  if (memchr (query, '\0', length) != NULL || !g_utf8_validate_len (query, length, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The query is not valid UTF-8 text"));
      return FALSE;
    }
  for (const char *p = query; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c) && c != '\t' && c != '\n' && c != '\r')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The query contains control characters; it does not look like text"));
          return FALSE;
        }
    }
  {
    g_autofree char *trimmed = g_strstrip (g_strndup (query, length));
    if (*trimmed == '\0')
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The query is empty"));
        return FALSE;
      }
  }
  return TRUE;
}

/* The envelope of docs/cli.md: {"query": ..., "results": [entry, ...]} */
static void
print_results_json (const char  *query,
                    KdErrorCode **entries,
                    guint         n_entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, query);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_entries; i++)
    kd_error_code_to_json (entries[i], builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  kd_cli_print_json (builder);
}

static void
print_entry_line (KdErrorCode *entry)
{
  g_autofree char *title = kd_error_code_dup_display_title (entry);
  g_print ("%s  %s\n", kd_error_code_get_code (entry), title);
}

static int
lookup_code (KdLookup *lookup,
             gboolean  json)
{
  KdErrorCode *entry = kd_lookup_get_entry (lookup);
  gboolean known = kd_lookup_get_known (lookup);

  if (json)
    print_results_json (kd_lookup_get_query (lookup), &entry, 1);
  else
    {
      g_autofree char *text = kd_error_code_to_text (entry);

      if (!known)
        {
          g_autoptr(GPtrArray) nearest = kd_lookup_get_results (lookup, 5);

          g_print (_("%s is not in the catalog of activation errors. This is what its bits say:\n\n"),
                   kd_error_code_get_code (entry));
          g_print ("%s", text);
          if (nearest->len > 0)
            {
              g_print ("\n%s\n", _("Nearest catalog entries:"));
              for (guint i = 0; i < nearest->len; i++)
                {
                  g_print ("  ");
                  print_entry_line (g_ptr_array_index (nearest, i));
                }
            }
        }
      else
        g_print ("%s", text);
    }

  return known ? EXIT_FOUND : EXIT_NOT_FOUND;
}

static int
lookup_words (KdLookup *lookup,
              guint     limit,
              gboolean  json)
{
  g_autoptr(GPtrArray) results = kd_lookup_get_results (lookup, limit);
  const char *query = kd_lookup_get_query (lookup);

  if (json)
    print_results_json (query, (KdErrorCode **) results->pdata, results->len);
  else if (results->len == 1)
    {
      g_autofree char *text = kd_error_code_to_text (g_ptr_array_index (results, 0));
      g_print ("%s", text);
    }
  else
    {
      for (guint i = 0; i < results->len; i++)
        print_entry_line (g_ptr_array_index (results, i));
    }

  if (results->len == 0)
    {
      g_printerr (_("No catalog entry matches “%s”.\n"), query);
      return EXIT_NOT_FOUND;
    }

  return EXIT_FOUND;
}

int
kd_cli_lookup (int    argc,
               char **argv)
{
  gboolean json = FALSE;
  g_autofree char *lang = NULL;
  int limit = DEFAULT_LIMIT;
  g_auto(GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (see docs/cli.md)"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, N_("Language of causes and steps, such as “it” or “en”"), N_("LANG") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N word-search results (default 20, 0 for all)"), N_("N") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  g_autoptr(KdLookup) lookup = NULL;

  context = g_option_context_new (_("QUERY — explain an activation error code or search the catalog"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("QUERY is a code in any spelling (0xC004F074, C004F074, -1073418124, "
                                  "“Error: 0xC004F074”), part of one (f074), a symbol, or words. "
                                  "Use “-” to read it from standard input."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* A signed decimal code (-1073418124) looks like an option to GOption:
   * unknown options are left in argv and sorted out below. */
  g_option_context_set_ignore_unknown_options (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kd_cli_usage_error (error->message);

  {
    g_autoptr(GStrvBuilder) words = g_strv_builder_new ();

    for (int i = 1; i < argc; i++)
      {
        if (!g_regex_match_simple ("^-[0-9]+$", argv[i], 0, 0))
          {
            g_autofree char *message = g_strdup_printf (_("unknown option “%s”"), argv[i]);
            return kd_cli_usage_error (message);
          }
        g_strv_builder_add (words, argv[i]);
      }
    for (guint i = 0; rest != NULL && rest[i] != NULL; i++)
      g_strv_builder_add (words, rest[i]);
    g_clear_pointer (&rest, g_strfreev);
    rest = g_strv_builder_end (words);
  }

  if (rest[0] == NULL)
    return kd_cli_usage_error (_("lookup needs a code or words to look up"));
  if (limit < 0)
    return kd_cli_usage_error (_("--limit must be 0 or more"));

  if (g_str_equal (rest[0], "-") && rest[1] == NULL)
    {
      query = read_query_from_stdin (&error);
      if (query == NULL)
        return kd_cli_usage_error (error->message);
    }
  else
    query = g_strjoinv (" ", rest);

  if (!validate_query (query, strlen (query), &error))
    return kd_cli_usage_error (error->message);
  g_strstrip (query);

  kd_cli_apply_language (lang);
  lookup = kd_lookup_new (kd_error_catalog_get_default (), query);

  switch (kd_lookup_get_kind (lookup))
    {
    case KD_LOOKUP_CODE:
      return lookup_code (lookup, json);
    /* "0x1234567890" or "0xZZ" was meant as a code: say why it is not one
     * rather than searching the catalog for it as words. */
    case KD_LOOKUP_NOT_A_CODE:
      return kd_cli_usage_error (kd_lookup_get_reason (lookup));
    case KD_LOOKUP_EMPTY:
    case KD_LOOKUP_WORDS:
    default:
      return lookup_words (lookup, (guint) limit, json);
    }
}
