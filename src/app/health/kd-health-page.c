/* kd-health-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kd-chart.h"
#include "kd-client-table.h"
#include "kd-command-row.h"
#include "kd-finding-row.h"
#include "kd-health-chart.h"
#include "kd-health-page.h"
#include "kd-kms-limits.h"
#include "kd-products.h"
#include "kd-stat-card.h"
#include "kd-text-row.h"

/* KMS Health: the files and folders the user gave on the left, what they
 * say on the right.  The inputs belong to the case, so they are read again
 * after a restart.  Any change of them (or of the approved hosts, or a
 * probe that found hosts) makes a new snapshot from all of them in a
 * worker (KdHealthImport), with progress and a way to cancel; the page
 * shows the last snapshot made until the new one is ready, and nothing of
 * it is built on the main thread. */

/* Problems listed under an input; a folder of ten thousand unreadable
 * files says how many more there are */
#define MAX_PROBLEM_ROWS 50

struct _KdHealthPage
{
  KdPage parent_instance;

  /* Template children */
  AdwNavigationSplitView *split_view;
  GtkStack *inputs_stack;
  GtkListBox *inputs_list;
  AdwViewStack *view_stack;
  GtkStack *summary_stack;
  GtkLabel *as_of_label;
  KdStatCard *count_card;
  GtkLevelBar *count_gauge;
  KdStatCard *reported_card;
  KdStatCard *hosts_card;
  KdStatCard *clones_card;
  KdStatCard *failures_card;
  KdStatCard *expiring_card;
  KdStatCard *probe_card;
  KdChart *count_chart;
  KdChart *requests_chart;
  KdChart *expiries_chart;
  AdwPreferencesGroup *findings_group;
  GtkListBox *findings_list;
  KdClientTable *client_table;
  AdwEntryRow *domain_row;
  AdwEntryRow *server_row;
  AdwButtonRow *probe_button;
  AdwPreferencesGroup *probe_group;
  GtkListBox *probe_list;
  AdwPreferencesGroup *hosts_group;
  GtkListBox *hosts_list;

  KdCase *case_;            /* whose health inputs the page reads */
  KdCase *own_case;         /* until the window gives it one */
  GSettings *settings;

  KdHealth *health;         /* the snapshot shown, or NULL */
  GStrv shown_inputs;       /* what it was made from */
  KdHealthImport *import;   /* the one under way, or NULL */
  GStrv importing_inputs;
  GCancellable *importing;

  KdProbe *probe;           /* the last one that finished */
  KdProbe *probing;         /* the one under way */
  GCancellable *probe_cancellable;
  char *suggested_domain;   /* what the domain entry was filled with */

};

G_DEFINE_FINAL_TYPE (KdHealthPage, kd_health_page, KD_TYPE_PAGE)

enum {
  PROP_0,
  PROP_HEALTH,
  PROP_IMPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_import (KdHealthPage *self);

static KdCase *
inputs_case (KdHealthPage *self)
{
  return self->case_ != NULL ? self->case_ : self->own_case;
}

/* Closures of the template ----------------------------------------------- */

static gboolean
kd_health_page_is_set (gpointer  user_data,
                       GObject  *object)
{
  return object != NULL;
}

static AdwInlineViewSwitcherDisplayMode
kd_health_page_switcher_mode (gpointer user_data,
                              gboolean narrow)
{
  return narrow ? ADW_INLINE_VIEW_SWITCHER_ICONS : ADW_INLINE_VIEW_SWITCHER_BOTH;
}

/* The inputs panel -------------------------------------------------------- */

/* @input is @path itself, or a file below the folder @path */
static gboolean
is_under (const char *input,
          const char *path)
{
  gsize length = strlen (path);

  return strncmp (input, path, length) == 0 && (input[length] == '\0' || input[length] == G_DIR_SEPARATOR);
}

/* One row per input the user gave: what it turned out to be, and the
 * files in it that gave nothing, each with its reason */
static GtkWidget *
input_row (KdHealthPage *self,
           const char   *path)
{
  GtkWidget *row;
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *subtitle = NULL;
  g_autoptr(GPtrArray) problem_rows = g_ptr_array_new ();
  guint captures = 0, logs = 0, events = 0, failed = 0, problems = 0;
  gboolean read = self->shown_inputs != NULL && g_strv_contains ((const char * const *) self->shown_inputs, path);
  GListModel *inputs = self->health != NULL ? kd_health_get_inputs (self->health) : NULL;
  const char *single_problem = NULL;

  for (guint i = 0; read && inputs != NULL && i < g_list_model_get_n_items (inputs); i++)
    {
      g_autoptr(KdHealthInput) input = g_list_model_get_item (inputs, i);
      const char *input_path = kd_health_input_get_path (input);

      if (!is_under (input_path, path))
        continue;
      switch (kd_health_input_get_kind (input))
        {
        case KD_HEALTH_INPUT_CAPTURE:
          captures++;
          break;
        case KD_HEALTH_INPUT_EVENTS:
          logs++;
          events += kd_health_input_get_items (input);
          break;
        case KD_HEALTH_INPUT_UNREADABLE:
        case KD_HEALTH_INPUT_OTHER:
        default:
          failed++;
          break;
        }
      if (kd_health_input_get_problem (input) != NULL)
        {
          const char *shown = input_path[strlen (path)] == G_DIR_SEPARATOR ? input_path + strlen (path) + 1 : name;

          single_problem = kd_health_input_get_problem (input);
          if (++problems <= MAX_PROBLEM_ROWS)
            g_ptr_array_add (problem_rows, kd_text_row_new (shown, single_problem));
        }
    }
  if (problems > MAX_PROBLEM_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more file", "And %u more files",
                                                         problems - MAX_PROBLEM_ROWS),
                                               problems - MAX_PROBLEM_ROWS);

