// SPDX-License-Identifier: GPL-2.0
/*
 * sctp_peeloff() (RFC 6458 9.2): one association of a one-to-many
 * socket moves to a new socket of its own, with what is queued for it.
 *
 * The move is the only write of asctp_assoc.sk after creation.  Both
 * sockets are owned by this context, so softirq work for either goes
 * to a backlog or is deferred; the pointer itself changes under the
 * old socket's spinlock, and readers check it again once they hold a
 * socket lock (input.c, timer.c): a packet or timer that raced with
 * the move is handed to the new owner.
 */

#include <linux/file.h>
#include <linux/net.h>
#include <linux/uaccess.h>
#include <net/sock.h>

#include "assoc.h"
#include "mem.h"
#include "peeloff.h"
#include "reasm.h"
#include "sm.h"
#include "sock.h"
#include "ulp.h"

/* The settings a peeled-off socket keeps from its parent. */
static void asctp_peeloff_copy(struct sock *nsk, const struct sock *sk)
{
	const struct asctp_sock *as = asctp_sk(sk);
	struct asctp_sock *ns = asctp_sk(nsk);

	WRITE_ONCE(nsk->sk_sndbuf, READ_ONCE(sk->sk_sndbuf));
	WRITE_ONCE(nsk->sk_rcvbuf, READ_ONCE(sk->sk_rcvbuf));
	nsk->sk_rcvtimeo = sk->sk_rcvtimeo;
	nsk->sk_sndtimeo = sk->sk_sndtimeo;
	nsk->sk_lingertime = sk->sk_lingertime;
	sock_copy_flags(nsk, sk);
	nsk->sk_bound_dev_if = sk->sk_bound_dev_if;
	ns->initmsg = as->initmsg;
	ns->rto_initial_ms = as->rto_initial_ms;
	ns->rto_min_ms = as->rto_min_ms;
	ns->rto_max_ms = as->rto_max_ms;
	ns->cookie_life_ms = as->cookie_life_ms;
	ns->max_retrans = as->max_retrans;
	ns->sack_delay_ms = as->sack_delay_ms;
	ns->sack_freq = as->sack_freq;
	ns->sack_off = as->sack_off;
	ns->aopts = as->aopts;
	ns->popts = as->popts;
	ns->subscribe = as->subscribe;
	ns->autoclose = as->autoclose;
	ns->pd_point = as->pd_point;
	ns->rcv_ratio = as->rcv_ratio;
	ns->nodelay = as->nodelay;
	ns->disable_frags = as->disable_frags;
	ns->frag_interleave = as->frag_interleave;
	ns->recvrcvinfo = as->recvrcvinfo;
	ns->recvnxtinfo = as->recvnxtinfo;
	ns->v4mapped = as->v4mapped;
}

/* Receive memory moves with the skb: uncharge one socket, charge the
 * other.
 */
static void asctp_peeloff_rmem(struct sk_buff_head *q, struct sock *nsk)
{
	struct sk_buff *skb;

	skb_queue_walk(q, skb) {
		skb_orphan(skb);
		asctp_mem_rcharge_event(nsk, skb);
	}
}

/* Messages and notifications of @a already queued for the reader. */
static void asctp_peeloff_rcvq(struct asctp_assoc *a, struct sock *sk,
			       struct sock *nsk)
{
	struct sk_buff *skb, *tmp;

	skb_queue_walk_safe(&sk->sk_receive_queue, skb, tmp) {
		if (ASCTP_RCV_CB(skb)->assoc_id != a->id)
			continue;
		__skb_unlink(skb, &sk->sk_receive_queue);
		skb_orphan(skb);
		asctp_mem_rcharge_event(nsk, skb);
		__skb_queue_tail(&nsk->sk_receive_queue, skb);
	}
}

static u32 asctp_peeloff_truesize(const struct sk_buff_head *q)
{
	const struct sk_buff *skb;
	u32 n = 0;

	skb_queue_walk(q, skb)
		n += skb->truesize;
	return n;
}

/* Everything of @a from @sk to @nsk; both owned by this context. */
static void asctp_peeloff_move(struct asctp_assoc *a, struct sock *sk,
			       struct sock *nsk)
{
	struct inet_sock *ninet = inet_sk(nsk);
	u32 wmem;

