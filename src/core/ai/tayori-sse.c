/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Server-Sent Events parser of the AI providers: the WHATWG event-stream rules applied to
 * chunks cut anywhere, including between the CR and LF of one line end or inside the BOM. */
#include <glib/gi18n.h>
#include "tayori-sse.h"
#include "tayori-ai-provider.h"

#define BOM "\xEF\xBB\xBF"

struct _TayoriSseParser
{
  gsize               max_event_size;
  TayoriSseEventFunc  func;
  gpointer            user_data;
  GString            *line;        /* the line being read, without its end */
  GString            *data;        /* the data buffer: every "data" value followed by LF */
  GString            *event;       /* the event type buffer */
  gboolean            after_cr;    /* the last byte ended a line with CR: a LF next belongs to it */
  gboolean            first_line;  /* only the first line may start with a BOM */
  gboolean            stopped;     /* the callback said stop, or an event was too large */
};

TayoriSseParser *
tayori_sse_parser_new (gsize               max_event_size,
                       TayoriSseEventFunc  func,
                       gpointer            user_data)
{
  TayoriSseParser *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (TayoriSseParser, 1);
  self->max_event_size = max_event_size > 0 ? max_event_size : G_MAXSIZE;
  self->func = func;
  self->user_data = user_data;
  self->line = g_string_new (NULL);
  self->data = g_string_new (NULL);
  self->event = g_string_new (NULL);
  self->first_line = TRUE;
  return self;
}

void
tayori_sse_parser_free (TayoriSseParser *self)
{
  if (self == NULL)
    return;
  g_string_free (self->line, TRUE);
  g_string_free (self->data, TRUE);
  g_string_free (self->event, TRUE);
  g_free (self);
}

static void
reset_event (TayoriSseParser *self)
{
  g_string_truncate (self->data, 0);
  g_string_truncate (self->event, 0);
}

/* A blank line: hand over the event if it has data. FALSE when the callback says stop. */
static gboolean
dispatch (TayoriSseParser *self)
{
  gboolean go_on;

  if (self->data->len == 0)
    {
      reset_event (self);
      return TRUE;
    }
  g_string_truncate (self->data, self->data->len - 1);
  go_on = self->func (self->event->len > 0 ? self->event->str : "message", self->data->str,
                      self->user_data);
  reset_event (self);
  return go_on;
}

/* One complete line. FALSE when the callback says stop. */
static gboolean
process_line (TayoriSseParser *self)
{
  const char *line = self->line->str;
  gsize length = self->line->len;
  const char *colon;
  g_autofree char *field = NULL;
  const char *value;

  if (self->first_line)
    {
      self->first_line = FALSE;
      if (g_str_has_prefix (line, BOM))
        {
          line += strlen (BOM);
          length -= strlen (BOM);
        }
    }

  if (length == 0)
    return dispatch (self);
  if (line[0] == ':')
    return TRUE;

  colon = memchr (line, ':', length);
  if (colon != NULL)
    {
      field = g_strndup (line, colon - line);
      value = colon + 1;
      if (value[0] == ' ')
        value++;
    }
  else
    {
      field = g_strndup (line, length);
      value = "";
    }

  if (g_str_equal (field, "data"))
    {
      g_string_append (self->data, value);
      g_string_append_c (self->data, '\n');
    }
  else if (g_str_equal (field, "event"))
    g_string_assign (self->event, value);
  /* "id" and "retry" matter only to a reconnecting client, which a chat request is not. */
  return TRUE;
}

static gboolean
check_size (TayoriSseParser  *self,
            GError          **error)
{
  g_autofree char *limit = NULL;

  if (self->line->len + self->data->len + self->event->len <= self->max_event_size)
    return TRUE;
  limit = g_format_size (self->max_event_size);
  self->stopped = TRUE;
  g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_TOO_LARGE,
               _("An event in the response stream is larger than %s"), limit);
  return FALSE;
}

gboolean
tayori_sse_parser_feed (TayoriSseParser  *self,
                        const char       *chunk,
                        gsize             length,
                        GError          **error)
{
  const char *end = chunk + length;
  const char *p = chunk;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (chunk != NULL || length == 0, FALSE);

  if (self->stopped)
    return FALSE;

  while (p < end)
    {
      const char *stop = p;

      if (self->after_cr)
        {
          self->after_cr = FALSE;
          if (*p == '\n')
            {
              p++;
              continue;
            }
        }

      while (stop < end && *stop != '\r' && *stop != '\n')
        stop++;
      g_string_append_len (self->line, p, stop - p);
      if (!check_size (self, error))
        return FALSE;
      if (stop == end)
        break;

      self->after_cr = *stop == '\r';
      p = stop + 1;
      if (!process_line (self))
        {
          self->stopped = TRUE;
          return FALSE;
        }
      g_string_truncate (self->line, 0);
      if (!check_size (self, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
tayori_sse_parser_finish (TayoriSseParser *self)
{
  gboolean complete;

  g_return_val_if_fail (self != NULL, FALSE);

  /* Events dispatch at their blank line as they are fed; what is left was never finished. */
  complete = self->line->len == 0 && self->data->len == 0 && self->event->len == 0;
  g_string_truncate (self->line, 0);
  reset_event (self);
  self->after_cr = FALSE;
  self->first_line = TRUE;
  return complete;
}
