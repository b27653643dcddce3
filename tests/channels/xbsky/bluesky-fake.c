/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake PDS: XRPC handlers on a fault server's thread, lexicon validation of what Tayori
 * sends, and just enough repository state to answer feeds, post views and deletions. */
#include "bluesky-fake.h"

typedef struct {
  char     *rkey;
  JsonNode *record;
} Record;

struct _BlueskyFake
{
  FaultServer *server;
  Lexicons    *lexicons;
  FakeLog      log;
  GMutex       lock;       /* guards what follows (handlers run on the server's thread) */
  guint        serial;
  char        *access;     /* the tokens the fake accepts now */
  char        *refresh;
  GHashTable  *blobs;      /* cid → mime type */
  GPtrArray   *records;    /* Record */
};

static void
record_free (Record *record)
{
  g_free (record->rkey);
  json_node_unref (record->record);
  g_free (record);
}

static const char *
error_body (const char *name)
{
  if (g_str_equal (name, "ExpiredToken"))
    return "{\"error\": \"ExpiredToken\", \"message\": \"Token has expired\"}";
  if (g_str_equal (name, "InvalidToken"))
    return "{\"error\": \"InvalidToken\", \"message\": \"Token could not be verified\"}";
  return "{\"error\": \"AuthenticationRequired\", \"message\": \"Invalid identifier or password\"}";
}

/* With the lock held. */
static void
reply_session (BlueskyFake       *fake,
               SoupServerMessage *message)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();

  fake->serial++;
  g_free (fake->access);
  g_free (fake->refresh);
  fake->access = g_strdup_printf ("access-jwt-%u", fake->serial);
  fake->refresh = g_strdup_printf ("refresh-jwt-%u", fake->serial);
  json_object_set_string_member (body, "accessJwt", fake->access);
  json_object_set_string_member (body, "refreshJwt", fake->refresh);
  json_object_set_string_member (body, "handle", BLUESKY_FAKE_HANDLE);
  json_object_set_string_member (body, "did", BLUESKY_FAKE_DID);
  json_object_set_boolean_member (body, "active", TRUE);
  fake_reply (message, 200, json_node_init_object (node, body));
}

/* The request body against the procedure's input lexicon; NULL (answered) when it fails. */
static JsonNode *
checked_input (BlueskyFake       *fake,
               SoupServerMessage *message,
               const char        *nsid)
{
  g_autoptr(JsonNode) input = fake_request_json (message);
  g_autofree char *problem = NULL;
  const char *type = soup_message_headers_get_content_type (
    soup_server_message_get_request_headers (message), NULL);

  if (g_strcmp0 (type, "application/json") != 0)
    {
      fake_log_refuse (&fake->log, message, "%s: Content-Type %s", nsid, type);
      return NULL;
    }
  if (input == NULL || !lexicons_check_input (fake->lexicons, nsid, input, &problem))
    {
      fake_log_refuse (&fake->log, message, "%s: %s", nsid, problem ? problem : "not JSON");
      return NULL;
    }
  return g_steal_pointer (&input);
}

/* Every blob the record references was uploaded here, with the same type. */
static gboolean
blobs_known (BlueskyFake *fake,
             JsonNode    *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!blobs_known (fake, json_array_get_element (array, i)))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "$type", ""),
                     "blob") == 0)
        {
          JsonObject *ref = json_object_get_object_member (object, "ref");

          return g_strcmp0 (g_hash_table_lookup (fake->blobs,
                                                 json_object_get_string_member (ref, "$link")),
                            json_object_get_string_member (object, "mimeType")) == 0;
        }
      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &name, &member))
        if (!blobs_known (fake, member))
          return FALSE;
    }
  return TRUE;
}

static JsonNode *
post_view (const Record *record)
{
  g_autoptr(JsonObject) view = json_object_new ();
  JsonObject *author = json_object_new ();
  g_autofree char *uri = g_strdup_printf ("at://%s/app.bsky.feed.post/%s", BLUESKY_FAKE_DID,
                                          record->rkey);

  json_object_set_string_member (view, "uri", uri);
  json_object_set_string_member (view, "cid", "bafyreifakepostcid");
  json_object_set_string_member (author, "did", BLUESKY_FAKE_DID);
  json_object_set_string_member (author, "handle", BLUESKY_FAKE_HANDLE);
  json_object_set_object_member (view, "author", author);
  json_object_set_member (view, "record", json_node_copy (record->record));
  json_object_set_string_member (view, "indexedAt", "2026-11-23T00:00:00.000Z");
  json_object_set_int_member (view, "likeCount", 12);
  json_object_set_int_member (view, "repostCount", 5);
  json_object_set_int_member (view, "replyCount", 2);
  return json_node_init_object (json_node_alloc (), view);
}

