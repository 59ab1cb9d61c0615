// SPDX-License-Identifier: GPL-2.0
/*
 * sendmsg and recvmsg.  A message becomes DATA chunks (fragments with
 * B and E bits, RFC 9260 6.9) on its association's queue; received
 * messages and notifications are read from the socket's queue, with
 * SCTP_SNDRCV ancillary data when the user subscribed to it.
 */

#include <linux/ip.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <net/inet_common.h>
#include <net/ip.h>
#include <net/sock.h>

#include "assoc.h"
#include "chunk.h"
#include "mem.h"
#include "msg.h"
#include "obj.h"
#include "sm.h"
#include "sock.h"
#include "ulp.h"

/* What sendmsg's ancillary data asks for (RFC 6458 5.3). */
struct asctp_cmsgs {
	struct sctp_sndrcvinfo si;	/* SCTP_SNDRCV or SCTP_SNDINFO */
	bool given;			/* else the association's defaults */
	const struct sctp_initmsg *init;	/* SCTP_INIT */
	bool bad_dst;			/* SCTP_DSTADDRV4/6 too short */
};

enum {
	ASCTP_SND_FLAGS = SCTP_UNORDERED | SCTP_ADDR_OVER |
			  SCTP_SACK_IMMEDIATELY | SCTP_SENDALL |
			  SCTP_PR_SCTP_MASK | SCTP_ABORT | SCTP_EOF,
};

static void asctp_msg_sndinfo(struct sctp_sndrcvinfo *si,
			      const struct sctp_sndinfo *sn)
{
	si->sinfo_stream = sn->snd_sid;
	si->sinfo_flags = sn->snd_flags;
	si->sinfo_ppid = sn->snd_ppid;
	si->sinfo_context = sn->snd_context;
	si->sinfo_assoc_id = sn->snd_assoc_id;
}

/* One cmsg, with the kernel's SCTP's length and flag checks.  PR-SCTP
 * is not negotiated, so SCTP_PRINFO is checked and the message goes
 * reliably, as to a peer without it; SCTP_AUTHINFO waits for AUTH.
 * SCTP_DSTADDRV4 and V6 list more peer addresses: checked, not used.
 */
static int asctp_msg_cmsg(struct cmsghdr *c, struct asctp_cmsgs *cm)
{
	const struct sctp_prinfo *pr;
	size_t len = c->cmsg_len;

	switch (c->cmsg_type) {
	case SCTP_SNDRCV:
		if (len != CMSG_LEN(sizeof(cm->si)))
			return -EINVAL;
		memcpy(&cm->si, CMSG_DATA(c), sizeof(cm->si));
		break;
	case SCTP_SNDINFO:
		if (len != CMSG_LEN(sizeof(struct sctp_sndinfo)))
			return -EINVAL;
		asctp_msg_sndinfo(&cm->si, (void *)CMSG_DATA(c));
		break;
	case SCTP_INIT:
		if (len != CMSG_LEN(sizeof(*cm->init)))
			return -EINVAL;
		cm->init = (void *)CMSG_DATA(c);
		return 0;
	case SCTP_PRINFO:
		pr = (void *)CMSG_DATA(c);
		if (len != CMSG_LEN(sizeof(*pr)) ||
		    pr->pr_policy & ~SCTP_PR_SCTP_MASK)
			return -EINVAL;
		return 0;
	case SCTP_DSTADDRV4:
		/* checked only when it sets an association up */
		if (len < CMSG_LEN(sizeof(struct in_addr)))
			cm->bad_dst = true;
		return 0;
	case SCTP_DSTADDRV6:
		if (len < CMSG_LEN(sizeof(struct in6_addr)))
			cm->bad_dst = true;
		return 0;
	default:		/* SCTP_AUTHINFO too */
		return -EINVAL;
	}
	cm->given = true;
	return cm->si.sinfo_flags & ~ASCTP_SND_FLAGS ? -EINVAL : 0;
}

