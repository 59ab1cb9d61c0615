// SPDX-License-Identifier: GPL-2.0
/*
 * Socket layer.  Both types, SOCK_SEQPACKET (one-to-many) and
 * SOCK_STREAM (one-to-one), are registered for the module's IP protocol
 * number.  Sockets pin the module through proto.owner and
 * proto_ops.owner, so rmmod is refused while one is open, or while a
 * closed one still finishes its associations' shutdown.
 *
 * A one-to-one listener makes a child socket, locked, when a valid
 * COOKIE ECHO arrives (in softirq, as TCP does), and accept() hands it
 * out.  The association belongs to that child from the start.
 */

#include <linux/module.h>
#include <linux/sched/signal.h>
#include <net/addrconf.h>
#include <net/inet_common.h>
#include <net/transp_v6.h>
#include <net/ip.h>
#include <net/protocol.h>
#include <net/route.h>
#include <net/sock.h>

#include "assoc.h"
#include "compat.h"
#include "cookie.h"
#include "encap.h"
#include "icmp.h"
#include "input.h"
#include "mem.h"
#include "msg.h"
#include "obj.h"
#include "port.h"
#include "sm.h"
#include "sock.h"
#include "sockopt.h"
#include "timer.h"
#include "ulp.h"

u8 asctp_ipproto;

/* RFC 6458 8.2.6 defaults, as the kernel's SCTP has them. */
enum asctp_sock_default {
	ASCTP_DEFAULT_OSTREAMS	= 10,
	/* 6.1: default buffers that fill a fast path without tuning,
	 * as sctp.ko's net.sctp.sctp_rmem does; SO_RCVBUF still rules.
	 */
	ASCTP_DEFAULT_RCVBUF	= 1 << 20,
	ASCTP_DEFAULT_SNDBUF	= 1 << 20,
	ASCTP_DEFAULT_ISTREAMS	= ASCTP_MAX_STREAMS,
};

static void asctp_sock_write_space(struct sock *sk)
{
	struct socket_wq *wq;

	if (sk->sk_wmem_queued >= READ_ONCE(sk->sk_sndbuf) || !sk->sk_socket)
		return;
	clear_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
	rcu_read_lock();
	wq = rcu_dereference(sk->sk_wq);
	if (skwq_has_sleeper(wq))
		wake_up_interruptible_poll(&wq->wait, EPOLLOUT | EPOLLWRNORM);
	rcu_read_unlock();
}

/* Fields of ours a fresh socket and a child both start from. */
static void asctp_sock_init_lists(struct sock *sk)
{
	struct asctp_sock *as = asctp_sk(sk);

	INIT_HLIST_NODE(&as->port_node);
	INIT_LIST_HEAD(&as->assocs);
	INIT_LIST_HEAD(&as->accept_q);
	INIT_LIST_HEAD(&as->accept_node);
	as->next_id = SCTP_ALL_ASSOC + 1;	/* 0-2 name groups (RFC 6458) */
	as->deferred = 0;
	as->pd_count = 0;
	as->pd_held = false;
	skb_queue_head_init(&as->held);
	as->closing = false;
	as->connect_intr = 0;
	as->n_assocs = 0;
	as->rx_last = NULL;
	as->rx_active = 0;
	as->rx_prev = 0;
	sock_set_flag(sk, SOCK_RCU_FREE);	/* port lookups under RCU */
	sk->sk_write_space = asctp_sock_write_space;
	asctp_obj_get(ASCTP_OBJ_SOCK);
}

