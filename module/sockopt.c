// SPDX-License-Identifier: GPL-2.0
/*
 * SOL_SCTP options (RFC 6458 8) with the option numbers and structs of
 * the kernel's include/uapi/linux/sctp.h, so libsctp programs work
 * unchanged.  Options not implemented yet say -ENOPROTOOPT.
 */

#include <linux/uaccess.h>
#include <net/ip.h>

#include "assoc.h"
#include "sm.h"
#include "sock.h"
#include "sockopt.h"

/* RFC 6458 8.2.6: SCTP_INITMSG; zero fields keep their value. */
static int asctp_set_initmsg(struct sock *sk, sockptr_t optval,
			     unsigned int optlen)
{
	struct sctp_initmsg *im = &asctp_sk(sk)->initmsg, v;

	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	if (v.sinit_num_ostreams)
		im->sinit_num_ostreams = v.sinit_num_ostreams;
	if (v.sinit_max_instreams)
		im->sinit_max_instreams = v.sinit_max_instreams;
	if (v.sinit_max_attempts)
		im->sinit_max_attempts = v.sinit_max_attempts;
	if (v.sinit_max_init_timeo)
		im->sinit_max_init_timeo = v.sinit_max_init_timeo;
	return 0;
}

/* RFC 6458 6.2.1: SCTP_EVENTS; shorter structs of older headers too. */
static int asctp_set_events(struct sock *sk, sockptr_t optval,
			    unsigned int optlen)
{
	struct sctp_event_subscribe *ev = &asctp_sk(sk)->events;

	if (optlen > sizeof(*ev))
		return -EINVAL;
	if (copy_from_sockptr(ev, optval, optlen))
		return -EFAULT;
	return 0;
}

/* The association an option names: a one-to-one socket's own,
 * whatever the id; on one-to-many, by id, or NULL for the socket's
 * defaults (SCTP_FUTURE_ASSOC).  An unknown id is -EINVAL.
 */
static struct asctp_assoc *asctp_opt_assoc(struct sock *sk, s32 id,
					   int *err)
{
	struct asctp_assoc *a;

	*err = 0;
	if (sk->sk_type == SOCK_STREAM)
		return list_first_entry_or_null(&asctp_sk(sk)->assocs,
						struct asctp_assoc, sock_node);
	if (id == SCTP_FUTURE_ASSOC)
		return NULL;
	a = asctp_assoc_find_id(sk, id);
	if (!a)
		*err = -EINVAL;
	return a;
}

/* RFC 6458 8.1.1: SCTP_RTOINFO; zero fields keep their value. */
static int asctp_set_rtoinfo(struct sock *sk, sockptr_t optval,
			     unsigned int optlen)
{
	struct asctp_sock *as = asctp_sk(sk);
	struct sctp_rtoinfo v;
	struct asctp_assoc *a;
	u32 init, min, max;
	int err;

	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	a = asctp_opt_assoc(sk, v.srto_assoc_id, &err);
	if (err)
		return err;
	init = v.srto_initial ?: (a ? a->rto.initial_ms : as->rto_initial_ms);
	min = v.srto_min ?: (a ? a->rto.min_ms : as->rto_min_ms);
	max = v.srto_max ?: (a ? a->rto.max_ms : as->rto_max_ms);
	if (min > max || max > ASCTP_RTO_LIMIT_MS)
		return -EINVAL;
	if (!a) {
		as->rto_initial_ms = init;
		as->rto_min_ms = min;
		as->rto_max_ms = max;
		return 0;
	}
	a->rto.initial_ms = init;
	a->rto.min_ms = min;
	a->rto.max_ms = max;
	a->rto.rto_ms = clamp(a->rto.rto_ms, min, max);
	return 0;
}

/* RFC 6458 8.1.2: SCTP_ASSOCINFO: Association.Max.Retrans and the
 * cookie's life can be set, zero keeps them; the rest is read-only.
 */
