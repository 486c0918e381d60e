/* kd-health-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kd-finding.h"
#include "kd-health-client.h"
#include "kd-health-rules.h"
#include "kd-kms-limits.h"

/* The findings of a KMS deployment's health, each with a stable rule id
 * (docs/health-json.md): what the count made again from the host's
 * history means for each kind of client, machines that share one CMID,
 * a host whose own count differs from its history, a count about to drop,
 * and the requests that failed.  The words are ours, and the commands name
 * the host when the inputs do. */

#define SOON_DAYS 7

static KdFinding *
add (GListStore        *findings,
     const char        *rule,
     KdFindingSeverity  severity,
     const char        *title,
     const char        *explanation,
     const char        *remedy)
{
  g_autoptr(KdFinding) finding = kd_finding_new (rule, severity, -1, title, explanation, remedy);

  g_list_store_append (findings, finding);
  return finding;
}

static char *
date_of (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%d");
}

static void
rule_count (const KdHealthFacts *facts,
            GListStore          *findings)
{
  g_autofree char *as_of = date_of (facts->as_of);
  g_autofree char *title = NULL;
  g_autofree char *explanation = NULL;
  KdFinding *f;

  if (!facts->history)
    return;
  if (facts->count < KD_KMS_THRESHOLD_SERVER)
    {
      title = g_strdup_printf (_("Count %u: no client activates"), facts->count);
      explanation = g_strdup_printf (_("In the host’s history, %u different machines asked it in the 30 days up to %s. "
                                       "A KMS host activates nothing until 5 have; meanwhile its clients get 0xC004F038."),
                                     facts->count, as_of);
      f = add (findings, "health.count-below-5", KD_FINDING_ERROR, title, explanation,
               _("Let more machines ask the host (a client asks again every 2 hours until it activates), or activate "
                 "the first ones with a MAK. Check that cloned machines do not share one CMID."));
      kd_finding_add_code (f, "0xC004F038", FALSE);
    }
  else if (facts->count < KD_KMS_THRESHOLD_CLIENT && facts->by_n_policy_25 > 0)
    {
      title = g_strdup_printf (_("Count %u: Windows clients do not activate"), facts->count);
      explanation = g_strdup_printf (_("In the host’s history, %u different machines asked it in the 30 days up to %s. "
                                       "That is enough for Windows Server and volume Office, which need 5, but Windows "
                                       "client editions need 25: they get 0xC004F038."),
                                     facts->count, as_of);
      f = add (findings, "health.count-below-25", KD_FINDING_WARNING, title, explanation,
               _("Let more Windows clients ask the host, or activate some with a MAK until the count reaches 25. Check "
                 "that cloned machines do not share one CMID."));
      kd_finding_add_code (f, "0xC004F038", FALSE);
    }
}

/* Machines that share a CMID count once: how many more the host would
 * count if each had its own */
static void
rule_clones (const KdHealthFacts *facts,
             GListStore          *findings)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n_clones = 0, lost = 0, n = g_list_model_get_n_items (facts->clients);
  gboolean sinks;
  g_autofree char *title = NULL;
  g_autofree char *explanation = NULL;
  KdFinding *f;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KdHealthClient) client = g_list_model_get_item (facts->clients, i);
      const char * const *names = kd_health_client_get_names (client);
      guint n_names = g_strv_length ((char **) names);
      g_autofree char *joined = NULL;

      if (n_names < 2)
        continue;
      n_clones++;
      lost += n_names - 1;
      joined = g_strjoinv (", ", (char **) names);
      if (n_clones <= 5)
        g_string_append_printf (list, "\n%s: %s", kd_health_client_get_cmid (client), joined);
    }
  if (n_clones == 0)
    return;

  /* the clones are what keeps the count below a threshold */
  sinks = facts->history &&
          ((facts->count < KD_KMS_THRESHOLD_CLIENT && facts->count + lost >= KD_KMS_THRESHOLD_CLIENT &&
            facts->by_n_policy_25 > 0) ||
           (facts->count < KD_KMS_THRESHOLD_SERVER && facts->count + lost >= KD_KMS_THRESHOLD_SERVER));
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u machine ID is shared by several machines",
                                        "%u machine IDs are shared by several machines", n_clones),
                           n_clones);
  explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Machines made from one image without generalizing it keep its CMID, and "
                                              "the host counts them as one: %u machine is not counted.%s%s",
                                              "Machines made from one image without generalizing it keep its CMID, and "
                                              "the host counts them as one: %u machines are not counted.%s%s",
                                              lost),
                                 lost, sinks ? " " : "",
                                 sinks ? _("With a CMID each, the count would reach the threshold it is below.") : "");
  g_string_prepend (list, explanation);
  f = add (findings, "health.clones", sinks ? KD_FINDING_ERROR : KD_FINDING_WARNING, title, list->str,
           _("Generalize the image with sysprep before it is copied. On the copies already made, give each a CMID of "
             "its own with slmgr.vbs /rearm and a restart; for Office, reset its CMID with ospprearm.exe before the "
             "image is captured."));
  kd_finding_add_command (f, "sysprep /generalize /oobe /shutdown", _("Generalize the image before copying it"));
  kd_finding_add_command (f, "slmgr.vbs /rearm", _("Give a copy a CMID of its own (restart afterwards)"));
}

