// SPDX-License-Identifier: GPL-2.0
/*
 * sockabuse [-p PROTO]: bad input for every SOL_SCTP option and for
 * sendmsg and recvmsg, one line per probe:
 *
 *   <socktype> <state> <get|set|send|recv> <option/case> <variant> -> <result>
 *
 * the result being the return value (with the optlen or flags that
 * came back) or the errno's name.  Nothing in it depends on addresses,
 * ports, association ids or timing, so the output of one stack can be
 * compared line by line with another's: sockabuse.sh compares asctp's
 * with the kernel's sctp.ko's (sockabuse.golden).
 *
 * Each option and each send or receive case gets sockets of its own
 * on 127.0.0.1, in one of three states: fresh (just created), listen
 * (bound and listening) or estab (a client with an association to a
 * server of the same protocol in this program), closed with an ABORT
 * (SO_LINGER 0) afterwards, so one probe cannot change what the next
 * sees.  The caller gives it a fresh network namespace.
 */
#include "sctp_tool.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/mman.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif
#ifndef __maybe_unused
#define __maybe_unused	__attribute__((unused))
#endif

#define BIG_SIZE	(256 << 10)	/* more than sctp.ko copies (132 KiB) */
#define CLEAR_SIZE	(140 << 10)
#define MSG_LEN		100

static int proto = IPPROTO_SCTP;
static unsigned char *big;	/* the buffer of every probe */
static unsigned char *guard;	/* a PROT_NONE page after a readable one */
static const char *stype, *sstate;
static int probes;

struct opt {
	int num;
	const char *name;
	int size;	/* what the option takes, or its smallest form */
	int idoff;	/* offset of its association id, or -1 */
};

#define OPT(n, s, id)	{ n, #n, s, id }
#define NOID		(-1)