static int asctp_set_associnfo(struct sock *sk, sockptr_t optval,
			       unsigned int optlen)
{
	struct asctp_sock *as = asctp_sk(sk);
	struct sctp_assocparams v;
	struct asctp_assoc *a;
	int err;

	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	a = asctp_opt_assoc(sk, v.sasoc_assoc_id, &err);
	if (err)
		return err;
	if (v.sasoc_asocmaxrxt) {
		if (a)
			a->max_retrans = v.sasoc_asocmaxrxt;
		else
			as->max_retrans = v.sasoc_asocmaxrxt;
	}
	if (v.sasoc_cookie_life)
		as->cookie_life_ms = v.sasoc_cookie_life;
	return 0;
}

/* One delayed-SACK setting, as the kernel's SCTP applies it: a delay
 * turns delaying on, a frequency of 1 turns it off.
 */
static void asctp_sack_apply(const struct sctp_sack_info *v, u16 *delay,
			     u8 *freq, bool *off)
{
	if (v->sack_delay) {
		*delay = v->sack_delay;
		*off = false;
	}
	if (v->sack_freq == 1) {
		*off = true;
	} else if (v->sack_freq > 1) {
		*freq = min_t(u32, v->sack_freq, U8_MAX);
		*off = false;
	}
}

/* RFC 6458 8.1.19: SCTP_DELAYED_SACK, struct sctp_sack_info or the
 * older struct sctp_assoc_value (a delay, 0 for off).  One-to-many:
 * SCTP_CURRENT_ASSOC and SCTP_ALL_ASSOC reach the live associations.
 */
static int asctp_set_delayed_sack(struct sock *sk, sockptr_t optval,
				  unsigned int optlen)
{
	struct asctp_sock *as = asctp_sk(sk);
	struct sctp_assoc_value av;
	struct sctp_sack_info v;
	struct asctp_assoc *a;
	int err;

	if (optlen == sizeof(av)) {
		if (copy_from_sockptr(&av, optval, sizeof(av)))
			return -EFAULT;
		v.sack_assoc_id = av.assoc_id;
		v.sack_delay = av.assoc_value;
		v.sack_freq = av.assoc_value ? 0 : 1;
	} else if (optlen != sizeof(v)) {
		return -EINVAL;
	} else if (copy_from_sockptr(&v, optval, sizeof(v))) {
		return -EFAULT;
	}
	if (v.sack_delay > ASCTP_SACK_DELAY_MAX_MS)
		return -EINVAL;
	if (!v.sack_delay && !v.sack_freq)
		return 0;
	if (sk->sk_type == SOCK_SEQPACKET &&
	    (v.sack_assoc_id == SCTP_CURRENT_ASSOC ||
	     v.sack_assoc_id == SCTP_ALL_ASSOC)) {
		list_for_each_entry(a, &as->assocs, sock_node)
			asctp_sack_apply(&v, &a->sack_delay_ms, &a->sack_freq,
					 &a->sack_off);
		if (v.sack_assoc_id == SCTP_CURRENT_ASSOC)
			return 0;
		v.sack_assoc_id = SCTP_FUTURE_ASSOC;
	}
	a = asctp_opt_assoc(sk, v.sack_assoc_id, &err);
	if (err)
		return err;
	if (a)
		asctp_sack_apply(&v, &a->sack_delay_ms, &a->sack_freq,
				 &a->sack_off);
	else
		asctp_sack_apply(&v, &as->sack_delay_ms, &as->sack_freq,
				 &as->sack_off);
	return 0;
}

static int asctp_set_int(sockptr_t optval, unsigned int optlen, int *v)
{
	if (optlen < sizeof(int))
		return -EINVAL;
	return copy_from_sockptr(v, optval, sizeof(int)) ? -EFAULT : 0;
}

