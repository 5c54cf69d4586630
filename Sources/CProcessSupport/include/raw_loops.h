#ifndef CHANSCOPE_RAW_LOOPS_H
#define CHANSCOPE_RAW_LOOPS_H

#include <stdint.h>

/// The kernel's own speed, the anchor of `chanscope bench --part transports`: the plainest C loop
/// that puts the same bytes on the wire as chanscope's worker processes do, between two
/// processes.
///
/// Forks a reader child that receives `messages` messages of `size` bytes while this process
/// writes them with blocking calls, one system call a message:
/// - 0 pipe (`pipe(2)`) and 1 FIFO (`mkfifo` at `path`): one `write` of the message, one `read`
///   loop of it;
/// - 2 unix-stream: a `SOCK_STREAM` socket listening at `path` (the reader accepts, this process
///   connects); each message one `send` of a 4-byte little-endian length then the payload, read
///   back with `recv` as the length, then the payload (each an exact-read loop);
/// - 3 unix-datagram: the reader's `SOCK_DGRAM` socket bound at `path`, this process connects to
///   it; one `send`/`recv` a datagram;
/// - 4 mqueue: a POSIX queue named `path` (a leading `/`), made with `O_CREAT | O_EXCL`,
///   `mq_maxmsg` the system's limit (`/proc/sys/fs/mqueue/msg_max`), `mq_msgsize` = `size`.
///
/// Returns the nanoseconds from the first message written (both ends open and connected) to the
/// reader's exit, or -1 if anything failed. Removes every file and queue it makes, on every path.
/// `SIGPIPE` from a reader that died is blocked in the calling thread and discarded (the loop
/// fails instead).
int64_t chanscope_raw_loop(int transport, const char *path, uint64_t messages, int size);

/// The transports `chanscope_raw_loop` knows (its first argument).
enum {
    CHANSCOPE_RAW_PIPE = 0,
    CHANSCOPE_RAW_FIFO = 1,
    CHANSCOPE_RAW_UNIX_STREAM = 2,
    CHANSCOPE_RAW_UNIX_DATAGRAM = 3,
    CHANSCOPE_RAW_MQUEUE = 4,
};

/// POSIX queues by name, for checking that the loop leaves none behind (Swift's Glibc module
/// has no `mqueue.h`): whether a queue of that name exists (1) or not (0); making one (0, or -1
/// with errno; it stays until removed); removing one (0, or -1 with errno).
int chanscope_raw_queue_exists(const char *name);
int chanscope_raw_queue_make(const char *name);
int chanscope_raw_queue_remove(const char *name);

#endif
