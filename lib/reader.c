/*
 * The reader: a libxml2 SAX2 push parser fed in chunks, so memory follows
 * the delivery and not the file. Element names are interned in the
 * parser's dictionary once, so matching an element is a pointer compare.
 * Structure is checked here against the shape of the shipped swi.xsd (or,
 * with a caller's XSD, by libxml2's validator, which this reader feeds
 * itself so that the reader's limits hold for it too); values go through
 * the same setters as the builder, so a file can hold nothing the builder
 * would refuse.
 *
 * A read either ends at the end tag of the root element, or stops with an
 * SWI-008 error in the report, or fails with a status (SWI_ENOMEM,
 * SWI_EIO): a partial delivery never comes back looking complete.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include "bsn-index.h"
#include "read-internal.h"
#include "report.h"
#include "source.h"
#ifdef SWI_WITH_ZIP
#include "unzip.h"
#endif

#define MAX_DEPTH 16
#define MAX_ELEMENTS 500000000u /* ~15 times the 1,000,000-person benchmark */
#define MAX_VALUE 64            /* far above the widest kenmerk (12) */
#define MAX_ATTRIBUTES 64       /* per element; an SWI file has none */
#define MAX_VALIDATOR_TEXT 4096 /* text per element handed to a caller's XSD */
#define MAX_XSD (4u << 20)      /* the official XSD is ~40 kB */
#define CHUNK (256 * 1024)

enum container { C_NONE, C_SWI, C_LEVERING, C_PERSOON, C_RECORD, C_KENMERK, C_SKIP };

struct frame {
	enum container kind;
	swi_category category; /* of the container, or of the kenmerk's record */
	int last_k;            /* highest kenmerk seen in this container */
	int last_kind;         /* Persoon: highest record kind seen */
	int n_talks;
	uint64_t seen;         /* bit k: kenmerk k seen */
	int64_t line;          /* of the start tag */
};

/* Findings that tend to repeat on every element: reported once, then counted. */
enum repeat { R_NAMESPACE, R_ATTRIBUTE, R_TEXT, R_COUNT };

/* A byte scanner in front of the parser: libxml2 reads a whole start tag
 * before it calls back, and checks its attributes pairwise, so a tag with
 * 400,000 attributes costs minutes before the reader could say a word. */
enum scan_state { S_TEXT, S_LT, S_BANG, S_TAG, S_DQ, S_SQ, S_COMMENT, S_CDATA, S_PI, S_DECL };

struct scanner {
	enum scan_state state;
	unsigned attributes; /* '=' outside quotes in the current start tag */
	unsigned char prev1, prev2; /* the last bytes of the previous chunk */
	int64_t line;               /* at the start of the next chunk */
};

struct reader {
	xmlParserCtxtPtr ctxt;
	swi_delivery *d;
	swi_report *report;
	unsigned flags;
	bool own_structure; /* no usable caller XSD: check the structure ourselves */
	bool stopped;
	bool ended;         /* the root element was closed */
	bool fatal;         /* an SWI-008 error is in the report */
	bool terminating;   /* the parser is told the input has ended */
	int rc;             /* SWI_ENOMEM once an allocation failed */

	/* libxml2 counts lines in an int: followed here in 64 bits. */
	int64_t line;
	int line_raw;

	/* The caller's XSD: the validator's own SAX handlers, fed by ours. */
	xmlSAXHandlerPtr vsax;
	void *vuser;
	size_t text_run;    /* bytes of text since the last tag */

	struct {
		uint64_t n;
		int64_t second_line;
		const char *what;
	} repeats[R_COUNT];

	struct scanner scan;

	const xmlChar *names[SWI_KENMERK_LAST + 1];
	const xmlChar *containers[SWI_CATEGORY_BOETE + 1];
	const xmlChar *root;

	struct frame stack[MAX_DEPTH + 1];
	int depth;
	unsigned long elements;
	bool levering_seen;

	swi_person *person;    /* current Persoon, NULL if none or refused */
	bool person_refused;   /* its BSN was refused: skip its content */
	int64_t person_index;  /* index of the current person in the delivery */
	swi_record *record;
	int64_t record_index[SWI_CATEGORY_BOETE + 1];
	char bsn[10];          /* masked or full, for diagnostics */

	int k;                 /* the kenmerk element being read, 0 if none */
	int64_t k_line;
	char value[MAX_VALUE + 1];
	size_t value_len;
	bool value_overflow;
};

/* A line libxml2 reports (an int that wraps past 2^31), as a 64-bit line
 * near the last one seen: libxml2 is never 2^31 lines ahead of the reader,
 * which looks at the line after every chunk of 256 kB. */
static int64_t unwrap_line(const struct reader *rd, int raw)
{
	int64_t line = rd->line + (int32_t)((uint32_t)raw - (uint32_t)rd->line_raw);
	return line < 1 ? 1 : line;
}

static int64_t line_now(struct reader *rd)
{
	if (rd->ctxt && rd->ctxt->input) {
		int raw = rd->ctxt->input->line;
		rd->line = unwrap_line(rd, raw);
		rd->line_raw = raw;
	}
	return rd->line;
}

/* The delivery keeps 32-bit lines (for SWI-001 of swi_delivery_validate). */
static uint32_t line32(int64_t line)
{
	return line > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)line;
}

static void stop(struct reader *rd)
{
	rd->stopped = true;
	if (rd->ctxt)
		xmlStopParser(rd->ctxt);
}

/* Also called from libxml2's error callbacks, in the middle of its work:
 * the parser is not halted here (that frees its input under it); the
 * reader ignores every later event and feeds no more bytes. */
static void out_of_memory(struct reader *rd)
{
	rd->rc = SWI_ENOMEM;
	rd->stopped = true;
}

static void diag(struct reader *rd, enum swi_rule rule, int64_t line, int k, const char *fmt, ...)
	SWI_ATTR_PRINTF(5, 6);
static void diag(struct reader *rd, enum swi_rule rule, int64_t line, int k, const char *fmt, ...)
{
	if (swi_report_count(rd->report) >= SWI_READ_MAX_DIAGNOSTICS)
		return;
	char message[400];
	va_list ap;
	va_start(ap, fmt);
	swi_mask_vformat(message, sizeof(message), 0, fmt, ap); /* cut, never in a number */
	va_end(ap);
	bool in_person = rd->person || rd->person_refused;
	struct swi_where w = {
		.category = k ? swi_kenmerk_category(k) : SWI_CATEGORY_LEVERING,
		.person = in_person && rd->person ? rd->person_index : -1,
		.record = -1,
		.line = line,
		.bsn = in_person ? rd->bsn : "",
	};
	if (rd->record && k >= SWI_K_PIP_DATUM)
		w.record = rd->record_index[w.category] - 1;
	if (line > 0)
		swi_report_add(rd->report, rule, &w, k, "regel %" PRId64 ": %s", line, message);
	else
		swi_report_add(rd->report, rule, &w, k, "%s", message);
	if (rule == SWI_RULE_XML)
		rd->fatal = true;
	if (swi_report_status(rd->report) != SWI_OK)
		out_of_memory(rd);
	if (swi_report_count(rd->report) >= SWI_READ_MAX_DIAGNOSTICS) {
		w = (struct swi_where){.category = SWI_CATEGORY_LEVERING, .person = -1,
				       .record = -1, .line = line, .bsn = ""};
		swi_report_add(rd->report, SWI_RULE_XML, &w, 0,
			       "regel %" PRId64 ": meer dan %d meldingen; het lezen is hier gestopt",
			       line, SWI_READ_MAX_DIAGNOSTICS - 1);
		rd->fatal = true;
		stop(rd);
	}
}

