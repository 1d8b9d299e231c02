/** @file
 * libswi - write.h: writing the XML file of a delivery, and the XSD.
 *
 * The output is deterministic byte for byte: UTF-8 with an XML
 * declaration, no namespace, two-space indentation, LF line ends,
 * persons and records in insertion order, kenmerken in schema order,
 * a kenmerk without a value omitted. Before writing, the delivery is
 * validated (validate.h); a delivery with errors is refused with
 * SWI_EINVALID unless SWI_WRITE_FORCE is given. Without FORCE every
 * kenmerk the schema requires must be present (else SWI_EINCOMPLETE).
 * When the delivery has not changed since a swi_delivery_validate()
 * without errors (on the same reference date or day), that result stands
 * and the writer does not validate again: validate-then-write costs one
 * pass.
 *
 * Errors are recorded in the delivery's last-error slot. None of the
 * writers change the delivery. Thread-safety: see common.h.
 */
#ifndef SWI_WRITE_H
#define SWI_WRITE_H

#include <swi/common.h>
#include <swi/delivery.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Flags for the writers; combine with |. Unknown bits give SWI_EINVAL. */
enum swi_write_flags {
	/** Write a ZIP archive holding the one .XML file (guideline 3.4.1
	 *  prefers zipped files). SWI_EUNSUPPORTED if built without zip. */
	SWI_WRITE_ZIP = 1u << 0,
	/** Write even if validation finds errors (for tests and repair tools). */
	SWI_WRITE_FORCE = 1u << 1,
};

/**
 * Writes the file into a NEW buffer (free with swi_buffer_free()).
 * Returns SWI_OK, SWI_EINVAL, SWI_ENOMEM, SWI_EINCOMPLETE, SWI_EINVALID
 * or SWI_EUNSUPPORTED; on failure *out is NULL.
 */
SWI_EXPORT int swi_delivery_write_buffer(swi_buffer **out, swi_delivery *d, unsigned flags);

/**
 * Writes the file to an open descriptor (a file, pipe or socket; the
 * descriptor is not closed or synced). Partial writes and EINTR are
 * retried. On SWI_EIO the bytes already written stay written: use
 * swi_delivery_write_dir() when a half file must never be seen.
 *
 * A pipe or socket whose reader has gone gives SWI_EIO ("Broken pipe"),
 * never a SIGPIPE that kills the process, and the process's SIGPIPE
 * disposition is left alone: a socket is written with send(MSG_NOSIGNAL);
 * for any other descriptor that is not a regular file, SIGPIPE is blocked
 * in the calling thread (pthread_sigmask) for the duration of the call, a
 * SIGPIPE the write raised is taken off the thread's pending set, and the
 * thread's mask is restored. A SIGPIPE that was already pending before the
 * call is left pending. Signal handlers of the caller's for SIGPIPE are
 * therefore not run for a failed write by libswi.
 */
SWI_EXPORT int swi_delivery_write_fd(swi_delivery *d, unsigned flags, int fd);

/**
 * Writes the file into directory `dir` under its guideline name (see
 * swi_delivery_file_name(); ".zip" with SWI_WRITE_ZIP), atomically: the
 * bytes go to a temporary file in the same directory, which is flushed
 * to disk and then renamed over the final name. On any error the
 * temporary file is removed and an existing file of that name is left
 * as it was. The file is created with mode 0600 whatever the umask (it
 * holds personal data); so is the temporary file, from its creation.
 * If `path_buf` is not NULL the full path is copied into it (SWI_EBUFFER,
 * before anything is written, if `path_size` is too small).
 *
 * Temporary files, and what a killed writer (SIGKILL, power loss) leaves:
 *  - Where the file system supports O_TMPFILE (Linux ext4, xfs, btrfs,
 *    tmpfs, ...), the bytes go to an unnamed file that disappears with the
 *    process. Only after the last byte is written and synced does it get a
 *    name, ".SWI-tmp.<pid>.<6 letters or digits>", which is renamed over
 *    the final name right away. A writer killed in that moment (between
 *    two system calls) leaves that complete file behind; at any other
 *    moment it leaves nothing.
 *  - Elsewhere (or when the unnamed file cannot be given a name: no /proc
 *    and no CAP_DAC_READ_SEARCH) the bytes go to a named file of that
 *    pattern from the start, and a killed writer leaves it, complete or
 *    partial.
 *  - Such a file is mode 0600 and locked (flock) by its writer while that
 *    runs. Every swi_delivery_write_dir() into a directory first removes
 *    the orphans of this pattern there: regular files (symlinks are never
 *    followed or removed) that no writer holds locked and that hold data,
 *    or whose PID is dead and not the caller's. A file a live writer holds
 *    is never removed. Not removed: orphans in a directory that cannot be
 *    listed (a drop box, mode 0300), empty orphans (no data) whose PID is
 *    alive, the caller's own included.
 *  - libswi 0.1 left ".SWI_<name>.XXXXXX" files (its temp names, for the
 *    guideline names of this directory) after a killed write. They carry
 *    no PID or lock, so write_dir removes such a regular file once it has
 *    not changed for 15 minutes (a live 0.1 writer never pauses that long).
 *
 * Errors: SWI_EINVAL, SWI_EBUFFER, SWI_EIO (with the system's reason in
 * the message), and those of swi_delivery_write_buffer().
 */
SWI_EXPORT int swi_delivery_write_dir(swi_delivery *d, unsigned flags, const char *dir,
				      char *path_buf, size_t path_size);

/**
 * The XML schema (XSD) of the SWI file as libswi writes it, generated
 * from the kenmerken table: the same bytes as the swi.xsd installed in
 * the data directory. NEW buffer (NUL-terminated; the NUL is not counted
 * in swi_buffer_size()). SWI_OK, SWI_EINVAL or SWI_ENOMEM.
 */
SWI_EXPORT int swi_schema_xsd(swi_buffer **out);

#ifdef __cplusplus
}
#endif

#endif /* SWI_WRITE_H */