static int asctp_msg_cmsgs(struct msghdr *msg, struct asctp_cmsgs *cm)
{
	struct cmsghdr *c;
	int err;

	memset(cm, 0, sizeof(*cm));
	for_each_cmsghdr(c, msg) {
		if (!CMSG_OK(msg, c))
			return -EINVAL;
		if (c->cmsg_level != IPPROTO_SCTP)
			continue;
		err = asctp_msg_cmsg(c, cm);
		if (err)
			return err;
	}
	return 0;
}

/* msg_name as the kernel's SCTP checks it (sctp_verify_addr()): NULL
 * when there is none, -EINVAL when short, of a family the socket does
 * not take, or not an address an association can have (broadcast,
 * multicast, 0/8, 198.18/15, the 6to4 anycast one; for IPv6 one that
 * is not unicast).
 */
static const struct asctp_taddr *asctp_msg_addr(struct sock *sk,
						const struct msghdr *msg,
						struct asctp_taddr *t)
{
	__be32 addr;

	if (!msg->msg_name)
		return NULL;
	if (asctp_addr_from_user(sk, msg->msg_name, msg->msg_namelen, t) < 0)
		return ERR_PTR(-EINVAL);
	if (!asctp_addr_is_v4(&t->addr))
		return asctp_addr_peer_ok(&t->addr) ? t : ERR_PTR(-EINVAL);
	addr = asctp_addr_v4(&t->addr);
	if (addr == htonl(INADDR_BROADCAST) || ipv4_is_multicast(addr) ||
	    ipv4_is_zeronet(addr) || ipv4_is_test_198(addr) ||
	    ipv4_is_anycast_6to4(addr))
		return ERR_PTR(-EINVAL);
	return t;
}

/* The association a message goes to, as the kernel's SCTP finds it:
 * by address if one is given, else by id (-EPIPE if none); one-to-one
 * only to its own peer (-EADDRNOTAVAIL); one-to-many may set one up.
 */
static struct asctp_assoc *asctp_msg_assoc(struct sock *sk,
					   struct msghdr *msg,
					   const struct asctp_cmsgs *cm,
					   int *err)
{
	const struct sctp_sndrcvinfo *si = &cm->si;
	const struct asctp_taddr *sin;
	struct asctp_assoc *a;
	struct asctp_taddr t;

	sin = asctp_msg_addr(sk, msg, &t);
	if (IS_ERR(sin)) {
		*err = PTR_ERR(sin);
		return NULL;
	}
	*err = -EPIPE;
	if (asctp_sock_single(sk)) {
		a = list_first_entry_or_null(&asctp_sk(sk)->assocs,
					     struct asctp_assoc, sock_node);
		if (a && sin && asctp_sock_find_peer(sk, sin) != a) {
			*err = -EADDRNOTAVAIL;
			return NULL;
		}
		return a;
	}
	if (!sin)
		return asctp_assoc_find_id(sk, si->sinfo_assoc_id);
	a = asctp_sock_find_peer(sk, sin);
	*err = -EINVAL;		/* nothing to end */
	if (a || (si->sinfo_flags & (SCTP_ABORT | SCTP_EOF)) || cm->bad_dst)
		return a;
	return asctp_sock_connect_assoc(sk, sin, cm->init, err);
}

/* Room for @len more bytes: in SO_SNDBUF, and in asctp's memory
 * (mem.c).  A socket with nothing queued always has room in its
 * buffer; asctp_msg_queue() checks the memory then.
 */
static bool asctp_msg_room(struct sock *sk, size_t len)
{
	if (!sk->sk_wmem_queued)
		return true;
	return sk->sk_wmem_queued + len <= READ_ONCE(sk->sk_sndbuf) &&
	       asctp_mem_wschedule(sk, len);
}