static int asctp_sock_create(struct sock *sk)
{
	struct asctp_sock *as = asctp_sk(sk);

	asctp_sock_init_lists(sk);
	as->initmsg.sinit_num_ostreams = ASCTP_DEFAULT_OSTREAMS;
	as->initmsg.sinit_max_instreams = ASCTP_DEFAULT_ISTREAMS;
	as->initmsg.sinit_max_attempts = ASCTP_MAX_INIT_RETRANS;
	as->initmsg.sinit_max_init_timeo = ASCTP_RTO_MAX_MS;
	as->rcv_ratio = 128;
	as->v4mapped = true;		/* as the kernel's SCTP */
	as->rto_initial_ms = ASCTP_RTO_INITIAL_MS;
	as->rto_min_ms = ASCTP_RTO_MIN_MS;
	as->rto_max_ms = ASCTP_RTO_MAX_MS;
	as->cookie_life_ms = ASCTP_COOKIE_LIFE_MS;
	as->max_retrans = ASCTP_MAX_ASSOC_RETRANS;
	as->sack_delay_ms = ASCTP_SACK_DELAY_MS;
	as->sack_freq = ASCTP_SACK_FREQ;
	as->aopts.max_burst = ASCTP_MAX_BURST;
	as->popts.hb_interval_ms = ASCTP_HB_INTERVAL_MS;
	as->popts.max_retrans = ASCTP_PATH_MAX_RETRANS;
	as->popts.pf_retrans = ASCTP_PF_RETRANS;
	as->popts.ps_retrans = ASCTP_PS_RETRANS;
	as->popts.flags = SPP_HB_ENABLE | SPP_PMTUD_ENABLE;
	as->popts.encap_port = asctp_encap_default_port(sock_net(sk));
	WRITE_ONCE(sk->sk_rcvbuf, max(READ_ONCE(sk->sk_rcvbuf),
				      ASCTP_DEFAULT_RCVBUF));
	WRITE_ONCE(sk->sk_sndbuf, max(READ_ONCE(sk->sk_sndbuf),
				      ASCTP_DEFAULT_SNDBUF));
	sk->sk_state = TCP_CLOSE;
	sk_sockets_allocated_inc(sk);	/* sk_clone_lock() counts a child */
	return 0;
}

/* Called once, from sk_common_release(), even if create failed. */
static void asctp_sock_destroy(struct sock *sk)
{
	sk_sockets_allocated_dec(sk);
	asctp_obj_put(ASCTP_OBJ_SOCK);
}

static void asctp_sock_unhash(struct sock *sk)
{
	asctp_port_unbind(sk);
}

/* The child's own IPv6 state: sock_copy() took the parent's pointer to
 * its ipv6_pinfo, and the lists and options that hang off it.
 */
static void asctp_sock_clone6(struct sock *sk)
{
	struct ipv6_pinfo *np;

	inet_sk(sk)->pinet6 = &((struct asctp6_sock *)sk)->inet6;
	np = inet6_sk(sk);
	RCU_INIT_POINTER(np->ipv6_mc_list, NULL);
	np->ipv6_ac_list = NULL;
#ifdef ASCTP_HAVE_INET_FL_LIST	/* 6.6 moved it */
	RCU_INIT_POINTER(inet_sk(sk)->ipv6_fl_list, NULL);
#else
	RCU_INIT_POINTER(np->ipv6_fl_list, NULL);
#endif
	RCU_INIT_POINTER(np->opt, NULL);
	np->pktoptions = NULL;
	np->rxpmtu = NULL;
}

/* In softirq, listener locked: a copy of it, locked, for one
 * association.  sock_copy() took the parent's pointers: drop those
 * that must not be shared.
 */
struct sock *asctp_sock_clone(struct sock *listener)
{
	struct sock *sk = sk_clone_lock(listener, GFP_ATOMIC);
	struct inet_sock *inet;

	if (!sk)
		return NULL;
	inet = inet_sk(sk);
	RCU_INIT_POINTER(inet->inet_opt, NULL);
	inet->mc_list = NULL;
	asctp_sock_init_lists(sk);
	inet->inet_num = inet_sk(listener)->inet_num;
	if (sk->sk_family == AF_INET6)
		asctp_sock_clone6(sk);
	sk->sk_state = TCP_SYN_RECV;
	sk->sk_ack_backlog = 0;
	return sk;
}

/* sk_clone_lock() returned the child locked, unknown to sparse. */
void asctp_sock_child_unlock(struct sock *child)
{
	__acquire(&child->sk_lock.slock);
	bh_unlock_sock(child);
}

/* A child that never got its association: locked, two references. */
void asctp_sock_child_drop(struct sock *child)
{
	sk_sockets_allocated_dec(child);
	asctp_obj_put(ASCTP_OBJ_SOCK);
	sock_set_flag(child, SOCK_DEAD);
	child->sk_state = TCP_CLOSE;
	asctp_sock_child_unlock(child);
	sock_put(child);
	sock_put(child);
}

