/* kd-report.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "kd-capture-parser.h"
#include "kd-capture-product.h"
#include "kd-capture-diff.h"
#include "kd-command.h"
#include "kd-diff-field.h"
#include "kd-diagnosis.h"
#include "kd-enum-types.h"
#include "kd-error-catalog.h"
#include "kd-field-info.h"
#include "kd-health-chart.h"
#include "kd-hresult.h"
#include "kd-redactor.h"
#include "kd-report-private.h"

/* What a case holds, as one document to attach to a ticket: where it
 * comes from, the verdict, what was checked and what was not, the
 * findings with their remedies, the health of the KMS host, its clients,
 * each capture's fields, the codes looked up, the notes, and the inputs
 * themselves.  The report is a tree of sections made of blocks (a
 * paragraph, labels and values, a table, a list, code, a finding), made
 * once; every format is written from it, so that each says the same. */

typedef struct
{
  char *name;
  gsize size;
  char *sha256;
} Input;

typedef struct
{
  char *name;
  char *text;               /* as given, for the appendix */
  KdCapture *capture;
  KdDiagnosis *diagnosis;
} Capture;

struct _KdReport
{
  GObject parent_instance;

  GArray *inputs;           /* Input */
  GPtrArray *captures;      /* Capture */
  KdHealth *health;
  GStrv codes;
  char *notes;
  GDateTime *made;
  KdRedactor *redactor;     /* when what identifies machines is masked */

  GPtrArray *sections;      /* Section, made when first written */
};

G_DEFINE_FINAL_TYPE (KdReport, kd_report, G_TYPE_OBJECT)

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_strfreev (block->columns);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block->title);
  g_free (block->remedy);
  g_free (block);
}

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->id);
  g_free (section->title);
  g_ptr_array_unref (section->blocks);
  g_free (section);
}

static void
input_clear (gpointer data)
{
  Input *input = data;

  g_free (input->name);
  g_free (input->sha256);
}

static void
capture_free (gpointer data)
{
  Capture *capture = data;

  g_free (capture->name);
  g_free (capture->text);
  g_clear_object (&capture->capture);
  g_clear_object (&capture->diagnosis);
  g_free (capture);
}

