// SPDX-License-Identifier: GPL-2.0
/*
 * Address options (RFC 6458 9.1-9.6 as the kernel's SCTP tunnels them
 * through setsockopt and getsockopt): sctp_bindx, sctp_connectx,
 * sctp_getpaddrs, sctp_getladdrs, and the association id lists.
 * asctp is single-homed until multi-homing lands: a socket has one
 * local address, an association one peer address.
 */

#include <linux/file.h>
#include <linux/inetdevice.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <net/route.h>

#include "addr.h"
#include "assoc.h"
#include "port.h"
#include "sock.h"
#include "sockopt.h"

enum {
	/* a packed array of addresses: more would be no real program's */
	ASCTP_ADDRS_MAX_LEN	= 64 * sizeof(struct sockaddr_in6),
	ASCTP_LOCAL_ADDRS_MAX	= 1024,		/* listed at once */
};

/* The addresses of a packed array from the user (sockaddr_in, and
 * sockaddr_in6 on an AF_INET6 socket, each its own size).
 */
static struct asctp_taddr *asctp_addrs_parse(struct sock *sk, const u8 *buf,
					     unsigned int len, int *n)
{
	struct asctp_taddr *t;
	unsigned int off;
	int used;

	t = kmalloc_array(len / sizeof(struct sockaddr_in), sizeof(*t),
			  GFP_KERNEL);
	if (!t)
		return ERR_PTR(-ENOMEM);
	for (*n = 0, off = 0; off < len; off += used, (*n)++) {
		used = asctp_addr_from_user(sk, (const void *)(buf + off),
					    len - off, &t[*n]);
		if (used < 0) {
			kfree(t);
			return ERR_PTR(-EINVAL);
		}
	}
	return t;
}

static struct asctp_taddr *asctp_addrs_copy(struct sock *sk, sockptr_t optval,
					    unsigned int optlen, int *n)
{
	struct asctp_taddr *t;
	u8 *buf;

	if (optlen < sizeof(struct sockaddr_in) || optlen > ASCTP_ADDRS_MAX_LEN)
		return ERR_PTR(-EINVAL);
	buf = memdup_sockptr(optval, optlen);
	if (IS_ERR(buf))
		return ERR_CAST(buf);
	t = asctp_addrs_parse(sk, buf, optlen, n);
	kfree(buf);
	return t;
}

/* One more address for a socket bound to specific ones: the same
 * port, a local address (or IP_FREEBIND), not the wildcard.
 */
static int asctp_bindx_check(struct sock *sk, const struct asctp_taddr *t)
{
	const struct inet_sock *inet = inet_sk(sk);

	if (!asctp_sock_bound_addr(sk) || asctp_addr_any(&t->addr) ||
	    (t->port && t->port != inet->inet_sport))
		return -EINVAL;
	if (!asctp_sock_local_addr(sk, &t->addr))
		return -EADDRNOTAVAIL;
	return 0;
}

/* RFC 6458 9.1: SCTP_SOCKOPT_BINDX_ADD.  An unbound socket binds to the
 * first address, then every address joins it on its port; up to
 * 1 + ASCTP_MAX_XADDRS (-ENOSPC beyond).
 */
static int asctp_bindx_add(struct sock *sk, const struct asctp_taddr *addrs,
			   int n)
{
	struct inet_sock *inet = inet_sk(sk);
	int i = 0, err;

	if (!inet->inet_num) {
		err = asctp_sock_bind(sk, &addrs[i++]);
		if (err)
			return err;
	}
	for (; i < n; i++) {
		err = asctp_bindx_check(sk, &addrs[i]);
		if (!err)
			err = asctp_port_add_addr(sk, &addrs[i].addr);
		if (err)
			return err;
	}
	return 0;
}

/* SCTP_SOCKOPT_BINDX_REM: a socket's last address stays (-EBUSY);
 * associations keep theirs (no ASCONF).
 */
