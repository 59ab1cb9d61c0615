// SPDX-License-Identifier: GPL-2.0
/*
 * Inbound DATA (RFC 9260 6.5, 6.6, 6.9).  Fragments are reassembled by
 * TSN, whole messages go up in SSN order per stream and unordered ones
 * at once, so a lost message delays only its own stream.  A message
 * that would fill half the receive buffer goes up in pieces (partial
 * delivery).  A reader never sees pieces of two messages of one
 * association interleaved; with SCTP_FRAGMENT_INTERLEAVE off (RFC 6458
 * 8.1.20, level 0) not of two associations either.
 *
 * Queues, under the socket lock, their skbs charged to sk_rmem_alloc:
 *  a->held   messages and notifications due while partial delivery
 *            holds the association back, in arrival order (ulp.c);
 *            the socket's held queue once the association is gone.
 *  a->reasm  fragments by TSN.  A fragment that ends a run of
 *            consecutive fragments starting with a B knows the run
 *            (first_tsn, run_len); others have run_len 0.
 *  a->lobby  whole messages that may not go up yet: unordered first,
 *            then ordered by (stream, SSN).
 */

#include <net/sock.h>

#include "mem.h"
#include "reasm.h"
#include "sm.h"
#include "sock.h"
#include "ulp.h"

static bool asctp_ssn_before(u16 a, u16 b)
{
	return (s16)(a - b) < 0;
}

/* A message in partial delivery holds back the other messages of its
 * association; at level 0 those of every association of the socket.
 * Level 1 lets a one-to-many reader tell the pieces apart by
 * association id.
 */
bool asctp_reasm_holding(const struct asctp_assoc *a)
{
	struct asctp_sock *as = asctp_sk(a->sk);

	if (a->pd)
		return true;
	if (!as->pd_count || as->frag_interleave)
		return false;
	as->pd_held = true;	/* for asctp_reasm_pd_put() */
	return true;
}

/* The message may go up now, as far as ordering goes. */
static bool asctp_reasm_turn(const struct asctp_assoc *a,
			     const struct asctp_rcv_cb *cb)
{
	return cb->flags & ASCTP_DATA_U || cb->ssn == a->in_ssn[cb->stream];
}

/* RFC 6458 8.1.21: partial delivery starts once this much of a
 * message is in: SCTP_PARTIAL_DELIVERY_POINT, or what half the receive
 * buffer holds (user data per truesize, as the window counts it),
 * whichever is less.
 */
static unsigned int asctp_reasm_pd_point(const struct sock *sk)
{
	const struct asctp_sock *as = asctp_sk(sk);
	unsigned int half = ((u64)READ_ONCE(sk->sk_rcvbuf) / 2 *
			     as->rcv_ratio) >> 8;
	u32 pdp = as->pd_point;

	return pdp ? min(pdp, half) : half;
}

static bool asctp_lobby_before(const struct asctp_rcv_cb *x,
			       const struct asctp_rcv_cb *y)
{
	if ((x->flags ^ y->flags) & ASCTP_DATA_U)
		return x->flags & ASCTP_DATA_U;
	if (x->flags & ASCTP_DATA_U)
		return false;		/* unordered keep arrival order */
	if (x->stream != y->stream)
		return x->stream < y->stream;
	return asctp_ssn_before(x->ssn, y->ssn);
}

static void asctp_lobby_add(struct asctp_assoc *a, struct sk_buff *skb)
{
	struct sk_buff *pos;

	skb_queue_reverse_walk(&a->lobby, pos)
		if (!asctp_lobby_before(ASCTP_RCV_CB(skb), ASCTP_RCV_CB(pos)))
			break;
	__skb_queue_after(&a->lobby, pos, skb);
}

/* A whole message goes up: the stream's next SSN is due. */
static void asctp_reasm_up(struct asctp_assoc *a, struct sk_buff *skb)
{
	struct asctp_rcv_cb *cb = ASCTP_RCV_CB(skb);

	if (!(cb->flags & ASCTP_DATA_U))
		a->in_ssn[cb->stream]++;
	asctp_ulp_deliver(a, skb, false);
}

/* Sorted by stream and SSN, so one pass delivers every run of SSNs. */
static void asctp_lobby_flush(struct asctp_assoc *a)
{
	struct sk_buff *skb, *tmp;

	skb_queue_walk_safe(&a->lobby, skb, tmp) {
		if (!asctp_reasm_turn(a, ASCTP_RCV_CB(skb)))
			continue;
		__skb_unlink(skb, &a->lobby);
		asctp_reasm_up(a, skb);
	}
}

