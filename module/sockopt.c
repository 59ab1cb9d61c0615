// SPDX-License-Identifier: GPL-2.0
/*
 * SOL_SCTP options (RFC 6458 8) with the option numbers and structs of
 * the kernel's include/uapi/linux/sctp.h, so libsctp programs work
 * unchanged: the dispatch, the helpers of sockopt_assoc.c and
 * sockopt_addr.c, and the socket-wide options.  Options not
 * implemented say -ENOPROTOOPT, as the kernel's SCTP does for those
 * it lacks.
 */

#include <linux/slab.h>
#include <linux/uaccess.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "assoc.h"
#include "peeloff.h"
#include "sm.h"
#include "sock.h"
#include "sockopt.h"

/* The kernel's SCTP copies at most this much of a value (what its
 * SCTP_RESET_STREAMS takes at most, page-aligned).
 */
#define ASCTP_OPTLEN_MAX \
	PAGE_ALIGN(sizeof(struct sctp_reset_streams) + USHRT_MAX * sizeof(u16))

/* The association an option names: a one-to-one socket's own,
 * whatever the id; on one-to-many, by id, or NULL for the socket's
 * defaults (SCTP_FUTURE_ASSOC).  An unknown id is -EINVAL.
 */
struct asctp_assoc *asctp_opt_assoc(struct sock *sk, s32 id, int *err)
{
	struct asctp_assoc *a;

	*err = 0;
	if (asctp_sock_single(sk))
		return list_first_entry_or_null(&asctp_sk(sk)->assocs,
						struct asctp_assoc, sock_node);
	if (id == SCTP_FUTURE_ASSOC)
		return NULL;
	a = asctp_assoc_find_id(sk, id);
	if (!a)
		*err = -EINVAL;
	return a;
}

/* Applies a setting where its id points (RFC 6458 7.2): a one-to-one
 * socket's association or, before it has one, its defaults; on
 * one-to-many an association by id, the defaults (SCTP_FUTURE_ASSOC),
 * the live associations (SCTP_CURRENT_ASSOC) or both (SCTP_ALL_ASSOC).
 * @fn gets a NULL association for the defaults.
 */
int asctp_opt_apply(struct sock *sk, s32 id, asctp_opt_fn fn,
		    const void *arg)
{
	struct asctp_assoc *a;

	if (asctp_sock_single(sk)) {
		fn(sk, list_first_entry_or_null(&asctp_sk(sk)->assocs,
						struct asctp_assoc, sock_node),
		   arg);
		return 0;
	}
	if (id > SCTP_ALL_ASSOC) {
		a = asctp_assoc_find_id(sk, id);
		if (!a)
			return -EINVAL;
		fn(sk, a, arg);
		return 0;
	}
	if (id == SCTP_FUTURE_ASSOC || id == SCTP_ALL_ASSOC)
		fn(sk, NULL, arg);
	if (id == SCTP_CURRENT_ASSOC || id == SCTP_ALL_ASSOC)
		list_for_each_entry(a, &asctp_sk(sk)->assocs, sock_node)
			fn(sk, a, arg);
	return 0;
}

int asctp_opt_put(char __user *optval, int __user *optlen, int len,
		  const void *v, int size)
{
	len = min(len, size);
	if (put_user(len, optlen) || copy_to_user(optval, v, len))
		return -EFAULT;
	return 0;
}

/* RFC 6458 8.2.6: SCTP_INITMSG; zero fields keep their value. */
static int asctp_set_initmsg(struct sock *sk, sockptr_t optval,
			     unsigned int optlen)
{
	struct sctp_initmsg *im = &asctp_sk(sk)->initmsg, v;

	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	asctp_initmsg_merge(im, &v);
	return 0;
}

/* Zero fields keep their value (SCTP_INITMSG and the SCTP_INIT cmsg). */
void asctp_initmsg_merge(struct sctp_initmsg *im,
			 const struct sctp_initmsg *v)
{
	if (v->sinit_num_ostreams)
		im->sinit_num_ostreams = v->sinit_num_ostreams;
	if (v->sinit_max_instreams)
		im->sinit_max_instreams = v->sinit_max_instreams;
	if (v->sinit_max_attempts)
		im->sinit_max_attempts = v->sinit_max_attempts;
	if (v->sinit_max_init_timeo)
		im->sinit_max_init_timeo = v->sinit_max_init_timeo;
}

