/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The state machine: an explicit [chunk type][state] table of handlers
 * named after the RFC 9260 sections they implement.  Handlers run with
 * the socket locked (or, with no socket, touch nothing shared) and act
 * through the small helpers declared here.
 */
#ifndef _ASCTP_SM_H
#define _ASCTP_SM_H

#include "assoc.h"
#include "mib.h"
#include "output.h"
#include "wire.h"

/* One received packet on its way through the chunk handlers. */
struct asctp_rx {
	struct net *net;
	struct sk_buff *skb;
	struct sock *sk;		/* locked; NULL: no endpoint */
	struct sock *child;		/* new one-to-one socket, locked */
	struct asctp_assoc *a;		/* NULL: none (CLOSED column) */
	struct asctp_route reply;	/* back to the sender; vtag unset */
	u32 vtag;			/* the packet's tag */
	const struct asctp_chunk_hdr *ch;
	bool stop;			/* no more chunks of this packet */
};

typedef enum asctp_mib_field (*asctp_sm_fn)(struct asctp_rx *rx);

/* Run every chunk of a checked packet; returns the drop reason or
 * ASCTP_MIB_IN_PKTS.
 */
enum asctp_mib_field asctp_sm_rx(struct asctp_rx *rx);
asctp_sm_fn asctp_sm_lookup(u8 type, enum asctp_state state);
bool asctp_sm_vtag_ok(u8 type, u8 flags, u32 vtag,
		      const struct asctp_assoc *a);
enum asctp_mib_field asctp_sm_ootb(struct asctp_rx *rx);
void asctp_sm_timeout(struct asctp_assoc *a, enum asctp_timer_id t);

/* handshake.c: RFC 9260 5.1 */
enum asctp_mib_field asctp_sm_init(struct asctp_rx *rx);
enum asctp_mib_field asctp_sm_init_ack(struct asctp_rx *rx);
enum asctp_mib_field asctp_sm_cookie_echo(struct asctp_rx *rx);
enum asctp_mib_field asctp_sm_cookie_echo_dup(struct asctp_rx *rx);
enum asctp_mib_field asctp_sm_cookie_ack(struct asctp_rx *rx);
void asctp_sm_send_init(struct asctp_assoc *a);
void asctp_sm_cookie_stale(struct asctp_assoc *a, u32 stale_us);
void asctp_sm_t1_expire(struct asctp_assoc *a);
u32 asctp_sm_rwnd(const struct sock *sk);
u32 asctp_sm_rwnd_assoc(const struct asctp_assoc *a);
u32 asctp_sm_rx_gen(void);
u32 asctp_sm_rx_senders(const struct sock *sk, bool counted);

/* data.c: RFC 9260 6.2, 6.7, the receiver */
enum asctp_mib_field asctp_sm_data(struct asctp_rx *rx);
void asctp_sm_data_done(struct asctp_assoc *a);
unsigned int asctp_sm_room(const struct asctp_assoc *a);
unsigned int asctp_sm_sack_put(struct asctp_assoc *a, struct sk_buff *pkt,
			       unsigned int room);
void asctp_sm_send_sack(struct asctp_assoc *a);
void asctp_sm_sack_expire(struct asctp_assoc *a);

/* sack.c: RFC 9260 6.2.1, 7.2.4, the sender */
enum asctp_mib_field asctp_sm_sack(struct asctp_rx *rx);
void asctp_sm_ack_upto(struct asctp_assoc *a, u32 cum);
void asctp_sm_mark_rtx(struct asctp_assoc *a, struct sk_buff *skb);

/* xmit.c: RFC 9260 6.1, 6.3.3, 7.2 */
void asctp_sm_xmit_data(struct asctp_assoc *a);
void asctp_sm_t3_expire(struct asctp_assoc *a);

/* heartbeat.c: RFC 9260 8.3 */
enum asctp_mib_field asctp_sm_heartbeat(struct asctp_rx *rx);
enum asctp_mib_field asctp_sm_heartbeat_ack(struct asctp_rx *rx);
void asctp_sm_hb_start(struct asctp_assoc *a);
void asctp_sm_hb_expire(struct asctp_assoc *a);
void asctp_sm_hb_demand(struct asctp_assoc *a, struct asctp_path *p);

/* error.c: RFC 9260 3.3.10 */
enum asctp_mib_field asctp_sm_error(struct asctp_rx *rx);

/* shutdown.c: RFC 9260 9 */
enum asctp_mib_field asctp_sm_abort(struct asctp_rx *rx);
enum asctp_mib_field asctp_sm_shutdown(struct asctp_rx *rx);
enum asctp_mib_field asctp_sm_shutdown_ack(struct asctp_rx *rx);
enum asctp_mib_field asctp_sm_shutdown_complete(struct asctp_rx *rx);
enum asctp_mib_field asctp_sm_init_shutdown_ack_sent(struct asctp_rx *rx);
void asctp_sm_shutdown_start(struct asctp_assoc *a);
void asctp_sm_autoclose_start(struct asctp_assoc *a);
void asctp_sm_autoclose_expire(struct asctp_assoc *a);
void asctp_sm_shutdown_progress(struct asctp_assoc *a);
void asctp_sm_abort_assoc_info(struct asctp_assoc *a, u16 cause,
			       const void *info, unsigned int len, int err);
/* The same, the cause (if any) with no information. */
static inline void asctp_sm_abort_assoc(struct asctp_assoc *a, u16 cause,
					int err)
{
	asctp_sm_abort_assoc_info(a, cause, NULL, 0, err);
}

void asctp_sm_end(struct asctp_assoc *a, int err);
void asctp_sm_t2_expire(struct asctp_assoc *a);

/* Serial number arithmetic on TSNs (RFC 9260 1.6, RFC 1982). */
static inline bool asctp_tsn_after(u32 a, u32 b)
{
	return (s32)(a - b) > 0;
}

#endif /* _ASCTP_SM_H */
