// SPDX-License-Identifier: GPL-2.0
/*
 * Paths of an association: their states (RFC 9260 8.2, RFC 7829), the
 * choice of the one new data goes to (6.4), and their routes.
 */

#include <linux/slab.h>
#include <linux/udp.h>
#include <net/ip6_route.h>
#include <net/route.h>

#include "assoc.h"
#include "mib.h"
#include "obj.h"
#include "path.h"
#include "sock.h"
#include "ulp.h"

void asctp_path_init(struct asctp_assoc *a, struct asctp_path *p,
		     const struct in6_addr *addr, int state)
{
	p->a = a;
	p->addr = *addr;
	p->state = state;
	INIT_HLIST_NODE(&p->tuple_node);
	p->o = a->popts;
	p->pmtu = p->o.pathmtu ?: 1500;
	p->last_sent = jiffies;
	list_add_tail_rcu(&p->node, &a->paths);
}

/* A further peer address; the first is asctp_assoc.path0. */
struct asctp_path *asctp_path_add(struct asctp_assoc *a,
				  const struct in6_addr *addr, int state,
				  gfp_t gfp)
{
	const struct asctp_rto *r = &a->primary->rto;
	struct asctp_path *p;

	p = asctp_obj_fail(sizeof(*p)) ? NULL : kzalloc(sizeof(*p), gfp);
	if (!p)
		return NULL;
	asctp_path_init(a, p, addr, state);
	asctp_rto_init(&p->rto, r->initial_ms, r->min_ms, r->max_ms);
	asctp_cc_init(&p->cc, p->pmtu, a->peer_rwnd);
	WRITE_ONCE(a->npaths, a->npaths + 1);
	asctp_assoc_hash_new_path(a, p);
	return p;
}

/* RFC 9260 5.1.2: the peer's other addresses from its INIT or INIT
 * ACK, unconfirmed until a heartbeat says otherwise (5.4).  Only
 * loopback addresses go with a loopback peer, and none with another.
 */
void asctp_path_add_peers(struct sock *sk, struct asctp_assoc *a,
			  const struct in6_addr *addrs, int n)
{
	bool lo = asctp_addr_loopback(&a->primary->addr);
	struct asctp_path *p;
	int i;

	for (i = 0; i < n; i++) {
		if (!asctp_addr_usable(sk, &addrs[i]) ||
		    asctp_addr_loopback(&addrs[i]) != lo ||
		    asctp_path_find(a, &addrs[i]))
			continue;
		p = asctp_path_add(a, &addrs[i], SCTP_UNCONFIRMED,
				   GFP_ATOMIC);
		if (!p)
			return;
		asctp_path_route(sk, a, p);
	}
}

void asctp_path_free_all(struct asctp_assoc *a)
{
	struct asctp_path *p, *tmp;

	list_for_each_entry_safe(p, tmp, &a->paths, node) {
		list_del(&p->node);
		if (p != &a->path0)
			kfree(p);
	}
}

/* Under RCU, without the socket lock (input.c): paths are only added
 * (list_add_tail_rcu), their addresses fixed, and freed with the
 * association after a grace period.
 */
struct asctp_path *asctp_path_find_rcu(struct asctp_assoc *a,
				       const struct in6_addr *addr)
{
	struct asctp_path *p;

	list_for_each_entry_rcu(p, &a->paths, node)
		if (asctp_addr_eq(&p->addr, addr))
			return p;
	return NULL;
}

struct asctp_path *asctp_path_find(struct asctp_assoc *a,
				   const struct in6_addr *addr)
{
	struct asctp_path *p;

	list_for_each_entry(p, &a->paths, node)
		if (asctp_addr_eq(&p->addr, addr))
			return p;
	return NULL;
}

/* Bytes for chunks in one packet on @p: its MTU less the IP header of
 * its family, the UDP one (RFC 6951 5.6) and the common header.
 */
u32 asctp_path_room(const struct asctp_path *p)
{
	u32 hdrs = ASCTP_HDR_LEN + (asctp_addr_is_v4(&p->addr) ?
				    sizeof(struct iphdr) :
				    sizeof(struct ipv6hdr));

	if (p->o.encap_port)
		hdrs += sizeof(struct udphdr);
	return p->pmtu - hdrs;
}

/* The association's MTU and room: the smallest of its paths'. */
void asctp_path_sync_pmtu(struct asctp_assoc *a)
{
	struct asctp_path *p;
	u32 mtu = U32_MAX, room = U32_MAX;

	list_for_each_entry(p, &a->paths, node) {
		mtu = min(mtu, p->pmtu);
		room = min(room, asctp_path_room(p));
	}
	a->pmtu = mtu;
	a->room = room;
}

/* RFC 6951 5.4: a packet of the association from @addr, that came in
 * UDP from @port (0: not in UDP), says how to send to @addr.
 */
