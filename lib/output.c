/*
 * The public writers: to a buffer, to a descriptor, and atomically into a
 * directory under the guideline's file name. They share one path: check
 * the delivery, then stream the XML (or the zip) into a sink.
 */
#define _GNU_SOURCE /* O_TMPFILE, AT_EMPTY_PATH, mkostemp, flock */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
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
	const struct swi_write_dir_hooks *hooks; /* tests only; NULL otherwise */
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
	if (f->hooks && f->hooks->after_write)
		f->hooks->after_write(f->hooks->ud, f->fd);
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
	char eb[SWI_ERRNO_TEXT_MAX];
	if (rc == SWI_EIO && f.err)
		swi_error(d, rc, "schrijven naar descriptor %d mislukt: %s", fd,
			  swi_errno_text(f.err, eb, sizeof(eb)));
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

/*
 * Temporary files. Their names are TMP_PREFIX, the writer's PID, '.', and
 * six letters or digits: ".SWI-tmp.4711.aB3xY9". While a writer uses one it
 * holds an flock() on it, from before the first byte until after the
 * rename. Every write_dir first removes the temporary files of this
 * pattern in its directory that no live writer can own (clean_stale).
 */
#define TMP_PREFIX ".SWI-tmp."
#define TMP_RANDOM 6

/* The PID in a temporary file's name, or 0 if `name` is not one of ours. */
static long tmp_name_pid(const char *name)
{
	size_t plen = sizeof(TMP_PREFIX) - 1;
	if (strncmp(name, TMP_PREFIX, plen) != 0)
		return 0;
	const char *s = name + plen;
	long pid = 0;
	size_t digits = 0;
	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		if (digits >= 10)
			return 0;
		pid = pid * 10 + (*s - '0');
	}
	if (!digits || pid <= 0 || pid > INT_MAX || *s++ != '.')
		return 0;
	for (size_t i = 0; i < TMP_RANDOM; i++, s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
			return 0;
	return *s ? 0 : pid;
}

/*
 * libswi 0.1 named its temporary file "." + the guideline name + "." + six
 * mkstemp letters (".SWI_0153_0153_20263.XML.aB3xY9"), without PID or
 * lock, so a killed 0.1 write left the whole file behind. True for such a
 * name.
 */
