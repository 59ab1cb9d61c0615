// SPDX-License-Identifier: GPL-2.0
/*
 * The socket API as libsctp programs use it, one case per run:
 *
 *   sockapi addrs|sndinfo|frag|autoclose|event|paddr|errors|cmsgs|peeloff|
 *           notify|stats|reuse|adaptation|pdabort|pdpoint|interleave|subscribe|
 *           sflags
 *
 * Each case sets up its own sockets on 127.0.0.1 (the caller gives it a
 * fresh namespace), checks values and errnos through libsctp's calls
 * and raw options, prints "# " lines for every check that fails, and
 * exits 0 only if all passed.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/sctp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static int sock_new(int type)
{
	int fd = socket(AF_INET, type, IPPROTO_SCTP);

	if (fd < 0)
		die("socket");
	return fd;
}

static int server(int type, int port)
{
	struct sockaddr_in a = addr4("127.0.0.1", port);
	int fd = sock_new(type);

	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 8))
		die("server");
	return fd;
}

static int port_of(int fd)
{
	struct sockaddr_in a;
	socklen_t len = sizeof(a);

	if (getsockname(fd, (struct sockaddr *)&a, &len))
		die("getsockname");
	return ntohs(a.sin_port);
}

static int set_int(int fd, int opt, int v)
{
	return setopt(fd, opt, &v, sizeof(v));
}

static int get_int(int fd, int opt)
{
	int v = -1;

	if (getopt_(fd, opt, &v, sizeof(v)))
		return -1;
	return v;
}

/* A one-to-many client associated with @port; its id in *id. */
static int client(int port, sctp_assoc_t *id)
{
	struct sockaddr_in a = addr4("127.0.0.1", port);
	int fd = sock_new(SOCK_SEQPACKET);

	if (sctp_connectx(fd, (struct sockaddr *)&a, 1, id))
		die("sctp_connectx");
	return fd;
}

/* One message from a one-to-many socket to 127.0.0.1:@port. */
static ssize_t send_to(int fd, int port, const void *buf, size_t len,
		       uint32_t ppid, uint16_t stream)
{
	struct sockaddr_in a = addr4("127.0.0.1", port);

	return sctp_sendmsg(fd, buf, len, (struct sockaddr *)&a, sizeof(a),
			    ppid, 0, stream, 0, 0);
}

/* Waits up to @ms for something to read. */
static int readable(int fd, int ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, ms) == 1;
}

/* All sent data acknowledged: the peer holds it. */
static void wait_acked(int fd, sctp_assoc_t id)
{
	struct sctp_status st;
	int i;

	for (i = 0; i < 500; i++) {
		memset(&st, 0, sizeof(st));
		st.sstat_assoc_id = id;
		if (getopt_(fd, SCTP_STATUS, &st, sizeof(st)))
			die("SCTP_STATUS");
		if (!st.sstat_unackdata)
			return;
		usleep(10000);
	}
	printf("# data still unacknowledged after 5 s\n");
	failures++;
}

/* Reads one message or notification with its ancillary data. */
static ssize_t recv_one(int fd, void *buf, size_t len, char *cbuf,
			size_t clen, int *flags)
{
	struct iovec iov = { buf, len };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = cbuf, .msg_controllen = clen };
	ssize_t n;

	if (!readable(fd, 5000))
		return -1;
	n = recvmsg(fd, &m, 0);
	*flags = m.msg_flags;
	return n;
}

