/* test-events.c — the event readers against their fixtures and hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every tests/fixtures/events/NAME.EXT is read and compared with the values
 * NAME.expected.json asserts (a subset of docs/events-json.md).
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "kd-event-log.h"
#include "kd-test-json.h"

static JsonNode *
read_to_node (const guint8 *data,
              gsize         length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KdEventLog) log = kd_event_log_read (data, length, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_assert_no_error (error);
  kd_event_log_to_json (log, builder);
  return json_builder_get_root (builder);
}

/* The same, through a file of @data read by kd_event_log_read_file() */
static JsonNode *
read_file_to_node (const guint8     *data,
                   gsize             length,
                   KdEventReadFlags  flags)
{
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = g_file_new_tmp ("kd-events-XXXXXX", &stream, &error);
  g_autoptr(KdEventLog) log = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_assert_no_error (error);
  g_assert_true (g_file_replace_contents (copy, (const char *) data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                          NULL, &error));
  g_assert_no_error (error);
  log = kd_event_log_read_file (copy, flags, NULL, &error);
  g_assert_no_error (error);
  g_file_delete (copy, NULL, NULL);
  kd_event_log_to_json (log, builder);
  return json_builder_get_root (builder);
}

static void
test_fixture (gconstpointer data)
{
  const char *file = data;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "events", NULL);
  g_autofree char *input = g_build_filename (dir, file, NULL);
  g_autofree char *name = g_strndup (file, strrchr (file, '.') - file);
  g_autofree char *expected_file = g_strdup_printf ("%s/%s.expected.json", dir, name);

#if !HAVE_LIBEVTX
  if (g_str_has_suffix (file, ".evtx"))
    {
      g_test_skip ("built without the evtx feature");
      return;
    }
#endif
  kd_test_json_check_fixture (input, expected_file, read_to_node);
}

/* A file read through kd_event_log_read_file(), which gives back the
 * pages its readers are past, gives what its bytes give: the fixture
 * repeated past 3 MB, so that pages are given back, in every format. */
static void
test_file_same_as_bytes (gconstpointer data)
{
  const char *file = data;
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "events", file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GByteArray) big = g_byte_array_new ();
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(JsonNode) actual = NULL;
  gsize length, bom = 0;

  g_assert_true (g_file_get_contents (input, &contents, &length, NULL));
  if (length >= 2 && ((guint8) contents[0] == 0xff || (guint8) contents[0] == 0xfe))
    bom = 2;
  g_byte_array_append (big, (const guint8 *) contents, length);
  while (big->len < 3 * 1024 * 1024)
    g_byte_array_append (big, (const guint8 *) contents + bom, length - bom);

  expected = read_to_node (big->data, big->len);
  actual = read_file_to_node (big->data, big->len, KD_EVENT_READ_NONE);
  g_assert_true (json_node_equal (expected, actual));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (actual), "events")), >,
                    100);
}

/* A wevtutil export big enough to be read in pieces, in threads, gives its
 * events whole and in order: the fixture repeated past 9 MB gives the
 * fixture's events over and over. */
static void
test_wevtutil_pieces (void)
{
  g_autofree char *input = g_test_build_filename (G_TEST_DIST, "fixtures", "events",
                                                  "wevtutil-text-en-kms-client-12288-12289.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) one = NULL;
  JsonArray *events;
  const char *records;
  gsize length;

  g_assert_true (g_file_get_contents (input, &contents, &length, NULL));
  /* from its first record: the prompt line before it would end the
   * message of the copy before */
  records = strstr (contents, "\nEvent[") + 1;
  length -= records - contents;
  one = read_to_node ((const guint8 *) records, length);
  events = json_object_get_array_member (json_node_get_object (one), "events");
  g_assert_cmpuint (json_array_get_length (events), >, 0);

  /* a line of a few lengths first, so that the pieces are cut at places
   * that fall anywhere in a copy */
  for (guint shift = 0; shift < 500; shift += 173)
    {
      g_autoptr(GString) big = g_string_new (NULL);
      g_autoptr(JsonNode) all = NULL;
      JsonArray *repeated;
      guint copies = 0;

      for (guint c = 0; c < shift; c++)
        g_string_append_c (big, 'x');
      g_string_append_c (big, '\n');
      while (big->len < 9 * 1024 * 1024)
        {
          g_string_append_len (big, records, length);
          copies++;
        }
      all = read_file_to_node ((const guint8 *) big->str, big->len, KD_EVENT_READ_THREADS);
      repeated = json_object_get_array_member (json_node_get_object (all), "events");
      g_assert_cmpuint (json_array_get_length (repeated), ==, copies * json_array_get_length (events));
      for (guint i = 0; i < json_array_get_length (repeated); i++)
        g_assert_true (json_node_equal (json_array_get_element (repeated, i),
                                        json_array_get_element (events, i % json_array_get_length (events))));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (all), "unknown_lines")),
                        ==, shift > 0);
    }
}

