/* See tool.h. */
#include "tool.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

#ifndef SWI_TOOLS_VERSION
#define SWI_TOOLS_VERSION "onbekend"
#endif

/* Builds the getopt_long tables from the option table, once. */
static void prepare(struct tool *t)
{
	size_t s = 0, n = t->n_options < TOOL_MAX_OPTIONS ? t->n_options : TOOL_MAX_OPTIONS;
	/* Leading ':': a missing value comes back as ':' so the message is ours. */
	t->short_options[s++] = ':';
	for (size_t i = 0; i < n; i++) {
		const struct tool_option *o = &t->options[i];
		t->long_options[i] = (struct option){
			.name = o->name,
			.has_arg = o->arg ? required_argument : no_argument,
			.flag = NULL,
			.val = o->val,
		};
		if (o->val > 0 && o->val < 128 && isalnum(o->val)) {
			t->short_options[s++] = (char)o->val;
			if (o->arg)
				t->short_options[s++] = ':';
		}
	}
	t->long_options[n] = (struct option){0};
	t->short_options[s] = '\0';
	t->ready = 1;
}

int tool_usage_error(const struct tool *t, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", t->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (zie %s --help)\n", t->name);
	return TOOL_USAGE;
}

int tool_next(struct tool *t, int argc, char **argv, const char **arg)
{
	if (!t->ready) {
		prepare(t);
		opterr = 0;
	}
	int prev = optind;
	int c = getopt_long(argc, argv, t->short_options, t->long_options, NULL);
	*arg = optarg;
	if (c != '?' && c != ':')
		return c;
	/* A long option was consumed by this call (optind moved past it); a
	 * short one may sit inside a cluster such as -hx. */
	const char *word = optind > prev && optind - 1 < argc ? argv[optind - 1] : "";
	if (strncmp(word, "--", 2) != 0) {
		char s[3] = {'-', (char)(optopt > 0 && optopt < 128 ? optopt : '?'), '\0'};
		if (c == ':')
			tool_usage_error(t, "optie %s verwacht een waarde", s);
		else
			tool_usage_error(t, "onbekende optie %s", s);
		return '?';
	}
	size_t len = strcspn(word, "=");
	if (c == ':')
		tool_usage_error(t, "optie %.*s verwacht een waarde", (int)len, word);
	else if (optopt)
		tool_usage_error(t, "optie %.*s heeft geen waarde", (int)len, word);
	else
		tool_usage_error(t, "onbekende optie %.*s", (int)len, word);
	return '?';
}

void tool_help(const struct tool *t)
{
	printf("gebruik: %s %s\n\n%s\n", t->name, t->synopsis, t->about);
	if (t->operands)
		printf("\n%s\n", t->operands);
	printf("\nOpties:\n");
	for (size_t i = 0; i < t->n_options; i++) {
		const struct tool_option *o = &t->options[i];
		char left[64];
		int n = 0;
		if (o->val > 0 && o->val < 128)
			n = snprintf(left, sizeof(left), "-%c, ", o->val);
		else
			n = snprintf(left, sizeof(left), "    ");
		snprintf(left + n, sizeof(left) - (size_t)n, "--%s%s%s", o->name, o->arg ? " " : "",
			 o->arg ? o->arg : "");
		printf("  %-28s %s\n", left, o->help);
	}
	printf("\nAfsluitcodes:\n%s", t->exits);
}

void tool_version(const struct tool *t)
{
	printf("%s %s\nlibswi %s\n", t->name, SWI_TOOLS_VERSION, swi_version());
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

static int number(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

int tool_parse_date(const struct tool *t, const char *option, const char *s, int32_t *out)
{
	int y, m, d;
	size_t len = strlen(s);
	if (len == 8 && digits(s, 8)) {
		y = number(s, 4);
		m = number(s + 4, 2);
		d = number(s + 6, 2);
	} else if (len == 10 && s[4] == '-' && s[7] == '-' && digits(s, 4) && digits(s + 5, 2) &&
		   digits(s + 8, 2)) {
		y = number(s, 4);
		m = number(s + 5, 2);
		d = number(s + 8, 2);
	} else {
		/* Not the argument itself: it could be a BSN (doc/masking.md). */
		tool_usage_error(t, "%s: geen datum; gebruik jjjjmmdd of jjjj-mm-dd", option);
		return -1;
	}
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days[m - 1] + (m == 2 && leap)) {
		tool_usage_error(t, "%s: geen bestaande datum", option);
		return -1;
	}
	*out = (int32_t)(y * 10000 + m * 100 + d);
	return 0;
}

int tool_exit_for(int status)
{
	switch (status) {
	case SWI_EIO:
	case SWI_EDATAFILE:
		return TOOL_NOINPUT;
	case SWI_EUNSUPPORTED:
		return TOOL_UNAVAILABLE;
	default:
		return TOOL_SOFTWARE;
	}
}

const char *tool_base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash && slash[1] ? slash + 1 : path;
}

int tool_read_stdin(const struct tool *t, char **data, size_t *size)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	if (!buf)
		return TOOL_SOFTWARE;
	for (;;) {
		n += fread(buf + n, 1, cap - n, stdin);
		if (n < cap)
			break;
		char *bigger = cap < SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
		if (!bigger) {
			free(buf);
			return TOOL_SOFTWARE;
		}
		buf = bigger;
		cap *= 2;
	}
	if (ferror(stdin)) {
		fprintf(stderr, "%s: standaardinvoer: %s\n", t->name, strerror(errno));
		free(buf);
		return TOOL_NOINPUT;
	}
	*data = buf;
	*size = n;
	return TOOL_CLEAN;
}