int asctp_sockopt_set(struct sock *sk, int level, int optname,
		      sockptr_t optval, unsigned int optlen)
{
	int err, v;

	if (level != SOL_SCTP)
		return ip_setsockopt(sk, level, optname, optval, optlen);
	lock_sock(sk);
	switch (optname) {
	case SCTP_INITMSG:
		err = asctp_set_initmsg(sk, optval, optlen);
		break;
	case SCTP_EVENTS:
		err = asctp_set_events(sk, optval, optlen);
		break;
	case SCTP_RTOINFO:
		err = asctp_set_rtoinfo(sk, optval, optlen);
		break;
	case SCTP_ASSOCINFO:
		err = asctp_set_associnfo(sk, optval, optlen);
		break;
	case SCTP_DELAYED_SACK:
		err = asctp_set_delayed_sack(sk, optval, optlen);
		break;
	case SCTP_NODELAY:
		err = asctp_set_int(optval, optlen, &v);
		if (!err)
			asctp_sk(sk)->nodelay = !!v;
		break;
	default:
		err = -ENOPROTOOPT;
		break;
	}
	release_sock(sk);
	return err;
}

static int asctp_put(char __user *optval, int __user *optlen, int len,
		     const void *v, int size)
{
	len = min(len, size);
	if (put_user(len, optlen) || copy_to_user(optval, v, len))
		return -EFAULT;
	return 0;
}

static void asctp_fill_paddr(const struct asctp_assoc *a,
			     struct sctp_paddrinfo *p)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)&p->spinfo_address;

	p->spinfo_assoc_id = a->id;
	sin->sin_family = AF_INET;
	sin->sin_port = a->pport;
	sin->sin_addr.s_addr = a->paddr;
	p->spinfo_state = SCTP_ACTIVE;
	p->spinfo_rto = a->rto.rto_ms;
	p->spinfo_mtu = a->pmtu;
}

/* RFC 6458 8.2.1: SCTP_STATUS. */
static int asctp_get_status(struct sock *sk, char __user *optval,
			    int __user *optlen, int len)
{
	struct sctp_status st;
	struct asctp_assoc *a;

	if (len < (int)sizeof(st))
		return -EINVAL;
	if (copy_from_user(&st, optval, sizeof(st)))
		return -EFAULT;
	if (sk->sk_type == SOCK_STREAM)
		a = list_first_entry_or_null(&asctp_sk(sk)->assocs,
					     struct asctp_assoc, sock_node);
	else
		a = asctp_assoc_find_id(sk, st.sstat_assoc_id);
	if (!a)
		return -EINVAL;
	memset(&st, 0, sizeof(st));
	st.sstat_assoc_id = a->id;
	st.sstat_state = a->state + 1;	/* enum sctp_sstat_state */
	st.sstat_rwnd = a->peer_rwnd;
	st.sstat_unackdata = skb_queue_len(&a->outq) +
				 skb_queue_len(&a->sentq);
	st.sstat_instrms = a->mis;
	st.sstat_outstrms = a->os;
	st.sstat_fragmentation_point = a->pmtu - sizeof(struct iphdr) -
				       ASCTP_HDR_LEN - ASCTP_DATA_MIN_LEN;
	asctp_fill_paddr(a, &st.sstat_primary);
	return asctp_put(optval, optlen, len, &st, sizeof(st));
}

static int asctp_get_rtoinfo(struct sock *sk, char __user *optval,
			     int __user *optlen, int len)
{
	struct asctp_sock *as = asctp_sk(sk);
	struct sctp_rtoinfo v;
	struct asctp_assoc *a;
	int err;

	if (len < (int)sizeof(v))
		return -EINVAL;
	if (copy_from_user(&v, optval, sizeof(v)))
		return -EFAULT;
	a = asctp_opt_assoc(sk, v.srto_assoc_id, &err);
	if (err)
		return err;
	if (a)
		v.srto_assoc_id = a->id;
	v.srto_initial = a ? a->rto.initial_ms : as->rto_initial_ms;
	v.srto_min = a ? a->rto.min_ms : as->rto_min_ms;
	v.srto_max = a ? a->rto.max_ms : as->rto_max_ms;
	return asctp_put(optval, optlen, len, &v, sizeof(v));
}

