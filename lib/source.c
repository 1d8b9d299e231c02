/*
 * The reader's byte sources: a descriptor or memory, and the look at the
 * first bytes that tells a zip archive from an XML text.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "source.h"
#include "private.h"

/* Opens `path` for reading, or says why not (errno: ENOENT, EACCES, EISDIR...). */
static int open_input(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		int e = errno;
		close(fd);
		errno = S_ISDIR(st.st_mode) ? EISDIR : e;
		return -1;
	}
	return fd;
}

/* A local header first, or the end record of an empty archive. */
static bool is_zip(const unsigned char *magic, size_t n)
{
	return n >= 4 && magic[0] == 'P' && magic[1] == 'K' &&
	       ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
}

int swi_input_open(struct swi_input *in, const void *data, size_t size, const char *path)
{
	memset(in, 0, sizeof(*in));
	in->fd = -1;
	unsigned char magic[4];
	size_t n_magic = 0;
	if (path) {
		in->fd = open_input(path);
		if (in->fd < 0)
			return SWI_EIO;
		ssize_t got = pread(in->fd, magic, sizeof(magic), 0);
		n_magic = got > 0 ? (size_t)got : 0;
	} else {
		in->data = data;
		in->size = size;
		n_magic = size < sizeof(magic) ? size : sizeof(magic);
		memcpy(magic, data, n_magic);
	}
	in->zipped = is_zip(magic, n_magic);
	return SWI_OK;
}

int swi_input_read(void *ctx, char *buf, size_t size)
{
	struct swi_input *in = ctx;
	if (in->fd < 0) {
		size_t n = in->size - in->pos < size ? in->size - in->pos : size;
		memcpy(buf, in->data + in->pos, n);
		in->pos += n;
		return (int)n;
	}
	for (;;) {
		ssize_t n = read(in->fd, buf, size);
		if (n >= 0)
			return (int)n;
		if (errno != EINTR)
			return -1;
	}
}

void swi_input_close(struct swi_input *in)
{
	if (in->fd >= 0) {
		int e = errno;
		close(in->fd);
		in->fd = -1;
		errno = e;
	}
}
