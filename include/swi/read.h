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
 * structure of its shipped swi.xsd itself. The XSD is untrusted input: it
 * is read as one regular file of at most 4 MB, with no network, no DTD and
 * no entities, and an XSD with xs:include, xs:import, xs:redefine or
 * xs:override is refused (the official XSD is one file); libswi never
 * opens another file or address for it. An XSD that cannot be used is an
 * SWI-009 error naming it, and the file is then checked against the
 * shipped structure. The validator sees at most 4 kB of text per element.
 *
 * What a caller gets:
 *  - SWI_OK, with a delivery and a report (free both), when the file was
 *    read to its end tag `</SWI>`. When reading stopped earlier - a file
 *    that is not well-formed, is cut off or empty, exceeds a limit (16
 *    levels, 64 attributes on an element, 500 million elements,
 *    SWI_READ_MAX_DIAGNOSTICS findings) - the report holds an SWI-008
 *    error saying where and why, and the delivery holds what came before.
 *    A report without SWI-008 errors therefore means the whole file was
 *    read. A finding that repeats on many elements (text outside a
 *    kenmerk, a namespace, attributes) is reported once and then counted
 *    in one closing line.
 *  - SWI_ENOMEM when any allocation failed, in libswi or in libxml2,
 *    during the read: never a partial delivery.
 *  - SWI_EIO when the file cannot be opened or read; errno then says why
 *    (ENOENT: it does not exist, EACCES: no permission, EISDIR: a
 *    directory, or the error of read()).
 *  - SWI_EUNSUPPORTED for a ZIP without zip support, SWI_EINVAL for bad
 *    arguments.
 * On every failure *out and *report are NULL. Line numbers are 64-bit and
 * at least 1. libxml2 writes nothing to stderr: its per-thread error
 * channels are pointed at the reader during the call and restored after.
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