static void
kd_report_finalize (GObject *object)
{
  KdReport *self = (KdReport *) object;

  g_array_unref (self->inputs);
  g_ptr_array_unref (self->captures);
  g_clear_object (&self->health);
  g_strfreev (self->codes);
  g_free (self->notes);
  g_clear_pointer (&self->made, g_date_time_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_object (&self->redactor);

  G_OBJECT_CLASS (kd_report_parent_class)->finalize (object);
}

static void
kd_report_class_init (KdReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kd_report_finalize;
}

static void
kd_report_init (KdReport *self)
{
  self->inputs = g_array_new (FALSE, TRUE, sizeof (Input));
  g_array_set_clear_func (self->inputs, input_clear);
  self->captures = g_ptr_array_new_with_free_func (capture_free);
  self->codes = g_new0 (char *, 1);
  self->notes = g_strdup ("");
}

/* Building the tree ------------------------------------------------------- */

static Section *
add_section (KdReport   *self,
             const char *id,
             const char *title)
{
  Section *section = g_new0 (Section, 1);

  section->id = g_strdup (id);
  section->title = g_strdup (title);
  section->blocks = g_ptr_array_new_with_free_func (block_free);
  g_ptr_array_add (self->sections, section);
  return section;
}

static Block *
add_block (Section           *section,
           KdReportBlockKind  kind,
           const char        *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (section->blocks, block);
  return block;
}

static void
add_row (Block *block,
         ...)
{
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  va_list args;
  const char *cell;

  va_start (args, block);
  while ((cell = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (row, cell);
  va_end (args);
  g_ptr_array_add (block->rows, g_strv_builder_end (row));
}

/* a field whose value may be missing: a dash */
static void
add_field (Block      *block,
           const char *label,
           const char *value)
{
  add_row (block, label, value != NULL && *value != '\0' ? value : "—", NULL);
}

static char *
format_date (GDateTime *time)
{
  return time != NULL ? g_date_time_format (time, "%Y-%m-%d") : NULL;
}

static void
add_finding (Section    *section,
             KdFinding  *finding,
             const char *about)
{
  Block *block = add_block (section, KD_REPORT_BLOCK_FINDING, kd_finding_get_explanation (finding));
  GListModel *commands = kd_finding_get_commands (finding);

  block->severity = kd_finding_get_severity (finding);
  block->title = about != NULL ? g_strdup_printf ("%s — %s", kd_finding_get_title (finding), about)
                               : g_strdup (kd_finding_get_title (finding));
  block->remedy = g_strdup (kd_finding_get_remedy (finding));
  for (guint i = 0; commands != NULL && i < g_list_model_get_n_items (commands); i++)
    {
      g_autoptr(KdCommand) command = g_list_model_get_item (commands, i);

      add_row (block, kd_command_get_command (command),
               kd_command_get_description (command) != NULL ? kd_command_get_description (command) : "", NULL);
    }
}

static KdVerdict
health_verdict (KdHealth *health)
{
  GListModel *findings = kd_health_get_findings (health);
  KdVerdict verdict = KD_VERDICT_OK;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KdFinding) finding = g_list_model_get_item (findings, i);

      if (kd_finding_get_severity (finding) == KD_FINDING_ERROR)
        verdict = KD_VERDICT_ERROR;
      else if (kd_finding_get_severity (finding) == KD_FINDING_WARNING && verdict == KD_VERDICT_OK)
        verdict = KD_VERDICT_WARNING;
    }
  return verdict;
}

static void
build_summary (KdReport *self)
{
  Section *section = add_section (self, "summary", _("Verdict"));
  KdVerdict verdict = kd_report_get_verdict (self);
  guint errors = 0, warnings = 0;
  g_autofree char *summary = NULL;
  Block *products;

  for (guint i = 0; i < self->captures->len; i++)
    {
      Capture *capture = g_ptr_array_index (self->captures, i);
      GListModel *findings = kd_diagnosis_get_findings (capture->diagnosis);

      for (guint k = 0; k < g_list_model_get_n_items (findings); k++)
        {
          g_autoptr(KdFinding) finding = g_list_model_get_item (findings, k);

          errors += kd_finding_get_severity (finding) == KD_FINDING_ERROR;
          warnings += kd_finding_get_severity (finding) == KD_FINDING_WARNING;
        }
    }
  if (self->health != NULL)
    {
      GListModel *findings = kd_health_get_findings (self->health);

      for (guint k = 0; k < g_list_model_get_n_items (findings); k++)
        {
          g_autoptr(KdFinding) finding = g_list_model_get_item (findings, k);

          errors += kd_finding_get_severity (finding) == KD_FINDING_ERROR;
          warnings += kd_finding_get_severity (finding) == KD_FINDING_WARNING;
        }
    }

  add_block (section, KD_REPORT_BLOCK_PARAGRAPH, kd_verdict_get_label (verdict));
  {
    g_autofree char *read = g_strdup_printf (ngettext ("%u capture", "%u captures", self->captures->len),
                                             self->captures->len);
    g_autofree char *found_errors = g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors);
    g_autofree char *found_warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings), warnings);

    /* TRANSLATORS: "Read: 2 captures, and the health of a KMS host. Found: 1 error, 3 warnings." */
    summary = g_strdup_printf (_("Read: %s, and %s. Found: %s, %s."), read,
                               self->health != NULL ? _("the health of a KMS host") : _("no health of a KMS host"),
                               found_errors, found_warnings);
  }
  add_block (section, KD_REPORT_BLOCK_PARAGRAPH, summary);

  /* every product in one verdict: Windows and Office side by side */
  products = add_block (section, KD_REPORT_BLOCK_TABLE, NULL);
  products->columns = g_strdupv ((char *[]) { (char *) _("Product"), (char *) _("Capture"), (char *) _("Verdict"), NULL });
  for (guint i = 0; i < self->captures->len; i++)
    {
      Capture *capture = g_ptr_array_index (self->captures, i);
      const char * const *labels = kd_diagnosis_get_product_labels (capture->diagnosis);

      for (guint p = 0; labels != NULL && labels[p] != NULL; p++)
        add_row (products, labels[p], capture->name,
                 kd_verdict_get_label (kd_diagnosis_get_product_verdict (capture->diagnosis, p)), NULL);
    }
  if (products->rows->len == 0)
    {
      g_ptr_array_remove (section->blocks, products);
    }
}

