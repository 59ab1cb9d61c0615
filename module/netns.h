/* SPDX-License-Identifier: GPL-2.0 */
/* Per network namespace state. */
#ifndef _ASCTP_NETNS_H
#define _ASCTP_NETNS_H

#include <net/net_namespace.h>

struct asctp_mib;
struct proc_dir_entry;

/* Set up in the namespace's init, torn down in its exit; read-only
 * in between, so no lock.
 */
struct asctp_net {
	struct asctp_mib __percpu *mib;
	struct proc_dir_entry *proc_dir;	/* /proc/net/asctp */
};

struct asctp_net *asctp_net(const struct net *net);

int asctp_netns_init(void);
void asctp_netns_exit(void);

#endif /* _ASCTP_NETNS_H */