/* The text of a fixture */
static char *
fixture_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "events", name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Big XML read in pieces, in threads, gives what it gives read whole:
 * wevtutil's events without a root, Event Viewer's under <Events>, and
 * both damaged (a tag that does not close, the end cut off), where what
 * is read stops at the same event with the same note, line numbers and
 * all. */
static void
test_xml_pieces (void)
{
  g_autofree char *wevtutil = fixture_text ("xml-wevtutil-kms-host-12290.xml");
  g_autofree char *saved = fixture_text ("xml-saved-application-kms-client.xml");
  const char *inner = strstr (saved, "<Events>") + strlen ("<Events>");
  gsize inner_length = strstr (saved, "</Events>") - inner;
  g_autoptr(GString) bare = g_string_new (NULL);
  g_autoptr(GString) rooted = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n");
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();

  while (bare->len < 9 * 1024 * 1024)
    g_string_append (bare, wevtutil);
  while (rooted->len < 9 * 1024 * 1024)
    g_string_append_len (rooted, inner, inner_length);
  g_string_append (rooted, "</Events>\n");
  g_ptr_array_add (documents, g_string_new_len (bare->str, bare->len));
  g_ptr_array_add (documents, g_string_new_len (rooted->str, rooted->len));
  /* a <Data> left open a third in (in the first piece), and the end cut off */
  {
    GString *open_tag = g_string_new_len (rooted->str, rooted->len);
    char *data = strstr (open_tag->str + open_tag->len / 3, "</Data>");

    memcpy (data, "<Data> ", 7);
    g_ptr_array_add (documents, open_tag);
    g_ptr_array_add (documents, g_string_new_len (bare->str, bare->len * 9 / 10 - 17));
  }

  for (guint i = 0; i < documents->len; i++)
    {
      GString *document = g_ptr_array_index (documents, i);
      g_autoptr(JsonNode) whole = read_to_node ((const guint8 *) document->str, document->len);
      g_autoptr(JsonNode) in_pieces = read_file_to_node ((const guint8 *) document->str, document->len,
                                                         KD_EVENT_READ_THREADS);
      JsonObject *object = json_node_get_object (whole);

      g_test_message ("document %u: %u events, %u notes", i,
                      json_array_get_length (json_object_get_array_member (object, "events")),
                      json_array_get_length (json_object_get_array_member (object, "notes")));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "events")), >, 1000);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "notes")), ==, i >= 2);
      g_assert_true (json_node_equal (whole, in_pieces));
      g_string_free (document, TRUE);
    }
}

/* The same events as one comma-joined insertion string, as the fields one
 * by one after it, or as the message's Info line alone: one event. */
