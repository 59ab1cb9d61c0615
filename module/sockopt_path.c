// SPDX-License-Identifier: GPL-2.0
/*
 * Per-path options (RFC 6458 8.1.3, 8.1.12, 8.2.2; RFC 6951 6.1): a
 * peer address names a path of one of the socket's associations, as
 * the kernel's SCTP finds it (sctp_addr_id2transport): by address,
 * and the id, if it names an association, must name the same one.
 */

#include <linux/uaccess.h>

#include "assoc.h"
#include "sm.h"
#include "sock.h"
#include "sockopt.h"

/* The path to @ss, or NULL; *@ap: its association. */
static struct asctp_path *asctp_opt_path(struct sock *sk,
					 const struct sockaddr_storage *ss,
					 s32 id, struct asctp_assoc **ap)
{
	struct asctp_assoc *a, *ia;
	struct asctp_taddr t;
	int err;

	if (asctp_addr_from_user(sk, (const struct sockaddr *)ss, sizeof(*ss),
				 &t) < 0)
		return NULL;
	a = asctp_sock_find_peer(sk, &t);
	ia = asctp_opt_assoc(sk, id, &err);
	if (!a || (ia && ia != a))
		return NULL;
	*ap = a;
	return asctp_path_find(a, &t.addr);
}

/* Neither AF_UNSPEC nor the wildcard: names one path. */
static bool asctp_opt_addr_set(const struct sockaddr_storage *ss)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)ss;
	const struct sockaddr_in *sin = (const struct sockaddr_in *)ss;

	return ss->ss_family != AF_UNSPEC &&
	       !(ss->ss_family == AF_INET && !sin->sin_addr.s_addr) &&
	       !(ss->ss_family == AF_INET6 &&
		 ipv6_addr_any(&sin6->sin6_addr));
}

/* The options an (address, association id) pair names: one path's, an
 * association's or the socket's defaults, or an error pointer; @nopath
 * is the error for an address no association has.
 */
static struct asctp_path_opts *
asctp_opt_popts(struct sock *sk, struct sockaddr_storage *addr, s32 id,
		int nopath, struct asctp_assoc **ap)
{
	struct asctp_path *p;
	int err;

	*ap = NULL;
	if (asctp_opt_addr_set(addr)) {
		p = asctp_opt_path(sk, addr, id, ap);
		return p ? &p->o : ERR_PTR(nopath);
	}
	*ap = asctp_opt_assoc(sk, id, &err);
	if (err)
		return ERR_PTR(err);
	return *ap ? &(*ap)->popts : &asctp_sk(sk)->popts;
}

void asctp_opt_fill_paddr(const struct asctp_assoc *a,
			  const struct asctp_path *p,
			  struct sctp_paddrinfo *pi)
{
	pi->spinfo_assoc_id = a->id;
	asctp_addr_to_user(a->sk, &p->addr, a->pport, &pi->spinfo_address);
	pi->spinfo_state = p->state;
	pi->spinfo_cwnd = p->cc.cwnd;
	pi->spinfo_srtt = p->rto.srtt_us / USEC_PER_MSEC;
	pi->spinfo_rto = p->rto.rto_ms;
	pi->spinfo_mtu = p->pmtu;
}

/* RFC 6458 8.2.2: SCTP_GET_PEER_ADDR_INFO. */
static int asctp_get_paddr_info(struct sock *sk, char __user *optval,
				int __user *optlen, int len)
{
	struct sctp_paddrinfo pi;
	struct asctp_assoc *a;
	struct asctp_path *p;

	if (len < (int)sizeof(pi))
		return -EINVAL;
	if (copy_from_user(&pi, optval, sizeof(pi)))
		return -EFAULT;
	p = asctp_opt_path(sk, &pi.spinfo_address, pi.spinfo_assoc_id, &a);
	if (!p)
		return -EINVAL;
	if (p->state == SCTP_PF && p->o.pf_expose == ASCTP_PF_EXPOSE_DISABLE)
		return -EACCES;
	memset(&pi, 0, sizeof(pi));
	asctp_opt_fill_paddr(a, p, &pi);
	return asctp_opt_put(optval, optlen, len, &pi, sizeof(pi));
}

