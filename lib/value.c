/*
 * Values of kenmerken: parsing from int or text, checking against Table 2
 * and section 3.2 of the guideline, storing and formatting. Everything is
 * driven by the kenmerk's type, width and code list in the table.
 */
#include <string.h>

#include "private.h"
#include "value.h"

bool swi_date_valid(uint32_t v)
{
	static const uint8_t days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	uint32_t y = v / 10000, m = v / 100 % 100, d = v % 100;
	if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= (uint32_t)days[m - 1] + (m == 2 && leap);
}

bool swi_bsn_valid(uint32_t bsn)
{
	/* The 11-test: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is a multiple of 11. */
	if (bsn == 0 || bsn > 999999999u)
		return false;
	int32_t sum = -(int32_t)(bsn % 10);
	uint32_t rest = bsn / 10;
	for (int weight = 2; weight <= 9; weight++, rest /= 10)
		sum += weight * (int32_t)(rest % 10);
	return sum % 11 == 0;
}

void swi_bsn_mask(uint32_t bsn, char out[10])
{
	memcpy(out, "*****", 5);
	for (int i = 8; i >= 5; i--, bsn /= 10)
		out[i] = (char)('0' + bsn % 10);
	out[9] = '\0';
}

void swi_bsn_show(uint32_t bsn, bool full, char out[10])
{
	if (!full) {
		swi_bsn_mask(bsn, out);
		return;
	}
	for (int i = 8; i >= 0; i--, bsn /= 10)
		out[i] = (char)('0' + bsn % 10);
	out[9] = '\0';
}

/* Parses 1..max_digits ASCII digits (the whole string). -1 if not. */
static int64_t parse_digits(const char *text, size_t max_digits, size_t *len_out)
{
	size_t len = strlen(text);
	*len_out = len;
	if (len == 0 || len > max_digits)
		return -1;
	int64_t v = 0;
	for (size_t i = 0; i < len; i++) {
		if (text[i] < '0' || text[i] > '9')
			return -1;
		v = v * 10 + (text[i] - '0');
	}
	return v;
}

static bool all_digits(const char *text)
{
	if (!*text)
		return false;
	for (; *text; text++)
		if (*text < '0' || *text > '9')
			return false;
	return true;
}

int swi_bsn_parse(const char *text, uint32_t *bsn)
{
	size_t len;
	int64_t v = parse_digits(text, 9, &len);
	if (v < 0 || len < 8)
		return SWI_EFORMAT;
	if (!swi_bsn_valid((uint32_t)v))
		return SWI_EBSN;
	*bsn = (uint32_t)v;
	return SWI_OK;
}

bool swi_text_char_allowed(unsigned char c)
{
	/* 3.2.3: digits, ASCII letters and !"#$%&'()*+,-./:;<=>?@[\]^_`{|}
	 * -- no space, no '~', nothing outside ASCII (no diacritics). */
	return c > ' ' && c < '~';
}

static int code_index(const struct swi_kenmerk_def *def, const char *code)
{
	for (int i = 0; i < def->n_codes; i++)
		if (strcmp(def->codes[i].code, code) == 0)
			return i;
	return -1;
}

/*
 * Whether `value` written in decimal is one of the codes: the same answer
 * as code_index() on that text, without making the text. It is asked for
 * every code of every person a builder adds, so it compares numbers; a
 * code with a leading zero ("09") is never the decimal form of a number.
 */
static bool has_numeric_code(const struct swi_kenmerk_def *def, int32_t value)
{
	if (value < 0 || value > 99)
		return false;
	for (int i = 0; i < def->n_codes; i++) {
		const char *c = def->codes[i].code;
		if (c[0] < '0' || c[0] > '9' || (c[0] == '0' && c[1]))
			continue;
		int v = c[0] - '0';
		if (c[1] >= '0' && c[1] <= '9' && !c[2])
			v = v * 10 + (c[1] - '0');
		else if (c[1])
			continue;
		if (v == value)
			return true;
	}
	return false;
}

int swi_value_from_int(const struct swi_kenmerk_def *def, int32_t value, uint32_t *stored,
		       const char **why)
{
	switch ((swi_value_type)def->type) {
	case SWI_TYPE_YEAR:
		if (value < 1000 || value > 9999) {
			*why = "een jaar heeft 4 cijfers [jjjj]";
			return SWI_ERANGE;
		}
		break;
	case SWI_TYPE_CODE:
		if (!has_numeric_code(def, value)) {
			*why = "deze code staat niet in de codelijst";
			return SWI_ECODE;
		}
		break;
	case SWI_TYPE_TEXT_CODE:
	case SWI_TYPE_TEXT:
		*why = "dit kenmerk is een tekst; gebruik de tekstvorm";
		return SWI_EFORMAT;
	case SWI_TYPE_CODE4:
	case SWI_TYPE_NUMBER:
		if (value < 0 || value > 9999) {
			*why = "de waarde moet tussen 0 en 9999 liggen";
			return SWI_ERANGE;
		}
		break;
	case SWI_TYPE_BSN:
		if (!swi_bsn_valid((uint32_t)value) || value < 0) {
			*why = "geen geldig burgerservicenummer (11-proef)";
			return SWI_EBSN;
		}
		break;
	case SWI_TYPE_DATE:
		if (value < 10000000 || value > 99999999) {
			*why = "een datum heeft 8 cijfers [jjjjmmdd]";
			return SWI_EFORMAT;
		}
		if (!swi_date_valid((uint32_t)value)) {
			*why = "geen bestaande kalenderdatum";
			return SWI_EDATE;
		}
		break;
	}
	*stored = (uint32_t)value;
	return SWI_OK;
}

