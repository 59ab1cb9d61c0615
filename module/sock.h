/* SPDX-License-Identifier: GPL-2.0 */
/* Socket layer: one-to-many (SOCK_SEQPACKET) and one-to-one (SOCK_STREAM). */
#ifndef _ASCTP_SOCK_H
#define _ASCTP_SOCK_H

#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <uapi/linux/sctp.h>

#include "addr.h"
#include "path.h"

/* What a socket hands each new association, and the association
 * keeps as its own (sockopt_assoc.c).
 */
struct asctp_assoc_opts {
	u16 snd_sid;			/* SCTP_DEFAULT_SEND_PARAM, _SNDINFO */
	u16 snd_flags;
	u32 snd_ppid;
	u32 snd_context;
	u32 snd_ttl;
	u32 rcv_context;		/* SCTP_CONTEXT */
	u32 max_burst;			/* SCTP_MAX_BURST, 0: no limit */
	u32 user_frag;			/* SCTP_MAXSEG, 0: the path's */
};

enum { ASCTP_MAX_XADDRS = 7 };	/* bound addresses: 1 + these */

/* All fields under the socket lock, except port_node (hash_lock). */
struct asctp_sock {
	struct inet_sock inet;
	struct hlist_node port_node;	/* asctp_net.port_hash, if bound */
	struct list_head assocs;	/* struct asctp_assoc.sk_node */
	struct list_head accept_q;	/* children not yet accepted */
	struct list_head accept_node;	/* in the listener's accept_q */
	struct sctp_initmsg initmsg;
	/* defaults of new associations: SCTP_RTOINFO, SCTP_ASSOCINFO */
	u32 rto_initial_ms;
	u32 rto_min_ms;
	u32 rto_max_ms;
	u32 cookie_life_ms;
	u16 max_retrans;
	u16 sack_delay_ms;		/* SCTP_DELAYED_SACK */
	u8 sack_freq;
	bool sack_off;			/* sack_freq 1: no delay */
	struct asctp_assoc_opts aopts;	/* defaults of new associations */
	struct asctp_path_opts popts;	/* SCTP_PEER_ADDR_PARAMS defaults */
	u16 subscribe;			/* SCTP_EVENT(S), see ulp.h */
	u32 autoclose;			/* SCTP_AUTOCLOSE, seconds, 0: off */
	u32 pd_point;			/* SCTP_PARTIAL_DELIVERY_POINT */
	u32 adaptation_ind;		/* SCTP_ADAPTATION_LAYER, 0: none */
	/* The bound address (all zeros: the wildcard; addr.h), and
	 * sctp_bindx()'s further ones; written under the socket lock and
	 * hash_lock, read under either or RCU.  An AF_INET socket's
	 * inet_rcv_saddr and inet_saddr follow baddr.
	 */
	struct in6_addr baddr;
	struct in6_addr xaddrs[ASCTP_MAX_XADDRS];
	u8 n_xaddrs;
	s32 next_id;			/* next association id */
	/* the association a connect() cut by a signal waited for, or 0;
	 * the next connect() reads and clears it (sock.c)
	 */
	s32 connect_intr;
	/* associations in partial delivery (reasm.c); pd_held: one of
	 * the others was held back for them (level 0)
	 */
	u32 pd_count;
	bool pd_held;
	struct sk_buff_head held;	/* of associations gone, reasm.c */
	bool closing;			/* close() began: no more reading */
	u8 rcv_ratio;			/* user data per truesize, /256 */
	/* The receive buffer's fair share (handshake.c): associations
	 * that brought DATA in period rx_gen (128 ms each) and in the
	 * one before it, and the last of them.  rx_last holds no
	 * reference: asctp_assoc_delete() and peeloff clear it when that
	 * association leaves the socket.
	 */
	u32 rx_gen;
	u32 rx_active;
	u32 rx_prev;
	struct asctp_assoc *rx_last;
	u32 n_assocs;			/* on the assocs list */
	bool nodelay;
	bool disable_frags;		/* SCTP_DISABLE_FRAGMENTS */
	bool frag_interleave;		/* SCTP_FRAGMENT_INTERLEAVE */
	bool recvrcvinfo;		/* SCTP_RECVRCVINFO */
	bool recvnxtinfo;		/* SCTP_RECVNXTINFO */
	bool v4mapped;			/* SCTP_I_WANT_MAPPED_V4_ADDR */
	/* SCTP_REUSE_PORT, set before bind only; read by port.c under
	 * hash_lock too, so it never changes while the socket is bound
	 */
	bool reuse;
	bool peeled;			/* made by sctp_peeloff(), fixed */
	unsigned long deferred;		/* ASCTP_DEFER_* for release_cb */
};

