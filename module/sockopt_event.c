// SPDX-License-Identifier: GPL-2.0
/*
 * Notification subscriptions (RFC 6458 6.2): SCTP_EVENTS for the
 * socket, SCTP_EVENT for one type on the socket, an association or
 * both.  As in the kernel's SCTP, the socket's subscription is what new
 * associations start with, and each association's is what decides its
 * notifications; SCTP_DATA_IO_EVENT (the SCTP_SNDRCV cmsg) is the
 * socket's.
 */

#include <net/sock.h>

#include "assoc.h"
#include "sock.h"
#include "sockopt.h"
#include "ulp.h"

/* RFC 6458 6.1.9: subscribing to SCTP_SENDER_DRY_EVENT while nothing
 * is queued or in flight gives one at once.
 */
static void asctp_event_dry_now(struct asctp_assoc *a)
{
	if (skb_queue_empty(&a->sentq) && skb_queue_empty(&a->outq))
		asctp_ulp_sender_dry(a);
}

/* RFC 6458 6.2.1: SCTP_EVENTS; shorter structs of older headers set
 * only the types they have.  Every association takes the result.
 */
int asctp_set_events(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct asctp_sock *as = asctp_sk(sk);
	struct sctp_event_subscribe ev;
	u8 *on = (u8 *)&ev;
	struct asctp_assoc *a;
	unsigned int i;

	if (optlen > sizeof(ev))
		return -EINVAL;
	if (copy_from_sockptr(&ev, optval, optlen))
		return -EFAULT;
	for (i = 0; i < optlen; i++)
		asctp_event_set(&as->subscribe, SCTP_SN_TYPE_BASE + i, on[i]);
	list_for_each_entry(a, &as->assocs, sock_node)
		a->subscribe = as->subscribe;
	a = list_first_entry_or_null(&as->assocs, struct asctp_assoc,
				     sock_node);
	if (asctp_sock_single(sk) && a)
		asctp_event_dry_now(a);
	return 0;
}

int asctp_get_events(struct sock *sk, char __user *optval,
		     int __user *optlen, int len)
{
	struct sctp_event_subscribe ev;
	u8 *on = (u8 *)&ev;
	unsigned int i;

	if (len <= 0)
		return -EINVAL;
	for (i = 0; i < sizeof(ev); i++)
		on[i] = asctp_event_on(asctp_sk(sk)->subscribe,
				       SCTP_SN_TYPE_BASE + i);
	return asctp_opt_put(optval, optlen, len, &ev, sizeof(ev));
}

static void asctp_event_apply(struct sock *sk, struct asctp_assoc *a,
			      const void *arg)
{
	const struct sctp_event *v = arg;

	if (!a) {
		asctp_event_set(&asctp_sk(sk)->subscribe, v->se_type,
				v->se_on);
		return;
	}
	asctp_event_set(&a->subscribe, v->se_type, v->se_on);
	if (v->se_type == SCTP_SENDER_DRY_EVENT && v->se_on)
		asctp_event_dry_now(a);
}

/* RFC 6458 6.2.2: SCTP_EVENT, one type on or off where se_assoc_id
 * points: an association, the socket (SCTP_FUTURE_ASSOC), the live
 * associations (SCTP_CURRENT_ASSOC) or all (SCTP_ALL_ASSOC).  A
 * one-to-one socket's association once it has one, as the kernel's.
 */
int asctp_set_event(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct sctp_event v;

	if (optlen < sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	if (v.se_type < SCTP_SN_TYPE_BASE || v.se_type > SCTP_SN_TYPE_MAX)
		return -EINVAL;
	return asctp_opt_apply(sk, v.se_assoc_id, asctp_event_apply, &v);
}

int asctp_get_event(struct sock *sk, char __user *optval,
		    int __user *optlen, int len)
{
	struct asctp_assoc *a;
	struct sctp_event v;
	int err;

	if (len < (int)sizeof(v))
		return -EINVAL;
	if (copy_from_user(&v, optval, sizeof(v)))
		return -EFAULT;
	if (v.se_type < SCTP_SN_TYPE_BASE || v.se_type > SCTP_SN_TYPE_MAX)
		return -EINVAL;
	a = asctp_opt_assoc(sk, v.se_assoc_id, &err);
	if (err)
		return err;
	v.se_on = asctp_event_on(a ? a->subscribe : asctp_sk(sk)->subscribe,
				 v.se_type);
	return asctp_opt_put(optval, optlen, len, &v, sizeof(v));
}