static void check_encoding(struct reader *rd)
{
	const xmlChar *enc = rd->ctxt->encoding ? rd->ctxt->encoding
			   : rd->ctxt->input ? rd->ctxt->input->encoding : NULL;
	if (enc && strcasecmp((const char *)enc, "UTF-8") != 0) {
		diag(rd, SWI_RULE_XML, 1, 0, "codering %s; een SWI-bestand is UTF-8; het lezen is "
		     "gestopt", enc);
		stop(rd);
	}
}

/* A structure finding: ours only without a caller's XSD (which then speaks). */
#define STRUCTURE(rd, line, k, ...)                                        \
	do {                                                               \
		if ((rd)->own_structure)                                   \
			diag((rd), SWI_RULE_SCHEMA, (line), (k), __VA_ARGS__); \
	} while (0)

/* A structure finding that repeats on many elements: the first is reported,
 * the rest counted into one closing line (see report_repeats). */
#define STRUCTURE_ONCE(rd, kind, text, line, k, ...)                          \
	do {                                                                  \
		if ((rd)->own_structure) {                                    \
			uint64_t seen_ = (rd)->repeats[kind].n++;             \
			(rd)->repeats[kind].what = (text);                    \
			if (seen_ == 0)                                       \
				diag((rd), SWI_RULE_SCHEMA, (line), (k), __VA_ARGS__); \
			else if (seen_ == 1)                                  \
				(rd)->repeats[kind].second_line = (line);     \
		}                                                             \
	} while (0)

static void report_repeats(struct reader *rd)
{
	for (int i = 0; i < R_COUNT; i++)
		if (rd->repeats[i].n > 1)
			diag(rd, SWI_RULE_SCHEMA, rd->repeats[i].second_line, 0,
			     "%s: nog %" PRIu64 " keer in het bestand, vanaf deze regel (alleen "
			     "de eerste keer is apart gemeld)", rd->repeats[i].what,
			     rd->repeats[i].n - 1);
}

static int kenmerk_of(struct reader *rd, const xmlChar *name, swi_category c, int from)
{
	int first, last;
	swi_category_range(c, &first, &last);
	/* Files are in schema order, so the next few entries almost always match. */
	for (int k = from > first ? from : first; k <= last; k++)
		if (rd->names[k] == name)
			return k;
	for (int k = first; k < from && k <= last; k++)
		if (rd->names[k] == name)
			return k;
	return 0;
}

static swi_category record_kind_of(struct reader *rd, const xmlChar *name)
{
	for (int c = SWI_CATEGORY_PIP; c <= SWI_CATEGORY_BOETE; c++)
		if (rd->containers[c] == name)
			return (swi_category)c;
	return 0;
}

static void push(struct reader *rd, enum container kind, swi_category c, int64_t line)
{
	rd->depth++;
	rd->stack[rd->depth] = (struct frame){.kind = kind, .category = c, .line = line};
}

static void start_person(struct reader *rd)
{
	rd->person = NULL;
	rd->person_refused = false;
	rd->record = NULL;
	memset(rd->record_index, 0, sizeof(rd->record_index));
	strcpy(rd->bsn, "");
}

/* The BSN opens the person: only then can it be added to the delivery. */
static void person_bsn(struct reader *rd)
{
	uint32_t bsn;
	int rc = swi_bsn_parse(rd->value, &bsn);
	if (rc == SWI_OK && swi_index_find(rd->d, bsn)) {
		swi_bsn_show(bsn, rd->flags & SWI_READ_SHOW_BSN, rd->bsn);
		rd->person_refused = true;
		diag(rd, SWI_RULE_BSN_TWICE, rd->k_line, SWI_K_BURGERSERVICENUMMER,
		     "Burgerservicenummer (kenmerk 8) %s komt al eerder in het bestand voor; deze "
		     "persoon is overgeslagen", rd->bsn);
		return;
	}
	if (rc != SWI_OK) {
		rd->person_refused = true;
		diag(rd, rc == SWI_EBSN ? SWI_RULE_BSN_CHECK : SWI_RULE_VALUE, rd->k_line,
		     SWI_K_BURGERSERVICENUMMER,
		     rc == SWI_EBSN ? "Burgerservicenummer (kenmerk 8) voldoet niet aan de 11-proef; "
				      "deze persoon is overgeslagen"
				    : "Burgerservicenummer (kenmerk 8) is geen 9 cijfers; deze persoon "
				      "is overgeslagen");
		return;
	}
	rc = swi_delivery_add_person(&rd->person, rd->d, rd->value);
	if (rc != SWI_OK) {
		/* Parsed and not yet present: only memory can refuse it. */
		rd->person_refused = true;
		rd->person = NULL;
		if (rc == SWI_ENOMEM)
			out_of_memory(rd);
		else
			diag(rd, SWI_RULE_VALUE, rd->k_line, SWI_K_BURGERSERVICENUMMER, "%s",
			     swi_delivery_last_message(rd->d));
		return;
	}
	rd->person->line = line32(rd->k_line);
	rd->person_index = (int64_t)swi_delivery_person_count(rd->d) - 1;
	swi_bsn_show(bsn, rd->flags & SWI_READ_SHOW_BSN, rd->bsn);
}

