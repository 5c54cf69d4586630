#ifndef CHANSCOPE_SPIN_HINT_H
#define CHANSCOPE_SPIN_HINT_H

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

#endif
