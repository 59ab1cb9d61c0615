/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The differences between the kernels asctp builds for (6.1 and 6.12),
 * in one place.
 */
#ifndef _ASCTP_COMPAT_H
#define _ASCTP_COMPAT_H

#include <linux/version.h>

/* 6.10 passes accept()'s flags in struct proto_accept_arg. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)
#define ASCTP_ACCEPT_ARGS \
	struct socket *sock, struct socket *newsock, struct proto_accept_arg *arg
#define ASCTP_ACCEPT_FLAGS (arg->flags)
#else
#define ASCTP_ACCEPT_ARGS \
	struct socket *sock, struct socket *newsock, int flags, bool kern
#define ASCTP_ACCEPT_FLAGS (flags)
#endif

#endif /* _ASCTP_COMPAT_H */
