/*
 * The one masking function: every message libswi makes from input (the
 * last-error slot, every diagnostic of validate, compare, read and --xsd)
 * passes through swi_mask(), so no BSN and no line break of a value gets
 * into a message, whichever field, path or dependency quoted it.
 *
 * The rule (doc/masking.md says the same for users):
 *
 * 1. A digit group is a run of digits, or several runs each joined to the
 *    next by exactly one separator: a space, '.', '-', a Unicode space or
 *    dash, or any character that rule 4 escapes (CR, LF, TAB, zero-width
 *    and other invisible characters). So "123456782", "123 456 782",
 *    "1234.56.782", "123-456-782" and "1234<LF>56782" are one group each.
 *    Digits are ASCII 0-9 and the fullwidth ０-９. A sign stays outside the
 *    group and is shown ("-123456782" gives "-*****6782").
 * 2. With SWI_MASK_BSN, a group of 8 or more digits becomes "*****" and its
 *    last four digits ("*****6782"), the form libswi shows a BSN in, except
 *    a group of exactly 8 digits that looks like a date jjjjmmdd (year 1900
 *    to 2099, month 01-12, day 01-31) and fails the 11-test as a 9-digit
 *    BSN with a leading 0. Those stay, so dates in messages stay readable
 *    (also the impossible 20250230 a message is about), while nothing that
 *    is a BSN, with or without its leading zero, is shown: every kept
 *    group fails the 11-test. Longer groups (a 10-digit "BSN", a BSN glued
 *    to a date) are always masked; shorter ones (< 8 digits) cannot be a
 *    BSN and stay.
 * 3. A group is never shown in part. Where the output is full, or where
 *    the input was itself cut off (SWI_MASK_CUT: a truncated vsnprintf),
 *    a group that does not fit or that touches the cut becomes "*****"
 *    (or nothing) and the output ends there. This holds without
 *    SWI_MASK_BSN too, so cutting a message never leaves 8 digits of a
 *    9-digit BSN that would look like a date.
 * 4. With SWI_MASK_ESCAPE, every character that could break a line,
 *    move the cursor or hide itself is written as a visible escape, so one
 *    message is always one line and shows what is there: \n \r \t, \xNN
 *    for other C0 controls, DEL and bytes that are not UTF-8, \uNNNN for
 *    C1 controls, U+2028/2029 and invisible format characters (zero-width,
 *    bidi controls, BOM). A backslash stays a backslash.
 *
 * Not covered, on purpose: groups split by two or more separators or by
 * another character ("123  456  782", "123/456/782"), and digits of other
 * scripts than ASCII and fullwidth. Nobody writes a BSN so.
 */
#include <stdio.h>
#include <string.h>

#include "private.h"

enum kind {
	K_PLAIN,   /* shown as it is */
	K_SPACE,   /* shown as it is; joins digit runs */
	K_DIGIT,   /* value in `digit` */
	K_ESCAPE,  /* shown as an escape; joins digit runs */
};

struct unit {
	enum kind kind;
	size_t width;     /* bytes in the input */
	unsigned cp;      /* code point (or the byte, if not UTF-8) */
	int digit;
	bool bad;         /* not UTF-8: escape the byte */
};

/* Invisible or line-breaking code points (beyond C0/DEL): escaped. */
static bool invisible(unsigned cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0xAD || cp == 0x34F || cp == 0x61C ||
	       cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
	       cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

/* Visible spaces and dashes that may sit between the digits of a number. */
static bool space_like(unsigned cp)
{
	return cp == ' ' || cp == '.' || cp == '-' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) ||
	       (cp >= 0x2010 && cp <= 0x2015) || cp == 0x202F || cp == 0x205F || cp == 0x2212 ||
	       cp == 0x3000 || cp == 0xFF0E || cp == 0xFF0D;
}