static void *cmsg_find(char *cbuf, size_t clen, int type)
{
	struct msghdr m = { .msg_control = cbuf, .msg_controllen = clen };
	struct cmsghdr *c;

	for (c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
		if (c->cmsg_level == IPPROTO_SCTP && c->cmsg_type == type)
			return CMSG_DATA(c);
	return NULL;
}

/* Reads data, skipping notifications. */
static int last_flags;		/* recv_data()'s msg_flags */

static ssize_t recv_data(int fd, void *buf, size_t len, char *cbuf,
			 size_t clen)
{
	ssize_t n;
	int flags;

	do {
		if (cbuf)
			memset(cbuf, 0, clen);
		n = recv_one(fd, buf, len, cbuf, clen, &flags);
	} while (n > 0 && (flags & MSG_NOTIFICATION));
	last_flags = flags;
	return n;
}

static int same_addr(const struct sockaddr *sa, const char *ip, int port)
{
	const struct sockaddr_in *s = (const struct sockaddr_in *)sa;
	struct sockaddr_in w = addr4(ip, port);

	return s->sin_family == AF_INET && s->sin_port == w.sin_port &&
	       s->sin_addr.s_addr == w.sin_addr.s_addr;
}

/* sctp_connectx, sctp_getpaddrs/getladdrs, sctp_bindx, id lists. */
static void case_addrs(void)
{
	struct sockaddr_in two[2] = { addr4("127.0.0.1", 7001),
				      addr4("127.0.0.1", 7002) };
	struct sockaddr_in b = addr4("127.0.0.1", 7010), b2;
	struct { sctp_assoc_t id; uint32_t n; } ga;
	int srv = server(SOCK_SEQPACKET, 7001), cli, fd, n, i, found;
	struct sockaddr *addrs;
	sctp_assoc_t id = 0, ids[8];
	struct sctp_assoc_ids *l = (void *)ids;
	char buf[64];

	FAILS(sctp_connectx(sock_new(SOCK_SEQPACKET), (struct sockaddr *)two,
			    2, &id), EINVAL);
	cli = client(7001, &id);
	CHECK(id > 2, "connectx gave id %d", id);
	n = sctp_getpaddrs(cli, id, &addrs);
	CHECK(n == 1 && same_addr(addrs, "127.0.0.1", 7001),
	      "getpaddrs: %d", n);
	if (n > 0)
		sctp_freepaddrs(addrs);
	n = sctp_getladdrs(cli, id, &addrs);
	CHECK(n == 1 && same_addr(addrs, "127.0.0.1", port_of(cli)),
	      "getladdrs(id): %d", n);
	if (n > 0)
		sctp_freeladdrs(addrs);
	n = sctp_getladdrs(srv, 0, &addrs);
	CHECK(n == 1 && same_addr(addrs, "127.0.0.1", 7001),
	      "server getladdrs(0): %d", n);
	if (n > 0)
		sctp_freeladdrs(addrs);
	FAILS(sctp_getpaddrs(cli, id + 100, &addrs), EINVAL);
	/* no room for one address: ENOMEM asks for a bigger buffer */
	ga.id = id;
	FAILS(getopt_(cli, SCTP_GET_PEER_ADDRS, &ga, sizeof(ga)), ENOMEM);
	FAILS(getopt_(cli, SCTP_GET_PEER_ADDRS, &ga, 4), EINVAL);

	/* wildcard: every local address, 127.0.0.1 among them */
	fd = sock_new(SOCK_SEQPACKET);
	b.sin_addr.s_addr = INADDR_ANY;
	if (bind(fd, (struct sockaddr *)&b, sizeof(b)))
		die("bind any");
	n = sctp_getladdrs(fd, 0, &addrs);
	for (i = 0, found = 0; i < n; i++)
		found |= same_addr((struct sockaddr *)
				   ((struct sockaddr_in *)addrs + i),
				   "127.0.0.1", 7010);
	CHECK(n >= 1 && found, "wildcard getladdrs: %d, lo %d", n, found);
	if (n > 0)
		sctp_freeladdrs(addrs);
	close(fd);

	/* the server learns of the association: one id */
	CHECK(send_to(cli, 7001, "x", 1, 0, 0) == 1, "send");
	recv_data(srv, buf, sizeof(buf), buf, 0);
	n = -1;
	CHECK(getopt_(srv, SCTP_GET_ASSOC_NUMBER, &n, sizeof(n)) == 0 &&
	      n == 1, "assoc number %d", n);
	memset(ids, 0, sizeof(ids));
	CHECK(getopt_(srv, SCTP_GET_ASSOC_ID_LIST, l, sizeof(ids)) == 0 &&
	      l->gaids_number_of_ids == 1 && l->gaids_assoc_id[0] > 2,
	      "id list: %u", l->gaids_number_of_ids);
	FAILS(getopt_(srv, SCTP_GET_ASSOC_ID_LIST, l, sizeof(*l)), EINVAL);
	fd = sock_new(SOCK_STREAM);
	FAILS(getopt_(fd, SCTP_GET_ASSOC_NUMBER, &n, sizeof(n)), EOPNOTSUPP);
	close(fd);

	/* sctp_bindx: the first address binds, the others join its port;
	 * the last one stays (paths.sh has more)
	 */
	fd = sock_new(SOCK_SEQPACKET);
	b = addr4("127.0.0.1", 7011);
	CHECK(sctp_bindx(fd, (struct sockaddr *)&b, 1,
			 SCTP_BINDX_ADD_ADDR) == 0, "bindx add");
	CHECK(port_of(fd) == 7011, "bound port %d", port_of(fd));
	b2 = addr4("127.0.0.2", 7012);
	FAILS(sctp_bindx(fd, (struct sockaddr *)&b2, 1, SCTP_BINDX_ADD_ADDR),
	      EINVAL);
	b2.sin_port = 0;
	CHECK(sctp_bindx(fd, (struct sockaddr *)&b2, 1,
			 SCTP_BINDX_ADD_ADDR) == 0, "bindx a second address");
	n = sctp_getladdrs(fd, 0, &addrs);
	CHECK(n == 2, "%d local addresses", n);
	if (n > 0)
		sctp_freeladdrs(addrs);
	FAILS(sctp_bindx(fd, (struct sockaddr *)two, 1, SCTP_BINDX_REM_ADDR),
	      EINVAL);
	CHECK(sctp_bindx(fd, (struct sockaddr *)&b, 1,
			 SCTP_BINDX_REM_ADDR) == 0, "bindx remove");
	FAILS(sctp_bindx(fd, (struct sockaddr *)&b2, 1, SCTP_BINDX_REM_ADDR),
	      EBUSY);
	close(fd);
	close(cli);
	close(srv);
}

/* Default send parameters, SCTP_CONTEXT, RCVINFO and NXTINFO. */
static void case_sndinfo(void)
{
	struct sctp_sndinfo si = { .snd_sid = 3, .snd_flags = SCTP_UNORDERED,
				   .snd_ppid = htonl(77), .snd_context = 9 };
	struct sctp_assoc_value ctx = { SCTP_FUTURE_ASSOC, 1234 };
	struct sctp_event_subscribe ev = { .sctp_data_io_event = 1 };
	int srv = server(SOCK_SEQPACKET, 7020), cli;
	struct sctp_sndrcvinfo sr, *s;
	struct sctp_rcvinfo *ri;
	struct sctp_nxtinfo *ni;
	char buf[512], cbuf[512];
	sctp_assoc_t id;
	ssize_t n;

	CHECK(setopt(srv, SCTP_CONTEXT, &ctx, sizeof(ctx)) == 0, "context");
	CHECK(set_int(srv, SCTP_RECVRCVINFO, 1) == 0, "recvrcvinfo");
	CHECK(set_int(srv, SCTP_RECVNXTINFO, 1) == 0, "recvnxtinfo");
	CHECK(get_int(srv, SCTP_RECVNXTINFO) == 1, "recvnxtinfo get");
	CHECK(setopt(srv, SCTP_EVENTS, &ev, sizeof(ev)) == 0, "events");
	cli = client(7020, &id);
	si.snd_assoc_id = id;
	CHECK(setopt(cli, SCTP_DEFAULT_SNDINFO, &si, sizeof(si)) == 0,
	      "default sndinfo");
	memset(&sr, 0, sizeof(sr));
	sr.sinfo_assoc_id = id;
	CHECK(getopt_(cli, SCTP_DEFAULT_SEND_PARAM, &sr, sizeof(sr)) == 0 &&
	      sr.sinfo_stream == 3 && sr.sinfo_ppid == htonl(77) &&
	      sr.sinfo_flags == SCTP_UNORDERED && sr.sinfo_context == 9,
	      "default send param: stream %u", sr.sinfo_stream);
	si.snd_flags = 0x4000;
	FAILS(setopt(cli, SCTP_DEFAULT_SNDINFO, &si, sizeof(si)), EINVAL);
	si.snd_assoc_id = id + 100;
	si.snd_flags = 0;
	FAILS(setopt(cli, SCTP_DEFAULT_SNDINFO, &si, sizeof(si)), EINVAL);

	/* no cmsg: the defaults; then two messages queued at the server */
	{
		struct sockaddr_in a = addr4("127.0.0.1", 7020);

		if (sendto(cli, "first", 5, 0, (struct sockaddr *)&a,
			   sizeof(a)) != 5 ||
		    send_to(cli, 7020, "second!", 7, htonl(5), 2) != 7)
			die("send");
	}
	wait_acked(cli, id);
	n = recv_data(srv, buf, sizeof(buf), cbuf, sizeof(cbuf));
	ri = cmsg_find(cbuf, sizeof(cbuf), SCTP_RCVINFO);
	s = cmsg_find(cbuf, sizeof(cbuf), SCTP_SNDRCV);
	ni = cmsg_find(cbuf, sizeof(cbuf), SCTP_NXTINFO);
	CHECK(n == 5 && !memcmp(buf, "first", 5), "first: %zd", n);
	CHECK(ri && ri->rcv_sid == 3 && ri->rcv_ppid == htonl(77) &&
	      ri->rcv_flags == SCTP_UNORDERED && ri->rcv_context == 1234,
	      "rcvinfo %p", (void *)ri);
	CHECK(s && s->sinfo_stream == 3 && s->sinfo_context == 1234,
	      "sndrcv %p", (void *)s);
	CHECK(ni && ni->nxt_sid == 2 && ni->nxt_length == 7 &&
	      ni->nxt_ppid == htonl(5) && !(ni->nxt_flags & SCTP_UNORDERED),
	      "nxtinfo %p", (void *)ni);
	n = recv_data(srv, buf, sizeof(buf), cbuf, sizeof(cbuf));
	CHECK(n == 7 && !cmsg_find(cbuf, sizeof(cbuf), SCTP_NXTINFO),
	      "second: %zd, nxtinfo with nothing queued", n);
	close(cli);
	close(srv);
}

/* SCTP_MAXSEG, SCTP_DISABLE_FRAGMENTS, SCTP_MAX_BURST. */
static void case_frag(void)
{
	struct sctp_assoc_value av = { SCTP_FUTURE_ASSOC, 1000 };
	int srv = server(SOCK_SEQPACKET, 7030), cli, i;
	static char big[3000], got[4000];
	sctp_assoc_t id;
	ssize_t n;

	for (i = 0; i < (int)sizeof(big); i++)
		big[i] = i * 7;
	cli = sock_new(SOCK_SEQPACKET);
	av.assoc_value = 100;
	FAILS(setopt(cli, SCTP_MAXSEG, &av, sizeof(av)), EINVAL);
	av.assoc_value = 1000;
	CHECK(setopt(cli, SCTP_MAXSEG, &av, sizeof(av)) == 0, "maxseg");
	close(cli);
	cli = client(7030, &id);
	CHECK(setopt(cli, SCTP_MAXSEG, &av, sizeof(av)) == 0, "maxseg");
	av.assoc_id = id;
	av.assoc_value = 0;
	CHECK(getopt_(cli, SCTP_MAXSEG, &av, sizeof(av)) == 0 &&
	      av.assoc_value == ((65535 - 20 - 12 - 16) & ~3), "loopback %u",
	      av.assoc_value);
	av.assoc_value = 1000;
	CHECK(setopt(cli, SCTP_MAXSEG, &av, sizeof(av)) == 0, "maxseg id");
	av.assoc_value = 0;
	CHECK(getopt_(cli, SCTP_MAXSEG, &av, sizeof(av)) == 0 &&
	      av.assoc_value == 1000, "frag point %u", av.assoc_value);
	CHECK(set_int(cli, SCTP_DISABLE_FRAGMENTS, 1) == 0, "disable");
	CHECK(get_int(cli, SCTP_DISABLE_FRAGMENTS) == 1, "disable get");
	errno = 0;
	n = send_to(cli, 7030, big, 1001, 0, 0);
	CHECK(n == -1 && errno == EMSGSIZE, "unfragmented 1001: %zd", n);
	CHECK(send_to(cli, 7030, big, 1000, 0, 0) == 1000,
	      "1000 fits");
	CHECK(set_int(cli, SCTP_DISABLE_FRAGMENTS, 0) == 0, "enable");
	CHECK(send_to(cli, 7030, big, sizeof(big), 0, 0) == sizeof(big),
	      "3000 in fragments");
	n = recv_data(srv, got, sizeof(got), got, 0);
	CHECK(n == 1000 && !memcmp(got, big, 1000), "1000: %zd", n);
	n = recv_data(srv, got, sizeof(got), got, 0);
	CHECK(n == sizeof(big) && !memcmp(got, big, n), "3000: %zd", n);

	av.assoc_id = SCTP_FUTURE_ASSOC;
	CHECK(get_int(cli, SCTP_MAX_BURST) == 4, "max burst default");
	av.assoc_id = id;
	av.assoc_value = 8;
	CHECK(setopt(cli, SCTP_MAX_BURST, &av, sizeof(av)) == 0, "burst");
	av.assoc_value = 0;
	CHECK(getopt_(cli, SCTP_MAX_BURST, &av, sizeof(av)) == 0 &&
	      av.assoc_value == 8, "burst get %u", av.assoc_value);
	CHECK(get_int(cli, SCTP_MAX_BURST) == 4, "socket default kept");
	close(cli);
	close(srv);
}

/* SCTP_PARTIAL_DELIVERY_POINT 2000: a 10000-byte message in 1000-byte
 * fragments, one per packet, reaches the reader in pieces, the first
 * without MSG_EOR; with the point back at 0 it comes whole.
 */
static void case_pdpoint(void)
{
	struct sctp_assoc_value av = { 0, 1000 };
	int srv = server(SOCK_SEQPACKET, 7090), cli, flags, pieces = 0;
	static char big[10000], got[20000];
	struct sctp_paddrparams pp;
	struct sockaddr_in a = addr4("127.0.0.1", 7090);
	size_t total = 0;
	sctp_assoc_t id;
	ssize_t n;

	for (n = 0; n < (ssize_t)sizeof(big); n++)
		big[n] = n * 13;
	CHECK(set_int(srv, SCTP_PARTIAL_DELIVERY_POINT, 2000) == 0, "pd point");
	cli = client(7090, &id);
	av.assoc_id = id;
	memset(&pp, 0, sizeof(pp));
	pp.spp_assoc_id = id;
	memcpy(&pp.spp_address, &a, sizeof(a));
	pp.spp_flags = SPP_PMTUD_DISABLE;
	pp.spp_pathmtu = 1200;
	CHECK(setopt(cli, SCTP_MAXSEG, &av, sizeof(av)) == 0 &&
	      setopt(cli, SCTP_PEER_ADDR_PARAMS, &pp, sizeof(pp)) == 0,
	      "1000-byte fragments, one per packet");
	CHECK(send_to(cli, 7090, big, sizeof(big), 0, 0) == sizeof(big),
	      "send 10000");
	do {
		n = recv_data(srv, got + total, sizeof(got) - total, NULL, 0);
		flags = last_flags;
		if (n <= 0)
			break;
		CHECK(pieces || (n < (ssize_t)sizeof(big) && !(flags & MSG_EOR)),
		      "first piece %zd bytes, flags %#x", n, flags);
		total += n;
		pieces++;
	} while (!(flags & MSG_EOR));
	CHECK(total == sizeof(big) && !memcmp(got, big, total) && pieces > 1,
	      "%zu bytes in %d pieces", total, pieces);
	CHECK(set_int(srv, SCTP_PARTIAL_DELIVERY_POINT, 0) == 0, "pd point 0");
	CHECK(send_to(cli, 7090, big, sizeof(big), 0, 0) == sizeof(big),
	      "send 10000 again");
	n = recv_data(srv, got, sizeof(got), NULL, 0);
	CHECK(n == sizeof(big) && (last_flags & MSG_EOR) &&
	      !memcmp(got, big, n), "whole: %zd flags %#x", n, last_flags);
	close(cli);
	close(srv);
}

/* 1000-byte fragments, one per packet, on association @id of @fd. */
static void small_fragments(int fd, sctp_assoc_t id, int port)
{
	struct sctp_assoc_value av = { id, 1000 };
	struct sockaddr_in a = addr4("127.0.0.1", port);
	struct sctp_paddrparams pp;

	memset(&pp, 0, sizeof(pp));
	pp.spp_assoc_id = id;
	memcpy(&pp.spp_address, &a, sizeof(a));
	pp.spp_flags = SPP_PMTUD_DISABLE;
	pp.spp_pathmtu = 1200;
	CHECK(setopt(fd, SCTP_MAXSEG, &av, sizeof(av)) == 0 &&
	      setopt(fd, SCTP_PEER_ADDR_PARAMS, &pp, sizeof(pp)) == 0,
	      "1000-byte fragments, one per packet");
}

/* Polls until @fd has @n associations. */
static int wait_assocs(int fd, uint32_t n)
{
	uint32_t got = 0;
	int i;

	for (i = 0; i < 500; i++) {
		if (getopt_(fd, SCTP_GET_ASSOC_NUMBER, &got, sizeof(got)))
			die("SCTP_GET_ASSOC_NUMBER");
		if (got == n)
			return 1;
		usleep(10000);
	}
	printf("# %u associations, want %u\n", got, n);
	return 0;
}

/* What interleave_run() read, in order. */
struct il_log {
	int reads, pieces, big_done;
	int small_at, shut_at, comp_at;		/* read number, or -1 */
	int small_after;			/* pieces before it */
	int notes_inside;	/* notifications between the pieces */
	size_t total;
	sctp_assoc_t big_id;
};

static void il_note(struct il_log *l, const char *buf)
{
	const union sctp_notification *sn = (const void *)buf;

	if (l->pieces && !l->big_done)
		l->notes_inside++;
	if (sn->sn_header.sn_type == SCTP_SHUTDOWN_EVENT)
		l->shut_at = l->reads;
	if (sn->sn_header.sn_type == SCTP_ASSOC_CHANGE &&
	    sn->sn_assoc_change.sac_state == SCTP_SHUTDOWN_COMP)
		l->comp_at = l->reads;
}

/* One read into @l; 0 when the reading must stop. */
static int il_read(int srv, struct il_log *l, char *got, size_t size,
		   const char *small, size_t small_len)
{
	static char buf[100001];
	char cbuf[CMSG_SPACE(sizeof(struct sctp_sndrcvinfo))];
	struct sctp_sndrcvinfo *si;
	int flags;
	ssize_t n;

	memset(cbuf, 0, sizeof(cbuf));
	n = recv_one(srv, buf, sizeof(buf), cbuf, sizeof(cbuf), &flags);
	l->reads++;
	if (n > 0 && (flags & MSG_NOTIFICATION)) {
		il_note(l, buf);
		return 1;
	}
	si = cmsg_find(cbuf, sizeof(cbuf), SCTP_SNDRCV);
	if (n <= 0 || !si) {
		CHECK(0, "read %zd, sndrcvinfo %p", n, (void *)si);
		return 0;
	}
	if (si->sinfo_ppid == 2) {
		CHECK(n == (ssize_t)small_len && (flags & MSG_EOR) &&
		      !memcmp(buf, small, n) && si->sinfo_assoc_id != l->big_id,
		      "short one: %zd bytes flags %#x", n, flags);
		l->small_at = l->reads;
		l->small_after = l->pieces;
		return 1;
	}
	CHECK(si->sinfo_ppid == 1 && (!l->big_id ||
				      si->sinfo_assoc_id == l->big_id),
	      "piece %d: ppid %u assoc %d", l->pieces, si->sinfo_ppid,
	      si->sinfo_assoc_id);
	l->big_id = si->sinfo_assoc_id;
	if (l->total + n > size) {
		CHECK(0, "long one: %zu bytes and more", l->total + n);
		return 0;
	}
	memcpy(got + l->total, buf, n);
	l->total += n;
	l->pieces++;
	l->big_done = flags & MSG_EOR;
	return 1;
}

/* SCTP_FRAGMENT_INTERLEAVE @level: a one-to-many reader with a small
 * receive buffer holds pieces of a 100000-byte message (ppid 1) whose
 * sender the closed window stalls, when a second association brings a
 * 100-byte message (ppid 2) and then shuts down.  At level 0 its
 * message, SHUTDOWN_EVENT and SHUTDOWN_COMP wait for the end of the
 * long message, and no notification comes between its pieces; at
 * level 1 they come between the pieces, told apart by sinfo_assoc_id.
 * Either way in that order, and every byte of both messages checked.
 */
static void interleave_run(int port, int level)
{
	struct sctp_event_subscribe ev = { .sctp_data_io_event = 1,
					   .sctp_association_event = 1,
					   .sctp_shutdown_event = 1 };
	struct il_log l = { .small_at = -1, .shut_at = -1, .comp_at = -1,
			    .small_after = -1 };
	struct sockaddr_in a = addr4("127.0.0.1", port);
	int srv = sock_new(SOCK_SEQPACKET), c1, c2, rcvbuf = 8192;
	static char big[100000], got[sizeof(big)];
	sctp_assoc_t id1, id2;
	char small[100];
	ssize_t n;

	for (n = 0; n < (ssize_t)sizeof(big); n++)
		big[n] = n * 7 + n / 251;
	memset(small, 0x5a, sizeof(small));
	if (setsockopt(srv, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf)) ||
	    bind(srv, (struct sockaddr *)&a, sizeof(a)) || listen(srv, 8))
		die("server");
	CHECK(set_int(srv, SCTP_FRAGMENT_INTERLEAVE, level) == 0 &&
	      get_int(srv, SCTP_FRAGMENT_INTERLEAVE) == level, "level %d",
	      level);
	CHECK(setopt(srv, SCTP_EVENTS, &ev, sizeof(ev)) == 0, "events");
	c1 = client(port, &id1);
	c2 = client(port, &id2);
	small_fragments(c1, id1, port);
	CHECK(send_to(c1, port, big, sizeof(big), 1, 0) == sizeof(big),
	      "send the long one");
	CHECK(readable(srv, 5000), "a first piece");
	CHECK(send_to(c2, port, small, sizeof(small), 2, 0) == sizeof(small),
	      "send the short one");
	wait_acked(c2, id2);
	close(c2);
	CHECK(wait_assocs(srv, 1), "the second association ends");
	while (!l.big_done || l.small_at < 0 || l.comp_at < 0)
		if (!il_read(srv, &l, got, sizeof(got), small, sizeof(small)))
			break;
	CHECK(l.total == sizeof(big) && !memcmp(got, big, l.total) &&
	      l.pieces > 1, "long one: %zu bytes in %d pieces", l.total,
	      l.pieces);
	printf("# level %d: the short message came after piece %d of %d; reads: message %d, SHUTDOWN_EVENT %d, SHUTDOWN_COMP %d; %d notifications between pieces\n",
	       level, l.small_after, l.pieces, l.small_at, l.shut_at, l.comp_at,
	       l.notes_inside);
	CHECK(l.small_at < l.shut_at && l.shut_at < l.comp_at,
	      "message, SHUTDOWN_EVENT, SHUTDOWN_COMP in that order");
	if (level)
		CHECK(l.small_after > 0 && l.small_after < l.pieces &&
		      l.notes_inside >= 2,
		      "level 1: the second association between the pieces");
	else
		CHECK(l.small_after == l.pieces && !l.notes_inside,
		      "level 0: the second association after the long one");
	close(c1);
	close(srv);
}