void asctp_path_encap_seen(struct asctp_assoc *a, const struct in6_addr *addr,
			   __be16 port)
{
	struct asctp_path *p = asctp_path_find(a, addr);

	sock_owned_by_me(a->sk);
	if (!p || p->o.encap_port == port)
		return;
	p->o.encap_port = port;
	asctp_path_sync_pmtu(a);
}

/* The source address to ask a route for: the primary path keeps the
 * association's address (the one the peer used); a socket bound to one
 * address uses it on every path; else the route's choice.
 */
static void asctp_path_src(struct sock *sk, struct asctp_assoc *a,
			   struct asctp_path *p, struct in6_addr *src)
{
	*src = asctp_sk(sk)->baddr;
	if (p == a->primary)
		*src = a->laddr;
	else if (asctp_sk(sk)->n_xaddrs)
		*src = in6addr_any;	/* the route's choice, if it is bound */
	if (asctp_addr_is_v4(src) != asctp_addr_is_v4(&p->addr))
		*src = in6addr_any;
}

/* A bound socket's source must be one of its addresses: if the route
 * chose another, ask again from the bound one.
 */
static bool asctp_path_src_ours(struct sock *sk, const struct in6_addr *src,
				const struct in6_addr *got)
{
	return !asctp_addr_any(src) || !asctp_sock_bound_addr(sk) ||
	       asctp_sock_has_addr(sk, got);
}

static int asctp_path_route4(struct sock *sk, struct asctp_assoc *a,
			     struct asctp_path *p, struct in6_addr *src)
{
	__be32 dst = asctp_addr_v4(&p->addr);
	struct in6_addr got;
	struct rtable *rt;
	struct flowi4 fl4;

	rt = ip_route_output_ports(sock_net(sk), &fl4, sk, dst,
				   asctp_addr_v4(src), a->pport, a->lport,
				   asctp_ipproto, 0, sk->sk_bound_dev_if);
	if (IS_ERR(rt))
		return PTR_ERR(rt);
	asctp_addr_set_v4(&got, fl4.saddr);
	if (!asctp_path_src_ours(sk, src, &got) &&
	    asctp_addr_is_v4(&asctp_sk(sk)->baddr)) {
		ip_rt_put(rt);
		*src = asctp_sk(sk)->baddr;
		return asctp_path_route4(sk, a, p, src);
	}
	p->saddr = got;
	if (!(p->o.flags & SPP_PMTUD_DISABLE))
		p->pmtu = min_t(u32, dst_mtu(&rt->dst), IP_MAX_MTU);
	ip_rt_put(rt);
	return 0;
}

static int asctp_path_route6(struct sock *sk, struct asctp_assoc *a,
			     struct asctp_path *p, struct in6_addr *src)
{
	struct flowi6 fl6 = {
		.flowi6_proto = asctp_ipproto,
		.flowi6_oif = sk->sk_bound_dev_if,
		.flowi6_mark = READ_ONCE(sk->sk_mark),
		.daddr = p->addr,
		.saddr = *src,
		.fl6_dport = a->pport,
		.fl6_sport = a->lport,
	};
	struct dst_entry *dst;

	if (sk->sk_family != AF_INET6)
		return -EAFNOSUPPORT;
	dst = ip6_dst_lookup_flow(sock_net(sk), sk, &fl6, NULL);
	if (IS_ERR(dst))
		return PTR_ERR(dst);
	if (!asctp_path_src_ours(sk, src, &fl6.saddr) &&
	    !asctp_addr_is_v4(&asctp_sk(sk)->baddr)) {
		dst_release(dst);
		*src = asctp_sk(sk)->baddr;
		return asctp_path_route6(sk, a, p, src);
	}
	p->saddr = fl6.saddr;
	if (!(p->o.flags & SPP_PMTUD_DISABLE))
		p->pmtu = min_t(u32, dst_mtu(dst), IP6_MAX_MTU);
	dst_release(dst);
	return 0;
}

/* The source address and MTU of @p from a route to the peer. */
int asctp_path_route(struct sock *sk, struct asctp_assoc *a,
		     struct asctp_path *p)
{
	struct in6_addr src;
	int err;

	asctp_path_src(sk, a, p, &src);
	if (asctp_addr_is_v4(&p->addr))
		err = asctp_path_route4(sk, a, p, &src);
	else
		err = asctp_path_route6(sk, a, p, &src);
	if (!err)
		asctp_path_sync_pmtu(a);
	return err;
}

/* SCTP_GET_ASSOC_STATS: the highest RTO, and whose. */
void asctp_path_rto_seen(struct asctp_assoc *a, struct asctp_path *p)
{
	if (p->rto.rto_ms <= a->stats.max_obs_rto)
		return;
	a->stats.max_obs_rto = p->rto.rto_ms;
	a->stats.max_obs_path = p->addr;
}

/* RFC 9260 6.4: new data goes to the primary while it is active, else
 * to another active path; RFC 7829 5.1: with none, to the potentially
 * failed one with the fewest errors; with none of those either, to the
 * primary still, or if it is unconfirmed (5.4: never data there) to
 * the first path that is not.
 */