static const struct opt opts[] = {
	OPT(SCTP_RTOINFO, sizeof(struct sctp_rtoinfo), 0),
	OPT(SCTP_ASSOCINFO, sizeof(struct sctp_assocparams), 0),
	OPT(SCTP_INITMSG, sizeof(struct sctp_initmsg), NOID),
	OPT(SCTP_NODELAY, sizeof(int), NOID),
	OPT(SCTP_AUTOCLOSE, sizeof(int), NOID),
	OPT(SCTP_SET_PEER_PRIMARY_ADDR, sizeof(struct sctp_setpeerprim), 0),
	OPT(SCTP_PRIMARY_ADDR, sizeof(struct sctp_prim), 0),
	OPT(SCTP_ADAPTATION_LAYER, sizeof(struct sctp_setadaptation), NOID),
	OPT(SCTP_DISABLE_FRAGMENTS, sizeof(int), NOID),
	OPT(SCTP_PEER_ADDR_PARAMS, sizeof(struct sctp_paddrparams), 0),
	OPT(SCTP_DEFAULT_SEND_PARAM, sizeof(struct sctp_sndrcvinfo),
	    offsetof(struct sctp_sndrcvinfo, sinfo_assoc_id)),
	OPT(SCTP_EVENTS, sizeof(struct sctp_event_subscribe), NOID),
	OPT(SCTP_I_WANT_MAPPED_V4_ADDR, sizeof(int), NOID),
	OPT(SCTP_MAXSEG, sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_STATUS, sizeof(struct sctp_status), 0),
	OPT(SCTP_GET_PEER_ADDR_INFO, sizeof(struct sctp_paddrinfo), 0),
	OPT(SCTP_DELAYED_ACK_TIME, sizeof(struct sctp_sack_info), 0),
	OPT(SCTP_CONTEXT, sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_FRAGMENT_INTERLEAVE, sizeof(int), NOID),
	OPT(SCTP_PARTIAL_DELIVERY_POINT, sizeof(int), NOID),
	OPT(SCTP_MAX_BURST, sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_AUTH_CHUNK, sizeof(struct sctp_authchunk), NOID),
	OPT(SCTP_HMAC_IDENT, sizeof(struct sctp_hmacalgo), NOID),
	OPT(SCTP_AUTH_KEY, sizeof(struct sctp_authkey), 0),
	OPT(SCTP_AUTH_ACTIVE_KEY, sizeof(struct sctp_authkeyid), 0),
	OPT(SCTP_AUTH_DELETE_KEY, sizeof(struct sctp_authkeyid), 0),
	OPT(SCTP_PEER_AUTH_CHUNKS, sizeof(struct sctp_authchunks), 0),
	OPT(SCTP_LOCAL_AUTH_CHUNKS, sizeof(struct sctp_authchunks), 0),
	OPT(SCTP_GET_ASSOC_NUMBER, sizeof(int), NOID),
	OPT(SCTP_GET_ASSOC_ID_LIST, sizeof(struct sctp_assoc_ids), NOID),
	OPT(SCTP_AUTO_ASCONF, sizeof(int), NOID),
	OPT(SCTP_PEER_ADDR_THLDS, sizeof(struct sctp_paddrthlds), 0),
	OPT(SCTP_RECVRCVINFO, sizeof(int), NOID),
	OPT(SCTP_RECVNXTINFO, sizeof(int), NOID),
	OPT(SCTP_DEFAULT_SNDINFO, sizeof(struct sctp_sndinfo),
	    offsetof(struct sctp_sndinfo, snd_assoc_id)),
	OPT(SCTP_AUTH_DEACTIVATE_KEY, sizeof(struct sctp_authkeyid), 0),
	OPT(SCTP_REUSE_PORT, sizeof(int), NOID),
	OPT(SCTP_PEER_ADDR_THLDS_V2, sizeof(struct sctp_paddrthlds_v2), 0),
	{ 38, "unknown-38", sizeof(int), NOID },
	{ 99, "unknown-99", sizeof(int), NOID },
	OPT(SCTP_SOCKOPT_BINDX_ADD, sizeof(struct sockaddr_in), NOID),
	OPT(SCTP_SOCKOPT_BINDX_REM, sizeof(struct sockaddr_in), NOID),
	OPT(SCTP_SOCKOPT_PEELOFF, sizeof(sctp_peeloff_arg_t), 0),
	{ 103, "unknown-103", sizeof(int), NOID },
	{ 106, "unknown-106", sizeof(int), NOID },
	OPT(SCTP_SOCKOPT_CONNECTX_OLD, sizeof(struct sockaddr_in), NOID),
	OPT(SCTP_GET_PEER_ADDRS, sizeof(struct sctp_getaddrs), 0),
	OPT(SCTP_GET_LOCAL_ADDRS, sizeof(struct sctp_getaddrs), 0),
	OPT(SCTP_SOCKOPT_CONNECTX, sizeof(struct sockaddr_in), NOID),
	OPT(SCTP_SOCKOPT_CONNECTX3, sizeof(struct sctp_getaddrs_old), 0),
	OPT(SCTP_GET_ASSOC_STATS, sizeof(struct sctp_assoc_stats), 0),
	OPT(SCTP_PR_SUPPORTED, sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_DEFAULT_PRINFO, sizeof(struct sctp_default_prinfo), 0),
	OPT(SCTP_PR_ASSOC_STATUS, sizeof(struct sctp_prstatus), 0),
	OPT(SCTP_PR_STREAM_STATUS, sizeof(struct sctp_prstatus), 0),
	OPT(SCTP_RECONFIG_SUPPORTED, sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_ENABLE_STREAM_RESET, sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_RESET_STREAMS, sizeof(struct sctp_reset_streams), 0),
	OPT(SCTP_RESET_ASSOC, sizeof(sctp_assoc_t), 0),
	OPT(SCTP_ADD_STREAMS, sizeof(struct sctp_add_streams), 0),
	OPT(SCTP_SOCKOPT_PEELOFF_FLAGS, sizeof(sctp_peeloff_flags_arg_t), 0),
	OPT(SCTP_STREAM_SCHEDULER, sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_STREAM_SCHEDULER_VALUE, sizeof(struct sctp_stream_value), 0),
	OPT(SCTP_INTERLEAVING_SUPPORTED, sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_SENDMSG_CONNECT, sizeof(int), NOID),
	OPT(SCTP_EVENT, sizeof(struct sctp_event), 0),
	OPT(SCTP_ASCONF_SUPPORTED, sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_AUTH_SUPPORTED, sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_ECN_SUPPORTED, sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_EXPOSE_POTENTIALLY_FAILED_STATE,
	    sizeof(struct sctp_assoc_value), 0),
	OPT(SCTP_REMOTE_UDP_ENCAPS_PORT, sizeof(struct sctp_udpencaps), 0),
	OPT(SCTP_PLPMTUD_PROBE_INTERVAL, sizeof(struct sctp_probeinterval), 0),
	{ 134, "unknown-134", sizeof(int), NOID },
	{ 135, "unknown-135", sizeof(int), NOID },
	{ 1000, "unknown-1000", sizeof(int), NOID },
};

/* The bogus association ids every option with one is tried with. */
static const struct {
	const char *name;
	sctp_assoc_t id;
} bad_ids[] = {
	{ "id=12345", 12345 },
	{ "id=-1", -1 },
	{ "id=future", SCTP_FUTURE_ASSOC },
	{ "id=current", SCTP_CURRENT_ASSOC },
	{ "id=all", SCTP_ALL_ASSOC },
};

static void result(const char *dir, const char *what, const char *variant,
		   long ret, int err, const char *extra)
{
	probes++;
	printf("%s %s %s %s %s -> ", stype, sstate, dir, what, variant);
	if (ret < 0)
		printf("%s\n", errname(err));
	else
		printf("%ld%s\n", ret, extra ? extra : "");
}

/* ---- sockets in their states ---- */

struct pair {
	int fd;		/* the socket probed */
	int srv;	/* its server (estab) */
	int acc;	/* the server's accepted socket (estab, one-to-one) */
	struct sockaddr_in peer;
	sctp_assoc_t id;
};

static int sock_new(int type)
{
	int fd = socket(AF_INET, type, proto);

	if (fd < 0)
		die_errno("socket");
	return fd;
}