/* RFC 6458 8.1.3: SCTP_PRIMARY_ADDR. */
static int asctp_get_primary(struct sock *sk, char __user *optval,
			     int __user *optlen, int len)
{
	struct sctp_prim v;
	struct asctp_assoc *a;
	int err;

	if (len < (int)sizeof(v))
		return -EINVAL;
	if (copy_from_user(&v, optval, sizeof(v)))
		return -EFAULT;
	a = asctp_opt_assoc(sk, v.ssp_assoc_id, &err);
	if (!a)
		return -EINVAL;
	memset(&v.ssp_addr, 0, sizeof(v.ssp_addr));
	asctp_addr_to_user(sk, &a->primary->addr, a->pport, &v.ssp_addr);
	return asctp_opt_put(optval, optlen, len, &v, sizeof(v));
}

static int asctp_set_primary(struct sock *sk, sockptr_t optval,
			     unsigned int optlen)
{
	struct sctp_prim v;
	struct asctp_assoc *a;
	struct asctp_path *p;

	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	p = asctp_opt_path(sk, &v.ssp_addr, v.ssp_assoc_id, &a);
	if (!p)
		return -EINVAL;
	a->primary = p;
	asctp_path_select(a);
	return 0;
}

/* The 20 bits of an IPv6 flow label, in host order. */
#define IPV6_FLOWLABEL_MASK_HOST	0xfffff

/* SCTP_PEER_ADDR_PARAMS without spp_ipv6_flowlabel and spp_dscp. */
#define ASCTP_SPP_OLD_LEN ALIGN(offsetof(struct sctp_paddrparams, \
					 spp_ipv6_flowlabel), 4)

/* RFC 6458 8.1.12: what the flags and non-zero fields change. */
static void asctp_spp_apply(struct asctp_path_opts *o,
			    const struct sctp_paddrparams *v)
{
	u32 f = v->spp_flags;

	if (f & SPP_HB_ENABLE) {
		if (f & SPP_HB_TIME_IS_ZERO)
			o->hb_interval_ms = 0;
		else if (v->spp_hbinterval)
			o->hb_interval_ms = v->spp_hbinterval;
	}
	if (f & SPP_HB)
		o->flags = (o->flags & ~SPP_HB) | (f & SPP_HB);
	if ((f & SPP_PMTUD_DISABLE) && v->spp_pathmtu)
		o->pathmtu = v->spp_pathmtu;
	if (f & SPP_PMTUD)
		o->flags = (o->flags & ~SPP_PMTUD) | (f & SPP_PMTUD);
	if (v->spp_pathmaxrxt)
		o->max_retrans = v->spp_pathmaxrxt;
	if (f & SPP_DSCP) {
		o->dscp = v->spp_dscp & ~3;	/* the ECN bits are not ours */
		o->flags |= SPP_DSCP;
	}
	if (f & SPP_IPV6_FLOWLABEL) {
		o->flowlabel = v->spp_ipv6_flowlabel & IPV6_FLOWLABEL_MASK_HOST;
		o->flags |= SPP_IPV6_FLOWLABEL;
	}
}

/* The settings of one live path; a fixed MTU, or the route's again. */
static void asctp_spp_path(struct sock *sk, struct asctp_assoc *a,
			   struct asctp_path *p,
			   const struct sctp_paddrparams *v)
{
	asctp_spp_apply(&p->o, v);
	if ((p->o.flags & SPP_PMTUD_DISABLE) && p->o.pathmtu)
		p->pmtu = p->o.pathmtu;
	else if (v->spp_flags & SPP_PMTUD_ENABLE)
		asctp_path_route(sk, a, p);
	if (v->spp_flags & SPP_HB_DEMAND)
		asctp_sm_hb_demand(a, p);
}

static void asctp_spp_sack(bool *off, u16 *delay_ms,
			   const struct sctp_paddrparams *v)
{
	if ((v->spp_flags & SPP_SACKDELAY_ENABLE) && v->spp_sackdelay)
		*delay_ms = v->spp_sackdelay;
	if (v->spp_flags & SPP_SACKDELAY)
		*off = v->spp_flags & SPP_SACKDELAY_DISABLE;
}