static void
build_checks (KdReport *self)
{
  Section *section = add_section (self, "checks", _("What Was Checked"));
  Block *table = add_block (section, KD_REPORT_BLOCK_TABLE, NULL);
  g_autofree char *captures = g_strdup_printf (ngettext ("Checked: %u capture", "Checked: %u captures",
                                                         self->captures->len),
                                               self->captures->len);
  gboolean history = self->health != NULL && kd_health_chart_has_data (self->health, KD_HEALTH_CHART_COUNT);
  guint clients = self->health != NULL ? g_list_model_get_n_items (kd_health_get_clients (self->health)) : 0;
  g_autofree char *clients_text = g_strdup_printf (ngettext ("Checked: %u client", "Checked: %u clients", clients),
                                                   clients);
  const char *not_checked = _("Not checked: not given");

  table->columns = g_strdupv ((char *[]) { (char *) _("Check"), (char *) _("Status"), NULL });
  add_row (table, _("Captures of slmgr.vbs or ospp.vbs"), self->captures->len > 0 ? captures : not_checked, NULL);
  add_row (table, _("The host’s history of requests (event 12290)"), history ? _("Checked") : not_checked, NULL);
  add_row (table, _("The clients (their captures, events, or the host’s history)"),
           clients > 0 ? clients_text : not_checked, NULL);
  add_row (table, _("The network (DNS records and ports)"), _("Not checked: no probe in this report"), NULL);
}

static void
build_findings (KdReport *self)
{
  Section *section = add_section (self, "findings", _("Findings"));

  for (guint i = 0; i < self->captures->len; i++)
    {
      Capture *capture = g_ptr_array_index (self->captures, i);
      GListModel *findings = kd_diagnosis_get_findings (capture->diagnosis);

      for (guint k = 0; k < g_list_model_get_n_items (findings); k++)
        {
          g_autoptr(KdFinding) finding = g_list_model_get_item (findings, k);

          add_finding (section, finding, capture->name);
        }
    }
  if (self->health != NULL)
    {
      GListModel *findings = kd_health_get_findings (self->health);

      for (guint k = 0; k < g_list_model_get_n_items (findings); k++)
        {
          g_autoptr(KdFinding) finding = g_list_model_get_item (findings, k);

          add_finding (section, finding, _("KMS Health"));
        }
    }
  if (section->blocks->len == 0)
    add_block (section, KD_REPORT_BLOCK_PARAGRAPH, _("Nothing was found wrong."));
}

static void
build_health (KdReport *self)
{
  Section *section;
  Block *fields;
  g_autofree char *count = NULL, *cap = NULL, *reported = NULL, *hosts = NULL, *failed = NULL;
  g_autofree char *as_of = NULL, *below_25 = NULL, *below_5 = NULL;
  gint64 host_count;

  if (self->health == NULL)
    return;
  section = add_section (self, "health", _("KMS Health"));
  fields = add_block (section, KD_REPORT_BLOCK_FIELDS, NULL);
  as_of = g_date_time_format (kd_health_get_as_of (self->health), "%Y-%m-%d %H:%M UTC");
  count = g_strdup_printf ("%u", kd_health_get_count (self->health));
  cap = g_strdup_printf ("%u", kd_health_get_cap (self->health));
  host_count = kd_health_get_reported_count (self->health);
  reported = host_count >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, host_count) : NULL;
  hosts = g_strdup_printf ("%u", kd_health_get_n_hosts (self->health));
  failed = g_strdup_printf ("%u", kd_health_get_n_failed_requests (self->health, NULL));
  below_25 = format_date (kd_health_get_below_on (self->health, 25));
  below_5 = format_date (kd_health_get_below_on (self->health, 5));
  add_field (fields, _("As of"), as_of);
  add_field (fields, _("Count"), count);
  add_field (fields, _("Cap"), cap);
  add_field (fields, _("The host’s own count"), reported);
  add_field (fields, _("Below 25 on, if nobody renews"), below_25);
  add_field (fields, _("Below 5 on, if nobody renews"), below_5);
  add_field (fields, _("KMS hosts"), hosts);
  add_field (fields, _("Failed requests"), failed);

  /* the charts, in words: the text a chart's image stands beside */
  for (KdHealthChartKind kind = KD_HEALTH_CHART_COUNT; kind <= KD_HEALTH_CHART_EXPIRIES; kind++)
    {
      g_autofree char *text = kd_health_chart_describe (self->health, kind);

      add_block (section, KD_REPORT_BLOCK_PARAGRAPH, text);
    }
}

