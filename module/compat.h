/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The differences between the kernels asctp builds for (6.1 and 6.12),
 * in one place.
 */
#ifndef _ASCTP_COMPAT_H
#define _ASCTP_COMPAT_H

/* Kbuild probes the kernel's headers for what changed, and says so
 * with ASCTP_HAVE_* defines.
 */

/* 6.10 passes accept()'s flags in struct proto_accept_arg. */
#ifdef ASCTP_HAVE_ACCEPT_ARG
#define ASCTP_ACCEPT_ARGS \
	struct socket *sock, struct socket *newsock, struct proto_accept_arg *arg
#define ASCTP_ACCEPT_FLAGS (arg->flags)
#else
#define ASCTP_ACCEPT_ARGS \
	struct socket *sock, struct socket *newsock, int flags, bool kern
#define ASCTP_ACCEPT_FLAGS (flags)
#endif

/* 6.6 sizes sysctl tables (register_net_sysctl_sz()); before, an
 * empty entry ends them.
 */
#ifdef ASCTP_HAVE_SYSCTL_SZ
#define ASCTP_SYSCTL_TABLE_END
#else
#define ASCTP_SYSCTL_TABLE_END { }
#endif

#endif /* _ASCTP_COMPAT_H */