static void asctp_spp_assoc(struct sock *sk, struct asctp_assoc *a,
			    struct asctp_path *only,
			    const struct sctp_paddrparams *v)
{
	struct asctp_path *p;

	if (only) {
		asctp_spp_path(sk, a, only, v);
	} else {
		asctp_spp_apply(&a->popts, v);
		list_for_each_entry(p, &a->paths, node)
			asctp_spp_path(sk, a, p, v);
	}
	asctp_path_sync_pmtu(a);
	asctp_spp_sack(&a->sack_off, &a->sack_delay_ms, v);
	if (a->state >= ASCTP_S_ESTABLISHED)
		asctp_sm_hb_start(a);
}

static int asctp_spp_check(const struct sctp_paddrparams *v,
			   unsigned int optlen)
{
	u32 f = v->spp_flags;

	if (optlen == ASCTP_SPP_OLD_LEN && (f & (SPP_DSCP | SPP_IPV6_FLOWLABEL)))
		return -EINVAL;
	if ((f & SPP_HB) == SPP_HB || (f & SPP_PMTUD) == SPP_PMTUD ||
	    (f & SPP_SACKDELAY) == SPP_SACKDELAY ||
	    v->spp_sackdelay > ASCTP_SACK_DELAY_MAX_MS ||
	    (v->spp_pathmtu && v->spp_pathmtu < ASCTP_PMTU_MIN))
		return -EINVAL;
	return 0;
}

/* What SCTP_PEER_ADDR_PARAMS names: a path (*@pp) and its association,
 * an association, or (NULL) the socket's defaults.
 */
static struct asctp_assoc *asctp_spp_target(struct sock *sk,
					    struct sctp_paddrparams *v,
					    struct asctp_path **pp, int *err)
{
	struct asctp_assoc *a, *pa = NULL;

	*pp = NULL;
	if (asctp_opt_addr_set(&v->spp_address)) {
		*pp = asctp_opt_path(sk, &v->spp_address, v->spp_assoc_id,
				     &pa);
		if (!*pp) {
			*err = -EINVAL;
			return NULL;
		}
	}
	a = asctp_opt_assoc(sk, v->spp_assoc_id, err);
	return pa ?: a;
}

/* RFC 6458 8.1.12: SCTP_PEER_ADDR_PARAMS, for one path, one
 * association and its paths, or the socket's defaults.
 */
static int asctp_set_paddr_params(struct sock *sk, sockptr_t optval,
				  unsigned int optlen)
{
	struct asctp_sock *as = asctp_sk(sk);
	struct sctp_paddrparams v = { 0 };
	struct asctp_path *p;
	struct asctp_assoc *a;
	int err;

	if (optlen != ASCTP_SPP_OLD_LEN && optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, optlen))
		return -EFAULT;
	err = asctp_spp_check(&v, optlen);
	if (err)
		return err;
	a = asctp_spp_target(sk, &v, &p, &err);
	if (err)
		return err;
	if ((v.spp_flags & SPP_HB_DEMAND) && !a)
		return -EINVAL;
	if (a) {
		asctp_spp_assoc(sk, a, p, &v);
		return 0;
	}
	asctp_spp_apply(&as->popts, &v);
	asctp_spp_sack(&as->sack_off, &as->sack_delay_ms, &v);
	return 0;
}

static int asctp_get_paddr_params(struct sock *sk, char __user *optval,
				  int __user *optlen, int len)
{
	struct asctp_sock *as = asctp_sk(sk);
	const struct asctp_path_opts *o;
	struct asctp_path *p;
	struct sctp_paddrparams v;
	struct asctp_assoc *a;
	bool off;
	int err;

	if (len >= (int)sizeof(v))
		len = sizeof(v);
	else if (len >= (int)ASCTP_SPP_OLD_LEN)
		len = ASCTP_SPP_OLD_LEN;
	else
		return -EINVAL;
	if (copy_from_user(&v, optval, len))
		return -EFAULT;
	a = asctp_spp_target(sk, &v, &p, &err);
	if (err)
		return err;
	o = p ? &p->o : a ? &a->popts : &as->popts;
	off = a ? a->sack_off : as->sack_off;
	v.spp_hbinterval = o->hb_interval_ms;
	v.spp_pathmaxrxt = o->max_retrans;
	v.spp_pathmtu = p ? p->pmtu : a ? a->pmtu : o->pathmtu;
	v.spp_sackdelay = a ? a->sack_delay_ms : as->sack_delay_ms;
	v.spp_flags = o->flags | (off ? SPP_SACKDELAY_DISABLE :
				  SPP_SACKDELAY_ENABLE);
	v.spp_ipv6_flowlabel = o->flowlabel;
	v.spp_dscp = o->dscp;
	return asctp_opt_put(optval, optlen, len, &v, len);
}

