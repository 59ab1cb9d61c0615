// SPDX-License-Identifier: GPL-2.0
/*
 * Byte-exact multi-stream message transfer: the client sends a message
 * sequence that is a pure function of SEED and the options, the server
 * regenerates it and checks every byte and every stream's order.
 *
 *   mxfer server|client PROTO ADDR PORT SEED [--bytes N] [--streams S]
 *         [--max-msg M] [--unordered P] [--type stream|seqpacket]
 *         [--nodelay] [--rto MS] [--log-latency FILE (server)]
 *
 * Both sides must be given the same SEED and options.  N (default 32M)
 * and M (default 1M) take a K, M or G suffix (binary).  Message i's
 * stream (0..S-1, default 8), size and unordered flag (P percent,
 * default 25) come from a PRNG seeded by (SEED, i): k uniform in
 * [0, log2 M], the size uniform in [2^k, 2^(k+1)) capped at M; the last
 * message is cut short so that the sizes add up to N.  Its content comes
 * from a second PRNG seeded by (SEED, i).  Both sides ask for S streams
 * each way in SCTP_INITMSG.  PROTO is socket()'s protocol number.  An
 * ADDR with a ':' is IPv6 (AF_INET6 sockets on both sides).
 *
 * The client (--type stream, the default: one-to-one) connects, sends
 * every message with sctp_sendmsg (ppid = i, a diagnostic only), shuts
 * down its side and reads to the end of file; with --type seqpacket
 * (one-to-many) it sends to the address (implicit set-up) and waits for
 * the server's one-byte "done".  It prints
 * "sent <messages> <bytes> in <seconds> s, <MB/s> MB/s".  A message that
 * sctp.ko refuses with EMSGSIZE (longer than the send buffer) makes it
 * raise SO_SNDBUF (SO_SNDBUFFORCE as root), with a line on stderr; one
 * that fails with ENOBUFS or ENOMEM is sent again (counted on stderr).
 *
 * The server prints "listening" once it listens, takes one association
 * and receives with sctp_recvmsg, appending pieces up to MSG_EOR.  The
 * checking rule, under the stream and unordered flag of the first piece:
 * an ordered message must equal (length and every byte) the first
 * ordered message sent on its stream not yet received; an unordered one
 * must equal some unordered message sent on its stream not yet received.
 * Anything else prints "MISMATCH ..." and exits 1.  At the end of file
 * (stream) or once every message is in (seqpacket; it then sends "done"),
 * everything sent must have arrived, or it prints "MISSING ..." and exits
 * 1; else "received <messages> <bytes> streams <S> unordered <U> pieces
 * <P> notifications <N> ok".  --log-latency writes a line per message:
 * "<CLOCK_MONOTONIC ns at its last piece> <stream> <ppid>".
 */
#include "sctp_tool.h"
#include <getopt.h>
#include <signal.h>
#include <stdint.h>

struct msg {
	uint32_t len;
	uint16_t stream;
	uint8_t unord;
	uint8_t got;
};

static struct {
	uint64_t seed, bytes;
	uint32_t max_msg;
	int streams, unordered, seqpacket, nodelay, rto;
	const char *latency;
} opt = { .bytes = 32 << 20, .max_msg = 1 << 20, .streams = 8,
	  .unordered = 25 };

/* The server's address (parse_addr46()): it says the sockets' family. */
static struct sockaddr_storage srv;
static socklen_t srvlen;

static struct msg *msgs;
static size_t nmsgs;

static void __noreturn usage(void)
{
	fprintf(stderr,
		"usage: %s server|client PROTO ADDR PORT SEED [--bytes N] [--streams S]\n"
		"       [--max-msg M] [--unordered P] [--type stream|seqpacket]\n"
		"       [--nodelay] [--rto MS] [--log-latency FILE]\n", prog);
	exit(2);
}

/* splitmix64's output function: a bijection that mixes well. */
static uint64_t mix64(uint64_t z)
{
	z += 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* xorshift64* state for message @i: @what 0 its shape, 1 its content. */
static uint64_t rng_seed(uint64_t i, int what)
{
	uint64_t s = mix64(mix64(opt.seed) ^ (i << 1 | what));

	return s ? s : 1;
}

static uint64_t rng_next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dULL;
}