static void bind_lo(int fd)
{
	struct sockaddr_in a = { .sin_family = AF_INET };

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)))
		die_errno("bind");
}

static sctp_assoc_t assoc_id(int fd, int type)
{
	struct {
		struct sctp_assoc_ids ids;
		sctp_assoc_t id[4];
	} l;
	struct sctp_status st;
	socklen_t len;

	if (type == SOCK_STREAM) {
		memset(&st, 0, sizeof(st));
		len = sizeof(st);
		if (getsockopt(fd, SOL_SCTP, SCTP_STATUS, &st, &len))
			die_errno("SCTP_STATUS");
		return st.sstat_assoc_id;
	}
	len = sizeof(l);
	if (getsockopt(fd, SOL_SCTP, SCTP_GET_ASSOC_ID_LIST, &l, &len))
		die_errno("SCTP_GET_ASSOC_ID_LIST");
	if (l.ids.gaids_number_of_ids != 1)
		die("%u associations, not 1", l.ids.gaids_number_of_ids);
	return l.ids.gaids_assoc_id[0];
}

static void pair_open(struct pair *p, int type, const char *state)
{
	socklen_t len = sizeof(p->peer);

	memset(p, 0, sizeof(*p));
	p->srv = -1;
	p->acc = -1;
	p->fd = sock_new(type);
	sstate = state;
	if (!strcmp(state, "fresh"))
		return;
	if (!strcmp(state, "listen")) {
		bind_lo(p->fd);
		if (listen(p->fd, 8))
			die_errno("listen");
		return;
	}
	p->srv = sock_new(type);
	bind_lo(p->srv);
	if (listen(p->srv, 8))
		die_errno("listen");
	if (getsockname(p->srv, (struct sockaddr *)&p->peer, &len))
		die_errno("getsockname");
	bind_lo(p->fd);
	if (connect(p->fd, (struct sockaddr *)&p->peer, sizeof(p->peer)))
		die_errno("connect");
	if (type == SOCK_STREAM) {
		p->acc = accept(p->srv, NULL, NULL);
		if (p->acc < 0)
			die_errno("accept");
	}
	p->id = assoc_id(p->fd, type);
}

static void abort_close(int fd)
{
	struct linger l = { 1, 0 };

	if (fd < 0)
		return;
	setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
	close(fd);
}

static void pair_close(struct pair *p)
{
	abort_close(p->fd);
	abort_close(p->acc);
	abort_close(p->srv);
}

/* ---- getsockopt and setsockopt ---- */

static void clear(socklen_t len)
{
	memset(big, 0, len > 4096 && len <= CLEAR_SIZE ? CLEAR_SIZE : 4096);
}

static void get1(int fd, const struct opt *o, const char *variant,
		 void *val, socklen_t len, socklen_t *lenp)
{
	bool mine = lenp && (unsigned char *)lenp != guard;
	char extra[32] = "";
	int r;

	errno = 0;
	if (mine)
		*lenp = len;
	r = getsockopt(fd, SOL_SCTP, o->num, val, lenp);
	if (mine)
		snprintf(extra, sizeof(extra), " len=%u", *lenp);
	result("get", o->name, variant, r, errno, extra);
}

static void set1(int fd, const struct opt *o, const char *variant,
		 const void *val, socklen_t len)
{
	int r;

	errno = 0;
	r = setsockopt(fd, SOL_SCTP, o->num, val, len);
	result("set", o->name, variant, r, errno, NULL);
}

static void set_id(const struct opt *o, unsigned char *buf, sctp_assoc_t id)
{
	memcpy(buf + o->idoff, &id, sizeof(id));
}

/* The association id may be used: PEELOFF would take it away. */
static bool real_id_ok(const struct opt *o)
{
	return o->num != SCTP_SOCKOPT_PEELOFF &&
	       o->num != SCTP_SOCKOPT_PEELOFF_FLAGS;
}

static void probe_get(struct pair *p, const struct opt *o)
{
	socklen_t len, sz = o->size;
	int fd = p->fd;
	unsigned int i;

	clear(0);
	get1(fd, o, "len0", big, 0, &len);
	clear(0);
	get1(fd, o, "len1", big, 1, &len);
	clear(0);
	get1(fd, o, "short", big, sz - 1, &len);
	clear(0);
	get1(fd, o, "exact", big, sz, &len);
	clear(0);
	get1(fd, o, "long", big, sz + 1, &len);
	clear(65536);
	get1(fd, o, "64k", big, 65536, &len);
	clear(0);
	get1(fd, o, "neg", big, -1, &len);
	clear(0);
	get1(fd, o, "unaligned", big + 1, sz, &len);
	get1(fd, o, "null", NULL, sz, &len);
	get1(fd, o, "one", (void *)1, sz, &len);
	get1(fd, o, "guard", guard, sz, &len);
	memset(guard - sz, 0, sz);
	get1(fd, o, "straddle", guard - sz + 1, sz, &len);
	clear(0);
	get1(fd, o, "optlen-null", big, sz, NULL);
	get1(fd, o, "optlen-guard", big, sz, (socklen_t *)(void *)guard);
	if (o->idoff < 0)
		return;
	for (i = 0; i < ARRAY_SIZE(bad_ids); i++) {
		clear(0);
		set_id(o, big, bad_ids[i].id);
		get1(fd, o, bad_ids[i].name, big, sz, &len);
	}
	if (p->srv >= 0 && real_id_ok(o)) {
		clear(0);
		set_id(o, big, p->id);
		get1(fd, o, "id=assoc", big, sz, &len);
	}
}

