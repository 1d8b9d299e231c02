/*
 * The tests' assertion helpers, one set for all test programs.
 *
 *   MUST(call)            a libswi call must return SWI_OK, or the program
 *                         aborts with file, line, call and swi_strerror()
 *                         (for programs without check: generators, benchmarks)
 *
 * With <check.h> included first (REQUIRE and its kin are plain ifs: every
 * passing ck_assert records a mark point, a write(2) to check's temporary
 * file, which over 100,000 persons or an allocation-failure loop takes
 * seconds, minutes under valgrind):
 *   OK(call)              a libswi call must return SWI_OK (the test fails)
 *   REQUIRE(expr, ...)    expr must hold, else the test fails with the
 *                         printf-style message
 *   REQUIRE_EQ(a, b)      two integers must be equal
 *   REQUIRE_PTR_EQ(a, b)  two pointers must be equal
 *
 * as_shown(value, out): how a message shows an 8-digit value (masking rule).
 */
#ifndef SWI_TEST_UTIL_H
#define SWI_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <swi/swi.h>

#define MUST(call)                                                                     \
	do {                                                                           \
		int rc_ = (call);                                                      \
		if (rc_ != SWI_OK) {                                                   \
			fprintf(stderr, "%s:%d: %s failed: %s\n", __FILE__, __LINE__, #call, \
				swi_strerror(rc_));                                    \
			abort();                                                       \
		}                                                                      \
	} while (0)

#ifdef CHECK_H

#define REQUIRE(expr, ...)                          \
	do {                                        \
		if (!(expr))                        \
			ck_abort_msg(__VA_ARGS__); \
	} while (0)

#define REQUIRE_EQ(a, b)                                                                     \
	do {                                                                                 \
		long long a_ = (long long)(a), b_ = (long long)(b);                          \
		if (a_ != b_)                                                                \
			ck_abort_msg("%s == %s failed: %lld != %lld", #a, #b, a_, b_);       \
	} while (0)

#define REQUIRE_PTR_EQ(a, b)                                                                 \
	do {                                                                                 \
		const void *a_ = (a), *b_ = (b);                                             \
		if (a_ != b_)                                                                \
			ck_abort_msg("%s == %s failed: %p != %p", #a, #b, a_, b_);           \
	} while (0)

#define OK(call)                                                                             \
	do {                                                                                 \
		int rc_ = (call);                                                            \
		REQUIRE(rc_ == SWI_OK, "%s: %s", #call, swi_strerror(rc_));                  \
	} while (0)

#endif /* CHECK_H */

/* How a message shows a value: a date that is also a BSN with a leading 0
 * (passes the 11-test as 0jjjjmmdd) is masked as *****mmdd (lib/mask.c). */
static inline const char *as_shown(const char *value, char out[16])
{
	snprintf(out, 16, "%s", value);
	if (strlen(value) != 8 || strspn(value, "0123456789") != 8)
		return out;
	int sum = -(value[7] - '0');
	for (int i = 0; i < 7; i++)
		sum += (8 - i) * (value[i] - '0');
	if (sum % 11 == 0)
		snprintf(out, 16, "*****%s", value + 4);
	return out;
}

#endif