static bool legacy_tmp_name(const char *name)
{
	static const char shape[] = ".SWI_9999_9999_99999.";
	size_t n = strlen(name);
	if (n != sizeof(shape) - 1 + 3 + 1 + TMP_RANDOM)
		return false;
	for (size_t i = 0; i < sizeof(shape) - 1; i++)
		if (shape[i] == '9' ? !(name[i] >= '0' && name[i] <= '9') : name[i] != shape[i])
			return false;
	const char *ext = name + sizeof(shape) - 1;
	if (strncmp(ext, "XML.", 4) != 0 && strncmp(ext, "zip.", 4) != 0)
		return false;
	for (const char *s = ext + 4; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
			return false;
	return true;
}

/* A 0.1 writer streams without pause; one silent this long is gone. */
#define LEGACY_TMP_IDLE_SECONDS (15 * 60)

static bool pid_dead(long pid)
{
	/* Signal 0 sends nothing; EPERM means it exists under another user. */
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

/*
 * Removes our temporary files in `dir` whose writer is gone: a regular file
 * (never a symlink: not followed, not removed) whose lock we can take and
 * that holds data (a live writer locks before its first byte) or whose PID
 * is dead and not ours. A file we cannot open or lock is removed only when
 * its PID is dead and not ours. Best effort: a directory that cannot be
 * listed (a drop box, mode 0300) is left alone.
 */
static void clean_stale(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	int dfd = dirfd(dp);
	long self = (long)getpid();
	struct dirent *e;
	while ((e = readdir(dp))) {
		long pid = tmp_name_pid(e->d_name);
		bool legacy = !pid && legacy_tmp_name(e->d_name);
		if (!pid && !legacy)
			continue;
		struct stat st, fst;
		if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (legacy) {
			if (time(NULL) - st.st_mtime >= LEGACY_TMP_IDLE_SECONDS)
				unlinkat(dfd, e->d_name, 0);
			continue;
		}
		bool other_dead = pid != self && pid_dead(pid);
		bool remove = other_dead;
		int fd = openat(dfd, e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd >= 0) {
			if (fstat(fd, &fst) != 0 || fst.st_dev != st.st_dev || fst.st_ino != st.st_ino) {
				remove = false; /* replaced under us: not this round */
			} else if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
				remove = fst.st_size > 0 || other_dead;
			} else if (errno == EWOULDBLOCK) {
				remove = false; /* a live writer holds it */
			}
		}
		if (remove)
			unlinkat(dfd, e->d_name, 0);
		if (fd >= 0)
			close(fd); /* also drops our lock */
	}
	closedir(dp);
}

/* A fresh temporary name in dir for linkat(); mkstemp's alphabet. */
static void tmp_name(char *out, size_t size, const char *dir, unsigned attempt)
{
	static const char alnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^
		     ((uint64_t)getpid() << 40) ^ (uint64_t)(uintptr_t)out ^
		     (attempt * UINT64_C(0x9E3779B97F4A7C15));
	char rnd[TMP_RANDOM + 1];
	for (size_t i = 0; i < TMP_RANDOM; i++) {
		/* splitmix64 */
		x += UINT64_C(0x9E3779B97F4A7C15);
		uint64_t z = x;
		z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
		z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
		z ^= z >> 31;
		rnd[i] = alnum[z % (sizeof(alnum) - 1)];
	}
	rnd[TMP_RANDOM] = '\0';
	snprintf(out, size, "%s/" TMP_PREFIX "%ld.%s", dir, (long)getpid(), rnd);
}

/*
 * Gives the unnamed O_TMPFILE inode `fd` the temporary name `tmp` (so that
 * rename() can then replace the target atomically). 0, or -1 with errno.
 */
static int link_tmpfile(int fd, char *tmp, size_t size, const char *dir)
{
	char proc[64];
	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	for (unsigned attempt = 0; attempt < 100; attempt++) {
		tmp_name(tmp, size, dir, attempt);
		/* Through /proc needs no privilege; AT_EMPTY_PATH needs
		 * CAP_DAC_READ_SEARCH but no /proc. */
		if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
			return 0;
		if (errno == EEXIST)
			continue;
#ifdef AT_EMPTY_PATH
		if (linkat(fd, "", AT_FDCWD, tmp, AT_EMPTY_PATH) == 0)
			return 0;
		if (errno == EEXIST)
			continue;
#endif
		return -1;
	}
	errno = EEXIST;
	return -1;
}

/* Where the bytes go: an unnamed O_TMPFILE inode, or a named temp file. */
enum tmp_kind { TMP_UNNAMED, TMP_NAMED };

/*
 * Opens the temporary file: mode 0600 whatever the umask (fchmod after the
 * create, as umask can only take bits away), locked (see clean_stale).
 * Returns the fd, or -1 with errno; *kind says which one it is (for a named
 * one, `tmp` holds its path).
 */
static int open_tmp(const char *dir, bool try_unnamed, enum tmp_kind *kind, char *tmp,
		    size_t size)
{
	int fd = -1;
	tmp[0] = '\0';
#ifdef O_TMPFILE
	if (try_unnamed) {
		fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
		/* EISDIR: a kernel without O_TMPFILE; EOPNOTSUPP: a file system
		 * without it. Anything else (ENOENT, EACCES) is the real answer. */
		if (fd < 0 && errno != EISDIR && errno != EOPNOTSUPP && errno != EINVAL)
			return -1;
		*kind = TMP_UNNAMED;
	}
#else
	(void)try_unnamed;
#endif
	if (fd < 0) {
		snprintf(tmp, size, "%s/" TMP_PREFIX "%ld.XXXXXX", dir, (long)getpid());
		fd = mkostemp(tmp, O_CLOEXEC);
		if (fd < 0)
			return -1;
		*kind = TMP_NAMED;
	}
	/* No byte before the lock: a file with data and no lock is an orphan. */
	(void)flock(fd, LOCK_EX | LOCK_NB);
	if (fchmod(fd, 0600) != 0) {
		int saved = errno;
		if (*kind == TMP_NAMED)
			unlink(tmp);
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

int swi_write_dir_with(swi_delivery *d, unsigned flags, const char *dir, char *path_buf,
		       size_t path_size, const struct swi_write_dir_hooks *hooks)
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
	/* The longest temporary name: prefix, a 10-digit PID, '.', 6 letters. */
	if (n < 0 || (size_t)n >= sizeof(path) ||
	    strlen(dir) + 1 + sizeof(TMP_PREFIX) + 10 + 1 + TMP_RANDOM >= sizeof(tmp))
		return swi_error(d, SWI_EINVAL, "pad te lang: %s", dir);
	if (path_buf && path_size <= (size_t)n)
		return swi_error(d, SWI_EBUFFER, "buffer van %zu bytes te klein voor het pad (%d nodig)",
				 path_size, n + 1);

	clean_stale(dir);
	char eb[SWI_ERRNO_TEXT_MAX];
	bool try_unnamed = !(hooks && hooks->no_tmpfile);
	for (;;) {
		enum tmp_kind kind = TMP_NAMED;
		int fd = open_tmp(dir, try_unnamed, &kind, tmp, sizeof(tmp));
		if (fd < 0)
			return swi_error(d, SWI_EIO, "kan geen tijdelijk bestand maken in %s: %s", dir,
					 swi_errno_text(errno, eb, sizeof(eb)));
		struct fd_ctx f = {.fd = fd, .hooks = hooks};
		struct swi_sink sink = {.write = fd_sink, .ctx = &f};
		rc = produce(d, flags, &sink);
		if (rc == SWI_EIO && f.err)
			swi_error(d, rc, "schrijven naar een tijdelijk bestand in %s mislukt: %s", dir,
				  swi_errno_text(f.err, eb, sizeof(eb)));
		if (rc == SWI_OK && fsync(fd) != 0)
			rc = swi_error(d, SWI_EIO, "fsync van een tijdelijk bestand in %s mislukt: %s",
				       dir, swi_errno_text(errno, eb, sizeof(eb)));
		if (rc == SWI_OK && kind == TMP_UNNAMED && link_tmpfile(fd, tmp, sizeof(tmp), dir) != 0) {
			/* No /proc and no CAP_DAC_READ_SEARCH: write it again, named. */
			close(fd);
			try_unnamed = false;
			continue;
		}
		/* The lock is held over the rename, so no cleaner removes the name. */
		if (rc == SWI_OK && rename(tmp, path) != 0)
			rc = swi_error(d, SWI_EIO, "hernoemen naar %s mislukt: %s", path,
				       swi_errno_text(errno, eb, sizeof(eb)));
		if (rc != SWI_OK && tmp[0])
			unlink(tmp);
		/* After a good fsync, close() has nothing left to report. */
		close(fd);
		if (rc != SWI_OK)
			return rc;
		break;
	}
	/* Make the rename durable where we can. The new file has replaced the old
	 * one by now, so a directory that cannot be opened for reading (a drop
	 * box, mode 0300) must not turn success into an error after the fact. */
	(void)fsync_dir(dir);
	if (path_buf)
		memcpy(path_buf, path, (size_t)n + 1);
	return SWI_OK;
}

SWI_EXPORT int swi_delivery_write_dir(swi_delivery *d, unsigned flags, const char *dir,
				      char *path_buf, size_t path_size)
{
	return swi_write_dir_with(d, flags, dir, path_buf, path_size, NULL);
}