static void case_interleave(void)
{
	interleave_run(7140, 0);
	interleave_run(7141, 1);
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/* SCTP_AUTOCLOSE: an idle association shuts down by itself. */
static void case_autoclose(void)
{
	struct sctp_event_subscribe ev = { .sctp_association_event = 1 };
	int srv = server(SOCK_SEQPACKET, 7040), cli, fd, flags, got = 0;
	union sctp_notification *sn;
	char buf[256];
	sctp_assoc_t id;
	double t0;
	ssize_t n;

	fd = sock_new(SOCK_STREAM);
	FAILS(set_int(fd, SCTP_AUTOCLOSE, 1), EOPNOTSUPP);
	close(fd);
	CHECK(set_int(srv, SCTP_AUTOCLOSE, 2) == 0, "autoclose");
	CHECK(get_int(srv, SCTP_AUTOCLOSE) == 2, "autoclose get");
	CHECK(setopt(srv, SCTP_EVENTS, &ev, sizeof(ev)) == 0, "events");
	cli = client(7040, &id);
	CHECK(send_to(cli, 7040, "ping", 4, 0, 0) == 4, "send");
	t0 = now();
	while (!got && readable(srv, 8000)) {
		n = recv_one(srv, buf, sizeof(buf), NULL, 0, &flags);
		sn = (void *)buf;
		if (n > 0 && (flags & MSG_NOTIFICATION) &&
		    sn->sn_header.sn_type == SCTP_ASSOC_CHANGE &&
		    sn->sn_assoc_change.sac_state == SCTP_SHUTDOWN_COMP)
			got = 1;
	}
	printf("# autoclose 2 s: SHUTDOWN_COMP after %.2f s\n", now() - t0);
	CHECK(got && now() - t0 >= 1.9, "closed %d after %.2f s", got,
	      now() - t0);
	flags = -1;
	CHECK(getopt_(srv, SCTP_GET_ASSOC_NUMBER, &flags, sizeof(flags)) ==
	      0 && flags == 0, "associations left: %d", flags);
	close(cli);
	close(srv);
}

/* SCTP_EVENT, one notification type at a time. */
static void case_event(void)
{
	struct sctp_event e = { .se_assoc_id = SCTP_FUTURE_ASSOC,
				.se_type = SCTP_ASSOC_CHANGE, .se_on = 1 };
	int srv = server(SOCK_SEQPACKET, 7050), cli, flags;
	union sctp_notification *sn;
	struct sctp_event_subscribe ev;
	char buf[256];
	sctp_assoc_t id;
	ssize_t n;

	CHECK(setopt(srv, SCTP_EVENT, &e, sizeof(e)) == 0, "event on");
	e.se_on = 0;
	CHECK(getopt_(srv, SCTP_EVENT, &e, sizeof(e)) == 0 && e.se_on == 1,
	      "event get %u", e.se_on);
	memset(&ev, 0, sizeof(ev));
	CHECK(getopt_(srv, SCTP_EVENTS, &ev, sizeof(ev)) == 0 &&
	      ev.sctp_association_event == 1 && !ev.sctp_shutdown_event,
	      "events view");
	e.se_type = SCTP_SN_TYPE_BASE - 1;
	FAILS(setopt(srv, SCTP_EVENT, &e, sizeof(e)), EINVAL);
	FAILS(getopt_(srv, SCTP_EVENT, &e, 4), EINVAL);
	e.se_type = SCTP_SHUTDOWN_EVENT;
	e.se_assoc_id = 999;
	FAILS(setopt(srv, SCTP_EVENT, &e, sizeof(e)), EINVAL);
	cli = client(7050, &id);
	n = recv_one(srv, buf, sizeof(buf), NULL, 0, &flags);
	sn = (void *)buf;
	CHECK(n > 0 && (flags & MSG_NOTIFICATION) &&
	      sn->sn_header.sn_type == SCTP_ASSOC_CHANGE &&
	      sn->sn_assoc_change.sac_state == SCTP_COMM_UP,
	      "COMM_UP: %zd flags %x", n, flags);
	close(cli);
	close(srv);
}

static int event_set(int fd, sctp_assoc_t id, int type, int on)
{
	struct sctp_event e = { .se_assoc_id = id, .se_type = type,
				.se_on = on };

	return setopt(fd, SCTP_EVENT, &e, sizeof(e));
}

static int event_get(int fd, sctp_assoc_t id, int type)
{
	struct sctp_event e = { .se_assoc_id = id, .se_type = type };

	if (getopt_(fd, SCTP_EVENT, &e, sizeof(e)))
		return -1;
	return e.se_on;
}

/* The next notification's type and association; 0 if none in @ms. */
static int next_note(int fd, int ms, sctp_assoc_t *id, int *state)
{
	union sctp_notification sn;
	char buf[4096];
	int flags;
	ssize_t n;

	while (readable(fd, ms)) {
		n = recv_one(fd, buf, sizeof(buf), NULL, 0, &flags);
		if (n <= 0)
			return 0;
		if (!(flags & MSG_NOTIFICATION))
			continue;
		memcpy(&sn, buf, n < (ssize_t)sizeof(sn) ? (size_t)n : sizeof(sn));
		*state = sn.sn_header.sn_type == SCTP_ASSOC_CHANGE ?
			 sn.sn_assoc_change.sac_state : -1;
		switch (sn.sn_header.sn_type) {
		case SCTP_ASSOC_CHANGE:
			*id = sn.sn_assoc_change.sac_assoc_id;
			break;
		case SCTP_SHUTDOWN_EVENT:
			*id = sn.sn_shutdown_event.sse_assoc_id;
			break;
		case SCTP_SENDER_DRY_EVENT:
			*id = sn.sn_sender_dry_event.sender_dry_assoc_id;
			break;
		default:
			*id = -1;
		}
		return sn.sn_header.sn_type;
	}
	return 0;
}

/* SCTP_EVENT per association (RFC 6458 6.2.2): a one-to-many server
 * with two associations turns SHUTDOWN_EVENT off for the first only,
 * SENDER_DRY_EVENT on for the second only (one comes at once: nothing
 * is queued), then ASSOC_CHANGE off for the live associations
 * (SCTP_CURRENT_ASSOC) but not for new ones.  Both clients close, a
 * third connects: exactly DRY(2), SHUTDOWN(2), COMM_UP(3) arrive.
 */
static void case_subscribe(void)
{
	int srv = server(SOCK_SEQPACKET, 7150), c1, c2, c3, type, state;
	int got_dry = 0, got_shut = 0, got_up = 0, other = 0;
	sctp_assoc_t s1 = 0, s2 = 0, id, cid;

	CHECK(event_set(srv, SCTP_FUTURE_ASSOC, SCTP_ASSOC_CHANGE, 1) == 0 &&
	      event_set(srv, SCTP_FUTURE_ASSOC, SCTP_SHUTDOWN_EVENT, 1) == 0,
	      "socket subscribes");
	c1 = client(7150, &cid);
	type = next_note(srv, 5000, &s1, &state);
	CHECK(type == SCTP_ASSOC_CHANGE && state == SCTP_COMM_UP, "COMM_UP 1");
	c2 = client(7150, &cid);
	type = next_note(srv, 5000, &s2, &state);
	CHECK(type == SCTP_ASSOC_CHANGE && state == SCTP_COMM_UP && s2 != s1,
	      "COMM_UP 2");
	CHECK(event_set(srv, s1, SCTP_SHUTDOWN_EVENT, 0) == 0, "off for 1");
	CHECK(event_get(srv, s1, SCTP_SHUTDOWN_EVENT) == 0 &&
	      event_get(srv, s2, SCTP_SHUTDOWN_EVENT) == 1 &&
	      event_get(srv, SCTP_FUTURE_ASSOC, SCTP_SHUTDOWN_EVENT) == 1,
	      "SHUTDOWN_EVENT: 1 off, 2 and the socket on");
	CHECK(event_set(srv, s2, SCTP_SENDER_DRY_EVENT, 1) == 0, "dry for 2");
	CHECK(event_set(srv, SCTP_CURRENT_ASSOC, SCTP_ASSOC_CHANGE, 0) == 0,
	      "ASSOC_CHANGE off for the live ones");
	CHECK(event_get(srv, s1, SCTP_ASSOC_CHANGE) == 0 &&
	      event_get(srv, s2, SCTP_ASSOC_CHANGE) == 0 &&
	      event_get(srv, SCTP_FUTURE_ASSOC, SCTP_ASSOC_CHANGE) == 1 &&
	      event_get(srv, SCTP_FUTURE_ASSOC, SCTP_SENDER_DRY_EVENT) == 0,
	      "ASSOC_CHANGE: 1 and 2 off, the socket on; dry off there");
	FAILS(event_get(srv, SCTP_CURRENT_ASSOC, SCTP_ASSOC_CHANGE), EINVAL);
	FAILS(event_get(srv, 9999, SCTP_ASSOC_CHANGE), EINVAL);
	FAILS(event_set(srv, 9999, SCTP_ASSOC_CHANGE, 1), EINVAL);
	close(c1);
	close(c2);
	c3 = client(7150, &cid);
	while ((type = next_note(srv, 1000, &id, &state))) {
		if (type == SCTP_SENDER_DRY_EVENT && id == s2)
			got_dry++;
		else if (type == SCTP_SHUTDOWN_EVENT && id == s2)
			got_shut++;
		else if (type == SCTP_ASSOC_CHANGE && state == SCTP_COMM_UP &&
			 id != s1 && id != s2)
			got_up++;
		else
			other++;
		if (other)
			printf("# unexpected: type %#x assoc %d state %d\n",
			       type, id, state);
	}
	CHECK(got_dry == 1 && got_shut == 1 && got_up == 1 && !other,
	      "dry %d, shutdown %d, comm up %d, others %d", got_dry,
	      got_shut, got_up, other);
	close(c3);
	close(srv);
}

static ssize_t send_flags(int fd, int port, const char *text, int flags)
{
	struct sockaddr_in a = addr4("127.0.0.1", port);

	return sctp_sendmsg(fd, text, strlen(text), (struct sockaddr *)&a,
			    sizeof(a), 0, flags, 0, 0, 0);
}

/* sendmsg's SCTP_EOF and SCTP_ABORT (RFC 6458 5.3.2) with the kernel's
 * errnos: EOF with data, an empty message without them, either flag on
 * one-to-one or towards a peer with no association are EINVAL; an
 * empty EOF shuts the association down, an empty ABORT aborts it.
 */
static void case_sflags(void)
{
	int srv = server(SOCK_SEQPACKET, 7160), c1, c2, fd, type, state;
	struct sockaddr_in a = addr4("127.0.0.1", 7160);
	sctp_assoc_t s1, s2, id, cid;

	CHECK(event_set(srv, SCTP_FUTURE_ASSOC, SCTP_ASSOC_CHANGE, 1) == 0 &&
	      event_set(srv, SCTP_FUTURE_ASSOC, SCTP_SHUTDOWN_EVENT, 1) == 0,
	      "subscribe");
	c1 = client(7160, &cid);
	type = next_note(srv, 5000, &s1, &state);
	CHECK(type == SCTP_ASSOC_CHANGE && state == SCTP_COMM_UP, "COMM_UP 1");
	FAILS(send_flags(c1, 7160, "data", SCTP_EOF), EINVAL);
	FAILS(send_flags(c1, 7160, "", 0), EINVAL);
	FAILS(send_flags(c1, 7161, "", SCTP_EOF), EINVAL);
	FAILS(send_flags(c1, 7161, "", SCTP_ABORT), EINVAL);
	fd = sock_new(SOCK_STREAM);
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)))
		die("connect");
	FAILS(send_flags(fd, 7160, "", SCTP_EOF), EINVAL);
	FAILS(send_flags(fd, 7160, "", SCTP_ABORT), EINVAL);
	close(fd);
	type = next_note(srv, 5000, &id, &state);	/* fd's up, down */
	type = next_note(srv, 5000, &id, &state);
	CHECK(type == SCTP_SHUTDOWN_EVENT || type == SCTP_ASSOC_CHANGE,
	      "one-to-one's end: type %#x", type);
	if (type == SCTP_SHUTDOWN_EVENT)
		next_note(srv, 5000, &id, &state);
	CHECK(send_flags(c1, 7160, "", SCTP_EOF) == 0, "EOF");
	type = next_note(srv, 5000, &id, &state);
	CHECK(type == SCTP_SHUTDOWN_EVENT && id == s1, "SHUTDOWN_EVENT: %#x",
	      type);
	type = next_note(srv, 5000, &id, &state);
	CHECK(type == SCTP_ASSOC_CHANGE && state == SCTP_SHUTDOWN_COMP &&
	      id == s1, "SHUTDOWN_COMP: type %#x state %d", type, state);
	c2 = client(7160, &cid);
	type = next_note(srv, 5000, &s2, &state);
	CHECK(type == SCTP_ASSOC_CHANGE && state == SCTP_COMM_UP, "COMM_UP 2");
	CHECK(send_flags(c2, 7160, "", SCTP_ABORT) == 0, "ABORT");
	type = next_note(srv, 5000, &id, &state);
	CHECK(type == SCTP_ASSOC_CHANGE && state == SCTP_COMM_LOST &&
	      id == s2, "COMM_LOST: type %#x state %d", type, state);
	CHECK(!readable(srv, 200), "nothing more");
	close(c1);
	close(c2);
	close(srv);
}

