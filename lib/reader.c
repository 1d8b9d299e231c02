/*
 * The reader: a libxml2 SAX2 push parser fed in chunks, so memory follows
 * the delivery and not the file. Element names are interned in the
 * parser's dictionary once, so matching an element is a pointer compare.
 * Structure is checked here against the shape of the shipped swi.xsd (or,
 * with a caller's XSD, by libxml2 in the same pass); values go through the
 * same setters as the builder, so a file can hold nothing the builder
 * would refuse.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlschemas.h>

#include "access.h"
#include "report.h"
#ifdef SWI_WITH_ZIP
#include "unzip.h"
#endif

#define MAX_DEPTH 16
#define MAX_ELEMENTS 500000000u /* ~15 times the 1,000,000-person benchmark */
#define MAX_VALUE 64            /* far above the widest kenmerk (12) */
#define CHUNK (256 * 1024)

enum container { C_NONE, C_SWI, C_LEVERING, C_PERSOON, C_RECORD, C_KENMERK, C_SKIP };

struct frame {
	enum container kind;
	swi_category category; /* of the container, or of the kenmerk's record */
	int last_k;            /* highest kenmerk seen in this container */
	int last_kind;         /* Persoon: highest record kind seen */
	int n_talks;
	uint64_t seen;         /* bit k: kenmerk k seen */
	long line;             /* of the start tag */
};

struct reader {
	xmlParserCtxtPtr ctxt;
	swi_delivery *d;
	swi_report *report;
	unsigned flags;
	bool own_structure; /* no caller XSD: check the structure ourselves */
	bool stopped;

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
	long k_line;
	char value[MAX_VALUE + 1];
	size_t value_len;
	bool value_overflow;
};

static long line_now(struct reader *rd)
{
	return rd->ctxt ? (long)xmlSAX2GetLineNumber(rd->ctxt) : 0;
}

static void stop(struct reader *rd)
{
	rd->stopped = true;
	if (rd->ctxt)
		xmlStopParser(rd->ctxt);
}

static void diag(struct reader *rd, enum swi_rule rule, long line, int k, const char *fmt, ...)
	SWI_ATTR_PRINTF(5, 6);
