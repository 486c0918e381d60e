/* kd-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kd-window.h"

G_BEGIN_DECLS

struct _KdWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwViewStack *stack;
  GtkMenuButton *menu_button;
  AdwViewSwitcher *switcher;
  AdwViewSwitcherBar *switcher_bar;
  AdwWindowTitle *narrow_title;
  AdwBanner *autosave_banner;
  GtkTextView *notes_view;
  KdErrorCodesPage *error_codes_page;
  KdAnalyzePage *analyze_page;
  KdHealthPage *health_page;

  KdCase *case_;             /* what this window is investigating */
  gboolean narrow;
  gboolean disposed;         /* the narrow state is no longer passed on */
  gboolean close_confirmed;  /* the user answered the question on close */
  gboolean carries_session;  /* its case is kept between starts */
  GSettings *settings;
  GCancellable *cancellable;
  GCancellable *restoring;   /* the case of the last session, being read */
  GtkPrintOperation *printing; /* the last print, kept until the next */
};

void     _kd_window_class_actions_init (KdWindowClass *klass);
void     _kd_window_class_case_init    (KdWindowClass *klass);
void     _kd_window_class_report_init  (KdWindowClass *klass);
void     _kd_window_class_diff_init    (KdWindowClass *klass);
void     _kd_window_case_init          (KdWindow      *self);
gboolean _kd_window_case_close_request (KdWindow      *self);
void     _kd_window_dnd_init           (KdWindow      *self);
gboolean _kd_window_drop               (KdWindow      *self,
                                        const GValue  *value);

G_END_DECLS