/* SCTP_GET_PEER_ADDR_INFO and SCTP_PRIMARY_ADDR. */
static void case_paddr(void)
{
	int srv = server(SOCK_SEQPACKET, 7060), cli;
	struct sockaddr_in peer = addr4("127.0.0.1", 7060);
	struct sctp_paddrinfo pi;
	struct sctp_prim pr;
	sctp_assoc_t id;

	cli = client(7060, &id);
	memset(&pi, 0, sizeof(pi));
	memcpy(&pi.spinfo_address, &peer, sizeof(peer));
	CHECK(getopt_(cli, SCTP_GET_PEER_ADDR_INFO, &pi, sizeof(pi)) == 0 &&
	      pi.spinfo_assoc_id == id && pi.spinfo_state == SCTP_ACTIVE &&
	      pi.spinfo_mtu == 65535 && pi.spinfo_rto >= 200 &&
	      pi.spinfo_cwnd > 0, "paddrinfo state %d mtu %u rto %u",
	      pi.spinfo_state, pi.spinfo_mtu, pi.spinfo_rto);
	peer.sin_port = htons(7061);
	memcpy(&pi.spinfo_address, &peer, sizeof(peer));
	FAILS(getopt_(cli, SCTP_GET_PEER_ADDR_INFO, &pi, sizeof(pi)), EINVAL);
	memset(&pr, 0, sizeof(pr));
	pr.ssp_assoc_id = id;
	CHECK(getopt_(cli, SCTP_PRIMARY_ADDR, &pr, sizeof(pr)) == 0 &&
	      same_addr((struct sockaddr *)&pr.ssp_addr, "127.0.0.1", 7060),
	      "primary");
	CHECK(setopt(cli, SCTP_PRIMARY_ADDR, &pr, sizeof(pr)) == 0,
	      "primary set to itself");
	memcpy(&pr.ssp_addr, &peer, sizeof(peer));
	FAILS(setopt(cli, SCTP_PRIMARY_ADDR, &pr, sizeof(pr)), EINVAL);
	close(cli);
	close(srv);
}