static void fill(uint8_t *buf, size_t i)
{
	uint64_t s = rng_seed(i, 1), r;
	size_t len = msgs[i].len, n;

	for (n = 0; n < len; n += sizeof(r)) {
		r = rng_next(&s);
		memcpy(buf + n, &r, len - n < sizeof(r) ? len - n : sizeof(r));
	}
}

static void make_msgs(void)
{
	uint64_t total = 0, s, size, span;
	size_t cap = 0;
	int lg = 0;

	while ((2ULL << lg) <= opt.max_msg)
		lg++;
	while (total < opt.bytes) {
		if (nmsgs == cap) {
			cap = cap ? 2 * cap : 4096;
			msgs = realloc(msgs, cap * sizeof(*msgs));
			if (!msgs)
				die("out of memory for %zu messages", cap);
		}
		s = rng_seed(nmsgs, 0);
		msgs[nmsgs].stream = rng_next(&s) % opt.streams;
		span = 1ULL << (rng_next(&s) % (lg + 1));
		size = span + rng_next(&s) % span;
		if (size > opt.max_msg)
			size = opt.max_msg;
		if (size > opt.bytes - total)
			size = opt.bytes - total;
		msgs[nmsgs].len = size;
		msgs[nmsgs].unord = rng_next(&s) % 100 < (uint64_t)opt.unordered;
		msgs[nmsgs].got = 0;
		total += size;
		nmsgs++;
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int mxfer_socket(int proto)
{
	struct sctp_initmsg im = {
		.sinit_num_ostreams = opt.streams,
		.sinit_max_instreams = opt.streams,
	};
	struct sctp_rtoinfo rto = { 0 };
	int fd, one = 1;

	fd = socket(srv.ss_family, opt.seqpacket ? SOCK_SEQPACKET : SOCK_STREAM,
		    proto);
	if (fd < 0)
		die_errno("socket");
	if (setsockopt(fd, SOL_SCTP, SCTP_INITMSG, &im, sizeof(im)) < 0)
		die_errno("setsockopt SCTP_INITMSG");
	if (opt.nodelay &&
	    setsockopt(fd, SOL_SCTP, SCTP_NODELAY, &one, sizeof(one)) < 0)
		die_errno("setsockopt SCTP_NODELAY");
	/* --rto: RTO.Initial, RTO.Min and RTO.Max all MS, a fixed RTO */
	rto.srto_initial = rto.srto_min = rto.srto_max = opt.rto;
	if (opt.rto &&
	    setsockopt(fd, SOL_SCTP, SCTP_RTOINFO, &rto, sizeof(rto)) < 0)
		die_errno("setsockopt SCTP_RTOINFO");
	return fd;
}

/* An association change other than COMM_UP on a one-to-many socket. */
static int assoc_ended(const void *buf, ssize_t n)
{
	const struct sctp_assoc_change *ac = buf;

	return n >= (ssize_t)sizeof(*ac) && ac->sac_type == SCTP_ASSOC_CHANGE &&
	       ac->sac_state != SCTP_COMM_UP;
}

/*
 * sctp.ko fails a message longer than the send buffer with EMSGSIZE:
 * make room for message @i (SO_SNDBUFFORCE past net.core.wmem_max).
 */
static int raise_sndbuf(int fd, size_t i)
{
	int want = msgs[i].len, have = 0;
	socklen_t len = sizeof(have);

	if (getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &have, &len) < 0)
		die_errno("getsockopt SO_SNDBUF");
	if (have >= want)
		return 0;
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &want, sizeof(want)) &&
	    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &want, sizeof(want)))
		die_errno("setsockopt SO_SNDBUF");
	fprintf(stderr, "%s: SO_SNDBUF %d raised for a %d-byte message\n",
		prog, have, want);
	if (getsockopt(fd, SOL_SOCKET, SO_SNDBUF, &have, &len) < 0)
		die_errno("getsockopt SO_SNDBUF");
	if (have < want)
		die("SO_SNDBUF %d < %d: raise net.core.wmem_max", have, want);
	return 1;
}

