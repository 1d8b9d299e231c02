/*
 * The public writers: to a buffer, to a descriptor, and atomically into a
 * directory under the guideline's file name. They share one path: check
 * the delivery, then stream the XML (or the zip) into a sink.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "rules.h"

static int buffer_sink(void *ctx, const char *data, size_t len)
{
	return swi_buffer_append(ctx, data, len);
}

struct fd_ctx {
	int fd;
	int err;   /* errno of the failed write */
	bool sock; /* send(MSG_NOSIGNAL) instead of write(2) */
};

static int fd_sink(void *ctx, const char *data, size_t len)
{
	struct fd_ctx *f = ctx;
	while (len) {
		ssize_t n = f->sock ? send(f->fd, data, len, MSG_NOSIGNAL) : write(f->fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			f->err = errno;
			return SWI_EIO;
		}
		data += n;
		len -= (size_t)n;
	}
	return SWI_OK;
}

/* Checks the flags and the delivery, then streams the file into `sink`. */
static int produce(swi_delivery *d, unsigned flags, const struct swi_sink *sink)
{
	if (flags & ~(unsigned)(SWI_WRITE_ZIP | SWI_WRITE_FORCE))
		return swi_error(d, SWI_EINVAL, "onbekende schrijfvlaggen 0x%x", flags);
	if (!(flags & SWI_WRITE_FORCE)) {
		int rc = swi_rules_gate(d);
		if (rc != SWI_OK)
			return rc;
	}
	if (flags & SWI_WRITE_ZIP) {
		char name[40];
		int rc = swi_delivery_file_name(d, 0, name, sizeof(name));
		if (rc != SWI_OK)
			return rc;
		return swi_zip_write(d, sink, name);
	}
	int rc = swi_xml_write(d, sink);
	if (rc == SWI_ENOMEM)
		swi_error(d, rc, "onvoldoende geheugen tijdens het schrijven");
	return rc;
}

SWI_EXPORT int swi_delivery_write_buffer(swi_buffer **out, swi_delivery *d, unsigned flags)
{
	if (out)
		*out = NULL;
	if (!out || !d)
		return d ? swi_error(d, SWI_EINVAL, "geen uitvoerparameter") : SWI_EINVAL;
	swi_buffer *b = swi_buffer_new(d->alloc, d->alloc_ud);
	if (!b)
		return swi_error(d, SWI_ENOMEM, "onvoldoende geheugen voor de uitvoerbuffer");
	struct swi_sink sink = {.write = buffer_sink, .ctx = b};
	int rc = produce(d, flags, &sink);
	if (rc != SWI_OK) {
		swi_buffer_free(b);
		return rc;
	}
	*out = b;
	return SWI_OK;
}

/*
 * SIGPIPE. A write to a pipe or socket whose reader is gone raises SIGPIPE,
 * which kills a process that has not changed its disposition (exit 141).
 * A library must neither die nor change the disposition, which belongs to
 * the whole process. Sockets: send(MSG_NOSIGNAL) raises nothing. Anything
 * else that is not a regular file: SIGPIPE is blocked in the calling thread
 * for the write; a SIGPIPE that our write raised is then pending on this
 * thread and is taken off with a zero-timeout sigtimedwait() before the old
 * mask comes back. If one was pending before we started, it is not ours to
 * take (signals do not queue: we cannot tell them apart), so it stays.
 * (The same as libpq's pq_block_sigpipe / pq_reset_sigpipe.)
 */
struct sigpipe_guard {
	bool active, was_pending;
	sigset_t old_mask;
};

static void sigpipe_block(struct sigpipe_guard *g)
{
	sigset_t pipe_set, pending;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	g->active = false;
	sigemptyset(&pending);
	if (sigpending(&pending) != 0)
		return;
	g->was_pending = sigismember(&pending, SIGPIPE) == 1;
	g->active = pthread_sigmask(SIG_BLOCK, &pipe_set, &g->old_mask) == 0;
}