static void
test_info_forms (void)
{
  static const char * const forms[] = {
    "<Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>12290</EventID></System>"
    "<EventData><Data>0x0,25,PC1,6c4e1a2b-91f3-4d8e-a7b2-3f5d9c0e8a14,2026/11/30 8:14,1,1,259200,"
    "2de67392-b7a7-462a-b1ca-108dd189f588</Data></EventData></Event>",
    "<Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>12290</EventID></System>"
    "<EventData><Data>0x0,25,PC1,6c4e1a2b-91f3-4d8e-a7b2-3f5d9c0e8a14,2026/11/30 8:14,1,1,259200,"
    "2de67392-b7a7-462a-b1ca-108dd189f588</Data><Data>0x0</Data><Data>25</Data><Data>PC1</Data>"
    "<Data>6c4e1a2b-91f3-4d8e-a7b2-3f5d9c0e8a14</Data><Data>2026/11/30 8:14</Data><Data>1</Data><Data>1</Data>"
    "<Data>259200</Data><Data>2de67392-b7a7-462a-b1ca-108dd189f588</Data></EventData></Event>",
    "<Event><System><Provider Name='KmsRequests'/><EventID>12290</EventID></System><RenderingInfo>"
    "<Message>An activation request has been processed.\r\nInfo:\r\n0x0,25,PC1,"
    "{6C4E1A2B-91F3-4D8E-A7B2-3F5D9C0E8A14},2026/11/30 8:14,1,1,259200,2de67392-b7a7-462a-b1ca-108dd189f588"
    "</Message></RenderingInfo></Event>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KdEventLog) log = kd_event_log_read ((const guint8 *) forms[i], strlen (forms[i]), &error);
      g_autoptr(KdKmsEvent) event = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (kd_event_log_get_events (log)), ==, 1);
      event = g_list_model_get_item (kd_event_log_get_events (log), 0);
      g_assert_cmpint (kd_kms_event_get_event_id (event), ==, 12290);
      g_assert_cmpuint (g_strv_length ((GStrv) kd_kms_event_get_info (event)), ==, 9);
      g_assert_cmpstr (kd_kms_event_get_hresult (event), ==, "0x00000000");
      g_assert_cmpint (kd_kms_event_get_n_policy (event), ==, 25);
      g_assert_cmpstr (kd_kms_event_get_client_name (event), ==, "PC1");
      g_assert_cmpstr (kd_kms_event_get_cmid (event), ==, "6c4e1a2b-91f3-4d8e-a7b2-3f5d9c0e8a14");
      g_assert_cmpstr (kd_kms_event_get_client_time (event), ==, "2026-11-30T08:14");
      g_assert_cmpint (kd_kms_event_get_is_vm (event), ==, 1);
      g_assert_cmpint (kd_kms_event_get_license_state (event), ==, KD_CLIENT_LICENSE_LICENSED);
      g_assert_cmpint (kd_kms_event_get_minutes_to_expiry (event), ==, 259200);
      g_assert_cmpstr (kd_kms_event_get_activation_id (event), ==, "2de67392-b7a7-462a-b1ca-108dd189f588");
    }
}

/* Values that are not what their place holds stay out of the decoded
 * fields (and in `info`). */
static void
test_bad_values (void)
{
  const char *xml =
    "<Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>12288</EventID></System>"
    "<EventData><Data>nothex, 0xZZ, kms01:99999, not-a-guid, 2026/13/40 25:61, 7, 9, -5, xyz, 0</Data></EventData></Event>";
  g_autoptr(KdEventLog) log = kd_event_log_read ((const guint8 *) xml, strlen (xml), NULL);
  g_autoptr(KdKmsEvent) event = g_list_model_get_item (kd_event_log_get_events (log), 0);

  g_assert_nonnull (event);
  g_assert_cmpuint (g_strv_length ((GStrv) kd_kms_event_get_info (event)), ==, 10);
  g_assert_null (kd_kms_event_get_hresult (event));
  g_assert_cmpint (kd_kms_event_get_status_flags (event), ==, -1);
  /* no port: the whole value is the host as printed */
  g_assert_cmpstr (kd_kms_event_get_kms_host (event), ==, "kms01:99999");
  g_assert_cmpint (kd_kms_event_get_kms_port (event), ==, -1);
  g_assert_null (kd_kms_event_get_cmid (event));
  g_assert_null (kd_kms_event_get_client_time (event));
  g_assert_cmpstr (kd_kms_event_get_client_time_text (event), ==, "2026/13/40 25:61");
  g_assert_cmpint (kd_kms_event_get_is_vm (event), ==, -1);
  g_assert_cmpint (kd_kms_event_get_license_state (event), ==, KD_CLIENT_LICENSE_UNKNOWN);
  g_assert_cmpint (kd_kms_event_get_minutes_to_expiry (event), ==, -1);
  g_assert_null (kd_kms_event_get_activation_id (event));
  g_assert_cmpint (kd_kms_event_get_n_policy (event), ==, -1);
}

typedef struct
{
  const char *what;
  const char *text;
  gssize length;          /* -1: strlen */
  int error;              /* -1: no error */
  guint n_events;
  KdEventFormat format;
} Hostile;

#define NUL_INSIDE "<Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>12294</EventID>" \
                   "</System><EventData><Data>corp\0example</Data></EventData></Event>"

