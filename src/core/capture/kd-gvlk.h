/* kd-gvlk.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Microsoft's public KMS client setup keys (data/gvlk.json). */
typedef struct
{
  const char *partial;
  const char *key;
  const char *edition;
  const char *family;    /* windows-client, windows-client-ltsc, windows-server, windows-server-semi-annual, office */
} KdGvlk;

GPtrArray *kd_gvlk_lookup (const char *partial);

G_END_DECLS
