/* kd-diagnosis.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "kd-capture-parser.h"
#include "kd-command.h"
#include "kd-diagnosis.h"
#include "kd-enum-types.h"
#include "kd-error-catalog.h"
#include "kd-field-info.h"
#include "kd-gvlk.h"
#include "kd-hresult.h"
#include "kd-kms-limits.h"
#include "kd-labels.h"

/* Rules over a parsed capture.  Each rule has a stable id (part of
 * `diagnose --json`, see docs/diagnose-json.md) and says, in the UI
 * language, what it found, why it matters and what to do, with the
 * commands filled in from the capture (host, port, activation ID).
 *
 * The thresholds, intervals and validity are in kd-kms-limits.h; the
 * prose repeats their figures, which Microsoft has never changed. */

/* An activation this close to its end is worth a warning: a client that
 * renews on schedule never gets there. */
#define SOON_DAYS 30

struct _KdDiagnosis
{
  GObject parent_instance;

  KdCapture *document;
  GListStore *findings;
  GArray *product_verdicts;   /* KdVerdict per product */
  KdVerdict verdict;
  guint main_product;
  GStrv product_labels;       /* made on first use, or by the worker of kd_diagnosis_new_async() */
};

G_DEFINE_FINAL_TYPE (KdDiagnosis, kd_diagnosis, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_VERDICT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  KdDiagnosis *self;
  KdCaptureProduct *product;
  int index;
  const char *host;           /* "<kms-host>" when unknown */
  char *host_port;            /* "kms01:1688" or "<kms-host>:1688" */
  const char *activation_id;  /* "<activation-id>" when unknown */
  const char *activate;       /* the command that activates it: slmgr's, or ospp's for an ospp capture */
  gboolean ospp;
} Ctx;

static void
ctx_clear (Ctx *c)
{
  g_clear_pointer (&c->host_port, g_free);
}

static KdFinding *
add (Ctx               *c,
     const char        *rule,
     KdFindingSeverity  severity,
     const char        *title,
     const char        *explanation,
     const char        *remedy)
{
  g_autoptr(KdFinding) finding = kd_finding_new (rule, severity, c->index, title, explanation, remedy);

  g_list_store_append (c->self->findings, finding);
  return finding;
}

static char *
date_after (const char *iso,
            gint64      minutes)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (iso == NULL || minutes < 0)
    return NULL;
  start = g_date_time_new_from_iso8601 (iso, utc);
  if (start == NULL)
    return NULL;
  end = g_date_time_add_minutes (start, (int) MIN (minutes, G_MAXINT));
  return end != NULL ? g_date_time_format (end, "%Y-%m-%d") : NULL;
}

/* License status ------------------------------------------------------- */

static void
rule_license_status (Ctx *c)
{
  const char *status = kd_capture_product_get_license_status (c->product);
  KdLicenseRole role = kd_capture_product_get_role (c->product);
  gint64 days = kd_capture_product_get_expiration_days (c->product);
  KdFinding *f = NULL;

  if (status == NULL || g_str_equal (status, "licensed"))
    return;

  if (g_str_equal (status, "unlicensed"))
    {
      const char *remedy;

      g_autofree char *kms_remedy = NULL;

      if (role == KD_LICENSE_ROLE_KMS_CLIENT)
        /* Translators: %s is the command that activates, such as slmgr.vbs /ato */
        remedy = kms_remedy = g_strdup_printf (_("Activate it against your KMS host with %s, and read the error code it returns if it fails."),
                                               c->activate);
      else if (role == KD_LICENSE_ROLE_MAK)
        remedy = c->ospp ? _("Activate it online with cscript ospp.vbs /act. Without Internet access, activate it by phone: cscript ospp.vbs /dinstid shows the installation ID to give, and cscript ospp.vbs /actcnf:<confirmation ID> enters the answer.")
                         : _("Activate it online with slmgr.vbs /ato, or by phone with slui 4 when the machine has no Internet access.");
      else
        remedy = c->ospp ? _("Install a valid product key for this edition with cscript ospp.vbs /inpkey:<key>, then activate it with cscript ospp.vbs /act.")
                         : _("Install a valid product key for this edition with slmgr.vbs /ipk, then activate it with slmgr.vbs /ato.");
      f = add (c, "status.unlicensed", KD_FINDING_ERROR, _("Not activated"),
               _("The license is Unlicensed: no grace period is running, so Windows or Office nags and may limit features until it is activated."),
               remedy);
    }
  else if (g_str_equal (status, "initial-grace"))
    {
      g_autofree char *title = days >= 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not activated yet: %" PRId64 " day of grace left",
                                                                           "Not activated yet: %" PRId64 " days of grace left", days), days)
                                         : g_strdup (_("Not activated yet: in the initial grace period"));
      /* Translators: %s is the command that activates, such as slmgr.vbs /ato */
      g_autofree char *remedy = g_strdup_printf (role == KD_LICENSE_ROLE_KMS_CLIENT
                                                   ? _("Activate it with %s before the grace period ends; if the KMS host is not reachable, fix that first.")
                                                   : _("Activate it with %s before the grace period ends."),
                                                 c->activate);

      f = add (c, "status.initial-grace", KD_FINDING_WARNING, title,
               _("The product runs on the grace period every installation gets. When it ends, it goes into notification mode."),
               remedy);
    }
  else if (g_str_equal (status, "additional-grace"))
    {
      g_autofree char *title = days >= 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Activation lapsed: %" PRId64 " day of grace left",
                                                                           "Activation lapsed: %" PRId64 " days of grace left", days), days)
                                         : g_strdup (_("Activation lapsed: in the additional grace period"));
      /* Translators: %s is the command that activates, such as slmgr.vbs /ato */
      g_autofree char *remedy = g_strdup_printf (_("On a KMS client, check that it reaches a KMS host and run %s. After a hardware change, reactivate the product."),
                                                 c->activate);

      f = add (c, "status.additional-grace", KD_FINDING_WARNING, title,
               _("Either a KMS activation was not renewed within 180 days, or the hardware changed so much that the activation no longer matches the machine. Windows gives a further grace period before notification."),
               remedy);
      kd_finding_add_code (f, "0xC004F00F", FALSE);
    }
  else if (g_str_equal (status, "non-genuine-grace"))
    {
      f = add (c, "status.non-genuine-grace", KD_FINDING_ERROR, _("Found not genuine: in the non-genuine grace period"),
               _("Validation decided that this copy is not genuine. The grace period lets the owner fix the licensing before notification mode."),
               _("Install a legitimate key for this edition and activate it; remove any third-party “activator”, which is the usual cause."));
      kd_finding_add_code (f, "0x4004F065", FALSE);
    }
  else if (g_str_equal (status, "extended-grace"))
    {
      /* Translators: %s is the command that activates, such as slmgr.vbs /ato */
      g_autofree char *remedy = g_strdup_printf (_("Activate it with %s rather than extending the grace period again."), c->activate);

      f = add (c, "status.extended-grace", KD_FINDING_WARNING, _("Running on an extended grace period"),
               _("The grace period was extended (for example by a rearm), so the product still works but is not activated."),
               remedy);
    }
  else if (g_str_equal (status, "notification"))
    {
      const char *reason = kd_capture_product_get_notification_reason (c->product);
      g_autofree char *reason_title = kd_finding_dup_code_title (reason);
      g_autofree char *title = reason != NULL ? g_strdup_printf (_("In notification mode (%s)"), reason)
                                              : g_strdup (_("In notification mode"));
      g_autofree char *explanation = reason_title != NULL
        ? g_strdup_printf (_("The grace periods are over and the product is not activated. Windows gives the reason as %s: %s."), reason, reason_title)
        : g_strdup (_("The grace periods are over and the product is not activated."));
      /* Translators: %s is the command that activates, such as slmgr.vbs /ato */
      g_autofree char *remedy = g_strdup_printf (_("Fix the cause the notification reason names (open it in Error Codes), then activate with %s."),
                                                 c->activate);

      f = add (c, "status.notification", KD_FINDING_ERROR, title, explanation, remedy);
      kd_finding_add_code (f, reason, FALSE);
      kd_finding_add_field (f, "notification_reason");
    }
  else
    f = add (c, "status.unknown", KD_FINDING_WARNING, _("License status not recognised"),
             _("The capture prints a license status that none of KMS Doctor's tables knows, so its meaning is not certain."),
             _("Run slmgr.vbs /dli on the machine in English (or send the capture) to see the status in a known form."));

  kd_finding_add_field (f, "license_status");
  if (status != NULL && !g_str_equal (status, "unknown") && !g_str_equal (status, "non-genuine-grace"))
    {
      /* ospp.vbs /act activates every Office product installed */
      g_autofree char *ato = c->ospp ? g_strdup (c->activate) : g_strdup_printf ("%s %s", c->activate, c->activation_id);
      kd_finding_add_command (f, ato, c->ospp ? _("Activate the Office products now and show the result")
                                              : _("Activate this product now and show the result"));
    }
}

