/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The differences between the kernels asctp builds for (6.1 and 6.12),
 * in one place.
 */
#ifndef _ASCTP_COMPAT_H
#define _ASCTP_COMPAT_H

#include <net/net_namespace.h>

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

/* A per-namespace copy of a table of @n entries (the end entry too,
 * before 6.6).
 */
static inline struct ctl_table_header *
asctp_register_net_sysctl(struct net *net, const char *path,
			  struct ctl_table *tbl, size_t n)
{
#ifdef ASCTP_HAVE_SYSCTL_SZ
	return register_net_sysctl_sz(net, path, tbl, n);
#else
	return register_net_sysctl(net, path, tbl);
#endif
}

/* 6.11 passes proc handlers a const table. */
#ifdef ASCTP_HAVE_CONST_CTL
#define ASCTP_CTL_TABLE const struct ctl_table
#else
#define ASCTP_CTL_TABLE struct ctl_table
#endif

#endif /* _ASCTP_COMPAT_H */
