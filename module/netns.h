/* SPDX-License-Identifier: GPL-2.0 */
/* Per network namespace state. */
#ifndef _ASCTP_NETNS_H
#define _ASCTP_NETNS_H

#include <linux/spinlock.h>
#include <linux/types.h>
#include <net/net_namespace.h>

#include "cookie.h"
#include "encap.h"

struct asctp_mib;
struct proc_dir_entry;
struct sock;

enum asctp_hash_size {
	ASCTP_HASH_BITS	= 10,
	ASCTP_HASH_SIZE	= 1 << ASCTP_HASH_BITS,
};

/* mib, proc_dir and ctl_sk are set in the namespace's init and torn
 * down in its exit: read-only in between.  The hash chains are written
 * under hash_lock (BH-safe) and read under RCU.
 */
struct asctp_net {
	struct asctp_mib __percpu *mib;
	struct proc_dir_entry *proc_dir;	/* /proc/net/asctp */
	struct sock *ctl_sk;		/* sends replies that have no socket */
	struct sock *ctl_sk6;		/* ... over IPv6; NULL without it */
	struct asctp_secrets secrets;	/* State Cookie MAC keys */
	struct asctp_encap_net encap;	/* RFC 6951 UDP socket, sysctls */
	spinlock_t hash_lock;
	struct hlist_head vtag_hash[ASCTP_HASH_SIZE];	/* by my_vtag */
	struct hlist_head tuple_hash[ASCTP_HASH_SIZE];	/* by ports + peer */
	struct hlist_head port_hash[ASCTP_HASH_SIZE];	/* bound sockets */
};

struct asctp_net *asctp_net(const struct net *net);

int asctp_netns_init(void);
void asctp_netns_exit(void);

#endif /* _ASCTP_NETNS_H */
