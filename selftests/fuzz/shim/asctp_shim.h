/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Just enough of the kernel's headers for module/chunk.c and
 * module/tsnmap.c to compile as userspace C, unchanged, for the
 * fuzzers.  Each shim header under linux/ and net/ includes this one.
 */
#ifndef _ASCTP_SHIM_H
#define _ASCTP_SHIM_H

#include <arpa/inet.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* the system's: __u8, __be16 and the like */
#include <linux/types.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

#define __packed	__attribute__((packed))
#define __percpu
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define BIT(n)		(1UL << (n))
#define fallthrough	__attribute__((__fallthrough__))

/* per-CPU counters: one CPU here */
#define this_cpu_inc(x)	((x)++)

static inline void memzero_explicit(void *p, size_t n)
{
	memset(p, 0, n);
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

#endif /* _ASCTP_SHIM_H */