/* KMS client ------------------------------------------------------------ */

static void
rule_kms_client (Ctx *c)
{
  KdCaptureProduct *p = c->product;
  const char *status = kd_capture_product_get_license_status (p);
  gint64 minutes = kd_capture_product_get_expiration_minutes (p);
  gint64 renewal = kd_capture_product_get_int (p, "renewal_interval");
  gint64 activation = kd_capture_product_get_int (p, "activation_interval");
  KdFinding *f;

  if (!kd_capture_product_is_kms_client (p))
    return;

  if (kd_capture_product_has_flag (p, "please_use_ato") && g_strcmp0 (status, "licensed") != 0)
    {
      gint64 port = kd_capture_product_get_kms_port (p) > 0 ? kd_capture_product_get_kms_port (p) : KD_KMS_DEFAULT_PORT;
      g_autofree char *test = g_strdup_printf ("Test-NetConnection %s -Port %" PRId64, c->host, port);

      f = add (c, "kms-client.never-activated", KD_FINDING_ERROR, _("This KMS client has never activated"),
               _("slmgr shows no KMS activation information: the client has not yet had an answer from a KMS host."),
               _("Run slmgr.vbs /ato and look up the error code it returns. Check that DNS publishes _vlmcs._tcp records for your domain and that the host answers on TCP port 1688."));
      kd_finding_add_command (f, "slmgr.vbs /ato", _("Try to activate and show the error"));
      kd_finding_add_command (f, "nslookup -type=srv _vlmcs._tcp.<domain>", _("List the KMS hosts DNS publishes"));
      kd_finding_add_command (f, test, _("Check that the KMS host answers on its port"));
      kd_finding_add_related (f, "0xC004F074");
      kd_finding_add_related (f, "0x8007232B");
    }

  if (g_strcmp0 (status, "licensed") == 0 && kd_capture_product_has_expiration (p) && minutes < 0 &&
      kd_capture_product_has_field (p, "volume_activation_expiration"))
    {
      f = add (c, "kms-client.expired", KD_FINDING_ERROR, _("The KMS activation has run out"),
               _("slmgr prints the time left as below zero: the 180 days of the last activation are over, yet Windows still says Licensed. Either the activation has just expired and the status has not caught up, or the machine’s clock is wrong."),
               _("Check the date and time of the machine (and of the KMS host), then renew the activation with slmgr.vbs /ato and read any error it returns."));
      kd_finding_add_command (f, "w32tm /query /status", _("Show where the clock takes its time from and when it last synchronised"));
      kd_finding_add_command (f, "slmgr.vbs /ato", _("Renew the activation now and show any error"));
      kd_finding_add_field (f, "volume_activation_expiration");
    }
  else if (g_strcmp0 (status, "licensed") == 0 && kd_capture_product_has_expiration (p) &&
           kd_capture_product_has_field (p, "volume_activation_expiration"))
    {
      /* days begun, without overflow: a garbled capture can print any number */
      gint64 days = minutes / 1440 + (minutes % 1440 != 0);
      g_autofree char *date = date_after (kd_capture_product_get_trusted_time (p), minutes);

      if (days <= SOON_DAYS)
        {
          g_autofree char *title = date != NULL
            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "KMS activation expires in %" PRId64 " day (%s)",
                                            "KMS activation expires in %" PRId64 " days (%s)", days), days, date)
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "KMS activation expires in %" PRId64 " day",
                                            "KMS activation expires in %" PRId64 " days", days), days);
          f = add (c, "kms-client.expires-soon", KD_FINDING_ERROR, title,
                   _("A KMS activation lasts 180 days and the client renews it every 7 days. One that is this close to expiring has not reached a KMS host for months."),
                   _("Find out why renewals fail (run slmgr.vbs /ato and read the error), and make sure the client can reach a KMS host before the activation expires."));
          kd_finding_add_command (f, "slmgr.vbs /ato", _("Renew the activation now and show any error"));
          kd_finding_add_field (f, "volume_activation_expiration");
        }
      else
        {
          gint64 interval = renewal > 0 ? renewal : KD_KMS_RENEWAL_MINUTES;
          gint64 missed = (KD_KMS_VALIDITY_MINUTES - minutes) / interval;

          if (missed >= 2)
            {
              g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                     "About %" PRId64 " KMS renewal missed",
                                                                     "About %" PRId64 " KMS renewals missed", missed), missed);
              g_autofree char *explanation = g_strdup_printf (_("The activation has %" PRId64 " days left of 180. A client that renews on schedule stays close to 180, so this one has not reached a KMS host for a while."), days);

              f = add (c, "kms-client.missed-renewals", KD_FINDING_WARNING, title, explanation,
                       _("Check that the client still reaches a KMS host (DNS, firewall, VPN) and run slmgr.vbs /ato to renew now."));
              kd_finding_add_command (f, "slmgr.vbs /ato", _("Renew the activation now and show any error"));
              kd_finding_add_field (f, "volume_activation_expiration");
              kd_finding_add_field (f, "renewal_interval");
            }
        }
    }

  if (g_strcmp0 (kd_capture_product_get_kms_host_source (p), "registered") == 0)
    {
      /* set for Office with ospp.vbs /sethst, for Windows with slmgr.vbs /skms */
      gboolean office = kd_capture_product_has_field (p, "ospp_kms_registry_override");
      g_autofree char *title = g_strdup_printf (_("KMS host set by hand: %s"), c->host_port);

      f = add (c, "kms-client.registered-host", KD_FINDING_INFO, title,
               office ? _("The host was set for Office with ospp.vbs /sethst, so Office skips DNS discovery. If that host is retired or renamed, Office stops activating.")
                      : _("The host was set with slmgr.vbs /skms, so the client skips DNS discovery. If that host is retired or renamed, the client stops activating."),
               office ? _("Keep it if it is deliberate. To return to DNS discovery, run ospp.vbs /remhst in the Office folder.")
                      : _("Keep it if it is deliberate. To return to DNS discovery, run slmgr.vbs /ckms."));
      kd_finding_add_command (f, office ? "cscript ospp.vbs /remhst" : "slmgr.vbs /ckms",
                              _("Forget the host set by hand and use DNS discovery again"));
      kd_finding_add_field (f, office ? "ospp_kms_registry_override" : "registered_kms_machine_name");
    }

  if (kd_capture_product_has_field (p, "dns_auto_discovery") && kd_capture_product_get_kms_host (p) == NULL &&
      g_strcmp0 (status, "licensed") != 0)
    {
      f = add (c, "kms-client.no-host-found", KD_FINDING_WARNING, _("No KMS host found in DNS"),
               _("The client looked for _vlmcs._tcp records in its DNS domain and found none, so it has no host to ask."),
               _("Check that a KMS host publishes its record (or publish one by hand), that the client's DNS suffix is right, or point the client at a host with slmgr.vbs /skms."));
      kd_finding_add_command (f, "nslookup -type=srv _vlmcs._tcp.<domain>", _("List the KMS hosts DNS publishes"));
      kd_finding_add_command (f, "slmgr.vbs /skms <kms-host>:1688", _("Use this host without DNS discovery"));
      kd_finding_add_related (f, "0x8007232B");
      kd_finding_add_related (f, "0x8007251D");
      kd_finding_add_field (f, "dns_auto_discovery");
    }

  if (kd_capture_product_has_flag (p, "host_caching_disabled"))
    {
      f = add (c, "kms-client.host-caching-disabled", KD_FINDING_INFO, _("KMS host caching is disabled"),
               _("The client does not go back to the host that answered last; it looks one up in DNS every time. That spreads the load but makes each renewal depend on DNS."),
               _("Leave it if it is deliberate; slmgr.vbs /skhc turns caching back on."));
      kd_finding_add_command (f, "slmgr.vbs /skhc", _("Turn KMS host caching back on"));
    }

  if ((activation > 0 && activation != KD_KMS_RETRY_MINUTES) || (renewal > 0 && renewal != KD_KMS_RENEWAL_MINUTES))
    {
      g_autofree char *explanation = g_strdup_printf (_("The client retries activation every %" PRId64 " minutes and renews every %" PRId64 " minutes; the defaults are 120 and 10080 (7 days). The KMS host sets these values."),
                                                      activation > 0 ? activation : KD_KMS_RETRY_MINUTES,
                                                      renewal > 0 ? renewal : KD_KMS_RENEWAL_MINUTES);
      f = add (c, "kms-client.non-default-intervals", KD_FINDING_INFO, _("Non-default activation or renewal interval"),
               explanation, _("Nothing to do unless it was not intended; the intervals are changed on the host with slmgr.vbs /sai and /sri."));
      kd_finding_add_field (f, "activation_interval");
      kd_finding_add_field (f, "renewal_interval");
    }
}

