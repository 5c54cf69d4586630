#define _GNU_SOURCE
#include "ipc_support.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/sockios.h>
#include <mqueue.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/// Fills `address` with `path`; 0, or -1 with `ENAMETOOLONG` (a socket path holds 107 bytes).
static int unix_address(struct sockaddr_un *address, const char *path) {
    memset(address, 0, sizeof *address);
    address->sun_family = AF_UNIX;
    if (strlen(path) >= sizeof address->sun_path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(address->sun_path, path);
    return 0;
}

/// A socket of `type` bound to `path`, or -1 (the socket closed again, errno kept).
static int bound(const char *path, int type) {
    struct sockaddr_un address;
    if (unix_address(&address, path) != 0) return -1;
    int fd = socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    if (bind(fd, (struct sockaddr *)&address, sizeof address) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int chanscope_unix_listen(const char *path) {
    int fd = bound(path, SOCK_STREAM);
    if (fd >= 0 && listen(fd, 1) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int chanscope_unix_bind_datagram(const char *path) { return bound(path, SOCK_DGRAM); }

int chanscope_unix_connect(const char *path, int datagram) {
    struct sockaddr_un address;
    if (unix_address(&address, path) != 0) return -1;
    int fd = socket(AF_UNIX, (datagram ? SOCK_DGRAM : SOCK_STREAM) | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    int result;
    do { result = connect(fd, (struct sockaddr *)&address, sizeof address); } while (result != 0 && errno == EINTR);
    if (result != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

int chanscope_unix_accept(int listening) {
    int fd;
    do { fd = accept4(listening, NULL, NULL, SOCK_CLOEXEC); } while (fd < 0 && errno == EINTR);
    return fd;
}

ssize_t chanscope_socket_send(int fd, const void *buffer, size_t bytes, int wait) {
    return send(fd, buffer, bytes, MSG_NOSIGNAL | (wait ? 0 : MSG_DONTWAIT));
}

ssize_t chanscope_socket_recv(int fd, void *buffer, size_t bytes, int wait) {
    return recv(fd, buffer, bytes, wait ? 0 : MSG_DONTWAIT);
}

int chanscope_socket_inq(int fd) {
    int bytes = 0;
    return ioctl(fd, SIOCINQ, &bytes) == 0 ? bytes : -1;
}

int chanscope_socket_outq(int fd) {
    int bytes = 0;
    return ioctl(fd, SIOCOUTQ, &bytes) == 0 ? bytes : -1;
}

int chanscope_socket_send_buffer(int fd) {
    int bytes = 0;
    socklen_t length = sizeof bytes;
    return getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bytes, &length) == 0 ? bytes : -1;
}

int chanscope_set_socket_send_buffer(int fd, int bytes) {
    return setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
}

int chanscope_mq_create(const char *name, long messages, long bytes) {
    struct mq_attr attributes = {.mq_maxmsg = messages, .mq_msgsize = bytes};
    mqd_t queue = mq_open(name, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600, &attributes);
    if (queue == (mqd_t)-1) return -1;
    mq_close(queue);
    return 0;
}

int chanscope_mq_open(const char *name, int writing, int nonblocking) {
    int flags = (writing ? O_WRONLY : O_RDONLY) | O_CLOEXEC | (nonblocking ? O_NONBLOCK : 0);
    mqd_t queue = mq_open(name, flags);
    return queue == (mqd_t)-1 ? -1 : (int)queue;
}

int chanscope_mq_send(int queue, const void *buffer, size_t bytes) { return mq_send((mqd_t)queue, buffer, bytes, 0); }

ssize_t chanscope_mq_receive(int queue, void *buffer, size_t bytes) { return mq_receive((mqd_t)queue, buffer, bytes, NULL); }

int chanscope_mq_attributes(int queue, long *current, long *limit, long *size) {
    struct mq_attr attributes;
    if (mq_getattr((mqd_t)queue, &attributes) != 0) return -1;
    *current = attributes.mq_curmsgs;
    *limit = attributes.mq_maxmsg;
    *size = attributes.mq_msgsize;
    return 0;
}

int chanscope_mq_close(int queue) { return mq_close((mqd_t)queue); }

int chanscope_mq_unlink(const char *name) { return mq_unlink(name); }