static void probe_set(struct pair *p, const struct opt *o)
{
	socklen_t sz = o->size;
	int fd = p->fd;
	unsigned int i;

	clear(0);
	set1(fd, o, "len0", big, 0);
	set1(fd, o, "len1", big, 1);
	set1(fd, o, "short", big, sz - 1);
	set1(fd, o, "exact", big, sz);
	set1(fd, o, "long", big, sz + 1);
	clear(65536);
	set1(fd, o, "64k", big, 65536);
	clear(CLEAR_SIZE);
	set1(fd, o, "neg", big, -1);
	clear(0);
	set1(fd, o, "unaligned", big + 1, sz);
	set1(fd, o, "null", NULL, sz);
	set1(fd, o, "null-len0", NULL, 0);
	set1(fd, o, "one", (void *)1, sz);
	set1(fd, o, "guard", guard, sz);
	memset(guard - sz, 0, sz);
	set1(fd, o, "straddle", guard - sz + 1, sz);
	if (o->idoff < 0)
		return;
	for (i = 0; i < ARRAY_SIZE(bad_ids); i++) {
		clear(0);
		set_id(o, big, bad_ids[i].id);
		set1(fd, o, bad_ids[i].name, big, sz);
	}
	if (p->srv >= 0 && real_id_ok(o)) {
		clear(0);
		set_id(o, big, p->id);
		set1(fd, o, "id=assoc", big, sz);
	}
}

static void probe_opts(int type)
{
	static const char *const states[] = { "fresh", "listen", "estab" };
	struct pair p;
	unsigned int s, i;

	for (s = 0; s < 3; s++) {
		for (i = 0; i < ARRAY_SIZE(opts); i++) {
			pair_open(&p, type, states[s]);
			probe_get(&p, &opts[i]);
			pair_close(&p);
			pair_open(&p, type, states[s]);
			probe_set(&p, &opts[i]);
			pair_close(&p);
		}
	}
}

/* ---- sendmsg ---- */

struct smsg {
	struct msghdr m;
	struct iovec iov[2];
	union {
		char buf[512];
		struct cmsghdr align;
	} ctl;
	struct sockaddr_storage name;
	char data[MSG_LEN];
};

/* A message of one byte, to the server for one-to-many. */
static void smsg_init(struct smsg *s, struct pair *p, int type)
{
	memset(s, 0, sizeof(*s));
	memset(s->data, 'x', sizeof(s->data));
	s->iov[0].iov_base = s->data;
	s->iov[0].iov_len = 1;
	s->m.msg_iov = s->iov;
	s->m.msg_iovlen = 1;
	if (type == SOCK_SEQPACKET) {
		memcpy(&s->name, &p->peer, sizeof(p->peer));
		s->m.msg_name = &s->name;
		s->m.msg_namelen = sizeof(p->peer);
	}
}

/* One cmsg of @len (cmsg_len) with @size bytes of @data. */
static struct cmsghdr *smsg_cmsg(struct smsg *s, int level, int type,
				 size_t len, const void *data, size_t size)
{
	struct cmsghdr *c = (struct cmsghdr *)(s->ctl.buf + s->m.msg_controllen);

	c->cmsg_level = level;
	c->cmsg_type = type;
	c->cmsg_len = len;
	if (data)
		memcpy(CMSG_DATA(c), data, size);
	s->m.msg_control = s->ctl.buf;
	s->m.msg_controllen += CMSG_SPACE(size);
	return c;
}

static void send1(struct pair *p, const char *what, const char *variant,
		  struct smsg *s, int flags)
{
	ssize_t r;

	errno = 0;
	r = sendmsg(p->fd, &s->m, flags | MSG_NOSIGNAL);
	result("send", what, variant, r, errno, NULL);
}

struct cmsg_kind {
	const char *name;
	int level, type;
	size_t size;
};

static const struct cmsg_kind cmsg_kinds[] = {
	{ "SCTP_SNDINFO", SOL_SCTP, SCTP_SNDINFO, sizeof(struct sctp_sndinfo) },
	{ "SCTP_SNDRCV", SOL_SCTP, SCTP_SNDRCV, sizeof(struct sctp_sndrcvinfo) },
	{ "SCTP_PRINFO", SOL_SCTP, SCTP_PRINFO, sizeof(struct sctp_prinfo) },
	{ "SCTP_AUTHINFO", SOL_SCTP, SCTP_AUTHINFO, sizeof(struct sctp_authinfo) },
	{ "SCTP_DSTADDRV4", SOL_SCTP, SCTP_DSTADDRV4, sizeof(struct in_addr) },
	{ "SCTP_INIT", SOL_SCTP, SCTP_INIT, sizeof(struct sctp_initmsg) },
	{ "SCTP_RCVINFO", SOL_SCTP, SCTP_RCVINFO, sizeof(struct sctp_rcvinfo) },
	{ "cmsg-99", SOL_SCTP, 99, sizeof(int) },
};