static int asctp_set_int(sockptr_t optval, unsigned int optlen, int *v)
{
	if (optlen < sizeof(int))
		return -EINVAL;
	return copy_from_sockptr(v, optval, sizeof(int)) ? -EFAULT : 0;
}

/* RFC 6458 8.1.8: SCTP_AUTOCLOSE, one-to-many only, in seconds. */
static int asctp_set_autoclose(struct sock *sk, sockptr_t optval,
			       unsigned int optlen)
{
	u32 v;

	if (sk->sk_type == SOCK_STREAM)
		return -EOPNOTSUPP;
	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	asctp_sk(sk)->autoclose = min_t(u32, v, ASCTP_AUTOCLOSE_MAX_S);
	return 0;
}

/* RFC 6458 8.1.21: SCTP_PARTIAL_DELIVERY_POINT, at most half rcvbuf. */
static int asctp_set_pd_point(struct sock *sk, sockptr_t optval,
			      unsigned int optlen)
{
	u32 v;

	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	if (v > READ_ONCE(sk->sk_rcvbuf) >> 1)
		return -EINVAL;
	asctp_sk(sk)->pd_point = v;
	return 0;
}

/* SCTP_REUSE_PORT, as the kernel's: one-to-one only, and not once
 * bound (-EFAULT, sic), since port.c reads it to share the port.
 */
static int asctp_set_reuse_port(struct sock *sk, sockptr_t optval,
				unsigned int optlen)
{
	int err, v;

	if (sk->sk_type != SOCK_STREAM)
		return -EOPNOTSUPP;
	if (inet_sk(sk)->inet_num)
		return -EFAULT;
	err = asctp_set_int(optval, optlen, &v);
	if (!err)
		asctp_sk(sk)->reuse = !!v;
	return err;
}

/* RFC 6458 8.1.10: SCTP_ADAPTATION_LAYER, sent in our INIT and INIT
 * ACK from now on if not 0.
 */
static int asctp_set_adaptation(struct sock *sk, sockptr_t optval,
				unsigned int optlen)
{
	struct sctp_setadaptation v;

	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	asctp_sk(sk)->adaptation_ind = v.ssb_adaptation_ind;
	return 0;
}

/* The options that are an int flag: where each lives. */
static bool *asctp_opt_flag(struct sock *sk, int optname)
{
	struct asctp_sock *as = asctp_sk(sk);

	switch (optname) {
	case SCTP_NODELAY:
		return &as->nodelay;
	case SCTP_DISABLE_FRAGMENTS:
		return &as->disable_frags;
	case SCTP_FRAGMENT_INTERLEAVE:
		return &as->frag_interleave;
	case SCTP_RECVRCVINFO:
		return &as->recvrcvinfo;
	case SCTP_RECVNXTINFO:
		return &as->recvnxtinfo;
	case SCTP_I_WANT_MAPPED_V4_ADDR:
		return &as->v4mapped;
	default:
		return NULL;
	}
}

static int asctp_sockopt_set_locked(struct sock *sk, int optname,
				    sockptr_t optval, unsigned int optlen)
{
	bool *flag = asctp_opt_flag(sk, optname);
	int err, v;

	if (flag) {
		/* SCTP_FRAGMENT_INTERLEAVE wants exactly an int */
		if (optname == SCTP_FRAGMENT_INTERLEAVE && optlen != sizeof(v))
			return -EINVAL;
		err = asctp_set_int(optval, optlen, &v);
		if (!err)
			*flag = !!v;
		return err;
	}
	switch (optname) {
	case SCTP_INITMSG:
		return asctp_set_initmsg(sk, optval, optlen);
	case SCTP_EVENTS:
		return asctp_set_events(sk, optval, optlen);
	case SCTP_EVENT:
		return asctp_set_event(sk, optval, optlen);
	case SCTP_AUTOCLOSE:
		return asctp_set_autoclose(sk, optval, optlen);
	case SCTP_PARTIAL_DELIVERY_POINT:
		return asctp_set_pd_point(sk, optval, optlen);
	case SCTP_REUSE_PORT:
		return asctp_set_reuse_port(sk, optval, optlen);
	case SCTP_ADAPTATION_LAYER:
		return asctp_set_adaptation(sk, optval, optlen);
	case SCTP_SOCKOPT_BINDX_ADD:
	case SCTP_SOCKOPT_BINDX_REM:
	case SCTP_SOCKOPT_CONNECTX_OLD:
	case SCTP_SOCKOPT_CONNECTX:
		return asctp_sockopt_addr_set(sk, optname, optval, optlen);
	default:
		return asctp_sockopt_assoc_set(sk, optname, optval, optlen);
	}
}

