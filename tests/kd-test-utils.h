/* kd-test-utils.h — what the widget tests and the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Waiting: a test waits for what it can observe (a property notified, a
 * signal, a frame drawn), never for a fixed time, and fails with the
 * condition it waited for when that does not come within
 * KD_TEST_TIMEOUT_MS.
 *
 * Notifications: kd_test_notify_watch() counts the notifications of one
 * property, so that a test can assert that an action notifies it exactly
 * once, at least once or not at all, or wait for it.
 *
 * Windows: the programs run their tests inside the application's startup
 * (kd_test_run()); kd_test_window_new() gives a window that has drawn and
 * done what it starts doing by itself, kd_test_window_destroy() destroys
 * it and asserts that it is finalized.
 */

#pragma once

#include <adwaita.h>

#include "kd-application.h"
#include "kd-window.h"

G_BEGIN_DECLS

/* Generous: a loaded machine with two cores runs two Xvfb tests at once. */
#define KD_TEST_TIMEOUT_MS 10000

/* Waiting for a condition */

typedef gboolean (*KdTestCondition) (gpointer user_data);

typedef struct
{
  gint64 deadline;
  guint  timeout_ms;
  guint  wake_id;
} KdTestWaiter;

void kd_test_waiter_start   (KdTestWaiter *waiter,
                             guint         timeout_ms);
void kd_test_waiter_check   (KdTestWaiter *waiter,
                             const char   *file,
                             int           line,
                             const char   *func,
                             const char   *what);
void kd_test_waiter_iterate (KdTestWaiter *waiter,
                             const char   *file,
                             int           line,
                             const char   *func,
                             const char   *what);
void kd_test_waiter_finish  (KdTestWaiter *waiter);

/* Iterates the default main context until @expr is true; fails the test,
 * naming @expr, if it is still false after @timeout_ms. */
#define KD_TEST_WAIT_UNTIL_FULL(expr, timeout_ms) \
  G_STMT_START { \
    KdTestWaiter kd_waiter_; \
    kd_test_waiter_start (&kd_waiter_, (timeout_ms)); \
    while (!(expr)) \
      kd_test_waiter_iterate (&kd_waiter_, __FILE__, __LINE__, G_STRFUNC, #expr); \
    kd_test_waiter_finish (&kd_waiter_); \
  } G_STMT_END

#define KD_TEST_WAIT_UNTIL(expr) KD_TEST_WAIT_UNTIL_FULL (expr, KD_TEST_TIMEOUT_MS)

void kd_test_wait_for_full (KdTestCondition condition,
                            gpointer        user_data,
                            guint           timeout_ms,
                            const char     *file,
                            int             line,
                            const char     *func,
                            const char     *what);

#define kd_test_wait_for(condition, user_data, timeout_ms) \
  kd_test_wait_for_full ((condition), (user_data), (timeout_ms), __FILE__, __LINE__, G_STRFUNC, #condition)

/* Waits until @widget's frame clock has run a whole frame (styles, layout,
 * drawing) after every change made so far. */
void kd_test_wait_for_draw (GtkWidget *widget);

/* Runs the main loop for @ms milliseconds: for a benchmark's measuring
 * window, not to wait for something to happen. */
void kd_test_run_ms (guint ms);

/* Notifications */

typedef struct _KdTestNotify KdTestNotify;

KdTestNotify *kd_test_notify_watch  (gpointer      object,
                                     const char   *property);
guint         kd_test_notify_count  (KdTestNotify *self);
void          kd_test_notify_reset  (KdTestNotify *self);
void          kd_test_notify_free   (KdTestNotify *self);
void          kd_test_notify_assert (KdTestNotify *self,
                                     guint         min,
                                     guint         max,
                                     const char   *file,
                                     int           line,
                                     const char   *func);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KdTestNotify, kd_test_notify_free)

/* Since the watch began or was last reset */
#define kd_test_assert_notified_once(notify) \
  kd_test_notify_assert ((notify), 1, 1, __FILE__, __LINE__, G_STRFUNC)
#define kd_test_assert_notified(notify) \
  kd_test_notify_assert ((notify), 1, G_MAXUINT, __FILE__, __LINE__, G_STRFUNC)
#define kd_test_assert_not_notified(notify) \
  kd_test_notify_assert ((notify), 0, 0, __FILE__, __LINE__, G_STRFUNC)

/* Waits for the first notification since the watch began or was reset. */
#define KD_TEST_WAIT_NOTIFIED(notify) KD_TEST_WAIT_UNTIL (kd_test_notify_count (notify) > 0)

/* Widgets */

typedef gboolean (*KdTestWidgetFunc) (GtkWidget     *widget,
                                      gconstpointer  data);

GtkWidget *kd_test_find_widget     (GtkWidget        *widget,
                                    KdTestWidgetFunc  match,
                                    gconstpointer     data);
GtkWidget *kd_test_find_descendant (GtkWidget *widget,
                                    GType      type);

/* Renders @widget, once drawn and settled, with its renderer to
 * <build>/tests/screenshots/NAME.png, or NAME-it.png when the tests run in
 * Italian. */
void       kd_test_save_screenshot (GtkWidget  *widget,
                                    const char *name);
void       kd_test_save_screenshot_moving (GtkWidget  *widget,
                                           const char *name);

/* The application and its windows */

void           kd_test_init            (int    *argc,
                                        char ***argv);
int            kd_test_run             (void);
KdApplication *kd_test_get_application (void);
gboolean       kd_test_in_italian      (void);
char          *kd_test_read_fixture    (const char *name);

KdWindow      *kd_test_window_new      (int       width,
                                        int       height);
void           kd_test_window_destroy  (KdWindow *window);

G_END_DECLS