static void store_value(struct reader *rd)
{
	int k = rd->k;
	swi_category c = swi_kenmerk_category(k);
	if (rd->value_overflow) {
		diag(rd, SWI_RULE_VALUE, rd->k_line, k, "%s (kenmerk %d): waarde langer dan %d tekens",
		     swi_kenmerk_label(k), k, MAX_VALUE);
		return;
	}
	/* The builder pads "153" to 0153 and 8-digit BSNs to 9; in a file Table 2
	 * and the XSD demand the full notation. */
	const struct swi_kenmerk_def *def = &swi_kenmerken[k];
	if ((def->type == SWI_TYPE_CODE4 || def->type == SWI_TYPE_BSN) &&
	    rd->value_len != def->width) {
		if (k == SWI_K_BURGERSERVICENUMMER)
			rd->person_refused = true;
		diag(rd, SWI_RULE_VALUE, rd->k_line, k, "%s (kenmerk %d): %s heeft precies %d cijfers "
		     "in het bestand%s", def->label, k, k == SWI_K_BURGERSERVICENUMMER ? "een BSN"
		     : "de code", def->width, k == SWI_K_BURGERSERVICENUMMER
		     ? " (met voorloopnul); deze persoon is overgeslagen" : " (met voorloopnullen)");
		return;
	}
	if (k == SWI_K_BURGERSERVICENUMMER) {
		person_bsn(rd);
		return;
	}
	int rc;
	if (c == SWI_CATEGORY_LEVERING) {
		rc = swi_delivery_set_text(rd->d, k, rd->value);
	} else if (c == SWI_CATEGORY_PERSOON && rd->person) {
		rc = swi_person_set_text(rd->person, k, rd->value);
	} else if (c >= SWI_CATEGORY_PIP && rd->record) {
		rc = swi_record_set_text(rd->record, k, rd->value);
	} else {
		/* No record to hold it (its person was refused): still check the value. */
		uint32_t stored;
		char text[SWI_TEXT_MAX + 1];
		const char *why = "";
		rc = swi_value_from_text(&swi_kenmerken[k], rd->value, &stored, text, &why);
		if (rc != SWI_OK)
			diag(rd, SWI_RULE_VALUE, rd->k_line, k, "%s (kenmerk %d): waarde '%s' "
			     "geweigerd: %s", swi_kenmerk_label(k), k, rd->value, why);
		return;
	}
	if (rc == SWI_ENOMEM) {
		out_of_memory(rd);
		return;
	}
	if (rc != SWI_OK)
		diag(rd, SWI_RULE_VALUE, rd->k_line, k, "%s", swi_delivery_last_message(rd->d));
}

static void on_start(struct reader *rd, const xmlChar *name, const xmlChar *uri,
		     int nb_namespaces, int nb_attributes)
{
	int64_t line = line_now(rd);
	if (++rd->elements > MAX_ELEMENTS || rd->depth >= MAX_DEPTH) {
		diag(rd, SWI_RULE_XML, line, 0, "te %s (limiet %s); het lezen is gestopt",
		     rd->depth >= MAX_DEPTH ? "diep geneste elementen" : "veel elementen",
		     rd->depth >= MAX_DEPTH ? "16 niveaus" : "500 miljoen elementen");
		stop(rd);
		return;
	}
	if (uri || nb_namespaces)
		STRUCTURE_ONCE(rd, R_NAMESPACE, "element met een namespace", line, 0,
			       "element <%s> heeft een namespace; het SWI-bestand heeft er geen",
			       name);
	if (nb_attributes)
		STRUCTURE_ONCE(rd, R_ATTRIBUTE, "element met attributen", line, 0,
			       "element <%s> heeft attributen; het SWI-bestand heeft er geen", name);

	struct frame *top = &rd->stack[rd->depth];
	if (top->kind == C_NONE) {
		/* The declaration has been read by now: refuse another encoding first. */
		check_encoding(rd);
		if (rd->stopped)
			return;
		if (rd->ended) {
			/* libxml2 says so itself ("Extra content"); nothing to add. */
			push(rd, C_SKIP, 0, line);
			return;
		}
	}
	switch (top->kind) {
	case C_NONE:
		if (name != rd->root)
			STRUCTURE(rd, line, 0, "het hoofdelement is <%s>, verwacht <SWI>", name);
		push(rd, C_SWI, 0, line);
		return;
	case C_SWI:
		if (name == rd->containers[SWI_CATEGORY_LEVERING]) {
			if (rd->levering_seen)
				STRUCTURE(rd, line, 0, "<Levering> komt meer dan eens voor");
			else if (swi_delivery_person_count(rd->d) || rd->person_refused)
				STRUCTURE(rd, line, 0, "<Levering> hoort voor de eerste <Persoon>");
			rd->levering_seen = true;
			rd->d->levering_line = line32(line);
			push(rd, C_LEVERING, SWI_CATEGORY_LEVERING, line);
			return;
		}
		if (name == rd->containers[SWI_CATEGORY_PERSOON]) {
			if (!rd->levering_seen)
				STRUCTURE(rd, line, 0, "<Persoon> voor <Levering>");
			start_person(rd);
			push(rd, C_PERSOON, SWI_CATEGORY_PERSOON, line);
			return;
		}
		break;
	case C_LEVERING:
	case C_PERSOON:
	case C_RECORD: {
		swi_category kind = top->kind == C_PERSOON ? record_kind_of(rd, name) : 0;
		if (kind) {
			if ((int)kind < top->last_kind)
				STRUCTURE(rd, line, 0, "<%s> staat na <%s>; de volgorde is PIP, "
					  "Voortgangsgesprek, Boete", name,
					  rd->containers[top->last_kind]);
			if (kind == SWI_CATEGORY_GESPREK &&
			    ++top->n_talks == swi_category_max_per_person(kind) + 1)
				STRUCTURE(rd, line, 35, "meer dan %d <Voortgangsgesprek> in een <Persoon>",
					  swi_category_max_per_person(kind));
			top->last_kind = (int)kind;
			if (!(top->seen & (UINT64_C(1) << SWI_K_BURGERSERVICENUMMER)))
				STRUCTURE(rd, line, 0, "<%s> voor het Burgerservicenummer van de persoon",
					  name);
			rd->record = NULL;
			if (rd->person) {
				int rc = swi_person_add_record(&rd->record, rd->person, kind);
				if (rc != SWI_OK) {
					/* A valid person and kind: only memory can refuse. */
					out_of_memory(rd);
					return;
				}
			}
			if (rd->record)
				rd->record->line = line32(line);
			rd->record_index[kind]++;
			push(rd, C_RECORD, kind, line);
			return;
		}
		int k = kenmerk_of(rd, name, top->category, top->last_k + 1);
		if (!k)
			break;
		if (top->seen & (UINT64_C(1) << k))
			STRUCTURE(rd, line, k, "<%s> (kenmerk %d) komt meer dan eens voor", name, k);
		else if (k < top->last_k || (top->kind == C_PERSOON && top->last_kind))
			STRUCTURE(rd, line, k, "<%s> (kenmerk %d) staat op de verkeerde plaats; de "
				  "volgorde ligt vast in het XSD-voorschrift", name, k);
		bool repeated = top->seen & (UINT64_C(1) << k);
		top->seen |= UINT64_C(1) << k;
		if (k > top->last_k)
			top->last_k = k;
		if (top->kind == C_PERSOON && k != SWI_K_BURGERSERVICENUMMER &&
		    !(top->seen & (UINT64_C(1) << SWI_K_BURGERSERVICENUMMER)))
			STRUCTURE(rd, line, k, "<%s> (kenmerk %d) voor het Burgerservicenummer; "
				  "Burgerservicenummer hoort eerst", name, k);
		rd->k = repeated ? 0 : k;
		rd->k_line = line;
		rd->value_len = 0;
		rd->value_overflow = false;
		push(rd, C_KENMERK, top->category, line);
		return;
	}
	case C_KENMERK:
		STRUCTURE(rd, line, rd->k, "element <%s> binnen een kenmerk", name);
		rd->k = 0;
		push(rd, C_SKIP, 0, line);
		return;
	case C_SKIP:
		/* Inside something already reported: its content is part of that defect. */
		push(rd, C_SKIP, 0, line);
		return;
	}
	STRUCTURE(rd, line, 0, "onbekend element <%s>", name);
	push(rd, C_SKIP, 0, line);
}