static void
build_clients (KdReport *self)
{
  GListModel *clients;
  Section *section;
  Block *table;

  if (self->health == NULL || g_list_model_get_n_items (clients = kd_health_get_clients (self->health)) == 0)
    return;
  section = add_section (self, "clients", _("Clients"));
  table = add_block (section, KD_REPORT_BLOCK_TABLE, NULL);
  table->columns = g_strdupv ((char *[]) {
    (char *) _("Name"), (char *) _("Machine ID (CMID)"), (char *) _("KMS host"), (char *) _("Last request (UTC)"),
    (char *) _("State"), (char *) _("Expires (UTC)"), (char *) _("Last result"), NULL });
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KdHealthClient) client = g_list_model_get_item (clients, i);
      GDateTime *last = kd_health_client_get_last_request (client);
      g_autofree char *last_text = last != NULL ? g_date_time_format (last, "%Y-%m-%d %H:%M") : g_strdup ("—");
      g_autofree char *expires = format_date (kd_health_client_get_expires (client));
      const char *name = kd_health_client_get_name (client);
      const char *host = kd_health_client_get_kms_host (client);
      const char *result = kd_health_client_get_last_hresult (client);

      add_row (table, name != NULL ? name : "—", kd_health_client_get_cmid (client), host != NULL ? host : "—",
               last_text, kd_client_license_state_get_label (kd_health_client_get_license_state (client)),
               expires != NULL ? expires : "—", result != NULL ? result : "—", NULL);
    }
}

static void
build_captures (KdReport *self)
{
  for (guint i = 0; i < self->captures->len; i++)
    {
      Capture *capture = g_ptr_array_index (self->captures, i);
      GListModel *products = kd_capture_get_products (capture->capture);
      g_autofree char *id = g_strdup_printf ("capture-%u", i + 1);
      g_autofree char *title = g_strdup_printf (_("Capture: %s"), capture->name);
      Section *section = add_section (self, id, title);

      for (guint p = 0; p < g_list_model_get_n_items (products); p++)
        {
          g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, p);
          const char *name = kd_capture_product_get_name (product);
          Block *fields;

          add_block (section, KD_REPORT_BLOCK_PARAGRAPH, name != NULL ? name : _("(a product without a name)"));
          fields = add_block (section, KD_REPORT_BLOCK_FIELDS, NULL);
          for (guint f = 0; f < kd_field_info_get_n (); f++)
            {
              const KdFieldInfo *info = kd_field_info_get_nth (f);
              const char *value = kd_capture_product_get_field (product, kd_field_info_get_key (info));

              if (value != NULL && *value != '\0')
                add_field (fields, kd_field_info_get_label (info), value);
            }
        }
    }
}

