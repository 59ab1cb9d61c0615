// SPDX-License-Identifier: GPL-2.0
/*
 * Associations: creation, the per-netns hashes, deletion.  See assoc.h
 * for the lifetime and locking rules.
 */

#include <linux/hash.h>
#include <linux/slab.h>
#include <linux/jhash.h>

#include "assoc.h"
#include "mem.h"
#include "netns.h"
#include "obj.h"
#include "reasm.h"
#include "sm.h"
#include "sock.h"
#include "timer.h"
#include "ulp.h"

static u32 asctp_tuple_hash(__be16 lport, const struct in6_addr *paddr,
			    __be16 pport)
{
	u32 ports = (__force u32)lport << 16 | (__force u32)pport;

	return jhash2((const u32 *)paddr, 4, ports) & (ASCTP_HASH_SIZE - 1);
}

static u32 asctp_vtag_hash(u32 vtag)
{
	return hash_32(vtag, ASCTP_HASH_BITS);
}

struct asctp_assoc *asctp_assoc_new(struct sock *sk, gfp_t gfp)
{
	struct asctp_sock *as = asctp_sk(sk);
	struct asctp_assoc *a;

	sock_owned_by_me(sk);
	a = asctp_obj_fail(sizeof(*a)) ? NULL : kzalloc(sizeof(*a), gfp);
	if (!a)
		return NULL;
	refcount_set(&a->ref, 1);	/* the socket's */
	sock_hold(sk);
	a->sk = sk;
	a->state = ASCTP_S_CLOSED;
	INIT_LIST_HEAD(&a->paths);
	a->popts = as->popts;
	asctp_path_init(a, &a->path0, &in6addr_any, SCTP_ACTIVE);
	asctp_rto_init(&a->path0.rto, as->rto_initial_ms, as->rto_min_ms,
		       as->rto_max_ms);
	a->primary = &a->path0;
	a->active = &a->path0;
	a->npaths = 1;
	a->max_retrans = as->max_retrans;
	a->opts = as->aopts;
	a->subscribe = as->subscribe;
	a->sack_delay_ms = as->sack_delay_ms;
	a->sack_freq = as->sack_freq;
	a->sack_off = as->sack_off;
	a->max_init = ASCTP_MAX_INIT_RETRANS;
	a->max_init_rto_ms = ASCTP_RTO_MAX_MS;
	asctp_path_sync_pmtu(a);
	a->id = as->next_id++;
	a->rx_gen = asctp_sm_rx_gen() - 1;	/* sent no DATA yet */
	if (as->next_id <= SCTP_ALL_ASSOC)
		as->next_id = SCTP_ALL_ASSOC + 1;
	a->my_vtag = get_random_u32_above(0);
	a->next_tsn = get_random_u32();
	a->acked_tsn = a->next_tsn - 1;
	a->small_tsn = a->acked_tsn;
	skb_queue_head_init(&a->outq);
	skb_queue_head_init(&a->sentq);
	skb_queue_head_init(&a->reasm);
	skb_queue_head_init(&a->lobby);
	skb_queue_head_init(&a->held);
	INIT_HLIST_NODE(&a->vtag_node);
	asctp_timer_setup(a);
	list_add_tail(&a->sock_node, &as->assocs);
	as->n_assocs++;
	asctp_obj_get(ASCTP_OBJ_ASSOC);
	return a;
}

/* Stream counts, final once the peer's INIT or INIT ACK capped them.
 * Messages queued before that keep their SSNs.
 */
int asctp_assoc_set_streams(struct asctp_assoc *a, u16 os, u16 mis,
			    gfp_t gfp)
{
	u16 *ssn, *in_ssn;

	if (asctp_obj_fail(os + mis))
		return -ENOMEM;
	ssn = kcalloc(os, sizeof(*ssn), gfp);
	in_ssn = kcalloc(mis, sizeof(*in_ssn), gfp);
	if (!ssn || !in_ssn) {
		kfree(ssn);
		kfree(in_ssn);
		return -ENOMEM;
	}
	if (a->ssn)
		memcpy(ssn, a->ssn, min(os, a->os) * sizeof(*ssn));
	kfree(a->ssn);
	kfree(a->in_ssn);
	a->ssn = ssn;
	a->in_ssn = in_ssn;
	a->os = os;
	a->mis = mis;
	return 0;
}

static void asctp_assoc_hash_path(struct asctp_net *an, struct asctp_assoc *a,
				  struct asctp_path *p)
{
	hlist_add_head_rcu(&p->tuple_node,
			   &an->tuple_hash[asctp_tuple_hash(a->lport, &p->addr,
							    a->pport)]);
}

/* Called once the addresses, ports and tags are final. */
void asctp_assoc_hash(struct asctp_assoc *a)
{
	struct asctp_net *an = asctp_net(sock_net(a->sk));
	struct asctp_path *p;

	sock_owned_by_me(a->sk);
	spin_lock_bh(&an->hash_lock);
	hlist_add_head_rcu(&a->vtag_node,
			   &an->vtag_hash[asctp_vtag_hash(a->my_vtag)]);
	list_for_each_entry(p, &a->paths, node)
		asctp_assoc_hash_path(an, a, p);
	spin_unlock_bh(&an->hash_lock);
}

/* A path added to an association already hashed (path.c). */
void asctp_assoc_hash_new_path(struct asctp_assoc *a, struct asctp_path *p)
{
	struct asctp_net *an = asctp_net(sock_net(a->sk));

	sock_owned_by_me(a->sk);
	spin_lock_bh(&an->hash_lock);
	if (!hlist_unhashed(&a->vtag_node))
		asctp_assoc_hash_path(an, a, p);
	spin_unlock_bh(&an->hash_lock);
}