static int asctp_msg_wait_room(struct sock *sk, struct asctp_assoc *a,
			       size_t len, long *timeo)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	int queued, err = 0;

	add_wait_queue(sk_sleep(sk), &wait);
	while (!asctp_msg_room(sk, len)) {
		if (a->dead || sk->sk_err) {
			err = -EPIPE;
			break;
		}
		if (!*timeo) {
			err = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			err = sock_intr_errno(*timeo);
			break;
		}
		set_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
		/* the room is checked again under the lock */
		queued = sk->sk_wmem_queued;
		sk_wait_event(sk, timeo, a->dead ||
			      READ_ONCE(sk->sk_wmem_queued) < queued, &wait);
	}
	remove_wait_queue(sk_sleep(sk), &wait);
	return err;
}

/* One DATA chunk of @n bytes from @msg; TSN set when queued. */
static struct sk_buff *asctp_msg_chunk(struct sock *sk, struct msghdr *msg,
				       const struct sctp_sndrcvinfo *si,
				       u16 ssn, size_t n, u8 flags)
{
	unsigned int clen = ASCTP_DATA_MIN_LEN + n;
	struct asctp_chunk_hdr *ch;
	struct asctp_data_hdr *dh;
	struct sk_buff *skb;

	skb = asctp_obj_fail(clen) ? NULL :
	      alloc_skb(asctp_pad4(clen), sk->sk_allocation);
	if (!skb)
		return ERR_PTR(-ENOBUFS);
	ch = skb_put_zero(skb, asctp_pad4(clen));
	ch->type = ASCTP_CID_DATA;
	ch->flags = flags;
	ch->length = htons(clen);
	dh = (struct asctp_data_hdr *)(ch + 1);
	dh->stream = htons(si->sinfo_stream);
	dh->ssn = htons(ssn);
	dh->ppid = (__force __be32)si->sinfo_ppid;
	if (memcpy_from_msg(dh + 1, msg, n)) {
		kfree_skb(skb);
		return ERR_PTR(-EFAULT);
	}
	memset(ASCTP_TX_CB(skb), 0, sizeof(struct asctp_tx_cb));
	ASCTP_TX_CB(skb)->len = clen;
	ASCTP_TX_CB(skb)->context = si->sinfo_context;
	return skb;
}

/* The most user data a DATA chunk carries: what fits the path,
 * or less if the user said so (SCTP_MAXSEG).
 */
u32 asctp_msg_frag_point(const struct asctp_assoc *a)
{
	u32 max = a->room - ASCTP_DATA_MIN_LEN;

	if (a->opts.user_frag)
		max = min(max, a->opts.user_frag);
	return max & ~3U;
}

/* RFC 9260 6.9: split into fragments that fit the path, all or none. */
static int asctp_msg_queue(struct asctp_assoc *a, struct msghdr *msg,
			   size_t len, const struct sctp_sndrcvinfo *si)
{
	size_t max = asctp_msg_frag_point(a);
	bool unordered = si->sinfo_flags & SCTP_UNORDERED;
	u16 ssn = unordered ? 0 : a->ssn[si->sinfo_stream];
	struct sk_buff_head q;
	struct sk_buff *skb;
	size_t off, n;
	u8 flags;

	__skb_queue_head_init(&q);
	for (off = 0; off < len; off += n) {
		n = min(len - off, max);
		flags = (off ? 0 : ASCTP_DATA_B) |
			(off + n == len ? ASCTP_DATA_E : 0) |
			(unordered ? ASCTP_DATA_U : 0);
		skb = asctp_msg_chunk(a->sk, msg, si, ssn, n, flags);
		if (IS_ERR(skb)) {
			__skb_queue_purge(&q);
			return PTR_ERR(skb);
		}
		__skb_queue_tail(&q, skb);
	}
	if (!asctp_mem_wschedule_queue(a->sk, &q)) {
		__skb_queue_purge(&q);
		return -ENOBUFS;
	}
	while ((skb = __skb_dequeue(&q))) {
		ASCTP_TX_CB(skb)->tsn = a->next_tsn;
		((struct asctp_data_hdr *)(skb->data +
			ASCTP_CHUNK_HDR_LEN))->tsn = htonl(a->next_tsn++);
		asctp_mem_wcharge(a->sk, skb);
		__skb_queue_tail(&a->outq, skb);
	}
	if (!unordered)
		a->ssn[si->sinfo_stream]++;
	a->last_data = jiffies;
	return 0;
}