/* A send that failed for want of memory queued nothing (all or none,
 * RFC 9260 6.9): try it again.  Fault injection makes these.
 */
static int nomem(size_t *retried)
{
	if (errno != ENOBUFS && errno != ENOMEM)
		return 0;
	++*retried;
	return 1;
}

static void client(int proto)
{
	const struct sockaddr *to = opt.seqpacket ? (void *)&srv : NULL;
	uint8_t *buf = malloc(opt.max_msg);
	struct sctp_sndrcvinfo sinfo;
	double start = now(), t;
	size_t retried = 0;
	int fd, flags;
	ssize_t n;
	size_t i;
	char c;

	if (!buf)
		die("out of memory");
	fd = mxfer_socket(proto);
	if (!opt.seqpacket &&
	    connect(fd, (const struct sockaddr *)&srv, srvlen) < 0)
		die_errno("connect");
	subscribe(fd, opt.seqpacket);
	for (i = 0; i < nmsgs; i++) {
		fill(buf, i);
		do {
			n = sctp_sendmsg(fd, buf, msgs[i].len,
					 (struct sockaddr *)to,
					 to ? srvlen : 0, htonl(i),
					 msgs[i].unord ? SCTP_UNORDERED : 0,
					 msgs[i].stream, 0, 0);
		} while ((n < 0 && errno == EMSGSIZE && raise_sndbuf(fd, i)) ||
			 (n < 0 && nomem(&retried)));
		if (n != (ssize_t)msgs[i].len)
			die_errno("sctp_sendmsg");
	}
	if (retried)
		fprintf(stderr, "mxfer: %zu sends failed for want of memory, retried\n",
			retried);
	if (!opt.seqpacket && shutdown(fd, SHUT_WR) < 0)
		die_errno("shutdown");
	for (;;) {	/* to the end of file, or "done" */
		flags = 0;
		n = sctp_recvmsg(fd, buf, opt.max_msg, NULL, NULL, &sinfo,
				 &flags);
		/* sctp.ko: ENOTCONN once the SHUTDOWN we began completes */
		if (!opt.seqpacket && (!n || (n < 0 && errno == ENOTCONN)))
			break;
		if (n < 0)
			die_errno("sctp_recvmsg");
		if (flags & MSG_NOTIFICATION) {
			if (assoc_ended(buf, n))
				die("association ended before \"done\"");
			continue;
		}
		c = n ? buf[0] : 0;
		if (!opt.seqpacket || n != 1 || c != 'd')
			die("unexpected %zd bytes from the server", n);
		break;
	}
	t = now() - start;
	close(fd);
	printf("sent %zu %llu in %.3f s, %.2f MB/s\n", nmsgs,
	       (unsigned long long)opt.bytes, t, opt.bytes / 1e6 / t);
}

/* Per stream, the next ordered message due and the first unordered one. */
static size_t *ohead, *uhead;
static uint8_t *expect;

/* The first message from @i on, on @s, @unord as given, not received. */
static size_t next_due(size_t i, int s, int unord)
{
	while (i < nmsgs && (msgs[i].stream != s || msgs[i].unord != unord ||
			     msgs[i].got))
		i++;
	return i;
}

static int same(const uint8_t *buf, size_t len, size_t i)
{
	if (msgs[i].len != len)
		return 0;
	fill(expect, i);
	return !memcmp(buf, expect, len);
}

/* The message @buf matches, as ordered or not on @s: its index or -1. */
static long match(const uint8_t *buf, size_t len, int s, int unord)
{
	size_t i = ohead[s];

	if (!unord)
		return i < nmsgs && same(buf, len, i) ? (long)i : -1;
	for (i = uhead[s]; i < nmsgs; i = next_due(i + 1, s, 1))
		if (same(buf, len, i))
			return i;
	return -1;
}

static void hex(const char *what, const uint8_t *buf, size_t len)
{
	size_t n;

	printf(" %s", what);
	for (n = 0; n < len && n < 16; n++)
		printf("%s%02x", n ? "" : " ", buf[n]);
}

