/* kd-capture-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kd-capture-editor.h"
#include "kd-text-decode.h"

/* The capture as text the user can read and edit.  What makes it more
 * than a text view: a paste of megabytes goes in by pieces, one per main
 * loop iteration, and is still one step of undo; lines of megabytes are
 * shown cut, since GtkTextView would lay them out for seconds, and the
 * view is then read-only.  ::changed says whether the user made the
 * change or the text was set. */

/* A big paste goes into the text view piece by piece, so that the window
 * keeps drawing (a 10 MB insert in one go stalls it for a long time). */
#define INSERT_CHUNK (64 * 1024)

struct _KdCaptureEditor
{
  GtkWidget parent_instance;

  GtkScrolledWindow *scroller;
  GtkTextView *text_view;

  gboolean shown_cut;       /* the view shows lines cut (cut_long_lines()) */
  guint insert_source;
  GBytes *pending_insert;   /* text still to put into the view */
  gboolean insert_undoable; /* the insertion is one step of undo, not irreversible */
  gsize pending_offset;
  gboolean loading;         /* setting the text ourselves */
};

G_DEFINE_FINAL_TYPE (KdCaptureEditor, kd_capture_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SHOWN_CUT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void finish_insert (KdCaptureEditor *self);

static gboolean
insert_next_chunk (gpointer data)
{
  KdCaptureEditor *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gsize length;
  const char *text = g_bytes_get_data (self->pending_insert, &length);
  const char *start, *end;
  GtkTextIter iter;

  if (length == 0)
    {
      self->insert_source = 0;
      finish_insert (self);
      return G_SOURCE_REMOVE;
    }
  start = text + self->pending_offset;
  end = start + MIN (INSERT_CHUNK, length - self->pending_offset);

  /* Never cut a character in two. */
  if (end < text + length)
    end = g_utf8_find_prev_char (start, end + 1);
  if (end <= start)
    end = text + length;

  gtk_text_buffer_get_end_iter (buffer, &iter);
  self->loading = TRUE;
  gtk_text_buffer_insert (buffer, &iter, start, end - start);
  self->loading = FALSE;
  self->pending_offset = end - text;

  if (self->pending_offset < length)
    return G_SOURCE_CONTINUE;

  self->insert_source = 0;
  finish_insert (self);
  return G_SOURCE_REMOVE;
}

/* The replaced text and every piece of the new one are one step of undo
 * (or none), however many main loop iterations the pieces took. */
static void
finish_insert (KdCaptureEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  g_clear_handle_id (&self->insert_source, g_source_remove);
  if (self->pending_insert == NULL)
    return;
  g_clear_pointer (&self->pending_insert, g_bytes_unref);
  if (self->insert_undoable)
    gtk_text_buffer_end_user_action (buffer);
  else
    gtk_text_buffer_end_irreversible_action (buffer);
}

/* No slmgr line is near this long, and GtkTextView lays out a line of
 * megabytes for seconds, again for every piece added to it. */
#define MAX_SHOWN_LINE 10000

/* @text, UTF-8 of @length bytes, with every line longer than
 * MAX_SHOWN_LINE bytes cut there and marked; NULL if none is as long. */
static char *
cut_long_lines (const char *text,
                gsize       length)
{
  const char *text_end = text + length, *copied = text;
  g_autoptr(GString) shown = NULL;

  for (const char *line = text, *end; line < text_end; line = end < text_end ? end + 1 : text_end)
    {
      end = kd_text_find_either (line, text_end, '\n', '\r');
      if (end - line > MAX_SHOWN_LINE)
        {
          const char *cut = line + MAX_SHOWN_LINE;

          while (((guchar) *cut & 0xC0) == 0x80)
            cut--;
          if (shown == NULL)
            shown = g_string_sized_new (length / 2);
          g_string_append_len (shown, copied, cut - copied);
          g_string_append (shown, " …");
          copied = end;
        }
    }
  if (shown == NULL)
    return NULL;
  g_string_append_len (shown, copied, text_end - copied);
  return g_string_free (g_steal_pointer (&shown), FALSE);
}

/**
 * kd_capture_editor_set_text:
 * @self: a #KdCaptureEditor
 * @text: the capture, valid UTF-8, of any size
 * @undoable: whether undo goes back to the text before
 *
 * Puts @text in the view.  A big text goes in by pieces, so that the
 * window keeps drawing; lines too long to show are cut, and the view is
 * then read-only (KdCaptureEditor:shown-cut).  ::changed is emitted with
 * @by_user %FALSE.
 */
void
kd_capture_editor_set_text (KdCaptureEditor *self,
                            const char      *text,
                            gboolean         undoable)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *cut = NULL;
  gboolean was_cut = self->shown_cut;
  GtkTextIter start, end;

  g_return_if_fail (KD_IS_CAPTURE_EDITOR (self));
  g_return_if_fail (text != NULL);

  cut = cut_long_lines (text, strlen (text));
  finish_insert (self);

  /* A text shown cut is neither edited nor reached by undo: the view,
   * not the whole text, would become what is read. */
  self->shown_cut = cut != NULL;
  undoable = undoable && !was_cut && !self->shown_cut;
  gtk_text_view_set_editable (self->text_view, !self->shown_cut);
  if (was_cut != self->shown_cut)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_CUT]);
  if (cut != NULL)
    text = cut;

  self->pending_insert = g_bytes_new (text, strlen (text));
  self->pending_offset = 0;
  self->insert_undoable = undoable;
  if (undoable)
    gtk_text_buffer_begin_user_action (buffer);
  else
    gtk_text_buffer_begin_irreversible_action (buffer);

  /* Not gtk_text_buffer_set_text(), which cannot be undone. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  self->loading = TRUE;
  gtk_text_buffer_delete (buffer, &start, &end);
  self->loading = FALSE;

  if (insert_next_chunk (self) == G_SOURCE_CONTINUE)
    self->insert_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, insert_next_chunk, self, NULL);
}

static void
on_buffer_changed (KdCaptureEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0, !self->loading);
}

static void
kd_capture_editor_dispose (GObject *object)
{
  KdCaptureEditor *self = (KdCaptureEditor *) object;

  if (self->text_view != NULL)
    finish_insert (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KD_TYPE_CAPTURE_EDITOR);

  G_OBJECT_CLASS (kd_capture_editor_parent_class)->dispose (object);
}

static void
kd_capture_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KdCaptureEditor *self = KD_CAPTURE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHOWN_CUT:
      g_value_set_boolean (value, self->shown_cut);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kd_capture_editor_class_init (KdCaptureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kd_capture_editor_dispose;
  object_class->get_property = kd_capture_editor_get_property;

  /**
   * KdCaptureEditor:shown-cut:
   *
   * Lines too long to lay out are shown cut; the text is then read-only.
   */
  properties[PROP_SHOWN_CUT] =
    g_param_spec_boolean ("shown-cut", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KdCaptureEditor::changed:
   * @self: the editor
   * @by_user: whether the user edited the text, rather than a paste, a
   *   file or a restored session setting it
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/kmsdoctor/KmsDoctor/kd-capture-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KdCaptureEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, KdCaptureEditor, text_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kd_capture_editor_init (KdCaptureEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
}

/**
 * kd_capture_editor_dup_bytes:
 * @self: a #KdCaptureEditor
 *
 * Returns: (transfer full): the text in the view, as shown
 */
GBytes *
kd_capture_editor_dup_bytes (KdCaptureEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  char *text;

  g_return_val_if_fail (KD_IS_CAPTURE_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  return g_bytes_new_take (text, strlen (text));
}

gboolean
kd_capture_editor_get_shown_cut (KdCaptureEditor *self)
{
  g_return_val_if_fail (KD_IS_CAPTURE_EDITOR (self), FALSE);

  return self->shown_cut;
}
