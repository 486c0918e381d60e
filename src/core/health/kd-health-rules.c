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
#define IDLE_DAYS 2
#define SKEW_MINUTES (4 * 60)

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

/* Up to ten names of @clients, and how many more */
static char *
some_names (GPtrArray *clients)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < MIN (clients->len, 10); i++)
    {
      KdHealthClient *client = g_ptr_array_index (clients, i);
      const char *name = kd_health_client_get_name (client);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name != NULL ? name : kd_health_client_get_cmid (client));
    }
  if (clients->len > 10)
    /* Translators: after ten names of clients, "PC01, …, PC10 and 4 more" */
    g_string_append_printf (names, _(" and %u more"), clients->len - 10);
  return g_string_free_and_steal (g_steal_pointer (&names));
}

/* The host logged no request for days: activated clients renew every 7
 * days, and hundreds of them make a host that is silent for two days one
 * that nobody reaches */
static void
rule_idle (const KdHealthFacts *facts,
           GListStore          *findings)
{
  g_autofree char *title = NULL;
  g_autofree char *last = NULL;
  g_autofree char *explanation = NULL;
  GTimeSpan idle;
  guint days;
  KdFinding *f;

  if (facts->last_host_request == NULL)
    return;
  idle = g_date_time_difference (facts->as_of, facts->last_host_request);
  if (idle <= IDLE_DAYS * G_TIME_SPAN_DAY)
    return;
  days = (guint) (idle / G_TIME_SPAN_DAY);
  last = g_date_time_format (facts->last_host_request, "%Y-%m-%d %H:%M");
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The host has logged no request for %u day",
                                        "The host has logged no request for %u days", days),
                           days);
  explanation = g_strdup_printf (_("Its last request was logged on %s (UTC). Activated clients ask again every 7 days, "
                                   "so a host that nobody asks for days is one that its clients no longer find or "
                                   "reach, or whose service stopped."),
                                 last);
  f = add (findings, "health.host-idle", KD_FINDING_WARNING, title, explanation,
           _("Check that the Software Protection service runs on the host, that DNS gives the clients its _vlmcs "
             "record, and that its port is open in its firewall."));
  kd_finding_add_command (f, "sc query sppsvc", _("Check that the Software Protection service runs"));
  kd_finding_add_command (f, "nslookup -type=srv _vlmcs._tcp", _("List the KMS hosts that DNS gives the clients"));
}

static void
rule_ageing (const KdHealthFacts *facts,
             GListStore          *findings)
{
  g_autoptr(GPtrArray) silent = g_ptr_array_new ();
  g_autoptr(GPtrArray) expiring = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (facts->clients);

  for (guint i = 0; i < n; i++)
    {
      KdHealthClient *client = g_list_model_get_item (facts->clients, i);

      if (kd_health_client_matches (client, KD_HEALTH_CLIENT_SILENT, facts->as_of))
        g_ptr_array_add (silent, client);
      if (kd_health_client_matches (client, KD_HEALTH_CLIENT_EXPIRING, facts->as_of))
        g_ptr_array_add (expiring, client);
      g_object_unref (client);
    }

  if (silent->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u client has not asked for more than 7 days",
                                                             "%u clients have not asked for more than 7 days",
                                                             silent->len),
                                                silent->len);
      g_autofree char *names = some_names (silent);
      g_autofree char *explanation = g_strdup_printf (_("An activated client asks its host again every 7 days; these "
                                                        "missed at least one renewal: %s. Machines that were retired "
                                                        "are among them too."),
                                                      names);

      add (findings, "health.clients-silent", KD_FINDING_WARNING, title, explanation,
           _("On a client that is still in use, run slmgr.vbs /ato and look at its 12288 events to see where its "
             "requests go."));
    }
  if (expiring->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "The activation of %u client ends within 30 days",
                                                             "The activation of %u clients ends within 30 days",
                                                             expiring->len),
                                                expiring->len);
      g_autofree char *names = some_names (expiring);
      g_autofree char *explanation = g_strdup_printf (_("By their last request, the activation of these clients ends "
                                                        "within 30 days unless they reach the host before: %s."),
                                                      names);
      KdFinding *f = add (findings, "health.clients-expiring", KD_FINDING_WARNING, title, explanation,
                          _("Make sure they can reach the host, and renew them by hand with slmgr.vbs /ato."));

      kd_finding_add_command (f, "slmgr.vbs /ato", _("Renew the activation now"));
    }
}