/* The child's second reference is the rx's, dropped by input. */
void asctp_sock_accept_enqueue(struct sock *listener, struct sock *child)
{
	list_add_tail(&asctp_sk(child)->accept_node,
		      &asctp_sk(listener)->accept_q);
	sk_acceptq_added(listener);
	listener->sk_data_ready(listener);
}

/* The association is up: a one-to-one socket is now connected. */
void asctp_sock_assoc_up(struct asctp_assoc *a)
{
	struct sock *sk = a->sk;

	a->was_up = true;
	if (sk->sk_type != SOCK_STREAM) {
		sk->sk_state_change(sk);
		return;
	}
	asctp_sock_set_peer(sk, a);
	sk->sk_state = TCP_ESTABLISHED;
	if (sk->sk_socket)
		sk->sk_socket->state = SS_CONNECTED;
	sk->sk_state_change(sk);
}

/* The association ended: a one-to-one socket is done, with @err. */
void asctp_sock_assoc_down(struct asctp_assoc *a, int err)
{
	struct sock *sk = a->sk;

	if (sk->sk_type == SOCK_STREAM) {
		sk->sk_shutdown = SHUTDOWN_MASK;
		sk->sk_state = TCP_CLOSE;
		if (err) {
			WRITE_ONCE(sk->sk_err, err);
			sk_error_report(sk);
		}
	}
	sk->sk_state_change(sk);
	sk->sk_write_space(sk);
}

/* A one-to-one socket's peer and local address: its association's. */
void asctp_sock_set_peer(struct sock *sk, const struct asctp_assoc *a)
{
	inet_sk(sk)->inet_daddr = asctp_addr_v4_or_any(&a->paddr);
	inet_sk(sk)->inet_dport = a->pport;
	if (sk->sk_family == AF_INET6)
		sk->sk_v6_daddr = a->paddr;
	asctp_sock_set_baddr(asctp_sk(sk), &a->laddr);
}

struct asctp_assoc *asctp_sock_find_peer(struct sock *sk,
					 const struct asctp_taddr *t)
{
	struct asctp_assoc *a;

	list_for_each_entry(a, &asctp_sk(sk)->assocs, sock_node)
		if (a->pport == t->port && asctp_path_find(a, &t->addr))
			return a;
	return NULL;
}

static int asctp_sock_autobind(struct sock *sk)
{
	if (inet_sk(sk)->inet_num)
		return 0;
	return asctp_port_bind(sk, &in6addr_any, 0);
}

/* The source address (the bound one, or the route's) and path MTU. */
static int asctp_sock_route(struct sock *sk, struct asctp_assoc *a)
{
	int err;

	a->laddr = asctp_sk(sk)->baddr;
	err = asctp_path_route(sk, a, a->primary);
	a->laddr = a->primary->saddr;
	return err;
}

/* RFC 9260 5.1 (A): a new association in COOKIE-WAIT, INIT sent. */
struct asctp_assoc *asctp_sock_connect_assoc(struct sock *sk,
					     const struct asctp_taddr *t,
					     const struct sctp_initmsg *init,
					     int *err)
{
	struct sctp_initmsg im = asctp_sk(sk)->initmsg;
	struct asctp_assoc *a;

	*err = -EINVAL;
	if (!t->port || !asctp_addr_peer_ok(&t->addr))
		return NULL;
	*err = asctp_sock_autobind(sk);
	if (*err)
		return NULL;
	*err = -ENOMEM;
	a = asctp_assoc_new(sk, GFP_KERNEL);
	if (!a)
		return NULL;
	if (init)		/* SCTP_INIT cmsg: its non-zero fields */
		asctp_initmsg_merge(&im, init);
	a->lport = inet_sk(sk)->inet_sport;
	a->paddr = t->addr;
	a->pport = t->port;
	a->primary->addr = a->paddr;
	/* what we offer; the INIT ACK may lower it */
	if (asctp_assoc_set_streams(a, im.sinit_num_ostreams,
				    im.sinit_max_instreams, GFP_KERNEL)) {
		asctp_assoc_delete(a);
		return NULL;
	}
	a->max_init = im.sinit_max_attempts;
	a->max_init_rto_ms = im.sinit_max_init_timeo;
	a->primary->rto.rto_ms = min(a->primary->rto.rto_ms,
				     a->max_init_rto_ms);
	*err = asctp_sock_route(sk, a);
	if (*err) {
		asctp_assoc_delete(a);
		return NULL;
	}
	asctp_assoc_hash(a);
	a->state = ASCTP_S_COOKIE_WAIT;
	asctp_sm_send_init(a);
	asctp_timer_start(a, ASCTP_T1);
	return a;
}

