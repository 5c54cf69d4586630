#define _GNU_SOURCE
#include "raw_loops.h"

#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The largest message a loop moves (the stream's 4-byte length comes on top). */
#define RAW_MAX 65536
#define LENGTH_BYTES 4

static int64_t raw_now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* Writes or reads exactly `size` bytes, with `send`/`recv` on a socket as chanscope's worker
 * does; 0, or -1 on an error or end of file. */
static int raw_exact(int fd, char *buffer, size_t size, int writing, int socket) {
    size_t done = 0;
    while (done < size) {
        ssize_t n = socket ? (writing ? send(fd, buffer + done, size - done, MSG_NOSIGNAL) : recv(fd, buffer + done, size - done, 0))
                           : (writing ? write(fd, buffer + done, size - done) : read(fd, buffer + done, size - done));
        if (n <= 0) {
            if (n < 0 && errno == EINTR) continue;
            return -1;
        }
        done += (size_t)n;
    }
    return 0;
}

/* One datagram of exactly `size` bytes sent or received; 0 or -1. */
static int raw_datagram(int fd, char *buffer, size_t size, int writing) {
    for (;;) {
        ssize_t n = writing ? send(fd, buffer, size, MSG_NOSIGNAL) : recv(fd, buffer, size + 1, 0);
        if (n < 0 && errno == EINTR) continue;
        return n == (ssize_t)size ? 0 : -1;
    }
}

static int raw_message_queue(mqd_t queue, char *buffer, size_t size, int writing) {
    for (;;) {
        ssize_t n = writing ? (mq_send(queue, buffer, size, 0) == 0 ? (ssize_t)size : -1)
                            : mq_receive(queue, buffer, size, NULL);
        if (n < 0 && errno == EINTR) continue;
        return n == (ssize_t)size ? 0 : -1;
    }
}

static void raw_put_length(char *buffer, uint32_t length) {
    for (int i = 0; i < LENGTH_BYTES; i++) buffer[i] = (char)(length >> (8 * i));
}

static uint32_t raw_get_length(const char *buffer) {
    uint32_t length = 0;
    for (int i = 0; i < LENGTH_BYTES; i++) length |= (uint32_t)(unsigned char)buffer[i] << (8 * i);
    return length;
}

/* A unix socket's address at `path`; -1 if the path does not fit. */
static int raw_address(const char *path, struct sockaddr_un *address) {
    memset(address, 0, sizeof *address);
    address->sun_family = AF_UNIX;
    if (strlen(path) >= sizeof address->sun_path) return -1;
    strcpy(address->sun_path, path);
    return 0;
}

/* The kernel's ceiling for a queue's depth, as chanscope's worker reads it. */
static long raw_queue_depth(void) {
    long depth = 10;
    FILE *file = fopen("/proc/sys/fs/mqueue/msg_max", "r");
    if (file) {
        if (fscanf(file, "%ld", &depth) != 1 || depth < 1) depth = 10;
        fclose(file);
    }
    return depth;
}

/* What the two processes share once the kernel object exists. */
struct raw_channel {
    int transport;
    int read_fd, write_fd; /* pipe ends; the listening or bound socket as read_fd */
    mqd_t queue;
    struct sockaddr_un address;
    /* Whether this call made the name at `path` (else it is another's: never removed). */
    int named;
};