static void __noreturn mismatch(const uint8_t *buf, size_t len, int s,
				int unord, uint32_t ppid)
{
	long other = match(buf, len, s, !unord);
	size_t i = ohead[s];

	printf("MISMATCH %s stream %d: got len %zu (ppid %u)",
	       unord ? "unordered" : "ordered", s, len, ppid);
	hex("first bytes", buf, len);
	if (!unord && i < nmsgs) {
		printf(", expected message %zu len %u", i, msgs[i].len);
		fill(expect, i);
		hex("first bytes", expect, msgs[i].len);
	} else {
		printf(", expected %s", unord ?
		       "one of the outstanding unordered messages" : "nothing");
	}
	if (other >= 0)
		printf("; it is %s message %ld", unord ? "ordered" : "unordered",
		       other);
	printf("\n");
	exit(1);
}

static void server(int proto)
{
	size_t cap = (size_t)opt.max_msg + 64, have = 0, done = 0, i;
	unsigned long long rbytes = 0, unord = 0, pieces = 0, notes = 0;
	uint8_t *buf = malloc(cap);
	struct sctp_sndrcvinfo sinfo, first;
	struct sockaddr_storage from, peer;
	socklen_t fromlen, peerlen = 0;
	FILE *lat = NULL;
	int fd, lfd, flags, s, u;
	struct timespec ts;
	ssize_t n;
	long m;

	ohead = calloc(opt.streams, sizeof(*ohead));
	uhead = calloc(opt.streams, sizeof(*uhead));
	expect = malloc(opt.max_msg);
	if (!buf || !ohead || !uhead || !expect)
		die("out of memory");
	for (s = 0; s < opt.streams; s++) {
		ohead[s] = next_due(0, s, 0);
		uhead[s] = next_due(0, s, 1);
	}
	if (opt.latency) {
		lat = fopen(opt.latency, "w");
		if (!lat)
			die_errno(opt.latency);
	}
	lfd = mxfer_socket(proto);
	fd = lfd;
	subscribe(lfd, opt.seqpacket);
	if (bind(lfd, (const struct sockaddr *)&srv, srvlen) < 0)
		die_errno("bind");
	if (listen(lfd, 5) < 0)
		die_errno("listen");
	printf("listening\n");
	fflush(stdout);
	if (!opt.seqpacket) {
		fd = accept(lfd, NULL, NULL);
		if (fd < 0)
			die_errno("accept");
		close(lfd);
		subscribe(fd, 0);
	}
	while (done < nmsgs || !opt.seqpacket) {
		flags = 0;
		fromlen = sizeof(from);
		memset(&sinfo, 0, sizeof(sinfo));
		n = sctp_recvmsg(fd, buf + have, cap - have,
				 (struct sockaddr *)&from, &fromlen, &sinfo,
				 &flags);
		if (n < 0)
			die_errno("sctp_recvmsg");
		if (n == 0 && !opt.seqpacket)
			break;
		if (flags & MSG_NOTIFICATION) {
			notes += !!(flags & MSG_EOR);
			if (opt.seqpacket && assoc_ended(buf + have, n))
				break;
			continue;
		}
		pieces++;
		peer = from;
		peerlen = fromlen;
		if (!have)
			first = sinfo;
		else if (sinfo.sinfo_stream != first.sinfo_stream)
			die("a piece on stream %u continues a message on %u",
			    sinfo.sinfo_stream, first.sinfo_stream);
		have += n;
		if (!(flags & MSG_EOR)) {
			if (have == cap)
				die("a message longer than %zu bytes", cap);
			continue;
		}
		s = first.sinfo_stream;
		u = !!(first.sinfo_flags & SCTP_UNORDERED);
		if (s >= opt.streams)
			die("a message on stream %d, only %d used", s,
			    opt.streams);
		m = match(buf, have, s, u);
		if (m < 0)
			mismatch(buf, have, s, u, ntohl(first.sinfo_ppid));
		msgs[m].got = 1;
		if (u)
			uhead[s] = next_due(uhead[s], s, 1);
		else
			ohead[s] = next_due(ohead[s], s, 0);
		if (lat) {
			clock_gettime(CLOCK_MONOTONIC, &ts);
			fprintf(lat, "%llu %d %u\n",
				ts.tv_sec * 1000000000ULL + ts.tv_nsec, s,
				ntohl(first.sinfo_ppid));
		}
		done++;
		rbytes += have;
		unord += u;
		have = 0;
	}
	if (lat && fclose(lat))
		die_errno(opt.latency);
	if (have || done < nmsgs) {
		for (i = 0; i < nmsgs && msgs[i].got; i++)
			;
		printf("MISSING received %zu/%zu messages %llu/%llu bytes",
		       done, nmsgs, rbytes, (unsigned long long)opt.bytes);
		if (i < nmsgs)
			printf(", first missing message %zu stream %u len %u %s",
			       i, msgs[i].stream, msgs[i].len,
			       msgs[i].unord ? "unordered" : "ordered");
		if (have)
			printf(", %zu bytes of a message cut off", have);
		printf("\n");
		exit(1);
	}
	if (opt.seqpacket &&
	    sctp_sendmsg(fd, "d", 1, (struct sockaddr *)&peer, peerlen,
			 0, 0, 0, 0, 0) != 1)
		die_errno("sctp_sendmsg done");
	close(fd);
	printf("received %zu %llu streams %d unordered %llu pieces %llu notifications %llu ok\n",
	       done, rbytes, opt.streams, unord, pieces, notes);
}