/* RFC 7829 7.3: SCTP_PEER_ADDR_THLDS (_V2 adds Linux's primary
 * switchover): for one path, an association and its paths, or the
 * socket's defaults.  An unknown address is -ENOENT, as in Linux.
 */
static void asctp_thlds_apply(struct asctp_path_opts *o,
			      const struct sctp_paddrthlds_v2 *v, bool v2)
{
	if (v->spt_pathmaxrxt)
		o->max_retrans = v->spt_pathmaxrxt;
	o->pf_retrans = v->spt_pathpfthld;
	if (v2)
		o->ps_retrans = v->spt_pathcpthld;
}

static int asctp_set_thlds(struct sock *sk, sockptr_t optval,
			   unsigned int optlen, bool v2)
{
	struct sctp_paddrthlds_v2 v = { 0 };
	struct asctp_path_opts *o;
	struct asctp_assoc *a;
	struct asctp_path *p;
	unsigned int len;

	len = v2 ? sizeof(v) : sizeof(struct sctp_paddrthlds);
	if (optlen < len)
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, len))
		return -EFAULT;
	if (v2 && v.spt_pathpfthld > v.spt_pathcpthld)
		return -EINVAL;
	o = asctp_opt_popts(sk, &v.spt_address, v.spt_assoc_id, -ENOENT, &a);
	if (IS_ERR(o))
		return PTR_ERR(o);
	asctp_thlds_apply(o, &v, v2);
	if (a && o == &a->popts)
		list_for_each_entry(p, &a->paths, node)
			asctp_thlds_apply(&p->o, &v, v2);
	return 0;
}

static int asctp_get_thlds(struct sock *sk, char __user *optval,
			   int __user *optlen, int len, bool v2)
{
	struct sctp_paddrthlds_v2 v;
	struct asctp_path_opts *o;
	struct asctp_assoc *a;

	if (len < (int)(v2 ? sizeof(v) : sizeof(struct sctp_paddrthlds)))
		return -EINVAL;
	len = v2 ? sizeof(v) : sizeof(struct sctp_paddrthlds);
	if (copy_from_user(&v, optval, len))
		return -EFAULT;
	o = asctp_opt_popts(sk, &v.spt_address, v.spt_assoc_id, -ENOENT, &a);
	if (IS_ERR(o))
		return PTR_ERR(o);
	v.spt_pathmaxrxt = o->max_retrans;
	v.spt_pathpfthld = o->pf_retrans;
	v.spt_pathcpthld = o->ps_retrans;
	return asctp_opt_put(optval, optlen, len, &v, len);
}

/* RFC 6951 6.1: SCTP_REMOTE_UDP_ENCAPS_PORT, the peer's UDP port for
 * one path, an association's paths, or the socket's associations to
 * come (0: not in UDP).  An unknown address is -EINVAL, as in Linux.
 */
static int asctp_set_encap(struct sock *sk, sockptr_t optval,
			   unsigned int optlen)
{
	struct sctp_udpencaps v;
	struct asctp_path_opts *o;
	struct asctp_assoc *a;
	struct asctp_path *p;

	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	o = asctp_opt_popts(sk, &v.sue_address, v.sue_assoc_id, -EINVAL, &a);
	if (IS_ERR(o))
		return PTR_ERR(o);
	o->encap_port = (__force __be16)v.sue_port;
	if (!a)
		return 0;
	if (o == &a->popts)
		list_for_each_entry(p, &a->paths, node)
			p->o.encap_port = o->encap_port;
	asctp_path_sync_pmtu(a);
	return 0;
}