/* An address of this namespace's, or one IP_FREEBIND lets us bind. */
bool asctp_sock_local_addr(struct sock *sk, const struct in6_addr *a)
{
	struct net *net = sock_net(sk);

	if (asctp_addr_any(a) || inet_can_nonlocal_bind(net, inet_sk(sk)))
		return true;
	if (asctp_addr_is_v4(a))
		return inet_addr_type(net, asctp_addr_v4(a)) == RTN_LOCAL;
	return !(ipv6_addr_type(a) & IPV6_ADDR_LINKLOCAL) &&
	       ipv6_chk_addr(net, a, NULL, 0);
}

int asctp_sock_bind(struct sock *sk, const struct asctp_taddr *t)
{
	struct net *net = sock_net(sk);
	u16 port = ntohs(t->port);

	if (inet_sk(sk)->inet_num)
		return -EINVAL;
	if (!asctp_sock_local_addr(sk, &t->addr))
		return -EADDRNOTAVAIL;
	if (port && inet_port_requires_bind_service(net, port) &&
	    !ns_capable(net->user_ns, CAP_NET_BIND_SERVICE))
		return -EACCES;
	return asctp_port_bind(sk, &t->addr, port);
}

static int asctp_bind(struct socket *sock, struct sockaddr *uaddr, int len)
{
	struct sock *sk = sock->sk;
	struct asctp_taddr t;
	int err;

	err = asctp_addr_from_user(sk, uaddr, len, &t);
	if (err < 0)
		return err;
	lock_sock(sk);
	err = asctp_sock_bind(sk, &t);
	release_sock(sk);
	return err;
}

/* RFC 6458 3.1.3, 4.1.3.  One-to-many: a backlog of 0 stops it. */
static int asctp_listen(struct socket *sock, int backlog)
{
	struct sock *sk = sock->sk;
	int err = -EINVAL;

	lock_sock(sk);
	if (sk->sk_type == SOCK_STREAM &&
	    (sock->state != SS_UNCONNECTED ||
	     !list_empty(&asctp_sk(sk)->assocs)))
		goto out;
	err = asctp_sock_autobind(sk);
	if (err)
		goto out;
	if (sk->sk_type == SOCK_SEQPACKET && !backlog)
		sk->sk_state = TCP_CLOSE;
	else
		err = asctp_port_listen(sk);
	if (!err)
		WRITE_ONCE(sk->sk_max_ack_backlog, backlog);
out:
	release_sock(sk);
	return err;
}

static int asctp_wait_up(struct sock *sk, struct asctp_assoc *a, long timeo)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	int err = 0;

	add_wait_queue(sk_sleep(sk), &wait);
	while (!a->dead && a->state < ASCTP_S_ESTABLISHED) {
		err = -EINPROGRESS;
		if (!timeo)
			break;
		err = sock_intr_errno(timeo);
		if (signal_pending(current))
			break;
		err = 0;
		sk_wait_event(sk, &timeo, a->dead ||
			      a->state >= ASCTP_S_ESTABLISHED, &wait);
	}
	remove_wait_queue(sk_sleep(sk), &wait);
	if (err || !a->dead)
		return err;
	/* Came up and was already shut down or aborted before we woke:
	 * connect() succeeded, as TCP's does; a read sees the end.
	 */
	if (a->was_up)
		return 0;
	if (sk->sk_type == SOCK_STREAM)
		return sock_error(sk) ?: -ECONNREFUSED;
	return a->err ? -a->err : -ECONNREFUSED;
}