typedef void (*send_case_fn)(struct pair *p, int type, const void *arg);

/* Each case on an association of its own. */
static void send_case(int type, send_case_fn fn, const void *arg)
{
	struct pair p;

	pair_open(&p, type, "estab");
	fn(&p, type, arg);
	pair_close(&p);
}

static void send_cmsg_len(struct pair *p, int type, const void *arg)
{
	const struct cmsg_kind *k = arg;
	static const struct {
		const char *name;
		long delta;	/* to CMSG_LEN(size), or an absolute length */
		bool abs;
	} lens[] = {
		{ "len=hdr", 0, true }, { "short", -1, false },
		{ "exact", 0, false }, { "long", 1, false },
		{ "len0", -(long)CMSG_LEN(0), true }, { "len4", 4, true },
		{ "overrun", 64, false },
	};
	unsigned int i;
	struct smsg s;
	size_t len;

	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		smsg_init(&s, p, type);
		len = lens[i].abs ? CMSG_LEN(0) + lens[i].delta :
				    CMSG_LEN(k->size) + lens[i].delta;
		if (lens[i].abs && lens[i].delta == 4)
			len = 4;
		smsg_cmsg(&s, k->level, k->type, len, NULL, k->size);
		if (k->type == SCTP_DSTADDRV4) {
			struct in_addr lo = { htonl(INADDR_LOOPBACK) };

			memcpy(CMSG_DATA((struct cmsghdr *)s.ctl.buf), &lo,
			       sizeof(lo));
		}
		send1(p, k->name, lens[i].name, &s, MSG_DONTWAIT);
	}
	smsg_init(&s, p, type);
	smsg_cmsg(&s, SOL_IP, k->type, CMSG_LEN(k->size), NULL, k->size);
	send1(p, k->name, "level=SOL_IP", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	smsg_cmsg(&s, SOL_SOCKET, k->type, CMSG_LEN(k->size), NULL, k->size);
	send1(p, k->name, "level=SOL_SOCKET", &s, MSG_DONTWAIT);
}

/* SNDINFO and SNDRCV with bad ids, flags and streams. */
struct info_case {
	const char *name;
	sctp_assoc_t id;
	__u16 flags, sid;
};

static const struct info_case info_cases[] = {
	{ .name = "id=12345", .id = 12345 },
	{ .name = "id=-1", .id = -1 },
	{ .name = "id=current", .id = SCTP_CURRENT_ASSOC },
	{ .name = "id=all", .id = SCTP_ALL_ASSOC },
	{ .name = "flags=0x100", .flags = 0x100 },
	{ .name = "flags=0x1000", .flags = 0x1000 },
	{ .name = "flags=eof", .flags = SCTP_EOF },
	{ .name = "flags=sendall", .flags = SCTP_SENDALL },
	{ .name = "flags=notification", .flags = SCTP_NOTIFICATION },
	{ .name = "flags=pr-bogus", .flags = 0x30 | SCTP_UNORDERED },
	{ .name = "sid=4095", .sid = 4095 },
	{ .name = "sid=65535", .sid = 65535 },
	{ .name = "flags=abort", .flags = SCTP_ABORT },
};

static void send_info(struct pair *p, int type, const void *arg)
{
	const struct info_case *c = arg;
	struct sctp_sndrcvinfo si = {};
	struct sctp_sndinfo sn = {};
	struct smsg s;
	int which;

	for (which = 0; which < 2; which++) {
		smsg_init(&s, p, type);
		if (which == 0) {
			sn.snd_assoc_id = c->id;
			sn.snd_flags = c->flags;
			sn.snd_sid = c->sid;
			smsg_cmsg(&s, SOL_SCTP, SCTP_SNDINFO, CMSG_LEN(sizeof(sn)),
				  &sn, sizeof(sn));
		} else {
			si.sinfo_assoc_id = c->id;
			si.sinfo_flags = c->flags;
			si.sinfo_stream = c->sid;
			smsg_cmsg(&s, SOL_SCTP, SCTP_SNDRCV, CMSG_LEN(sizeof(si)),
				  &si, sizeof(si));
		}
		send1(p, which ? "SCTP_SNDRCV" : "SCTP_SNDINFO", c->name, &s,
		      MSG_DONTWAIT);
		if (c->flags == SCTP_ABORT)
			break;	/* the association is gone */
	}
}