/* What the clients' side shows against what the host logged */
static void
rule_correlation (const KdHealthFacts *facts,
                  GListStore          *findings)
{
  g_autoptr(GPtrArray) not_on_host = g_ptr_array_new ();
  g_autoptr(GPtrArray) unanswered = g_ptr_array_new ();
  g_autoptr(GPtrArray) skewed = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (facts->clients);

  for (guint i = 0; i < n; i++)
    {
      KdHealthClient *client = g_list_model_get_item (facts->clients, i);
      KdHealthSources sources = kd_health_client_get_sources (client);

      if (facts->history && (sources & (KD_HEALTH_SOURCE_CAPTURE | KD_HEALTH_SOURCE_12288)) &&
          !(sources & KD_HEALTH_SOURCE_12290))
        g_ptr_array_add (not_on_host, client);
      if (facts->responses && kd_health_client_get_unanswered (client))
        g_ptr_array_add (unanswered, client);
      if (kd_health_client_get_skew_minutes (client) > SKEW_MINUTES)
        g_ptr_array_add (skewed, client);
      g_object_unref (client);
    }

  if (not_on_host->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u client is not in the host’s history",
                                                             "%u clients are not in the host’s history",
                                                             not_on_host->len),
                                                not_on_host->len);
      g_autofree char *names = some_names (not_on_host);
      g_autofree char *explanation = g_strdup_printf (_("Their own captures or events show them, but the host logged "
                                                        "no request of theirs: %s. Their requests do not reach it "
                                                        "(DNS, the network, a firewall on its port), another host "
                                                        "counts them, or its log was cleared or is full."),
                                                      names);
      KdFinding *f = add (findings, "health.not-on-host", KD_FINDING_WARNING, title, explanation,
                          _("On one of them, see which host it asks (slmgr.vbs /dlv, its 12288 events), and check "
                            "that it reaches that host on its port."));

      if (facts->host != NULL)
        {
          g_autofree char *command = g_strdup_printf ("Test-NetConnection %s -Port 1688", facts->host);
          kd_finding_add_command (f, command, _("Check from a client that the host’s port answers"));
        }
    }
  if (unanswered->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u client got no answer to its last request",
                                                             "%u clients got no answer to their last request",
                                                             unanswered->len),
                                                unanswered->len);
      g_autofree char *names = some_names (unanswered);
      g_autofree char *explanation = g_strdup_printf (_("Their last 12288 has no 12289 after it: the request left, "
                                                        "no answer came back: %s."),
                                                      names);

      add (findings, "health.no-answer", KD_FINDING_WARNING, title, explanation,
           _("Check that the host they asked is up and that its port is open to them."));
    }
  if (skewed->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "The clock of %u client is off the host’s by more than 4 hours",
                                                             "The clocks of %u clients are off the host’s by more than 4 hours",
                                                             skewed->len),
                                                skewed->len);
      g_autofree char *names = some_names (skewed);
      g_autofree char *explanation = g_strdup_printf (_("The time they sent in their requests and the time the host "
                                                        "logged them differ by more than 4 hours: %s. A KMS host "
                                                        "refuses such requests with 0xC004F06C."),
                                                      names);
      KdFinding *f = add (findings, "health.clock-skew", KD_FINDING_WARNING, title, explanation,
                          _("Set their clocks right (time zone included), or have them follow the domain’s time."));

      kd_finding_add_command (f, "w32tm /resync", _("Set the clock from its time source"));
      kd_finding_add_code (f, "0xC004F06C", FALSE);
    }
}

/* Hosts that split the clients between them: each below a threshold
 * that together they would pass */