/* RFC 6458 8.1.10, 8.1.31: no SNDRCV or SNDINFO, the defaults. */
static void asctp_msg_defaults(const struct asctp_assoc *a,
			       struct sctp_sndrcvinfo *si)
{
	si->sinfo_stream = a->opts.snd_sid;
	si->sinfo_flags = a->opts.snd_flags;
	si->sinfo_ppid = a->opts.snd_ppid;
	si->sinfo_context = a->opts.snd_context;
	si->sinfo_timetolive = a->opts.snd_ttl;
	si->sinfo_assoc_id = a->id;
}

/* RFC 6458 5.3.2 flags, with the kernel's checks: SCTP_EOF and
 * SCTP_ABORT are for one-to-many sockets, SCTP_EOF carries no data, and
 * an empty message is only for them (RFC 9260 6.2: no empty DATA).
 */
static int asctp_msg_check_flags(const struct sock *sk,
				 const struct sctp_sndrcvinfo *si, size_t len)
{
	u16 f = si->sinfo_flags & (SCTP_EOF | SCTP_ABORT);

	if (f && sk->sk_type == SOCK_STREAM)
		return -EINVAL;
	if ((f & SCTP_EOF && len) || (!f && !len))
		return -EINVAL;
	return 0;
}

static int asctp_msg_send_locked(struct sock *sk, struct msghdr *msg,
				 size_t len, struct asctp_cmsgs *cm)
{
	struct sctp_sndrcvinfo *si = &cm->si;
	long timeo = sock_sndtimeo(sk, msg->msg_flags & MSG_DONTWAIT);
	struct asctp_assoc *a;
	int err;

	if (sk->sk_shutdown & SEND_SHUTDOWN)
		return -EPIPE;
	/* the flags given (none if none), before the association */
	err = asctp_msg_check_flags(sk, si, len);
	if (err)
		return err;
	a = asctp_msg_assoc(sk, msg, cm, &err);
	if (!a)
		return err;
	if (!cm->given) {
		asctp_msg_defaults(a, si);
		err = asctp_msg_check_flags(sk, si, len);
		if (err)
			return err;
	}
	if (si->sinfo_flags & SCTP_ABORT) {
		asctp_sm_abort_assoc(a, ASCTP_CAUSE_USER_ABORT, 0);
		return 0;
	}
	if (a->state > ASCTP_S_ESTABLISHED)
		return -EPIPE;
	if (len && si->sinfo_stream >= a->os)
		return -EINVAL;
	if (asctp_sk(sk)->disable_frags && len > asctp_msg_frag_point(a))
		return -EMSGSIZE;	/* RFC 6458 8.1.15 */
	asctp_assoc_hold(a);
	err = asctp_msg_wait_room(sk, a, len, &timeo);
	if (!err && !a->dead && len)
		err = asctp_msg_queue(a, msg, len, si);
	if (!err && !a->dead) {
		asctp_sm_xmit_data(a);
		if (si->sinfo_flags & SCTP_EOF)
			asctp_sm_shutdown_start(a);
	} else if (!err) {
		err = -EPIPE;
	}
	asctp_assoc_put(a);
	return err;
}

int asctp_msg_send(struct socket *sock, struct msghdr *msg, size_t len)
{
	struct sock *sk = sock->sk;
	struct asctp_cmsgs cm;
	int err;

	err = asctp_msg_cmsgs(msg, &cm);
	if (err)
		return err;
	lock_sock(sk);
	err = asctp_msg_send_locked(sk, msg, len, &cm);
	release_sock(sk);
	if (err == -EPIPE && !(msg->msg_flags & MSG_NOSIGNAL))
		send_sig(SIGPIPE, current, 0);
	if (err)
		return err;
	/* an ABORT's data is its reason: none of it is sent as such */
	return cm.si.sinfo_flags & SCTP_ABORT ? 0 : len;
}

