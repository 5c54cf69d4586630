#ifndef CHANSCOPE_PROCESS_SUPPORT_H
#define CHANSCOPE_PROCESS_SUPPORT_H

#include <stdint.h>
#include <sys/types.h>

/// Kernel calls Swift cannot make directly (`ioctl` and `fcntl` are variadic, `prctl` too), and
/// atomics on memory shared between processes (Swift's atomics live inside Swift objects).

/// Bytes queued in a pipe, FIFO or socket's receive queue (`FIONREAD`); -1 with errno on failure.
int chanscope_bytes_queued(int fd);
/// A pipe's buffer size (`F_GETPIPE_SZ`); -1 with errno on failure.
int chanscope_pipe_size(int fd);
/// Asks for a pipe buffer of at least `bytes` (`F_SETPIPE_SZ`); the size granted, or -1 with errno
/// (`EBUSY`: more is queued than fits; `EPERM`: above /proc/sys/fs/pipe-max-size).
int chanscope_set_pipe_size(int fd, int bytes);
/// Asks the kernel to send `signal` to this process when the thread that created it ends
/// (`PR_SET_PDEATHSIG`); 0, or -1 with errno.
int chanscope_die_with_parent(int signal);
/// An anonymous shared-memory file of `bytes` (`memfd_create`), or -1 with errno.
int chanscope_shared_memory(const char *name, size_t bytes);

/// One `write` (`read`) that never waits (`pwritev2`/`preadv2` with `RWF_NOWAIT`), on a
/// descriptor that is itself blocking: bytes moved, or -1 with errno (`EAGAIN`: it would wait).
/// Where the kernel does not support it for the file (`EOPNOTSUPP`), `poll` decides first.
ssize_t chanscope_try_write(int fd, const void *buffer, size_t bytes);
ssize_t chanscope_try_read(int fd, void *buffer, size_t bytes);

/// An unnamed pipe whose ends close on exec (`pipe2` with `O_CLOEXEC`); 0, or -1 with errno.
int chanscope_pipe(int fds[2]);
/// The calling thread's id (`gettid`), which `/proc/PID/task/TID` names.
int chanscope_thread_id(void);
/// Nanoseconds the calling thread has spent in the kernel (`getrusage(RUSAGE_THREAD)`'s
/// `ru_stime`), 0 where it cannot be read.
uint64_t chanscope_thread_system_nanos(void);

/// Atomic load and store of a 64-bit word in shared memory (sequentially consistent enough for
/// counters: acquire loads, release stores).
static inline uint64_t chanscope_load64(const uint64_t *word) { return __atomic_load_n(word, __ATOMIC_ACQUIRE); }
static inline void chanscope_store64(uint64_t *word, uint64_t value) { __atomic_store_n(word, value, __ATOMIC_RELEASE); }

#endif