int asctp_sockopt_set(struct sock *sk, int level, int optname,
		      sockptr_t optval, unsigned int optlen)
{
	void *kopt = NULL;
	int err;

	if (level != SOL_SCTP && sk->sk_family == AF_INET6)
		return ipv6_setsockopt(sk, level, optname, optval, optlen);
	if (level != SOL_SCTP)
		return ip_setsockopt(sk, level, optname, optval, optlen);
	/* As the kernel's SCTP: the whole value is copied in first, up to
	 * what its biggest option takes, so a bad pointer is -EFAULT
	 * whatever the option and its length.
	 */
	if (optlen > 0) {
		optlen = min_t(unsigned int, optlen, ASCTP_OPTLEN_MAX);
		kopt = memdup_sockptr(optval, optlen);
		if (IS_ERR(kopt))
			return PTR_ERR(kopt);
		optval = KERNEL_SOCKPTR(kopt);
	}
	lock_sock(sk);
	err = asctp_sockopt_set_locked(sk, optname, optval, optlen);
	release_sock(sk);
	kfree(kopt);
	return err;
}

/* The value of an option read as one 32-bit int. */
static u32 asctp_opt_u32(struct sock *sk, int optname)
{
	struct asctp_sock *as = asctp_sk(sk);

	switch (optname) {
	case SCTP_AUTOCLOSE:
		return as->autoclose;
	case SCTP_PARTIAL_DELIVERY_POINT:
		return as->pd_point;
	case SCTP_REUSE_PORT:
		return as->reuse;
	default:	/* SCTP_ADAPTATION_LAYER: struct sctp_setadaptation */
		return as->adaptation_ind;
	}
}

static int asctp_sockopt_get_locked(struct sock *sk, int optname,
				    char __user *optval, int __user *optlen,
				    int len)
{
	bool *flag = asctp_opt_flag(sk, optname);
	struct asctp_sock *as = asctp_sk(sk);
	int v;

	if (flag) {
		if (len < (int)sizeof(v))
			return -EINVAL;
		v = *flag;
		return asctp_opt_put(optval, optlen, len, &v, sizeof(v));
	}
	switch (optname) {
	case SCTP_INITMSG:
		if (len < (int)sizeof(as->initmsg))
			return -EINVAL;
		return asctp_opt_put(optval, optlen, len, &as->initmsg,
				     sizeof(as->initmsg));
	case SCTP_EVENTS:
		return asctp_get_events(sk, optval, optlen, len);
	case SCTP_EVENT:
		return asctp_get_event(sk, optval, optlen, len);
	case SCTP_AUTOCLOSE:
		if (sk->sk_type == SOCK_STREAM)
			return -EOPNOTSUPP;
		fallthrough;
	case SCTP_PARTIAL_DELIVERY_POINT:
	case SCTP_REUSE_PORT:
	case SCTP_ADAPTATION_LAYER:
		if (len < (int)sizeof(u32))
			return -EINVAL;
		v = asctp_opt_u32(sk, optname);
		return asctp_opt_put(optval, optlen, len, &v, sizeof(v));
	case SCTP_SOCKOPT_PEELOFF:
	case SCTP_SOCKOPT_PEELOFF_FLAGS:
		return asctp_peeloff_get(sk, optname, optval, optlen, len);
	case SCTP_SOCKOPT_CONNECTX3:
	case SCTP_GET_PEER_ADDRS:
	case SCTP_GET_LOCAL_ADDRS:
	case SCTP_GET_ASSOC_NUMBER:
	case SCTP_GET_ASSOC_ID_LIST:
		return asctp_sockopt_addr_get(sk, optname, optval, optlen,
					      len);
	default:
		return asctp_sockopt_assoc_get(sk, optname, optval, optlen,
					       len);
	}
}

int asctp_sockopt_get(struct sock *sk, int level, int optname,
		      char __user *optval, int __user *optlen)
{
	int err, len;

	if (level != SOL_SCTP && sk->sk_family == AF_INET6)
		return ipv6_getsockopt(sk, level, optname, optval, optlen);
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