/* connect(2), and sctp_connectx(), which wants the association id. */
/* sctp_connectx()'s further addresses: paths, unconfirmed (5.4). */
static void asctp_sock_connect_paths(struct sock *sk, struct asctp_assoc *a,
				     const struct asctp_taddr *t, int n)
{
	struct in6_addr addrs[ASCTP_MAX_PADDRS];
	int i;

	for (i = 0; i < n && i < ASCTP_MAX_PADDRS; i++)
		addrs[i] = t[i].addr;
	asctp_path_add_peers(sk, a, addrs, i);
}

/* An earlier connect() to @sin, still under way: a repeat, or this same
 * call restarted after a signal (SA_RESTART), which waits on for it.
 * Or up by now, if a signal cut that connect(): as TCP's, the call
 * after it succeeds, not EISCONN.  A one-to-one socket has at most one
 * association, the first.
 */
static struct asctp_assoc *asctp_sock_pending(struct sock *sk,
					      const struct asctp_taddr *t)
{
	struct asctp_sock *as = asctp_sk(sk);
	s32 intr = as->connect_intr;
	struct asctp_assoc *a;

	as->connect_intr = 0;
	if (sk->sk_type == SOCK_STREAM)
		a = list_first_entry_or_null(&as->assocs,
					     struct asctp_assoc, sock_node);
	else
		a = asctp_sock_find_peer(sk, t);
	if (!a)
		return NULL;
	return a->state < ASCTP_S_ESTABLISHED || a->id == intr ? a : NULL;
}

/* connect() or sctp_connectx() to @n addresses: the INIT goes to the
 * first.
 */
int asctp_sock_connect(struct sock *sk, const struct asctp_taddr *t,
		       int n, int flags, s32 *id)
{
	struct asctp_assoc *a;
	int err;

	a = asctp_sock_pending(sk, t);
	if (a) {
		if ((flags & O_NONBLOCK) && a->state < ASCTP_S_ESTABLISHED)
			return -EALREADY;
		goto wait;
	}
	if (sk->sk_type == SOCK_STREAM) {
		if (sk->sk_state != TCP_CLOSE ||
		    !list_empty(&asctp_sk(sk)->assocs))
			return -EISCONN;
	} else if (asctp_sock_find_peer(sk, t)) {
		return -EISCONN;
	}
	a = asctp_sock_connect_assoc(sk, t, NULL, &err);
	if (!a)
		return err;
	asctp_sock_connect_paths(sk, a, t + 1, n - 1);
	if (sk->sk_type == SOCK_STREAM) {
		sk->sk_state = TCP_SYN_SENT;
		sk->sk_socket->state = SS_CONNECTING;
	}
wait:
	if (id)
		*id = a->id;
	asctp_assoc_hold(a);
	err = asctp_wait_up(sk, a, sock_sndtimeo(sk, flags & O_NONBLOCK));
	if (err == -ERESTARTSYS || err == -EINTR)
		asctp_sk(sk)->connect_intr = a->id;
	asctp_assoc_put(a);
	return err;
}

static int asctp_connect(struct socket *sock, struct sockaddr *uaddr,
			 int len, int flags)
{
	struct sock *sk = sock->sk;
	struct asctp_taddr t;
	int err;

	err = asctp_addr_from_user(sk, uaddr, len, &t);
	if (err < 0)
		return err;
	lock_sock(sk);
	err = asctp_sock_connect(sk, &t, 1, flags, NULL);
	release_sock(sk);
	return err;
}

static struct sock *asctp_accept_wait(struct sock *sk, long timeo, int *err)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	struct asctp_sock *as = asctp_sk(sk);
	struct sock *child = NULL;

	add_wait_queue(sk_sleep(sk), &wait);
	for (;;) {
		*err = -EINVAL;
		if (sk->sk_state != TCP_LISTEN)
			break;
		child = (struct sock *)list_first_entry_or_null(&as->accept_q,
					struct asctp_sock, accept_node);
		if (child)
			break;
		*err = -EAGAIN;
		if (!timeo)
			break;
		*err = sock_intr_errno(timeo);
		if (signal_pending(current))
			break;
		sk_wait_event(sk, &timeo, !list_empty(&as->accept_q) ||
			      sk->sk_state != TCP_LISTEN, &wait);
	}
	remove_wait_queue(sk_sleep(sk), &wait);
	if (child) {
		list_del_init(&asctp_sk(child)->accept_node);
		sk_acceptq_removed(sk);
	}
	return child;
}

