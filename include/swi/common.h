/** @file
 * libswi - the CBS Statistiek Wet Inburgering (SWI) delivery library.
 *
 * common.h: the export macro, status codes, shared enums and the small
 * owned-buffer type that every other libswi header builds on.
 *
 * Conventions that hold for the whole API (read these once):
 *  - Every fallible function returns an int status: SWI_OK (0) or one of the
 *    negative SWI_E* codes below. Codes are append-only: a published code
 *    never changes meaning and is never reused.
 *  - Out-parameters come first. An object returned through `**out` is NEW:
 *    the caller owns it and releases it with that type's own *_free function.
 *    On failure `*out` is set to NULL (when `out` itself is not NULL).
 *  - A pointer returned directly (iterators, names, messages) is BORROWED:
 *    it stays valid as long as the documentation of that function says,
 *    and is never passed to free().
 *  - A NULL handle or an unknown kenmerk number is reported with an error
 *    code, never by crashing. Allocation failure returns SWI_ENOMEM, the
 *    library never aborts.
 *  - libswi keeps no process-global mutable state. A delivery and every
 *    object that belongs to it (persons, records, the last-error slot) must
 *    be used by one thread at a time; different deliveries may be used from
 *    different threads concurrently without locking. Functions without a
 *    handle argument (swi_strerror, swi_kenmerk_*, swi_version) are
 *    thread-safe.
 */
#ifndef SWI_COMMON_H
#define SWI_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The version of these headers. meson.build refuses to configure when they
 * disagree with the project version, so they are the library's version too.
 * A program built against these headers may still run against an older or
 * newer libswi.so.0: compare swi_version() at run time where that matters
 * (the Python and Java bindings do so when they load the library).
 */
/** Major version of these headers (a new major may break the API). */
#define SWI_VERSION_MAJOR 0
/** Minor version of these headers (a new minor adds API). */
#define SWI_VERSION_MINOR 2
/** Micro version of these headers (fixes only). */
#define SWI_VERSION_MICRO 0

/**
 * True when these headers are version major.minor.micro or newer:
 * `#if SWI_CHECK_VERSION(0, 2, 0)` guards code that uses a 0.2 function.
 */
#define SWI_CHECK_VERSION(major, minor, micro)                                        \
	(SWI_VERSION_MAJOR > (major) ||                                                \
	 (SWI_VERSION_MAJOR == (major) && SWI_VERSION_MINOR > (minor)) ||              \
	 (SWI_VERSION_MAJOR == (major) && SWI_VERSION_MINOR == (minor) &&              \
	  SWI_VERSION_MICRO >= (micro)))

#if defined(SWI_BUILDING_LIBRARY) && defined(__GNUC__)
#define SWI_EXPORT __attribute__((visibility("default")))
#else
/** Marks a public function: exported from libswi, empty for its users. */
#define SWI_EXPORT
#endif

/** Status codes. 0 is success; every error is negative. Append-only. */
enum swi_status {
	SWI_OK = 0,
	SWI_ENOMEM = -1,      /**< an allocation failed; nothing was changed */
	SWI_EINVAL = -2,      /**< a NULL handle or an otherwise unusable argument */
	SWI_EKENMERK = -3,    /**< no kenmerk with that number or element name */
	SWI_ECATEGORY = -4,   /**< the kenmerk belongs to another record kind */
	SWI_EFORMAT = -5,     /**< the text is not in the kenmerk's notation (Table 2) */
	SWI_EDATE = -6,       /**< eight digits, but not an existing calendar date */
	SWI_ECODE = -7,       /**< a value that is not in the kenmerk's code list */
	SWI_ERANGE = -8,      /**< a number outside the kenmerk's range (e.g. > 9999) */
	SWI_ECHARSET = -9,    /**< a character outside the guideline's set (3.2.3) */
	SWI_ETOOLONG = -10,   /**< a text longer than the kenmerk's positions */
	SWI_EBSN = -11,       /**< a BSN that fails the 11-test, or 000000000 */
	SWI_EDUPLICATE = -12, /**< that BSN is already in the delivery */
	SWI_ENOTSET = -13,    /**< the kenmerk has no value (not an error in the data) */
	SWI_ENOTFOUND = -14,  /**< no person with that BSN in the delivery */
	SWI_EBUFFER = -15,    /**< the caller's buffer is too small */
	SWI_EIO = -16,        /**< reading or writing a file or descriptor failed */
	SWI_EINCOMPLETE = -17,/**< a kenmerk the XML schema requires has no value */
	SWI_EINVALID = -18,   /**< the delivery has validation errors (see validate.h) */
	SWI_EUNSUPPORTED = -19,/**< the feature was not compiled into this build */
	SWI_EREQUIRED = -20,  /**< the kenmerk cannot be unset (a person's BSN) */
	SWI_EYEAR = -21,      /**< no ruleset for that statistiekjaar */
	SWI_EREMOVED = -22,   /**< the person or record was removed: the handle is stale */
	SWI_EDATAFILE = -23,  /**< a data file (a municipality list) is malformed */
};

/**
 * A short English description of a status code.
 * Returns a static string (never NULL), also for unknown codes.
 * Thread-safe.
 */
SWI_EXPORT const char *swi_strerror(int status);

/**
 * The version of the loaded library as "MAJOR.MINOR.MICRO" (which may differ
 * from SWI_VERSION_* of the headers a program was built with). Static
 * string; thread-safe. Present since 0.1, so a binding can always ask.
 */
SWI_EXPORT const char *swi_version(void);

/**
 * The record kinds of the guideline (Table 1, "Categorie"). The values are
 * permanent. A swi_record is one of SWI_CATEGORY_PIP, _GESPREK or _BOETE.
 */
typedef enum swi_category {
	SWI_CATEGORY_LEVERING = 1,
	SWI_CATEGORY_PERSOON = 2,
	SWI_CATEGORY_PIP = 3,
	SWI_CATEGORY_GESPREK = 4,
	SWI_CATEGORY_BOETE = 5,
} swi_category;

/**
 * An owned byte buffer, produced by the writers and the schema function.
 * Free with swi_buffer_free(). The bytes are not NUL-terminated unless
 * the producing function says so.
 */
typedef struct swi_buffer swi_buffer;

/** Borrowed pointer to the bytes; valid until swi_buffer_free(). NULL-safe (returns NULL). */
SWI_EXPORT const char *swi_buffer_data(const swi_buffer *buf);
/** Number of bytes in the buffer; 0 for NULL. */
SWI_EXPORT size_t swi_buffer_size(const swi_buffer *buf);
/** Releases the buffer. Accepts NULL. */
SWI_EXPORT void swi_buffer_free(swi_buffer *buf);

/**
 * Allocator hook for swi_delivery_new_with_allocator(), in the style of
 * Lua's lua_Alloc: with size > 0 it behaves like realloc(ptr, size)
 * (ptr may be NULL), with size == 0 like free(ptr) and returns NULL.
 * `userdata` is passed through untouched. It must not call back into
 * libswi for the same delivery.
 */
typedef void *(*swi_alloc_fn)(void *userdata, void *ptr, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* SWI_COMMON_H */