/* KMS host -------------------------------------------------------------- */

static gboolean
is_office (KdCaptureProduct *p)
{
  const char *name = kd_capture_product_get_name (p);
  const char *app = kd_capture_product_get_field (p, "application_id");

  return (app != NULL && g_str_has_prefix (app, "0ff1ce1")) ||
         (name != NULL && (strstr (name, "Office") != NULL || strstr (name, "Project") != NULL || strstr (name, "Visio") != NULL));
}

static gboolean
is_server (KdCaptureProduct *p)
{
  const char *name = kd_capture_product_get_name (p);
  const char *description = kd_capture_product_get_description (p);

  return (name != NULL && strstr (name, "Server") != NULL) || (description != NULL && strstr (description, "Server") != NULL);
}

static void
rule_kms_host (Ctx *c)
{
  KdCaptureProduct *p = c->product;
  const char *status = kd_capture_product_get_license_status (p);
  gint64 count = kd_capture_product_get_int (p, "current_count");
  gint64 port = kd_capture_product_get_int (p, "listening_port");
  gint64 total = kd_capture_product_get_int (p, "requests_total");
  gint64 failed = kd_capture_product_get_int (p, "requests_failed");
  KdFinding *f;

  if (!kd_capture_product_is_kms_host (p))
    return;

  if (status != NULL && !g_str_equal (status, "licensed"))
    {
      f = add (c, "kms-host.not-licensed", KD_FINDING_ERROR, _("The KMS host itself is not activated"),
               _("A KMS host must activate its own host key (CSVLK) with Microsoft before it answers clients; until then clients get 0xC004F041."),
               _("Activate the host key online with slmgr.vbs /ato, or by phone with slui 4."));
      kd_finding_add_command (f, "slmgr.vbs /ato", _("Activate the host key"));
      kd_finding_add_related (f, "0xC004F041");
      kd_finding_add_field (f, "license_status");
    }

  if (count >= 0)
    {
      gboolean office = is_office (p);
      g_autofree char *title = NULL;

      if (count < KD_KMS_THRESHOLD_SERVER)
        {
          title = g_strdup_printf (_("Count %" PRId64 ": no client activates yet"), count);
          f = add (c, "kms-host.count-below-5", KD_FINDING_ERROR, title,
                   _("A KMS host activates nothing until at least 5 different machines have asked it within 30 days. Clients meanwhile get 0xC004F038."),
                   _("Let more clients contact the host (they retry every 2 hours), or activate the first machines with a MAK. Make sure cloned clients have different CMIDs."));
          kd_finding_add_related (f, "0xC004F038");
        }
      else if (count < KD_KMS_THRESHOLD_CLIENT && !office)
        {
          title = g_strdup_printf (_("Count %" PRId64 ": servers activate, Windows clients do not yet"), count);
          f = add (c, "kms-host.count-below-25", KD_FINDING_WARNING, title,
                   _("From a count of 5 the host activates Windows Server and volume Office; Windows client editions need 25. Client machines meanwhile get 0xC004F038."),
                   _("Wait for more clients to ask (the count covers the last 30 days), and check for clones sharing one CMID if the count stays low."));
          kd_finding_add_related (f, "0xC004F038");
        }
      else
        {
          title = count >= KD_KMS_COUNT_CAP_CLIENT ? g_strdup_printf (_("Count %" PRId64 ": everything activates (the host keeps at most 50)"), count)
                              : g_strdup_printf (_("Count %" PRId64 ": everything activates"), count);
          f = add (c, "kms-host.count-ok", KD_FINDING_INFO, title,
                   _("The count is above the thresholds (25 for Windows clients, 5 for servers and Office), so every kind of client can activate."),
                   _("Nothing to do."));
        }
      kd_finding_add_field (f, "current_count");

      /* Many requests from few machines: clones that share a CMID. */
      if (total >= 0 && count < KD_KMS_THRESHOLD_CLIENT && total >= 10 * MAX (count, 1) && total >= 50)
        {
          g_autofree char *explanation = g_strdup_printf (_("The host has received %" PRId64 " requests but counts only %" PRId64 " machines. Machines cloned from an image that was not generalised share one Client Machine ID and count once."),
                                                          total, count);
          f = add (c, "kms-host.count-stuck", KD_FINDING_WARNING, _("The count stays low despite many requests"), explanation,
                   _("Compare the CMID that slmgr.vbs /dlv shows on several clients. Give cloned machines a new one with slmgr.vbs /rearm and a restart, and generalise images with sysprep before capturing them."));
          kd_finding_add_command (f, "slmgr.vbs /dlv", _("On a client: read its Client Machine ID (CMID)"));
          kd_finding_add_command (f, "slmgr.vbs /rearm", _("On a cloned client: make a new CMID (restart afterwards)"));
          kd_finding_add_related (f, "0xC004F038");
          kd_finding_add_field (f, "requests_total");
          kd_finding_add_field (f, "current_count");
        }
    }

  if (kd_capture_product_has_flag (p, "dns_publishing_disabled"))
    {
      f = add (c, "kms-host.dns-publishing-disabled", KD_FINDING_WARNING, _("The host does not publish itself in DNS"),
               _("Clients find KMS hosts through _vlmcs._tcp records. With publishing off, only clients pointed at this host with /skms, or a record created by hand, reach it."),
               _("Turn publishing on with slmgr.vbs /cdns, unless the SRV record is managed by hand on purpose."));
      kd_finding_add_command (f, "slmgr.vbs /cdns", _("Publish this host in DNS again"));
      kd_finding_add_command (f, "nslookup -type=srv _vlmcs._tcp.<domain>", _("List the KMS hosts DNS publishes"));
    }

  if (port > 0 && port != KD_KMS_DEFAULT_PORT)
    {
      g_autofree char *title = g_strdup_printf (_("The host listens on port %" PRId64 ", not 1688"), port);
      g_autofree char *skms = g_strdup_printf ("slmgr.vbs /skms %s:%" PRId64,
                                               g_strcmp0 (c->host, "<kms-host>") != 0 ? c->host : "<kms-host>", port);

      f = add (c, "kms-host.non-default-port", KD_FINDING_INFO, title,
               _("Clients use 1688 unless the SRV record or /skms gives another port, and firewalls must allow the one in use."),
               _("Check that the published SRV record carries this port and that firewalls allow it."));
      kd_finding_add_command (f, skms, _("On a client: use this host and port"));
      kd_finding_add_field (f, "listening_port");
    }

  if (failed > 0)
    {
      g_autofree char *title = total > 0
        ? g_strdup_printf (_("%" PRId64 " of %" PRId64 " requests failed"), failed, total)
        : g_strdup_printf (_("%" PRId64 " requests failed"), failed);

      f = add (c, "kms-host.failed-requests", KD_FINDING_WARNING, title,
               _("The host refused some activation requests. Event 12290 in the Key Management Service log records each request with the code the client got."),
               _("Read the 12290 events of the failed requests: the first field is the result code, which says why (for example a client product this host key cannot activate)."));
      kd_finding_add_command (f, "wevtutil qe \"Key Management Service\" /q:\"*[System[(EventID=12290)]]\" /c:50 /rd:true /f:text",
                              _("Show the last 50 requests the host processed"));
      kd_finding_add_field (f, "requests_failed");
    }

  if (g_strcmp0 (kd_labels_lookup_value (kd_labels_get_default (), "kms_priority",
                                         kd_capture_product_get_field (p, "kms_priority") != NULL ? kd_capture_product_get_field (p, "kms_priority") : ""),
                 "low") == 0)
    {
      f = add (c, "kms-host.low-priority", KD_FINDING_INFO, _("The host runs at low priority"),
               _("The KMS service gives way to other work on this machine, which can slow answers on a busy server."),
               _("Nothing to do unless clients time out; slmgr.vbs /cpri sets normal priority."));
      kd_finding_add_field (f, "kms_priority");
    }
}

