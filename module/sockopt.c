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
	p->spinfo_rto = a->rto_ms;
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
	st.sstat_unackdata = skb_queue_len(&a->outq);
	st.sstat_instrms = a->mis;
	st.sstat_outstrms = a->os;
	st.sstat_fragmentation_point = a->pmtu - sizeof(struct iphdr) -
				       ASCTP_HDR_LEN - ASCTP_DATA_MIN_LEN;
	asctp_fill_paddr(a, &st.sstat_primary);
	return asctp_put(optval, optlen, len, &st, sizeof(st));
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