#define UTF16_ODD "\xff\xfe" \
  "A\0n\0 \0a\0c\0t\0i\0v\0a\0t\0i\0o\0n\0 \0r\0e\0q\0u\0e\0s\0t\0 \0h\0a\0s\0 \0b\0e\0e\0n\0 \0" \
  "p\0r\0o\0c\0e\0s\0s\0e\0d\0.\0\n\0I\0n\0f\0o\0:\0\n\0" \
  "0\0x\0\x30\0,\0\x32\0\x35\0,\0P\0C\0,\0" "\xc4"

static void
test_hostile (void)
{
  static const Hostile cases[] = {
    { "empty", "", 0, KD_EVENT_LOG_ERROR_EMPTY, 0, 0 },
    { "blank", " \r\n\t ", -1, KD_EVENT_LOG_ERROR_EMPTY, 0, 0 },
#if HAVE_LIBEVTX
    { "evtx header alone", "ElfFile\0\0\0\0\0\0\0\0", 16, KD_EVENT_LOG_ERROR_DAMAGED, 0, 0 },
#else
    { "evtx", "ElfFile\0\0\0\0\0\0\0\0", 16, KD_EVENT_LOG_ERROR_UNSUPPORTED, 0, 0 },
#endif
    { "prose", "The KMS host is down again, please help.\n", -1, -1, 0, KD_EVENT_FORMAT_UNKNOWN },
    { "xml, not events", "<html><body>hello</body></html>", -1, -1, 0, KD_EVENT_FORMAT_UNKNOWN },
    { "slmgr /dlv", "Name: Windows(R), Professional edition\nDescription: Windows(R) Operating System, RETAIL channel\n"
      "Activation ID: 2de67392-b7a7-462a-b1ca-108dd189f588\nApplication ID: 55c92734-d682-4d71-983e-d6ec3f16059f\n"
      "Extended PID: 03612-03310-000-000000-00-1033-19045.0000-0882024\nProduct Key Channel: Retail\n"
      "Installation ID: 1234\nPartial Product Key: 3V66T\nLicense Status: Licensed\n", -1, -1, 0, KD_EVENT_FORMAT_UNKNOWN },
    { "CSV cut inside a quote", "Level,Date and Time,Source,Event ID,Task Category\n"
      "Information,11/30/2026 8:14:52 AM,Microsoft-Windows-Security-SPP,12294,None,\"Publishing the Key Management "
      "Service (KMS) to DNS in the 'a.example' domain is successful.\"\n"
      "Error,11/30/2026 8:15:00 AM,Microsoft-Windows-Security-SPP,8198,None,\"License Activation (slui.exe) failed", -1, -1, 2,
      KD_EVENT_FORMAT_CSV },
    { "JSON lines, one broken", "{\"EventID\": 12294, \"ProviderName\": \"Microsoft-Windows-Security-SPP\", \"Data\": [\"a.example\"]}\n"
      "{\"EventID\": 12294, \"ProviderName\n"
      "{\"EventID\": 12294, \"ProviderName\": \"Microsoft-Windows-Security-SPP\", \"Data\": [\"b.example\"]}\n", -1, -1, 2,
      KD_EVENT_FORMAT_JSON },
    { "JSON, not events", "{\"name\": \"kms\", \"id\": \"abc\"}", -1, -1, 0, KD_EVENT_FORMAT_UNKNOWN },
    { "a sentence in a chat", "They said: An activation request has been processed. But nothing changed.", -1, -1, 0,
      KD_EVENT_FORMAT_UNKNOWN },
    { "entities", "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
      "<Events><Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>12290</EventID></System>"
      "<EventData><Data>&lol2;</Data></EventData></Event></Events>", -1, -1, 0, KD_EVENT_FORMAT_XML },
    { "cut short after one event",
      "<Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>12294</EventID></System>"
      "<EventData><Data>corp.example.com</Data></EventData></Event><Event><System><Provider Na", -1, -1, 1,
      KD_EVENT_FORMAT_XML },
    { "NUL inside", NUL_INSIDE, sizeof NUL_INSIDE - 1, -1, 1, KD_EVENT_FORMAT_XML },
    /* "An activation request has been processed.\nInfo:\n0x0,25,…" in UTF-16LE, and one byte more */
    { "UTF-16 with an odd byte", UTF16_ODD, sizeof UTF16_ODD - 1, -1, 1, KD_EVENT_FORMAT_MESSAGE_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length >= 0 ? (gsize) cases[i].length : strlen (cases[i].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(KdEventLog) log = kd_event_log_read ((const guint8 *) cases[i].text, length, &error);

      g_test_message ("%s", cases[i].what);
      if (cases[i].error >= 0)
        {
          g_assert_error (error, KD_EVENT_LOG_ERROR, cases[i].error);
          g_assert_null (log);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (kd_event_log_get_events (log)), ==, cases[i].n_events);
      g_assert_cmpint (kd_event_log_get_format (log), ==, cases[i].format);
      /* events' XML that breaks says why, with none read too */
      if (g_str_equal (cases[i].what, "entities") || g_str_equal (cases[i].what, "cut short after one event"))
        g_assert_nonnull (kd_event_log_get_notes (log)[0]);
    }

  /* the billion laughs: the entity is named, nothing is expanded */
  {
    static const char laughs[] = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                                 "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                                 "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                                 "<Events><Event><System><EventID>12290</EventID></System>"
                                 "<EventData><Data>&lol3;</Data></EventData></Event></Events>";
    g_autoptr(KdEventLog) log = kd_event_log_read ((const guint8 *) laughs, sizeof laughs - 1, NULL);

    g_assert_cmpint (kd_event_log_get_format (log), ==, KD_EVENT_FORMAT_XML);
    g_assert_cmpuint (g_list_model_get_n_items (kd_event_log_get_events (log)), ==, 0);
    g_assert_nonnull (strstr (kd_event_log_get_notes (log)[0], "lol3"));
  }
}

/* A binary log cut short: what its whole chunks hold, or a reason */
static void
test_evtx_cut_short (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "events", "evtx-application-spp-no-crc32.evtx", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize cut = 8; cut < length; cut = cut * 3 + 1)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KdEventLog) log = kd_event_log_read ((const guint8 *) contents, cut, &error);

#if HAVE_LIBEVTX
      if (log == NULL)
        g_assert_error (error, KD_EVENT_LOG_ERROR, KD_EVENT_LOG_ERROR_DAMAGED);
      else
        {
          g_assert_cmpint (kd_event_log_get_format (log), ==, KD_EVENT_FORMAT_EVTX);
          g_assert_true (g_list_model_get_n_items (kd_event_log_get_events (log)) > 0 ||
                         kd_event_log_get_notes (log)[0] != NULL);
        }
#else
      g_assert_error (error, KD_EVENT_LOG_ERROR, KD_EVENT_LOG_ERROR_UNSUPPORTED);
      g_assert_null (log);
#endif
    }
}