static int asctp_accept(ASCTP_ACCEPT_ARGS)
{
	struct sock *sk = sock->sk, *child;
	int err = -EOPNOTSUPP;

	if (sk->sk_type != SOCK_STREAM)
		return err;
	lock_sock(sk);
	child = asctp_accept_wait(sk, sock_rcvtimeo(sk, ASCTP_ACCEPT_FLAGS &
						     O_NONBLOCK), &err);
	release_sock(sk);
	if (!child)
		return err;
	lock_sock(child);
	sock_graft(child, newsock);
	newsock->state = child->sk_state == TCP_ESTABLISHED ?
			 SS_CONNECTED : SS_DISCONNECTING;
	release_sock(child);
	return 0;
}

static __poll_t asctp_poll(struct file *file, struct socket *sock,
			   poll_table *wait)
{
	struct sock *sk = sock->sk;
	__poll_t mask = 0;

	sock_poll_wait(file, sock, wait);
	if (sk->sk_state == TCP_LISTEN && sk->sk_type == SOCK_STREAM)
		return list_empty(&asctp_sk(sk)->accept_q) ? 0 :
		       EPOLLIN | EPOLLRDNORM;
	if (READ_ONCE(sk->sk_err))
		mask |= EPOLLERR;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= EPOLLRDHUP | EPOLLIN | EPOLLRDNORM;
	if (sk->sk_shutdown == SHUTDOWN_MASK)
		mask |= EPOLLHUP;
	if (!skb_queue_empty_lockless(&sk->sk_receive_queue))
		mask |= EPOLLIN | EPOLLRDNORM;
	if (sk->sk_type == SOCK_STREAM && sk->sk_state == TCP_SYN_SENT)
		return mask;
	if (READ_ONCE(sk->sk_wmem_queued) < READ_ONCE(sk->sk_sndbuf))
		mask |= EPOLLOUT | EPOLLWRNORM;
	else
		set_bit(SOCK_NOSPACE, &sk->sk_socket->flags);
	return mask;
}

/* RFC 6458 4.1.7: SHUT_WR starts a graceful shutdown (one-to-one). */
static int asctp_shutdown(struct socket *sock, int how)
{
	struct sock *sk = sock->sk;
	struct asctp_assoc *a;

	how++;			/* SHUT_RD 0 -> RCV_SHUTDOWN 1, ... */
	if (how & ~SHUTDOWN_MASK || !how)
		return -EINVAL;
	if (sk->sk_type != SOCK_STREAM)
		return -EOPNOTSUPP;
	lock_sock(sk);
	sk->sk_shutdown |= how;
	if (how & SEND_SHUTDOWN)
		list_for_each_entry(a, &asctp_sk(sk)->assocs, sock_node)
			asctp_sm_shutdown_start(a);
	sk->sk_state_change(sk);
	release_sock(sk);
	return 0;
}

/* Whether @q holds user data, not only notifications. */
static bool asctp_queue_has_data(struct sk_buff_head *q)
{
	struct sk_buff *skb;

	skb_queue_walk(q, skb)
		if (!ASCTP_RCV_CB(skb)->notification)
			return true;
	return false;
}

/* Data the peer sent that the user will now never read. */
static bool asctp_assoc_unread(struct asctp_assoc *a)
{
	return !skb_queue_empty(&a->reasm) || !skb_queue_empty(&a->lobby) ||
	       asctp_queue_has_data(&a->held);
}

/* RFC 6458 3.1.4, 4.1.5: close ends each association gracefully, or
 * with an ABORT under SO_LINGER with a zero timeout.  As the kernel's
 * SCTP, data left unread also aborts, so that the peer learns it was
 * lost: all associations when the socket had some, else those that
 * were holding some.
 */
static void asctp_close_assocs(struct sock *sk)
{
	struct asctp_sock *as = asctp_sk(sk);
	bool abort = (sock_flag(sk, SOCK_LINGER) && !sk->sk_lingertime) ||
		     asctp_queue_has_data(&sk->sk_receive_queue) ||
		     asctp_queue_has_data(&as->held);
	struct asctp_assoc *a, *tmp;

	list_for_each_entry_safe(a, tmp, &as->assocs, sock_node) {
		if (abort || a->state < ASCTP_S_ESTABLISHED ||
		    asctp_assoc_unread(a))
			asctp_sm_abort_assoc(a, ASCTP_CAUSE_USER_ABORT, 0);
		else
			asctp_sm_shutdown_start(a);
	}
}