static void on_end(struct reader *rd)
{
	if (rd->depth == 0)
		return;
	struct frame *top = &rd->stack[rd->depth];
	if (top->kind == C_KENMERK && rd->k) {
		rd->value[rd->value_len] = '\0';
		if (rd->value_len == 0 && !rd->value_overflow)
			STRUCTURE(rd, rd->k_line, rd->k, "<%s> (kenmerk %d) is leeg; laat een kenmerk "
				  "zonder waarde weg", swi_kenmerk_element(rd->k), rd->k);
		else
			store_value(rd);
		rd->k = 0;
	} else if (top->kind == C_PERSOON) {
		if (!rd->person && !rd->person_refused)
			diag(rd, SWI_RULE_REQUIRED, line_now(rd), SWI_K_BURGERSERVICENUMMER,
			     "<Persoon> zonder Burgerservicenummer (kenmerk 8); overgeslagen");
		rd->person = NULL;
		rd->person_refused = false;
		rd->record = NULL;
	} else if (top->kind == C_RECORD) {
		rd->record = NULL;
	} else if (top->kind == C_SWI && !rd->levering_seen) {
		STRUCTURE(rd, line_now(rd), 0, "het bestand heeft geen <Levering>");
	}
	if (rd->stopped)
		return;
	rd->depth--;
	if (rd->depth == 0)
		rd->ended = true;
}

static void on_text(struct reader *rd, const xmlChar *ch, int len)
{
	struct frame *top = &rd->stack[rd->depth];
	if (top->kind == C_KENMERK) {
		if (!rd->k)
			return;
		if (rd->value_len + (size_t)len > MAX_VALUE) {
			rd->value_overflow = true;
			return;
		}
		memcpy(rd->value + rd->value_len, ch, (size_t)len);
		rd->value_len += (size_t)len;
		return;
	}
	for (int i = 0; i < len; i++) {
		if (ch[i] != ' ' && ch[i] != '\t' && ch[i] != '\n' && ch[i] != '\r') {
			/* The parser is at the end of the text: count back to where it began. */
			int64_t line = line_now(rd);
			for (int j = i; j < len; j++)
				line -= ch[j] == '\n';
			/* Line ends the parser did not count (CR handling) must not
			 * take the line above the element the text is in. */
			if (line < top->line)
				line = top->line;
			if (line < 1)
				line = 1;
			if (top->kind != C_SKIP)
				STRUCTURE_ONCE(rd, R_TEXT, "tekst buiten een kenmerk", line, 0,
					       "tekst buiten een kenmerk");
			return;
		}
	}
}

/* ---- the SAX handlers: the reader first, then a caller's XSD --------- */

static void sax_start(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
		      int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
		      int nb_defaulted, const xmlChar **attributes)
{
	struct reader *rd = ctx;
	if (rd->stopped)
		return;
	rd->text_run = 0;
	on_start(rd, name, uri, nb_namespaces, nb_attributes);
	if (rd->vsax && !rd->stopped)
		rd->vsax->startElementNs(rd->vuser, name, prefix, uri, nb_namespaces, namespaces,
					 nb_attributes, nb_defaulted, attributes);
}

static void sax_end(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri)
{
	struct reader *rd = ctx;
	if (rd->stopped)
		return;
	rd->text_run = 0;
	on_end(rd);
	if (rd->vsax && !rd->stopped)
		rd->vsax->endElementNs(rd->vuser, name, prefix, uri);
}

/* The validator gathers the text of an element in memory: it gets at most
 * MAX_VALIDATOR_TEXT bytes of it (cut at a character boundary), enough to
 * judge any SWI value, so a 1 GB text node costs it 4 kB. */
static void feed_validator_text(struct reader *rd, const xmlChar *ch, int len, bool cdata)
{
	size_t before = rd->text_run;
	rd->text_run += (size_t)len;
	if (!rd->vsax || rd->stopped || before >= MAX_VALIDATOR_TEXT)
		return;
	size_t n = (size_t)len;
	if (n > MAX_VALIDATOR_TEXT - before) {
		n = MAX_VALIDATOR_TEXT - before;
		while (n > 0 && (ch[n] & 0xC0) == 0x80)
			n--;
	}
	if (n == 0)
		return;
	if (cdata)
		rd->vsax->cdataBlock(rd->vuser, ch, (int)n);
	else
		rd->vsax->characters(rd->vuser, ch, (int)n);
}

static void sax_characters(void *ctx, const xmlChar *ch, int len)
{
	struct reader *rd = ctx;
	if (rd->stopped)
		return;
	on_text(rd, ch, len);
	feed_validator_text(rd, ch, len, false);
}

static void sax_cdata(void *ctx, const xmlChar *ch, int len)
{
	struct reader *rd = ctx;
	if (rd->stopped)
		return;
	on_text(rd, ch, len);
	feed_validator_text(rd, ch, len, true);
}

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
			       const xmlChar *system_id)
{
	struct reader *rd = ctx;
	(void)name;
	(void)external_id;
	(void)system_id;
	if (rd->stopped)
		return;
	diag(rd, SWI_RULE_XML, line_now(rd), 0,
	     "een DOCTYPE is niet toegestaan (geen DTD, geen entiteiten); het lezen is gestopt");
	stop(rd);
}

static void on_entity_decl(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
			   const xmlChar *system_id, xmlChar *content)
{
	(void)name;
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	on_internal_subset(ctx, NULL, NULL, NULL);
}

static xmlEntityPtr on_get_entity(void *ctx, const xmlChar *name)
{
	/* Only the five predefined entities exist in an SWI file. */
	(void)ctx;
	return xmlGetPredefinedEntity(name);
}

/* libxml2 2.9's validator raises "Internal error" where a call of its own
 * failed, which is where an allocation failed, and an error without a
 * message is one whose text could not be allocated: the read cannot be
 * trusted and fails as out of memory, never as a finding about the file. */
static bool is_memory_error(const xmlError *err)
{
	return err->code == XML_ERR_NO_MEMORY || err->domain == XML_FROM_MEMORY ||
	       err->code == XML_SCHEMAV_INTERNAL || !err->message; /* its copy failed */
}