/* Unlink the fragments from @head to @last and chain them into one
 * message on head's frag_list.  Each keeps its own charge.
 */
static struct sk_buff *asctp_reasm_chain(struct asctp_assoc *a,
					 struct sk_buff *head,
					 struct sk_buff *last)
{
	struct sk_buff *skb = head->next, *next, **tail;
	bool done = head == last;

	__skb_unlink(head, &a->reasm);
	a->reasm_len -= head->len;
	tail = &skb_shinfo(head)->frag_list;
	while (!done) {
		next = skb->next;
		done = skb == last;
		__skb_unlink(skb, &a->reasm);
		a->reasm_len -= skb->len;
		*tail = skb;
		tail = &skb->next;
		head->len += skb->len;
		head->data_len += skb->len;
		skb = next;
	}
	*tail = NULL;
	ASCTP_RCV_CB(head)->flags |= ASCTP_RCV_CB(last)->flags & ASCTP_DATA_E;
	return head;
}

/* The run that @last ends, as one skb. */
static struct sk_buff *asctp_reasm_take(struct asctp_assoc *a,
					struct sk_buff *last)
{
	struct sk_buff *head = last;

	while (ASCTP_RCV_CB(head)->tsn != ASCTP_RCV_CB(last)->first_tsn) {
		/* a run's first fragment stays queued until it is taken */
		if (WARN_ON_ONCE(head->prev == (struct sk_buff *)&a->reasm))
			break;
		head = head->prev;
	}
	return asctp_reasm_chain(a, head, last);
}

static void asctp_reasm_pd_try(struct asctp_assoc *a);
static bool asctp_reasm_joins(const struct sk_buff *prev,
			      const struct sk_buff *next);

/* A whole message: up now, or into the lobby until its turn. */
static void asctp_reasm_message(struct asctp_assoc *a, struct sk_buff *skb)
{
	bool ordered = !(ASCTP_RCV_CB(skb)->flags & ASCTP_DATA_U);

	if (!asctp_reasm_turn(a, ASCTP_RCV_CB(skb))) {
		asctp_lobby_add(a, skb);
		return;
	}
	asctp_reasm_up(a, skb);
	if (!ordered)
		return;
	if (!skb_queue_empty(&a->lobby))
		asctp_lobby_flush(a);
	asctp_reasm_pd_try(a);
}

/* Partial delivery: the run so far goes up without E; its following
 * fragments go straight up as they come (asctp_reasm_pd_next()).
 */
static void asctp_reasm_pd_start(struct asctp_assoc *a, struct sk_buff *last)
{
	struct asctp_rcv_cb *cb = ASCTP_RCV_CB(last);

	a->pd = true;
	a->pd_tsn = cb->tsn + 1;
	a->pd_stream = cb->stream;
	a->pd_ssn = cb->ssn;
	a->pd_unordered = cb->flags & ASCTP_DATA_U;
	asctp_sk(a->sk)->pd_count++;
	asctp_ulp_deliver(a, asctp_reasm_take(a, last), true);
}

static bool asctp_reasm_pd_ok(const struct asctp_assoc *a,
			      const struct sk_buff *last)
{
	const struct asctp_rcv_cb *cb = ASCTP_RCV_CB(last);

	return cb->run_len && !(cb->flags & ASCTP_DATA_E) &&
	       cb->run_len >= asctp_reasm_pd_point(a->sk) &&
	       !asctp_reasm_holding(a) && asctp_reasm_turn(a, cb);
}

/* A run waiting in reasm that may now start partial delivery. */
static void asctp_reasm_pd_try(struct asctp_assoc *a)
{
	struct sk_buff *skb;

	if (a->reasm_len < asctp_reasm_pd_point(a->sk) ||
	    asctp_reasm_holding(a))
		return;
	skb_queue_walk(&a->reasm, skb) {
		if (asctp_reasm_pd_ok(a, skb) &&
		    (skb->next == (struct sk_buff *)&a->reasm ||
		     !asctp_reasm_joins(skb, skb->next))) {
			asctp_reasm_pd_start(a, skb);
			return;
		}
	}
}