/* Keys and channels ----------------------------------------------------- */

static const char *
edition_keyword (const char *name)
{
  /* slmgr's Name is "Windows(R), <EditionID> edition" */
  static const struct {
    const char *edition_id;
    const char *keyword;
  } map[] = {
    { "ServerDatacenter", "datacenter" }, { "ServerStandard", "standard" }, { "ServerEssentials", "essentials" },
    { "EnterpriseS", "ltsc" }, { "EnterpriseG", "enterprise g" }, { "Enterprise", "enterprise" },
    { "ProfessionalWorkstation", "workstation" }, { "ProfessionalEducation", "education" },
    { "Professional", "pro" }, { "Education", "education" },
  };

  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    {
      g_autofree char *pattern = g_strdup_printf (", %s", map[i].edition_id);
      const char *at = strstr (name, pattern);

      if (at != NULL)
        {
          const char *after = at + strlen (pattern);
          /* "EnterpriseN edition" is Enterprise too; "EnterpriseS" is not. */
          if (*after == ' ' || (*after == 'N' && after[1] == ' '))
            return map[i].keyword;
        }
    }
  return NULL;
}

static gboolean
gvlk_matches_edition (const KdGvlk *gvlk,
                      const char   *keyword)
{
  g_autofree char *edition = g_ascii_strdown (gvlk->edition, -1);

  if (g_str_equal (keyword, "ltsc"))
    return strstr (edition, "ltsc") != NULL || strstr (edition, "ltsb") != NULL;
  if (g_str_equal (keyword, "enterprise") && (strstr (edition, "ltsc") != NULL || strstr (edition, "ltsb") != NULL))
    return FALSE;
  return strstr (edition, keyword) != NULL;
}

