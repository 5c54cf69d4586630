#ifndef CHANSCOPE_THREAD_SUPPORT_H
#define CHANSCOPE_THREAD_SUPPORT_H

#include <pthread.h>

/// Tells the CPU that the calling thread is busy-waiting on memory another core will write:
/// `pause` on x86 (the core stops speculating ahead of the loop, lets its hyper-thread sibling
/// run and saves power), `yield` on ARM. Swift has no spelling for either, hence this header.
static inline void chanscope_cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__) || defined(__arm__)
    __asm__ __volatile__("yield" ::: "memory");
#endif
}

#if defined(__linux__)
/// glibc declares it only under _GNU_SOURCE, which a module header cannot turn on for headers
/// Swift has already imported.
extern int pthread_setname_np(pthread_t thread, const char *name);
#endif

/// Names the calling thread (at most 15 bytes on Linux; the caller cuts longer names).
static inline void chanscope_name_current_thread(const char *name) {
#if defined(__linux__)
    (void)pthread_setname_np(pthread_self(), name);
#elif defined(__APPLE__)
    (void)pthread_setname_np(name);
#endif
}

#endif