      g_ptr_array_add (problem_rows, kd_text_row_new (more, _("Not listed one by one")));
    }

  if (!read)
    subtitle = g_strdup (self->import != NULL ? _("Being read…") : _("Not read"));
  else if (captures + logs + failed == 0)
    subtitle = g_strdup (_("No files"));
  else if (captures + logs + failed == 1 && failed == 1)
    subtitle = g_strdup (single_problem != NULL ? single_problem : _("Not used"));
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);

      if (captures > 0)
        g_string_append_printf (text, ngettext ("%u capture", "%u captures", captures), captures);
      if (logs > 0)
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append_printf (text, ngettext ("%u event log", "%u event logs", logs), logs);
          g_string_append_c (text, ' ');
          g_string_append_printf (text, ngettext ("(%u event)", "(%u events)", events), events);
        }
      if (failed > 0)
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append_printf (text, ngettext ("%u file not used", "%u files not used", failed), failed);
        }
      subtitle = g_string_free (g_steal_pointer (&text), FALSE);
    }

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove"), -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "health.remove-input");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", path);

  /* a file or folder that gave something unusable opens on the reasons */
  if (problem_rows->len > 0)
    {
      row = adw_expander_row_new ();
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_add_suffix (ADW_EXPANDER_ROW (row), remove);
      for (guint i = 0; i < problem_rows->len; i++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), g_ptr_array_index (problem_rows, i));
      gtk_widget_add_css_class (row, "warning");
    }
  else
    {
      row = kd_text_row_new (name, subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_set_tooltip_text (row, path);
  return row;
}

static void
show_inputs (KdHealthPage *self)
{
  const char * const *paths = kd_case_get_health_inputs (inputs_case (self));

  gtk_list_box_remove_all (self->inputs_list);
  for (guint i = 0; paths[i] != NULL; i++)
    gtk_list_box_append (self->inputs_list, input_row (self, paths[i]));
  gtk_stack_set_visible_child_name (self->inputs_stack, paths[0] != NULL ? "list" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.clear", paths[0] != NULL);
}

/* The summary ------------------------------------------------------------- */

static char *
format_date (GDateTime *time)
{
  /* TRANSLATORS: a date in a sentence, in strftime() format */
  return g_date_time_format (time, _("%-d %B %Y"));
}

static void
show_count (KdHealthPage *self)
{
  guint count = kd_health_get_count (self->health);
  guint cap = kd_health_get_cap (self->health);
  GDateTime *below_25 = kd_health_get_below_on (self->health, KD_KMS_THRESHOLD_CLIENT);
  GDateTime *below_5 = kd_health_get_below_on (self->health, KD_KMS_THRESHOLD_SERVER);
  g_autofree char *value = g_strdup_printf ("%u", count);
  g_autoptr(GString) detail = g_string_new (NULL);
  GDateTime *next = count >= KD_KMS_THRESHOLD_CLIENT ? below_25 : below_5;

  if (count >= KD_KMS_THRESHOLD_CLIENT)
    g_string_append (detail, _("Windows clients, servers and Office can activate."));
  else if (count >= KD_KMS_THRESHOLD_SERVER)
    g_string_append (detail, _("Servers and Office can activate; Windows clients need 25."));
  else
    g_string_append (detail, _("Nothing activates: servers and Office need 5, Windows clients 25."));
  if (next != NULL && count >= KD_KMS_THRESHOLD_SERVER)
    {
      g_autofree char *on = format_date (next);

      g_string_append_c (detail, ' ');
      g_string_append_printf (detail, _("Below %u on %s if nobody renews."),
                              count >= KD_KMS_THRESHOLD_CLIENT ? KD_KMS_THRESHOLD_CLIENT : KD_KMS_THRESHOLD_SERVER, on);
    }
  g_string_append_c (detail, ' ');
  g_string_append_printf (detail, _("The cap is %u."), cap);

  kd_stat_card_set_value (self->count_card, value);
  kd_stat_card_set_detail (self->count_card, detail->str);
  kd_stat_card_set_tone (self->count_card, count >= KD_KMS_THRESHOLD_CLIENT ? KD_STAT_TONE_GOOD
                                           : count >= KD_KMS_THRESHOLD_SERVER ? KD_STAT_TONE_WARNING
                                                                               : KD_STAT_TONE_ERROR);
  gtk_level_bar_set_max_value (self->count_gauge, MAX (cap, KD_KMS_THRESHOLD_CLIENT));
  gtk_level_bar_set_value (self->count_gauge, MIN (count, MAX (cap, KD_KMS_THRESHOLD_CLIENT)));
  gtk_level_bar_add_offset_value (self->count_gauge, GTK_LEVEL_BAR_OFFSET_FULL, MAX (cap, KD_KMS_THRESHOLD_CLIENT));
}

static void
show_reported (KdHealthPage *self)
{
  gint64 reported = kd_health_get_reported_count (self->health);
  guint count = kd_health_get_count (self->health);
  gboolean history = kd_health_chart_has_data (self->health, KD_HEALTH_CHART_COUNT);
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;
  KdStatTone tone = KD_STAT_TONE_NEUTRAL;

  if (reported < 0)
    {
      value = g_strdup ("—");
      detail = g_strdup (_("Add the host’s slmgr /dlv to compare it with the count."));
    }
  else
    {
      value = g_strdup_printf ("%" G_GINT64_FORMAT, reported);
      if (!history)
        detail = g_strdup (_("No history of requests was given to compare it with."));
      else if (reported == count)
        {
          detail = g_strdup (_("The same as the count made from its history."));
          tone = KD_STAT_TONE_GOOD;
        }
      else if (reported > count)
        {
          guint gap = (guint) (reported - count);

          detail = g_strdup_printf (ngettext ("%u more than its history shows: the log was cleared or full, or "
                                              "other hosts’ clients are counted",
                                              "%u more than its history shows: the log was cleared or full, or "
                                              "other hosts’ clients are counted",
                                              gap),
                                    gap);
          tone = KD_STAT_TONE_WARNING;
        }
      else
        {
          guint gap = (guint) (count - reported);

          detail = g_strdup_printf (ngettext ("%u fewer than its history shows: the capture is older than the "
                                              "history, or the host was restarted",
                                              "%u fewer than its history shows: the capture is older than the "
                                              "history, or the host was restarted",
                                              gap),
                                    gap);
          tone = KD_STAT_TONE_WARNING;
        }
    }
  kd_stat_card_set_value (self->reported_card, value);
  kd_stat_card_set_detail (self->reported_card, detail);
  kd_stat_card_set_tone (self->reported_card, tone);
}

static void
show_hosts (KdHealthPage *self)
{
  guint n = kd_health_get_n_hosts (self->health), unapproved = 0;
  g_autofree char *value = g_strdup_printf ("%u", n);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      int approved;
      guint n_clients;
      const char *name = kd_health_get_host (self->health, i, NULL, &n_clients, &approved);

      unapproved += approved == 0;
      if (i < 3)
        {
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, name);
        }
    }
  if (n > 3)
    g_string_append (names, "…");
  if (n == 0)
    g_string_append (names, _("No host is named by the inputs."));
  else if (unapproved > 0)
    {
      g_string_append (names, " — ");
      g_string_append_printf (names, ngettext ("%u not approved", "%u not approved", unapproved), unapproved);
    }
  kd_stat_card_set_value (self->hosts_card, value);
  kd_stat_card_set_detail (self->hosts_card, names->str);
  kd_stat_card_set_tone (self->hosts_card, unapproved > 0 ? KD_STAT_TONE_WARNING : KD_STAT_TONE_NEUTRAL);
}