static uint64_t parse_size(const char *s, const char *what, uint64_t max)
{
	uint64_t v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (*end && !end[1] && strchr("KMG", *end)) {
		v <<= *end == 'K' ? 10 : *end == 'M' ? 20 : 30;
		end++;
	}
	if (errno || end == s || *end || !v || v > max || *s == '-')
		die("bad %s '%s' (1..%llu, K, M or G after it)", what, s,
		    (unsigned long long)max);
	return v;
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "bytes", required_argument, NULL, 'b' },
		{ "streams", required_argument, NULL, 's' },
		{ "max-msg", required_argument, NULL, 'm' },
		{ "unordered", required_argument, NULL, 'u' },
		{ "type", required_argument, NULL, 't' },
		{ "nodelay", no_argument, NULL, 'n' },
		{ "rto", required_argument, NULL, 'r' },
		{ "log-latency", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	int c, proto;
	char *end;

	prog = "mxfer";
	while ((c = getopt_long(argc, argv, "", lopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			opt.bytes = parse_size(optarg, "byte count", 1ULL << 40);
			break;
		case 's':
			opt.streams = parse_int(optarg, "stream count", 1, 65535);
			break;
		case 'm':
			opt.max_msg = parse_size(optarg, "message size", 1 << 28);
			break;
		case 'u':
			opt.unordered = parse_int(optarg, "percent", 0, 100);
			break;
		case 't':
			if (strcmp(optarg, "stream") && strcmp(optarg, "seqpacket"))
				usage();
			opt.seqpacket = !strcmp(optarg, "seqpacket");
			break;
		case 'n':
			opt.nodelay = 1;
			break;
		case 'r':
			opt.rto = parse_int(optarg, "RTO ms", 1, 60000);
			break;
		case 'l':
			opt.latency = optarg;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 5)
		usage();
	proto = parse_int(argv[optind + 1], "protocol", 0, 255);
	srvlen = parse_addr46(&srv, argv[optind + 2], argv[optind + 3]);
	errno = 0;
	opt.seed = strtoull(argv[optind + 4], &end, 0);
	if (errno || !*argv[optind + 4] || *end)
		die("bad seed '%s'", argv[optind + 4]);
	signal(SIGPIPE, SIG_IGN);	/* a dead peer is EPIPE, said aloud */
	make_msgs();
	if (!strcmp(argv[optind], "server"))
		server(proto);
	else if (!strcmp(argv[optind], "client"))
		client(proto);
	else
		usage();
	return 0;
}
