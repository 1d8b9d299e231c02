/*
 * libswi internals: the structs behind the opaque handles and the
 * kenmerken table. Nothing here is part of the ABI.
 */
#ifndef SWI_PRIVATE_H
#define SWI_PRIVATE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <swi/swi.h>

#define SWI_ATTR_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* Used everywhere, declared by their owners. */
#include "alloc.h"      /* swi_alloc & co (alloc.c) */
#include "last-error.h" /* swi_error (last-error.c) */

/* ---- the kenmerken table (kenmerken.c) ------------------------------ */

/* Who a kenmerk applies to (Table 1, "Verplicht voor doelgroep"). */
enum swi_doelgroep {
	SWI_DOELGROEP_ALLE = 0,
	SWI_DOELGROEP_ASIEL = SWI_TYPE_MIGRANT_ASIELMIGRANT,  /* asielstatushouders */
	SWI_DOELGROEP_GEZIN = SWI_TYPE_MIGRANT_GEZINSMIGRANT, /* gezins- en overige migranten */
};

struct swi_code {
	const char *code;    /* as written in the file: "2", "40", "and" */
	const char *meaning; /* Dutch meaning from Table 2 */
	/*
	 * The symbolic name, the same in C (SWI_<LIST>_<NAME>, include/swi/codes.h),
	 * Java (nl.swi.<List>.<NAME>) and Python (swi.<List>.<NAME>). The naming
	 * rule is in doc/internals.md ("Code names").
	 */
	const char *name;
};

/* How a value is stored in its record; decided by the value type. */
enum swi_storage {
	SWI_STORE_U8,   /* codes (0 = unset); for text codes the list index + 1 */
	SWI_STORE_U16,  /* years, numbers, 4-digit codes (SWI_U16_UNSET = unset) */
	SWI_STORE_U32,  /* dates yyyymmdd and BSNs (0 = unset) */
	SWI_STORE_TEXT, /* NUL-terminated text ("" = unset) */
};

#define SWI_U16_UNSET UINT16_MAX
#define SWI_TEXT_MAX 12 /* longest text kenmerk (k5); storage adds the NUL */

struct swi_kenmerk_def {
	uint8_t number;
	uint8_t category;  /* swi_category */
	uint8_t type;      /* swi_value_type */
	uint8_t width;     /* positions in Table 2 */
	uint8_t doelgroep; /* enum swi_doelgroep */
	uint8_t required;  /* minOccurs=1 in the schema */
	uint8_t n_codes;
	uint16_t offset;   /* of the value in the category's struct */
	const char *element;
	const char *label;
	const struct swi_code *codes;
	const char *code_list; /* the code list's type name ("NeeJa"); NULL without codes */
	/* For numeric code lists and numbers: the XSD-level range. */
};

/* The table, indexed by kenmerk number (entry 0 unused). */
extern const struct swi_kenmerk_def swi_kenmerken[SWI_KENMERK_LAST + 1];

/* NULL for an unknown kenmerk number. */
const struct swi_kenmerk_def *swi_kenmerk_def(int k);
/* Inline: the setters, the rules and the writer ask it for every value. */
static inline enum swi_storage swi_storage_of(const struct swi_kenmerk_def *def)
{
	switch ((swi_value_type)def->type) {
	case SWI_TYPE_CODE:
	case SWI_TYPE_TEXT_CODE:
		return SWI_STORE_U8;
	case SWI_TYPE_YEAR:
	case SWI_TYPE_CODE4:
	case SWI_TYPE_NUMBER:
		return SWI_STORE_U16;
	case SWI_TYPE_BSN:
	case SWI_TYPE_DATE:
		return SWI_STORE_U32;
	case SWI_TYPE_TEXT:
		break;
	}
	return SWI_STORE_TEXT;
}

/* The meaning of a numeric code of kenmerk k ("Onderwijsroute"); NULL when
 * the code is not in the list. */
const char *swi_code_meaning(int k, uint32_t code);
/* For messages: "2 (Onderwijsroute)", "niet gevuld" for 0, the bare number
 * for a code not in the list. Returns out. */
#define SWI_CODE_TEXT_MAX 96
const char *swi_code_text(int k, uint32_t code, char out[SWI_CODE_TEXT_MAX]);

/* First and last kenmerk of each category, in schema order. */
void swi_category_range(swi_category c, int *first, int *last);
const char *swi_category_element(swi_category c);
/* Most records of category c one person may have in a file; 0: no limit. */
int swi_category_max_per_person(swi_category c);