static void
show_clients_cards (KdHealthPage *self)
{
  GListModel *clients = kd_health_get_clients (self->health);
  GDateTime *as_of = kd_health_get_as_of (self->health);
  guint clones = 0, lost = 0, expiring = 0, silent = 0, n_codes = 0;
  guint failed = kd_health_get_n_failed_requests (self->health, &n_codes);
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(KdHealthClient) client = g_list_model_get_item (clients, i);

      if (kd_health_client_matches (client, KD_HEALTH_CLIENT_CLONES, as_of))
        {
          clones++;
          lost += g_strv_length ((char **) kd_health_client_get_names (client)) - 1;
        }
      expiring += kd_health_client_matches (client, KD_HEALTH_CLIENT_EXPIRING, as_of);
      silent += kd_health_client_matches (client, KD_HEALTH_CLIENT_SILENT, as_of);
    }

  value = g_strdup_printf ("%u", clones);
  detail = clones == 0 ? g_strdup (_("Every machine ID has one name."))
                       : g_strdup_printf (ngettext ("%u machine is counted once for several: a cloned image",
                                                    "%u machines are counted once for several: cloned images", lost),
                                          lost);
  kd_stat_card_set_value (self->clones_card, value);
  kd_stat_card_set_detail (self->clones_card, detail);
  kd_stat_card_set_tone (self->clones_card, clones > 0 ? KD_STAT_TONE_WARNING : KD_STAT_TONE_GOOD);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  value = g_strdup_printf ("%u", failed);
  detail = failed == 0 ? g_strdup (_("No request failed."))
                       : g_strdup_printf (ngettext ("With %u result code; the Clients tab shows who",
                                                    "With %u result codes; the Clients tab shows who", n_codes),
                                          n_codes);
  kd_stat_card_set_value (self->failures_card, value);
  kd_stat_card_set_detail (self->failures_card, detail);
  kd_stat_card_set_tone (self->failures_card, failed > 0 ? KD_STAT_TONE_ERROR : KD_STAT_TONE_GOOD);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  /* TRANSLATORS: clients whose activation expires soon · clients silent for a week */
  value = g_strdup_printf (C_("expiring and silent", "%u · %u"), expiring, silent);
  detail = g_strdup_printf (_("Expiring within 30 days: %u; not heard of for more than 7 days: %u"), expiring, silent);
  kd_stat_card_set_value (self->expiring_card, value);
  kd_stat_card_set_detail (self->expiring_card, detail);
  kd_stat_card_set_tone (self->expiring_card, expiring + silent > 0 ? KD_STAT_TONE_WARNING : KD_STAT_TONE_GOOD);
}

