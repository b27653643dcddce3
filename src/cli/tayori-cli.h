/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Private to tayori-cli: the command table entry, the state every command shares (global
 * options), option parsing, store and file access, and the JSON and text output helpers. */
#pragma once

#include <json-glib/json-glib.h>
#include "tayori-article.h"
#include "tayori-check-document.h"
#include "tayori-check-report.h"
#include "tayori-preset.h"
#include "tayori-store.h"

G_BEGIN_DECLS

#define TAYORI_CLI_EXIT_OK    0
#define TAYORI_CLI_EXIT_ERROR 1
#define TAYORI_CLI_EXIT_USAGE 2
/* tayori_cli_parse () result when the command should go on. */
#define TAYORI_CLI_CONTINUE   (-1)

typedef struct _TayoriCli TayoriCli;

typedef struct {
  const char *name;
  const char *parameters;   /* N_() synopsis of the positional arguments */
  const char *summary;      /* N_() what the command does, one line */
  int       (*run) (TayoriCli *cli, int argc, char **argv);
} TayoriCliCommand;

struct _TayoriCli {
  char                   *db_path;   /* --db; NULL means the default store */
  gboolean                compact;   /* --compact: JSON on one line */
  gboolean                help;      /* -h, --help */
  const TayoriCliCommand *command;   /* the command being run, NULL before dispatch */
};