static struct unit unit_at(const unsigned char *s, size_t len)
{
	struct unit u = {.kind = K_PLAIN, .width = 1, .cp = s[0]};
	unsigned c = s[0];
	if (c < 0x80) {
		if (c >= '0' && c <= '9') {
			u.kind = K_DIGIT;
			u.digit = (int)(c - '0');
		} else if (c < 0x20 || c == 0x7F) {
			u.kind = K_ESCAPE;
		} else if (space_like(c)) {
			u.kind = K_SPACE;
		}
		return u;
	}
	size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3
		 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
	unsigned cp = n == 4 ? c & 0x07 : n == 3 ? c & 0x0F : c & 0x1F;
	bool ok = n > 0 && n <= len;
	for (size_t i = 1; ok && i < n; i++) {
		ok = (s[i] & 0xC0) == 0x80;
		cp = cp << 6 | (s[i] & 0x3Fu);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are not UTF-8. */
	if (ok && ((n == 3 && cp < 0x800) || (cp >= 0xD800 && cp <= 0xDFFF) ||
		   (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))))
		ok = false;
	if (!ok) {
		u.kind = K_ESCAPE;
		u.bad = true;
		return u;
	}
	u.width = n;
	u.cp = cp;
	if (cp >= 0xFF10 && cp <= 0xFF19) {
		u.kind = K_DIGIT;
		u.digit = (int)(cp - 0xFF10);
	} else if (invisible(cp)) {
		u.kind = K_ESCAPE;
	} else if (space_like(cp)) {
		u.kind = K_SPACE;
	}
	return u;
}

/* The visible form of one unit: the input bytes or an escape. */
static size_t render(const unsigned char *s, const struct unit *u, unsigned flags, char buf[8])
{
	if (u->kind != K_ESCAPE || !(flags & SWI_MASK_ESCAPE)) {
		memcpy(buf, s, u->width);
		return u->width;
	}
	if (u->bad || u->cp < 0x80) {
		switch (u->cp) {
		case '\n': return (size_t)snprintf(buf, 8, "\\n");
		case '\r': return (size_t)snprintf(buf, 8, "\\r");
		case '\t': return (size_t)snprintf(buf, 8, "\\t");
		default: return (size_t)snprintf(buf, 8, "\\x%02x", u->cp & 0xFFu);
		}
	}
	return (size_t)snprintf(buf, 8, "\\u%04x", u->cp & 0xFFFFu);
}

/* An 8-digit group that is shown: date-shaped and no BSN with a leading 0. */
static bool readable_date(uint32_t v)
{
	uint32_t y = v / 10000, m = v / 100 % 100, d = v % 100;
	return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
	       !swi_bsn_valid(v);
}

struct sink {
	char *out;
	size_t size, n; /* n < size always: room for the NUL */
	bool full;
};

static bool fits(const struct sink *o, size_t n)
{
	return !o->full && n < o->size - o->n;
}

static void put(struct sink *o, const char *s, size_t n)
{
	if (!fits(o, n)) {
		o->full = true;
		return;
	}
	memcpy(o->out + o->n, s, n);
	o->n += n;
}