/* sendmsg with one cmsg of @type holding @len bytes of @data. */
static ssize_t send_cmsg(int fd, int port, const char *text, int type,
			 const void *data, size_t len)
{
	struct sockaddr_in a = addr4("127.0.0.1", port);
	struct iovec iov = { (void *)text, strlen(text) };
	char cbuf[CMSG_SPACE(sizeof(struct sctp_sndrcvinfo))] = { 0 };
	struct msghdr m = { .msg_name = &a, .msg_namelen = sizeof(a),
			    .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = cbuf,
			    .msg_controllen = CMSG_SPACE(len) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);

	c->cmsg_level = IPPROTO_SCTP;
	c->cmsg_type = type;
	c->cmsg_len = CMSG_LEN(len);
	memcpy(CMSG_DATA(c), data, len);
	return sendmsg(fd, &m, 0);
}

/* sendmsg's cmsgs: SCTP_INIT, SNDINFO, PRINFO, AUTHINFO, DSTADDRV4/6. */
static void case_cmsgs(void)
{
	struct sctp_initmsg im = { .sinit_num_ostreams = 3 };
	struct sctp_sndinfo sn = { .snd_sid = 2, .snd_ppid = htonl(42) };
	struct sctp_prinfo pr = { .pr_policy = SCTP_PR_SCTP_TTL,
				  .pr_value = 1000 };
	struct sctp_sndrcvinfo sr = { .sinfo_flags = 0x100 };
	int srv = server(SOCK_SEQPACKET, 7070), cli;
	struct in_addr dst = { htonl(INADDR_LOOPBACK) };
	struct sctp_authinfo au = { 1 };
	char buf[256], cbuf[256];
	struct sctp_rcvinfo *ri;
	struct sctp_status st;
	ssize_t n;

	CHECK(set_int(srv, SCTP_RECVRCVINFO, 1) == 0, "recvrcvinfo");
	cli = sock_new(SOCK_SEQPACKET);
	CHECK(send_cmsg(cli, 7070, "init", SCTP_INIT, &im, sizeof(im)) == 4,
	      "implicit set-up with SCTP_INIT");
	n = recv_data(srv, buf, sizeof(buf), cbuf, sizeof(cbuf));
	ri = cmsg_find(cbuf, sizeof(cbuf), SCTP_RCVINFO);
	CHECK(n == 4 && ri, "init message: %zd", n);
	memset(&st, 0, sizeof(st));
	st.sstat_assoc_id = ri ? ri->rcv_assoc_id : 0;
	CHECK(getopt_(srv, SCTP_STATUS, &st, sizeof(st)) == 0 &&
	      st.sstat_instrms == 3, "peer asked for %u streams",
	      st.sstat_instrms);
	CHECK(send_cmsg(cli, 7070, "sndinfo", SCTP_SNDINFO, &sn,
			sizeof(sn)) == 7, "SCTP_SNDINFO");
	n = recv_data(srv, buf, sizeof(buf), cbuf, sizeof(cbuf));
	ri = cmsg_find(cbuf, sizeof(cbuf), SCTP_RCVINFO);
	CHECK(n == 7 && ri && ri->rcv_sid == 2 && ri->rcv_ppid == htonl(42),
	      "sndinfo message: %zd", n);
	CHECK(send_cmsg(cli, 7070, "prinfo", SCTP_PRINFO, &pr,
			sizeof(pr)) == 6, "SCTP_PRINFO, sent reliably");
	n = recv_data(srv, buf, sizeof(buf), cbuf, sizeof(cbuf));
	CHECK(n == 6 && !memcmp(buf, "prinfo", 6), "prinfo message: %zd", n);
	CHECK(send_cmsg(cli, 7070, "dst", SCTP_DSTADDRV4, &dst,
			sizeof(dst)) == 3, "SCTP_DSTADDRV4");
	pr.pr_policy = 0x40;
	FAILS(send_cmsg(cli, 7070, "x", SCTP_PRINFO, &pr, sizeof(pr)), EINVAL);
	FAILS(send_cmsg(cli, 7070, "x", SCTP_AUTHINFO, &au, sizeof(au)),
	      EINVAL);
	FAILS(send_cmsg(cli, 7070, "x", SCTP_SNDRCV, &sr, sizeof(sr)), EINVAL);
	FAILS(send_cmsg(cli, 7070, "x", SCTP_SNDINFO, &sn, sizeof(sn) - 1),
	      EINVAL);
	/* as sctp.ko: a short one matters only for a new association */
	CHECK(send_cmsg(cli, 7070, "x", SCTP_DSTADDRV4, &dst, 2) == 1,
	      "short SCTP_DSTADDRV4, association up");
	FAILS(send_cmsg(cli, 7071, "x", SCTP_DSTADDRV4, &dst, 2), EINVAL);
	CHECK(send_cmsg(cli, 7070, "x", SCTP_DSTADDRV6, &dst, 4) == 1,
	      "short SCTP_DSTADDRV6, association up");
	FAILS(send_cmsg(cli, 7071, "x", SCTP_DSTADDRV6, &dst, 4), EINVAL);
	FAILS(send_cmsg(cli, 7070, "x", 77, &dst, sizeof(dst)), EINVAL);
	close(cli);
	close(srv);
}

/* The association id of the next data message on @fd. */
static sctp_assoc_t recv_id(int fd, char *buf, size_t len, ssize_t *n)
{
	char cbuf[256];
	struct sctp_rcvinfo *ri;

	*n = recv_data(fd, buf, len, cbuf, sizeof(cbuf));
	ri = cmsg_find(cbuf, sizeof(cbuf), SCTP_RCVINFO);
	return ri ? ri->rcv_assoc_id : 0;
}

enum { PEEL_MSGS = 2000, PEEL_AT = 300 };

/* A child sending PEEL_MSGS numbered messages as fast as it can. */
static pid_t peel_sender(int port)
{
	sctp_assoc_t id;
	char m[16];
	pid_t pid;
	int fd, i;

	pid = fork();
	if (pid)
		return pid;
	fd = client(port, &id);
	for (i = 0; i < PEEL_MSGS; i++) {
		snprintf(m, sizeof(m), "%d", i);
		if (send_to(fd, port, m, strlen(m) + 1, 0, 0) < 0)
			_exit(1);
	}
	wait_acked(fd, id);
	sleep(1);
	_exit(0);
}

/* sctp_peeloff(): the association, its queued messages and what
 * follows move to a new socket; nothing lost, nothing twice.
 */
static void case_peeloff(void)
{
	int srv = server(SOCK_SEQPACKET, 7080), pfd, fd, i, n2, st;
	struct sockaddr_in peer;
	socklen_t plen = sizeof(peer);
	sctp_assoc_t id, cid;
	char buf[64];
	pid_t pid;
	ssize_t n;

	CHECK(set_int(srv, SCTP_RECVRCVINFO, 1) == 0, "recvrcvinfo");
	pid = peel_sender(7080);
	/* some messages read from the one-to-many socket ... */
	for (i = 0, id = 0; i < PEEL_AT; i++) {
		id = recv_id(srv, buf, sizeof(buf), &n);
		if (n <= 0 || atoi(buf) != i)
			break;
	}
	CHECK(i == PEEL_AT, "before peeloff: message %d is %s", i, buf);
	/* ... the rest, queued or still to come, from the peeled one */
	pfd = sctp_peeloff(srv, id);
	CHECK(pfd > 0, "sctp_peeloff(%d) = %d", id, pfd);
	if (pfd < 0)
		return;
	for (; i < PEEL_MSGS; i++) {
		recv_id(pfd, buf, sizeof(buf), &n);
		if (n <= 0 || atoi(buf) != i)
			break;
	}
	CHECK(i == PEEL_MSGS, "after peeloff: message %d is '%s' (%zd)", i,
	      buf, n);
	CHECK(!readable(srv, 100), "the one-to-many socket got more");
	FAILS(sctp_peeloff(srv, id), EINVAL);
	FAILS(sctp_peeloff(pfd, id), EINVAL);
	n2 = -1;
	CHECK(getopt_(srv, SCTP_GET_ASSOC_NUMBER, &n2, sizeof(n2)) == 0 &&
	      n2 == 0, "left on the one-to-many socket: %d", n2);
	CHECK(getpeername(pfd, (struct sockaddr *)&peer, &plen) == 0 &&
	      peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
	      "getpeername");
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && !WEXITSTATUS(st), "sender: %x", st);
	close(pfd);

	/* the peeled socket sends without an address; flags apply */
	fd = client(7080, &cid);
	send_to(fd, 7080, "hi", 3, 0, 0);
	id = recv_id(srv, buf, sizeof(buf), &n);
	/* Debian's libsctp declares sctp_peeloff_flags() but lacks it */
	{
		sctp_peeloff_flags_arg_t pf = { { id, 0 }, SOCK_NONBLOCK };
		socklen_t len = sizeof(pf);

		pfd = getsockopt(srv, SOL_SCTP, SCTP_SOCKOPT_PEELOFF_FLAGS,
				 &pf, &len);
		CHECK(pfd == pf.p_arg.sd, "peeloff flags: %d, sd %d", pfd,
		      pf.p_arg.sd);
	}
	CHECK(pfd > 0 && (fcntl(pfd, F_GETFL) & O_NONBLOCK), "flags");
	CHECK(send(pfd, "back", 5, 0) == 5, "send on the peeled socket");
	n = recv_data(fd, buf, sizeof(buf), buf + 32, 0);
	CHECK(n == 5 && !strcmp(buf, "back"), "client got %zd", n);
	close(pfd);
	close(fd);
	fd = sock_new(SOCK_STREAM);
	FAILS(sctp_peeloff(fd, 3), EINVAL);
	FAILS(sctp_peeloff(srv, 4242), EINVAL);
	close(fd);
	close(srv);
}

