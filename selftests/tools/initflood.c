// SPDX-License-Identifier: GPL-2.0
/*
 * An INIT flood from spoofed sources (issue 7: SCTP's cookie handshake
 * must keep no state before a valid COOKIE ECHO).
 *
 *   initflood PROTO DADDR DPORT COUNT [SEED]
 *
 * Sends COUNT INIT packets (RFC 9260 3.3.2, with a valid CRC32c) to
 * DADDR:DPORT through a raw socket with IP_HDRINCL, each from a source
 * address in 10.200.0.0/16 and a source port, Initiate Tag and initial
 * TSN drawn from a PRNG seeded with SEED (default 1), in batches of 64
 * (sendmmsg).  A send that fails with ENOBUFS is tried again.  Prints
 * "flooding" once the first batch is out, then
 * "sent <COUNT> in <seconds> s, <packets/s> pkt/s".
 */
#include "sctp_tool.h"

#include <netinet/ip.h>
#include <stdint.h>

#include "crc32c.h"

enum { BATCH = 64, PKT_LEN = 20 + 12 + 20 };


static uint64_t rng;

static uint32_t next32(void)	/* xorshift64* */
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (rng * 2685821657736338717ULL) >> 32;
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v);
}

/* One INIT from a spoofed 10.200.x.y. */
static void make_init(uint8_t *pkt, int proto, uint32_t daddr, int dport)
{
	struct iphdr *ip = (struct iphdr *)pkt;
	uint8_t *sh = pkt + 20, *ch = sh + 12;
	uint32_t crc, tag;

	memset(pkt, 0, PKT_LEN);
	ip->version = 4;
	ip->ihl = 5;
	ip->tot_len = htons(PKT_LEN);
	ip->ttl = 64;
	ip->protocol = proto;
	ip->saddr = htonl(0x0AC80000 | (next32() & 0xFFFF));
	ip->daddr = daddr;
	put16(sh, 1024 + next32() % 64512);
	put16(sh + 2, dport);
	ch[0] = 1;			/* INIT */
	put16(ch + 2, 20);
	do
		tag = next32();
	while (!tag);
	put32(ch + 4, tag);		/* Initiate Tag */
	put32(ch + 8, 65536);		/* a_rwnd */
	put16(ch + 12, 10);		/* outbound streams */
	put16(ch + 14, 10);		/* inbound streams */
	put32(ch + 16, next32());	/* initial TSN */
	crc = crc32c(sh, 32);
	memcpy(sh + 8, &crc, 4);	/* little-endian, as on the wire */
}

static void send_batch(int fd, struct mmsghdr *mm, int n)
{
	int sent = 0, r;

	while (sent < n) {
		r = sendmmsg(fd, mm + sent, n - sent, 0);
		if (r < 0 && errno == ENOBUFS)
			continue;
		if (r < 0)
			die_errno("sendmmsg");
		sent += r;
	}
}

int main(int argc, char **argv)
{
	static uint8_t pkts[BATCH][PKT_LEN];
	struct mmsghdr mm[BATCH] = {};
	struct iovec iov[BATCH];
	struct sockaddr_in sin = { .sin_family = AF_INET };
	long count, done = 0;
	int proto, dport, fd, i, n;
	struct timespec t0, t1;
	double s;

	prog = "initflood";
	if (argc < 5 || argc > 6) {
		fprintf(stderr, "usage: %s PROTO DADDR DPORT COUNT [SEED]\n",
			prog);
		return 2;
	}
	proto = parse_int(argv[1], "protocol", 1, 254);
	if (inet_pton(AF_INET, argv[2], &sin.sin_addr) != 1)
		die("bad address %s", argv[2]);
	dport = parse_int(argv[3], "port", 1, 65535);
	count = strtol(argv[4], NULL, 10);
	rng = argc > 5 ? strtoull(argv[5], NULL, 10) : 1;
	rng = rng * 0x9E3779B97F4A7C15ULL + 1;
	crc32c_init();
	fd = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);	/* IP_HDRINCL */
	if (fd < 0)
		die_errno("socket");
	for (i = 0; i < BATCH; i++) {
		iov[i].iov_base = pkts[i];
		iov[i].iov_len = PKT_LEN;
		mm[i].msg_hdr.msg_iov = &iov[i];
		mm[i].msg_hdr.msg_iovlen = 1;
		mm[i].msg_hdr.msg_name = &sin;
		mm[i].msg_hdr.msg_namelen = sizeof(sin);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (done < count) {
		n = count - done < BATCH ? count - done : BATCH;
		for (i = 0; i < n; i++)
			make_init(pkts[i], proto, sin.sin_addr.s_addr, dport);
		send_batch(fd, mm, n);
		if (!done) {
			printf("flooding\n");
			fflush(stdout);
		}
		done += n;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s = t1.tv_sec - t0.tv_sec + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("sent %ld in %.2f s, %.0f pkt/s\n", done, s, done / s);
	return 0;
}
