/* kd-window-dnd.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kd-window-private.h"

/* What is dropped anywhere on the window goes where it belongs, as a paste
 * does: files as if opened with the app (kd_window_open_files()); text
 * routed by what it holds (a capture, a code, words to search for;
 * kd_window_paste_text()). */

/**
 * _kd_window_drop:
 * @self: a #KdWindow
 * @value: a #GdkFileList or a string
 *
 * Returns: whether @value was taken
 */
gboolean
_kd_window_drop (KdWindow     *self,
                 const GValue *value)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));
      gboolean taken = files != NULL;

      if (taken)
        {
          g_autoptr(GPtrArray) array = g_ptr_array_new ();

          for (GSList *l = files; l != NULL; l = l->next)
            g_ptr_array_add (array, l->data);
          kd_window_open_files (self, (GFile **) array->pdata, array->len);
        }
      g_slist_free (files);
      return taken;
    }
  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
    {
      kd_window_paste_text (self, g_value_get_string (value));
      return TRUE;
    }
  return FALSE;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         KdWindow      *self)
{
  return _kd_window_drop (self, value);
}

void
_kd_window_dnd_init (KdWindow *self)
{
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