/* RFC 6458 5.3.2: SCTP_SNDRCV for a received message. */
static int asctp_msg_put_sndrcv(struct msghdr *msg,
				const struct asctp_rcv_cb *cb)
{
	struct sctp_sndrcvinfo si = {
		.sinfo_stream = cb->stream,
		.sinfo_ssn = cb->ssn,
		.sinfo_flags = cb->flags & ASCTP_DATA_U ? SCTP_UNORDERED : 0,
		.sinfo_ppid = cb->ppid,
		.sinfo_tsn = cb->tsn,
		.sinfo_cumtsn = cb->cum_tsn,
		.sinfo_context = cb->context,
		.sinfo_assoc_id = cb->assoc_id,
	};

	return put_cmsg(msg, IPPROTO_SCTP, SCTP_SNDRCV, sizeof(si), &si);
}

/* RFC 6458 5.3.5: SCTP_RCVINFO, with SCTP_RECVRCVINFO. */
static int asctp_msg_put_rcvinfo(struct msghdr *msg,
				 const struct asctp_rcv_cb *cb)
{
	struct sctp_rcvinfo ri = {
		.rcv_sid = cb->stream,
		.rcv_ssn = cb->ssn,
		.rcv_flags = cb->flags & ASCTP_DATA_U ? SCTP_UNORDERED : 0,
		.rcv_ppid = cb->ppid,
		.rcv_tsn = cb->tsn,
		.rcv_cumtsn = cb->cum_tsn,
		.rcv_context = cb->context,
		.rcv_assoc_id = cb->assoc_id,
	};

	return put_cmsg(msg, IPPROTO_SCTP, SCTP_RCVINFO, sizeof(ri), &ri);
}

/* RFC 6458 5.3.6: SCTP_NXTINFO, what the next read would return, if
 * anything is queued behind @skb.
 */
static int asctp_msg_put_nxtinfo(struct sock *sk, struct msghdr *msg,
				 struct sk_buff *skb)
{
	const struct asctp_rcv_cb *cb;
	struct sctp_nxtinfo ni = {};

	skb = skb_peek_next(skb, &sk->sk_receive_queue);
	if (!skb)
		return 0;
	cb = ASCTP_RCV_CB(skb);
	ni.nxt_sid = cb->stream;
	ni.nxt_ppid = cb->ppid;
	ni.nxt_length = skb->len - cb->offset;
	ni.nxt_assoc_id = cb->assoc_id;
	if (cb->notification)
		ni.nxt_flags = SCTP_NOTIFICATION;
	if (cb->flags & ASCTP_DATA_U)
		ni.nxt_flags |= SCTP_UNORDERED;	/* no SCTP_COMPLETE in Linux */
	return put_cmsg(msg, IPPROTO_SCTP, SCTP_NXTINFO, sizeof(ni), &ni);
}

/* The ancillary data of one read, as the user asked for it. */
static void asctp_msg_put_cmsgs(struct sock *sk, struct msghdr *msg,
				struct sk_buff *skb)
{
	const struct asctp_rcv_cb *cb = ASCTP_RCV_CB(skb);
	const struct asctp_sock *as = asctp_sk(sk);

	if (as->recvnxtinfo)
		asctp_msg_put_nxtinfo(sk, msg, skb);
	if (cb->notification)
		return;
	if (as->recvrcvinfo)
		asctp_msg_put_rcvinfo(msg, cb);
	if (asctp_event_on(as->subscribe, SCTP_DATA_IO_EVENT))
		asctp_msg_put_sndrcv(msg, cb);
}