static int asctp_bindx_rem(struct sock *sk, const struct asctp_taddr *addrs,
			   int n)
{
	const struct inet_sock *inet = inet_sk(sk);
	int i, err;

	if (!inet->inet_num)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (addrs[i].port && addrs[i].port != inet->inet_sport)
			return -EINVAL;
		err = asctp_port_rem_addr(sk, &addrs[i].addr);
		if (err)
			return err;
	}
	return 0;
}

/* RFC 6458 9.9: sctp_connectx().  The first address sets up the
 * association; the others must name the same port, and wait for
 * multi-homing to be used.
 */
static int asctp_connectx(struct sock *sk, const struct asctp_taddr *addrs,
			  int n, s32 *id)
{
	int flags = 0, i;

	for (i = 1; i < n; i++)
		if (addrs[i].port != addrs[0].port)
			return -EINVAL;
	if (sk->sk_socket->file)
		flags = sk->sk_socket->file->f_flags;
	return asctp_sock_connect(sk, addrs, n, flags, id);
}

int asctp_sockopt_addr_set(struct sock *sk, int optname, sockptr_t optval,
			   unsigned int optlen)
{
	struct asctp_taddr *addrs;
	s32 id = 0;
	int err, n;

	/* The kernel's SCTP says a connected or listening one-to-one
	 * socket is connected before it looks at the addresses.
	 */
	if ((optname == SCTP_SOCKOPT_CONNECTX ||
	     optname == SCTP_SOCKOPT_CONNECTX_OLD) &&
	    optlen >= sizeof(sa_family_t) && sk->sk_type == SOCK_STREAM &&
	    sk->sk_state != TCP_CLOSE && sk->sk_state != TCP_SYN_SENT)
		return -EISCONN;
	addrs = asctp_addrs_copy(sk, optval, optlen, &n);
	if (IS_ERR(addrs))
		return PTR_ERR(addrs);
	switch (optname) {
	case SCTP_SOCKOPT_BINDX_ADD:
		err = asctp_bindx_add(sk, addrs, n);
		break;
	case SCTP_SOCKOPT_BINDX_REM:
		err = asctp_bindx_rem(sk, addrs, n);
		break;
	case SCTP_SOCKOPT_CONNECTX_OLD:
		err = asctp_connectx(sk, addrs, n, NULL);
		break;
	default:	/* SCTP_SOCKOPT_CONNECTX: the id is the return value */
		err = asctp_connectx(sk, addrs, n, &id);
		if (!err)
			err = id;
		break;
	}
	kfree(addrs);
	return err;
}

/* SCTP_SOCKOPT_CONNECTX3, through getsockopt: struct sctp_getaddrs_old
 * whose addr_num is the byte length of the array at addrs; the id
 * comes back in the first four bytes, also with -EINPROGRESS.
 */
static int asctp_get_connectx3(struct sock *sk, char __user *optval,
			       int __user *optlen, int len)
{
	struct sctp_getaddrs_old p;
	struct asctp_taddr *addrs;
	s32 id = 0;
	int err, n;

	if (len < (int)sizeof(p))
		return -EINVAL;
	if (copy_from_user(&p, optval, sizeof(p)))
		return -EFAULT;
	if (p.addr_num <= 0)
		return -EINVAL;
	addrs = asctp_addrs_copy(sk, USER_SOCKPTR((void __force __user *)p.addrs),
				 p.addr_num, &n);
	if (IS_ERR(addrs))
		return PTR_ERR(addrs);
	err = asctp_connectx(sk, addrs, n, &id);
	kfree(addrs);
	if (err && err != -EINPROGRESS)
		return err;
	if (put_user(id, (s32 __user *)optval) ||
	    put_user((int)sizeof(id), optlen))
		return -EFAULT;
	return err;
}

/* The association an address query names, or NULL (-EINVAL). */
static struct asctp_assoc *asctp_addrs_assoc(struct sock *sk, s32 id)
{
	if (asctp_sock_single(sk))
		return list_first_entry_or_null(&asctp_sk(sk)->assocs,
						struct asctp_assoc, sock_node);
	return asctp_assoc_find_id(sk, id);
}