static void sigpipe_restore(struct sigpipe_guard *g, bool got_epipe)
{
	if (!g->active)
		return;
	int saved = errno;
	if (got_epipe && !g->was_pending) {
		sigset_t pipe_set;
		sigemptyset(&pipe_set);
		sigaddset(&pipe_set, SIGPIPE);
		const struct timespec zero = {0, 0};
		while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR)
			;
	}
	pthread_sigmask(SIG_SETMASK, &g->old_mask, NULL);
	errno = saved;
}

SWI_EXPORT int swi_delivery_write_fd(swi_delivery *d, unsigned flags, int fd)
{
	if (!d)
		return SWI_EINVAL;
	if (fd < 0)
		return swi_error(d, SWI_EINVAL, "ongeldige bestandsdescriptor %d", fd);
	struct fd_ctx f = {.fd = fd};
	struct stat st;
	bool regular = false;
	if (fstat(fd, &st) == 0) {
		f.sock = S_ISSOCK(st.st_mode);
		regular = S_ISREG(st.st_mode);
	}
	struct sigpipe_guard guard = {.active = false};
	if (!f.sock && !regular)
		sigpipe_block(&guard);
	struct swi_sink sink = {.write = fd_sink, .ctx = &f};
	int rc = produce(d, flags, &sink);
	sigpipe_restore(&guard, f.err == EPIPE);
	if (rc == SWI_EIO && f.err)
		swi_error(d, rc, "schrijven naar descriptor %d mislukt: %s", fd, strerror(f.err));
	return rc;
}

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

SWI_EXPORT int swi_delivery_write_dir(swi_delivery *d, unsigned flags, const char *dir,
				      char *path_buf, size_t path_size)
{
	if (!d)
		return SWI_EINVAL;
	if (!dir || !*dir)
		return swi_error(d, SWI_EINVAL, "geen map opgegeven");
	char name[40], path[PATH_MAX], tmp[PATH_MAX];
	int rc = swi_delivery_file_name(d, (flags & SWI_WRITE_ZIP) != 0, name, sizeof(name));
	if (rc != SWI_OK)
		return rc;
	int n = snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof(path) ||
	    (size_t)snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dir, name) >= sizeof(tmp))
		return swi_error(d, SWI_EINVAL, "pad te lang: %s", dir);
	if (path_buf && path_size <= (size_t)n)
		return swi_error(d, SWI_EBUFFER, "buffer van %zu bytes te klein voor het pad (%d nodig)",
				 path_size, n + 1);

	/* mkstemp creates the file with mode 0600: it holds personal data. */
	int fd = mkstemp(tmp);
	if (fd < 0)
		return swi_error(d, SWI_EIO, "kan geen tijdelijk bestand maken in %s: %s", dir,
				 strerror(errno));
	struct fd_ctx f = {.fd = fd};
	struct swi_sink sink = {.write = fd_sink, .ctx = &f};
	rc = produce(d, flags, &sink);
	if (rc == SWI_EIO && f.err)
		swi_error(d, rc, "schrijven naar %s mislukt: %s", tmp, strerror(f.err));
	if (rc == SWI_OK && fsync(fd) != 0)
		rc = swi_error(d, SWI_EIO, "fsync van %s mislukt: %s", tmp, strerror(errno));
	if (close(fd) != 0 && rc == SWI_OK)
		rc = swi_error(d, SWI_EIO, "sluiten van %s mislukt: %s", tmp, strerror(errno));
	if (rc == SWI_OK && rename(tmp, path) != 0)
		rc = swi_error(d, SWI_EIO, "hernoemen naar %s mislukt: %s", path, strerror(errno));
	if (rc != SWI_OK) {
		unlink(tmp);
		return rc;
	}
	/* Make the rename durable where we can. The new file has replaced the old
	 * one by now, so a directory that cannot be opened for reading (a drop
	 * box, mode 0300) must not turn success into an error after the fact. */
	(void)fsync_dir(dir);
	if (path_buf)
		memcpy(path_buf, path, (size_t)n + 1);
	return SWI_OK;
}