static void asctp_msg_name(struct sock *sk, struct msghdr *msg,
			   const struct asctp_rcv_cb *cb)
{
	DECLARE_SOCKADDR(struct sockaddr_storage *, ss, msg->msg_name);

	if (!ss)
		return;
	msg->msg_namelen = asctp_addr_to_user(sk, &cb->paddr, cb->pport, ss);
}

/* Wait for something to read; NULL with *err set otherwise. */
static struct sk_buff *asctp_msg_wait_data(struct sock *sk, int flags,
					   int *err)
{
	long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
	struct sk_buff *skb;

	while (!(skb = skb_peek(&sk->sk_receive_queue))) {
		*err = sock_error(sk);
		if (*err)
			return NULL;
		if (sk->sk_shutdown & RCV_SHUTDOWN)
			return NULL;	/* *err is 0: end of stream */
		*err = -EAGAIN;
		if (!timeo)
			return NULL;
		*err = sock_intr_errno(timeo);
		if (signal_pending(current))
			return NULL;
		sk_wait_data(sk, &timeo, NULL);
	}
	return skb;
}

/* After the reader made room: tell the peer when the window reopens.
 * Only while it may still send DATA: after its SHUTDOWN (9.2) it sends
 * none, and once our SHUTDOWN ACK is out it may have deleted its TCB
 * and would answer the SACK with an ABORT (8.4), a clean end turned
 * into ECONNRESET.  Only when one association sends: with several,
 * each window is a share (handshake.c) that the SACKs of their DATA
 * renew, and a walk of them all per read would not scale.
 */
static void asctp_msg_window_update(struct sock *sk)
{
	struct asctp_assoc *a = asctp_sk(sk)->rx_last;

	if (!a || asctp_sm_rx_senders(sk, true) > 1)
		return;
	if (a->state >= ASCTP_S_ESTABLISHED &&
	    a->state <= ASCTP_S_SHUTDOWN_SENT &&
	    asctp_sm_rwnd_assoc(a) >=
	    a->rwnd_sent + READ_ONCE(sk->sk_rcvbuf) / 4)
		asctp_sm_send_sack(a);
}

static int asctp_msg_recv_locked(struct sock *sk, struct msghdr *msg,
				 size_t len, int flags)
{
	struct asctp_rcv_cb *cb;
	struct sk_buff *skb;
	int err = 0;
	size_t n;

	skb = asctp_msg_wait_data(sk, flags, &err);
	if (!skb)
		return err;
	cb = ASCTP_RCV_CB(skb);
	n = min_t(size_t, len, skb->len - cb->offset);
	err = skb_copy_datagram_msg(skb, cb->offset, msg, n);
	if (err)
		return err;
	asctp_msg_name(sk, msg, cb);
	if (cb->notification)
		msg->msg_flags |= MSG_NOTIFICATION;
	asctp_msg_put_cmsgs(sk, msg, skb);
	if (flags & MSG_PEEK)
		return n;
	if (cb->offset + n < skb->len) {
		cb->offset += n;	/* the rest on the next call */
		return n;
	}
	if (cb->flags & ASCTP_DATA_E)
		msg->msg_flags |= MSG_EOR;
	__skb_unlink(skb, &sk->sk_receive_queue);
	consume_skb(skb);
	asctp_msg_window_update(sk);
	return n;
}

int asctp_msg_recv(struct socket *sock, struct msghdr *msg, size_t len,
		   int flags)
{
	struct sock *sk = sock->sk;
	int addr_len = 0, ret;

	/* As the kernel's SCTP: MSG_OOB means nothing, MSG_ERRQUEUE
	 * reads the IP error queue.
	 */
	if (flags & MSG_ERRQUEUE) {
		ret = inet_recv_error(sk, msg, len, &addr_len);
		if (ret >= 0)
			msg->msg_namelen = addr_len;
		return ret;
	}
	lock_sock(sk);
	ret = asctp_msg_recv_locked(sk, msg, len, flags);
	release_sock(sk);
	return ret;
}
