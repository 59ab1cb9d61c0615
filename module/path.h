/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Paths: one per peer transport address of an association (RFC 9260
 * 6.4), each with its own state, error counter (8.2), RTO (6.3.1),
 * congestion window (7.2) and path MTU, and heartbeats (8.3).
 *
 * The first path lives inside the association, so an association
 * always has one; further ones are allocated and freed with it.  All
 * fields are under the owning socket's lock, like the association's;
 * the list is also walked under RCU (asctp_path_find_rcu()): paths
 * are added with list_add_tail_rcu() and freed only by the
 * association's RCU callback.  No path goes away before its association
 * (there is no ASCONF), so the pointers the association keeps (primary,
 * active, sack_path, rtx_path, each sent chunk's tx_cb->path) need no
 * reference of their own.
 */
#ifndef _ASCTP_PATH_H
#define _ASCTP_PATH_H

#include <linux/in6.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/types.h>

#include "cc.h"
#include "rto.h"

/* What SCTP_PEER_ADDR_PARAMS sets: socket defaults, then the
 * association's for paths to come, then each path's own.
 */
struct asctp_path_opts {
	u32 hb_interval_ms;		/* HB.interval (8.3) */
	u32 flags;			/* SPP_HB_*, SPP_PMTUD_* */
	u32 pathmtu;			/* fixed MTU with SPP_PMTUD_DISABLE */
	u16 max_retrans;		/* Path.Max.Retrans (8.2) */
	u16 pf_retrans;			/* RFC 7829 PotentiallyFailed.Max.Retrans */
	u16 ps_retrans;			/* primary switchover (Linux) */
	u8 pf_expose;			/* enum asctp_pf_expose */
	u8 dscp;			/* SPP_DSCP: the IPv4 TOS, IPv6 class */
	u32 flowlabel;			/* SPP_IPV6_FLOWLABEL: 20 bits */
	__be16 encap_port;		/* RFC 6951: the peer's UDP port, or 0 */
};

/* RFC 9260 16 defaults, and Linux's: PF after the first error, no
 * primary switchover.
 */
enum asctp_path_default {
	ASCTP_HB_INTERVAL_MS	= 30000,
	ASCTP_PATH_MAX_RETRANS	= 5,
	ASCTP_PF_RETRANS	= 0,
	ASCTP_PS_RETRANS	= 0xffff,
	ASCTP_PMTU_MIN		= 512,	/* SCTP_DEFAULT_MINSEGMENT */
};

/* SCTP_EXPOSE_POTENTIALLY_FAILED_STATE, Linux's values.  Unset:
 * potentially failed shows in SCTP_GET_PEER_ADDR_INFO but is not
 * notified; disable: neither (the info is EACCES); enable: both.
 */
enum asctp_pf_expose {
	ASCTP_PF_EXPOSE_UNSET,
	ASCTP_PF_EXPOSE_DISABLE,
	ASCTP_PF_EXPOSE_ENABLE,
};

struct asctp_path {
	struct list_head node;		/* asctp_assoc.paths */
	struct hlist_node tuple_node;	/* asctp_net.tuple_hash */
	struct asctp_assoc *a;		/* fixed */
	struct in6_addr addr;		/* the peer's (addr.h) */
	struct in6_addr saddr;		/* ours, from the route */
	int state;			/* SCTP_ACTIVE, SCTP_PF, ... */
	u16 errors;			/* error counter (8.2) */
	bool hb_pending;		/* a HEARTBEAT is unanswered */
	struct asctp_path_opts o;
	u32 pmtu;
	u32 icmp_mtu;			/* ICMP's, for release_cb; socket spinlock */
	struct asctp_rto rto;
	struct asctp_cc cc;
	u64 hb_nonce;			/* of the pending HEARTBEAT */
	ktime_t hb_sent;
	unsigned long last_sent;	/* jiffies: DATA or HEARTBEAT */
	unsigned long hb_due;		/* jiffies: next heartbeat work */
};

struct asctp_assoc;
struct sock;

void asctp_path_init(struct asctp_assoc *a, struct asctp_path *p,
		     const struct in6_addr *addr, int state);
struct asctp_path *asctp_path_add(struct asctp_assoc *a,
				  const struct in6_addr *addr, int state,
				  gfp_t gfp);
void asctp_path_add_peers(struct sock *sk, struct asctp_assoc *a,
			  const struct in6_addr *addrs, int n);
void asctp_path_free_all(struct asctp_assoc *a);
struct asctp_path *asctp_path_find(struct asctp_assoc *a,
				   const struct in6_addr *addr);
struct asctp_path *asctp_path_find_rcu(struct asctp_assoc *a,
				       const struct in6_addr *addr);
int asctp_path_route(struct sock *sk, struct asctp_assoc *a,
		     struct asctp_path *p);
void asctp_path_select(struct asctp_assoc *a);
u32 asctp_path_room(const struct asctp_path *p);
void asctp_path_sync_pmtu(struct asctp_assoc *a);
void asctp_path_encap_seen(struct asctp_assoc *a, const struct in6_addr *addr,
			   __be16 port);
struct asctp_path *asctp_path_other(struct asctp_assoc *a,
				    struct asctp_path *p);
void asctp_path_rto_seen(struct asctp_assoc *a, struct asctp_path *p);
int asctp_path_state_on_error(int state, u16 errors,
			      const struct asctp_path_opts *o);
void asctp_path_error(struct asctp_assoc *a, struct asctp_path *p);
void asctp_path_alive(struct asctp_assoc *a, struct asctp_path *p, int why);
void asctp_path_set_rto(struct asctp_assoc *a, u32 initial_ms, u32 min_ms,
			u32 max_ms);

#endif /* _ASCTP_PATH_H */