/* What a finished probe found, in a line */
static char *
probe_summary (KdProbe *probe)
{
  guint hosts = kd_probe_get_n_hosts (probe), open = kd_probe_get_n_open (probe);

  if (hosts == 0)
    return g_strdup (_("No KMS host was found"));
  return g_strdup_printf (ngettext ("%u of %u host answered on its port", "%u of %u hosts answered on their port", hosts),
                          open, hosts);
}

static void
show_probe_card (KdHealthPage *self)
{
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;
  KdStatTone tone = KD_STAT_TONE_NEUTRAL;

  if (self->probing != NULL)
    {
      value = g_strdup (_("Running…"));
      detail = kd_probe_dup_message (self->probing);
    }
  else if (self->probe == NULL)
    {
      value = g_strdup (_("Not run"));
      detail = g_strdup (_("The Network tab looks up the domain’s hosts and connects to them."));
    }
  else
    {
      guint hosts = kd_probe_get_n_hosts (self->probe), open = kd_probe_get_n_open (self->probe);

      /* TRANSLATORS: hosts that answered of the hosts probed */
      value = g_strdup_printf (C_("probe", "%u of %u"), open, hosts);
      detail = probe_summary (self->probe);
      tone = hosts == 0 || open == 0 ? KD_STAT_TONE_ERROR : open < hosts ? KD_STAT_TONE_WARNING : KD_STAT_TONE_GOOD;
    }
  kd_stat_card_set_value (self->probe_card, value);
  kd_stat_card_set_detail (self->probe_card, detail);
  kd_stat_card_set_tone (self->probe_card, tone);
}

static void
show_probe_results (KdHealthPage *self)
{
  gtk_list_box_remove_all (self->probe_list);
  gtk_widget_set_visible (GTK_WIDGET (self->probe_group), self->probe != NULL);
  if (self->probe == NULL)
    return;

  {
    g_autofree char *summary = probe_summary (self->probe);

    adw_preferences_group_set_description (self->probe_group, summary);
  }
  for (guint i = 0; i < kd_probe_get_n_hosts (self->probe); i++)
    {
      int port;
      gboolean from_srv, answered;
      const char *host = kd_probe_get_host (self->probe, i, &port, &from_srv, &answered);
      g_autofree char *title = g_strdup_printf ("%s:%d", host, port);
      GtkWidget *row = kd_text_row_new (title, from_srv ? (answered ? _("Published in DNS; answered on its port")
                                                                : _("Published in DNS; did not answer on its port"))
                                                   : (answered ? _("Answered on its port")
                                                               : _("Did not answer on its port")));
      GtkWidget *icon = gtk_image_new_from_icon_name (answered ? "object-select-symbolic" : "network-error-symbolic");

      gtk_widget_add_css_class (icon, answered ? "success" : "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      answered ? _("Answered") : _("No answer"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->probe_list, row);
    }
}

/* The approved hosts, kept in GSettings: every other is reported */
static void
on_approved_toggled (GtkCheckButton *check,
                     KdHealthPage   *self)
{
  const char *host = g_object_get_data (G_OBJECT (check), "kd-host");
  g_auto(GStrv) approved = g_settings_get_strv (self->settings, "approved-hosts");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) hosts = NULL;

  for (guint i = 0; approved[i] != NULL; i++)
    if (g_ascii_strcasecmp (approved[i], host) != 0)
      g_strv_builder_add (builder, approved[i]);
  if (gtk_check_button_get_active (check))
    g_strv_builder_add (builder, host);
  hosts = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "approved-hosts", (const char * const *) hosts);
}