	list_move_tail(&a->sock_node, &asctp_sk(nsk)->assocs);
	asctp_sk(sk)->n_assocs--;
	asctp_sk(nsk)->n_assocs++;
	if (asctp_sk(sk)->rx_last == a)
		asctp_sk(sk)->rx_last = NULL;
	a->rx_gen = asctp_sm_rx_gen() - 1;
	asctp_peeloff_rcvq(a, sk, nsk);
	asctp_peeloff_rmem(&a->reasm, nsk);
	asctp_peeloff_rmem(&a->lobby, nsk);
	asctp_peeloff_rmem(&a->held, nsk);
	wmem = asctp_peeloff_truesize(&a->outq) +
	       asctp_peeloff_truesize(&a->sentq);
	asctp_mem_wmove(sk, nsk, wmem);
	ninet->inet_num = inet_sk(sk)->inet_num;
	ninet->inet_sport = a->lport;
	asctp_sock_set_peer(nsk, a);
	nsk->sk_state = sk->sk_state == TCP_LISTEN ? TCP_ESTABLISHED :
						     sk->sk_state;
	asctp_sk(nsk)->peeled = true;

	sock_hold(nsk);			/* the association's */
	local_bh_disable();
	bh_lock_sock(sk);
	WRITE_ONCE(a->sk, nsk);
	if (a->deferred)		/* timers that fired meanwhile */
		set_bit(ASCTP_DEFER_TIMERS, &asctp_sk(nsk)->deferred);
	bh_unlock_sock(sk);
	local_bh_enable();
	asctp_reasm_peeloff(a, sk);
	sock_put(sk);
	sk->sk_write_space(sk);
}

/* A new socket holding association @id of one-to-many @sk. */
static int asctp_peeloff_sock(struct sock *sk, s32 id, struct socket **res)
{
	struct asctp_assoc *a = asctp_assoc_find_id(sk, id);
	struct socket *sock;
	int err;

	if (!a || sk->sk_type != SOCK_SEQPACKET || asctp_sk(sk)->peeled ||
	    a->dead)
		return -EINVAL;
	if (!net_eq(current->nsproxy->net_ns, sock_net(sk)))
		return -EINVAL;
	err = sock_create(sk->sk_family, SOCK_SEQPACKET, asctp_ipproto, &sock);
	if (err)
		return err;
	lock_sock_nested(sock->sk, SINGLE_DEPTH_NESTING);
	asctp_peeloff_copy(sock->sk, sk);
	asctp_peeloff_move(a, sk, sock->sk);
	release_sock(sock->sk);
	*res = sock;
	return 0;
}

/* SCTP_SOCKOPT_PEELOFF and _FLAGS, through getsockopt: the new fd in
 * sctp_peeloff_arg_t.sd, also the return value.  @sk is locked.
 */
int asctp_peeloff_get(struct sock *sk, int optname, char __user *optval,
		      int __user *optlen, int len)
{
	sctp_peeloff_flags_arg_t p = {};
	struct socket *sock;
	struct file *file;
	int size, fd, err;

	size = optname == SCTP_SOCKOPT_PEELOFF ? sizeof(p.p_arg) : sizeof(p);
	if (len < size)
		return -EINVAL;
	if (copy_from_user(&p, optval, size))
		return -EFAULT;
	if (p.flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK))
		return -EINVAL;
	err = asctp_peeloff_sock(sk, p.p_arg.associd, &sock);
	if (err)
		return err;
	fd = get_unused_fd_flags(p.flags & SOCK_CLOEXEC);
	if (fd < 0) {
		sock_release(sock);
		return fd;
	}
	file = sock_alloc_file(sock, p.flags & SOCK_NONBLOCK ? O_NONBLOCK : 0,
			       NULL);
	if (IS_ERR(file)) {
		put_unused_fd(fd);
		return PTR_ERR(file);	/* it released sock */
	}
	p.p_arg.sd = fd;
	if (put_user(size, optlen) || copy_to_user(optval, &p, size)) {
		fput(file);
		put_unused_fd(fd);
		return -EFAULT;
	}
	fd_install(fd, file);
	return fd;
}
