/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Live object counters, one per object type.  Tests read them from
 * /sys/kernel/debug/asctp/objects and expect zeros once everything is
 * closed; module exit warns about any that are not.
 */
#ifndef _ASCTP_OBJ_H
#define _ASCTP_OBJ_H

#include <linux/atomic.h>

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

int asctp_obj_init(void);
void asctp_obj_exit(void);

#endif /* _ASCTP_OBJ_H */