/* Appends one address at *to if it fits, as the kernel's SCTP does. */
static int asctp_addr_put(struct sock *sk, char __user **to, int *left,
			  const struct in6_addr *addr, __be16 port)
{
	struct sockaddr_storage ss;
	int len;

	len = asctp_addr_to_user(sk, addr, port, &ss);
	if (*left < len)
		return -ENOMEM;		/* libsctp retries with more room */
	if (copy_to_user(*to, &ss, len))
		return -EFAULT;
	*to += len;
	*left -= len;
	return 0;
}

/* RFC 6458 9.3: SCTP_GET_PEER_ADDRS, struct sctp_getaddrs; optlen
 * comes back as the bytes used, header included.
 */
static int asctp_get_peer_addrs(struct sock *sk, char __user *optval,
				int __user *optlen, int len)
{
	struct sctp_getaddrs __user *u = (void __user *)optval;
	struct sctp_getaddrs ga;
	struct asctp_assoc *a;
	struct asctp_path *p;
	char __user *to;
	int left, err;

	if (len < (int)sizeof(ga))
		return -EINVAL;
	if (copy_from_user(&ga, optval, sizeof(ga)))
		return -EFAULT;
	a = asctp_addrs_assoc(sk, ga.assoc_id);
	if (!a)
		return -EINVAL;
	to = optval + offsetof(struct sctp_getaddrs, addrs);
	left = len - offsetof(struct sctp_getaddrs, addrs);
	list_for_each_entry(p, &a->paths, node) {
		err = asctp_addr_put(sk, &to, &left, &p->addr, a->pport);
		if (err)
			return err;
	}
	if (put_user(a->npaths, &u->addr_num) || put_user(to - optval, optlen))
		return -EFAULT;
	return 0;
}

/* A wildcard socket's local addresses: every IPv4 address of the
 * namespace, as the kernel's SCTP lists them.
 */
static int asctp_local_addrs_any(struct sock *sk, char __user **to,
				 int *left, u32 *cnt)
{
	__be16 port = inet_sk(sk)->inet_sport;
	int err = 0, n, max, i;
	struct in6_addr *v;

	/* copy_to_user may fault: collect under RCU, copy after */
	max = min_t(int, *left / sizeof(struct sockaddr_in),
		    ASCTP_LOCAL_ADDRS_MAX);
	v = kmalloc_array(max ?: 1, sizeof(*v), GFP_KERNEL);
	if (!v)
		return -ENOMEM;
	n = asctp_addr_netns(sock_net(sk), sk, NULL, v, max);
	if (n < 0)
		err = n;
	for (i = 0; i < n && !err; i++)
		err = asctp_addr_put(sk, to, left, &v[i], port);
	kfree(v);
	*cnt = max(n, 0);
	return err;
}

/* A bound socket's addresses: sctp_bind()'s, then sctp_bindx()'s. */
static int asctp_local_addrs_bound(struct sock *sk, char __user **to,
				   int *left, u32 *cnt)
{
	const struct asctp_sock *as = asctp_sk(sk);
	__be16 port = as->inet.inet_sport;
	int i, err;

	err = asctp_addr_put(sk, to, left, &as->baddr, port);
	for (i = 0; i < as->n_xaddrs && !err; i++)
		err = asctp_addr_put(sk, to, left, &as->xaddrs[i], port);
	*cnt = 1 + as->n_xaddrs;
	return err;
}

/* RFC 6458 9.5: SCTP_GET_LOCAL_ADDRS.  Id 0 asks for the socket's
 * bound addresses; optlen comes back as the address bytes only (the
 * kernel's SCTP does the same).
 */