/* The first line of libxml2's message. */
static void error_text(const xmlError *err, char *text, size_t size)
{
	/* The whole message, never cut at a line break or inside a number: a
	 * quoted value split by a newline would otherwise show part of its
	 * digits here and the rest elsewhere. The report masks and escapes it. */
	const char *m = err->message ? err->message : "onbekende fout";
	swi_mask(text, size, m, swi_mask_trimmed(m), 0);
}

/* Anything libxml2 raises on this thread without a parser context during a
 * read (set per thread with xmlSetStructuredErrorFunc, restored after):
 * only running out of memory matters; the rest is said by the parser. */
static void on_thread_error(void *ctx, xmlErrorPtr err)
{
	struct reader *rd = ctx;
	if (err && is_memory_error(err))
		out_of_memory(rd);
}

/* Errors of the parser and of the validator. */
static void on_error(void *ctx, xmlErrorPtr err)
{
	struct reader *rd = ctx;
	if (!err)
		return;
	if (is_memory_error(err)) {
		out_of_memory(rd);
		return;
	}
	if (rd->stopped)
		return;
	char text[240];
	error_text(err, text, sizeof(text));
	if (err->domain == XML_FROM_SCHEMASV || err->domain == XML_FROM_SCHEMASP) {
		/* Fed by the reader, the validator leaves the line to the parser. */
		diag(rd, SWI_RULE_SCHEMA, err->line > 0 ? unwrap_line(rd, err->line) : line_now(rd),
		     0, "XSD: %s", text);
		return;
	}
	if (err->level < XML_ERR_ERROR)
		return;
	if (rd->terminating && !rd->ended)
		return; /* the end of the input before the end of the document: said below */
	diag(rd, SWI_RULE_XML, err->line > 0 ? unwrap_line(rd, err->line) : line_now(rd), 0,
	     "geen goedgevormde XML: %s", text);
	if (err->level == XML_ERR_FATAL)
		stop(rd);
}

/* Libxml2's generic error channel (thread-local) prints to stderr; a library
 * must not, so it is silenced during a read and restored afterwards. */
static void silent(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/* Why the first bytes are no UTF-8 XML, or NULL: UTF-16 and UTF-32 with or
 * without a byte order mark (libxml2 would switch to them), a NUL byte. */
static const char *not_utf8(const unsigned char *b, size_t n)
{
	if (n >= 4 && ((b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) ||
		       (b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) ||
		       (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == '<') ||
		       (b[0] == '<' && b[1] == 0 && b[2] == 0 && b[3] == 0)))
		return "codering UTF-32; een SWI-bestand is UTF-8";
	if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
		return "codering UTF-16; een SWI-bestand is UTF-8";
	if (n >= 4 && ((b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) ||
		       (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0)))
		return "codering UTF-16; een SWI-bestand is UTF-8";
	if (n >= 1 && b[0] == 0)
		return "het bestand begint met een NUL-byte; dit is geen XML-tekst";
	for (size_t i = 1; i < n; i++)
		if (b[i] == 0)
			return "een NUL-byte aan het begin van het bestand; dit is geen XML-tekst";
	return NULL;
}

/* The byte `back` places before buf[i], across the chunk boundary. */
static unsigned char scan_before(const struct scanner *s, const char *buf, size_t i, size_t back)
{
	if (i >= back)
		return (unsigned char)buf[i - back];
	return back - i == 1 ? s->prev1 : s->prev2;
}

/* Counts attributes ('=' outside quoted values) of each start tag in the
 * bytes before the parser sees them. Returns the offset of the byte that
 * exceeds MAX_ATTRIBUTES, or -1. Comments, CDATA, processing instructions
 * and declarations are skipped; what the scanner misjudges in a malformed
 * file the parser refuses anyway. Text, comments and quoted values are
 * skipped with memchr: the scanner costs little next to the parser. */
static long scan_attributes(struct scanner *s, const char *buf, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)buf[i];
		const char *hit;
		switch (s->state) {
		case S_TEXT:
			hit = memchr(buf + i, '<', n - i);
			if (!hit) {
				i = n;
				continue;
			}
			i = (size_t)(hit - buf);
			s->state = S_LT;
			break;
		case S_LT:
			s->state = c == '!' ? S_BANG : c == '?' ? S_PI : c == '/' ? S_DECL : S_TAG;
			s->attributes = 0;
			if (c == '>')
				s->state = S_TEXT;
			break;
		case S_BANG:
			s->state = c == '-' ? S_COMMENT : c == '[' ? S_CDATA : S_DECL;
			if (c == '>')
				s->state = S_TEXT;
			break;
		case S_TAG:
			if (c == '"')
				s->state = S_DQ;
			else if (c == '\'')
				s->state = S_SQ;
			else if (c == '>')
				s->state = S_TEXT;
			else if (c == '=' && ++s->attributes > MAX_ATTRIBUTES)
				return (long)i;
			break;
		case S_DQ:
		case S_SQ:
			hit = memchr(buf + i, s->state == S_DQ ? '"' : '\'', n - i);
			if (!hit) {
				i = n;
				continue;
			}
			i = (size_t)(hit - buf);
			s->state = S_TAG;
			break;
		case S_COMMENT:
		case S_CDATA:
		case S_PI:
		case S_DECL:
			hit = memchr(buf + i, '>', n - i);
			if (!hit) {
				i = n;
				continue;
			}
			i = (size_t)(hit - buf);
			if (s->state == S_DECL ||
			    (s->state == S_PI && scan_before(s, buf, i, 1) == '?') ||
			    (s->state == S_COMMENT && scan_before(s, buf, i, 1) == '-' &&
			     scan_before(s, buf, i, 2) == '-') ||
			    (s->state == S_CDATA && scan_before(s, buf, i, 1) == ']' &&
			     scan_before(s, buf, i, 2) == ']'))
				s->state = S_TEXT;
			break;
		}
		i++;
	}
	if (n >= 2) {
		s->prev2 = (unsigned char)buf[n - 2];
		s->prev1 = (unsigned char)buf[n - 1];
	} else if (n == 1) {
		s->prev2 = s->prev1;
		s->prev1 = (unsigned char)buf[0];
	}
	return -1;
}