/* Makes the kernel object (before the fork, so the reader's end exists when the writer opens). */
static int raw_make(struct raw_channel *c, const char *path, int size) {
    c->read_fd = c->write_fd = -1;
    c->queue = (mqd_t)-1;
    switch (c->transport) {
    case CHANSCOPE_RAW_PIPE: {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) return -1;
        c->read_fd = fds[0];
        c->write_fd = fds[1];
        return 0;
    }
    case CHANSCOPE_RAW_FIFO:
        c->named = mkfifo(path, 0600) == 0;
        return c->named ? 0 : -1;
    case CHANSCOPE_RAW_UNIX_STREAM:
    case CHANSCOPE_RAW_UNIX_DATAGRAM: {
        if (raw_address(path, &c->address) != 0) return -1;
        int stream = c->transport == CHANSCOPE_RAW_UNIX_STREAM;
        c->read_fd = socket(AF_UNIX, (stream ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC, 0);
        if (c->read_fd < 0) return -1;
        if (bind(c->read_fd, (struct sockaddr *)&c->address, sizeof c->address) != 0) return -1;
        c->named = 1;
        return stream ? listen(c->read_fd, 1) : 0;
    }
    case CHANSCOPE_RAW_MQUEUE: {
        struct mq_attr attributes = {.mq_maxmsg = raw_queue_depth(), .mq_msgsize = size};
        c->queue = mq_open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600, &attributes);
        c->named = c->queue != (mqd_t)-1;
        return c->named ? 0 : -1;
    }
    }
    return -1;
}

/* Removes the name (FIFO, socket file or queue) and closes what this process holds. */
static void raw_unmake(struct raw_channel *c, const char *path) {
    if (c->read_fd >= 0) close(c->read_fd);
    if (c->write_fd >= 0) close(c->write_fd);
    if (c->queue != (mqd_t)-1) mq_close(c->queue);
    c->read_fd = c->write_fd = -1;
    c->queue = (mqd_t)-1;
    if (!c->named) return;
    c->named = 0;
    switch (c->transport) {
    case CHANSCOPE_RAW_FIFO:
    case CHANSCOPE_RAW_UNIX_STREAM:
    case CHANSCOPE_RAW_UNIX_DATAGRAM: unlink(path); break;
    case CHANSCOPE_RAW_MQUEUE: mq_unlink(path); break;
    }
}

/* One message moved in either direction, framed as chanscope frames it. */
static int raw_move(const struct raw_channel *c, int fd, char *buffer, int size, int writing) {
    switch (c->transport) {
    case CHANSCOPE_RAW_UNIX_STREAM:
        if (writing) return raw_exact(fd, buffer, LENGTH_BYTES + (size_t)size, 1, 1);
        if (raw_exact(fd, buffer, LENGTH_BYTES, 0, 1) != 0 || raw_get_length(buffer) != (uint32_t)size) return -1;
        return raw_exact(fd, buffer + LENGTH_BYTES, (size_t)size, 0, 1);
    case CHANSCOPE_RAW_UNIX_DATAGRAM: return raw_datagram(fd, buffer, (size_t)size, writing);
    case CHANSCOPE_RAW_MQUEUE: return raw_message_queue(c->queue, buffer, (size_t)size, writing);
    default: return raw_exact(fd, buffer, (size_t)size, writing, 0);
    }
}

/* The reader child: opens its end, receives every message, exits 0 (only system calls here:
 * the parent may have other threads). */
static void raw_reader(const struct raw_channel *c, const char *path, uint64_t messages, int size) {
    static char buffer[LENGTH_BYTES + RAW_MAX + 1];
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    int fd = c->read_fd;
    if (c->transport == CHANSCOPE_RAW_PIPE) close(c->write_fd);
    if (c->transport == CHANSCOPE_RAW_FIFO) fd = open(path, O_RDONLY | O_CLOEXEC);
    if (c->transport == CHANSCOPE_RAW_UNIX_STREAM) {
        fd = accept4(c->read_fd, NULL, NULL, SOCK_CLOEXEC);
        close(c->read_fd);
    }
    if (fd < 0 && c->transport != CHANSCOPE_RAW_MQUEUE) _exit(2);
    for (uint64_t i = 0; i < messages; i++) {
        if (raw_move(c, fd, buffer, size, 0) != 0) _exit(1);
    }
    _exit(0);
}