static void
rule_keys (Ctx *c)
{
  KdCaptureProduct *p = c->product;
  KdLicenseRole role = kd_capture_product_get_role (p);
  const char *partial = kd_capture_product_get_field (p, "partial_product_key");
  GPtrArray *gvlks = kd_gvlk_lookup (partial);
  KdFinding *f;

  if (role == KD_LICENSE_ROLE_KMS_CLIENT && partial != NULL && *partial != '\0')
    {
      if (gvlks == NULL)
        {
          g_autofree char *explanation = g_strdup_printf (_("The installed key ends in %s, which is not one of the KMS client setup keys Microsoft publishes (as far as KMS Doctor's table goes)."), partial);

          f = add (c, "key.kms-client-without-gvlk", KD_FINDING_INFO, _("Not a known KMS client setup key"), explanation,
                   _("If activation fails with 0xC004F042 or 0xC004F050, install the GVLK for this edition from Microsoft's table with slmgr.vbs /ipk."));
          kd_finding_add_command (f, "slmgr.vbs /ipk <product-key>", _("Install the KMS client setup key for this edition"));
          kd_finding_add_field (f, "partial_product_key");
        }
      else
        {
          const KdGvlk *gvlk = g_ptr_array_index (gvlks, 0);
          gboolean server = is_server (p), office = is_office (p);
          gboolean gvlk_server = g_str_has_prefix (gvlk->family, "windows-server");
          gboolean gvlk_office = g_str_equal (gvlk->family, "office");
          const char *keyword = edition_keyword (kd_capture_product_get_name (p));
          gboolean edition_ok = TRUE;

          if (keyword != NULL && !office)
            {
              edition_ok = FALSE;
              for (guint i = 0; i < gvlks->len; i++)
                edition_ok |= gvlk_matches_edition (g_ptr_array_index (gvlks, i), keyword);
            }

          if (server != gvlk_server || office != gvlk_office || !edition_ok)
            {
              g_autofree char *title = g_strdup_printf (_("The setup key is for %s"), gvlk->edition);
              g_autofree char *explanation = g_strdup_printf (_("The installed key ends in %s: that is Microsoft's KMS client setup key for %s, not for the product shown here. KMS activation fails or activates the wrong edition."),
                                                              partial, gvlk->edition);

              f = add (c, "key.gvlk-other-edition", KD_FINDING_ERROR, title, explanation,
                       _("Install the KMS client setup key (GVLK) of this exact edition with slmgr.vbs /ipk, then run slmgr.vbs /ato."));
              kd_finding_add_command (f, "slmgr.vbs /ipk <product-key>", _("Install the KMS client setup key for this edition"));
              kd_finding_add_command (f, "slmgr.vbs /ato", _("Activate with the new key"));
              kd_finding_add_related (f, "0xC004F042");
              kd_finding_add_related (f, "0xC004F050");
              kd_finding_add_field (f, "partial_product_key");
            }
        }
    }

  /* Set up for KMS (a host given by hand) but holding another kind of key. */
  if ((role == KD_LICENSE_ROLE_MAK || role == KD_LICENSE_ROLE_RETAIL || role == KD_LICENSE_ROLE_OEM) &&
      kd_capture_product_get_field (p, "registered_kms_machine_name") != NULL)
    {
      f = add (c, "key.kms-client-without-gvlk", KD_FINDING_WARNING, _("Pointed at a KMS host, but without a KMS client key"),
               _("A KMS host is configured for this machine, but the installed key is not a KMS client setup key, so it never asks the host."),
               _("Install the GVLK for this edition with slmgr.vbs /ipk if the machine should activate by KMS."));
      kd_finding_add_command (f, "slmgr.vbs /ipk <product-key>", _("Install the KMS client setup key for this edition"));
      kd_finding_add_field (f, "product_key_channel");
    }

  if (role == KD_LICENSE_ROLE_KMS_HOST && !is_server (p) && !is_office (p))
    {
      /* A Windows client edition may host KMS for client editions; it is a
       * mistake when nobody uses it, typically a CSVLK left in an image. */
      gboolean in_use = kd_capture_product_get_int (p, "current_count") > 0;

      f = add (c, "key.host-key-on-client", in_use ? KD_FINDING_INFO : KD_FINDING_WARNING,
               _("A KMS host key is installed on a client edition"),
               _("This Windows client edition runs as a KMS host. That is rarely intended: a host key (CSVLK) in a deployment image spends the key's few activations and turns every copy into a host."),
               _("If this machine should be a client, install the GVLK for its edition with slmgr.vbs /ipk and activate it."));
      kd_finding_add_command (f, "slmgr.vbs /ipk <product-key>", _("Install the KMS client setup key for this edition"));
      kd_finding_add_related (f, "0xC004C008");
      kd_finding_add_field (f, "description");
    }
}