static void
show_hosts_list (KdHealthPage *self)
{
  guint n = self->health != NULL ? kd_health_get_n_hosts (self->health) : 0;
  g_auto(GStrv) approved = g_settings_get_strv (self->settings, "approved-hosts");

  gtk_list_box_remove_all (self->hosts_list);
  gtk_widget_set_visible (GTK_WIDGET (self->hosts_group), n > 0);
  for (guint i = 0; i < n; i++)
    {
      int port, is_approved;
      guint n_clients;
      const char *name = kd_health_get_host (self->health, i, &port, &n_clients, &is_approved);
      g_autofree char *title = port > 0 ? g_strdup_printf ("%s:%d", name, port) : g_strdup (name);
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u client", "%u clients", n_clients), n_clients);
      GtkWidget *row = kd_text_row_new (title, subtitle);
      GtkWidget *check = gtk_check_button_new_with_label (_("Approved"));
      gboolean active = FALSE;

      for (guint k = 0; approved[k] != NULL; k++)
        active |= g_ascii_strcasecmp (approved[k], name) == 0;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      g_object_set_data_full (G_OBJECT (check), "kd-host", g_strdup (name), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_approved_toggled), self, 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (is_approved == 0)
        gtk_widget_add_css_class (row, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->hosts_list, row);
    }
}

static GtkWidget *
create_finding_row (gpointer item,
                    gpointer user_data)
{
  return kd_finding_row_new (item);
}

static void
show_health (KdHealthPage *self)
{
  KdHealth *health = self->health;

  kd_chart_set_health (self->count_chart, health);
  kd_chart_set_health (self->requests_chart, health);
  kd_chart_set_health (self->expiries_chart, health);
  kd_client_table_set_health (self->client_table, health);
  gtk_list_box_bind_model (self->findings_list, health != NULL ? kd_health_get_findings (health) : NULL,
                           create_finding_row, NULL, NULL);
  show_hosts_list (self);
  show_inputs (self);
  show_probe_card (self);

  if (health == NULL)
    {
      gtk_stack_set_visible_child_name (self->summary_stack, self->import != NULL ? "busy" : "empty");
      return;
    }

  {
    g_autofree char *when = g_date_time_format (kd_health_get_as_of (health), "%Y-%m-%d %H:%M UTC");
    guint n_files = g_list_model_get_n_items (kd_health_get_inputs (health));
    g_autofree char *text = g_strdup_printf (ngettext ("As of %s, the time of the newest event or capture, from %u file",
                                                       "As of %s, the time of the newest event or capture, from %u files",
                                                       n_files),
                                             when, n_files);

    gtk_label_set_text (self->as_of_label, text);
  }
  show_count (self);
  show_reported (self);
  show_hosts (self);
  show_clients_cards (self);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_group),
                          g_list_model_get_n_items (kd_health_get_findings (health)) > 0);
  gtk_stack_set_visible_child_name (self->summary_stack, "summary");

  /* the domain to probe, unless the user typed one */
  {
    g_autofree char *domain = kd_health_dup_domain (health);
    const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->domain_row));

    if (domain != NULL && (*typed == '\0' || g_strcmp0 (typed, self->suggested_domain) == 0))
      {
        gtk_editable_set_text (GTK_EDITABLE (self->domain_row), domain);
        g_set_str (&self->suggested_domain, domain);
      }
  }
}

/* The import -------------------------------------------------------------- */

static void
set_import (KdHealthPage   *self,
            KdHealthImport *import)
{
  if (g_set_object (&self->import, import))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.cancel", import != NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMPORT]);
    }
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KdHealthPage) self = user_data;
  KdHealthImport *import = KD_HEALTH_IMPORT (source);
  g_autoptr(GError) error = NULL;

  if (!kd_health_import_run_finish (import, result, &error))
    {
      if (import != self->import)
        return;  /* a newer import replaced it */
      g_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
      /* Cancelled by the user: the inputs are again those of the snapshot
       * shown, which nothing replaced. */
      set_import (self, NULL);
      g_clear_pointer (&self->importing_inputs, g_strfreev);
      kd_case_set_health_inputs (inputs_case (self), (const char * const *) self->shown_inputs);
      show_health (self);
      return;
    }
  if (import != self->import)
    return;

  g_set_object (&self->health, kd_health_import_get_health (import));
  g_strfreev (self->shown_inputs);
  self->shown_inputs = g_steal_pointer (&self->importing_inputs);
  g_clear_object (&self->importing);
  set_import (self, NULL);
  show_health (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEALTH]);
}

/* A new snapshot of the case's inputs, the approved hosts and the last
 * probe, in place of the one under way */
