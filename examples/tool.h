/*
 * What swi-check, swi-csv and swi-gen share: the exit codes, option parsing driven
 * by one table (getopt_long underneath; the same table writes --help), the
 * date syntax and --version. Only the public libswi API is used here.
 */
#ifndef SWI_EXAMPLES_TOOL_H
#define SWI_EXAMPLES_TOOL_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

/*
 * Exit codes. 0-2 say what the check found; the sysexits-style codes say
 * that the tool could not do its job, whatever the delivery holds.
 */
enum tool_exit {
	TOOL_CLEAN = 0,     /* no findings (swi-csv: written) */
	TOOL_WARNINGS = 1,  /* warnings only */
	TOOL_ERRORS = 2,    /* errors in the delivery */
	TOOL_USAGE = 64,    /* EX_USAGE: bad option, bad value, wrong arguments */
	TOOL_NOINPUT = 66,  /* EX_NOINPUT: an input file or directory is missing or unreadable */
	TOOL_UNAVAILABLE = 69, /* EX_UNAVAILABLE: a zip, but libswi was built without zip */
	TOOL_SOFTWARE = 70, /* EX_SOFTWARE: out of memory or an internal error */
	TOOL_CANTCREAT = 73, /* EX_CANTCREAT: an output file cannot be created */
	TOOL_IOERR = 74,    /* EX_IOERR: writing an output failed */
};

/*
 * One command-line option. `val` is what tool_next() returns for it: a
 * printable character also makes it a short option (-h), values from
 * TOOL_LONG_ONLY up are long-only. `arg` names the value (NULL: none).
 */
struct tool_option {
	const char *name;
	int val;
	const char *arg;
	const char *help;
};

#define TOOL_LONG_ONLY 256
#define TOOL_MAX_OPTIONS 32

/* Entries that several tools share, so they read the same everywhere. */
#define TOOL_OPTION_REFERENCE_DATE(val) \
	{"reference-date", (val), "DATUM", "peildatum jjjjmmdd of jjjj-mm-dd (standaard vandaag)"}
#define TOOL_OPTION_GEMEENTEN(val)                                                          \
	{"gemeenten", (val), "CSV",                                                       \
	 "gemeentelijst van een jaar (gemeenten-JJJJ.csv) i.p.v. de eigen; mag vaker"}
/* The last two entries of every table; `name` is the tool's name as a literal. */
#define TOOL_OPTIONS_HELP_VERSION(name)                                 \
	{"help", 'h', NULL, "toon deze hulp en stop"},                      \
	{"version", 'V', NULL, "toon de versie van " name " en libswi en stop"}
/* After a tool's table: it must fit the parser's fixed arrays. */
#define TOOL_OPTIONS_FIT(options)                                               \
	_Static_assert(sizeof(options) / sizeof((options)[0]) <= TOOL_MAX_OPTIONS, \
		       "raise TOOL_MAX_OPTIONS in tool.h")

struct tool {
	const char *name;     /* "swi-check" */
	const char *synopsis; /* after the name in the usage line */
	const char *about;    /* one paragraph for --help */
	const char *operands; /* help text for the operands, may be NULL */
	const char *exits;    /* the exit code lines for --help */
	const struct tool_option *options;
	size_t n_options;
	/* filled by tool_next() */
	struct option long_options[TOOL_MAX_OPTIONS + 1];
	char short_options[2 * TOOL_MAX_OPTIONS + 2];
	int ready;
};

/*
 * The next option: its `val`, with its value in *arg; -1 when the options
 * are done (operands start at optind); '?' after a one-line message on
 * stderr for an unknown option or a missing value (exit with TOOL_USAGE).
 */
int tool_next(struct tool *t, int argc, char **argv, const char **arg);

/* --help on stdout. */
void tool_help(const struct tool *t);

/* --version on stdout: the tool's version and the library's. */
void tool_version(const struct tool *t);

/* One line on stderr, "name: message", and TOOL_USAGE. */
int tool_usage_error(const struct tool *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * A calendar date given as jjjjmmdd or jjjj-mm-dd into yyyymmdd. 0 on
 * success, -1 (with a one-line message naming `option`) when it is not
 * one of those forms or not an existing date.
 */
int tool_parse_date(const struct tool *t, const char *option, const char *s, int32_t *out);

/*
 * The exit code for a libswi status that kept the tool from its job: an
 * input that cannot be read or is malformed (SWI_EIO, SWI_EDATAFILE) is
 * TOOL_NOINPUT, SWI_EUNSUPPORTED TOOL_UNAVAILABLE, anything else TOOL_SOFTWARE.
 */
int tool_exit_for(int status);

/* The last component of a path ("-" stays "-"). */
const char *tool_base_name(const char *path);

/* Standard input read whole (the reader wants the bytes in one piece) into
 * *data (free() it); TOOL_CLEAN, or TOOL_NOINPUT / TOOL_SOFTWARE with the
 * reason on stderr. */
int tool_read_stdin(const struct tool *t, char **data, size_t *size);

#endif