size_t swi_mask(char *out, size_t size, const char *input, size_t len, unsigned flags)
{
	if (!out || size == 0)
		return 0;
	const unsigned char *s = (const unsigned char *)input;
	/* Most messages (a validation report has one per finding) are plain
	 * ASCII with fewer than 8 digits: nothing to mask, escape or cut, so
	 * they are copied as they are, which is what the rule gives them. */
	if (!(flags & SWI_MASK_CUT) && len < size) {
		size_t digits = 0, k = 0;
		for (; k < len && s[k] >= 0x20 && s[k] < 0x7F; k++)
			digits += s[k] >= '0' && s[k] <= '9';
		if (k == len && digits < 8) {
			memcpy(out, input, len);
			out[len] = '\0';
			return len;
		}
	}
	struct sink o = {.out = out, .size = size};
	if (flags & SWI_MASK_CUT) {
		/* A character cut in two at the end: its first bytes go too. */
		size_t back = 0;
		while (back < 3 && back < len && (s[len - 1 - back] & 0xC0) == 0x80)
			back++;
		if (back < len && s[len - 1 - back] >= 0xC0) {
			unsigned lead = s[len - 1 - back];
			size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
			if (need > back + 1)
				len -= back + 1;
		}
	}
	size_t i = 0;
	while (i < len && !o.full) {
		struct unit u = unit_at(s + i, len - i);
		char buf[8];
		if (u.kind != K_DIGIT) {
			put(&o, buf, render(s + i, &u, flags, buf));
			i += u.width;
			continue;
		}
		/* A digit group: its extent, digit count, value of the first 8, last 4. */
		size_t end = i, j = i, n_digits = 0, shown = 0;
		uint32_t first8 = 0;
		char last4[4];
		while (j < len) {
			struct unit v = unit_at(s + j, len - j);
			if (v.kind == K_DIGIT) {
				if (n_digits < 8)
					first8 = first8 * 10 + (uint32_t)v.digit;
				last4[n_digits % 4] = (char)('0' + v.digit);
				n_digits++;
				j += v.width;
				end = j;
				continue;
			}
			if ((v.kind != K_SPACE && v.kind != K_ESCAPE) || j + v.width >= len ||
			    unit_at(s + j + v.width, len - j - v.width).kind != K_DIGIT)
				break;
			j += v.width; /* one separator between two digit runs */
		}
		/* At a cut, the digits that follow may be missing: also when only
		 * one separator came before the cut. */
		bool cut = (flags & SWI_MASK_CUT) &&
			   (end == len || (end < len && end + unit_at(s + end, len - end).width == len &&
					   unit_at(s + end, len - end).kind != K_PLAIN));
		bool masked = (flags & SWI_MASK_BSN) && n_digits >= 8 &&
			      !(n_digits == 8 && readable_date(first8));
		if (cut) {
			put(&o, "*****", 5);
			break;
		}
		if (masked) {
			char m[9] = "*****";
			for (int k = 0; k < 4; k++)
				m[5 + k] = last4[(n_digits + (size_t)k) % 4];
			if (!fits(&o, 9)) {
				put(&o, "*****", 5);
				break;
			}
			put(&o, m, 9);
			i = end;
			continue;
		}
		/* Shown as it is (escaping separators): all of it, or "*****". */
		for (j = i; j < end; j += unit_at(s + j, len - j).width) {
			struct unit v = unit_at(s + j, len - j);
			shown += render(s + j, &v, flags, buf);
		}
		if (!fits(&o, shown)) {
			put(&o, "*****", 5);
			break;
		}
		for (j = i; j < end;) {
			struct unit v = unit_at(s + j, len - j);
			put(&o, buf, render(s + j, &v, flags, buf));
			j += v.width;
		}
		i = end;
	}
	out[o.n] = '\0';
	return o.n;
}

size_t swi_mask_trimmed(const char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	return n;
}

size_t swi_mask_vformat_after(char *out, size_t size, unsigned flags, const char *prefix,
			      const char *fmt, va_list ap)
{
	if (!out || size == 0)
		return 0;
	char text[1024];
	int n = vsnprintf(text, sizeof(text), fmt, ap);
	if (n < 0) {
		n = 0;
		text[0] = '\0';
	}
	if ((size_t)n >= sizeof(text)) {
		n = (int)sizeof(text) - 1;
		flags |= SWI_MASK_CUT;
	}
	size_t keep = prefix ? strlen(prefix) : 0;
	if (keep && (keep >= size || keep > (size_t)n || memcmp(text, prefix, keep) != 0))
		keep = 0;
	memcpy(out, text, keep);
	return keep + swi_mask(out + keep, size - keep, text + keep, (size_t)n - keep, flags);
}

size_t swi_mask_vformat(char *out, size_t size, unsigned flags, const char *fmt, va_list ap)
{
	return swi_mask_vformat_after(out, size, flags, NULL, fmt, ap);
}

size_t swi_mask_format(char *out, size_t size, unsigned flags, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	size_t n = swi_mask_vformat(out, size, flags, fmt, ap);
	va_end(ap);
	return n;
}