void asctp_path_select(struct asctp_assoc *a)
{
	struct asctp_path *p, *pf = NULL, *any = NULL;

	if (a->primary->state == SCTP_ACTIVE) {
		a->active = a->primary;
		return;
	}
	list_for_each_entry(p, &a->paths, node) {
		if (p->state == SCTP_ACTIVE) {
			a->active = p;
			return;
		}
		if (p->state == SCTP_PF && (!pf || p->errors < pf->errors))
			pf = p;
		if (p->state != SCTP_UNCONFIRMED && !any)
			any = p;
	}
	if (!pf && a->primary->state != SCTP_UNCONFIRMED)
		pf = a->primary;
	a->active = pf ?: any ?: a->primary;
}

/* An active path other than @p, for retransmissions (6.4.1). */
struct asctp_path *asctp_path_other(struct asctp_assoc *a,
				    struct asctp_path *p)
{
	struct asctp_path *o;

	if (a->active != p && a->active->state == SCTP_ACTIVE)
		return a->active;
	list_for_each_entry(o, &a->paths, node)
		if (o != p && o->state == SCTP_ACTIVE)
			return o;
	return NULL;
}

static void asctp_path_set_state(struct asctp_assoc *a, struct asctp_path *p,
				 int state, int notify, int err)
{
	p->state = state;
	if (notify >= 0)
		asctp_ulp_peer_addr_change(a, p, notify, err);
	asctp_path_select(a);
}

/* RFC 9260 8.2, RFC 7829 5.1: the state of a path whose error counter
 * just became @errors.  Past PotentiallyFailed.Max.Retrans an active
 * path is potentially failed, past Path.Max.Retrans inactive; an
 * unconfirmed path stays so (5.4).
 */
int asctp_path_state_on_error(int state, u16 errors,
			      const struct asctp_path_opts *o)
{
	if (state != SCTP_ACTIVE && state != SCTP_PF)
		return state;
	if (errors > o->max_retrans)
		return SCTP_INACTIVE;
	if (errors > o->pf_retrans)
		return SCTP_PF;
	return state;
}

/* RFC 9260 8.2, 8.3: a T3-rtx expiry or an unanswered HEARTBEAT.  The
 * RTO backs off (6.3.3 E2).  Potentially failed is told to the user
 * only if exposed (SCTP_EXPOSE_POTENTIALLY_FAILED_STATE), inactive
 * always.  The caller checks the association's count against its
 * limit.
 */
void asctp_path_error(struct asctp_assoc *a, struct asctp_path *p)
{
	int state;

	if (p->state != SCTP_UNCONFIRMED)
		a->errors++;
	if (p->state != SCTP_INACTIVE)
		p->errors++;
	asctp_rto_backoff(&p->rto);
	asctp_path_rto_seen(a, p);
	state = asctp_path_state_on_error(p->state, p->errors, &p->o);
	if (state != p->state && state == SCTP_PF)
		asctp_path_set_state(a, p, state, p->o.pf_expose ==
				     ASCTP_PF_EXPOSE_ENABLE ?
				     SCTP_ADDR_POTENTIALLY_FAILED : -1, 0);
	/* Linux's primary switchover: past its threshold, for good */
	if (p->errors > p->o.ps_retrans && a->primary == p && a->active != p)
		a->primary = a->active;
	if (state == p->state)
		return;
	asctp_mib_inc(sock_net(a->sk), ASCTP_MIB_PATH_FAILURES);
	asctp_path_set_state(a, p, state, SCTP_ADDR_UNREACHABLE,
			     SCTP_FAILED_THRESHOLD);
}

/* RFC 9260 8.3: a HEARTBEAT ACK, or 8.2: DATA sent there acknowledged.
 * Both error counters clear (8.1); the path is active again.  @why is
 * SCTP_HEARTBEAT_SUCCESS or SCTP_RECEIVED_SACK, for the notification.
 */
void asctp_path_alive(struct asctp_assoc *a, struct asctp_path *p, int why)
{
	int was = p->state;

	p->errors = 0;
	a->errors = 0;
	if (was == SCTP_ACTIVE)
		return;
	asctp_path_set_state(a, p, SCTP_ACTIVE,
			     was == SCTP_PF &&
			     p->o.pf_expose != ASCTP_PF_EXPOSE_ENABLE ? -1 :
			     was == SCTP_UNCONFIRMED ? SCTP_ADDR_CONFIRMED :
			     SCTP_ADDR_AVAILABLE, why);
}

/* SCTP_RTOINFO: the same bounds for every path. */
void asctp_path_set_rto(struct asctp_assoc *a, u32 initial_ms, u32 min_ms,
			u32 max_ms)
{
	struct asctp_path *p;

	list_for_each_entry(p, &a->paths, node) {
		p->rto.initial_ms = initial_ms;
		p->rto.min_ms = min_ms;
		p->rto.max_ms = max_ms;
		p->rto.rto_ms = clamp(p->rto.rto_ms, min_ms, max_ms);
	}
}