static void asctp_sock_close(struct sock *sk, long timeout)
{
	struct asctp_sock *as = asctp_sk(sk), *child, *tmp;
	LIST_HEAD(children);

	lock_sock(sk);
	sk->sk_shutdown = SHUTDOWN_MASK;
	sk->sk_state = TCP_CLOSE;
	as->closing = true;
	list_splice_init(&as->accept_q, &children);
	asctp_close_assocs(sk);
	__skb_queue_purge(&as->held);
	__skb_queue_purge(&sk->sk_receive_queue);
	release_sock(sk);
	/* not accepted: closed like any other, without the listener lock */
	list_for_each_entry_safe(child, tmp, &children, accept_node) {
		list_del_init(&child->accept_node);
		asctp_sock_close(&child->inet.sk, 0);
	}
	sk_common_release(sk);
}

/* From release_sock(), in process context: as in softirq, with BHs
 * off.  A COOKIE ECHO here clones the listener, and sk_clone_lock()
 * returns the child bh-locked: taken with BHs on, a softirq on this CPU
 * could spin on it (lockdep saw it in api.sh).
 */
static int asctp_sock_backlog_rcv(struct sock *sk, struct sk_buff *skb)
{
	local_bh_disable();
	asctp_input_sk_rcv(sk, skb);
	local_bh_enable();
	return 0;
}

static void asctp_sock_release_cb(struct sock *sk)
{
	asctp_timer_release_cb(sk);
	asctp_icmp_release_cb(sk);
}

static struct proto asctp_prot = {
	.name		= "ASCTP",
	.owner		= THIS_MODULE,
	.init		= asctp_sock_create,
	.destroy	= asctp_sock_destroy,
	.close		= asctp_sock_close,
	.unhash		= asctp_sock_unhash,
	.setsockopt	= asctp_sockopt_set,
	.getsockopt	= asctp_sockopt_get,
	.backlog_rcv	= asctp_sock_backlog_rcv,
	.release_cb	= asctp_sock_release_cb,
	.no_autobind	= true,
	.obj_size	= sizeof(struct asctp_sock),
};

/* 6.1 frees an AF_INET6 socket's IPv6 options here; later kernels in
 * its sk_destruct.
 */
static void asctp6_sock_destroy(struct sock *sk)
{
	asctp_sock_destroy(sk);
#ifdef ASCTP_HAVE_INET6_DESTROY
	inet6_destroy_sock(sk);
#endif
}

static struct proto asctpv6_prot = {
	.name		= "ASCTPv6",
	.owner		= THIS_MODULE,
	.init		= asctp_sock_create,
	.destroy	= asctp6_sock_destroy,
	.close		= asctp_sock_close,
	.unhash		= asctp_sock_unhash,
	.setsockopt	= asctp_sockopt_set,
	.getsockopt	= asctp_sockopt_get,
	.backlog_rcv	= asctp_sock_backlog_rcv,
	.release_cb	= asctp_sock_release_cb,
	.no_autobind	= true,
	.obj_size	= sizeof(struct asctp6_sock),
#ifdef ASCTP_HAVE_PINFO_OFFSET
	.ipv6_pinfo_offset = offsetof(struct asctp6_sock, inet6),
#endif
};

/* getsockname(), getpeername(): asctp_addr_to_user()'s forms. */
static int asctp6_getname(struct socket *sock, struct sockaddr *uaddr,
			  int peer)
{
	struct sock *sk = sock->sk;
	struct inet_sock *inet = inet_sk(sk);
	int len = -ENOTCONN;

	lock_sock(sk);
	if (!peer)
		len = asctp_addr_to_user(sk, &asctp_sk(sk)->baddr,
					 inet->inet_sport, (void *)uaddr);
	else if (inet->inet_dport &&
		 !((1 << sk->sk_state) & (TCPF_CLOSE | TCPF_SYN_SENT)))
		len = asctp_addr_to_user(sk, &sk->sk_v6_daddr,
					 inet->inet_dport, (void *)uaddr);
	release_sock(sk);
	return len;
}