/* ---- values (value.c) ----------------------------------------------- */

/*
 * Parse/format/check a value of a kenmerk. The "stored" form is what sits
 * in the struct: see enum swi_storage. `stored` points into the record.
 * All checks report a status code and, in `why`, a Dutch explanation
 * without the kenmerk name (the caller adds that).
 */
int swi_value_from_int(const struct swi_kenmerk_def *def, int32_t value, uint32_t *stored,
		       const char **why);
int swi_value_from_text(const struct swi_kenmerk_def *def, const char *text, uint32_t *stored,
			char *text_out, const char **why);
bool swi_value_is_set(const struct swi_kenmerk_def *def, const void *record);
uint32_t swi_value_load(const struct swi_kenmerk_def *def, const void *record);
void swi_value_store(const struct swi_kenmerk_def *def, void *record, uint32_t stored,
		     const char *text);
void swi_value_clear(const struct swi_kenmerk_def *def, void *record);
/* Formats the value as in the file; returns its length (< SWI_VALUE_MAX). */
size_t swi_value_format(const struct swi_kenmerk_def *def, const void *record,
			char out[SWI_VALUE_MAX]);
bool swi_date_valid(uint32_t yyyymmdd);
bool swi_bsn_valid(uint32_t bsn);
/* Parses 8 or 9 digits into *bsn; SWI_EFORMAT or SWI_EBSN. */
int swi_bsn_parse(const char *text, uint32_t *bsn);
/* "*****6782": the last four digits only. */
void swi_bsn_mask(uint32_t bsn, char out[10]);
/* For diagnostics: the full nine digits only when the caller asked for them. */
void swi_bsn_show(uint32_t bsn, bool full, char out[10]);
bool swi_text_char_allowed(unsigned char c);

/* ---- errno (error.c) -------------------------------------------------- */

/* The system's text for errno value `e` in buf (strerror() is not
 * thread-safe; deliveries are used from several threads). Returns buf. */
const char *swi_errno_text(int e, char *buf, size_t size);
#define SWI_ERRNO_TEXT_MAX 96

/* ---- masking (mask.c) ------------------------------------------------ */

/* The one masking function; the rule is at the top of mask.c and in
 * doc/masking.md. Every message made from input goes through it. */
#define SWI_MASK_BSN 1u    /* digit groups that could be a BSN -> *****6782 */
#define SWI_MASK_ESCAPE 2u /* line breaks, controls, invisibles -> \n, \x1b, \u200b */
#define SWI_MASK_CUT 4u    /* the input was cut after len bytes (hide a cut group) */
/* Writes `len` bytes of `in`, masked and escaped as `flags` say, to `out`
 * (always NUL-terminated when size > 0); truncates between characters and
 * never inside a digit group. Returns the length written. */
size_t swi_mask(char *out, size_t size, const char *in, size_t len, unsigned flags);
/* printf into swi_mask(); SWI_MASK_CUT is added when the text was too long. */
size_t swi_mask_vformat(char *out, size_t size, unsigned flags, const char *fmt, va_list ap);
size_t swi_mask_format(char *out, size_t size, unsigned flags, const char *fmt, ...)
	SWI_ATTR_PRINTF(4, 5);
/* strlen(s) without the line breaks at its end (libxml2 ends its messages
 * with one; one inside, from a quoted value, stays and is escaped). */
size_t swi_mask_trimmed(const char *s);
/* As swi_mask_vformat, but a text that starts with `prefix` (libswi's own,
 * e.g. "regel 12345678: ") keeps it as it is; the rest is masked. */
size_t swi_mask_vformat_after(char *out, size_t size, unsigned flags, const char *prefix,
			      const char *fmt, va_list ap);

/* ---- the tree ------------------------------------------------------- */

struct swi_record {
	struct swi_record *next; /* next record of this person, any kind */
	struct swi_person *person;
	union {
		struct {
			uint32_t datum, begindatum, einddatum;
			uint8_t route, niveau;
		} pip;
		struct {
			uint32_t datum;
		} gesprek;
		struct {
			uint32_t datum;
			uint16_t bedrag;
			uint8_t reden;
		} boete;
	} u;
	uint8_t kind; /* swi_category; 0 while on the free list or removed */
	/* The kind it had, once removed (then kind is 0); 0 otherwise. A removed
	 * record keeps `person` (so an error can be recorded in its delivery) and
	 * its memory is never handed out again: see swi_record_release(). */
	uint8_t removed_kind;
	uint32_t line; /* in the file it was read from; 0 if built */
};