/* Two captures, a before and an after: what changed between them */
static void
build_comparison (KdReport *self)
{
  Capture *a, *b;
  g_autoptr(KdCaptureDiff) diff = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) ignored = g_string_new (NULL);
  Section *section;
  Block *table;

  if (self->captures->len != 2)
    return;
  a = g_ptr_array_index (self->captures, 0);
  b = g_ptr_array_index (self->captures, 1);
  if (g_list_model_get_n_items (kd_capture_get_products (a->capture)) == 0
      || g_list_model_get_n_items (kd_capture_get_products (b->capture)) == 0)
    return;
  diff = kd_capture_diff_new (a->capture, b->capture);
  /* TRANSLATORS: a report's section: "Comparison: before.txt → after.txt" */
  title = g_strdup_printf (_("Comparison: %s → %s"), a->name, b->name);
  section = add_section (self, "comparison", title);
  if (kd_capture_diff_is_identical (diff))
    {
      add_block (section, KD_REPORT_BLOCK_PARAGRAPH,
                 _("They say the same, but for the fields that change by themselves."));
      return;
    }
  table = add_block (section, KD_REPORT_BLOCK_TABLE, NULL);
  table->columns = g_strdupv ((char *[]) { (char *) _("Product"), (char *) _("Field"), (char *) _("Before"),
                                           (char *) _("After"), NULL });
  for (guint p = 0; p < kd_capture_diff_get_n_products (diff); p++)
    {
      KdDiffChange in;
      const char *product = kd_capture_diff_get_product (diff, p, &in);
      g_autoptr(GListModel) fields = NULL;

      /* a product in one capture only: one row, not one per field */
      if (in != KD_DIFF_SAME)
        {
          add_row (table, product != NULL ? product : "—", _("The product"),
                   in == KD_DIFF_ONLY_A ? _("Present") : "—", in == KD_DIFF_ONLY_B ? _("Present") : "—", NULL);
          continue;
        }
      fields = kd_capture_diff_dup_fields (diff, p);

      for (guint f = 0; f < g_list_model_get_n_items (fields); f++)
        {
          g_autoptr(KdDiffField) field = g_list_model_get_item (fields, f);
          KdDiffChange change = kd_diff_field_get_change (field);

          if (change == KD_DIFF_IGNORED && strstr (ignored->str, kd_diff_field_get_label (field)) == NULL)
            g_string_append_printf (ignored, "%s%s", ignored->len > 0 ? ", " : "", kd_diff_field_get_label (field));
          if (change == KD_DIFF_SAME || change == KD_DIFF_IGNORED)
            continue;
          add_row (table, product != NULL ? product : "—", kd_diff_field_get_label (field),
                   kd_diff_field_get_a (field) != NULL ? kd_diff_field_get_a (field) : "—",
                   kd_diff_field_get_b (field) != NULL ? kd_diff_field_get_b (field) : "—", NULL);
        }
    }
  if (ignored->len > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Not compared, because they change by themselves: %s."), ignored->str);

      add_block (section, KD_REPORT_BLOCK_PARAGRAPH, text);
    }
}

static void
build_codes (KdReport *self)
{
  KdErrorCatalog *catalog;
  Section *section;
  Block *list;

  if (self->codes[0] == NULL)
    return;
  catalog = kd_error_catalog_get_default ();
  section = add_section (self, "codes", _("Codes Looked Up"));
  list = add_block (section, KD_REPORT_BLOCK_LIST, NULL);
  for (guint i = 0; self->codes[i] != NULL; i++)
    {
      guint32 value;
      KdErrorCode *code = kd_hresult_parse (self->codes[i], &value, NULL) ? kd_error_catalog_lookup (catalog, value) : NULL;
      g_autofree char *item = code != NULL ? g_strdup_printf ("%s — %s", self->codes[i], kd_error_code_get_title (code))
                                           : g_strdup (self->codes[i]);

      add_row (list, item, NULL);
    }
}

static void
build_notes_and_inputs (KdReport *self)
{
  if (*self->notes != '\0')
    add_block (add_section (self, "notes", _("Notes")), KD_REPORT_BLOCK_PARAGRAPH, self->notes);

  if (self->captures->len > 0)
    {
      Section *section = add_section (self, "appendix", _("Appendix: the Captures as Given"));

      for (guint i = 0; i < self->captures->len; i++)
        {
          Capture *capture = g_ptr_array_index (self->captures, i);

          add_block (section, KD_REPORT_BLOCK_PARAGRAPH, capture->name);
          add_block (section, KD_REPORT_BLOCK_CODE, capture->text);
        }
    }
}