/* The next notification of @type on @fd within 5 s, data skipped. */
static ssize_t wait_notification(int fd, int type, char *buf, size_t len)
{
	union sctp_notification *sn = (void *)buf;
	ssize_t n;
	int flags;

	for (;;) {
		n = recv_one(fd, buf, len, NULL, 0, &flags);
		if (n <= 0)
			return -1;
		if ((flags & MSG_NOTIFICATION) && sn->sn_header.sn_type == type)
			return n;
	}
}

enum { FAIL_MSG = 1000, FAIL_MAX = 3000 };

/* One send-failed notification at @buf, @n bytes: its data must be
 * whole and from one message of fail_run's.  Returns the data bytes,
 * or -1 if something is off; *unsent counts those never sent.
 */
static ssize_t failed_check(const char *buf, ssize_t n, sctp_assoc_t id,
			    int *unsent)
{
	const struct sctp_send_failed_event *e = (const void *)buf;
	const struct sctp_send_failed *f = (const void *)buf;
	int old = e->ssf_type == SCTP_SEND_FAILED;
	size_t hdr = old ? sizeof(*f) : sizeof(*e);
	const unsigned char *d = (const unsigned char *)buf + hdr;
	ssize_t i, len = n - hdr;

	*unsent += e->ssf_flags == SCTP_DATA_UNSENT;	/* it is 0 */
	if (len <= 0 || e->ssf_length != n || d[0] < 'a' || d[0] > 'z')
		return -1;
	if (old ? f->ssf_info.sinfo_stream != 3 ||
		  f->ssf_info.sinfo_ppid != htonl(7) || f->ssf_assoc_id != id :
		  e->ssfe_info.snd_sid != 3 ||
		  e->ssfe_info.snd_ppid != htonl(7) || e->ssf_assoc_id != id)
		return -1;
	for (i = 1; i < len; i++)
		if (d[i] != d[0])
			return -1;
	return len;
}

/* A peer with a small window reads nothing, then aborts: what it did
 * not acknowledge fails, sent or still queued, each chunk with its data.
 * @old: the SCTP_SEND_FAILED struct instead of SCTP_SEND_FAILED_EVENT.
 */
static void fail_run(int port, int old)
{
	struct sctp_event_subscribe ev = { .sctp_association_event = 1 };
	int srv = server(SOCK_SEQPACKET, port), cli, i, sent = 0, nfail = 0;
	int unsent = 0, bad = 0, rcv = 8192, type;
	static char msg[FAIL_MSG], buf[FAIL_MSG + 256];
	struct linger lg = { 1, 0 };
	long failed = 0;
	sctp_assoc_t id;
	ssize_t n;

	if (old)
		ev.sctp_send_failure_event = 1;		/* SCTP_SEND_FAILED */
	else
		ev.sctp_send_failure_event_event = 1;
	type = old ? SCTP_SEND_FAILED : SCTP_SEND_FAILED_EVENT;
	if (setsockopt(srv, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof(rcv)))
		die("SO_RCVBUF");
	cli = client(port, &id);
	CHECK(setopt(cli, SCTP_EVENTS, &ev, sizeof(ev)) == 0, "events");
	fcntl(cli, F_SETFL, O_NONBLOCK);
	for (i = 0; i < FAIL_MAX; i++) {
		memset(msg, 'a' + i % 26, sizeof(msg));
		if (send_to(cli, port, msg, sizeof(msg), htonl(7), 3) < 0)
			break;
		sent += sizeof(msg);
	}
	fcntl(cli, F_SETFL, 0);
	CHECK(sent >= 2 * FAIL_MSG, "sent only %d", sent);
	setsockopt(srv, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(srv);
	n = wait_notification(cli, SCTP_ASSOC_CHANGE, buf, sizeof(buf));
	CHECK(n > 0 && ((struct sctp_assoc_change *)buf)->sac_state ==
	      SCTP_COMM_LOST, "COMM_LOST first");
	while (readable(cli, 500) &&
	       (n = recv_one(cli, buf, sizeof(buf), NULL, 0, &i)) > 0) {
		if (!(i & MSG_NOTIFICATION))
			continue;
		if (((union sctp_notification *)buf)->sn_header.sn_type !=
		    type) {
			bad++;
			continue;
		}
		nfail++;
		n = failed_check(buf, n, id, &unsent);
		if (n < 0)
			bad++;
		else
			failed += n;
	}
	printf("# %s: sent %d bytes; %d notifications (%d unsent) for %ld bytes\n",
	       old ? "SEND_FAILED" : "SEND_FAILED_EVENT", sent, nfail, unsent,
	       failed);
	CHECK(nfail > 0 && unsent > 0 && !bad && failed <= sent &&
	      failed > sent / 2, "%d notifications, %d bad", nfail, bad);
	close(cli);
}

/* SCTP_SENDER_DRY_EVENT; SCTP_SEND_FAILED_EVENT and SCTP_SEND_FAILED. */
static void case_notify(void)
{
	struct sctp_event_subscribe ev = { .sctp_sender_dry_event = 1 };
	int srv = server(SOCK_SEQPACKET, 7090), cli;
	char buf[256];
	sctp_assoc_t id;
	ssize_t n;

	cli = client(7090, &id);
	CHECK(setopt(cli, SCTP_EVENTS, &ev, sizeof(ev)) == 0, "events");
	CHECK(send_to(cli, 7090, "dry?", 4, 0, 0) == 4, "send");
	n = wait_notification(cli, SCTP_SENDER_DRY_EVENT, buf, sizeof(buf));
	CHECK(n == sizeof(struct sctp_sender_dry_event),
	      "SENDER_DRY after the ack: %zd", n);
	close(cli);
	close(srv);
	fail_run(7091, 0);
	fail_run(7092, 1);
}

/* SCTP_REMOTE_ERROR: tools/peer.py --error at @ip:@port sends an
 * ERROR with two causes once the association is up.
 */
static void case_remote_error(const char *ip, int port)
{
	struct sctp_event_subscribe ev = { .sctp_peer_error_event = 1 };
	struct sockaddr_in a = addr4(ip, port);
	struct sctp_remote_error *re;
	static const char want[] = "asctp-test";
	char buf[256];
	sctp_assoc_t id;
	int fd = sock_new(SOCK_SEQPACKET);
	ssize_t n;

	CHECK(setopt(fd, SCTP_EVENTS, &ev, sizeof(ev)) == 0, "events");
	if (sctp_connectx(fd, (struct sockaddr *)&a, 1, &id))
		die("sctp_connectx");
	re = (void *)buf;
	n = wait_notification(fd, SCTP_REMOTE_ERROR, buf, sizeof(buf));
	CHECK(n == sizeof(*re) + 4 && re->sre_length == n &&
	      re->sre_error == htons(1) && re->sre_assoc_id == id &&
	      re->sre_data[0] == 0 && re->sre_data[1] == 7,
	      "first cause: %zd bytes, code %u", n, ntohs(re->sre_error));
	n = wait_notification(fd, SCTP_REMOTE_ERROR, buf, sizeof(buf));
	CHECK(n == (ssize_t)(sizeof(*re) + strlen(want)) &&
	      re->sre_error == htons(13) &&
	      !memcmp(re->sre_data, want, strlen(want)),
	      "second cause: %zd bytes, code %u", n, ntohs(re->sre_error));
	close(fd);
}

static int assoc_stats(int fd, sctp_assoc_t id, struct sctp_assoc_stats *st)
{
	memset(st, 0, sizeof(*st));
	st->sas_assoc_id = id;
	return getopt_(fd, SCTP_GET_ASSOC_STATS, st, sizeof(*st));
}

/* SCTP_GET_ASSOC_STATS counts what both ends did. */
static void case_stats(void)
{
	int srv = server(SOCK_SEQPACKET, 7100), cli, i;
	struct sctp_assoc_stats c, s;
	sctp_assoc_t id, sid = 0;
	char buf[64];
	ssize_t n;

	CHECK(set_int(srv, SCTP_RECVRCVINFO, 1) == 0, "recvrcvinfo");
	cli = client(7100, &id);
	for (i = 0; i < 15; i++) {
		struct sockaddr_in a = addr4("127.0.0.1", 7100);

		if (sctp_sendmsg(cli, "m", 1, (struct sockaddr *)&a, sizeof(a),
				 0, i < 10 ? 0 : SCTP_UNORDERED, 0, 0, 0) != 1)
			die("send");
	}
	for (i = 0; i < 15; i++)
		sid = recv_id(srv, buf, sizeof(buf), &n);
	wait_acked(cli, id);
	CHECK(assoc_stats(cli, id, &c) == 0, "client stats");
	CHECK(assoc_stats(srv, sid, &s) == 0, "server stats");
	printf("# client: od %llu uod %llu opackets %llu isacks %llu octrl %llu ictrl %llu maxrto %llu\n",
	       c.sas_oodchunks, c.sas_ouodchunks, c.sas_opackets,
	       c.sas_isacks, c.sas_octrlchunks, c.sas_ictrlchunks,
	       c.sas_maxrto);
	printf("# server: id %llu iud %llu ipackets %llu osacks %llu octrl %llu dup %llu\n",
	       s.sas_iodchunks, s.sas_iuodchunks, s.sas_ipackets,
	       s.sas_osacks, s.sas_octrlchunks, s.sas_idupchunks);
	/* the client sent INIT and COOKIE ECHO, got INIT ACK, COOKIE ACK
	 * and the SACKs; the server's association began after its INIT ACK
	 */
	CHECK(c.sas_oodchunks == 10 && c.sas_ouodchunks == 5 &&
	      c.sas_rtxchunks == 0 && c.sas_isacks >= 1 &&
	      c.sas_opackets >= 2 && c.sas_octrlchunks >= 2 &&
	      c.sas_ictrlchunks >= 2 + c.sas_isacks &&
	      c.sas_ipackets >= c.sas_isacks, "client counters");
	CHECK(s.sas_iodchunks == 10 && s.sas_iuodchunks == 5 &&
	      s.sas_idupchunks == 0 && s.sas_osacks >= 1 &&
	      s.sas_octrlchunks >= 1 + s.sas_osacks && s.sas_ipackets >= 1,
	      "server counters");
	CHECK(c.sas_maxrto >= 1000 &&
	      same_addr((struct sockaddr *)&c.sas_obs_rto_ipaddr, "127.0.0.1",
			7100), "max rto %llu", c.sas_maxrto);
	CHECK(assoc_stats(cli, id, &c) == 0 && c.sas_maxrto == 1000,
	      "new observation period starts at RTO.Min: %llu", c.sas_maxrto);
	FAILS(assoc_stats(cli, id + 100, &c), EINVAL);
	FAILS(getopt_(cli, SCTP_GET_ASSOC_STATS, &c, 2), EINVAL);
	close(cli);
	close(srv);
}

/* Bad input: short buffers, bad pointers, unknown ids and options. */
/* A readable megabyte of zeros: an address array too long for any stack. */
static char zeros[1 << 20];

static void case_errors(void)
{
	static const int per_assoc[] = {
		SCTP_RTOINFO, SCTP_ASSOCINFO, SCTP_DELAYED_SACK, SCTP_MAXSEG,
		SCTP_MAX_BURST, SCTP_CONTEXT, SCTP_DEFAULT_SEND_PARAM,
		SCTP_DEFAULT_SNDINFO, SCTP_STATUS, SCTP_GET_ASSOC_STATS,
	};
	int fd = sock_new(SOCK_SEQPACKET), i;
	char buf[256];
	socklen_t len;

	for (i = 0; i < (int)(sizeof(per_assoc) / sizeof(int)); i++) {
		memset(buf, 0, sizeof(buf));
		*(sctp_assoc_t *)buf = 4242;	/* first field, but: */
		if (per_assoc[i] == SCTP_DEFAULT_SEND_PARAM)
			((struct sctp_sndrcvinfo *)buf)->sinfo_assoc_id = 4242;
		if (per_assoc[i] == SCTP_DEFAULT_SNDINFO)
			((struct sctp_sndinfo *)buf)->snd_assoc_id = 4242;
		len = sizeof(buf);
		errno = 0;
		CHECK(getsockopt(fd, SOL_SCTP, per_assoc[i], buf, &len) == -1 &&
		      errno == EINVAL, "option %d, unknown id", per_assoc[i]);
		len = 2;
		errno = 0;
		CHECK(getsockopt(fd, SOL_SCTP, per_assoc[i], buf, &len) == -1 &&
		      errno == EINVAL, "option %d, 2 bytes", per_assoc[i]);
		len = sizeof(buf);
		errno = 0;
		CHECK(getsockopt(fd, SOL_SCTP, per_assoc[i], (void *)8, &len) ==
		      -1 && errno == EFAULT, "option %d, bad pointer",
		      per_assoc[i]);
	}
	FAILS(setsockopt(fd, SOL_SCTP, SCTP_NODELAY, (void *)8, 4), EFAULT);
	FAILS(setsockopt(fd, SOL_SCTP, SCTP_NODELAY, buf, 2), EINVAL);
	FAILS(setsockopt(fd, SOL_SCTP, SCTP_PARTIAL_DELIVERY_POINT,
			 &(uint32_t){ 1U << 30 }, 4), EINVAL);
	CHECK(setsockopt(fd, SOL_SCTP, SCTP_PARTIAL_DELIVERY_POINT,
			 &(uint32_t){ 4096 }, 4) == 0 &&
	      get_int(fd, SCTP_PARTIAL_DELIVERY_POINT) == 4096, "pd point");
	CHECK(set_int(fd, SCTP_FRAGMENT_INTERLEAVE, 1) == 0 &&
	      get_int(fd, SCTP_FRAGMENT_INTERLEAVE) == 1, "interleave");
	CHECK(set_int(fd, SCTP_I_WANT_MAPPED_V4_ADDR, 1) == 0 &&
	      get_int(fd, SCTP_I_WANT_MAPPED_V4_ADDR) == 1, "mapped v4");
	FAILS(setsockopt(fd, SOL_SCTP, SCTP_SOCKOPT_BINDX_ADD, buf, 0),
	      EINVAL);
	FAILS(setsockopt(fd, SOL_SCTP, SCTP_SOCKOPT_CONNECTX, (void *)8, 16),
	      EFAULT);
	/* readable, as sctp.ko and asctp copy up to 132 KiB in first */
	FAILS(setsockopt(fd, SOL_SCTP, SCTP_SOCKOPT_CONNECTX, zeros, 1 << 20),
	      EINVAL);
	/* what asctp does not do yet says so */
	len = sizeof(buf);
	errno = 0;
	CHECK(getsockopt(fd, SOL_SCTP, SCTP_AUTH_ACTIVE_KEY, buf, &len) ==
	      -1 && errno == ENOPROTOOPT, "auth key");
	close(fd);
}

static int bind_to(int fd, int port)
{
	struct sockaddr_in a = addr4("127.0.0.1", port);

	return bind(fd, (struct sockaddr *)&a, sizeof(a));
}

static int connect_to(int fd, int port)
{
	struct sockaddr_in a = addr4("127.0.0.1", port);

	return connect(fd, (struct sockaddr *)&a, sizeof(a));
}

/* A one-to-one socket with SO_REUSEADDR (@so) or SCTP_REUSE_PORT. */
static int reuse_sock(int so)
{
	int fd = sock_new(SOCK_STREAM), one = 1;

	if (so ? setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) :
		 set_int(fd, SCTP_REUSE_PORT, 1))
		die("reuse");
	return fd;
}