struct swi_person {
	struct swi_delivery *delivery;
	struct swi_record *first, *last; /* all records, insertion order */
	uint32_t index;                  /* position in the person store */
	uint32_t line;                   /* in the file it was read from; 0 if built */
	uint32_t bsn;
	uint32_t geboortedatum, mb_begindatum, ontzorgen_begindatum, ontzorgen_einddatum,
		intake_begindatum, waarschuwing_datum, pvt_datum, map_eerste_activiteit,
		map_eindgesprek, einde_datum;
	uint16_t uren_taal_knm;
	uint8_t geslacht, type_migrant, alfabetiseringscursus, analfabetisme, z_inschatting,
		z_lezen, z_schrijven, z_spreken, z_luisteren, einde_reden;
	/* A removed person stays as a tombstone: only delivery, index and this
	 * flag are kept, and its slot is never reused (handles stay detectable). */
	uint8_t removed;
};

/* The levering header: stored like a record, so the table's offsets work. */
struct swi_levering {
	uint16_t jaar;
	uint16_t berichtgevercode, gemeentecode;
	uint8_t kwartaal, statistiekcode, softwarepakket;
	char versie[SWI_TEXT_MAX + 1];
};

/* Persons live in fixed-size chunks so handles never move. */
#define SWI_PERSON_CHUNK_SHIFT 10
#define SWI_PERSON_CHUNK (1u << SWI_PERSON_CHUNK_SHIFT)
#define SWI_RECORD_CHUNK 1024u

struct swi_delivery {
	swi_alloc_fn alloc;
	void *alloc_ud;

	struct swi_levering levering;
	uint32_t levering_line; /* of <Levering> in the file it was read from; 0 if built */

	struct swi_person **chunks; /* chunks of SWI_PERSON_CHUNK persons */
	size_t n_chunks, cap_chunks;
	size_t n_slots;   /* persons ever added (including removed ones) */
	size_t n_persons; /* live persons */

	/* BSN -> slot index + 1 (0 = empty), open addressing, linear probing. */
	uint32_t *index;
	size_t index_cap; /* power of two, or 0 */

	struct swi_record *free_records;
	void **record_chunks;
	size_t n_record_chunks, cap_record_chunks;

	int32_t reference_date; /* validate.c: "today"; 0 = the clock */

	/* Municipality lists the caller gave (gemeenten.c), one per year. */
	struct swi_gemeente_loaded *gemeenten;
	size_t n_gemeenten;

	/* Every change to the data counts up `generation` (swi_changed()). A
	 * validation without errors remembers the generation and "today" it saw,
	 * so the writers' check after swi_delivery_validate() costs nothing. */
	uint64_t generation;
	uint64_t clean_generation; /* generation + 1 of the last clean validation; 0: none */
	int32_t clean_today;

	int last_error;
	int last_kenmerk; /* of the last failure, 0 if none or not about a kenmerk */
	char last_message[320];
};

/* Today's local date as yyyymmdd (validate.c). */
int32_t swi_today_local(void);

/* Call after every change to a delivery's data: see `generation`. */
static inline void swi_changed(swi_delivery *d)
{
	d->generation++;
}

/* The person in slot `slot` of the store (slot < d->n_slots). */
static inline struct swi_person *swi_person_at(const swi_delivery *d, size_t slot)
{
	return &d->chunks[slot >> SWI_PERSON_CHUNK_SHIFT][slot & (SWI_PERSON_CHUNK - 1)];
}

/* Marks a record removed (record.c). Its memory is NOT returned to the pool:
 * an old handle must keep pointing at a dead record, never at a new one, so
 * every call through it can answer SWI_EREMOVED. Freed with the delivery. */
void swi_record_release(swi_delivery *d, struct swi_record *r);
/* Records SWI_EREMOVED for a call through a removed person or record handle. */
int swi_person_removed_error(const struct swi_person *p);
int swi_record_removed_error(const struct swi_record *r);

/* ---- buffers (buffer.c) --------------------------------------------- */

struct swi_buffer {
	swi_alloc_fn alloc; /* NULL: libc */
	void *alloc_ud;
	char *data;
	size_t size, cap;
};

swi_buffer *swi_buffer_new(swi_alloc_fn alloc, void *ud);
/* Appends; SWI_OK or SWI_ENOMEM (the buffer keeps what it had). */
int swi_buffer_append(swi_buffer *b, const void *data, size_t len);

#endif /* SWI_PRIVATE_H */
