/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Live object counters, one per object type.  Tests read them from
 * /sys/kernel/debug/asctp/objects and expect zeros once everything is
 * closed; module exit warns about any that are not.
 */
#ifndef _ASCTP_OBJ_H
#define _ASCTP_OBJ_H

#include <linux/atomic.h>
#include <linux/types.h>

enum asctp_obj_type {
	ASCTP_OBJ_SOCK,
	ASCTP_OBJ_ASSOC,
	ASCTP_OBJ_MAX
};

extern atomic_long_t asctp_obj_live[ASCTP_OBJ_MAX];

static inline void asctp_obj_get(enum asctp_obj_type t)
{
	atomic_long_inc(&asctp_obj_live[t]);
}

static inline void asctp_obj_put(enum asctp_obj_type t)
{
	atomic_long_dec(&asctp_obj_live[t]);
}

/* Allocation fault injection (Documentation/fault-injection): asctp's
 * own allocations on the receive and send paths fail as
 * /sys/kernel/debug/asctp/fail_alloc/ says, the rest of the kernel's
 * do not.  Off until probability is set; compiled out without
 * CONFIG_FAULT_INJECTION_DEBUG_FS.
 */
#ifdef CONFIG_FAULT_INJECTION_DEBUG_FS
bool asctp_obj_fail(size_t size);
#else
static inline bool asctp_obj_fail(size_t size)
{
	return false;
}
#endif

int asctp_obj_init(void);
void asctp_obj_exit(void);

#endif /* _ASCTP_OBJ_H */