static void
read_captures (KdReport *self)
{
  for (guint i = 0; i < self->captures->len; i++)
    {
      Capture *capture = g_ptr_array_index (self->captures, i);

      if (capture->capture != NULL)
        continue;
      capture->capture = kd_capture_parse ((const guint8 *) capture->text, strlen (capture->text),
                                           KD_CAPTURE_PARSE_NONE, NULL);
      capture->diagnosis = kd_diagnosis_new (capture->capture);
    }
}

/* Redaction --------------------------------------------------------------- */

/* What the parsers know to identify a machine, first: the fields of the
 * captures, the clients and hosts of the health */
static void
collect_typed (KdReport *self)
{
  for (guint i = 0; i < self->captures->len; i++)
    {
      Capture *capture = g_ptr_array_index (self->captures, i);
      GListModel *products = kd_capture_get_products (capture->capture);

      for (guint p = 0; p < g_list_model_get_n_items (products); p++)
        {
          g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, p);

          for (guint f = 0; f < kd_field_info_get_n (); f++)
            {
              const char *key = kd_field_info_get_key (kd_field_info_get_nth (f));
              const char *value = kd_capture_product_get_field (product, key);

              if (value != NULL)
                kd_redactor_add_field (self->redactor, key, value);
            }
          kd_redactor_keep (self->redactor, kd_capture_product_get_field (product, "activation_id"));
          kd_redactor_keep (self->redactor, kd_capture_product_get_field (product, "application_id"));
        }
    }
  if (self->health != NULL)
    {
      GListModel *clients = kd_health_get_clients (self->health);
      g_autofree char *domain = kd_health_dup_domain (self->health);

      kd_redactor_add (self->redactor, KD_REDACT_DOMAIN, domain);
      for (guint i = 0; i < kd_health_get_n_hosts (self->health); i++)
        kd_redactor_add (self->redactor, KD_REDACT_HOST, kd_health_get_host (self->health, i, NULL, NULL, NULL));
      for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
        {
          g_autoptr(KdHealthClient) client = g_list_model_get_item (clients, i);
          const char * const *names = kd_health_client_get_names (client);

          kd_redactor_add (self->redactor, KD_REDACT_CMID, kd_health_client_get_cmid (client));
          kd_redactor_add (self->redactor, KD_REDACT_HOST, kd_health_client_get_kms_host (client));
          kd_redactor_keep (self->redactor, kd_health_client_get_activation_id (client));
          for (guint n = 0; names != NULL && names[n] != NULL; n++)
            kd_redactor_add (self->redactor, KD_REDACT_HOST, names[n]);
        }
    }
}

static void
redact_string (KdReport  *self,
               char     **text)
{
  char *redacted;

  if (*text == NULL)
    return;
  redacted = kd_redactor_apply (self->redactor, *text);
  g_free (*text);
  *text = redacted;
}

static void
redact_strv (KdReport *self,
             GStrv     strv)
{
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    redact_string (self, &strv[i]);
}

/* Then every word of the report, the free text included: the findings
 * name machines, the appendix holds the captures as given */
static void
redact (KdReport *self)
{
  kd_redactor_reset_counts (self->redactor);
  collect_typed (self);
  for (guint s = 0; s < self->sections->len; s++)
    {
      Section *section = g_ptr_array_index (self->sections, s);

      redact_string (self, &section->title);
      for (guint b = 0; b < section->blocks->len; b++)
        {
          Block *block = g_ptr_array_index (section->blocks, b);

          redact_string (self, &block->text);
          redact_string (self, &block->title);
          redact_string (self, &block->remedy);
          for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
            redact_strv (self, g_ptr_array_index (block->rows, r));
        }
    }
  for (guint i = 0; i < self->inputs->len; i++)
    redact_string (self, &g_array_index (self->inputs, Input, i).name);
}

/* A path may hold the user's name: in a redacted report, the file's name
 * is enough */
static void
keep_file_name (char **path)
{
  char *base = g_path_get_basename (*path);

  g_free (*path);
  *path = base;
}