static void
start_import (KdHealthPage *self)
{
  const char * const *paths = kd_case_get_health_inputs (inputs_case (self));
  g_autoptr(KdHealth) health = NULL;
  g_autoptr(KdHealthImport) import = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_null_terminated (4, g_object_unref, TRUE);
  g_auto(GStrv) approved = g_settings_get_strv (self->settings, "approved-hosts");

  g_cancellable_cancel (self->importing);
  g_clear_object (&self->importing);
  g_clear_pointer (&self->importing_inputs, g_strfreev);

  if (paths[0] == NULL)
    {
      set_import (self, NULL);
      g_clear_pointer (&self->shown_inputs, g_strfreev);
      if (g_set_object (&self->health, NULL))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEALTH]);
      show_health (self);
      return;
    }

  health = kd_health_new ();
  if (approved[0] != NULL)
    kd_health_set_approved_hosts (health, (const char * const *) approved);
  if (self->probe != NULL)
    kd_health_add_probe (health, self->probe);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));

  self->importing_inputs = g_strdupv ((char **) paths);
  self->importing = g_cancellable_new ();
  import = kd_health_import_new (health);
  /* a processor left for the window */
  kd_health_import_set_max_threads (import, MAX (1, g_get_num_processors () - 1));
  set_import (self, import);
  kd_health_import_run_async (import, (GFile **) files->pdata, paths, self->importing, import_done_cb,
                              g_object_ref (self));
  if (self->health == NULL)
    gtk_stack_set_visible_child_name (self->summary_stack, "busy");
  show_inputs (self);
}

static void
on_case_inputs_changed (KdHealthPage *self)
{
  const char * const *paths = kd_case_get_health_inputs (inputs_case (self));

  /* the page's own change, or a case restored with the same inputs */
  if ((self->importing_inputs != NULL && g_strv_equal ((const char * const *) self->importing_inputs, paths)) ||
      (self->import == NULL && self->shown_inputs != NULL &&
       g_strv_equal ((const char * const *) self->shown_inputs, paths)))
    return;
  start_import (self);
}

static void
on_case_changed (KdHealthPage *self)
{
  KdCase *kase = kd_page_get_case (KD_PAGE (self));

  if (kase == self->case_)
    return;
  if (self->case_ != NULL)
    g_signal_handlers_disconnect_by_data (self->case_, self);
  g_set_object (&self->case_, kase);
  if (kase != NULL)
    g_signal_connect_object (kase, "notify::health-inputs", G_CALLBACK (on_case_inputs_changed), self,
                             G_CONNECT_SWAPPED);
  on_case_inputs_changed (self);
}

/* Actions ----------------------------------------------------------------- */

static void
add_files_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KdHealthPage) self = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (source);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (g_object_get_data (G_OBJECT (dialog), "kd-folder") != NULL)
    {
      folder = gtk_file_dialog_select_folder_finish (dialog, result, NULL);
      if (folder != NULL)
        g_ptr_array_add (array, g_object_ref (folder));
    }
  else if ((files = gtk_file_dialog_open_multiple_finish (dialog, result, NULL)) != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (files); i++)
      g_ptr_array_add (array, g_list_model_get_item (files, i));
  if (array->len > 0)
    kd_health_page_add_files (self, (GFile **) array->pdata, array->len);
}

static void
add_files_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));

  if (g_str_equal (action_name, "health.add-folder"))
    {
      gtk_file_dialog_set_title (dialog, _("Add a Folder of Captures and Logs"));
      g_object_set_data (G_OBJECT (dialog), "kd-folder", GINT_TO_POINTER (TRUE));
      gtk_file_dialog_select_folder (dialog, window, NULL, add_files_done_cb, g_object_ref (widget));
    }
  else
    {
      gtk_file_dialog_set_title (dialog, _("Add Captures and Event Logs"));
      gtk_file_dialog_open_multiple (dialog, window, NULL, add_files_done_cb, g_object_ref (widget));
    }
}

static void
remove_input_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kd_health_page_remove_input (KD_HEALTH_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
clear_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  kd_case_set_health_inputs (inputs_case (KD_HEALTH_PAGE (widget)), NULL);
}

static void
cancel_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  g_cancellable_cancel (KD_HEALTH_PAGE (widget)->importing);
}

static void
show_result_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  kd_health_page_show_result (KD_HEALTH_PAGE (widget));
}

static void
set_probing (KdHealthPage *self,
             KdProbe      *probe)
{
  g_set_object (&self->probing, probe);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->probe_button),
                                 probe != NULL ? _("_Cancel Probe") : _("_Run Probe"));
  adw_button_row_set_start_icon_name (self->probe_button, probe != NULL ? "process-stop-symbolic"
                                                                         : "network-transmit-receive-symbolic");
  show_probe_card (self);
}