static void
rule_channel (Ctx *c)
{
  KdCaptureProduct *p = c->product;
  KdLicenseRole role = kd_capture_product_get_role (p);
  gint64 rearm = kd_capture_product_get_int (p, "remaining_windows_rearm_count");
  KdFinding *f;

  if (role == KD_LICENSE_ROLE_EVALUATION)
    {
      gint64 days = kd_capture_product_get_expiration_days (p);
      g_autofree char *date = date_after (kd_capture_product_get_trusted_time (p), kd_capture_product_get_expiration_minutes (p));
      g_autofree char *title = days >= 0 && date != NULL
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Evaluation edition: %" PRId64 " day left (until %s)",
                                        "Evaluation edition: %" PRId64 " days left (until %s)", days), days, date)
        : days >= 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Evaluation edition: %" PRId64 " day left",
                                                    "Evaluation edition: %" PRId64 " days left", days), days)
                    : g_strdup (_("Evaluation edition"));

      f = add (c, "edition.evaluation", KD_FINDING_WARNING, title,
               _("An evaluation edition cannot be activated by KMS or MAK and shuts down periodically after it expires."),
               _("Convert it to the full edition with DISM and a key for that edition (the GVLK for KMS), then activate."));
      kd_finding_add_command (f, "DISM /Online /Get-TargetEditions", _("List the editions this installation can become"));
      kd_finding_add_command (f, "DISM /Online /Set-Edition:<edition> /ProductKey:<product-key> /AcceptEula",
                              _("Convert to the full edition (restart afterwards)"));
      kd_finding_add_related (f, "0xC004FC07");
      kd_finding_add_field (f, "description");
    }
  else if (role == KD_LICENSE_ROLE_RETAIL || role == KD_LICENSE_ROLE_OEM)
    {
      f = add (c, "channel.not-volume", KD_FINDING_INFO,
               role == KD_LICENSE_ROLE_OEM ? _("OEM license: KMS does not apply") : _("Retail license: KMS does not apply"),
               _("This product activates with its own key, online or by phone, never with a KMS host."),
               _("To manage it with KMS, install the GVLK for its edition, where the volume license agreement allows it."));
      kd_finding_add_field (f, "description");
    }
  else if (role == KD_LICENSE_ROLE_MAK)
    {
      f = add (c, "channel.mak", KD_FINDING_INFO, _("Activated with a Multiple Activation Key"),
               _("Each MAK activation is counted by Microsoft against the key's limit; reinstalling or big hardware changes spend more."),
               _("Nothing to do. Check the remaining activations in the Volume Licensing Service Center before imaging."));
      kd_finding_add_field (f, "description");
    }
  else if (role == KD_LICENSE_ROLE_ADBA)
    add (c, "channel.adba", KD_FINDING_INFO, _("Activated through Active Directory"),
         _("The machine took its activation from an activation object in Active Directory, not from a KMS host."),
         _("Nothing to do; domain membership keeps it activated."));
  else if (role == KD_LICENSE_ROLE_AVMA)
    add (c, "channel.avma", KD_FINDING_INFO, _("Activated by its Hyper-V host (AVMA)"),
         _("Automatic Virtual Machine Activation lets guests activate against an activated Datacenter host."),
         _("Nothing to do while the host stays activated."));
  else if (role == KD_LICENSE_ROLE_TOKEN)
    add (c, "channel.token", KD_FINDING_INFO, _("Token-based activation"),
         _("The product activates with a signed license token and certificates, not with a KMS host."),
         _("Nothing to do while the token and certificate remain valid."));

  if (rearm == 0)
    {
      f = add (c, "rearm.none-left", KD_FINDING_WARNING, _("No rearms left"),
               _("slmgr.vbs /rearm can no longer reset the grace period (or make a new CMID) on this installation."),
               _("Activate the product rather than rearming it; capture images before using the last rearm."));
      kd_finding_add_related (f, "0xC004D307");
      kd_finding_add_field (f, "remaining_windows_rearm_count");
    }
}

static void
rule_result (Ctx *c)
{
  KdCaptureProduct *p = c->product;
  const char *code = kd_capture_product_get_field (p, "result_error_code");
  KdFinding *f;

  if (!kd_capture_product_has_flag (p, "activation_failure") && !kd_capture_product_has_flag (p, "activation_success"))
    return;

  if (kd_capture_product_has_flag (p, "activation_failure"))
    {
      const char *text = kd_capture_product_get_field (p, "result_error_text");
      g_autofree char *code_title = kd_finding_dup_code_title (code);
      g_autofree char *title = code != NULL ? g_strdup_printf (_("Activation failed with %s"), code)
                                            : g_strdup (_("Activation failed"));
      g_autofree char *explanation = NULL;

      if (code_title != NULL)
        explanation = g_strdup_printf (_("The activation attempt in this capture ended with %s: %s."), code, code_title);
      else if (code == NULL && text != NULL)
        /* Translators: the second part is Windows' own message, in its language */
        explanation = g_strdup_printf (_("The activation attempt in this capture ended with an error that has no code: “%s”"), text);
      else
        explanation = g_strdup (_("The activation attempt in this capture ended with an error."));

      /* Translators: %s is the command that activates, such as slmgr.vbs /ato */
      g_autofree char *remedy = g_strdup_printf (code != NULL ? _("Open the code in Error Codes for its cause and the steps to fix it, then run %s again.")
                                                              : _("Do what the message asks (for a copy found not genuine: install a legitimate key for this edition and run slui.exe), then run %s again."),
                                                 c->activate);

      f = add (c, "ato.failed", KD_FINDING_ERROR, title, explanation, remedy);
      kd_finding_add_code (f, code, TRUE);
    }
  else
    add (c, "ato.succeeded", KD_FINDING_INFO, _("Activation succeeded"),
         _("The activation attempt in this capture succeeded."), _("Nothing to do."));
}

/* A number no field can hold: the capture was changed on its way, and the
 * checks that need the value are skipped rather than run on a wrong one. */
static void
rule_out_of_range (Ctx *c)
{
  guint n;
  const char * const *keys = kd_capture_product_get_out_of_range (c->product, &n);
  g_autoptr(GString) what = NULL;
  g_autofree char *explanation = NULL;
  KdFinding *f;

  if (n == 0)
    return;

  what = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      const KdFieldInfo *info = kd_field_info_lookup (keys[i]);

      if (i > 0)
        g_string_append (what, ", ");
      /* Translators: “Current count” 99999999999999999999999 */
      g_string_append_printf (what, _("“%s” %s"), info != NULL ? kd_field_info_get_label (info) : keys[i],
                              kd_capture_product_get_field (c->product, keys[i]));
    }
  explanation = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "No real output prints such a number: %s. The text was changed or garbled on its way here, so the checks that need this value were skipped.",
                                              "No real output prints such numbers: %s. The text was changed or garbled on its way here, so the checks that need these values were skipped.",
                                              n),
                                 what->str);
  f = add (c, "capture.number-out-of-range", KD_FINDING_WARNING,
           g_dngettext (GETTEXT_PACKAGE, "A number in the capture cannot be right", "Numbers in the capture cannot be right", n),
           explanation,
           _("Copy the output of slmgr.vbs again, straight from the console on that machine, and analyse it again."));
  for (guint i = 0; i < n; i++)
    kd_finding_add_field (f, keys[i]);
}

/* The capture as a whole ------------------------------------------------ */