/* @fd, connected, and the socket its listener @lst accepted talk. */
static void reuse_talk(int fd, int lst, int port)
{
	struct sockaddr_in a;
	socklen_t alen = sizeof(a);
	char buf[32];
	int acc;

	acc = accept(lst, (struct sockaddr *)&a, &alen);
	if (acc < 0)
		die("accept");
	CHECK(ntohs(a.sin_port) == port, "peer port %d", ntohs(a.sin_port));
	CHECK(send(fd, "to", 2, 0) == 2 && readable(acc, 5000) &&
	      recv(acc, buf, sizeof(buf), 0) == 2 && !memcmp(buf, "to", 2),
	      "data to %d", port_of(lst));
	CHECK(send(acc, "fro", 3, 0) == 3 && readable(fd, 5000) &&
	      recv(fd, buf, sizeof(buf), 0) == 3 && !memcmp(buf, "fro", 3),
	      "data from %d", port_of(lst));
	close(acc);
}

/* Two one-to-one sockets share @port by SO_REUSEADDR (@so) or
 * SCTP_REUSE_PORT, each associated with its own listener; a listener
 * may join them, a second one may not, nor any socket once one
 * listens, and new associations reach the listener.
 */
static void reuse_run(int so, int port, int l1, int l2)
{
	int c1 = reuse_sock(so), c2 = reuse_sock(so), fd, s1, s2;

	CHECK(bind_to(c1, port) == 0, "first bind");
	fd = sock_new(SOCK_STREAM);
	FAILS(bind_to(fd, port), EADDRINUSE);
	close(fd);
	CHECK(bind_to(c2, port) == 0, "second bind with reuse");
	if (connect_to(c1, port_of(l1)) || connect_to(c2, port_of(l2)))
		die("connect from the shared port");
	reuse_talk(c1, l1, port);
	reuse_talk(c2, l2, port);
	s1 = reuse_sock(so);
	s2 = reuse_sock(so);
	CHECK(bind_to(s1, port) == 0 && bind_to(s2, port) == 0,
	      "third and fourth bind");
	CHECK(listen(s1, 8) == 0, "listen beside connected sockets");
	FAILS(listen(s2, 8), EADDRINUSE);
	fd = reuse_sock(so);
	FAILS(bind_to(fd, port), EADDRINUSE);
	close(fd);
	/* an INIT to the port finds the listener, bound after c1, c2 */
	fd = sock_new(SOCK_STREAM);
	errno = 0;
	if (connect_to(fd, port) == 0)
		reuse_talk(fd, s1, port_of(fd));	/* accept would block */
	else
		CHECK(0, "connect to the shared port");
	close(fd);
	close(s2);
	close(s1);
	close(c2);
	close(c1);
}

/* SCTP_REUSE_PORT and SO_REUSEADDR (RFC 6458 8.1.27; the kernel's). */
static void case_reuse(void)
{
	int l1 = server(SOCK_STREAM, 7110), l2 = server(SOCK_STREAM, 7111);
	int fd, v = 1, one = 1;
	socklen_t len = 2;

	fd = sock_new(SOCK_SEQPACKET);
	FAILS(set_int(fd, SCTP_REUSE_PORT, 1), EOPNOTSUPP);
	CHECK(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ==
	      0, "SO_REUSEADDR on one-to-many");
	close(fd);
	fd = sock_new(SOCK_STREAM);
	CHECK(get_int(fd, SCTP_REUSE_PORT) == 0, "default off");
	FAILS(setopt(fd, SCTP_REUSE_PORT, &v, 2), EINVAL);
	CHECK(set_int(fd, SCTP_REUSE_PORT, 7) == 0 &&
	      get_int(fd, SCTP_REUSE_PORT) == 1, "read back");
	FAILS(getsockopt(fd, SOL_SCTP, SCTP_REUSE_PORT, &v, &len), EINVAL);
	CHECK(bind_to(fd, 0) == 0, "bind");
	FAILS(set_int(fd, SCTP_REUSE_PORT, 0), EFAULT);
	CHECK(get_int(fd, SCTP_REUSE_PORT) == 1, "kept");
	close(fd);
	reuse_run(0, 7112, l1, l2);
	reuse_run(1, 7113, l1, l2);
	close(l2);
	close(l1);
}

/* The next notification or message on @fd: its type, or 0 for data. */
static int next_type(int fd, char *buf, size_t len, ssize_t *n)
{
	int flags;

	*n = recv_one(fd, buf, len, NULL, 0, &flags);
	if (*n <= 0)
		return -1;
	return flags & MSG_NOTIFICATION ?
	       ((union sctp_notification *)buf)->sn_header.sn_type : 0;
}

/* COMM_UP, then SCTP_ADAPTATION_INDICATION with @want if not 0, else
 * the data the peer sent right away (@data).
 */
static void adapt_expect(int fd, uint32_t want, const char *data,
			 const char *who)
{
	union sctp_notification *sn;
	char buf[256];
	sctp_assoc_t id;
	ssize_t n;

	sn = (void *)buf;
	CHECK(next_type(fd, buf, sizeof(buf), &n) == SCTP_ASSOC_CHANGE &&
	      sn->sn_assoc_change.sac_state == SCTP_COMM_UP, "%s: COMM_UP",
	      who);
	id = sn->sn_assoc_change.sac_assoc_id;
	if (!want) {
		CHECK(next_type(fd, buf, sizeof(buf), &n) == 0 &&
		      n == (ssize_t)strlen(data) && !memcmp(buf, data, n),
		      "%s: the data next, no indication (type %x)", who,
		      sn->sn_header.sn_type);
		return;
	}
	CHECK(next_type(fd, buf, sizeof(buf), &n) ==
	      SCTP_ADAPTATION_INDICATION &&
	      n == sizeof(struct sctp_adaptation_event) &&
	      sn->sn_adaptation_event.sai_length == n &&
	      sn->sn_adaptation_event.sai_flags == 0 &&
	      sn->sn_adaptation_event.sai_adaptation_ind == want &&
	      sn->sn_adaptation_event.sai_assoc_id == id,
	      "%s: indication %#x after COMM_UP (type %x, %zd bytes)", who,
	      sn->sn_adaptation_event.sai_adaptation_ind,
	      sn->sn_header.sn_type, n);
}