static void
probe_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KdHealthPage) self = user_data;
  KdProbe *probe = KD_PROBE (source);
  g_autoptr(GError) error = NULL;

  if (!kd_probe_run_finish (probe, result, &error))
    {
      if (probe == self->probing)
        set_probing (self, NULL);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
      return;
    }
  if (probe != self->probing)
    return;
  g_set_object (&self->probe, probe);
  set_probing (self, NULL);
  show_probe_results (self);
  /* its hosts join the snapshot's */
  if (kd_case_get_health_inputs (inputs_case (self))[0] != NULL)
    start_import (self);
}

static void
probe_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  KdHealthPage *self = KD_HEALTH_PAGE (widget);
  g_autofree char *target = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->domain_row))));
  g_autofree char *server = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  g_autoptr(KdProbe) probe = NULL;

  if (self->probing != NULL)
    {
      g_cancellable_cancel (self->probe_cancellable);
      set_probing (self, NULL);
      return;
    }
  if (*target == '\0')
    {
      gtk_widget_activate_action (widget, "win.toast", "s", _("Type the domain whose KMS hosts to look up"));
      gtk_widget_grab_focus (GTK_WIDGET (self->domain_row));
      return;
    }

  probe = kd_probe_new (target);
  if (*server != '\0')
    kd_probe_set_server (probe, server);
  g_clear_object (&self->probe_cancellable);
  self->probe_cancellable = g_cancellable_new ();
  set_probing (self, probe);
  g_signal_connect_object (probe, "notify::message", G_CALLBACK (show_probe_card), self, G_CONNECT_SWAPPED);
  kd_probe_run_async (probe, self->probe_cancellable, probe_done_cb, g_object_ref (self));
}

static void
on_probe_entry_activated (KdHealthPage *self)
{
  if (self->probing == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "health.probe", NULL);
}

/* GObject ----------------------------------------------------------------- */

static void
kd_health_page_dispose (GObject *object)
{
  KdHealthPage *self = (KdHealthPage *) object;

  g_cancellable_cancel (self->importing);
  g_cancellable_cancel (self->probe_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_HEALTH_PAGE);
  g_clear_object (&self->importing);
  g_clear_object (&self->probe_cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->health);
  g_clear_object (&self->probe);
  g_clear_object (&self->probing);
  g_clear_pointer (&self->shown_inputs, g_strfreev);
  g_clear_pointer (&self->importing_inputs, g_strfreev);
  g_clear_pointer (&self->suggested_domain, g_free);
  g_clear_object (&self->case_);
  g_clear_object (&self->own_case);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kd_health_page_parent_class)->dispose (object);
}

static void
kd_health_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KdHealthPage *self = KD_HEALTH_PAGE (object);

  switch (prop_id)
    {
    case PROP_HEALTH:
      g_value_set_object (value, self->health);
      break;
    case PROP_IMPORT:
      g_value_set_object (value, self->import);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean kd_health_page_go_back (KdPage *page);

static void
kd_health_page_class_init (KdHealthPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KdPageClass *page_class = KD_PAGE_CLASS (klass);

  page_class->go_back = kd_health_page_go_back;
  kd_page_class_set_help_page (page_class, "health");

  object_class->dispose = kd_health_page_dispose;
  object_class->get_property = kd_health_page_get_property;

  /**
   * KdHealthPage:health:
   *
   * The snapshot shown, once made.
   */
  properties[PROP_HEALTH] =
    g_param_spec_object ("health", NULL, NULL, KD_TYPE_HEALTH,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KdHealthPage:import:
   *
   * The import under way, for its progress, or %NULL.
   */
  properties[PROP_IMPORT] =
    g_param_spec_object ("import", NULL, NULL, KD_TYPE_HEALTH_IMPORT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KD_TYPE_CHART);
  g_type_ensure (KD_TYPE_CLIENT_TABLE);
  g_type_ensure (KD_TYPE_COMMAND);
  g_type_ensure (KD_TYPE_COMMAND_ROW);
  g_type_ensure (KD_TYPE_HEALTH_CLIENT);
  g_type_ensure (KD_TYPE_HEALTH_IMPORT);
  g_type_ensure (KD_TYPE_STAT_CARD);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-health-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, split_view);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, inputs_stack);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, inputs_list);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, summary_stack);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, count_card);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, count_gauge);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, reported_card);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, hosts_card);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, clones_card);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, failures_card);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, expiring_card);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, probe_card);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, count_chart);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, requests_chart);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, expiries_chart);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, findings_group);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, findings_list);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, client_table);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, domain_row);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, probe_button);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, probe_group);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, probe_list);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, hosts_group);
  gtk_widget_class_bind_template_child (widget_class, KdHealthPage, hosts_list);
  gtk_widget_class_bind_template_callback (widget_class, kd_health_page_is_set);
  gtk_widget_class_bind_template_callback (widget_class, kd_health_page_switcher_mode);
  gtk_widget_class_bind_template_callback (widget_class, on_probe_entry_activated);

  gtk_widget_class_install_action (widget_class, "health.add-files", NULL, add_files_cb);
  gtk_widget_class_install_action (widget_class, "health.add-folder", NULL, add_files_cb);
  gtk_widget_class_install_action (widget_class, "health.remove-input", "s", remove_input_cb);
  gtk_widget_class_install_action (widget_class, "health.clear", NULL, clear_cb);
  gtk_widget_class_install_action (widget_class, "health.cancel", NULL, cancel_cb);
  gtk_widget_class_install_action (widget_class, "health.show-result", NULL, show_result_cb);
  gtk_widget_class_install_action (widget_class, "health.probe", NULL, probe_cb);
}