static void
rule_gap (const KdHealthFacts *facts,
          GListStore          *findings)
{
  g_autofree char *title = NULL;
  KdFinding *f;

  if (!facts->history || facts->reported < 0 || facts->reported == facts->count)
    return;
  title = g_strdup_printf (_("The host reports a count of %u, its history shows %u"), (guint) facts->reported,
                           facts->count);
  if (facts->reported > facts->count)
    f = add (findings, "health.count-gap", KD_FINDING_WARNING, title,
             _("The host counts machines whose requests are not in the history given: its Key Management Service log "
               "was cleared, is too small to keep 30 days, or was exported in part."),
             _("Export the whole Key Management Service log again, and make it large enough for 30 days of requests."));
  else
    f = add (findings, "health.count-gap", KD_FINDING_WARNING, title,
             _("The history shows more machines than the host counts: the host’s capture is older than the history, "
               "or the history comes from more than one host."),
             _("Capture slmgr.vbs /dlv on the host again, and give only that host’s history."));
  kd_finding_add_command (f, "wevtutil sl \"Key Management Service\" /ms:104857600",
                          _("Keep up to 100 MB of the host’s history"));
  kd_finding_add_command (f, "wevtutil epl \"Key Management Service\" kms-history.evtx", _("Export the host’s history"));
}

static void
rule_forecast (const KdHealthFacts *facts,
               GListStore          *findings)
{
  g_autoptr(GDateTime) soon = g_date_time_add_days (facts->as_of, SOON_DAYS);
  GDateTime *below = NULL;
  guint threshold = 0;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  KdFinding *f;

  if (!facts->history)
    return;
  if (facts->below_5 != NULL && g_date_time_compare (facts->below_5, soon) <= 0)
    below = facts->below_5, threshold = KD_KMS_THRESHOLD_SERVER;
  else if (facts->below_25 != NULL && facts->by_n_policy_25 > 0 && g_date_time_compare (facts->below_25, soon) <= 0)
    below = facts->below_25, threshold = KD_KMS_THRESHOLD_CLIENT;
  if (below == NULL)
    return;
  date = date_of (below);
  title = g_strdup_printf (_("The count falls below %u on %s if no client asks again"), threshold, date);
  f = add (findings, "health.count-falls-soon", KD_FINDING_WARNING, title,
           _("Each machine leaves the count 30 days after its last request. Activated clients ask again every 7 days, "
             "so a count about to fall means that clients stopped reaching the host."),
           _("Check that the clients find the host (DNS) and reach it on its port, and look at their 12288 events."));
  if (facts->host != NULL)
    {
      g_autofree char *command = g_strdup_printf ("Test-NetConnection %s -Port 1688", facts->host);
      kd_finding_add_command (f, command, _("Check from a client that the host’s port answers"));
    }
  kd_finding_add_command (f, "nslookup -type=srv _vlmcs._tcp", _("List the KMS hosts that DNS gives the clients"));
}

static void
rule_failures (const KdHealthFacts *facts,
               GListStore          *findings)
{
  for (guint i = 0; i < facts->failures->len; i++)
    {
      KdHealthFailure *failure = g_ptr_array_index (facts->failures, i);
      g_autofree char *code_title = kd_finding_dup_code_title (failure->hresult);
      g_autofree char *title = NULL;
      g_autofree char *explanation = NULL;
      g_autoptr(GString) names = g_string_new (NULL);
      KdFinding *f;

      for (guint c = 0; c < MIN (failure->clients->len, 10); c++)
        g_string_append_printf (names, "%s%s", c > 0 ? ", " : "", (char *) g_ptr_array_index (failure->clients, c));
      if (failure->clients->len > 10)
        g_string_append (names, ", …");
      title = code_title != NULL
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u request failed with %s: %s",
                                                "%u requests failed with %s: %s", failure->requests),
                                   failure->requests, failure->hresult, code_title)
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u request failed with %s",
                                                "%u requests failed with %s", failure->requests),
                                   failure->requests, failure->hresult);
      explanation = g_strdup_printf (_("Clients: %s."), names->str);
      f = add (findings, "health.failures", KD_FINDING_WARNING, title, explanation,
               _("Look the code up for its cause and its remedy."));
      kd_finding_add_code (f, failure->hresult, TRUE);
    }
}

/**
 * kd_health_rules_run:
 * @facts: a snapshot
 * @findings: where the findings go, worst first within each rule
 */
void
kd_health_rules_run (const KdHealthFacts *facts,
                     GListStore          *findings)
{
  rule_count (facts, findings);
  rule_clones (facts, findings);
  rule_gap (facts, findings);
  rule_forecast (facts, findings);
  rule_failures (facts, findings);
}