static void asctp_assoc_unhash(struct asctp_assoc *a)
{
	struct asctp_net *an = asctp_net(sock_net(a->sk));
	struct asctp_path *p;

	spin_lock_bh(&an->hash_lock);
	if (!hlist_unhashed(&a->vtag_node))
		hlist_del_init_rcu(&a->vtag_node);
	list_for_each_entry(p, &a->paths, node)
		if (!hlist_unhashed(&p->tuple_node))
			hlist_del_init_rcu(&p->tuple_node);
	spin_unlock_bh(&an->hash_lock);
}

/* RFC 9260 5.2.4 (A): the peer restarted; the association starts
 * over with new tags and TSNs.  The vtag hash moves under RCU: a lookup
 * that misses meanwhile falls back on the tuple hash.
 */
void asctp_assoc_retag(struct asctp_assoc *a, u32 my_vtag, u32 peer_vtag,
		       u32 my_tsn, u32 peer_tsn)
{
	struct asctp_net *an = asctp_net(sock_net(a->sk));

	sock_owned_by_me(a->sk);
	spin_lock_bh(&an->hash_lock);
	if (!hlist_unhashed(&a->vtag_node))
		hlist_del_rcu(&a->vtag_node);
	WRITE_ONCE(a->my_vtag, my_vtag);
	hlist_add_head_rcu(&a->vtag_node,
			   &an->vtag_hash[asctp_vtag_hash(my_vtag)]);
	spin_unlock_bh(&an->hash_lock);
	a->peer_vtag = peer_vtag;
	a->next_tsn = my_tsn;
	a->acked_tsn = my_tsn - 1;
	asctp_tsnmap_init(&a->tsnmap, peer_tsn);
}

/* Data that will never get through, told to the user if subscribed. */
void asctp_assoc_fail_queue(struct asctp_assoc *a, struct sk_buff_head *q,
			    bool sent)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(q))) {
		asctp_ulp_send_failed(a, skb, sent);
		asctp_mem_wuncharge(a->sk, skb);
		kfree_skb(skb);
	}
}

/* Unhash, stop timers, drop the queues and the socket's reference.
 * Lookups already under way may still hold the association.
 */
void asctp_assoc_delete(struct asctp_assoc *a)
{
	struct sock *sk = a->sk;

	sock_owned_by_me(sk);
	if (a->dead)
		return;
	a->dead = true;
	a->state = ASCTP_S_CLOSED;
	asctp_assoc_unhash(a);
	asctp_timer_stop_all(a);
	asctp_reasm_purge(a);
	asctp_assoc_fail_queue(a, &a->sentq, true);
	asctp_assoc_fail_queue(a, &a->outq, false);
	list_del_init(&a->sock_node);
	asctp_sk(sk)->n_assocs--;
	if (asctp_sk(sk)->rx_last == a)
		asctp_sk(sk)->rx_last = NULL;
	sk->sk_write_space(sk);
	asctp_assoc_put(a);
}

static void asctp_assoc_free_rcu(struct rcu_head *head)
{
	struct asctp_assoc *a = container_of(head, struct asctp_assoc, rcu);

	kfree(a->ssn);
	kfree(a->in_ssn);
	kfree(a->cookie);
	asctp_path_free_all(a);
	kfree(a);
	asctp_obj_put(ASCTP_OBJ_ASSOC);
}

void asctp_assoc_put(struct asctp_assoc *a)
{
	if (!refcount_dec_and_test(&a->ref))
		return;
	sock_put(a->sk);
	call_rcu(&a->rcu, asctp_assoc_free_rcu);
}

/* RFC 9260 8.5: the tag we chose finds the association; the ports
 * guard against two associations that picked the same tag.
 */
struct asctp_assoc *asctp_assoc_lookup_vtag(struct net *net, u32 vtag,
					    __be16 lport, __be16 pport)
{
	struct asctp_net *an = asctp_net(net);
	struct asctp_assoc *a;

	hlist_for_each_entry_rcu(a, &an->vtag_hash[asctp_vtag_hash(vtag)],
				 vtag_node) {
		if (READ_ONCE(a->my_vtag) == vtag && a->lport == lport &&
		    a->pport == pport && refcount_inc_not_zero(&a->ref))
			return a;
	}
	return NULL;
}

/* For chunks whose tag is not ours (INIT, COOKIE ECHO, T-bit ABORT),
 * from any of the peer's addresses; a multi-homed association takes
 * them on any of ours.
 */
struct asctp_assoc *asctp_assoc_lookup_tuple(struct net *net,
					     const struct in6_addr *laddr,
					     __be16 lport,
					     const struct in6_addr *paddr,
					     __be16 pport)
{
	struct asctp_net *an = asctp_net(net);
	struct asctp_path *p;
	struct hlist_head *h;
	struct asctp_assoc *a;

	h = &an->tuple_hash[asctp_tuple_hash(lport, paddr, pport)];
	hlist_for_each_entry_rcu(p, h, tuple_node) {
		a = p->a;
		if (a->lport == lport && a->pport == pport &&
		    asctp_addr_eq(&p->addr, paddr) &&
		    (asctp_addr_eq(&a->laddr, laddr) ||
		     asctp_addr_any(&a->laddr) ||
		     READ_ONCE(a->npaths) > 1) &&
		    refcount_inc_not_zero(&a->ref))
			return a;
	}
	return NULL;
}

/* sctp_assoc_t to association, on the socket that owns it. */
struct asctp_assoc *asctp_assoc_find_id(struct sock *sk, s32 id)
{
	struct asctp_assoc *a;

	sock_owned_by_me(sk);
	list_for_each_entry(a, &asctp_sk(sk)->assocs, sock_node)
		if (a->id == id)
			return a;
	return NULL;
}