static void
build (KdReport *self)
{
  read_captures (self);
  if (self->sections != NULL)
    return;
  self->sections = g_ptr_array_new_with_free_func (section_free);
  for (guint i = 0; self->redactor != NULL && i < self->captures->len; i++)
    keep_file_name (&((Capture *) g_ptr_array_index (self->captures, i))->name);
  for (guint i = 0; self->redactor != NULL && i < self->inputs->len; i++)
    keep_file_name (&g_array_index (self->inputs, Input, i).name);
  build_summary (self);
  build_checks (self);
  build_findings (self);
  build_health (self);
  build_clients (self);
  build_captures (self);
  build_comparison (self);
  build_codes (self);
  build_notes_and_inputs (self);
  if (self->redactor != NULL)
    redact (self);
}

/* For the renderers of kd-report-pdf.c ---------------------------------- */

GPtrArray *
kd_report_get_sections (KdReport *self)
{
  if (self->made == NULL)
    self->made = g_date_time_new_now_utc ();
  build (self);
  return self->sections;
}

KdHealth *
kd_report_get_health (KdReport *self)
{
  return self->health;
}

/* Where the report comes from, a line each: what the top of every format
 * says */
GStrv
kd_report_dup_provenance (KdReport *self)
{
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_autofree char *made = NULL;

  if (self->made == NULL)
    self->made = g_date_time_new_now_utc ();
  /* the counts of what was masked are known once it is */
  build (self);
  made = g_date_time_format (self->made, "%Y-%m-%d %H:%M UTC");
  if (self->redactor == NULL)
    g_strv_builder_take (lines, g_strdup_printf (_("Made %s by KMS Doctor %s; not redacted."), made, PACKAGE_VERSION));
  else
    {
      g_autoptr(GString) counts = g_string_new (NULL);

      for (KdRedactKind kind = 0; kind < KD_REDACT_N_KINDS; kind++)
        if (kd_redactor_get_n_masked (self->redactor, kind) > 0)
          {
            g_autofree char *count = kd_redact_kind_dup_count (kind, kd_redactor_get_n_masked (self->redactor, kind));

            if (counts->len > 0)
              g_string_append (counts, ", ");
            g_string_append (counts, count);
          }
      g_strv_builder_take (lines, g_strdup_printf (_("Made %s by KMS Doctor %s; redacted (best effort: check it before "
                                                     "sending), values masked: %s."),
                                                   made, PACKAGE_VERSION, counts->len > 0 ? counts->str : _("none")));
    }
  for (guint i = 0; i < self->inputs->len; i++)
    {
      Input *input = &g_array_index (self->inputs, Input, i);
      g_autofree char *size = g_format_size (input->size);

      g_strv_builder_take (lines, *input->sha256 != '\0'
                                    ? g_strdup_printf (_("Input: %s (%s, SHA-256 %s)"), input->name, size, input->sha256)
                                    : g_strdup_printf (_("Input: %s"), input->name));
    }
  return g_strv_builder_end (lines);
}

/* The line at the top of each page: short, and whether it is redacted */
char *
kd_report_dup_page_header (KdReport *self)
{
  g_autofree char *made = NULL;

  if (self->made == NULL)
    self->made = g_date_time_new_now_utc ();
  made = g_date_time_format (self->made, "%Y-%m-%d %H:%M UTC");
  return g_strdup_printf ("%s — %s — %s", _("KMS Doctor Report"), made,
                          self->redactor != NULL ? _("redacted") : _("not redacted"));
}

GDateTime *
kd_report_get_made (KdReport *self)
{
  if (self->made == NULL)
    self->made = g_date_time_new_now_utc ();
  return self->made;
}

KdRedactor *
kd_report_get_redactor (KdReport *self)
{
  return self->redactor;
}

guint
kd_report_get_n_inputs (KdReport *self)
{
  return self->inputs->len;
}

void
kd_report_get_input (KdReport    *self,
                     guint        i,
                     const char **name,
                     gsize       *size,
                     const char **sha256)
{
  Input *input = &g_array_index (self->inputs, Input, i);

  *name = input->name;
  *size = input->size;
  *sha256 = input->sha256;
}

/* Public API -------------------------------------------------------------- */

KdReport *
kd_report_new (void)
{
  return g_object_new (KD_TYPE_REPORT, NULL);
}

