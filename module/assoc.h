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
 * written under asctp_net.hash_lock and read under RCU: the vtag hash
 * holds associations, the tuple hash their paths (one entry per peer
 * address, see path.h).
 * Lock order: listening socket, then child socket, then hash_lock.
 */
#ifndef _ASCTP_ASSOC_H
#define _ASCTP_ASSOC_H

#include <linux/refcount.h>
#include <linux/skbuff.h>
#include <linux/timer.h>
#include <net/sock.h>

#include "path.h"
#include "sock.h"
#include "tsnmap.h"

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
	ASCTP_TSACK,		/* delayed SACK (6.2) */
	ASCTP_TAUTOCLOSE,	/* SCTP_AUTOCLOSE (RFC 6458 8.1.8) */
	ASCTP_THB,		/* heartbeats of all paths (8.3) */
	ASCTP_TIMER_MAX
};

/* RFC 9260 16: protocol parameters */
enum asctp_proto_param {
	ASCTP_MAX_INIT_RETRANS	= 8,
	ASCTP_MAX_ASSOC_RETRANS	= 10,
	ASCTP_MAX_STREAMS	= 65535,
	ASCTP_SACK_DELAY_MS	= 200,	/* 6.2 */
	ASCTP_SACK_DELAY_MAX_MS	= 500,	/* 6.2: at most 500 */
	ASCTP_SACK_FREQ		= 2,	/* 6.2: a SACK every second packet */
	ASCTP_FAST_RTX_MISSES	= 3,	/* 7.2.4 */
	ASCTP_MAX_BURST		= 4,	/* 6.1 (D), 16: Max.Burst */
	ASCTP_AUTOCLOSE_MAX_S	= INT_MAX / MSEC_PER_SEC,
};

/* SCTP_GET_ASSOC_STATS, Linux's struct sctp_assoc_stats. */
struct asctp_assoc_stats {
	u64 rtxchunks;			/* DATA chunks sent again */
	u64 gapcnt;			/* SACKs received with Gap Ack Blocks */
	u64 outofseqtsns;		/* new DATA not next in sequence */
	u64 osacks;
	u64 isacks;
	u64 octrlchunks;
	u64 ictrlchunks;
	u64 oodchunks;			/* ordered DATA chunks, first time */
	u64 iodchunks;
	u64 ouodchunks;			/* unordered */
	u64 iuodchunks;
	u64 idupchunks;
	u64 opackets;
	u64 ipackets;
	u32 max_obs_rto;		/* highest RTO since last read */
	struct in6_addr max_obs_path;	/* the peer address it was of */
};