static void diag(struct reader *rd, enum swi_rule rule, long line, int k, const char *fmt, ...)
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
	swi_report_add(rd->report, rule, &w, k, "regel %ld: %s", line, message);
	if (swi_report_count(rd->report) >= SWI_READ_MAX_DIAGNOSTICS) {
		w = (struct swi_where){.category = SWI_CATEGORY_LEVERING, .person = -1,
				       .record = -1, .line = line, .bsn = ""};
		swi_report_add(rd->report, SWI_RULE_XML, &w, 0,
			       "regel %ld: meer dan %d meldingen; het lezen is hier gestopt", line,
			       SWI_READ_MAX_DIAGNOSTICS - 1);
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

static void push(struct reader *rd, enum container kind, swi_category c)
{
	rd->depth++;
	rd->stack[rd->depth] = (struct frame){.kind = kind, .category = c, .line = line_now(rd)};
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
	if (swi_delivery_add_person(&rd->person, rd->d, rd->value) != SWI_OK) {
		rd->person_refused = true; /* out of memory; the status says so at the end */
		stop(rd);
		return;
	}
	rd->person->line = (uint32_t)rd->k_line;
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
		stop(rd);
		return;
	}
	if (rc != SWI_OK)
		diag(rd, SWI_RULE_VALUE, rd->k_line, k, "%s", swi_delivery_last_message(rd->d));
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri,
		     int nb_namespaces, const xmlChar **namespaces, int nb_attributes,
		     int nb_defaulted, const xmlChar **attributes)
{
	struct reader *rd = ctx;
	(void)prefix;
	(void)namespaces;
	(void)nb_defaulted;
	(void)attributes;
	if (rd->stopped)
		return;
	long line = line_now(rd);
	if (++rd->elements > MAX_ELEMENTS || rd->depth >= MAX_DEPTH) {
		diag(rd, SWI_RULE_XML, line, 0, "te %s (limiet %s); het lezen is gestopt",
		     rd->depth >= MAX_DEPTH ? "diep geneste elementen" : "veel elementen",
		     rd->depth >= MAX_DEPTH ? "16 niveaus" : "500 miljoen elementen");
		stop(rd);
		return;
	}
	if (uri || nb_namespaces)
		STRUCTURE(rd, line, 0, "element <%s> heeft een namespace; het SWI-bestand heeft er geen",
			  name);
	if (nb_attributes)
		STRUCTURE(rd, line, 0, "element <%s> heeft attributen; het SWI-bestand heeft er geen",
			  name);

	struct frame *top = &rd->stack[rd->depth];
	if (top->kind == C_NONE) {
		/* The declaration has been read by now: refuse another encoding first. */
		check_encoding(rd);
		if (rd->stopped)
			return;
	}
	switch (top->kind) {
	case C_NONE:
		if (name != rd->root)
			STRUCTURE(rd, line, 0, "het hoofdelement is <%s>, verwacht <SWI>", name);
		push(rd, C_SWI, 0);
		return;
	case C_SWI:
		if (name == rd->containers[SWI_CATEGORY_LEVERING]) {
			if (rd->levering_seen)
				STRUCTURE(rd, line, 0, "<Levering> komt meer dan eens voor");
			else if (swi_delivery_person_count(rd->d) || rd->person_refused)
				STRUCTURE(rd, line, 0, "<Levering> hoort voor de eerste <Persoon>");
			rd->levering_seen = true;
			rd->d->levering_line = (uint32_t)line;
			push(rd, C_LEVERING, SWI_CATEGORY_LEVERING);
			return;
		}
		if (name == rd->containers[SWI_CATEGORY_PERSOON]) {
			if (!rd->levering_seen)
				STRUCTURE(rd, line, 0, "<Persoon> voor <Levering>");
			start_person(rd);
			push(rd, C_PERSOON, SWI_CATEGORY_PERSOON);
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
			if (rd->person && swi_person_add_record(&rd->record, rd->person, kind) != SWI_OK) {
				stop(rd);
				return;
			}
			if (rd->record)
				rd->record->line = (uint32_t)line;
			rd->record_index[kind]++;
			push(rd, C_RECORD, kind);
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
		push(rd, C_KENMERK, top->category);
		return;
	}
	case C_KENMERK:
		STRUCTURE(rd, line, rd->k, "element <%s> binnen een kenmerk", name);
		rd->k = 0;
		push(rd, C_SKIP, 0);
		return;
	case C_SKIP:
		/* Inside something already reported: its content is part of that defect. */
		push(rd, C_SKIP, 0);
		return;
	}
	STRUCTURE(rd, line, 0, "onbekend element <%s>", name);
	push(rd, C_SKIP, 0);
}

static void on_end(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri)
{
	struct reader *rd = ctx;
	(void)name;
	(void)prefix;
	(void)uri;
	if (rd->stopped || rd->depth == 0)
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
	rd->depth--;
}

static void on_characters(void *ctx, const xmlChar *ch, int len)
{
	struct reader *rd = ctx;
	if (rd->stopped)
		return;
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
			long line = line_now(rd);
			for (int j = i; j < len; j++)
				line -= ch[j] == '\n';
			/* Line ends the parser did not count (CR handling) must not
			 * take the line above the element the text is in. */
			if (line < top->line)
				line = top->line;
			if (top->kind != C_SKIP)
				STRUCTURE(rd, line, 0, "tekst buiten een kenmerk");
			return;
		}
	}
}

static void on_internal_subset(void *ctx, const xmlChar *name, const xmlChar *external_id,
			       const xmlChar *system_id)
{
	struct reader *rd = ctx;
	(void)name;
	(void)external_id;
	(void)system_id;
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

static void on_error(void *ctx, xmlErrorPtr err)
{
	struct reader *rd = ctx;
	if (!err || rd->stopped)
		return;
	char text[240];
	const char *m = err->message ? err->message : "onbekende fout";
	swi_mask(text, sizeof(text), m, swi_mask_trimmed(m), 0); /* cut, never in a number */
	if (err->domain == XML_FROM_SCHEMASV || err->domain == XML_FROM_SCHEMASP) {
		/* Plugged into the SAX stream, the validator leaves the line to the parser. */
		diag(rd, SWI_RULE_SCHEMA, err->line ? err->line : line_now(rd), 0, "XSD: %s", text);
		return;
	}
	if (err->level < XML_ERR_ERROR)
		return;
	diag(rd, SWI_RULE_XML, err->line, 0, "geen goedgevormde XML: %s", text);
	if (err->level == XML_ERR_FATAL)
		stop(rd);
}

/* Findings about the caller's XSD file: not lines of the SWI file. */
static void on_xsd_error(void *ctx, xmlErrorPtr err)
{
	struct reader *rd = ctx;
	if (!err || err->level < XML_ERR_ERROR)
		return;
	char text[240];
	const char *m = err->message ? err->message : "onbekende fout";
	swi_mask(text, sizeof(text), m, swi_mask_trimmed(m), 0); /* cut, never in a number */
	diag(rd, SWI_RULE_SCHEMA, 0, 0, "XSD-bestand %s, regel %d: %s",
	     err->file ? err->file : "?", err->line, text);
}

/* Libxml2's generic error channel (thread-local) prints to stderr; a library
 * must not, so it is silenced during a read and restored afterwards. */
static void silent(void *ctx, const char *fmt, ...)
{
	(void)ctx;
	(void)fmt;
}

/* UTF-16 and UTF-32, with or without a byte order mark, from the first bytes. */
static bool wide_encoding(const unsigned char *b, size_t n)
{
	if (n < 2)
		return false;
	if ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))
		return true;
	return (b[0] == 0 && b[1] == '<') || (b[0] == '<' && b[1] == 0) || (b[0] == 0 && b[1] == 0);
}