/* Deep nesting is refused before it costs anything; a long message is read
 * whole. */
static void
test_deep_and_long (void)
{
  g_autoptr(GString) deep = g_string_new ("<Event><System><Provider Name='Security-SPP'/><EventID>1003</EventID></System>"
                                          "<EventData><Data>x</Data></EventData></Event>");
  g_autoptr(GString) long_message = g_string_new ("<Event><System><Provider Name='Security-SPP'/><EventID>1003</EventID>"
                                                  "</System><RenderingInfo><Message>");
  g_autoptr(KdEventLog) log = NULL;
  g_autoptr(KdKmsEvent) event = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<a>");
  log = kd_event_log_read ((const guint8 *) deep->str, deep->len, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (kd_event_log_get_events (log)), ==, 1);
  g_assert_nonnull (kd_event_log_get_notes (log)[0]);
  g_clear_object (&log);

  for (guint i = 0; i < 1000000; i++)
    g_string_append (long_message, "0123456789");
  g_string_append (long_message, "</Message></RenderingInfo></Event>");
  log = kd_event_log_read ((const guint8 *) long_message->str, long_message->len, NULL);
  event = g_list_model_get_item (kd_event_log_get_events (log), 0);
  g_assert_cmpuint (strlen (kd_kms_event_get_message (event)), ==, 10000000);
}

/* A message of 100 MB on one line, as text and as XML: one event, read
 * whole, in memory that the input bounds */