static void
kd_health_page_init (KdHealthPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->own_case = kd_case_new ();
  g_signal_connect_object (self->own_case, "notify::health-inputs", G_CALLBACK (on_case_inputs_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::approved-hosts", G_CALLBACK (start_import), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::case", G_CALLBACK (on_case_changed), NULL);


  /* below 5, nothing activates; below 25, no Windows client */
  gtk_level_bar_remove_offset_value (self->count_gauge, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->count_gauge, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_add_offset_value (self->count_gauge, "kd-none", KD_KMS_THRESHOLD_SERVER - 0.5);
  gtk_level_bar_add_offset_value (self->count_gauge, GTK_LEVEL_BAR_OFFSET_LOW, KD_KMS_THRESHOLD_CLIENT - 0.5);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "health.cancel", FALSE);
  show_health (self);
}

/* Public API -------------------------------------------------------------- */

/**
 * kd_health_page_get_health:
 *
 * Returns: (transfer none) (nullable): the snapshot shown
 */
KdHealth *
kd_health_page_get_health (KdHealthPage *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_PAGE (self), NULL);
  return self->health;
}

/**
 * kd_health_page_get_import:
 *
 * Returns: (transfer none) (nullable): the import under way
 */
KdHealthImport *
kd_health_page_get_import (KdHealthPage *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_PAGE (self), NULL);
  return self->import;
}

/**
 * kd_health_page_add_files:
 * @files: (array length=n_files): files and folders
 *
 * Adds @files to the inputs of the case (each once) and reads them with
 * the others, off the main thread.  A file with no local path is refused
 * with a message.
 */
void
kd_health_page_add_files (KdHealthPage  *self,
                          GFile        **files,
                          guint          n_files)
{
  KdCase *kase;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  g_return_if_fail (KD_IS_HEALTH_PAGE (self));

  kase = inputs_case (self);
  g_strv_builder_addv (builder, (const char **) kd_case_get_health_inputs (kase));
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autofree char *message = g_strdup_printf (_("“%s” is not a local file: copy it to this computer first"),
                                                      uri);

          gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
          continue;
        }
      if (!g_strv_contains (kd_case_get_health_inputs (kase), path))
        g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);
  kd_case_set_health_inputs (kase, (const char * const *) paths);
}

/**
 * kd_health_page_remove_input:
 * @path: one of the inputs
 */
void
kd_health_page_remove_input (KdHealthPage *self,
                             const char   *path)
{
  KdCase *kase;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  const char * const *inputs;

  g_return_if_fail (KD_IS_HEALTH_PAGE (self));
  g_return_if_fail (path != NULL);

  kase = inputs_case (self);
  inputs = kd_case_get_health_inputs (kase);
  for (guint i = 0; inputs[i] != NULL; i++)
    if (!g_str_equal (inputs[i], path))
      g_strv_builder_add (builder, inputs[i]);
  paths = g_strv_builder_end (builder);
  kd_case_set_health_inputs (kase, (const char * const *) paths);
}

/**
 * kd_health_page_get_client_table:
 *
 * Returns: (transfer none): the table of the snapshot's clients
 */
KdClientTable *
kd_health_page_get_client_table (KdHealthPage *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_PAGE (self), NULL);
  return self->client_table;
}

/**
 * kd_health_page_get_probe:
 *
 * Returns: (transfer none) (nullable): the last probe that finished
 */
KdProbe *
kd_health_page_get_probe (KdHealthPage *self)
{
  g_return_val_if_fail (KD_IS_HEALTH_PAGE (self), NULL);
  return self->probe;
}

/* On a narrow window, from the results back to the inputs. */
static gboolean
kd_health_page_go_back (KdPage *page)
{
  KdHealthPage *self = KD_HEALTH_PAGE (page);

  return kd_page_split_view_go_back (self->split_view);
}

/**
 * kd_health_page_show_result:
 *
 * On a narrow window, goes from the inputs to the results.
 */
void
kd_health_page_show_result (KdHealthPage *self)
{
  g_return_if_fail (KD_IS_HEALTH_PAGE (self));
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
}