/* The commands, one file each. */
int             tayori_cli_import          (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_export          (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_list            (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_search          (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_render          (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_show            (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_check           (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_fix             (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_ruby            (TayoriCli *cli, int argc, char **argv);
/* tayori-cli-ai.c */
int             tayori_cli_suggest_category (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_summarize       (TayoriCli *cli, int argc, char **argv);
int             tayori_cli_thumbnail       (TayoriCli *cli, int argc, char **argv);

/* tayori-cli-options.c: an option context with the global options and our own --help, and
 * one for the current command (synopsis and summary from the command table).
 * tayori_cli_parse () parses @argv (argv[0] is the program or command name), handles --help
 * and checks the number of positional arguments (@max_args < 0: no limit). Returns
 * TAYORI_CLI_CONTINUE with the positional arguments in @out_args, or the exit status. */
GOptionContext *tayori_cli_context_new     (TayoriCli        *cli,
                                            const char       *parameters,
                                            const char       *summary);
GOptionContext *tayori_cli_command_context_new (TayoriCli    *cli);
/* "import FILE…": the command name and its translated parameters. */
char           *tayori_cli_command_synopsis (const TayoriCliCommand *command);
int             tayori_cli_parse           (TayoriCli        *cli,
                                            GOptionContext   *context,
                                            int               argc,
                                            char            **argv,
                                            int               min_args,
                                            int               max_args,
                                            GStrv            *out_args);
/* Prints "tayori-cli: message" and the context's help to stderr; returns the usage status. */
int             tayori_cli_usage_error     (GOptionContext   *context,
                                            const char       *format,
                                            ...) G_GNUC_PRINTF (2, 3);

/* tayori-cli-filter.c: the filter options list and search share. */
typedef struct {
  char     *status;
  char     *category;
  char     *ward;
  char     *author;
  int       limit;
  int       offset;
  gboolean  include_archived;
} TayoriCliFilterOptions;

/* Sets the defaults and adds the options to @context; @options must outlive the parse. */
void            tayori_cli_filter_options_init  (TayoriCliFilterOptions *options,
                                                 GOptionContext         *context);
void            tayori_cli_filter_options_clear (TayoriCliFilterOptions *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TayoriCliFilterOptions, tayori_cli_filter_options_clear)
/* Prints the summaries of the articles matching @options and @query (NULL: every article)
 * as a JSON array; returns the exit status. */
int             tayori_cli_print_matching       (TayoriCli                    *cli,
                                                 GOptionContext               *context,
                                                 const TayoriCliFilterOptions *options,
                                                 const char                   *query);

/* tayori-cli-io.c */
TayoriStore    *tayori_cli_open_store      (TayoriCli        *cli,
                                            GError          **error);
/* Loads the article whose id is @id_text from the store; a bad id is a usage error of
 * @context. Returns TAYORI_CLI_CONTINUE with @out_article set, or the exit status. */
int             tayori_cli_load_article    (TayoriCli        *cli,
                                            GOptionContext   *context,
                                            const char       *id_text,
                                            TayoriArticle   **out_article);
/* Reads a front-matter Markdown file (a plain Markdown file is a body-only article). */
TayoriArticle  *tayori_cli_read_article    (const char       *path,
                                            GError          **error);
/* Writes to stdout as is (UTF-8 whatever the locale), or atomically to @path unless it is
 * NULL or "-". */
gboolean        tayori_cli_write           (const char       *path,
                                            const char       *text,
                                            gssize            length,
                                            GError          **error);
/* Prints "tayori-cli: message" to stderr; returns the error status. */
int             tayori_cli_report          (const GError     *error);
/* The organisation preset: the file @path (NULL with @error set when it cannot be read), or
 * when @path is NULL the installed one (a broken installed preset is reported as a warning
 * and the defaults are used, as in the app). */
TayoriPreset   *tayori_cli_load_preset     (const char       *path,
                                            GError          **error);

/* tayori-cli-source.c: an article file (front-matter Markdown or HTML) for check and fix. */
#define TAYORI_CLI_NO_OFFSET G_MAXSIZE

typedef struct {
  char                  *path;
  char                  *raw;          /* the file's bytes */
  gsize                  raw_length;
  gsize                  lead;         /* bytes of a byte order mark */
  char                  *text;         /* as the front-matter reader sees it: no byte order */
  gsize                  length;       /* mark, "\n" line ends (HTML: as in the file) */
  GArray                *dropped;      /* gsize: offsets in @text of "\n"s that were "\r\n" */
  TayoriCheckSourceKind  kind;
  gsize                  yaml_start;   /* the front matter's YAML in @text; 0, 0 when none */
  gsize                  yaml_end;
  gsize                  body_offset;  /* where the body starts in @text, or TAYORI_CLI_NO_OFFSET */
  TayoriArticle         *article;
  TayoriCheckDocument   *document;
} TayoriCliSource;

TayoriCliSource *tayori_cli_source_load      (const char       *path,
                                              GError          **error);
void             tayori_cli_source_free      (TayoriCliSource  *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriCliSource, tayori_cli_source_free)
/* [@start, @end) of @field (byte offsets, as in a TayoriFinding) as a range of @text; FALSE
 * when the field is not in the file or its YAML text does not line up with its value. */
gboolean         tayori_cli_source_find_span (TayoriCliSource  *source,
                                              const char       *field,
                                              gsize             start,
                                              gsize             end,
                                              gsize            *text_start,
                                              gsize            *text_end);
/* Where a whole field is: the start of the body, or its key in the front matter. */
gboolean         tayori_cli_source_find_field (TayoriCliSource *source,
                                              const char       *field,
                                              gsize            *offset);
/* 1-based line and column (in characters) of an offset of @text. */
void             tayori_cli_source_position  (TayoriCliSource  *source,
                                              gsize             offset,
                                              guint            *line,
                                              guint            *column);
/* The file's byte offset for an offset of @text. */
gsize            tayori_cli_source_file_offset (TayoriCliSource *source,
                                              gsize             offset);

/* tayori-cli-yaml.c: a front-matter value in the YAML text (byte offsets). */
typedef struct {
  gsize    key_start;
  gsize    value_start;   /* the value's own characters: inside quotes, below a block header */
  gsize    value_end;
  gboolean scalar;        /* FALSE for a list or a mapping */
} TayoriCliYamlValue;

/* @path: mapping keys and sequence indexes from the root, e.g. { "links", "0", "title" }. */
gboolean         tayori_cli_yaml_find        (const char               *yaml,
                                              gsize                     length,
                                              const char * const       *path,
                                              TayoriCliYamlValue       *out);
/* Byte @offset of the scalar's value @text (@offset may be its length) as an offset in @yaml;
 * FALSE when the YAML text does not spell the value out byte for byte (escapes). */
gboolean         tayori_cli_yaml_map_offset  (const char               *yaml,
                                              const TayoriCliYamlValue *value,
                                              const char               *text,
                                              gsize                     offset,
                                              gsize                    *out);

/* tayori-cli-check.c: runs every C-side check over @source with the settings of @preset;
 * the report holds every finding, dismissed ones included. */
TayoriCheckReport *tayori_cli_run_checks     (TayoriCliSource  *source,
                                              TayoriPreset     *preset);

/* tayori-cli-json.c */
JsonNode       *tayori_cli_json_summaries  (GPtrArray        *summaries);
JsonNode       *tayori_cli_json_article    (TayoriArticle    *article);
/* Pretty (or compact with --compact) JSON and a newline on stdout; returns the exit status. */
int             tayori_cli_print_json      (TayoriCli        *cli,
                                            JsonNode         *node);

G_END_DECLS