static int asctp_get_encap(struct sock *sk, char __user *optval,
			   int __user *optlen, int len)
{
	struct sctp_udpencaps v;
	struct asctp_path_opts *o;
	struct asctp_assoc *a;

	if (len < (int)sizeof(v))
		return -EINVAL;
	if (copy_from_user(&v, optval, sizeof(v)))
		return -EFAULT;
	o = asctp_opt_popts(sk, &v.sue_address, v.sue_assoc_id, -EINVAL, &a);
	if (IS_ERR(o))
		return PTR_ERR(o);
	v.sue_port = (__force u16)o->encap_port;
	return asctp_opt_put(optval, optlen, len, &v, sizeof(v));
}

/* SCTP_EXPOSE_POTENTIALLY_FAILED_STATE (Linux): enum asctp_pf_expose,
 * per association or the socket's default.
 */
static int asctp_set_pf_expose(struct sock *sk, sockptr_t optval,
			       unsigned int optlen)
{
	struct sctp_assoc_value v;
	struct asctp_assoc *a;
	struct asctp_path *p;
	int err;

	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	if (v.assoc_value > ASCTP_PF_EXPOSE_ENABLE)
		return -EINVAL;
	a = asctp_opt_assoc(sk, v.assoc_id, &err);
	if (err)
		return err;
	if (!a) {
		asctp_sk(sk)->popts.pf_expose = v.assoc_value;
		return 0;
	}
	a->popts.pf_expose = v.assoc_value;
	list_for_each_entry(p, &a->paths, node)
		p->o.pf_expose = v.assoc_value;
	return 0;
}

static int asctp_get_pf_expose(struct sock *sk, char __user *optval,
			       int __user *optlen, int len)
{
	struct sctp_assoc_value v;
	struct asctp_assoc *a;
	int err;

	if (len < (int)sizeof(v))
		return -EINVAL;
	if (copy_from_user(&v, optval, sizeof(v)))
		return -EFAULT;
	a = asctp_opt_assoc(sk, v.assoc_id, &err);
	if (err)
		return err;
	v.assoc_value = a ? a->popts.pf_expose : asctp_sk(sk)->popts.pf_expose;
	return asctp_opt_put(optval, optlen, len, &v, sizeof(v));
}

int asctp_sockopt_path_set(struct sock *sk, int optname, sockptr_t optval,
			   unsigned int optlen)
{
	switch (optname) {
	case SCTP_PEER_ADDR_THLDS:
	case SCTP_PEER_ADDR_THLDS_V2:
		return asctp_set_thlds(sk, optval, optlen,
				       optname == SCTP_PEER_ADDR_THLDS_V2);
	case SCTP_EXPOSE_POTENTIALLY_FAILED_STATE:
		return asctp_set_pf_expose(sk, optval, optlen);
	case SCTP_PRIMARY_ADDR:
		return asctp_set_primary(sk, optval, optlen);
	case SCTP_PEER_ADDR_PARAMS:
		return asctp_set_paddr_params(sk, optval, optlen);
	case SCTP_REMOTE_UDP_ENCAPS_PORT:
		return asctp_set_encap(sk, optval, optlen);
	default:
		return -ENOPROTOOPT;
	}
}

int asctp_sockopt_path_get(struct sock *sk, int optname, char __user *optval,
			   int __user *optlen, int len)
{
	switch (optname) {
	case SCTP_GET_PEER_ADDR_INFO:
		return asctp_get_paddr_info(sk, optval, optlen, len);
	case SCTP_PRIMARY_ADDR:
		return asctp_get_primary(sk, optval, optlen, len);
	case SCTP_PEER_ADDR_PARAMS:
		return asctp_get_paddr_params(sk, optval, optlen, len);
	case SCTP_PEER_ADDR_THLDS:
	case SCTP_PEER_ADDR_THLDS_V2:
		return asctp_get_thlds(sk, optval, optlen, len,
				       optname == SCTP_PEER_ADDR_THLDS_V2);
	case SCTP_EXPOSE_POTENTIALLY_FAILED_STATE:
		return asctp_get_pf_expose(sk, optval, optlen, len);
	case SCTP_REMOTE_UDP_ENCAPS_PORT:
		return asctp_get_encap(sk, optval, optlen, len);
	default:
		return -ENOPROTOOPT;
	}
}