struct asctp_assoc {
	struct hlist_node vtag_node;	/* asctp_net.vtag_hash */
	refcount_t ref;
	struct rcu_head rcu;
	/* owner, holding a reference; changed only by peeloff.c */
	struct sock *sk;
	/* fixed once hashed, so lookups may read them under RCU; a
	 * restart changes my_vtag under hash_lock (asctp_assoc_retag())
	 */
	struct in6_addr laddr;		/* addr.h; all zeros: not yet */
	struct in6_addr paddr;
	__be16 lport;
	__be16 pport;
	u32 my_vtag;
	/* the rest: under the owner's socket lock */
	struct list_head sock_node;	/* asctp_sock.assocs */
	enum asctp_state state;
	bool dead;			/* deleted, timers may still run */
	bool was_up;			/* reached ESTABLISHED once */
	bool sack_needed;		/* this packet had DATA */
	bool sack_now;			/* 6.7: gap, duplicate: no delay */
	u8 sack_pkts;			/* packets with DATA not acked yet */
	u32 sack_bytes;			/* their bytes of user data */
	u16 sack_delay_ms;		/* SCTP_DELAYED_SACK */
	u8 sack_freq;
	bool sack_off;
	bool eof_sent;			/* RCV_SHUTDOWN given to reader */
	s32 id;				/* sctp_assoc_t */
	u32 peer_vtag;
	u16 os;				/* outbound streams */
	u16 mis;			/* inbound streams */
	u16 *ssn;			/* next SSN per outbound stream */
	/* outbound: see xmit.c and sack.c; one destination for now */
	u32 next_tsn;			/* next TSN we send */
	u32 acked_tsn;			/* peer's cumulative ack */
	u32 peer_rwnd;			/* from the last SACK, less flight */
	u32 flight;			/* bytes sent, not acked, not to resend */
	u32 nrtx;			/* chunks in sentq marked to resend */
	u32 recover;			/* fast recovery ends at this ack */
	u32 rtt_tsn;			/* the chunk timed for an RTT sample */
	ktime_t rtt_sent;
	u32 small_tsn;			/* last TSN of the last short packet */
	unsigned long last_xmit;	/* jiffies, for the idle cwnd reset */
	unsigned long last_data;	/* jiffies, user data sent or received */
	bool fast_recovery;		/* 7.2.4 */
	bool fast_rtx_now;		/* 7.2.4 (3): one packet despite cwnd */
	bool rtt_pending;		/* rtt_tsn is in flight */
	u32 rwnd_sent;			/* a_rwnd of our last SACK */
	u32 rx_gen;			/* period of its last DATA, handshake.c */
	int err;			/* why it ended, for connect() */
	/* paths: see path.h; path0 is the first peer address */
	struct list_head paths;		/* struct asctp_path.node */
	struct asctp_path *primary;	/* SCTP_PRIMARY_ADDR */
	struct asctp_path *active;	/* new data goes here (6.4) */
	struct asctp_path *sack_path;	/* last DATA from here, or NULL */
	struct asctp_path *rtx_path;	/* T3-rtx resends go here, or NULL */
	struct asctp_path_opts popts;	/* for paths to come */
	u16 npaths;
	u16 errors;			/* overall error counter (8.1) */
	u32 pmtu;			/* smallest of the paths' */
	u32 room;			/* for chunks: the smallest path's */
	u32 max_init_rto_ms;		/* SCTP_INITMSG max_init_timeo */
	u16 max_init;			/* SCTP_INITMSG max_attempts */
	u16 max_retrans;		/* Association.Max.Retrans */
	u32 autoclose_s;		/* SCTP_AUTOCLOSE when it came up */
	struct asctp_assoc_opts opts;	/* from the socket, then its own */
	u16 subscribe;			/* notifications: SCTP_EVENT, ulp.h */
	struct asctp_assoc_stats stats;
	u8 retries[ASCTP_TIMER_MAX];
	struct sk_buff_head outq;	/* DATA chunks never sent */
	struct sk_buff_head sentq;	/* sent, not acked cumulatively */
	/* inbound: see reasm.c */
	struct asctp_tsnmap tsnmap;	/* TSNs received */
	u16 *in_ssn;			/* next SSN due per inbound stream */
	struct sk_buff_head reasm;	/* fragments, by TSN */
	struct sk_buff_head lobby;	/* whole messages not due yet */
	struct sk_buff_head held;	/* due, held back by partial delivery */
	u32 reasm_len;			/* bytes in reasm */
	u32 pd_tsn;			/* partial delivery: next fragment */
	u16 pd_stream;
	u16 pd_ssn;
	bool pd;			/* a message is in partial delivery */
	bool pd_unordered;
	void *cookie;			/* COOKIE ECHO payload, T1 resends */
	u16 cookie_len;
	/* 5.2.6: the Cookie Preservative our INITs ask for, 0 for none */
	u32 cookie_inc_ms;
	u16 cookie_stales;		/* 5.2.6: Stale Cookie errors so far */
	struct timer_list timer[ASCTP_TIMER_MAX];
	unsigned long deferred;		/* timer bits for release_cb */
	/* the peer's Adaptation Layer Indication (RFC 5061 4.2.5), from
	 * its INIT ACK or our cookie, for SCTP_ADAPTATION_INDICATION;
	 * 0 if none
	 */
	u32 peer_adaptation_ind;
	struct asctp_path path0;
};

/* Per-chunk state of a DATA chunk in outq or sentq (skb->cb). */
struct asctp_tx_cb {
	u32 tsn;
	u16 len;			/* chunk length, unpadded */
	u8 miss;			/* miss indications (7.2.4) */
	u8 rtx:1;			/* marked for retransmission */
	u8 acked:1;			/* in a Gap Ack Block */
	u8 resent:1;			/* retransmitted: no RTT (Karn) */
	u8 fast:1;			/* fast retransmitted, only once */
	u32 context;			/* the message's sinfo_context */
	struct asctp_path *path;	/* where it was last sent */
};

#define ASCTP_TX_CB(skb) ((struct asctp_tx_cb *)(skb)->cb)

struct net;

struct asctp_assoc *asctp_assoc_new(struct sock *sk, gfp_t gfp);
int asctp_assoc_set_streams(struct asctp_assoc *a, u16 os, u16 mis,
			    gfp_t gfp);
void asctp_assoc_hash(struct asctp_assoc *a);
void asctp_assoc_retag(struct asctp_assoc *a, u32 my_vtag, u32 peer_vtag,
		       u32 my_tsn, u32 peer_tsn);
void asctp_assoc_fail_queue(struct asctp_assoc *a, struct sk_buff_head *q,
			    bool sent);
void asctp_assoc_hash_new_path(struct asctp_assoc *a, struct asctp_path *p);
void asctp_assoc_delete(struct asctp_assoc *a);
void asctp_assoc_put(struct asctp_assoc *a);

static inline void asctp_assoc_hold(struct asctp_assoc *a)
{
	refcount_inc(&a->ref);
}

struct asctp_assoc *asctp_assoc_lookup_vtag(struct net *net, u32 vtag,
					    __be16 lport, __be16 pport);
struct asctp_assoc *asctp_assoc_lookup_tuple(struct net *net,
					     const struct in6_addr *laddr,
					     __be16 lport,
					     const struct in6_addr *paddr,
					     __be16 pport);
struct asctp_assoc *asctp_assoc_find_id(struct sock *sk, s32 id);

#endif /* _ASCTP_ASSOC_H */
