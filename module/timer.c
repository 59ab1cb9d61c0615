// SPDX-License-Identifier: GPL-2.0
/*
 * Association timers (RFC 9260 5.1 T1, 9.2 T2, 6.3 T3-rtx, 8.3
 * heartbeats).  The
 * handlers run with the socket locked and not owned by the user:
 * either from the timer softirq, or deferred to release_cb.
 */

#include "assoc.h"
#include "sm.h"
#include "sock.h"
#include "timer.h"

/* Drops the timer's reference unless the work was deferred. */
static void asctp_timer_expire(struct asctp_assoc *a, enum asctp_timer_id t)
{
	struct sock *sk;

	/* the owner changes only by peeloff.c, under its spinlock; a freed
	 * old owner's memory stays (SOCK_RCU_FREE) until we look again
	 */
	rcu_read_lock();
	for (;;) {
		sk = READ_ONCE(a->sk);
		bh_lock_sock(sk);
		if (likely(sk == READ_ONCE(a->sk)))
			break;
		bh_unlock_sock(sk);
	}
	rcu_read_unlock();
	if (sock_owned_by_user(sk)) {
		/* the reference moves to the deferred bit */
		if (test_and_set_bit(t, &a->deferred))
			asctp_assoc_put(a);
		set_bit(ASCTP_DEFER_TIMERS, &asctp_sk(sk)->deferred);
		bh_unlock_sock(sk);
		return;
	}
	if (!a->dead)
		asctp_sm_timeout(a, t);
	bh_unlock_sock(sk);
	asctp_assoc_put(a);
}

static void asctp_t1_expire(struct timer_list *tl)
{
	asctp_timer_expire(container_of(tl, struct asctp_assoc,
					timer[ASCTP_T1]), ASCTP_T1);
}

static void asctp_t2_expire(struct timer_list *tl)
{
	asctp_timer_expire(container_of(tl, struct asctp_assoc,
					timer[ASCTP_T2]), ASCTP_T2);
}

static void asctp_t3_expire(struct timer_list *tl)
{
	asctp_timer_expire(container_of(tl, struct asctp_assoc,
					timer[ASCTP_T3]), ASCTP_T3);
}

static void asctp_tsack_expire(struct timer_list *tl)
{
	asctp_timer_expire(container_of(tl, struct asctp_assoc,
					timer[ASCTP_TSACK]), ASCTP_TSACK);
}

static void asctp_tautoclose_expire(struct timer_list *tl)
{
	asctp_timer_expire(container_of(tl, struct asctp_assoc,
					timer[ASCTP_TAUTOCLOSE]),
			   ASCTP_TAUTOCLOSE);
}

static void asctp_thb_expire(struct timer_list *tl)
{
	asctp_timer_expire(container_of(tl, struct asctp_assoc,
					timer[ASCTP_THB]), ASCTP_THB);
}

void asctp_timer_setup(struct asctp_assoc *a)
{
	timer_setup(&a->timer[ASCTP_T1], asctp_t1_expire, 0);
	timer_setup(&a->timer[ASCTP_T2], asctp_t2_expire, 0);
	timer_setup(&a->timer[ASCTP_T3], asctp_t3_expire, 0);
	timer_setup(&a->timer[ASCTP_TSACK], asctp_tsack_expire, 0);
	timer_setup(&a->timer[ASCTP_TAUTOCLOSE], asctp_tautoclose_expire, 0);
	timer_setup(&a->timer[ASCTP_THB], asctp_thb_expire, 0);
}

/* (Re)start @t for @ms milliseconds. */
void asctp_timer_start_ms(struct asctp_assoc *a, enum asctp_timer_id t,
			  u32 ms)
{
	sock_owned_by_me(a->sk);
	if (a->dead)
		return;
	if (!mod_timer(&a->timer[t], jiffies + msecs_to_jiffies(ms)))
		asctp_assoc_hold(a);
}

/* (Re)start @t for one RTO. */
void asctp_timer_start(struct asctp_assoc *a, enum asctp_timer_id t)
{
	asctp_timer_start_ms(a, t, a->active->rto.rto_ms);
}

void asctp_timer_stop(struct asctp_assoc *a, enum asctp_timer_id t)
{
	sock_owned_by_me(a->sk);
	if (del_timer(&a->timer[t]))
		asctp_assoc_put(a);
	a->retries[t] = 0;
}

void asctp_timer_stop_all(struct asctp_assoc *a)
{
	int t;

	for (t = 0; t < ASCTP_TIMER_MAX; t++) {
		asctp_timer_stop(a, t);
		if (test_and_clear_bit(t, &a->deferred))
			asctp_assoc_put(a);
	}
}

/* Socket released by the user: run the timers that fired meanwhile.
 * Called with the socket's spinlock held and BH off.
 */
void asctp_timer_release_cb(struct sock *sk)
{
	struct asctp_assoc *a, *tmp;
	int t;

	if (!test_and_clear_bit(ASCTP_DEFER_TIMERS, &asctp_sk(sk)->deferred))
		return;
	list_for_each_entry_safe(a, tmp, &asctp_sk(sk)->assocs, sock_node) {
		asctp_assoc_hold(a);
		for (t = 0; t < ASCTP_TIMER_MAX; t++) {
			if (!test_and_clear_bit(t, &a->deferred))
				continue;
			if (!a->dead)
				asctp_sm_timeout(a, t);
			asctp_assoc_put(a);
		}
		asctp_assoc_put(a);
	}
}