/**
 * kd_report_add_input:
 * @name: the input's name, as the user gave it
 * @contents: (nullable): its bytes, for its size and SHA-256; %NULL for a
 *   folder
 *
 * An input listed at the top of the report, where it comes from.
 */
void
kd_report_add_input (KdReport   *self,
                     const char *name,
                     GBytes     *contents)
{
  Input input = { g_strdup (name), 0, NULL };

  g_return_if_fail (KD_IS_REPORT (self));
  g_return_if_fail (name != NULL);

  if (contents != NULL)
    {
      input.size = g_bytes_get_size (contents);
      input.sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
    }
  else
    input.sha256 = g_strdup ("");
  g_array_append_val (self->inputs, input);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
}

/**
 * kd_report_add_capture:
 * @name: (nullable): where it came from, or %NULL for a paste
 * @text: what slmgr.vbs or ospp.vbs printed, in UTF-8
 *
 * A capture, read and diagnosed when the report is written (maybe in a
 * worker), and given whole in its appendix.
 */
void
kd_report_add_capture (KdReport   *self,
                       const char *name,
                       const char *text)
{
  Capture *entry;

  g_return_if_fail (KD_IS_REPORT (self));
  g_return_if_fail (text != NULL);

  entry = g_new0 (Capture, 1);
  entry->name = g_strdup (name != NULL ? name : _("Pasted capture"));
  entry->text = g_strdup (text);
  /* read when the report is made: maybe in a worker */
  g_ptr_array_add (self->captures, entry);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
}

/**
 * kd_report_set_health:
 * @health: (nullable): the health snapshot of the KMS host, finished
 */
void
kd_report_set_health (KdReport *self,
                      KdHealth *health)
{
  g_return_if_fail (KD_IS_REPORT (self));

  g_set_object (&self->health, health);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
}

void
kd_report_set_codes (KdReport           *self,
                     const char * const *codes)
{
  g_return_if_fail (KD_IS_REPORT (self));

  g_strfreev (self->codes);
  self->codes = codes != NULL ? g_strdupv ((char **) codes) : g_new0 (char *, 1);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
}

void
kd_report_set_notes (KdReport   *self,
                     const char *notes)
{
  g_return_if_fail (KD_IS_REPORT (self));

  g_set_str (&self->notes, notes != NULL ? notes : "");
  g_clear_pointer (&self->sections, g_ptr_array_unref);
}

/**
 * kd_report_set_made:
 * @made: (nullable): when the report is made, or %NULL for now
 */
void
kd_report_set_made (KdReport  *self,
                    GDateTime *made)
{
  g_return_if_fail (KD_IS_REPORT (self));

  g_clear_pointer (&self->made, g_date_time_unref);
  self->made = made != NULL ? g_date_time_to_utc (made) : NULL;
}

/**
 * kd_report_set_redactor:
 * @redactor: (nullable): what masks the values that identify a machine or
 *   a person, or %NULL to write them as they are
 *
 * Masks, in every format, what @redactor knows or finds (see
 * #KdRedactor); the report says what it masked.  The redactor learns the
 * report's values, so the same one gives the same masks to every report
 * of a case.
 */
void
kd_report_set_redactor (KdReport   *self,
                        KdRedactor *redactor)
{
  g_return_if_fail (KD_IS_REPORT (self));
  g_return_if_fail (redactor == NULL || KD_IS_REDACTOR (redactor));
  g_return_if_fail (self->sections == NULL);

  g_set_object (&self->redactor, redactor);
}

/**
 * kd_report_get_verdict:
 *
 * Returns: the worst of the captures' verdicts and the health's findings
 */
KdVerdict
kd_report_get_verdict (KdReport *self)
{
  KdVerdict verdict = KD_VERDICT_OK;

  g_return_val_if_fail (KD_IS_REPORT (self), KD_VERDICT_OK);

  read_captures (self);
  for (guint i = 0; i < self->captures->len; i++)
    verdict = MAX (verdict, kd_diagnosis_get_verdict (((Capture *) g_ptr_array_index (self->captures, i))->diagnosis));
  if (self->health != NULL)
    verdict = MAX (verdict, health_verdict (self->health));
  return verdict;
}