/* Where the bytes come from: a descriptor, memory, or a zip entry. */
struct source {
	int (*read)(void *ctx, char *buf, size_t size); /* bytes, 0 at end, <0 error */
	void *ctx;
};

static int parse(struct reader *rd, const struct source *src, const char *name,
		 xmlSchemaValidCtxtPtr vctxt)
{
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = on_start;
	sax.endElementNs = on_end;
	sax.characters = on_characters;
	sax.internalSubset = on_internal_subset;
	sax.entityDecl = on_entity_decl;
	sax.getEntity = on_get_entity;
	sax.serror = on_error;

	xmlSAXHandlerPtr sax_ptr = &sax;
	void *user = rd;
	xmlSchemaSAXPlugPtr plug = vctxt ? xmlSchemaSAXPlug(vctxt, &sax_ptr, &user) : NULL;
	if (vctxt && !plug)
		return SWI_ENOMEM;

	char *buf = swi_alloc(rd->d, CHUNK);
	if (!buf) {
		xmlSchemaSAXUnplug(plug);
		return SWI_ENOMEM;
	}
	int n = src->read(src->ctx, buf, 4);
	int rc = SWI_OK;
	rd->ctxt = n >= 0 ? xmlCreatePushParserCtxt(sax_ptr, user, buf, n, name) : NULL;
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
		if (wide_encoding((const unsigned char *)buf, (size_t)n)) {
			diag(rd, SWI_RULE_XML, 1, 0, "codering UTF-16 of UTF-32; een SWI-bestand is "
			     "UTF-8; het lezen is gestopt");
			rd->stopped = true;
		}
		while (!rd->stopped && (n = src->read(src->ctx, buf, CHUNK)) > 0)
			xmlParseChunk(rd->ctxt, buf, n, 0);
		if (n < 0)
			rc = SWI_EIO;
		else if (!rd->stopped)
			xmlParseChunk(rd->ctxt, NULL, 0, 1);
		if (rc == SWI_OK && !rd->stopped && !rd->ctxt->wellFormed &&
		    swi_report_count(rd->report) == 0)
			diag(rd, SWI_RULE_XML, line_now(rd), 0, "geen goedgevormde XML");
		xmlFreeParserCtxt(rd->ctxt);
		rd->ctxt = NULL;
	}
	swi_free(rd->d, buf);
	if (plug)
		xmlSchemaSAXUnplug(plug);
	return rc;
}

struct fd_source {
	int fd;
};

static int fd_read(void *ctx, char *buf, size_t size)
{
	struct fd_source *f = ctx;
	for (;;) {
		ssize_t n = read(f->fd, buf, size);
		if (n >= 0)
			return (int)n;
		if (errno != EINTR)
			return -1;
	}
}

struct mem_source {
	const char *data;
	size_t size, pos;
};

static int mem_read(void *ctx, char *buf, size_t size)
{
	struct mem_source *m = ctx;
	size_t n = m->size - m->pos < size ? m->size - m->pos : size;
	memcpy(buf, m->data + m->pos, n);
	m->pos += n;
	return (int)n;
}

#ifdef SWI_WITH_ZIP
/* A zip: its one .XML entry streamed through the parser (unzip.c). What is
 * wrong with the archive itself is an SWI-008 finding that says what. */
