/* kd-report-render.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "kd-enum-types.h"
#include "kd-health-client.h"
#include "kd-report-private.h"

/* The report's tree (kd-report.c) written as plain text, Markdown, JSON
 * or CSV, and the HTML of kd-report-html.c: kd_report_render(). */

/* Plain text -------------------------------------------------------------- */

static void
text_underline (GString    *out,
                const char *title,
                char        mark)
{
  g_string_append_printf (out, "%s\n", title);
  for (glong i = 0; i < g_utf8_strlen (title, -1); i++)
    g_string_append_c (out, mark);
  g_string_append (out, "\n\n");
}

static void
text_table (GString *out,
            GStrv    columns,
            GPtrArray *rows)
{
  guint n = columns != NULL ? g_strv_length (columns) : (rows->len > 0 ? g_strv_length (g_ptr_array_index (rows, 0)) : 0);
  g_autofree glong *widths = g_new0 (glong, MAX (n, 1));

  for (guint c = 0; c < n && columns != NULL; c++)
    widths[c] = g_utf8_strlen (columns[c], -1);
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n && row[c] != NULL; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (row[c], -1));
    }
  for (int r = columns != NULL ? -1 : 0; r < (int) rows->len; r++)
    {
      GStrv row = r < 0 ? columns : g_ptr_array_index (rows, r);

      for (guint c = 0; c < n && row[c] != NULL; c++)
        {
          g_string_append (out, row[c]);
          if (c + 1 < n)
            for (glong pad = g_utf8_strlen (row[c], -1); pad < widths[c] + 2; pad++)
              g_string_append_c (out, ' ');
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
render_text (KdReport *self,
             GString  *out)
{
  for (guint s = 0; s < kd_report_get_sections (self)->len; s++)
    {
      Section *section = g_ptr_array_index (kd_report_get_sections (self), s);

      text_underline (out, section->title, '=');
      for (guint b = 0; b < section->blocks->len; b++)
        {
          Block *block = g_ptr_array_index (section->blocks, b);

          switch (block->kind)
            {
            case KD_REPORT_BLOCK_PARAGRAPH:
              g_string_append_printf (out, "%s\n\n", block->text);
              break;
            case KD_REPORT_BLOCK_FIELDS:
            case KD_REPORT_BLOCK_TABLE:
              text_table (out, block->columns, block->rows);
              break;
            case KD_REPORT_BLOCK_LIST:
              for (guint r = 0; r < block->rows->len; r++)
                g_string_append_printf (out, "- %s\n", ((GStrv) g_ptr_array_index (block->rows, r))[0]);
              g_string_append_c (out, '\n');
              break;
            case KD_REPORT_BLOCK_CODE:
              {
                g_auto(GStrv) lines = g_strsplit (block->text != NULL ? block->text : "", "\n", -1);

                for (guint l = 0; lines[l] != NULL; l++)
                  g_string_append_printf (out, "    %s\n", lines[l]);
                g_string_append_c (out, '\n');
              }
              break;
            case KD_REPORT_BLOCK_FINDING:
              g_string_append_printf (out, "[%s] %s\n\n%s\n\n", kd_finding_severity_get_label (block->severity),
                                      block->title, block->text != NULL ? block->text : "");
              if (block->remedy != NULL && *block->remedy != '\0')
                g_string_append_printf (out, "%s\n\n", block->remedy);
              for (guint r = 0; r < block->rows->len; r++)
                g_string_append_printf (out, "    %s\n", ((GStrv) g_ptr_array_index (block->rows, r))[0]);
              if (block->rows->len > 0)
                g_string_append_c (out, '\n');
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
}

/* Markdown ---------------------------------------------------------------- */

/* Text that Markdown shows as it is: what it would read as markup is
 * escaped, and a line break in a table cell is a space */
static void
md_escape (GString    *out,
           const char *text,
           gboolean    in_table)
{
  for (const char *c = text != NULL ? text : ""; *c != '\0'; c++)
    {
      if (strchr ("\\`*_[]<>|", *c) != NULL)
        g_string_append_c (out, '\\');
      if (in_table && (*c == '\n' || *c == '\r'))
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *c);
    }
}

/* A fence longer than any run of backticks in @text */
static char *
md_fence (const char *text)
{
  guint longest = 0, run = 0;

  for (const char *c = text != NULL ? text : ""; *c != '\0'; c++)
    {
      run = *c == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  return g_strnfill (MAX (3, longest + 1), '`');
}

static void
md_table (GString   *out,
          GStrv      columns,
          GPtrArray *rows)
{
  guint n = columns != NULL ? g_strv_length (columns) : 2;
  const char *fields[] = { _("Field"), _("Value"), NULL };

  if (columns == NULL)
    columns = (GStrv) fields;
  g_string_append (out, "|");
  for (guint c = 0; c < n; c++)
    {
      g_string_append_c (out, ' ');
      md_escape (out, columns[c], TRUE);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint c = 0; c < n; c++)
    g_string_append (out, "---|");
  g_string_append_c (out, '\n');
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);

      g_string_append (out, "|");
      for (guint c = 0; c < n && row[c] != NULL; c++)
        {
          g_string_append_c (out, ' ');
          md_escape (out, row[c], TRUE);
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

static void
render_markdown (KdReport *self,
                 GString  *out)
{
  for (guint s = 0; s < kd_report_get_sections (self)->len; s++)
    {
      Section *section = g_ptr_array_index (kd_report_get_sections (self), s);

      g_string_append (out, "## ");
      md_escape (out, section->title, FALSE);
      g_string_append (out, "\n\n");
      for (guint b = 0; b < section->blocks->len; b++)
        {
          Block *block = g_ptr_array_index (section->blocks, b);

          switch (block->kind)
            {
            case KD_REPORT_BLOCK_PARAGRAPH:
              md_escape (out, block->text, FALSE);
              g_string_append (out, "\n\n");
              break;
            case KD_REPORT_BLOCK_FIELDS:
            case KD_REPORT_BLOCK_TABLE:
              md_table (out, block->columns, block->rows);
              break;
            case KD_REPORT_BLOCK_LIST:
              for (guint r = 0; r < block->rows->len; r++)
                {
                  g_string_append (out, "- ");
                  md_escape (out, ((GStrv) g_ptr_array_index (block->rows, r))[0], TRUE);
                  g_string_append_c (out, '\n');
                }
              g_string_append_c (out, '\n');
              break;
            case KD_REPORT_BLOCK_CODE:
              {
                g_autofree char *fence = md_fence (block->text);

                g_string_append_printf (out, "%s\n%s\n%s\n\n", fence, block->text != NULL ? block->text : "", fence);
              }
              break;
            case KD_REPORT_BLOCK_FINDING:
              g_string_append (out, "### ");
              md_escape (out, kd_finding_severity_get_label (block->severity), FALSE);
              g_string_append (out, ": ");
              md_escape (out, block->title, FALSE);
              g_string_append (out, "\n\n");
              md_escape (out, block->text, FALSE);
              g_string_append (out, "\n\n");
              if (block->remedy != NULL && *block->remedy != '\0')
                {
                  md_escape (out, block->remedy, FALSE);
                  g_string_append (out, "\n\n");
                }
              if (block->rows->len > 0)
                {
                  g_autoptr(GString) commands = g_string_new (NULL);
                  g_autofree char *fence = NULL;

                  for (guint r = 0; r < block->rows->len; r++)
                    g_string_append_printf (commands, "%s\n", ((GStrv) g_ptr_array_index (block->rows, r))[0]);
                  fence = md_fence (commands->str);
                  g_string_append_printf (out, "%s\n%s%s\n\n", fence, commands->str, fence);
                }
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
}

/* JSON (docs/report-json.md) --------------------------------------------- */

static void
json_rows (JsonBuilder *builder,
           const char  *member,
           GPtrArray   *rows,
           gboolean     first_only)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint r = 0; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);

      if (first_only)
        {
          json_builder_add_string_value (builder, row[0]);
          continue;
        }
      json_builder_begin_array (builder);
      for (guint c = 0; row[c] != NULL; c++)
        json_builder_add_string_value (builder, row[c]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

static void
render_json (KdReport *self,
             GString  *out)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *made = g_date_time_format_iso8601 (kd_report_get_made (self));
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, KD_REPORT_FORMAT_VERSION);
  json_builder_set_member_name (builder, "generator");
  json_builder_add_string_value (builder, "KMS Doctor " PACKAGE_VERSION);
  json_builder_set_member_name (builder, "made");
  json_builder_add_string_value (builder, made);
  json_builder_set_member_name (builder, "redacted");
  json_builder_add_boolean_value (builder, kd_report_get_redactor (self) != NULL);
  json_builder_set_member_name (builder, "masked");
  if (kd_report_get_redactor (self) == NULL)
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      for (KdRedactKind kind = 0; kind < KD_REDACT_N_KINDS; kind++)
        {
          json_builder_set_member_name (builder, kd_enum_get_nick (KD_TYPE_REDACT_KIND, kind));
          json_builder_add_int_value (builder, kd_redactor_get_n_masked (kd_report_get_redactor (self), kind));
        }
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, kd_verdict_get_id (kd_report_get_verdict (self)));
  json_builder_set_member_name (builder, "inputs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < kd_report_get_n_inputs (self); i++)
    {
      const char *name, *sha256;
      gsize size;

      kd_report_get_input (self, i, &name, &size, &sha256);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) size);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint s = 0; s < kd_report_get_sections (self)->len; s++)
    {
      Section *section = g_ptr_array_index (kd_report_get_sections (self), s);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, section->id);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, section->title);
      json_builder_set_member_name (builder, "blocks");
      json_builder_begin_array (builder);
      for (guint b = 0; b < section->blocks->len; b++)
        {
          Block *block = g_ptr_array_index (section->blocks, b);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, kd_enum_get_nick (KD_TYPE_REPORT_BLOCK_KIND, block->kind));
          switch (block->kind)
            {
            case KD_REPORT_BLOCK_PARAGRAPH:
            case KD_REPORT_BLOCK_CODE:
              json_builder_set_member_name (builder, "text");
              json_builder_add_string_value (builder, block->text != NULL ? block->text : "");
              break;
            case KD_REPORT_BLOCK_FIELDS:
              json_rows (builder, "fields", block->rows, FALSE);
              break;
            case KD_REPORT_BLOCK_TABLE:
              json_builder_set_member_name (builder, "columns");
              json_builder_begin_array (builder);
              for (guint c = 0; block->columns[c] != NULL; c++)
                json_builder_add_string_value (builder, block->columns[c]);
              json_builder_end_array (builder);
              json_rows (builder, "rows", block->rows, FALSE);
              break;
            case KD_REPORT_BLOCK_LIST:
              json_rows (builder, "items", block->rows, TRUE);
              break;
            case KD_REPORT_BLOCK_FINDING:
              json_builder_set_member_name (builder, "severity");
              json_builder_add_string_value (builder, kd_finding_severity_get_id (block->severity));
              json_builder_set_member_name (builder, "title");
              json_builder_add_string_value (builder, block->title);
              json_builder_set_member_name (builder, "explanation");
              json_builder_add_string_value (builder, block->text != NULL ? block->text : "");
              json_builder_set_member_name (builder, "remedy");
              json_builder_add_string_value (builder, block->remedy != NULL ? block->remedy : "");
              json_rows (builder, "commands", block->rows, TRUE);
              break;
            default:
              g_assert_not_reached ();
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
  g_string_append_c (out, '\n');
}


/**
 * kd_report_render:
 * @format: what to write
 * @out: where to append it
 *
 * Writes the report; the CSV is its client table.
 */
void
kd_report_render (KdReport       *self,
                  KdReportFormat  format,
                  GString        *out)
{
  g_return_if_fail (KD_IS_REPORT (self));
  g_return_if_fail (out != NULL);
  g_return_if_fail (format != KD_REPORT_FORMAT_PDF);

  /* the tree made, and redacted: what every format writes */
  kd_report_get_made (self);
  kd_report_get_sections (self);

  switch (format)
    {
    case KD_REPORT_FORMAT_TEXT:
    case KD_REPORT_FORMAT_MARKDOWN:
      {
        gboolean md = format == KD_REPORT_FORMAT_MARKDOWN;
        g_auto(GStrv) provenance = kd_report_dup_provenance (self);

        if (md)
          {
            g_string_append (out, "# ");
            md_escape (out, _("KMS Doctor Report"), FALSE);
            g_string_append (out, "\n\n");
          }
        else
          text_underline (out, _("KMS Doctor Report"), '#');
        for (guint i = 0; provenance[i] != NULL; i++)
          {
            if (md && i > 0)
              g_string_append (out, "- ");
            if (md)
              md_escape (out, provenance[i], FALSE);
            else
              g_string_append (out, provenance[i]);
            g_string_append (out, i == 0 ? "\n\n" : "\n");
          }
        g_string_append_c (out, '\n');
        if (md)
          render_markdown (self, out);
        else
          render_text (self, out);
      }
      break;
    case KD_REPORT_FORMAT_JSON:
      render_json (self, out);
      break;
    case KD_REPORT_FORMAT_HTML:
      kd_report_render_html (self, out);
      break;
    case KD_REPORT_FORMAT_CSV:
      {
        g_autoptr(GListStore) none = g_list_store_new (KD_TYPE_HEALTH_CLIENT);
        g_autoptr(GString) csv = g_string_new (NULL);
        g_autofree char *redacted = NULL;

        kd_health_clients_to_csv (kd_report_get_health (self) != NULL ? kd_health_get_clients (kd_report_get_health (self)) : G_LIST_MODEL (none),
                                  csv);
        /* the same masks as the report's: its words were collected */
        if (kd_report_get_redactor (self) != NULL)
          redacted = kd_redactor_apply (kd_report_get_redactor (self), csv->str);
        g_string_append (out, redacted != NULL ? redacted : csv->str);
      }
      break;
    default:
      g_return_if_reached ();
    }
}