/* The writer's end, in this process: the pipe's, or a FIFO or socket opened or connected. */
static int raw_writer_end(struct raw_channel *c, const char *path) {
    switch (c->transport) {
    case CHANSCOPE_RAW_PIPE: {
        int fd = c->write_fd;
        c->write_fd = -1;
        return fd;
    }
    case CHANSCOPE_RAW_FIFO: return open(path, O_WRONLY | O_CLOEXEC);
    case CHANSCOPE_RAW_UNIX_STREAM:
    case CHANSCOPE_RAW_UNIX_DATAGRAM: {
        int stream = c->transport == CHANSCOPE_RAW_UNIX_STREAM;
        int fd = socket(AF_UNIX, (stream ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC, 0);
        if (fd >= 0 && connect(fd, (struct sockaddr *)&c->address, sizeof c->address) != 0) {
            close(fd);
            return -1;
        }
        return fd;
    }
    default: return 0; /* the queue's descriptor is in the channel */
    }
}

/* The writer's side, in this process: every message, then its end closed; 0 or -1. */
static int raw_writer(struct raw_channel *c, const char *path, uint64_t messages, int size, int64_t *start) {
    int out = raw_writer_end(c, path);
    if (out < 0) return -1;
    /* Both ends open: neither process needs the name any more. */
    if (c->transport == CHANSCOPE_RAW_FIFO || c->transport == CHANSCOPE_RAW_UNIX_STREAM
        || c->transport == CHANSCOPE_RAW_UNIX_DATAGRAM) {
        unlink(path);
        c->named = 0;
    }
    int failed = 0;
    char *buffer = calloc(1, LENGTH_BYTES + RAW_MAX);
    if (buffer == NULL) {
        failed = 1;
    } else {
        memset(buffer, 7, LENGTH_BYTES + (size_t)size);
        if (c->transport == CHANSCOPE_RAW_UNIX_STREAM) raw_put_length(buffer, (uint32_t)size);
        *start = raw_now();
        for (uint64_t i = 0; i < messages && !failed; i++) failed = raw_move(c, out, buffer, size, 1) != 0;
        free(buffer);
    }
    if (c->transport != CHANSCOPE_RAW_MQUEUE) close(out);
    return failed ? -1 : 0;
}

int64_t chanscope_raw_loop(int transport, const char *path, uint64_t messages, int size) {
    if (size <= 0 || size > RAW_MAX || transport < CHANSCOPE_RAW_PIPE || transport > CHANSCOPE_RAW_MQUEUE) return -1;
    struct raw_channel c = {.transport = transport};
    if (raw_make(&c, path, size) != 0) {
        raw_unmake(&c, path);
        return -1;
    }
    /* The queue's name can go at once: both processes keep the descriptor. */
    if (transport == CHANSCOPE_RAW_MQUEUE) {
        mq_unlink(path);
        c.named = 0;
    }
    pid_t child = fork();
    if (child == 0) raw_reader(&c, path, messages, size);
    /* The reader's end is the child's alone, so its death is this side's EPIPE or refusal. */
    if (c.read_fd >= 0) close(c.read_fd);
    c.read_fd = -1;
    /* A reader that died fails the loop with EPIPE instead of killing this process. */
    sigset_t pipe_signal, previous;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
    int64_t start = raw_now();
    int failed = child < 0 || raw_writer(&c, path, messages, size, &start) != 0;
    if (failed && child > 0) kill(child, SIGKILL);
    int status = 0;
    while (child > 0 && waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    int64_t elapsed = raw_now() - start;
    raw_unmake(&c, path);
    /* Discard a SIGPIPE this thread got, then restore its mask. */
    struct timespec none = {0, 0};
    while (sigtimedwait(&pipe_signal, NULL, &none) == SIGPIPE) {}
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    return failed || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ? -1 : elapsed;
}

int chanscope_raw_queue_exists(const char *name) {
    mqd_t queue = mq_open(name, O_RDONLY | O_CLOEXEC);
    if (queue == (mqd_t)-1) return errno != ENOENT;
    mq_close(queue);
    return 1;
}

int chanscope_raw_queue_make(const char *name) {
    mqd_t queue = mq_open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600, NULL);
    if (queue == (mqd_t)-1) return -1;
    mq_close(queue);
    return 0;
}

int chanscope_raw_queue_remove(const char *name) { return mq_unlink(name); }