static void
rule_capture (KdDiagnosis *self)
{
  KdCapture *doc = self->document;
  const char * const *unknown = kd_capture_get_unknown_lines (doc);
  guint n_unknown = g_strv_length ((GStrv) unknown);
  guint n_products = g_list_model_get_n_items (kd_capture_get_products (doc));
  Ctx c = { self, NULL, -1 };

  if (n_products == 0)
    {
      add (&c, "capture.nothing-recognised", KD_FINDING_ERROR, _("Nothing to analyse"),
           _("The text does not contain output of slmgr.vbs or ospp.vbs that KMS Doctor recognises."),
           _("Paste the whole output of slmgr.vbs /dlv (or /dli, /xpr, /ato), or of ospp.vbs /dstatus, from the machine."));
      ctx_clear (&c);
      return;
    }

  if (kd_capture_get_n_by_shape (doc) > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line read by the shape of its value",
                                                             "%u lines read by the shape of their values",
                                                             kd_capture_get_n_by_shape (doc)),
                                                kd_capture_get_n_by_shape (doc));
      KdFinding *f;

      f = add (&c, "capture.unknown-language", KD_FINDING_INFO, title,
               _("Their labels are in a language KMS Doctor has no table for, so the fields were recognised by what their values look like (IDs, keys, host names, codes, minutes). Fields with plain words as values could not be read."),
               _("For a complete analysis, have slmgr.vbs print in English: a copy of it outside System32 does not find its translations. Or send the capture, so that a table for its language can be added."));
      /* The way the Checkmk agent gets English output (win_license.bat). */
      kd_finding_add_command (f, "copy /Y \"%windir%\\System32\\slmgr.vbs\" \"%temp%\\slmgr.vbs\"",
                              _("Copy slmgr.vbs where its translations are not found"));
      kd_finding_add_command (f, "cscript //nologo \"%temp%\\slmgr.vbs\" /dlv",
                              _("Print the same output with English labels"));
    }

  if (n_unknown > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line not understood", "%u lines not understood", n_unknown),
                                                n_unknown);
      add (&c, "capture.unknown-lines", KD_FINDING_INFO, title,
           _("These lines are kept as they are; they may be from another tool, a part of the output that was edited, or a version of slmgr this table does not know."),
           _("Look at them below; nothing else is needed if they are not about activation."));
    }
  ctx_clear (&c);
}

static KdVerdict
verdict_for (KdFindingSeverity severity)
{
  switch (severity)
    {
    case KD_FINDING_ERROR:
      return KD_VERDICT_ERROR;
    case KD_FINDING_WARNING:
      return KD_VERDICT_WARNING;
    case KD_FINDING_INFO:
    default:
      return KD_VERDICT_OK;
    }
}

static void
run_rules (KdDiagnosis *self)
{
  GListModel *products = kd_capture_get_products (self->document);
  guint n = g_list_model_get_n_items (products);
  KdCaptureKind kind = kd_capture_get_kind (self->document);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, i);
      KdVerdict none = KD_VERDICT_OK;
      Ctx c = { self, product, (int) i };

      /* Unused licenses of /dlv all say nothing about the machine. */
      g_array_append_val (self->product_verdicts, none);
      if (kd_capture_product_has_flag (product, "license_not_in_use"))
        continue;

      c.host = kd_capture_product_get_kms_host (product) != NULL ? kd_capture_product_get_kms_host (product) : "<kms-host>";
      c.host_port = g_strdup_printf ("%s:%" PRId64, c.host,
                                     kd_capture_product_get_kms_port (product) > 0 ? kd_capture_product_get_kms_port (product)
                                                                                   : KD_KMS_DEFAULT_PORT);
      c.activation_id = kd_capture_product_get_field (product, "activation_id") != NULL
                          ? kd_capture_product_get_field (product, "activation_id") : "<activation-id>";
      c.ospp = kind == KD_CAPTURE_KIND_OSPP_DSTATUS || kind == KD_CAPTURE_KIND_OSPP_ACT;
      c.activate = c.ospp ? "cscript ospp.vbs /act" : "slmgr.vbs /ato";

      rule_result (&c);
      rule_out_of_range (&c);
      rule_license_status (&c);
      rule_kms_client (&c);
      rule_kms_host (&c);
      rule_keys (&c);
      rule_channel (&c);
      ctx_clear (&c);
    }

  rule_capture (self);

  self->verdict = KD_VERDICT_OK;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->findings)); i++)
    {
      g_autoptr(KdFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);
      KdVerdict v = verdict_for (kd_finding_get_severity (finding));
      int product = kd_finding_get_product (finding);

      self->verdict = MAX (self->verdict, v);
      if (product >= 0 && (guint) product < self->product_verdicts->len)
        g_array_index (self->product_verdicts, KdVerdict, product) =
          MAX (g_array_index (self->product_verdicts, KdVerdict, product), v);
    }

  /* What matters: the licence in use with the worst verdict, not the
   * first of the unused ones `/dlv all` lists. */
  {
    int best_score = -1;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, i);
        int score = kd_capture_product_has_flag (product, "license_not_in_use")
                      ? -1 : (int) g_array_index (self->product_verdicts, KdVerdict, i);

        if (score > best_score)
          {
            self->main_product = i;
            best_score = score;
          }
      }
  }
}

static void
kd_diagnosis_finalize (GObject *object)
{
  KdDiagnosis *self = (KdDiagnosis *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->findings);
  g_clear_pointer (&self->product_verdicts, g_array_unref);
  g_clear_pointer (&self->product_labels, g_strfreev);

  G_OBJECT_CLASS (kd_diagnosis_parent_class)->finalize (object);
}