/* What @a held back may go up, unless it is still held. */
static void asctp_reasm_resume(struct asctp_assoc *a)
{
	if (asctp_reasm_holding(a))
		return;
	asctp_ulp_release(a->sk, &a->held);
	asctp_lobby_flush(a);
	asctp_reasm_pd_try(a);
}

/* One partial delivery less on @sk.  True when that let the others of
 * the socket go on: none is left and one was held back (level 0).
 */
static bool asctp_reasm_pd_put(struct sock *sk)
{
	struct asctp_sock *as = asctp_sk(sk);
	struct asctp_assoc *a;

	if (--as->pd_count || !as->pd_held)
		return false;
	as->pd_held = false;
	if (sock_flag(sk, SOCK_DEAD))
		return true;
	asctp_ulp_release(sk, &as->held);
	list_for_each_entry(a, &as->assocs, sock_node)
		if (!a->dead)
			asctp_reasm_resume(a);
	return true;
}

static void asctp_reasm_pd_end(struct asctp_assoc *a)
{
	a->pd = false;
	if (!a->pd_unordered)
		a->in_ssn[a->pd_stream]++;
	if (!asctp_reasm_pd_put(a->sk) && !sock_flag(a->sk, SOCK_DEAD))
		asctp_reasm_resume(a);
}

/* @skb continues the message in partial delivery.  Its successors
 * that came early wait in reasm: they go up too.
 */
static int asctp_reasm_pd_next(struct asctp_assoc *a, struct sk_buff *skb)
{
	struct asctp_rcv_cb *cb = ASCTP_RCV_CB(skb);
	struct sk_buff *next;

	if (cb->flags & ASCTP_DATA_B || cb->stream != a->pd_stream ||
	    !(cb->flags & ASCTP_DATA_U) != !a->pd_unordered ||
	    (!a->pd_unordered && cb->ssn != a->pd_ssn)) {
		kfree_skb(skb);
		return -EPROTO;
	}
	for (;;) {
		a->pd_tsn++;
		asctp_ulp_deliver(a, skb, true);
		if (cb->flags & ASCTP_DATA_E) {
			asctp_reasm_pd_end(a);
			return 0;
		}
		skb_queue_walk(&a->reasm, next)
			if (!asctp_tsn_after(a->pd_tsn, ASCTP_RCV_CB(next)->tsn))
				break;
		if (next == (struct sk_buff *)&a->reasm ||
		    ASCTP_RCV_CB(next)->tsn != a->pd_tsn)
			return 0;
		__skb_unlink(next, &a->reasm);
		a->reasm_len -= next->len;
		skb = next;
		cb = ASCTP_RCV_CB(skb);
	}
}

/* @next continues the run @prev ends. */
static bool asctp_reasm_joins(const struct sk_buff *prev,
			      const struct sk_buff *next)
{
	const struct asctp_rcv_cb *p = ASCTP_RCV_CB(prev);
	const struct asctp_rcv_cb *n = ASCTP_RCV_CB(next);

	return p->run_len && p->tsn + 1 == n->tsn &&
	       !(p->flags & ASCTP_DATA_E) && !(n->flags & ASCTP_DATA_B) &&
	       p->stream == n->stream &&
	       !((p->flags ^ n->flags) & ASCTP_DATA_U) &&
	       (p->flags & ASCTP_DATA_U || p->ssn == n->ssn);
}

static void asctp_reasm_insert(struct asctp_assoc *a, struct sk_buff *skb)
{
	struct sk_buff *pos;

	skb_queue_reverse_walk(&a->reasm, pos)
		if (asctp_tsn_after(ASCTP_RCV_CB(skb)->tsn,
				    ASCTP_RCV_CB(pos)->tsn))
			break;
	__skb_queue_after(&a->reasm, pos, skb);
	a->reasm_len += skb->len;
}

/* RFC 9260 6.9: a fragment.  The run it belongs to may now be whole,
 * or big enough for partial delivery.
 */