/* With the lock held. */
static void
create_record (BlueskyFake       *fake,
               SoupServerMessage *message)
{
  g_autoptr(JsonNode) input = checked_input (fake, message, "com.atproto.repo.createRecord");
  g_autofree char *problem = NULL;
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autofree char *uri = NULL;
  JsonObject *object;
  JsonNode *record;
  Record *stored;

  if (input == NULL)
    return;
  object = json_node_get_object (input);
  record = json_object_get_member (object, "record");
  if (g_strcmp0 (json_object_get_string_member (object, "repo"), BLUESKY_FAKE_DID) != 0 &&
      g_strcmp0 (json_object_get_string_member (object, "repo"), BLUESKY_FAKE_HANDLE) != 0)
    return fake_log_refuse (&fake->log, message, "createRecord: repo is not the account's");
  if (!lexicons_check_record (fake->lexicons, json_object_get_string_member (object, "collection"),
                              record, &problem))
    return fake_log_refuse (&fake->log, message, "createRecord: %s", problem);
  if (!blobs_known (fake, record))
    return fake_log_refuse (&fake->log, message, "createRecord: a blob was not uploaded");

  stored = g_new0 (Record, 1);
  stored->rkey = g_strdup_printf ("3kfake%04u", fake->records->len + 1);
  stored->record = json_node_copy (record);
  g_ptr_array_add (fake->records, stored);
  uri = g_strdup_printf ("at://%s/app.bsky.feed.post/%s", BLUESKY_FAKE_DID, stored->rkey);
  json_object_set_string_member (answer, "uri", uri);
  json_object_set_string_member (answer, "cid", "bafyreifakepostcid");
  fake_reply (message, 200, json_node_init_object (node, answer));
}

/* With the lock held. */
static void
upload_blob (BlueskyFake       *fake,
             SoupServerMessage *message)
{
  g_autoptr(GBytes) data = soup_message_body_flatten (
    soup_server_message_get_request_body (message));
  const char *type = soup_message_headers_get_content_type (
    soup_server_message_get_request_headers (message), NULL);
  g_autofree char *cid = g_strdup_printf ("bafkreifakeblob%u", g_hash_table_size (fake->blobs));
  g_autofree char *body = NULL;

  if (type == NULL || !g_str_has_prefix (type, "image/") || g_bytes_get_size (data) == 0)
    return fake_log_refuse (&fake->log, message, "uploadBlob: %s, %" G_GSIZE_FORMAT " bytes",
                            type, g_bytes_get_size (data));
  g_hash_table_insert (fake->blobs, g_strdup (cid), g_strdup (type));
  body = g_strdup_printf ("{\"blob\": {\"$type\": \"blob\", \"ref\": {\"$link\": \"%s\"}, "
                          "\"mimeType\": \"%s\", \"size\": %" G_GSIZE_FORMAT "}}",
                          cid, type, g_bytes_get_size (data));
  fake_reply_text (message, 200, body);
}

/* With the lock held. */
static void
delete_record (BlueskyFake       *fake,
               SoupServerMessage *message)
{
  g_autoptr(JsonNode) input = checked_input (fake, message, "com.atproto.repo.deleteRecord");
  const char *rkey;

  if (input == NULL)
    return;
  rkey = json_object_get_string_member (json_node_get_object (input), "rkey");
  for (guint i = 0; i < fake->records->len; i++)
    if (g_str_equal (((Record *) g_ptr_array_index (fake->records, i))->rkey, rkey))
      {
        g_ptr_array_remove_index (fake->records, i);
        break;
      }
  fake_reply_text (message, 200, "{}");
}

/* With the lock held: getAuthorFeed (newest first) or getPosts. */
static void
list_posts (BlueskyFake       *fake,
            SoupServerMessage *message,
            gboolean           feed)
{
  GHashTable *query = soup_form_decode (g_uri_get_query (soup_server_message_get_uri (message)));
  const char *uris = g_hash_table_lookup (query, "uris");
  g_autoptr(JsonArray) items = json_array_new ();
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();

  if (feed && g_strcmp0 (g_hash_table_lookup (query, "actor"), BLUESKY_FAKE_DID) != 0)
    fake_log_refuse (&fake->log, message, "getAuthorFeed: actor %s",
                     (char *) g_hash_table_lookup (query, "actor"));
  for (guint i = fake->records->len; i > 0 && (feed || uris != NULL); i--)
    {
      const Record *record = g_ptr_array_index (fake->records, i - 1);
      JsonNode *view = post_view (record);

      if (feed)
        {
          JsonObject *item = json_object_new ();

          json_object_set_member (item, "post", view);
          json_array_add_object_element (items, item);
        }
      else if (g_str_has_suffix (uris, record->rkey))
        json_array_add_element (items, view);
      else
        json_node_unref (view);
    }
  json_object_set_array_member (answer, feed ? "feed" : "posts", g_steal_pointer (&items));
  if (soup_server_message_get_status (message) == 0)
    fake_reply (message, 200, json_node_init_object (node, answer));
  g_hash_table_unref (query);
}

