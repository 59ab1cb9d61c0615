// SPDX-License-Identifier: GPL-2.0
/*
 * Per-association options (RFC 6458 8.1, 8.2): each sets one
 * association, or the socket's defaults for new ones, or with
 * SCTP_CURRENT_ASSOC / SCTP_ALL_ASSOC the live ones too, as the
 * kernel's SCTP does (asctp_opt_apply).
 */

#include <linux/uaccess.h>
#include <net/ip.h>

#include "assoc.h"
#include "msg.h"
#include "sm.h"
#include "sock.h"
#include "sockopt.h"

enum {
	/* SCTP_MAXSEG: the kernel's SCTP bounds, 512-byte path to 64 KiB */
	ASCTP_MAXSEG_MIN	= 512 - 20 - ASCTP_HDR_LEN - ASCTP_DATA_MIN_LEN,
	ASCTP_MAXSEG_MAX	= 65535 - ASCTP_DATA_MIN_LEN,
};

/* The settings behind an option: an association's or the defaults. */
static struct asctp_assoc_opts *asctp_opts(struct sock *sk,
					   struct asctp_assoc *a)
{
	return a ? &a->opts : &asctp_sk(sk)->aopts;
}

/* RFC 6458 8.1.1: SCTP_RTOINFO; zero fields keep their value. */
static int asctp_set_rtoinfo(struct sock *sk, sockptr_t optval,
			     unsigned int optlen)
{
	struct asctp_sock *as = asctp_sk(sk);
	const struct asctp_rto *r;
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
	r = a ? &a->primary->rto : NULL;
	init = v.srto_initial ?: (r ? r->initial_ms : as->rto_initial_ms);
	min = v.srto_min ?: (r ? r->min_ms : as->rto_min_ms);
	max = v.srto_max ?: (r ? r->max_ms : as->rto_max_ms);
	if (min > max || max > ASCTP_RTO_LIMIT_MS)
		return -EINVAL;
	if (!a) {
		as->rto_initial_ms = init;
		as->rto_min_ms = min;
		as->rto_max_ms = max;
		return 0;
	}
	asctp_path_set_rto(a, init, min, max);
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

static void asctp_sack_fn(struct sock *sk, struct asctp_assoc *a,
			  const void *arg)
{
	struct asctp_sock *as = asctp_sk(sk);

	if (a)
		asctp_sack_apply(arg, &a->sack_delay_ms, &a->sack_freq,
				 &a->sack_off);
	else
		asctp_sack_apply(arg, &as->sack_delay_ms, &as->sack_freq,
				 &as->sack_off);
}

/* RFC 6458 8.1.19: SCTP_DELAYED_SACK, struct sctp_sack_info or the
 * older struct sctp_assoc_value (a delay, 0 for off).
 */
static int asctp_set_delayed_sack(struct sock *sk, sockptr_t optval,
				  unsigned int optlen)
{
	struct sctp_assoc_value av;
	struct sctp_sack_info v;

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
	return asctp_opt_apply(sk, v.sack_assoc_id, asctp_sack_fn, &v);
}

/* An int (deprecated) or a struct sctp_assoc_value, as MAXSEG and
 * MAX_BURST take it; the int names the socket's defaults.
 */
static int asctp_get_av_arg(sockptr_t optval, unsigned int optlen,
			    struct sctp_assoc_value *av)
{
	int v;

	if (optlen == sizeof(int)) {
		if (copy_from_sockptr(&v, optval, sizeof(v)))
			return -EFAULT;
		av->assoc_id = SCTP_FUTURE_ASSOC;
		av->assoc_value = v;
		return 0;
	}
	if (optlen != sizeof(*av))
		return -EINVAL;
	return copy_from_sockptr(av, optval, sizeof(*av)) ? -EFAULT : 0;
}

/* RFC 6458 8.1.16: SCTP_MAXSEG, the user's fragmentation point. */
static int asctp_set_maxseg(struct sock *sk, sockptr_t optval,
			    unsigned int optlen)
{
	struct sctp_assoc_value av;
	struct asctp_assoc *a;
	int err;

	err = asctp_get_av_arg(optval, optlen, &av);
	if (err)
		return err;
	a = asctp_opt_assoc(sk, av.assoc_id, &err);
	if (err)
		return err;
	if (av.assoc_value && (av.assoc_value < ASCTP_MAXSEG_MIN ||
			       av.assoc_value > ASCTP_MAXSEG_MAX))
		return -EINVAL;
	asctp_opts(sk, a)->user_frag = av.assoc_value;
	return 0;
}

static void asctp_max_burst_fn(struct sock *sk, struct asctp_assoc *a,
			       const void *arg)
{
	asctp_opts(sk, a)->max_burst = *(const u32 *)arg;
}

/* RFC 6458 8.1.24: SCTP_MAX_BURST; 0 turns the limit off. */
static int asctp_set_max_burst(struct sock *sk, sockptr_t optval,
			       unsigned int optlen)
{
	struct sctp_assoc_value av;
	int err;

	err = asctp_get_av_arg(optval, optlen, &av);
	if (err)
		return err;
	return asctp_opt_apply(sk, av.assoc_id, asctp_max_burst_fn,
			       &av.assoc_value);
}

static void asctp_context_fn(struct sock *sk, struct asctp_assoc *a,
			     const void *arg)
{
	asctp_opts(sk, a)->rcv_context = *(const u32 *)arg;
}

/* RFC 6458 8.1.25: SCTP_CONTEXT, reported with received messages. */
static int asctp_set_context(struct sock *sk, sockptr_t optval,
			     unsigned int optlen)
{
	struct sctp_assoc_value av;

	if (optlen != sizeof(av))
		return -EINVAL;
	if (copy_from_sockptr(&av, optval, sizeof(av)))
		return -EFAULT;
	return asctp_opt_apply(sk, av.assoc_id, asctp_context_fn,
			       &av.assoc_value);
}

/* SCTP_DEFAULT_SEND_PARAM sets the time to live, SNDINFO keeps it. */
struct asctp_snd_arg {
	struct sctp_sndrcvinfo si;
	bool ttl;
};

static void asctp_sndinfo_fn(struct sock *sk, struct asctp_assoc *a,
			     const void *arg)
{
	const struct asctp_snd_arg *s = arg;
	struct asctp_assoc_opts *o = asctp_opts(sk, a);

	o->snd_sid = s->si.sinfo_stream;
	o->snd_flags = s->si.sinfo_flags;
	o->snd_ppid = s->si.sinfo_ppid;
	o->snd_context = s->si.sinfo_context;
	if (s->ttl)
		o->snd_ttl = s->si.sinfo_timetolive;
}

enum {
	ASCTP_SND_DEFAULT_FLAGS = SCTP_UNORDERED | SCTP_ADDR_OVER |
				  SCTP_ABORT | SCTP_EOF,
};

/* RFC 6458 8.1.10 (deprecated) and 8.1.31: SCTP_DEFAULT_SEND_PARAM
 * and SCTP_DEFAULT_SNDINFO, used when sendmsg has no SNDRCV/SNDINFO.
 */
static int asctp_set_default_send(struct sock *sk, int optname,
				  sockptr_t optval, unsigned int optlen)
{
	struct asctp_snd_arg s = { .ttl = optname == SCTP_DEFAULT_SEND_PARAM };
	struct sctp_sndinfo sn;

	if (s.ttl) {
		if (optlen != sizeof(s.si))
			return -EINVAL;
		if (copy_from_sockptr(&s.si, optval, sizeof(s.si)))
			return -EFAULT;
	} else {
		if (optlen != sizeof(sn))
			return -EINVAL;
		if (copy_from_sockptr(&sn, optval, sizeof(sn)))
			return -EFAULT;
		s.si.sinfo_stream = sn.snd_sid;
		s.si.sinfo_flags = sn.snd_flags;
		s.si.sinfo_ppid = sn.snd_ppid;
		s.si.sinfo_context = sn.snd_context;
		s.si.sinfo_assoc_id = sn.snd_assoc_id;
	}
	if (s.si.sinfo_flags & ~ASCTP_SND_DEFAULT_FLAGS)
		return -EINVAL;
	return asctp_opt_apply(sk, s.si.sinfo_assoc_id, asctp_sndinfo_fn, &s);
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
	if (asctp_sock_single(sk))
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
	st.sstat_fragmentation_point = asctp_msg_frag_point(a);
	asctp_opt_fill_paddr(a, a->primary, &st.sstat_primary);
	return asctp_opt_put(optval, optlen, len, &st, sizeof(st));
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
	v.srto_initial = a ? a->primary->rto.initial_ms : as->rto_initial_ms;
	v.srto_min = a ? a->primary->rto.min_ms : as->rto_min_ms;
	v.srto_max = a ? a->primary->rto.max_ms : as->rto_max_ms;
	return asctp_opt_put(optval, optlen, len, &v, sizeof(v));
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
	v.sasoc_local_rwnd = a ? asctp_sm_rwnd_assoc(a) : 0;
	v.sasoc_cookie_life = as->cookie_life_ms;
	return asctp_opt_put(optval, optlen, len, &v, sizeof(v));
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
	return asctp_opt_put(optval, optlen, len, &v, len);
}

/* An int for the deprecated form, else struct sctp_assoc_value. */
static int asctp_get_av(struct sock *sk, char __user *optval,
			int __user *optlen, int len,
			struct sctp_assoc_value *av, struct asctp_assoc **a)
{
	int err;

	av->assoc_id = SCTP_FUTURE_ASSOC;
	if (len != sizeof(int)) {
		if (len < (int)sizeof(*av))
			return -EINVAL;
		if (copy_from_user(av, optval, sizeof(*av)))
			return -EFAULT;
	}
	*a = asctp_opt_assoc(sk, av->assoc_id, &err);
	return err;
}

static int asctp_put_av(char __user *optval, int __user *optlen, int len,
			const struct sctp_assoc_value *av)
{
	if (len == sizeof(int))
		return asctp_opt_put(optval, optlen, len, &av->assoc_value,
				     sizeof(int));
	return asctp_opt_put(optval, optlen, len, av, sizeof(*av));
}

/* SCTP_MAXSEG reads an association's fragmentation point, or the
 * user's setting for new ones.
 */
static int asctp_get_maxseg(struct sock *sk, char __user *optval,
			    int __user *optlen, int len)
{
	struct sctp_assoc_value av;
	struct asctp_assoc *a;
	int err;

	err = asctp_get_av(sk, optval, optlen, len, &av, &a);
	if (err)
		return err;
	av.assoc_value = a ? asctp_msg_frag_point(a) :
			     asctp_sk(sk)->aopts.user_frag;
	return asctp_put_av(optval, optlen, len, &av);
}

static int asctp_get_max_burst(struct sock *sk, char __user *optval,
			       int __user *optlen, int len)
{
	struct sctp_assoc_value av;
	struct asctp_assoc *a;
	int err;

	err = asctp_get_av(sk, optval, optlen, len, &av, &a);
	if (err)
		return err;
	av.assoc_value = asctp_opts(sk, a)->max_burst;
	return asctp_put_av(optval, optlen, len, &av);
}

static int asctp_get_context(struct sock *sk, char __user *optval,
			     int __user *optlen, int len)
{
	struct sctp_assoc_value av;
	struct asctp_assoc *a;
	int err;

	if (len < (int)sizeof(av))
		return -EINVAL;
	err = asctp_get_av(sk, optval, optlen, sizeof(av), &av, &a);
	if (err)
		return err;
	av.assoc_value = asctp_opts(sk, a)->rcv_context;
	return asctp_opt_put(optval, optlen, sizeof(av), &av, sizeof(av));
}

static int asctp_get_default_send(struct sock *sk, int optname,
				  char __user *optval, int __user *optlen,
				  int len)
{
	const struct asctp_assoc_opts *o;
	struct sctp_sndrcvinfo si;
	struct sctp_sndinfo sn;
	struct asctp_assoc *a;
	int err;

	if (optname == SCTP_DEFAULT_SNDINFO) {
		if (len < (int)sizeof(sn))
			return -EINVAL;
		if (copy_from_user(&sn, optval, sizeof(sn)))
			return -EFAULT;
		a = asctp_opt_assoc(sk, sn.snd_assoc_id, &err);
		if (err)
			return err;
		o = asctp_opts(sk, a);
		sn.snd_sid = o->snd_sid;
		sn.snd_flags = o->snd_flags;
		sn.snd_ppid = o->snd_ppid;
		sn.snd_context = o->snd_context;
		return asctp_opt_put(optval, optlen, len, &sn, sizeof(sn));
	}
	if (len < (int)sizeof(si))
		return -EINVAL;
	if (copy_from_user(&si, optval, sizeof(si)))
		return -EFAULT;
	a = asctp_opt_assoc(sk, si.sinfo_assoc_id, &err);
	if (err)
		return err;
	o = asctp_opts(sk, a);
	si.sinfo_stream = o->snd_sid;
	si.sinfo_flags = o->snd_flags;
	si.sinfo_ppid = o->snd_ppid;
	si.sinfo_context = o->snd_context;
	si.sinfo_timetolive = o->snd_ttl;
	return asctp_opt_put(optval, optlen, len, &si, sizeof(si));
}

/* SCTP_GET_ASSOC_STATS (Linux): the association's counters.  Reading
 * starts a new RTO observation period, as with the kernel's SCTP.
 */
static int asctp_get_assoc_stats(struct sock *sk, char __user *optval,
				 int __user *optlen, int len)
{
	struct sctp_assoc_stats v = {};
	const struct asctp_assoc_stats *s;
	struct asctp_assoc *a;
	int err;

	if (len < (int)sizeof(sctp_assoc_t))
		return -EINVAL;
	len = min_t(int, len, sizeof(v));
	if (copy_from_user(&v, optval, len))
		return -EFAULT;
	a = asctp_opt_assoc(sk, v.sas_assoc_id, &err);
	if (!a)
		return -EINVAL;
	s = &a->stats;
	v.sas_rtxchunks = s->rtxchunks;
	v.sas_gapcnt = s->gapcnt;
	v.sas_outofseqtsns = s->outofseqtsns;
	v.sas_osacks = s->osacks;
	v.sas_isacks = s->isacks;
	v.sas_octrlchunks = s->octrlchunks;
	v.sas_ictrlchunks = s->ictrlchunks;
	v.sas_oodchunks = s->oodchunks;
	v.sas_iodchunks = s->iodchunks;
	v.sas_ouodchunks = s->ouodchunks;
	v.sas_iuodchunks = s->iuodchunks;
	v.sas_idupchunks = s->idupchunks;
	v.sas_opackets = s->opackets;
	v.sas_ipackets = s->ipackets;
	v.sas_maxrto = s->max_obs_rto;
	memset(&v.sas_obs_rto_ipaddr, 0, sizeof(v.sas_obs_rto_ipaddr));
	asctp_addr_to_user(sk, asctp_addr_any(&s->max_obs_path) ?
			   &a->primary->addr : &s->max_obs_path, a->pport,
			   &v.sas_obs_rto_ipaddr);
	a->stats.max_obs_rto = a->primary->rto.min_ms;
	return asctp_opt_put(optval, optlen, len, &v, len);
}

int asctp_sockopt_assoc_set(struct sock *sk, int optname, sockptr_t optval,
			    unsigned int optlen)
{
	switch (optname) {
	case SCTP_RTOINFO:
		return asctp_set_rtoinfo(sk, optval, optlen);
	case SCTP_ASSOCINFO:
		return asctp_set_associnfo(sk, optval, optlen);
	case SCTP_DELAYED_SACK:
		return asctp_set_delayed_sack(sk, optval, optlen);
	case SCTP_MAXSEG:
		return asctp_set_maxseg(sk, optval, optlen);
	case SCTP_MAX_BURST:
		return asctp_set_max_burst(sk, optval, optlen);
	case SCTP_CONTEXT:
		return asctp_set_context(sk, optval, optlen);
	case SCTP_DEFAULT_SEND_PARAM:
	case SCTP_DEFAULT_SNDINFO:
		return asctp_set_default_send(sk, optname, optval, optlen);
	default:
		return asctp_sockopt_path_set(sk, optname, optval, optlen);
	}
}

int asctp_sockopt_assoc_get(struct sock *sk, int optname,
			    char __user *optval, int __user *optlen, int len)
{
	switch (optname) {
	case SCTP_STATUS:
		return asctp_get_status(sk, optval, optlen, len);
	case SCTP_GET_ASSOC_STATS:
		return asctp_get_assoc_stats(sk, optval, optlen, len);
	case SCTP_RTOINFO:
		return asctp_get_rtoinfo(sk, optval, optlen, len);
	case SCTP_ASSOCINFO:
		return asctp_get_associnfo(sk, optval, optlen, len);
	case SCTP_DELAYED_SACK:
		return asctp_get_delayed_sack(sk, optval, optlen, len);
	case SCTP_MAXSEG:
		return asctp_get_maxseg(sk, optval, optlen, len);
	case SCTP_MAX_BURST:
		return asctp_get_max_burst(sk, optval, optlen, len);
	case SCTP_CONTEXT:
		return asctp_get_context(sk, optval, optlen, len);
	case SCTP_DEFAULT_SEND_PARAM:
	case SCTP_DEFAULT_SNDINFO:
		return asctp_get_default_send(sk, optname, optval, optlen,
					      len);
	default:
		return asctp_sockopt_path_get(sk, optname, optval, optlen, len);
	}
}