static int64_t count_lines(const char *buf, size_t n)
{
	int64_t lines = 0;
	for (const char *p = buf, *end = buf + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		lines++;
	return lines;
}

static void feed(struct reader *rd, const char *buf, int n)
{
	long bad = scan_attributes(&rd->scan, buf, (size_t)n);
	if (bad >= 0) {
		/* The parser gets nothing of this chunk: the line is counted here. */
		diag(rd, SWI_RULE_XML, rd->scan.line + count_lines(buf, (size_t)bad), 0,
		     "een element met meer dan %d attributen; het lezen is gestopt", MAX_ATTRIBUTES);
		stop(rd);
		return;
	}
	rd->scan.line += count_lines(buf, (size_t)n);
	xmlParseChunk(rd->ctxt, buf, n, 0);
	line_now(rd);
}

static int parse(struct reader *rd, const struct swi_source *src, xmlSchemaValidCtxtPtr vctxt)
{
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = sax_start;
	sax.endElementNs = sax_end;
	sax.characters = sax_characters;
	sax.ignorableWhitespace = sax_characters;
	sax.cdataBlock = sax_cdata;
	sax.internalSubset = on_internal_subset;
	sax.entityDecl = on_entity_decl;
	sax.getEntity = on_get_entity;
	sax.serror = on_error;

	/* The validator's own handlers (plugged into no other handler), which
	 * the reader's call after their own work. */
	xmlSchemaSAXPlugPtr plug = NULL;
	xmlSAXHandlerPtr vsax = NULL; /* written back by xmlSchemaSAXUnplug */
	void *vuser = NULL;
	if (vctxt) {
		plug = xmlSchemaSAXPlug(vctxt, &vsax, &vuser);
		if (!plug)
			return SWI_ENOMEM;
		rd->vsax = vsax;
		rd->vuser = vuser;
	}

	char *buf = swi_alloc(rd->d, CHUNK);
	if (!buf) {
		xmlSchemaSAXUnplug(plug);
		rd->vsax = NULL;
		return SWI_ENOMEM;
	}
	int n = src->read(src->ctx, buf, 4);
	int rc = SWI_OK;
	/* The first bytes go in at creation (libxml2 2.9 crashes on some
	 * encoding declarations otherwise). No file name: libxml2 2.9 leaks
	 * the input when copying it fails, and the reader resolves nothing
	 * relative to the file. */
	rd->ctxt = n >= 0 ? xmlCreatePushParserCtxt(&sax, rd, buf, n, NULL) : NULL;
	if (n < 0) {
		rc = SWI_EIO;
	} else if (!rd->ctxt) {
		rc = SWI_ENOMEM;
	} else {
		/* No network, no DTD loading, no entity substitution, no noise on stderr. */
		xmlCtxtUseOptions(rd->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		rd->ctxt->replaceEntities = 0;
		for (int i = SWI_KENMERK_FIRST; i <= SWI_KENMERK_LAST; i++)
			rd->names[i] = xmlDictLookup(rd->ctxt->dict,
						     (const xmlChar *)swi_kenmerken[i].element, -1);
		for (int c = SWI_CATEGORY_LEVERING; c <= SWI_CATEGORY_BOETE; c++)
			rd->containers[c] = xmlDictLookup(
				rd->ctxt->dict, (const xmlChar *)swi_category_element((swi_category)c), -1);
		rd->root = xmlDictLookup(rd->ctxt->dict, (const xmlChar *)"SWI", -1);
		for (int i = SWI_KENMERK_FIRST; i <= SWI_KENMERK_LAST; i++)
			if (!rd->names[i])
				out_of_memory(rd);
		for (int c = SWI_CATEGORY_LEVERING; c <= SWI_CATEGORY_BOETE; c++)
			if (!rd->containers[c])
				out_of_memory(rd);
		if (!rd->root)
			out_of_memory(rd);
		const char *why = rd->stopped ? NULL : not_utf8((const unsigned char *)buf, (size_t)n);
		if (why) {
			diag(rd, SWI_RULE_XML, 1, 0, "%s; het lezen is gestopt", why);
			stop(rd);
		} else if (n == 0 && !rd->stopped) {
			diag(rd, SWI_RULE_XML, 1, 0, "het bestand is leeg");
			stop(rd);
		}
		scan_attributes(&rd->scan, buf, (size_t)n); /* 4 bytes: no limit reached */
		rd->scan.line += count_lines(buf, (size_t)n);
		while (!rd->stopped && (n = src->read(src->ctx, buf, CHUNK)) > 0)
			feed(rd, buf, n);
		if (n < 0) {
			rc = SWI_EIO;
		} else if (!rd->stopped) {
			rd->terminating = true;
			xmlParseChunk(rd->ctxt, NULL, 0, 1);
			rd->terminating = false;
		}
		int64_t line = line_now(rd);
		if (rd->ctxt->errNo == XML_ERR_NO_MEMORY)
			rd->rc = SWI_ENOMEM;
		if (rc == SWI_OK && rd->rc == SWI_OK && !rd->fatal) {
			/* Whatever ended the parse, the report must not look complete. */
			if (!rd->ended)
				diag(rd, SWI_RULE_XML, line, 0, "het bestand houdt op voor het einde "
				     "van het XML-document (</SWI> ontbreekt): onvolledig of "
				     "afgebroken; het lezen is gestopt");
			else if (!rd->ctxt->wellFormed)
				diag(rd, SWI_RULE_XML, line, 0, "geen goedgevormde XML");
		}
		if (rc == SWI_OK && rd->rc == SWI_OK)
			report_repeats(rd);
		xmlFreeParserCtxt(rd->ctxt);
		rd->ctxt = NULL;
	}
	swi_free(rd->d, buf);
	if (plug)
		xmlSchemaSAXUnplug(plug);
	rd->vsax = NULL;
	if (rc == SWI_OK)
		rc = rd->rc;
	return rc;
}

#ifdef SWI_WITH_ZIP
/* A zip: its one .XML entry streamed through the parser (unzip.c). What is
 * wrong with the archive itself is an SWI-008 finding that says what. */
static int read_zip(struct reader *rd, const struct swi_input *input,
		    xmlSchemaValidCtxtPtr vctxt)
{
	char why[SWI_UNZIP_WHY];
	struct swi_unzip_input in = {.data = input->fd < 0 ? input->data : NULL,
				     .size = input->size, .fd = input->fd,
				     .show_bsn = rd->flags & SWI_READ_SHOW_BSN};
	struct swi_unzip *z = NULL;
	int rc = swi_unzip_open(&z, rd->d, &in, why);
	if (rc == SWI_OK) {
		struct swi_source src = {.read = swi_unzip_read, .ctx = z};
		rc = parse(rd, &src, vctxt);
		/* A failed read is SWI_EIO to parse(); the source knows better. */
		if (swi_unzip_status(z) != SWI_OK)
			rc = swi_unzip_status(z);
		swi_unzip_close(z);
	}
	if (rc == SWI_EFORMAT) {
		struct swi_where w = {.category = SWI_CATEGORY_LEVERING, .person = -1, .record = -1,
				      .line = 0, .bsn = ""};
		swi_report_add(rd->report, SWI_RULE_XML, &w, 0, "%s", why);
		rc = SWI_OK;
	}
	return rc;
}
#endif

static void init_libxml2(void)
{
	xmlInitParser();
}

/* ---- a caller's XSD ----------------------------------------------------
 * It comes by e-mail: untrusted. libxml2 2.9's schema parser loads
 * xs:include, xs:import and xs:redefine through the process-global entity
 * loader, with entity substitution on and the network allowed, and has no
 * per-context loader (xmlCtxtSetResourceLoader came in 2.14). So the reader
 * reads the file itself (regular file, at most MAX_XSD bytes), parses it
 * with no network, no DTD and no entities (a DOCTYPE stops it), refuses
 * every include, import, redefine and override, and only then hands the
 * document to the schema parser, which then has nothing left to load. The
 * official XSD is one file, so nothing is lost by allowing none. */

struct xsd {
	xmlDocPtr doc;
	xmlSchemaParserCtxtPtr pctxt;
	xmlSchemaPtr schema;
	xmlSchemaValidCtxtPtr vctxt;
};

struct xsd_reader {
	struct reader *rd;
	const char *path;
	bool refused; /* a finding made the XSD unusable */
	unsigned long errors; /* findings of libxml2 about it */
	bool quiet;           /* a first attempt: findings are counted, not reported */
};

#define XSD_DIAG(x, ...)                                                  \
	do {                                                              \
		if (!(x)->quiet)                                          \
			diag((x)->rd, SWI_RULE_SCHEMA, 0, 0, __VA_ARGS__); \
	} while (0)

/* Findings about the caller's XSD file: not lines of the SWI file. */
static void on_xsd_error(void *ctx, xmlErrorPtr err)
{
	struct xsd_reader *x = ctx;
	if (!err)
		return;
	if (is_memory_error(err)) {
		out_of_memory(x->rd);
		return;
	}
	if (err->level < XML_ERR_ERROR)
		return;
	x->errors++;
	char text[240];
	error_text(err, text, sizeof(text));
	XSD_DIAG(x, "XSD-bestand %s, regel %d: %s", x->path,
	     err->line > 0 ? err->line : 0, text);
}

/* The XSD document's own parser: its errors and its DOCTYPE. */
static void on_xsd_doc_error(void *ctx, xmlErrorPtr err)
{
	xmlParserCtxtPtr ctxt = ctx;
	on_xsd_error(ctxt->_private, err);
}

static void on_xsd_doctype(void *ctx, const xmlChar *name, const xmlChar *external_id,
			   const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xsd_reader *x = ctxt->_private;
	(void)name;
	(void)external_id;
	(void)system_id;
	if (!x->refused)
		XSD_DIAG(x, "XSD-bestand %s, regel %d: een DOCTYPE is niet "
		     "toegestaan (geen DTD, geen entiteiten)", x->path, xmlSAX2GetLineNumber(ctxt));
	x->refused = true;
	xmlStopParser(ctxt);
}

static const char *errno_text(int e, char *buf, size_t size)
{
	switch (e) {
	case ENOENT: return "het bestand bestaat niet";
	case EACCES: return "geen leesrechten";
	case EISDIR: return "het is een map, geen bestand";
	case ENOTDIR: return "een deel van het pad is geen map";
	case ELOOP: return "te veel symbolische koppelingen";
	default: return swi_errno_text(e, buf, size);
	}
}

/* The XSD's bytes, at most MAX_XSD, from a regular file. */
static int slurp_xsd(struct xsd_reader *x, char **data, size_t *size)
{
	*data = NULL;
	const char *why = NULL;
	char why_buf[SWI_ERRNO_TEXT_MAX];
	int fd = open(x->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		why = errno_text(errno, why_buf, sizeof(why_buf));
	} else if (S_ISDIR(st.st_mode)) {
		why = errno_text(EISDIR, why_buf, sizeof(why_buf));
	} else if (!S_ISREG(st.st_mode)) {
		why = "geen gewoon bestand";
	} else if (st.st_size > (off_t)MAX_XSD) {
		snprintf(why_buf, sizeof(why_buf), "groter dan %u MB", MAX_XSD >> 20);
		why = why_buf;
	} else {
		size_t len = (size_t)st.st_size, got = 0;
		*data = swi_alloc(x->rd->d, len + 1);
		if (!*data) {
			close(fd);
			return SWI_ENOMEM;
		}
		while (got < len) {
			ssize_t n = read(fd, *data + got, len - got);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			got += (size_t)n;
		}
		if (got < len) {
			why = "het bestand kan niet worden gelezen";
			swi_free(x->rd->d, *data);
			*data = NULL;
		}
		*size = got;
	}
	if (fd >= 0)
		close(fd);
	if (why) {
		XSD_DIAG(x, "het XSD-bestand %s kan niet worden gebruikt: %s",
		     x->path, why);
		x->refused = true;
	}
	return SWI_OK;
}

/* Refuses every reference to another schema document. */
static void refuse_references(struct xsd_reader *x, xmlNodePtr node)
{
	static const char *const refused[] = {"include", "import", "redefine", "override"};
	while (node && !x->refused) {
		if (node->type == XML_ELEMENT_NODE) {
			for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
				if (strcmp((const char *)node->name, refused[i]) == 0) {
					XSD_DIAG(x, "XSD-bestand %s, regel %ld: "
					     "<%s> is niet toegestaan: het XSD moet op zichzelf staan "
					     "(libswi leest geen andere bestanden of adressen)", x->path,
					     xmlGetLineNo(node), refused[i]);
					x->refused = true;
					return;
				}
			}
			refuse_references(x, node->children);
		} else if (node->type == XML_ENTITY_REF_NODE || node->type == XML_ENTITY_NODE ||
			   node->type == XML_XINCLUDE_START) {
			XSD_DIAG(x, "XSD-bestand %s: entiteiten zijn niet "
			     "toegestaan", x->path);
			x->refused = true;
			return;
		}
		node = node->next;
	}
}

static void load_xsd_once(struct reader *rd, const char *path, struct xsd *out, bool quiet)
{
	struct xsd_reader x = {.rd = rd, .path = path, .quiet = quiet};
	char *data = NULL;
	size_t size = 0;
	if (slurp_xsd(&x, &data, &size) != SWI_OK) {
		out_of_memory(rd);
		return;
	}
	if (!data)
		return;
	/* A push parser, not xmlCtxtReadMemory: libxml2 2.9 leaks the buffer
	 * and says nothing when xmlCtxtReadMemory's first copy fails. */
	int head = size < 4 ? (int)size : 4;
	xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(NULL, NULL, data, head, NULL);
	if (!ctxt) {
		swi_free(rd->d, data);
		out_of_memory(rd);
		return;
	}
	ctxt->_private = &x;
	ctxt->sax->serror = on_xsd_doc_error;
	ctxt->sax->internalSubset = on_xsd_doctype;
	ctxt->sax->externalSubset = NULL;
	ctxt->sax->resolveEntity = NULL;
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
			  XML_PARSE_NOCDATA);
	/* The same thread-local channels as the read (see read_any). */
	xmlSetStructuredErrorFunc(&x, on_xsd_error);
	xmlParseChunk(ctxt, data + head, (int)(size - (size_t)head), 1);
	out->doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	bool well_formed = ctxt->wellFormed;
	if (ctxt->errNo == XML_ERR_NO_MEMORY)
		out_of_memory(rd);
	xmlFreeParserCtxt(ctxt);
	swi_free(rd->d, data);
	/* A parse that failed without a word: only memory does that. */
	if ((!out->doc || !well_formed) && !x.refused && !x.errors)
		out_of_memory(rd);
	if (out->doc && !well_formed)
		x.refused = true;
	if (out->doc && !x.refused && !rd->stopped) {
		if (out->doc->intSubset || out->doc->extSubset) {
			XSD_DIAG(&x, "XSD-bestand %s: een DOCTYPE is niet "
			     "toegestaan", path);
			x.refused = true;
		}
		refuse_references(&x, xmlDocGetRootElement(out->doc));
	}
	if (out->doc && !x.refused && !rd->stopped) {
		out->pctxt = xmlSchemaNewDocParserCtxt(out->doc);
		if (out->pctxt) {
			xmlSchemaSetParserStructuredErrors(out->pctxt, on_xsd_error, &x);
			unsigned long before = x.errors;
			out->schema = xmlSchemaParse(out->pctxt);
			if (!out->schema && x.errors == before)
				out_of_memory(rd);
		} else {
			out_of_memory(rd);
		}
	}
	if (out->schema && !rd->stopped) {
		out->vctxt = xmlSchemaNewValidCtxt(out->schema);
		if (out->vctxt)
			xmlSchemaSetValidStructuredErrors(out->vctxt, on_error, rd);
		else
			out_of_memory(rd);
	}
	xmlSetStructuredErrorFunc(rd, on_thread_error);
}