static int asctp_get_local_addrs(struct sock *sk, char __user *optval,
				 int __user *optlen, int len)
{
	struct sctp_getaddrs __user *u = (void __user *)optval;
	const struct inet_sock *inet = inet_sk(sk);
	struct sctp_getaddrs ga;
	struct asctp_assoc *a;
	char __user *to;
	int left, err;
	u32 cnt = 1;

	if (len < (int)sizeof(ga))
		return -EINVAL;
	if (copy_from_user(&ga, optval, sizeof(ga)))
		return -EFAULT;
	to = optval + offsetof(struct sctp_getaddrs, addrs);
	left = len - offsetof(struct sctp_getaddrs, addrs);
	if (ga.assoc_id) {
		a = asctp_addrs_assoc(sk, ga.assoc_id);
		if (!a)
			return -EINVAL;
		err = asctp_addr_put(sk, &to, &left, &a->laddr, a->lport);
	} else if (!inet->inet_num) {
		cnt = 0;
		err = 0;
	} else if (asctp_sock_bound_addr(sk)) {
		err = asctp_local_addrs_bound(sk, &to, &left, &cnt);
	} else {
		err = asctp_local_addrs_any(sk, &to, &left, &cnt);
	}
	if (err)
		return err;
	if (put_user(cnt, &u->addr_num) ||
	    put_user(to - optval - (int)sizeof(ga), optlen))
		return -EFAULT;
	return 0;
}

/* RFC 6458 8.2.5: SCTP_GET_ASSOC_NUMBER, one-to-many only. */
static int asctp_get_assoc_number(struct sock *sk, char __user *optval,
				  int __user *optlen, int len)
{
	struct asctp_assoc *a;
	u32 n = 0;

	if (sk->sk_type == SOCK_STREAM)
		return -EOPNOTSUPP;
	if (len < (int)sizeof(n))
		return -EINVAL;
	list_for_each_entry(a, &asctp_sk(sk)->assocs, sock_node)
		n++;
	return asctp_opt_put(optval, optlen, sizeof(n), &n, sizeof(n));
}

/* RFC 6458 8.2.6: SCTP_GET_ASSOC_ID_LIST; -EINVAL if it does not fit. */
static int asctp_get_assoc_ids(struct sock *sk, char __user *optval,
			       int __user *optlen, int len)
{
	struct sctp_assoc_ids *ids;
	struct asctp_assoc *a;
	u32 n = 0;
	int err;

	if (sk->sk_type == SOCK_STREAM)
		return -EOPNOTSUPP;
	if (len < (int)sizeof(*ids))
		return -EINVAL;
	list_for_each_entry(a, &asctp_sk(sk)->assocs, sock_node)
		n++;
	if (len < (int)struct_size(ids, gaids_assoc_id, n))
		return -EINVAL;
	len = struct_size(ids, gaids_assoc_id, n);
	ids = kmalloc(len, GFP_KERNEL);
	if (!ids)
		return -ENOMEM;
	ids->gaids_number_of_ids = n;
	n = 0;
	list_for_each_entry(a, &asctp_sk(sk)->assocs, sock_node)
		ids->gaids_assoc_id[n++] = a->id;
	err = asctp_opt_put(optval, optlen, len, ids, len);
	kfree(ids);
	return err;
}

int asctp_sockopt_addr_get(struct sock *sk, int optname, char __user *optval,
			   int __user *optlen, int len)
{
	switch (optname) {
	case SCTP_SOCKOPT_CONNECTX3:
		return asctp_get_connectx3(sk, optval, optlen, len);
	case SCTP_GET_PEER_ADDRS:
		return asctp_get_peer_addrs(sk, optval, optlen, len);
	case SCTP_GET_LOCAL_ADDRS:
		return asctp_get_local_addrs(sk, optval, optlen, len);
	case SCTP_GET_ASSOC_NUMBER:
		return asctp_get_assoc_number(sk, optval, optlen, len);
	case SCTP_GET_ASSOC_ID_LIST:
		return asctp_get_assoc_ids(sk, optval, optlen, len);
	default:
		return -ENOPROTOOPT;
	}
}