static int read_zip(struct reader *rd, const void *data, size_t size, int fd,
		    xmlSchemaValidCtxtPtr vctxt)
{
	char why[SWI_UNZIP_WHY];
	struct swi_unzip_input in = {.data = fd < 0 ? data : NULL, .size = size, .fd = fd,
				     .show_bsn = rd->flags & SWI_READ_SHOW_BSN};
	struct swi_unzip *z = NULL;
	int rc = swi_unzip_open(&z, rd->d, &in, why);
	if (rc == SWI_OK) {
		struct source src = {.read = swi_unzip_read, .ctx = z};
		rc = parse(rd, &src, swi_unzip_entry(z), vctxt);
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

/* A local header first, or the end record of an empty archive. */
static bool is_zip(const unsigned char *magic, size_t n)
{
	return n >= 4 && magic[0] == 'P' && magic[1] == 'K' &&
	       ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
}

static void init_libxml2(void)
{
	xmlInitParser();
}

static int read_any(swi_delivery **out, swi_report **report, const void *data, size_t size,
		    const char *path, const char *xsd_path, unsigned flags)
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
	rd.own_structure = xsd_path == NULL;
	int rc = swi_delivery_new(&rd.d);
	if (rc != SWI_OK)
		return rc;
	rd.report = swi_report_new(rd.d->alloc, rd.d->alloc_ud);
	if (!rd.report) {
		swi_delivery_free(rd.d);
		return SWI_ENOMEM;
	}
	swi_report_show_bsn(rd.report, flags & SWI_READ_SHOW_BSN);

	xmlGenericErrorFunc saved_generic = xmlGenericError;
	void *saved_generic_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, silent);
	xmlSchemaParserCtxtPtr pctxt = NULL;
	xmlSchemaPtr schema = NULL;
	xmlSchemaValidCtxtPtr vctxt = NULL;
	if (xsd_path) {
		pctxt = xmlSchemaNewParserCtxt(xsd_path);
		if (pctxt)
			xmlSchemaSetParserStructuredErrors(pctxt, on_xsd_error, &rd);
		schema = pctxt ? xmlSchemaParse(pctxt) : NULL;
		vctxt = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
		if (vctxt)
			xmlSchemaSetValidStructuredErrors(vctxt, on_error, &rd);
		else
			diag(&rd, SWI_RULE_SCHEMA, 0, 0, "het XSD-bestand %s kan niet worden gebruikt",
			     xsd_path);
	}

	int fd = -1;
	unsigned char magic[4];
	size_t n_magic = 0;
	if (path) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			rc = SWI_EIO;
			goto out;
		}
		ssize_t got = pread(fd, magic, sizeof(magic), 0);
		n_magic = got > 0 ? (size_t)got : 0;
	} else {
		n_magic = size < sizeof(magic) ? size : sizeof(magic);
		memcpy(magic, data, n_magic);
	}

	struct mem_source mem = {.data = data, .size = size};
	struct fd_source fds = {.fd = fd};
	const char *name = path ? path : "buffer";
	if (is_zip(magic, n_magic)) {
#ifdef SWI_WITH_ZIP
		rc = read_zip(&rd, data, size, fd, vctxt);
#else
		rc = SWI_EUNSUPPORTED;
#endif
	} else {
		struct source src = path ? (struct source){.read = fd_read, .ctx = &fds}
					 : (struct source){.read = mem_read, .ctx = &mem};
		rc = parse(&rd, &src, name, vctxt);
	}
	if (rc == SWI_OK)
		rc = swi_report_status(rd.report);
out:
	if (fd >= 0)
		close(fd);
	xmlSchemaFreeValidCtxt(vctxt);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(pctxt);
	xmlSetGenericErrorFunc(saved_generic_ctx, saved_generic);
	if (rc != SWI_OK) {
		swi_report_free(rd.report);
		swi_delivery_free(rd.d);
		return rc;
	}
	*out = rd.d;
	*report = rd.report;
	return SWI_OK;
}

SWI_EXPORT int swi_read_file(swi_delivery **out, swi_report **report, const char *path,
			     const char *xsd_path, unsigned flags)
{
	return read_any(out, report, NULL, 0, path, xsd_path, flags);
}

SWI_EXPORT int swi_read_buffer(swi_delivery **out, swi_report **report, const void *data,
			       size_t size, const char *xsd_path, unsigned flags)
{
	if (!data && size)
		return SWI_EINVAL;
	return read_any(out, report, data ? data : "", size, NULL, xsd_path, flags);
}