static void asctp_reasm_fragment(struct asctp_assoc *a, struct sk_buff *skb)
{
	struct asctp_rcv_cb *cb = ASCTP_RCV_CB(skb);
	struct sk_buff *last = skb, *next;

	asctp_reasm_insert(a, skb);
	cb->run_len = 0;
	if (cb->flags & ASCTP_DATA_B) {
		cb->first_tsn = cb->tsn;
		cb->run_len = skb->len;
	} else if (skb->prev != (struct sk_buff *)&a->reasm &&
		   asctp_reasm_joins(skb->prev, skb)) {
		cb->first_tsn = ASCTP_RCV_CB(skb->prev)->first_tsn;
		cb->run_len = ASCTP_RCV_CB(skb->prev)->run_len + skb->len;
	}
	if (!cb->run_len)
		return;
	for (next = skb->next; next != (struct sk_buff *)&a->reasm &&
	     asctp_reasm_joins(last, next); last = next, next = next->next) {
		ASCTP_RCV_CB(next)->first_tsn = cb->first_tsn;
		ASCTP_RCV_CB(next)->run_len = ASCTP_RCV_CB(last)->run_len +
					      next->len;
	}
	if (ASCTP_RCV_CB(last)->flags & ASCTP_DATA_E)
		asctp_reasm_message(a, asctp_reasm_take(a, last));
	else if (asctp_reasm_pd_ok(a, last))
		asctp_reasm_pd_start(a, last);
}

/* Data in TSN order is taken even over asctp's memory limit (mem.c)
 * when it fills a gap in front of data waiting for reassembly or order,
 * or when the reader has taken everything: the memory may be held by
 * senders on this host waiting for this very data to be acknowledged.
 */
static bool asctp_reasm_must_take(const struct asctp_assoc *a, bool in_order)
{
	return in_order && (!skb_queue_empty(&a->reasm) ||
			    !skb_queue_empty(&a->lobby) ||
			    atomic_read(&a->sk->sk_rmem_alloc) < PAGE_SIZE);
}

/* RFC 9260 6.2: a new DATA chunk's user data.  Non-zero when it is not
 * taken: no room in the receive buffer (-ENOBUFS), none in asctp's
 * memory (-ENOSPC, mem.c), no skb (-ENOMEM), and the peer sends it
 * again; or it breaks the message in partial delivery (-EPROTO).  Data
 * in TSN order may use twice the receive buffer, so that what fills a
 * gap always finds room even when early data filled the buffer.
 */
int asctp_reasm_data(struct asctp_assoc *a, const struct asctp_data_hdr *dh,
		     unsigned int len, u8 flags, bool in_order)
{
	struct sock *sk = a->sk;
	unsigned int limit = READ_ONCE(sk->sk_rcvbuf) << in_order;
	struct sk_buff *skb;

	if (sock_flag(sk, SOCK_DEAD))
		return 0;	/* closed: acknowledged, discarded */
	if (atomic_read(&sk->sk_rmem_alloc) + len > limit)
		return -ENOBUFS;
	skb = asctp_ulp_data_skb(a, dh, len, flags);
	if (!skb)
		return -ENOMEM;
	if (!asctp_mem_rcharge(sk, skb, asctp_reasm_must_take(a, in_order))) {
		kfree_skb(skb);
		return -ENOSPC;
	}
	if (a->pd && ASCTP_RCV_CB(skb)->tsn == a->pd_tsn)
		return asctp_reasm_pd_next(a, skb);
	if ((flags & (ASCTP_DATA_B | ASCTP_DATA_E)) ==
	    (ASCTP_DATA_B | ASCTP_DATA_E))
		asctp_reasm_message(a, skb);
	else
		asctp_reasm_fragment(a, skb);
	return 0;
}

/* The association ends: drop what it held back, and let the others
 * of the socket go on if it was in partial delivery.
 */
void asctp_reasm_purge(struct asctp_assoc *a)
{
	struct asctp_sock *as = asctp_sk(a->sk);

	__skb_queue_purge(&a->reasm);
	__skb_queue_purge(&a->lobby);
	a->reasm_len = 0;
	if (a->pd) {
		a->pd = false;
		asctp_reasm_pd_put(a->sk);
	}
	/* what it held was acknowledged: it still goes to the reader */
	if (sock_flag(a->sk, SOCK_DEAD) || as->closing)
		__skb_queue_purge(&a->held);
	else if (asctp_reasm_holding(a))
		skb_queue_splice_tail_init(&a->held, &as->held);
	else
		asctp_ulp_release(a->sk, &a->held);
}

/* sctp_peeloff() moved @a from @old to its own socket: its partial
 * delivery goes with it, and what either socket held back may go up.
 */
void asctp_reasm_peeloff(struct asctp_assoc *a, struct sock *old)
{
	if (a->pd) {
		asctp_sk(a->sk)->pd_count++;
		asctp_reasm_pd_put(old);
	}
	asctp_reasm_resume(a);
}
