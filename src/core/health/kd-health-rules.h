/* kd-health-rules.h — what the health of a deployment means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A result code other than success, and who got it */
typedef struct
{
  char *hresult;
  guint requests;
  GPtrArray *clients;       /* names, sorted, unique */
} KdHealthFailure;

/* A KMS host the inputs name */
typedef struct
{
  char *name;
  int port;                 /* -1 when not known */
  GHashTable *cmids;        /* of the clients that used it */
  GHashTable *window_cmids; /* of those that asked it in the 30 days up to the time */
  GPtrArray *sources;       /* static nicks, in the order of the contract */
  int approved;             /* 1 or 0, -1 without a list of approved hosts */
} KdHealthHost;

/* A host's latest attempt to publish itself in a domain's DNS */
typedef struct
{
  char *host;
  char *domain;
  char *hresult;            /* of a failure (12293), or NULL for a success (12294) */
  gint64 seconds;
} KdHealthPublishing;

/* What the rules read of a snapshot */
typedef struct
{
  GDateTime *as_of;
  gboolean history;         /* the host's 12290s were given */
  guint count;
  guint cap;
  guint by_n_policy_25;
  gint64 reported;          /* -1 without the host's capture */
  GDateTime *below_25;
  GDateTime *below_5;
  GListModel *clients;      /* KdHealthClient */
  GPtrArray *failures;      /* KdHealthFailure */
  const char *host;         /* the host most clients used, or NULL */
  GDateTime *last_host_request;  /* the newest 12290, or NULL */
  gboolean responses;       /* the clients' exports hold 12289s */
  GPtrArray *hosts;         /* KdHealthHost */
  GPtrArray *publishing;    /* KdHealthPublishing */
} KdHealthFacts;

void kd_health_rules_run (const KdHealthFacts *facts,
                          GListStore          *findings);

G_END_DECLS