static void
kd_diagnosis_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KdDiagnosis *self = KD_DIAGNOSIS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_VERDICT:
      g_value_set_enum (value, self->verdict);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_diagnosis_class_init (KdDiagnosisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kd_diagnosis_finalize;
  object_class->get_property = kd_diagnosis_get_property;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, KD_TYPE_CAPTURE,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERDICT] = g_param_spec_enum ("verdict", NULL, NULL, KD_TYPE_VERDICT, KD_VERDICT_OK,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kd_diagnosis_init (KdDiagnosis *self)
{
  self->findings = g_list_store_new (KD_TYPE_FINDING);
  self->product_verdicts = g_array_new (FALSE, TRUE, sizeof (KdVerdict));
}

/**
 * kd_diagnosis_new:
 * @document: a parsed capture
 *
 * Runs every rule over @document.
 *
 * Returns: (transfer full): the diagnosis
 */
KdDiagnosis *
kd_diagnosis_new (KdCapture *document)
{
  KdDiagnosis *self;

  g_return_val_if_fail (KD_IS_CAPTURE (document), NULL);

  self = g_object_new (KD_TYPE_DIAGNOSIS, NULL);
  self->document = g_object_ref (document);
  run_rules (self);
  return self;
}

KdCapture *
kd_diagnosis_get_document (KdDiagnosis *self)
{
  g_return_val_if_fail (KD_IS_DIAGNOSIS (self), NULL);
  return self->document;
}

/**
 * kd_diagnosis_get_findings:
 * @self: a diagnosis
 *
 * Returns: (transfer none): #KdFinding items, product by product
 */
GListModel *
kd_diagnosis_get_findings (KdDiagnosis *self)
{
  g_return_val_if_fail (KD_IS_DIAGNOSIS (self), NULL);
  return G_LIST_MODEL (self->findings);
}

/**
 * kd_diagnosis_find_rule:
 * @self: a diagnosis
 * @rule: a rule's id, such as "kms-client.expired"
 *
 * Returns: (transfer none) (nullable): the first finding of @rule
 */
KdFinding *
kd_diagnosis_find_rule (KdDiagnosis *self,
                        const char  *rule)
{
  g_return_val_if_fail (KD_IS_DIAGNOSIS (self), NULL);
  g_return_val_if_fail (rule != NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->findings)); i++)
    {
      g_autoptr(KdFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), i);

      if (g_str_equal (kd_finding_get_rule (finding), rule))
        return finding;  /* the store keeps a reference */
    }
  return NULL;
}

KdVerdict
kd_diagnosis_get_verdict (KdDiagnosis *self)
{
  g_return_val_if_fail (KD_IS_DIAGNOSIS (self), KD_VERDICT_OK);
  return self->verdict;
}

KdVerdict
kd_diagnosis_get_product_verdict (KdDiagnosis *self,
                                  guint        product)
{
  g_return_val_if_fail (KD_IS_DIAGNOSIS (self), KD_VERDICT_OK);
  g_return_val_if_fail (product < self->product_verdicts->len, KD_VERDICT_OK);
  return g_array_index (self->product_verdicts, KdVerdict, product);
}

/**
 * kd_diagnosis_get_main_product:
 * @self: a diagnosis
 *
 * The product to show first: the licence in use with the worst verdict.
 *
 * Returns: its position among the document's products, 0 when it has none
 */
guint
kd_diagnosis_get_main_product (KdDiagnosis *self)
{
  g_return_val_if_fail (KD_IS_DIAGNOSIS (self), 0);
  return self->main_product;
}

/**
 * kd_diagnosis_get_product_labels:
 * @self: a diagnosis
 *
 * What a product switcher lists: "3. Windows(R), Enterprise edition", one
 * per product.  Made on first use; a diagnosis from
 * kd_diagnosis_new_async() has them made in its worker already, since
 * thousands of products take longer than a frame.
 *
 * Returns: (transfer none): the labels
 */
const char * const *
kd_diagnosis_get_product_labels (KdDiagnosis *self)
{
  g_return_val_if_fail (KD_IS_DIAGNOSIS (self), NULL);

  if (self->product_labels == NULL)
    {
      GListModel *products = kd_capture_get_products (self->document);
      g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

      for (guint i = 0; i < g_list_model_get_n_items (products); i++)
        {
          g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, i);
          const char *name = kd_capture_product_get_name (product);

          g_strv_builder_take (labels, g_strdup_printf ("%u. %s", i + 1,
                                                        name != NULL ? name : _("A product without a name")));
        }
      self->product_labels = g_strv_builder_end (labels);
    }
  return (const char * const *) self->product_labels;
}

static void
new_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  g_autoptr(KdCapture) doc = kd_capture_parse_job_run (task_data, cancellable);
  g_autoptr(KdDiagnosis) diagnosis = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  diagnosis = kd_diagnosis_new (doc);
  kd_diagnosis_get_product_labels (diagnosis);
  g_task_return_pointer (task, g_steal_pointer (&diagnosis), g_object_unref);
}

/**
 * kd_diagnosis_new_async:
 * @capture: a capture, in any encoding
 * @flags: as for kd_capture_parse()
 * @cancellable: (nullable): a #GCancellable, which also stops the parse
 * @callback: called with the diagnosis
 * @user_data: for @callback
 *
 * Parses @capture and runs every rule over it in a worker thread, the
 * products' labels made there too: what a window needs of a paste of
 * megabytes without a frame's delay.
 */
void
kd_diagnosis_new_async (GBytes              *capture,
                        KdCaptureParseFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (capture != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kd_diagnosis_new_async);
  g_task_set_task_data (task, kd_capture_parse_job_new (capture, flags), (GDestroyNotify) kd_capture_parse_job_free);
  g_task_run_in_thread (task, new_thread);
}

/**
 * kd_diagnosis_new_finish:
 * @result: the result given to the callback
 * @error: a #GError, set when cancelled
 *
 * Returns: (transfer full) (nullable): the diagnosis
 */
KdDiagnosis *
kd_diagnosis_new_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kd_diagnosis_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * kd_diagnosis_has_warnings:
 * @self: a diagnosis
 *
 * Returns: %TRUE if a finding of warning severity or worse exists
 */
gboolean
kd_diagnosis_has_warnings (KdDiagnosis *self)
{
  g_return_val_if_fail (KD_IS_DIAGNOSIS (self), FALSE);
  return self->verdict >= KD_VERDICT_WARNING;
}

/**
 * kd_diagnosis_to_json:
 * @self: a diagnosis
 * @builder: a builder where a value goes
 *
 * Writes the object of docs/diagnose-json.md.
 */
void
kd_diagnosis_to_json (KdDiagnosis *self,
                      JsonBuilder *builder)
{
  GListModel *products;

  g_return_if_fail (KD_IS_DIAGNOSIS (self));

  products = kd_capture_get_products (self->document);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, kd_verdict_get_id (self->verdict));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kd_capture_kind_get_id (kd_capture_get_kind (self->document)));
  json_builder_set_member_name (builder, "products");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(KdCaptureProduct) product = g_list_model_get_item (products, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "index");
      json_builder_add_int_value (builder, i);
      json_builder_set_member_name (builder, "name");
      if (kd_capture_product_get_name (product) != NULL)
        json_builder_add_string_value (builder, kd_capture_product_get_name (product));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, kd_license_role_get_id (kd_capture_product_get_role (product)));
      json_builder_set_member_name (builder, "verdict");
      json_builder_add_string_value (builder, kd_verdict_get_id (kd_diagnosis_get_product_verdict (self, i)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  kd_finding_list_to_json (G_LIST_MODEL (self->findings), "findings", builder);
  json_builder_end_object (builder);
}