static void
test_huge_line (void)
{
  const gsize size = 100 * 1024 * 1024;
  static const char * const heads[] = {
    "Log Name:      Application\nSource:        Microsoft-Windows-Security-SPP\nEvent ID:      1003\n"
    "Description:\nThe Software Protection service has completed licensing status check. ",
    "<Event><System><Provider Name='Microsoft-Windows-Security-SPP'/><EventID>1003</EventID></System>"
    "<RenderingInfo><Message>The Software Protection service has completed licensing status check. ",
  };
  static const char * const tails[] = { "\n", "</Message></RenderingInfo></Event>" };

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      g_autoptr(GString) text = g_string_sized_new (size + 1024);
      g_autoptr(KdEventLog) log = NULL;
      g_autoptr(KdKmsEvent) event = NULL;
      g_autoptr(GError) error = NULL;

      g_string_append (text, heads[i]);
      while (text->len < size)
        g_string_append (text, "Application Id=55c92734-d682-4d71-983e-d6ec3f16059f, Licensing Status=1; ");
      g_string_append (text, tails[i]);
      log = kd_event_log_read ((const guint8 *) text->str, text->len, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (kd_event_log_get_events (log)), ==, 1);
      event = g_list_model_get_item (kd_event_log_get_events (log), 0);
      g_assert_cmpint (kd_kms_event_get_event_id (event), ==, 1003);
      g_assert_cmpuint (strlen (kd_kms_event_get_message (event)), >=, size - strlen (heads[i]));
    }
}

/* What fuzz-events once broke (tests/fixtures/hostile/README.md) */
static void
test_hostile_files (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "hostile", NULL);
  g_autoptr(GDir) files = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (files);
  while ((name = g_dir_read_name (files)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *json = NULL;
      gsize length;

      if (!g_str_has_prefix (name, "fuzz-events-"))
        continue;
      g_test_message ("%s", name);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      root = read_to_node ((const guint8 *) contents, length);
      json = json_to_string (root, FALSE);
      g_assert_true (g_utf8_validate (json, -1, NULL));
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* The events of a file, as JSON */
static JsonNode *
read_fixture_events (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "events", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  root = read_to_node ((const guint8 *) contents, length);
  return json_node_ref (json_object_get_member (json_node_get_object (root), "events"));
}

/* A binary log and the XML that libevtx's evtxexport makes of it give the
 * same events, field for field */
static void
test_evtx_same_as_xml (void)
{
#if HAVE_LIBEVTX
  g_autoptr(JsonNode) binary = read_fixture_events ("evtx-application-spp-no-crc32.evtx");
  g_autoptr(JsonNode) xml = read_fixture_events ("xml-evtxexport-application-spp.xml");

  g_assert_cmpuint (json_array_get_length (json_node_get_array (binary)), ==, 6);
  g_assert_true (json_node_equal (binary, xml));
#else
  g_test_skip ("built without the evtx feature (libevtx)");
#endif
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) fixtures = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);

  dir = g_test_build_filename (G_TEST_DIST, "fixtures", "events", NULL);
  fixtures = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (fixtures);
  while ((name = g_dir_read_name (fixtures)) != NULL)
    if (!g_str_has_suffix (name, ".expected.json") && !g_str_equal (name, "README.md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort_values (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/events/fixture/%s", (char *) names->pdata[i]);
      g_test_add_data_func (path, names->pdata[i], test_fixture);
    }
  /* one fixture of each text format, in UTF-8 and in UTF-16 */
  {
    static const char * const repeated[] = {
      "wevtutil-text-en-kms-client-12288-12289.txt",
      "xml-wevtutil-kms-host-12290.xml",
      "csv-event-viewer-en-kms-host.csv",
      "csv-export-csv-get-winevent-semicolon-utf16.csv",
      "formatlist-en-get-winevent-kms-host-12290-wrapped.txt",
      "evtviewer-en-8198-azure-kms-unreachable.txt",
      "json-lines-kms-host-12290.jsonl",
    };

    for (guint i = 0; i < G_N_ELEMENTS (repeated); i++)
      {
        g_autofree char *path = g_strdup_printf ("/events/file-same-as-bytes/%s", repeated[i]);
        g_test_add_data_func (path, repeated[i], test_file_same_as_bytes);
      }
  }
  g_test_add_func ("/events/info-forms", test_info_forms);
  g_test_add_func ("/events/bad-values", test_bad_values);
  g_test_add_func ("/events/hostile", test_hostile);
  g_test_add_func ("/events/deep-and-long", test_deep_and_long);
  g_test_add_func ("/events/huge-line", test_huge_line);
  g_test_add_func ("/events/wevtutil-pieces", test_wevtutil_pieces);
  g_test_add_func ("/events/xml-pieces", test_xml_pieces);
  g_test_add_func ("/events/hostile-files", test_hostile_files);
  g_test_add_func ("/events/evtx-cut-short", test_evtx_cut_short);
  g_test_add_func ("/events/evtx-same-as-xml", test_evtx_same_as_xml);

  return g_test_run ();
}
