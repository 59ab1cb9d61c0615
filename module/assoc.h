/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The association (TCB, RFC 9260 2.4) and its per-netns hash tables.
 *
 * Lifetime: an association is refcounted.  Its owning socket holds one
 * reference from creation until asctp_assoc_delete(); each armed timer
 * holds one; lookups take one with refcount_inc_not_zero() under RCU.
 * The memory is freed by RCU after the last put, so a lookup that races
 * with a delete sees either a live association or a zero count.
 *
 * Locking: every field below the hash nodes is protected by the owning
 * socket's lock (bh_lock_sock() in softirq, lock_sock() in process
 * context), asserted with sock_owned_by_me().  The hash chains are
 * written under asctp_net.hash_lock and read under RCU.
 * Lock order: listening socket, then child socket, then hash_lock.
 */
#ifndef _ASCTP_ASSOC_H
#define _ASCTP_ASSOC_H

#include <linux/refcount.h>
#include <linux/skbuff.h>
#include <linux/timer.h>
#include <net/sock.h>

/* RFC 9260 4: association states.  The value plus one is the state
 * number of the kernel's SCTP_STATUS (enum sctp_sstat_state).
 */
enum asctp_state {
	ASCTP_S_CLOSED,
	ASCTP_S_COOKIE_WAIT,
	ASCTP_S_COOKIE_ECHOED,
	ASCTP_S_ESTABLISHED,
	ASCTP_S_SHUTDOWN_PENDING,
	ASCTP_S_SHUTDOWN_SENT,
	ASCTP_S_SHUTDOWN_RECEIVED,
	ASCTP_S_SHUTDOWN_ACK_SENT,
	ASCTP_S_MAX
};

enum asctp_timer_id {
	ASCTP_T1,		/* T1-init and T1-cookie (5.1) */
	ASCTP_T2,		/* T2-shutdown (9.2) */
	ASCTP_T3,		/* T3-rtx (6.3.2) */
	ASCTP_TIMER_MAX
};

/* RFC 9260 16: protocol parameters */
enum asctp_proto_param {
	ASCTP_RTO_INITIAL_MS	= 1000,
	ASCTP_RTO_MAX_MS	= 60000,
	ASCTP_MAX_INIT_RETRANS	= 8,
	ASCTP_MAX_ASSOC_RETRANS	= 10,
	ASCTP_MAX_STREAMS	= 65535,
};

struct asctp_assoc {
	struct hlist_node vtag_node;	/* asctp_net.vtag_hash */
	struct hlist_node tuple_node;	/* asctp_net.tuple_hash */
	refcount_t ref;
	struct rcu_head rcu;
	struct sock *sk;		/* owner, fixed; holds a reference */
	/* fixed once hashed, so lookups may read them under RCU */
	__be32 laddr;
	__be32 paddr;
	__be16 lport;
	__be16 pport;
	u32 my_vtag;
	/* the rest: under the owner's socket lock */
	struct list_head sock_node;	/* asctp_sock.assocs */
	enum asctp_state state;
	bool dead;			/* deleted, timers may still run */
	bool sack_needed;		/* after this packet's chunks */
	bool eof_sent;			/* RCV_SHUTDOWN given to reader */
	s32 id;				/* sctp_assoc_t */
	u32 peer_vtag;
	u16 os;				/* outbound streams */
	u16 mis;			/* inbound streams */
	u16 *ssn;			/* next SSN per outbound stream */
	u32 next_tsn;			/* next TSN we send */
	u32 acked_tsn;			/* peer's cumulative ack */
	u32 peer_tsn;			/* highest in-order TSN received */
	u32 peer_rwnd;			/* from the last SACK, less flight */
	u32 flight;			/* bytes sent, not acked */
	u32 rwnd_sent;			/* a_rwnd of our last SACK */
	int err;			/* why it ended, for connect() */
	u32 pmtu;
	u32 rto_ms;
	u32 max_init_rto_ms;		/* SCTP_INITMSG max_init_timeo */
	u16 max_init;			/* SCTP_INITMSG max_attempts */
	u8 retries[ASCTP_TIMER_MAX];
	struct sk_buff_head outq;	/* DATA chunks not yet acked */
	struct sk_buff_head reasm;	/* fragments of the message arriving */
	u32 reasm_len;
	void *cookie;			/* COOKIE ECHO payload, T1 resends */
	u16 cookie_len;
	struct timer_list timer[ASCTP_TIMER_MAX];
	unsigned long deferred;		/* timer bits for release_cb */
};

/* Per-chunk state of a DATA chunk in outq (skb->cb). */
struct asctp_tx_cb {
	u32 tsn;
	u16 len;			/* chunk length, unpadded */
	bool sent;
};

#define ASCTP_TX_CB(skb) ((struct asctp_tx_cb *)(skb)->cb)

struct net;

struct asctp_assoc *asctp_assoc_new(struct sock *sk, gfp_t gfp);
int asctp_assoc_set_streams(struct asctp_assoc *a, u16 os, u16 mis,
			    gfp_t gfp);
void asctp_assoc_hash(struct asctp_assoc *a);
void asctp_assoc_delete(struct asctp_assoc *a);
void asctp_assoc_put(struct asctp_assoc *a);

static inline void asctp_assoc_hold(struct asctp_assoc *a)
{
	refcount_inc(&a->ref);
}

struct asctp_assoc *asctp_assoc_lookup_vtag(struct net *net, u32 vtag,
					    __be16 lport, __be16 pport);
struct asctp_assoc *asctp_assoc_lookup_tuple(struct net *net,
					     __be32 laddr, __be16 lport,
					     __be32 paddr, __be16 pport);
struct asctp_assoc *asctp_assoc_find_id(struct sock *sk, s32 id);

#endif /* _ASCTP_ASSOC_H */
