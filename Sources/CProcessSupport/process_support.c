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
#include <sys/uio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int chanscope_bytes_queued(int fd) {
    int bytes = 0;
    return ioctl(fd, FIONREAD, &bytes) == 0 ? bytes : -1;
}

int chanscope_pipe_size(int fd) { return fcntl(fd, F_GETPIPE_SZ); }

int chanscope_set_pipe_size(int fd, int bytes) { return fcntl(fd, F_SETPIPE_SZ, bytes); }

int chanscope_set_nonblocking(int fd, int on) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return -1;
    int wanted = on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
    return wanted == flags ? 0 : fcntl(fd, F_SETFL, wanted);
}

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

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/// Writes or reads exactly `size` bytes, as a framed stream would; 0, or -1 on failure or end.
static int exact(int fd, char *buffer, int size, int writing) {
    int done = 0;
    while (done < size) {
        ssize_t n = writing ? write(fd, buffer + done, (size_t)(size - done)) : read(fd, buffer + done, (size_t)(size - done));
        if (n <= 0) {
            if (n < 0 && errno == EINTR) continue;
            return -1;
        }
        done += (int)n;
    }
    return 0;
}

int64_t chanscope_raw_pipe_loop(int kind, const char *path, uint64_t messages, int size) {
    if (size <= 0 || size > 65536) return -1;
    int fds[2] = {-1, -1};
    if (kind == 0) {
        if (pipe(fds) != 0) return -1;
    } else if (mkfifo(path, 0600) != 0) {
        return -1;
    }
    pid_t child = fork();
    if (child < 0) return -1;
    if (child == 0) {
        char buffer[65536];
        int in = kind == 0 ? fds[0] : open(path, O_RDONLY);
        if (kind == 0) close(fds[1]);
        for (uint64_t i = 0; i < messages; i++) {
            if (exact(in, buffer, size, 0) != 0) _exit(1);
        }
        _exit(0);
    }
    char buffer[65536];
    memset(buffer, 7, sizeof buffer);
    int out = kind == 0 ? fds[1] : open(path, O_WRONLY);
    if (kind == 0) close(fds[0]);
    int64_t start = now_ns();
    int failed = 0;
    for (uint64_t i = 0; i < messages && !failed; i++) failed = exact(out, buffer, size, 1) != 0;
    close(out);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    int64_t elapsed = now_ns() - start;
    if (kind == 1) unlink(path);
    return failed || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ? -1 : elapsed;
}