static void send_misc_cmsgs(struct pair *p, int type,
			const void *arg __maybe_unused)
{
	struct sctp_sndrcvinfo si = {};
	struct sctp_sndinfo sn = {};
	struct sctp_prinfo pr = { .pr_policy = 0x33 };
	struct sctp_initmsg im = { .sinit_num_ostreams = 65535 };
	struct in_addr zero = {};
	struct smsg s;

	smsg_init(&s, p, type);
	smsg_cmsg(&s, SOL_SCTP, SCTP_SNDINFO, CMSG_LEN(sizeof(sn)), &sn,
		  sizeof(sn));
	smsg_cmsg(&s, SOL_SCTP, SCTP_SNDRCV, CMSG_LEN(sizeof(si)), &si,
		  sizeof(si));
	send1(p, "cmsgs", "sndinfo+sndrcv", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	smsg_cmsg(&s, SOL_SCTP, SCTP_PRINFO, CMSG_LEN(sizeof(pr)), &pr,
		  sizeof(pr));
	send1(p, "SCTP_PRINFO", "policy=0x33", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	smsg_cmsg(&s, SOL_SCTP, SCTP_DSTADDRV4, CMSG_LEN(sizeof(zero)), &zero,
		  sizeof(zero));
	send1(p, "SCTP_DSTADDRV4", "addr=0.0.0.0", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	smsg_cmsg(&s, SOL_SCTP, SCTP_INIT, CMSG_LEN(sizeof(im)), &im,
		  sizeof(im));
	send1(p, "SCTP_INIT", "ostreams=65535", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.m.msg_control = s.ctl.buf;
	s.m.msg_controllen = 4;
	send1(p, "control", "controllen=4", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.m.msg_control = NULL;
	s.m.msg_controllen = 64;
	send1(p, "control", "null", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.m.msg_control = guard;
	s.m.msg_controllen = 64;
	send1(p, "control", "guard", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.m.msg_control = s.ctl.buf;
	s.m.msg_controllen = 1 << 20;
	send1(p, "control", "controllen=1M", &s, MSG_DONTWAIT);
}

/* msg_name and msg_namelen: short, odd, other families. */
static void send_names(struct pair *p, int type,
			const void *arg __maybe_unused)
{
	static const struct {
		const char *name;
		int family;
		socklen_t len;
	} names[] = {
		{ "namelen=0", AF_INET, 0 }, { "namelen=1", AF_INET, 1 },
		{ "namelen=2", AF_INET, 2 }, { "namelen=15", AF_INET, 15 },
		{ "namelen=16", AF_INET, 16 }, { "namelen=17", AF_INET, 17 },
		{ "namelen=28", AF_INET, 28 }, { "namelen=128", AF_INET, 128 },
		{ "namelen=129", AF_INET, 129 }, { "af=inet6-16", AF_INET6, 16 },
		{ "af=inet6-28", AF_INET6, 28 }, { "af=unspec", AF_UNSPEC, 16 },
		{ "af=unix", AF_UNIX, 16 }, { "af=255", 255, 16 },
	};
	struct sockaddr_in *sin;
	unsigned int i;
	struct smsg s;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		smsg_init(&s, p, type);
		memcpy(&s.name, &p->peer, sizeof(p->peer));
		s.name.ss_family = names[i].family;
		s.m.msg_name = &s.name;
		s.m.msg_namelen = names[i].len;
		send1(p, "name", names[i].name, &s, MSG_DONTWAIT);
	}
	smsg_init(&s, p, type);
	s.m.msg_name = NULL;
	s.m.msg_namelen = sizeof(p->peer);
	send1(p, "name", "null", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.m.msg_name = (void *)1;
	s.m.msg_namelen = sizeof(p->peer);
	send1(p, "name", "one", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.m.msg_name = guard;
	s.m.msg_namelen = sizeof(p->peer);
	send1(p, "name", "guard", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	memcpy(&s.name, &p->peer, sizeof(p->peer));
	sin = (struct sockaddr_in *)&s.name;
	sin->sin_addr.s_addr = htonl(INADDR_ANY);
	s.m.msg_name = &s.name;
	s.m.msg_namelen = sizeof(*sin);
	send1(p, "name", "addr=0.0.0.0", &s, MSG_DONTWAIT);
	sin->sin_addr.s_addr = htonl(INADDR_BROADCAST);
	send1(p, "name", "addr=broadcast", &s, MSG_DONTWAIT);
	sin->sin_addr.s_addr = htonl(0xe0000001);
	send1(p, "name", "addr=multicast", &s, MSG_DONTWAIT);
	sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin->sin_port = 0;
	send1(p, "name", "port=0", &s, MSG_DONTWAIT);
}

/* Flags, iovecs, sizes. */
static void send_flags(struct pair *p, int type,
			const void *arg __maybe_unused)
{
	static const struct {
		const char *name;
		int flags;
	} flags[] = {
		{ "none", 0 }, { "dontwait", MSG_DONTWAIT },
		{ "oob", MSG_OOB }, { "dontroute", MSG_DONTROUTE },
		{ "eor", MSG_EOR }, { "more", MSG_MORE },
		{ "confirm", MSG_CONFIRM }, { "errqueue", MSG_ERRQUEUE },
		{ "fastopen", MSG_FASTOPEN }, { "zerocopy", MSG_ZEROCOPY },
		{ "bit30", 1 << 30 }, { "cmsg-cloexec", MSG_CMSG_CLOEXEC },
	};
	unsigned int i;
	struct smsg s;

	for (i = 0; i < ARRAY_SIZE(flags); i++) {
		smsg_init(&s, p, type);
		send1(p, "flags", flags[i].name, &s, flags[i].flags | MSG_DONTWAIT);
	}
	smsg_init(&s, p, type);
	s.iov[0].iov_len = 0;
	send1(p, "iov", "len0", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.m.msg_iovlen = 0;
	send1(p, "iov", "iovlen0", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.iov[0].iov_base = NULL;
	send1(p, "iov", "null", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.iov[0].iov_base = (void *)1;
	send1(p, "iov", "one", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.iov[0].iov_base = guard - 1;
	s.iov[0].iov_len = 2;
	send1(p, "iov", "straddle", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.iov[1].iov_base = NULL;
	s.iov[1].iov_len = 0;
	s.m.msg_iovlen = 2;
	send1(p, "iov", "two-second-empty", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.m.msg_iov = (void *)1;
	send1(p, "iov", "array-one", &s, MSG_DONTWAIT);
	smsg_init(&s, p, type);
	s.m.msg_iovlen = 100000;
	send1(p, "iov", "iovlen=100000", &s, MSG_DONTWAIT);
}

/* A message bigger than SO_SNDBUF, and one that fits. */
static void send_huge(struct pair *p, int type,
			const void *arg __maybe_unused)
{
	int sndbuf = 4096;
	struct smsg s;
	size_t size;

	if (setsockopt(p->fd, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf)))
		die_errno("SO_SNDBUF");
	for (size = 4096; size <= 1 << 20; size <<= 4) {
		smsg_init(&s, p, type);
		s.iov[0].iov_base = big;
		s.iov[0].iov_len = size;
		send1(p, "size", size == 4096 ? "4k-sndbuf-4k" :
		      size == 65536 ? "64k-sndbuf-4k" : "1m-sndbuf-4k", &s,
		      MSG_DONTWAIT);
	}
	smsg_init(&s, p, type);
	s.iov[0].iov_base = big;
	s.iov[0].iov_len = 70000;
	s.iov[1].iov_base = big;
	s.iov[1].iov_len = 70000;
	s.m.msg_iovlen = 2;
	send1(p, "size", "two-iovs-over-sndbuf", &s, MSG_DONTWAIT);
}

static void send_fresh(int type)
{
	struct pair p, srv;
	struct smsg s;

	/* the listener as the peer */
	pair_open(&srv, type, "listen");
	pair_open(&p, type, "fresh");
	if (getsockname(srv.fd, (struct sockaddr *)&p.peer,
			&(socklen_t){ sizeof(p.peer) }))
		die_errno("getsockname");
	smsg_init(&s, &p, type);
	s.m.msg_name = NULL;
	s.m.msg_namelen = 0;
	send1(&p, "fresh", "no-name", &s, MSG_DONTWAIT);
	smsg_init(&s, &p, type);
	s.iov[0].iov_len = 0;
	send1(&p, "fresh", "empty", &s, MSG_DONTWAIT);
	pair_close(&p);
	pair_close(&srv);
	pair_open(&p, type, "listen");
	smsg_init(&s, &p, type);
	send1(&p, "listen", "no-name", &s, MSG_DONTWAIT);
	pair_close(&p);
}

static void probe_send(int type)
{
	unsigned int i;

	send_fresh(type);
	for (i = 0; i < ARRAY_SIZE(cmsg_kinds); i++)
		send_case(type, send_cmsg_len, &cmsg_kinds[i]);
	for (i = 0; i < ARRAY_SIZE(info_cases); i++)
		send_case(type, send_info, &info_cases[i]);
	send_case(type, send_misc_cmsgs, NULL);
	send_case(type, send_names, NULL);
	send_case(type, send_flags, NULL);
	send_case(type, send_huge, NULL);
}

/* ---- recvmsg ---- */

static const char *flag_str(int flags)
{
	static char buf[64];

	snprintf(buf, sizeof(buf), " flags=%s%s%s%s",
		 flags & MSG_EOR ? "E" : "-", flags & MSG_TRUNC ? "T" : "-",
		 flags & MSG_CTRUNC ? "C" : "-",
		 flags & MSG_NOTIFICATION ? "N" : "-");
	return buf;
}

struct recv_case {
	const char *name;
	size_t buflen;
	int flags;
	int ctl;	/* controllen; -1: NULL control with 64 */
	int namelen;
	int rcvinfo;	/* SCTP_RECVRCVINFO on */
	int iov;	/* 1: NULL base, 2: (void *)1, 3: guard */
};

static const struct recv_case recv_cases[] = {
	{ .name = "buf0", .buflen = 0 },
	{ .name = "buf1", .buflen = 1 },
	{ .name = "buf99", .buflen = 99 },
	{ .name = "buf100", .buflen = 100 },
	{ .name = "peek-buf1", .buflen = 1, .flags = MSG_PEEK },
	{ .name = "trunc-buf1", .buflen = 1, .flags = MSG_TRUNC },
	{ .name = "oob", .buflen = 100, .flags = MSG_OOB },
	{ .name = "errqueue", .buflen = 100, .flags = MSG_ERRQUEUE },
	{ .name = "waitall-buf1", .buflen = 1, .flags = MSG_WAITALL },
	{ .name = "bit30", .buflen = 100, .flags = 1 << 30 },
	{ .name = "ctl1-rcvinfo", .buflen = 100, .ctl = 1, .rcvinfo = 1 },
	{ .name = "ctl-short-rcvinfo", .buflen = 100,
	  .ctl = CMSG_SPACE(sizeof(struct sctp_rcvinfo)) - 1, .rcvinfo = 1 },
	{ .name = "ctl-exact-rcvinfo", .buflen = 100,
	  .ctl = CMSG_SPACE(sizeof(struct sctp_rcvinfo)), .rcvinfo = 1 },
	{ .name = "ctl-null-rcvinfo", .buflen = 100, .ctl = -1, .rcvinfo = 1 },
	{ .name = "ctl0-rcvinfo", .buflen = 100, .rcvinfo = 1 },
	{ .name = "namelen1", .buflen = 100, .namelen = 1 },
	{ .name = "namelen15", .buflen = 100, .namelen = 15 },
	{ .name = "namelen200", .buflen = 100, .namelen = 200 },
	{ .name = "iov-null", .buflen = 100, .iov = 1 },
	{ .name = "iov-one", .buflen = 100, .iov = 2 },
	{ .name = "iov-straddle", .buflen = 100, .iov = 3 },
};

static void recv1(int fd, const char *what, const struct recv_case *c)
{
	union {
		char buf[256];
		struct cmsghdr align;
	} ctl;
	struct sockaddr_storage name;
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	char extra[96];
	struct iovec iov;
	struct msghdr m;
	ssize_t r;

	if (poll(&pfd, 1, 5000) != 1)
		die("%s: no message in 5 s", c->name);
	memset(&m, 0, sizeof(m));
	iov.iov_base = c->iov == 1 ? NULL : c->iov == 2 ? (void *)1 :
		       c->iov == 3 ? guard - 10 : (void *)big;
	iov.iov_len = c->buflen;
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	if (c->ctl) {
		m.msg_control = c->ctl < 0 ? NULL : ctl.buf;
		m.msg_controllen = c->ctl < 0 ? 64 : c->ctl;
	}
	if (c->namelen) {
		m.msg_name = &name;
		m.msg_namelen = c->namelen;
	}
	errno = 0;
	r = recvmsg(fd, &m, c->flags | MSG_DONTWAIT);
	snprintf(extra, sizeof(extra), "%s namelen=%u",
		 flag_str(m.msg_flags), m.msg_namelen);
	result("recv", what, c->name, r, errno, extra);
}

static void recv_case(int type, const struct recv_case *c)
{
	struct recv_case drain = { .buflen = 256 };
	char name[64];
	struct pollfd pfd;
	struct pair p;
	int one = 1, rfd;

	pair_open(&p, type, "estab");
	rfd = type == SOCK_STREAM ? p.acc : p.srv;
	if (c->rcvinfo &&
	    setsockopt(rfd, SOL_SCTP, SCTP_RECVRCVINFO, &one, sizeof(one)))
		die_errno("SCTP_RECVRCVINFO");
	if (sendto(p.fd, big, MSG_LEN, 0, type == SOCK_STREAM ? NULL :
		   (struct sockaddr *)&p.peer,
		   type == SOCK_STREAM ? 0 : sizeof(p.peer)) != MSG_LEN)
		die_errno("send");
	recv1(rfd, "msg", c);
	/* what is left of the message, if anything */
	snprintf(name, sizeof(name), "drain-after-%s", c->name);
	drain.name = name;
	pfd.fd = rfd;
	pfd.events = POLLIN;
	if (poll(&pfd, 1, 0) == 1)
		recv1(rfd, "rest", &drain);
	else
		result("recv", "rest", name, -1, EAGAIN, NULL);
	pair_close(&p);
}

static void probe_recv(int type)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(recv_cases); i++)
		recv_case(type, &recv_cases[i]);
}

int main(int argc, char **argv)
{
	static const struct {
		int type;
		const char *name;
	} types[] = { { SOCK_SEQPACKET, "seqpacket" }, { SOCK_STREAM, "stream" } };
	unsigned char *map;
	unsigned int t;
	int c;

	prog = "sockabuse";
	while ((c = getopt(argc, argv, "p:")) != -1) {
		if (c != 'p')
			die("usage: sockabuse [-p PROTO]");
		proto = parse_int(optarg, "protocol", 1, 255);
	}
	signal(SIGPIPE, SIG_IGN);
	big = mmap(NULL, BIG_SIZE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	map = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (big == MAP_FAILED || map == MAP_FAILED)
		die_errno("mmap");
	guard = map + 4096;
	if (mprotect(guard, 4096, PROT_NONE))
		die_errno("mprotect");
	for (t = 0; t < 2; t++) {
		stype = types[t].name;
		probe_opts(types[t].type);
		probe_send(types[t].type);
		probe_recv(types[t].type);
	}
	fprintf(stderr, "sockabuse: %d probes\n", probes);
	return 0;
}
