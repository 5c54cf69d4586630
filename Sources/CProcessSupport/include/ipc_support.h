#ifndef CHANSCOPE_IPC_SUPPORT_H
#define CHANSCOPE_IPC_SUPPORT_H

#include <stdint.h>
#include <sys/types.h>

/// The socket and message-queue calls of the Unix-socket and POSIX message-queue transports,
/// where Swift cannot make them directly (`ioctl`, `mq_open` and `fcntl` are variadic; a
/// `sockaddr_un` is awkward to fill from Swift). Every function returns -1 with errno on failure.

/// A Unix stream socket bound to `path` and listening (backlog 1), close-on-exec.
int chanscope_unix_listen(const char *path);
/// A Unix datagram socket bound to `path`, close-on-exec: the reading end of a datagram channel.
int chanscope_unix_bind_datagram(const char *path);
/// A Unix socket of `datagram` (1) or stream (0) type connected to `path`, close-on-exec.
int chanscope_unix_connect(const char *path, int datagram);
/// Accepts one connection on a listening socket, close-on-exec.
int chanscope_unix_accept(int listening);

/// `send`/`recv` of one buffer: `wait` 0 adds `MSG_DONTWAIT` (EAGAIN instead of waiting); a send
/// never raises `SIGPIPE` (`MSG_NOSIGNAL`).
ssize_t chanscope_socket_send(int fd, const void *buffer, size_t bytes, int wait);
ssize_t chanscope_socket_recv(int fd, void *buffer, size_t bytes, int wait);
/// Bytes in the socket's receive queue (`SIOCINQ`: payload on a stream, the next datagram's
/// size on a datagram socket) and buffer memory in use by what this socket sent and is not yet
/// read (`SIOCOUTQ`, payload plus the kernel's bookkeeping per write).
int chanscope_socket_inq(int fd);
int chanscope_socket_outq(int fd);
/// `SO_SNDBUF` as the kernel keeps it (twice what was asked, for its bookkeeping), and a request.
int chanscope_socket_send_buffer(int fd);
int chanscope_set_socket_send_buffer(int fd, int bytes);

/// A new POSIX message queue `name` (`O_CREAT | O_EXCL`, mode 0600) holding `messages` messages of
/// `bytes` each, closed again at once: the processes open it by name.
int chanscope_mq_create(const char *name, long messages, long bytes);
/// Opens an existing queue to write (`writing` 1) or read, blocking or not (`O_NONBLOCK`).
int chanscope_mq_open(const char *name, int writing, int nonblocking);
/// `mq_send` / `mq_receive` of one message (priority 0); the receive's buffer must hold the
/// queue's `mq_msgsize`.
int chanscope_mq_send(int queue, const void *buffer, size_t bytes);
ssize_t chanscope_mq_receive(int queue, void *buffer, size_t bytes);
/// `mq_getattr`: messages queued (`mq_curmsgs`), the limit (`mq_maxmsg`), the size (`mq_msgsize`).
int chanscope_mq_attributes(int queue, long *current, long *limit, long *size);
int chanscope_mq_close(int queue);
int chanscope_mq_unlink(const char *name);

#endif