static void set_adapt(int fd, uint32_t v, int subscribe)
{
	struct sctp_setadaptation sa = { v };
	struct sctp_event_subscribe ev = {
		.sctp_association_event = 1,
		.sctp_adaptation_layer_event = subscribe,
	};

	if (setopt(fd, SCTP_ADAPTATION_LAYER, &sa, sizeof(sa)) ||
	    setopt(fd, SCTP_EVENTS, &ev, sizeof(ev)))
		die("adaptation");
}

/* One-to-many at @port: server and client values and subscriptions. */
static void adapt_1tom(int port, uint32_t sv, int ssub, uint32_t cv,
		       int csub)
{
	int srv = server(SOCK_SEQPACKET, port), cli;
	sctp_assoc_t id;

	set_adapt(srv, sv, ssub);
	cli = sock_new(SOCK_SEQPACKET);
	set_adapt(cli, cv, csub);
	{
		struct sockaddr_in a = addr4("127.0.0.1", port);

		if (sctp_connectx(cli, (struct sockaddr *)&a, 1, &id))
			die("sctp_connectx");
	}
	CHECK(send_to(cli, port, "c2s", 3, 0, 0) == 3, "send");
	CHECK(send_to(srv, port_of(cli), "s2c", 3, 0, 0) == 3, "reply");
	adapt_expect(cli, csub ? sv : 0, "s2c", "client");
	adapt_expect(srv, ssub ? cv : 0, "c2s", "server");
	close(cli);
	close(srv);
}

/* SCTP_ADAPTATION_LAYER and SCTP_ADAPTATION_INDICATION (RFC 6458
 * 8.1.10, 6.1.6): each end learns the other's value right after
 * COMM_UP, if subscribed and the value is not 0.
 */
static void case_adaptation(void)
{
	struct sctp_setadaptation sa = { 0x01020304 };
	struct sctp_event e = { .se_assoc_id = SCTP_FUTURE_ASSOC,
				.se_type = SCTP_ADAPTATION_INDICATION,
				.se_on = 1 };
	int lst, cli, acc, fd = sock_new(SOCK_SEQPACKET);
	socklen_t len = sizeof(sa) + 4;

	FAILS(setopt(fd, SCTP_ADAPTATION_LAYER, &sa, 2), EINVAL);
	FAILS(setopt(fd, SCTP_ADAPTATION_LAYER, &sa, sizeof(sa) + 4), EINVAL);
	CHECK(setopt(fd, SCTP_ADAPTATION_LAYER, &sa, sizeof(sa)) == 0, "set");
	sa.ssb_adaptation_ind = 0;
	CHECK(getsockopt(fd, SOL_SCTP, SCTP_ADAPTATION_LAYER, &sa, &len) ==
	      0 && len == sizeof(sa) && sa.ssb_adaptation_ind == 0x01020304,
	      "read back %#x, %u bytes", sa.ssb_adaptation_ind, len);
	len = 2;
	FAILS(getsockopt(fd, SOL_SCTP, SCTP_ADAPTATION_LAYER, &sa, &len),
	      EINVAL);
	close(fd);

	adapt_1tom(7120, 0x11111111, 1, 0x22222222, 1);
	adapt_1tom(7121, 0x33333333, 0, 0x44444444, 0);	/* unsubscribed */
	adapt_1tom(7122, 0x55555555, 1, 0, 1);		/* client sends none */

	/* one-to-one; the child inherits the listener's subscription */
	lst = server(SOCK_STREAM, 7123);
	set_adapt(lst, 0x66666666, 1);
	cli = sock_new(SOCK_STREAM);
	set_adapt(cli, 0x77777777, 0);
	CHECK(setopt(cli, SCTP_EVENT, &e, sizeof(e)) == 0, "SCTP_EVENT");
	CHECK(connect_to(cli, 7123) == 0, "connect");
	acc = accept(lst, NULL, NULL);
	if (acc < 0)
		die("accept");
	adapt_expect(cli, 0x66666666, NULL, "one-to-one client");
	adapt_expect(acc, 0x77777777, NULL, "one-to-one accepted");
	close(acc);
	close(cli);
	close(lst);
}

enum { PD_MSG = 60000, PD_SID = 2 };

/* A message in partial delivery at the receiver when the sender
 * aborts: PARTIAL_DELIVERY_ABORTED (if @sub) after the pieces, then
 * COMM_LOST.
 */
static void pd_run(int port, int sub)
{
	struct sctp_event_subscribe ev = {
		.sctp_association_event = 1,
		.sctp_partial_delivery_event = sub,
	};
	struct sctp_assoc_value av = { SCTP_FUTURE_ASSOC, 1200 };
	int srv = server(SOCK_SEQPACKET, port), cli, rcv = 8192;
	int snd = 1 << 20, flags, type, eor = 0;
	static char msg[PD_MSG], buf[PD_MSG + 256];
	union sctp_notification *sn = (void *)buf;
	struct linger lg = { 1, 0 };
	sctp_assoc_t id, sid;
	long got = 0;
	ssize_t n;

	if (setsockopt(srv, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof(rcv)) ||
	    setopt(srv, SCTP_EVENTS, &ev, sizeof(ev)))
		die("receiver");
	cli = sock_new(SOCK_SEQPACKET);
	if (setsockopt(cli, SOL_SOCKET, SO_SNDBUF, &snd, sizeof(snd)) ||
	    setopt(cli, SCTP_MAXSEG, &av, sizeof(av)))
		die("sender");
	{
		struct sockaddr_in a = addr4("127.0.0.1", port);

		if (sctp_connectx(cli, (struct sockaddr *)&a, 1, &id))
			die("sctp_connectx");
	}
	CHECK(next_type(srv, buf, sizeof(buf), &n) == SCTP_ASSOC_CHANGE &&
	      sn->sn_assoc_change.sac_state == SCTP_COMM_UP, "COMM_UP");
	sid = sn->sn_assoc_change.sac_assoc_id;
	/* two whole messages first, so the big one has SSN 2 */
	CHECK(send_to(cli, port, "a", 1, 0, PD_SID) == 1 &&
	      send_to(cli, port, "b", 1, 0, PD_SID) == 1, "small sends");
	CHECK(recv_one(srv, buf, sizeof(buf), NULL, 0, &flags) == 1 &&
	      recv_one(srv, buf, sizeof(buf), NULL, 0, &flags) == 1,
	      "small messages");
	memset(msg, 'p', sizeof(msg));
	CHECK(send_to(cli, port, msg, sizeof(msg), 0, PD_SID) == PD_MSG,
	      "big send");
	n = recv_one(srv, buf, 4096, NULL, 0, &flags);
	CHECK(n == 4096 && !(flags & (MSG_EOR | MSG_NOTIFICATION)),
	      "a first piece: %zd bytes, flags %x", n, flags);
	setsockopt(cli, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(cli);
	got = n;
	/* the rest of what came of it, never with MSG_EOR */
	while ((n = recv_one(srv, buf, sizeof(buf), NULL, 0, &flags)) > 0 &&
	       !(flags & MSG_NOTIFICATION)) {
		got += n;
		eor |= flags & MSG_EOR;
	}
	type = n > 0 ? sn->sn_header.sn_type : -1;
	printf("# %s: %ld bytes of %d read before the notification\n",
	       sub ? "subscribed" : "unsubscribed", got, PD_MSG);
	CHECK(got < PD_MSG && !eor, "the message ended: %ld bytes", got);
	if (sub) {
		struct sctp_pdapi_event *pe = &sn->sn_pdapi_event;

		CHECK(type == SCTP_PARTIAL_DELIVERY_EVENT &&
		      n == sizeof(*pe) && pe->pdapi_length == n &&
		      pe->pdapi_indication == SCTP_PARTIAL_DELIVERY_ABORTED &&
		      pe->pdapi_assoc_id == sid &&
		      pe->pdapi_stream == PD_SID && pe->pdapi_seq == 2,
		      "PD ABORTED: type %x, %zd bytes, ind %u, stream %u seq %u",
		      type, n, pe->pdapi_indication, pe->pdapi_stream,
		      pe->pdapi_seq);
		type = next_type(srv, buf, sizeof(buf), &n);
	}
	CHECK(type == SCTP_ASSOC_CHANGE &&
	      sn->sn_assoc_change.sac_state == SCTP_COMM_LOST &&
	      sn->sn_assoc_change.sac_assoc_id == sid,
	      "then COMM_LOST: type %x state %u", type,
	      sn->sn_assoc_change.sac_state);
	CHECK(!readable(srv, 200), "nothing more");
	close(srv);
}

/* SCTP_PARTIAL_DELIVERY_EVENT, SCTP_PARTIAL_DELIVERY_ABORTED. */
static void case_pdabort(void)
{
	pd_run(7130, 1);
	pd_run(7131, 0);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*fn)(void);
	} cases[] = {
		{ "addrs", case_addrs }, { "sndinfo", case_sndinfo },
		{ "frag", case_frag }, { "autoclose", case_autoclose },
		{ "event", case_event }, { "paddr", case_paddr },
		{ "errors", case_errors }, { "cmsgs", case_cmsgs },
		{ "peeloff", case_peeloff }, { "notify", case_notify },
		{ "stats", case_stats }, { "pdpoint", case_pdpoint }, { "reuse", case_reuse },
		{ "adaptation", case_adaptation }, { "pdabort", case_pdabort },
		{ "interleave", case_interleave }, { "subscribe", case_subscribe },
		{ "sflags", case_sflags },
	};
	unsigned int i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGPIPE, SIG_IGN);
	if (argc == 4 && !strcmp(argv[1], "remote-error")) {
		case_remote_error(argv[2], atoi(argv[3]));
		return failures ? 1 : 0;
	}
	for (i = 0; argc == 2 && i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (strcmp(argv[1], cases[i].name))
			continue;
		cases[i].fn();
		return failures ? 1 : 0;
	}
	fprintf(stderr, "usage: sockapi addrs|sndinfo|frag|autoclose|event|paddr|errors|cmsgs|peeloff|notify|stats|reuse|adaptation|pdabort|interleave|subscribe|sflags\n       sockapi remote-error ADDR PORT\n");
	return 2;
}