int swi_value_from_text(const struct swi_kenmerk_def *def, const char *text, uint32_t *stored,
			char *text_out, const char **why)
{
	size_t len;
	int64_t v;

	switch ((swi_value_type)def->type) {
	case SWI_TYPE_TEXT_CODE: {
		int i = code_index(def, text);
		if (i < 0) {
			*why = "deze code staat niet in de codelijst";
			return SWI_ECODE;
		}
		*stored = (uint32_t)i + 1;
		return SWI_OK;
	}
	case SWI_TYPE_TEXT:
		len = strlen(text);
		if (len == 0) {
			*why = "lege tekst; laat het kenmerk weg in plaats daarvan";
			return SWI_EFORMAT;
		}
		for (size_t i = 0; i < len; i++) {
			if (!swi_text_char_allowed((unsigned char)text[i])) {
				*why = "teken buiten de toegestane tekenset (3.2.3: geen spatie, "
				       "geen diakritische tekens)";
				return SWI_ECHARSET;
			}
		}
		if (len > def->width) {
			*why = "tekst langer dan het aantal posities";
			return SWI_ETOOLONG;
		}
		memcpy(text_out, text, len + 1);
		*stored = 0;
		return SWI_OK;
	case SWI_TYPE_BSN: {
		int rc = swi_bsn_parse(text, stored);
		if (rc == SWI_EFORMAT)
			*why = "een burgerservicenummer heeft 9 cijfers (of 8 met voorloopnul)";
		else if (rc != SWI_OK)
			*why = "geen geldig burgerservicenummer (11-proef)";
		return rc;
	}
	case SWI_TYPE_NUMBER:
	case SWI_TYPE_CODE4:
		/* Five digits or more: a number out of range, not a malformed one. */
		if (all_digits(text) && strlen(text) > def->width) {
			*why = "de waarde moet tussen 0 en 9999 liggen";
			return SWI_ERANGE;
		}
		/* fall through */
	case SWI_TYPE_YEAR:
	case SWI_TYPE_CODE:
	case SWI_TYPE_DATE:
		v = parse_digits(text, def->width, &len);
		if (v < 0 || ((def->type == SWI_TYPE_YEAR || def->type == SWI_TYPE_DATE) &&
			      len != def->width)) {
			*why = def->type == SWI_TYPE_DATE ? "een datum heeft 8 cijfers [jjjjmmdd]"
			     : def->type == SWI_TYPE_YEAR ? "een jaar heeft 4 cijfers [jjjj]"
							  : "alleen cijfers, niet meer dan het aantal posities";
			return SWI_EFORMAT;
		}
		/* Eight digits that are no date ("00000000", "07011952") are a bad
		 * date, not a bad notation. */
		if (def->type == SWI_TYPE_DATE && !swi_date_valid((uint32_t)v)) {
			*why = "geen bestaande kalenderdatum";
			return SWI_EDATE;
		}
		return swi_value_from_int(def, (int32_t)v, stored, why);
	}
	*why = "onbekend type";
	return SWI_EINVAL;
}

const char swi_digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

bool swi_value_is_set(const struct swi_kenmerk_def *def, const void *record)
{
	uint32_t v;
	return swi_value_decode(def, record, &v);
}

uint32_t swi_value_load(const struct swi_kenmerk_def *def, const void *record)
{
	uint32_t v;
	swi_value_decode(def, record, &v);
	return v;
}

void swi_value_store(const struct swi_kenmerk_def *def, void *record, uint32_t stored,
		     const char *text)
{
	char *p = (char *)record + def->offset;
	switch (swi_storage_of(def)) {
	case SWI_STORE_U8:
		*(uint8_t *)p = (uint8_t)stored;
		break;
	case SWI_STORE_U16:
		*(uint16_t *)(void *)p = (uint16_t)stored;
		break;
	case SWI_STORE_U32:
		*(uint32_t *)(void *)p = stored;
		break;
	case SWI_STORE_TEXT:
		strcpy(p, text);
		break;
	}
}

void swi_value_clear(const struct swi_kenmerk_def *def, void *record)
{
	swi_value_store(def, record, swi_storage_of(def) == SWI_STORE_U16 ? SWI_U16_UNSET : 0, "");
}

size_t swi_value_format(const struct swi_kenmerk_def *def, const void *record,
			char out[SWI_VALUE_MAX])
{
	uint32_t v;
	swi_value_decode(def, record, &v);
	if (def->type == SWI_TYPE_TEXT) {
		const char *text = (const char *)record + def->offset;
		size_t len = strlen(text);
		memcpy(out, text, len + 1);
		return len;
	}
	size_t len = swi_value_put(def, v, out);
	out[len] = '\0';
	return len;
}
