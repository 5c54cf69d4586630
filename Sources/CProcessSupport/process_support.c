#define _GNU_SOURCE
#include "process_support.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <unistd.h>

int chanscope_bytes_queued(int fd) {
    int bytes = 0;
    return ioctl(fd, FIONREAD, &bytes) == 0 ? bytes : -1;
}

int chanscope_pipe_size(int fd) { return fcntl(fd, F_GETPIPE_SZ); }

int chanscope_set_pipe_size(int fd, int bytes) { return fcntl(fd, F_SETPIPE_SZ, bytes); }

int chanscope_die_with_parent(int signal) { return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0, 0, 0); }

int chanscope_shared_memory(const char *name, size_t bytes) {
    int fd = memfd_create(name, MFD_CLOEXEC);
    if (fd < 0) return -1;
    if (ftruncate(fd, (off_t)bytes) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

/// Whether the descriptor is ready for `events` now (the fallback for `RWF_NOWAIT`).
static int ready_now(int fd, short events) {
    struct pollfd p = {.fd = fd, .events = events};
    return poll(&p, 1, 0) > 0;
}

ssize_t chanscope_try_write(int fd, const void *buffer, size_t bytes) {
    struct iovec v = {.iov_base = (void *)buffer, .iov_len = bytes};
    ssize_t n = pwritev2(fd, &v, 1, -1, RWF_NOWAIT);
    if (n >= 0 || errno != EOPNOTSUPP) return n;
    if (!ready_now(fd, POLLOUT)) {
        errno = EAGAIN;
        return -1;
    }
    return write(fd, buffer, bytes);
}

ssize_t chanscope_try_read(int fd, void *buffer, size_t bytes) {
    struct iovec v = {.iov_base = buffer, .iov_len = bytes};
    ssize_t n = preadv2(fd, &v, 1, -1, RWF_NOWAIT);
    if (n >= 0 || errno != EOPNOTSUPP) return n;
    if (!ready_now(fd, POLLIN)) {
        errno = EAGAIN;
        return -1;
    }
    return read(fd, buffer, bytes);
}

int chanscope_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int chanscope_thread_id(void) { return (int)gettid(); }

uint64_t chanscope_thread_system_nanos(void) {
    struct rusage usage;
    if (getrusage(RUSAGE_THREAD, &usage) != 0) return 0;
    return (uint64_t)usage.ru_stime.tv_sec * 1000000000ull + (uint64_t)usage.ru_stime.tv_usec * 1000ull;
}