static void free_xsd(struct xsd *x)
{
	xmlSchemaFreeValidCtxt(x->vctxt);
	xmlSchemaFree(x->schema);
	xmlSchemaFreeParserCtxt(x->pctxt);
	xmlFreeDoc(x->doc);
	memset(x, 0, sizeof(*x));
}

/* libxml2 2.9's schema parser can take an allocation that failed for a
 * finding about the XSD ("The value '(null)' is not valid"). An XSD that
 * fails is therefore read a second time, and only a second failure counts
 * (the findings are those of the second attempt). */
static void load_xsd(struct reader *rd, const char *path, struct xsd *out)
{
	load_xsd_once(rd, path, out, true);
	if (out->vctxt || rd->stopped)
		return;
	free_xsd(out);
	load_xsd_once(rd, path, out, false);
	if (!out->vctxt && !rd->stopped)
		diag(rd, SWI_RULE_SCHEMA, 0, 0, "het XSD-bestand %s kan niet worden gebruikt; het "
		     "bestand is gecontroleerd op de structuur van het meegeleverde swi.xsd", path);
}

int swi_read_with_allocator(swi_delivery **out, swi_report **report, const void *data,
			    size_t size, const char *path, const char *xsd_path, unsigned flags,
			    swi_alloc_fn alloc, void *alloc_ud)
{
	/* libxml2 sets itself up lazily and not thread-safely: two first reads
	 * in two threads race (helgrind). Once per process, before any parse. */
	static pthread_once_t libxml2_once = PTHREAD_ONCE_INIT;
	pthread_once(&libxml2_once, init_libxml2);

	if (out)
		*out = NULL;
	if (report)
		*report = NULL;
	if (!out || !report || (!data && !path) || (flags & ~(unsigned)SWI_READ_SHOW_BSN))
		return SWI_EINVAL;

	struct reader rd;
	memset(&rd, 0, sizeof(rd));
	rd.flags = flags;
	rd.own_structure = true;
	rd.line = 1;
	rd.line_raw = 1;
	rd.scan.line = 1;
	int rc = alloc ? swi_delivery_new_with_allocator(&rd.d, alloc, alloc_ud)
		       : swi_delivery_new(&rd.d);
	if (rc != SWI_OK)
		return rc;
	rd.report = swi_report_new(rd.d->alloc, rd.d->alloc_ud);
	if (!rd.report) {
		swi_delivery_free(rd.d);
		return SWI_ENOMEM;
	}
	swi_report_show_bsn(rd.report, flags & SWI_READ_SHOW_BSN);

	/* Nothing on stderr: libxml2's thread-local channels point at the
	 * reader for the duration of the call (a host's are restored). */
	xmlGenericErrorFunc saved_generic = xmlGenericError;
	void *saved_generic_ctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc saved_structured = xmlStructuredError;
	void *saved_structured_ctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(&rd, on_thread_error);

	struct swi_input in = {.fd = -1};
	int saved_errno = 0;
	struct xsd xsd = {0};
	if (xsd_path) {
		load_xsd(&rd, xsd_path, &xsd);
		if (rd.rc != SWI_OK) {
			rc = rd.rc;
			goto out;
		}
		rd.own_structure = xsd.vctxt == NULL;
		rd.stopped = false;
	}

	rc = swi_input_open(&in, data, size, path);
	if (rc != SWI_OK) {
		saved_errno = errno;
		goto out;
	}
	if (in.zipped) {
#ifdef SWI_WITH_ZIP
		rc = read_zip(&rd, &in, xsd.vctxt);
#else
		rc = SWI_EUNSUPPORTED;
#endif
	} else {
		struct swi_source src = {.read = swi_input_read, .ctx = &in};
		rc = parse(&rd, &src, xsd.vctxt);
	}
	if (rc == SWI_EIO)
		saved_errno = errno;
	if (rc == SWI_OK)
		rc = swi_report_status(rd.report);
out:
	swi_input_close(&in);
	free_xsd(&xsd);
	/* libxml2 keeps a copy of the last error per thread, message included,
	 * and its messages quote the file's values (a BSN among them). None of
	 * that may stay behind for a host's xmlGetLastError(). */
	xmlResetLastError();
	xmlSetStructuredErrorFunc(saved_structured_ctx, saved_structured);
	xmlSetGenericErrorFunc(saved_generic_ctx, saved_generic);
	if (rc != SWI_OK) {
		swi_report_free(rd.report);
		swi_delivery_free(rd.d);
		if (saved_errno)
			errno = saved_errno;
		return rc;
	}
	*out = rd.d;
	*report = rd.report;
	return SWI_OK;
}

SWI_EXPORT int swi_read_file(swi_delivery **out, swi_report **report, const char *path,
			     const char *xsd_path, unsigned flags)
{
	return swi_read_with_allocator(out, report, NULL, 0, path, xsd_path, flags, NULL, NULL);
}

SWI_EXPORT int swi_read_buffer(swi_delivery **out, swi_report **report, const void *data,
			       size_t size, const char *xsd_path, unsigned flags)
{
	if (!data && size)
		return SWI_EINVAL;
	return swi_read_with_allocator(out, report, data ? data : "", size, NULL, xsd_path, flags,
				       NULL, NULL);
}