static void
rule_split (const KdHealthFacts *facts,
            GListStore          *findings)
{
  g_autoptr(GHashTable) together = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) each = g_string_new (NULL);
  guint n_hosts = 0, largest = 0, threshold;
  g_autofree char *title = NULL;
  g_autofree char *explanation = NULL;
  KdFinding *f;

  for (guint i = 0; i < facts->hosts->len; i++)
    {
      KdHealthHost *host = g_ptr_array_index (facts->hosts, i);
      guint n = g_hash_table_size (host->window_cmids);
      GHashTableIter iter;
      gpointer cmid;

      if (n == 0)
        continue;
      n_hosts++;
      largest = MAX (largest, n);
      g_string_append_printf (each, "%s%s: %u", each->len > 0 ? ", " : "", host->name, n);
      g_hash_table_iter_init (&iter, host->window_cmids);
      while (g_hash_table_iter_next (&iter, &cmid, NULL))
        g_hash_table_add (together, cmid);
    }
  if (n_hosts < 2)
    return;
  threshold = facts->by_n_policy_25 > 0 && largest < KD_KMS_THRESHOLD_CLIENT &&
              g_hash_table_size (together) >= KD_KMS_THRESHOLD_CLIENT ? KD_KMS_THRESHOLD_CLIENT
            : largest < KD_KMS_THRESHOLD_SERVER && g_hash_table_size (together) >= KD_KMS_THRESHOLD_SERVER
              ? KD_KMS_THRESHOLD_SERVER : 0;
  if (threshold == 0)
    return;
  title = g_strdup_printf (_("%u KMS hosts split the count: none reaches %u"), n_hosts, threshold);
  explanation = g_strdup_printf (_("Each host counts only the machines that ask it (%s). Together they are %u, "
                                   "enough for %u, but each host is below it and activates less."),
                                 each->str, g_hash_table_size (together), threshold);
  f = add (findings, "health.split-hosts", KD_FINDING_ERROR, title, explanation,
           _("Let the clients ask one host: remove the other hosts’ _vlmcs records from DNS (and stop them "
             "publishing), or point the clients at one host by hand."));
  kd_finding_add_command (f, "nslookup -type=srv _vlmcs._tcp", _("List the KMS hosts that DNS gives the clients"));
  if (facts->host != NULL)
    {
      g_autofree char *command = g_strdup_printf ("slmgr.vbs /skms %s:1688", facts->host);
      kd_finding_add_command (f, command, _("Point a client at this host"));
    }
  kd_finding_add_command (f, "slmgr.vbs /cdns", _("On a host to retire: stop publishing it in DNS"));
}

static void
rule_unapproved (const KdHealthFacts *facts,
                 GListStore          *findings)
{
  for (guint i = 0; i < facts->hosts->len; i++)
    {
      KdHealthHost *host = g_ptr_array_index (facts->hosts, i);
      g_autofree char *title = NULL;
      g_autofree char *explanation = NULL;
      KdFinding *f;

      if (host->approved != 0)
        continue;
      title = g_strdup_printf (_("KMS host %s is not on the list of approved hosts"), host->name);
      explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u client used it. A host nobody approved may be an old one that "
                                                  "still publishes itself, or one set up without you: its clients "
                                                  "count there, not on yours.",
                                                  "%u clients used it. A host nobody approved may be an old one that "
                                                  "still publishes itself, or one set up without you: its clients "
                                                  "count there, not on yours.",
                                                  g_hash_table_size (host->cmids)),
                                     g_hash_table_size (host->cmids));
      f = add (findings, "health.unapproved-host", KD_FINDING_WARNING, title, explanation,
               _("Find out who runs it. If it should not answer clients, stop it publishing itself in DNS, remove its "
                 "_vlmcs record, and point its clients at an approved host."));
      kd_finding_add_command (f, "slmgr.vbs /cdns", _("On that host: stop publishing it in DNS"));
    }
}

/* The host's latest attempt to publish itself in a domain failed */
static void
rule_publishing (const KdHealthFacts *facts,
                 GListStore          *findings)
{
  for (guint i = 0; i < facts->publishing->len; i++)
    {
      KdHealthPublishing *publishing = g_ptr_array_index (facts->publishing, i);
      g_autofree char *code_title = NULL;
      g_autofree char *title = NULL;
      g_autofree char *explanation = NULL;
      g_autofree char *lookup = NULL;
      KdFinding *f;

      if (publishing->hresult == NULL)
        continue;
      code_title = kd_finding_dup_code_title (publishing->hresult);
      title = g_strdup_printf (_("%s could not publish itself in DNS for %s"),
                               publishing->host != NULL ? publishing->host : _("The KMS host"), publishing->domain);
      explanation = g_strdup_printf (_("A KMS host registers its _vlmcs record every 24 hours; its last attempt failed "
                                       "with %s%s%s. Clients that look for a host in DNS do not find it through that "
                                       "domain’s record."),
                                     publishing->hresult, code_title != NULL ? ": " : "",
                                     code_title != NULL ? code_title : "");
      f = add (findings, "health.dns-publishing", KD_FINDING_WARNING, title, explanation,
               _("Give the host’s computer account the right to update the domain’s _vlmcs record, or delete the "
                 "record so that the host creates it again; or publish the record by hand."));
      lookup = g_strdup_printf ("nslookup -type=srv _vlmcs._tcp.%s", publishing->domain);
      kd_finding_add_command (f, lookup, _("See the domain’s _vlmcs records"));
      kd_finding_add_code (f, publishing->hresult, FALSE);
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
  rule_idle (facts, findings);
  rule_ageing (facts, findings);
  rule_correlation (facts, findings);
  rule_split (facts, findings);
  rule_unapproved (facts, findings);
  rule_publishing (facts, findings);
  rule_failures (facts, findings);
}