/* An AF_INET6 socket: ipv6_pinfo last (6.1 finds it at the end). */
struct asctp6_sock {
	struct asctp_sock as;
	struct ipv6_pinfo inet6;
};

enum asctp_defer_bit {
	ASCTP_DEFER_TIMERS,		/* an assoc has a timer bit set */
	ASCTP_DEFER_PMTU,		/* a path has an icmp_mtu (icmp.c) */
};

static inline struct asctp_sock *asctp_sk(const struct sock *sk)
{
	return (struct asctp_sock *)sk;
}

/* @addr is one of the socket's bound addresses (not the wildcard).
 * Lockless readers may see a half-written address: one that matches
 * nothing, and they recheck under a lock where it matters.
 */
static inline bool asctp_sock_has_addr(const struct sock *sk,
				       const struct in6_addr *addr)
{
	const struct asctp_sock *as = asctp_sk(sk);
	/* pairs with asctp_port_add_addr()'s release */
	int i, n = min_t(int, smp_load_acquire(&as->n_xaddrs),
			  ASCTP_MAX_XADDRS);

	if (asctp_addr_eq(&as->baddr, addr))
		return true;
	for (i = 0; i < n; i++)
		if (asctp_addr_eq(&as->xaddrs[i], addr))
			return true;
	return false;
}

/* The bound address; the inet (and inet6) fields follow it. */
static inline void asctp_sock_set_baddr(struct asctp_sock *as,
					const struct in6_addr *addr)
{
	struct sock *sk = &as->inet.sk;

	as->baddr = *addr;
	as->inet.inet_rcv_saddr = asctp_addr_v4_or_any(addr);
	as->inet.inet_saddr = as->inet.inet_rcv_saddr;
	if (sk->sk_family == AF_INET6) {
		sk->sk_v6_rcv_saddr = *addr;
		inet6_sk(sk)->saddr = *addr;
	}
}

/* The socket is bound to one or more addresses, not the wildcard. */
static inline bool asctp_sock_bound_addr(const struct sock *sk)
{
	return !asctp_addr_any(&asctp_sk(sk)->baddr);
}

/* One association at most, which every call means whatever its id:
 * one-to-one, or peeled off (RFC 6458 9.2).
 */
static inline bool asctp_sock_single(const struct sock *sk)
{
	return sk->sk_type == SOCK_STREAM || asctp_sk(sk)->peeled;
}

extern u8 asctp_ipproto;

struct asctp_assoc;

struct sock *asctp_sock_clone(struct sock *listener);
void asctp_sock_child_unlock(struct sock *child);
void asctp_sock_child_drop(struct sock *child);
void asctp_sock_accept_enqueue(struct sock *listener, struct sock *child);
void asctp_sock_assoc_up(struct asctp_assoc *a);
void asctp_sock_assoc_down(struct asctp_assoc *a, int err);
struct asctp_assoc *asctp_sock_find_peer(struct sock *sk,
					 const struct asctp_taddr *t);
struct asctp_assoc *asctp_sock_connect_assoc(struct sock *sk,
					     const struct asctp_taddr *t,
					     const struct sctp_initmsg *init,
					     int *err);
void asctp_initmsg_merge(struct sctp_initmsg *im,
			 const struct sctp_initmsg *v);

bool asctp_sock_local_addr(struct sock *sk, const struct in6_addr *a);
void asctp_sock_set_peer(struct sock *sk, const struct asctp_assoc *a);
int asctp_sock_bind(struct sock *sk, const struct asctp_taddr *t);
int asctp_sock_connect(struct sock *sk, const struct asctp_taddr *t,
		       int n, int flags, s32 *id);

int asctp_sock_init(u8 ipproto);
void asctp_sock_exit(void);

#endif /* _ASCTP_SOCK_H */
