/* kd-stat-card.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * KdStatTone:
 * @KD_STAT_TONE_NEUTRAL: a figure to know
 * @KD_STAT_TONE_GOOD: as it should be
 * @KD_STAT_TONE_WARNING: to look at
 * @KD_STAT_TONE_ERROR: wrong
 *
 * What a figure on a card means, shown by its colour.
 */
typedef enum
{
  KD_STAT_TONE_NEUTRAL,
  KD_STAT_TONE_GOOD,
  KD_STAT_TONE_WARNING,
  KD_STAT_TONE_ERROR,
} KdStatTone;

#define KD_TYPE_STAT_TONE (kd_stat_tone_get_type ())
GType kd_stat_tone_get_type (void);

#define KD_TYPE_STAT_CARD (kd_stat_card_get_type ())

G_DECLARE_FINAL_TYPE (KdStatCard, kd_stat_card, KD, STAT_CARD, GtkWidget)

void        kd_stat_card_set_value  (KdStatCard *self,
                                     const char *value);
const char *kd_stat_card_get_value  (KdStatCard *self);
void        kd_stat_card_set_detail (KdStatCard *self,
                                     const char *detail);
const char *kd_stat_card_get_detail (KdStatCard *self);
void        kd_stat_card_set_tone   (KdStatCard *self,
                                     KdStatTone  tone);
KdStatTone  kd_stat_card_get_tone   (KdStatCard *self);

G_END_DECLS
