/** @file
 * libswi - read.h: reading an SWI file back into a delivery, from any
 * producer, and checking it the way CBS's technical control does
 * (guideline 4.1.2).
 *
 * The reader streams (a 1 GB file needs no document tree), never touches
 * the network, refuses DOCTYPEs and entity declarations (XXE, billion
 * laughs) and limits nesting depth, element count and value length.
 * Thread-safety: see common.h; concurrent reads of different files are fine.
 */
#ifndef SWI_READ_H
#define SWI_READ_H

#include <swi/common.h>
#include <swi/delivery.h>
#include <swi/validate.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Flags for the readers; combine with |. */
enum swi_read_flags {
	/** Full BSNs in diagnostics: the BSN column and the digits of messages
	 *  (default: masked as *****6782, doc/masking.md). A refused value's
	 *  message, made by the setters, stays masked. */
	SWI_READ_SHOW_BSN = 1u << 0,
};

/** The most diagnostics one read collects; then it stops with a final note. */
#define SWI_READ_MAX_DIAGNOSTICS 1000

/**
 * Reads the SWI file at `path` (plain XML, or a ZIP archive with one .XML
 * entry when built with zip support) into a NEW delivery `*out` and a NEW
 * report `*report` of everything that is wrong with the file itself, each
 * diagnostic with its line number:
 *  - SWI-008: not well-formed XML, a DOCTYPE or entity, an encoding other
 *    than UTF-8, or a limit exceeded (reading stops there);
 *    also a zip that cannot be read as a delivery: damaged or truncated,
 *    encrypted, another method than deflate or stored, no or several .XML
 *    entries (named in the message), or inflating more than 100 times
 *    its size (a zip bomb); these have line 0, and a wrong CRC-32 or size
 *    is found at the end, after the entry's persons were read;
 *  - SWI-009: the structure of the schema (unknown, repeated or misplaced
 *    elements, attributes, namespaces, text where none belongs);
 *  - SWI-002, SWI-010, SWI-011: a value outside Table 2, a BSN that fails
 *    the 11-test, a BSN that appears twice.
 * Reading goes on after every problem except SWI-008, so one run shows all
 * of them. A refused value is left unset; a person whose BSN is refused is
 * left out. Kenmerken the schema requires but the file lacks are left to
 * swi_delivery_validate() (SWI-001), which also reports line numbers for
 * deliveries that were read.
 *
 * `xsd_path` is optional: an XSD to validate against in the same pass (for
 * example the official one CBS sends by mail); its findings are SWI-009
 * and replace libswi's own structure checks. Without it, libswi checks the
 * structure of its shipped swi.xsd itself.
 *
 * Returns SWI_OK when the file was read (whatever the report says; both
 * objects must then be freed), SWI_EIO when it cannot be opened or read,
 * SWI_EUNSUPPORTED for a ZIP without zip support, SWI_EINVAL or
 * SWI_ENOMEM. On failure *out and *report are NULL.
 */
SWI_EXPORT int swi_read_file(swi_delivery **out, swi_report **report, const char *path,
			     const char *xsd_path, unsigned flags);

/** As swi_read_file(), from `size` bytes at `data` (XML or ZIP). */
SWI_EXPORT int swi_read_buffer(swi_delivery **out, swi_report **report, const void *data,
			       size_t size, const char *xsd_path, unsigned flags);

#ifdef __cplusplus
}
#endif

#endif /* SWI_READ_H */