static void
on_xrpc (SoupServerMessage *message,
         const char        *path,
         gpointer           user_data)
{
  BlueskyFake *fake = user_data;
  const char *nsid = path + strlen ("/xrpc/");
  const char *token = fake_bearer (message);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  if (g_str_equal (nsid, "com.atproto.server.createSession"))
    {
      g_autoptr(JsonNode) input = checked_input (fake, message, nsid);
      JsonObject *object = input != NULL ? json_node_get_object (input) : NULL;

      if (object == NULL)
        return;
      if (g_strcmp0 (json_object_get_string_member (object, "identifier"),
                     BLUESKY_FAKE_HANDLE) != 0 ||
          g_strcmp0 (json_object_get_string_member (object, "password"),
                     BLUESKY_FAKE_PASSWORD) != 0)
        return fake_reply_text (message, 401, error_body ("AuthenticationRequired"));
      return reply_session (fake, message);
    }
  if (g_str_equal (nsid, "com.atproto.server.refreshSession"))
    {
      if (token == NULL || g_strcmp0 (token, fake->refresh) != 0)
        return fake_reply_text (message, 400, error_body ("ExpiredToken"));
      return reply_session (fake, message);
    }
  if (token == NULL || g_strcmp0 (token, fake->access) != 0)
    return fake_reply_text (message, 400, error_body (token == NULL ? "AuthenticationRequired"
                                                                    : "ExpiredToken"));
  if (g_str_equal (nsid, "com.atproto.repo.uploadBlob"))
    upload_blob (fake, message);
  else if (g_str_equal (nsid, "com.atproto.repo.createRecord"))
    create_record (fake, message);
  else if (g_str_equal (nsid, "com.atproto.repo.deleteRecord"))
    delete_record (fake, message);
  else if (g_str_equal (nsid, "app.bsky.feed.getAuthorFeed"))
    list_posts (fake, message, TRUE);
  else if (g_str_equal (nsid, "app.bsky.feed.getPosts"))
    list_posts (fake, message, FALSE);
  else
    fake_log_refuse (&fake->log, message, "unexpected call %s", nsid);
}

BlueskyFake *
bluesky_fake_new (Lexicons *lexicons)
{
  BlueskyFake *fake = g_new0 (BlueskyFake, 1);

  fake->server = fault_server_new ();
  fake->lexicons = lexicons;
  fake_log_init (&fake->log);
  g_mutex_init (&fake->lock);
  fake->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  fault_server_handle (fake->server, "/xrpc/", on_xrpc, fake);
  return fake;
}

void
bluesky_fake_free (BlueskyFake *fake)
{
  fault_server_free (fake->server);
  fake_log_clear (&fake->log);
  g_mutex_clear (&fake->lock);
  g_free (fake->access);
  g_free (fake->refresh);
  g_hash_table_unref (fake->blobs);
  g_ptr_array_unref (fake->records);
  g_free (fake);
}

const char *
bluesky_fake_get_url (BlueskyFake *fake)
{
  return fault_server_get_url (fake->server);
}

FaultServer *
bluesky_fake_get_server (BlueskyFake *fake)
{
  return fake->server;
}

FakeLog *
bluesky_fake_get_log (BlueskyFake *fake)
{
  return &fake->log;
}

void
bluesky_fake_expire_access (BlueskyFake *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  g_clear_pointer (&fake->access, g_free);
}

void
bluesky_fake_expire_refresh (BlueskyFake *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  g_clear_pointer (&fake->access, g_free);
  g_clear_pointer (&fake->refresh, g_free);
}

guint
bluesky_fake_n_records (BlueskyFake *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  return fake->records->len;
}

JsonNode *
bluesky_fake_get_record (BlueskyFake *fake,
                         guint        index)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  g_assert_cmpuint (index, <, fake->records->len);
  return json_node_copy (((Record *) g_ptr_array_index (fake->records, index))->record);
}