static int asctp_get_associnfo(struct sock *sk, char __user *optval,
			       int __user *optlen, int len)
{
	struct asctp_sock *as = asctp_sk(sk);
	struct sctp_assocparams v;
	struct asctp_assoc *a;
	int err;

	if (len < (int)sizeof(v))
		return -EINVAL;
	if (copy_from_user(&v, optval, sizeof(v)))
		return -EFAULT;
	a = asctp_opt_assoc(sk, v.sasoc_assoc_id, &err);
	if (err)
		return err;
	if (a)
		v.sasoc_assoc_id = a->id;
	v.sasoc_asocmaxrxt = a ? a->max_retrans : as->max_retrans;
	v.sasoc_number_peer_destinations = a ? 1 : 0;
	v.sasoc_peer_rwnd = a ? a->peer_rwnd : 0;
	v.sasoc_local_rwnd = a ? asctp_sm_rwnd(sk) : 0;
	v.sasoc_cookie_life = as->cookie_life_ms;
	return asctp_put(optval, optlen, len, &v, sizeof(v));
}

static int asctp_get_delayed_sack(struct sock *sk, char __user *optval,
				  int __user *optlen, int len)
{
	struct asctp_sock *as = asctp_sk(sk);
	struct sctp_sack_info v;
	struct asctp_assoc *a;
	bool off;
	int err;

	if (len >= (int)sizeof(v))
		len = sizeof(v);
	else if (len != sizeof(struct sctp_assoc_value))
		return -EINVAL;
	if (copy_from_user(&v, optval, len))
		return -EFAULT;
	a = asctp_opt_assoc(sk, v.sack_assoc_id, &err);
	if (err)
		return err;
	off = a ? a->sack_off : as->sack_off;
	if (a)
		v.sack_assoc_id = a->id;
	v.sack_delay = off ? 0 : a ? a->sack_delay_ms : as->sack_delay_ms;
	v.sack_freq = off ? 1 : a ? a->sack_freq : as->sack_freq;
	/* struct sctp_assoc_value: id, then the delay where sack_delay is */
	return asctp_put(optval, optlen, len, &v, len);
}

static int asctp_sockopt_get_locked(struct sock *sk, int optname,
				    char __user *optval, int __user *optlen,
				    int len)
{
	struct asctp_sock *as = asctp_sk(sk);
	int v;

	switch (optname) {
	case SCTP_STATUS:
		return asctp_get_status(sk, optval, optlen, len);
	case SCTP_RTOINFO:
		return asctp_get_rtoinfo(sk, optval, optlen, len);
	case SCTP_ASSOCINFO:
		return asctp_get_associnfo(sk, optval, optlen, len);
	case SCTP_DELAYED_SACK:
		return asctp_get_delayed_sack(sk, optval, optlen, len);
	case SCTP_INITMSG:
		return asctp_put(optval, optlen, len, &as->initmsg,
				 sizeof(as->initmsg));
	case SCTP_EVENTS:
		return asctp_put(optval, optlen, len, &as->events,
				 sizeof(as->events));
	case SCTP_NODELAY:
		v = as->nodelay;
		return asctp_put(optval, optlen, len, &v, sizeof(v));
	default:
		return -ENOPROTOOPT;
	}
}

int asctp_sockopt_get(struct sock *sk, int level, int optname,
		      char __user *optval, int __user *optlen)
{
	int err, len;

	if (level != SOL_SCTP)
		return ip_getsockopt(sk, level, optname, optval, optlen);
	if (get_user(len, optlen))
		return -EFAULT;
	if (len < 0)
		return -EINVAL;
	lock_sock(sk);
	err = asctp_sockopt_get_locked(sk, optname, optval, optlen, len);
	release_sock(sk);
	return err;
}
