/* SPDX-License-Identifier: GPL-2.0 */
/* One thread here: cookie.h's lock is only a field. */
#ifndef _ASCTP_SHIM_LINUX_SPINLOCK_H
#define _ASCTP_SHIM_LINUX_SPINLOCK_H
#include "../asctp_shim.h"

typedef struct { int locked; } spinlock_t;
#endif