/* One table serves both types: accept() and shutdown() check it. */
static const struct proto_ops asctp_sock_ops = {
	.family		= PF_INET,
	.owner		= THIS_MODULE,
	.release	= inet_release,
	.bind		= asctp_bind,
	.connect	= asctp_connect,
	.socketpair	= sock_no_socketpair,
	.accept		= asctp_accept,
	.getname	= inet_getname,
	.poll		= asctp_poll,
	.ioctl		= sock_no_ioctl,
	.listen		= asctp_listen,
	.shutdown	= asctp_shutdown,
	.setsockopt	= sock_common_setsockopt,
	.getsockopt	= sock_common_getsockopt,
	.sendmsg	= asctp_msg_send,
	.recvmsg	= asctp_msg_recv,
	.mmap		= sock_no_mmap,
};

static const struct proto_ops asctp6_sock_ops = {
	.family		= PF_INET6,
	.owner		= THIS_MODULE,
	.release	= inet6_release,
	.bind		= asctp_bind,
	.connect	= asctp_connect,
	.socketpair	= sock_no_socketpair,
	.accept		= asctp_accept,
	.getname	= asctp6_getname,
	.poll		= asctp_poll,
	.ioctl		= sock_no_ioctl,
	.listen		= asctp_listen,
	.shutdown	= asctp_shutdown,
	.setsockopt	= sock_common_setsockopt,
	.getsockopt	= sock_common_getsockopt,
	.sendmsg	= asctp_msg_send,
	.recvmsg	= asctp_msg_recv,
	.mmap		= sock_no_mmap,
};

static struct inet_protosw asctp_protosw[] = {
	{ .type = SOCK_SEQPACKET, .prot = &asctp_prot, .ops = &asctp_sock_ops },
	{ .type = SOCK_STREAM,    .prot = &asctp_prot, .ops = &asctp_sock_ops },
};

static struct inet_protosw asctp6_protosw[] = {
	{ .type = SOCK_SEQPACKET, .prot = &asctpv6_prot,
	  .ops = &asctp6_sock_ops },
	{ .type = SOCK_STREAM,    .prot = &asctpv6_prot,
	  .ops = &asctp6_sock_ops },
};

int asctp_sock_init(u8 ipproto)
{
	int err, i;

	asctp_ipproto = ipproto;
	err = asctp_mem_init(&asctp_prot);
	if (err)
		goto err_mem;
	err = proto_register(&asctp_prot, 1);
	if (err)
		goto err_proto;
	asctp_mem_prot(&asctpv6_prot);
	err = proto_register(&asctpv6_prot, 1);
	if (err)
		goto err_proto6;
	for (i = 0; i < ARRAY_SIZE(asctp_protosw); i++) {
		asctp_protosw[i].protocol = ipproto;
		inet_register_protosw(&asctp_protosw[i]);
	}
	for (i = 0; i < ARRAY_SIZE(asctp6_protosw); i++) {
		asctp6_protosw[i].protocol = ipproto;
		err = inet6_register_protosw(&asctp6_protosw[i]);
		if (err)
			goto err_protosw6;
	}
	return 0;

err_protosw6:
	while (i--)
		inet6_unregister_protosw(&asctp6_protosw[i]);
	for (i = ARRAY_SIZE(asctp_protosw) - 1; i >= 0; i--)
		inet_unregister_protosw(&asctp_protosw[i]);
	proto_unregister(&asctpv6_prot);
err_proto6:
	proto_unregister(&asctp_prot);
err_proto:
	asctp_mem_exit();
err_mem:
	return err;
}

void asctp_sock_exit(void)
{
	int i;

	for (i = ARRAY_SIZE(asctp6_protosw) - 1; i >= 0; i--)
		inet6_unregister_protosw(&asctp6_protosw[i]);
	for (i = ARRAY_SIZE(asctp_protosw) - 1; i >= 0; i--)
		inet_unregister_protosw(&asctp_protosw[i]);
	proto_unregister(&asctpv6_prot);
	proto_unregister(&asctp_prot);
	asctp_mem_exit();
}
