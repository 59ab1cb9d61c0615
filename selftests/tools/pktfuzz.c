// SPDX-License-Identifier: GPL-2.0
/*
 * Packet fuzzer: learns the SCTP packets the stack sends in this network
 * namespace and injects mutated and random ones, each with a valid
 * CRC32c (RFC 9260 Appendix B), at the endpoints they came from.
 *
 *   pktfuzz PROTO [-s SEED] [-n COUNT] [-P PORT]... [-w SECONDS] [-q]
 *
 * PROTO is the IP protocol number of the stack under test.  An AF_PACKET
 * socket sees every IPv4 packet of PROTO that leaves an interface of the
 * namespace (ETH_P_ALL: outgoing packets; lo: both ends of local associations; a dummy device: INITs
 * that will never be answered), so the fuzzer knows the real addresses,
 * ports and verification tags.  It keeps up to SLOTS packets per chunk
 * type of their first chunk, and sends COUNT (default 500000) packets
 * through a raw socket with its own IP header (IP ID 0xf022 marks them,
 * so that they are not learnt back), each one of:
 *
 *  - a learnt packet under 1 to 3 mutations: bit flips; bytes, 16- and
 *    32-bit words set to 0, 0xff.., 0x80.., lengths; a chunk's type (any
 *    of the 256, the unknown-chunk action bits included), flags (T bit,
 *    U/B/E) or length (0, 3, 4, odd, huge, one off); a parameter's type
 *    or length; truncation; a chunk duplicated, dropped, or chunks
 *    spliced in from another packet; TSN, SSN, stream, cumulative TSN
 *    shifted; the state cookie corrupted; the verification tag set to 0,
 *    random, another association's, an initiate tag; source address
 *    changed; reflected (addresses and ports swapped, the tag of the
 *    other direction) and turned into the answer (INIT ACK with a cookie,
 *    COOKIE ECHO, COOKIE ACK, SACK, HEARTBEAT ACK, SHUTDOWN ACK...);
 *  - a learnt header (real ports and tag) with random chunks;
 *  - random chunks under a random tag, or a plain replay.
 *
 * Tags of packets from or to a protected -P PORT (both directions, and
 * the initiate tags of their INIT and INIT ACK) are never sent, in the
 * common header nor as an Initiate Tag: those associations must come
 * through untouched, as every packet aimed at them has a wrong tag.
 * One packet in 256 has a wrong CRC.
 *
 * The sequence of mutations is a function of SEED (printed first; by
 * default from the clock) and of the packets learnt, which depend on
 * timing.  It waits up to -w SECONDS (default 10) for a first packet.
 * Prints progress every 100000 packets unless -q, then
 * "sent N packets in T s, R/s ..." and the counts per mutation.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "crc32c.h"

#define MAXLEN		1480	/* SCTP packet: common header and chunks */
#define BUFLEN		(MAXLEN + 64)
#define SLOTS		8
#define MARK_ID		0xf022
#define NPROT		(1 << 21)
#define NFLOW		1024
#define NTAGS		64
#define MAXCHUNKS	64

struct pkt {
	uint32_t saddr, daddr;	/* network order */
	int len;
	uint8_t d[BUFLEN];
};

static struct pkt pool[256][SLOTS];
static int pool_n[256];
static int nbuckets;
static uint8_t buckets[256];

static uint32_t prot[NPROT];	/* protected tags, open addressing */
static int nprot;
static uint16_t pports[16];
static int npports;

struct flow {
	uint32_t saddr, daddr, vtag;
	uint16_t sport, dport;
	int used;
};

static struct flow flows[NFLOW];
static uint32_t tags[NTAGS];	/* recent real tags, unprotected */
static int ntags, tag_next;

static uint64_t rng_state, learn_rng = 0x9e3779b97f4a7c15ULL;
static int proto;

static const char * const opnames[] = {
	"bitflip", "interesting", "chunk-type", "chunk-flags", "chunk-len",
	"param", "truncate", "dup-chunk", "drop-chunk", "splice", "shift",
	"cookie", "vtag", "saddr", "reflect", "random-chunks",
	"random-vtag", "replay",
};

#define NOPS	(sizeof(opnames) / sizeof(opnames[0]))
static unsigned long opcount[NOPS];

static uint64_t splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint32_t rnd(uint32_t n)	/* uniform-ish in [0, n) */
{
	return n ? (uint32_t)(splitmix(&rng_state) % n) : 0;
}

static int chance(uint32_t n)	/* 1 in n */
{
	return rnd(n) == 0;
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static int prot_has(uint32_t tag)
{
	uint32_t h = tag * 2654435761u % NPROT;

	for (int i = 0; i < NPROT; i++, h = (h + 1) % NPROT) {
		if (!prot[h])
			return 0;
		if (prot[h] == tag)
			return 1;
	}
	return 0;
}

static void prot_add(uint32_t tag)
{
	uint32_t h = tag * 2654435761u % NPROT;

	if (!tag || prot_has(tag))
		return;
	if (nprot >= NPROT * 3 / 4) {
		/* a tag left out could be sent: stop rather than do that */
		fprintf(stderr, "pktfuzz: more than %d protected tags\n",
			nprot);
		exit(1);
	}
	while (prot[h])
		h = (h + 1) % NPROT;
	prot[h] = tag;
	nprot++;
}

static int port_protected(uint16_t port)
{
	for (int i = 0; i < npports; i++)
		if (pports[i] == port)
			return 1;
	return 0;
}

static struct flow *flow_slot(uint32_t saddr, uint32_t daddr,
			      uint16_t sport, uint16_t dport)
{
	uint32_t h = (saddr * 31 + daddr) * 2654435761u ^
		     (uint32_t)(sport << 16 | dport) * 40503u;

	return &flows[h % NFLOW];
}

/* The tag last seen on packets from saddr:sport to daddr:dport, or 0. */
static uint32_t flow_tag(uint32_t saddr, uint32_t daddr, uint16_t sport,
			 uint16_t dport)
{
	struct flow *f = flow_slot(saddr, daddr, sport, dport);

	if (f->used && f->saddr == saddr && f->daddr == daddr &&
	    f->sport == sport && f->dport == dport)
		return f->vtag;
	return 0;
}

/* A learnt packet: keep it, its tags, its flow. */
static void learn(const uint8_t *ip, int len)
{
	int ihl = (ip[0] & 0xf) * 4, n, slot;
	const uint8_t *s = ip + ihl;
	uint16_t sport, dport;
	uint32_t vtag, saddr, daddr;
	uint8_t type;
	struct flow *f;
	struct pkt *p;

	if (len < ihl + 16 || (ip[0] >> 4) != 4 || ip[9] != proto ||
	    get16(ip + 4) == MARK_ID || (get16(ip + 6) & 0x3fff))
		return;
	if (get16(ip + 2) < len)
		len = get16(ip + 2);
	n = len - ihl;
	if (n < 16 || n > MAXLEN)
		return;
	memcpy(&saddr, ip + 12, 4);
	memcpy(&daddr, ip + 16, 4);
	sport = get16(s);
	dport = get16(s + 2);
	vtag = get32(s + 4);
	type = s[12];
	if (port_protected(sport) || port_protected(dport)) {
		prot_add(vtag);
		if ((type == 1 || type == 2) && n >= 20)
			prot_add(get32(s + 16));
	} else if (vtag && !prot_has(vtag)) {
		tags[tag_next] = vtag;
		tag_next = (tag_next + 1) % NTAGS;
		if (ntags < NTAGS)
			ntags++;
	}
	if (vtag) {
		f = flow_slot(saddr, daddr, sport, dport);
		*f = (struct flow){ saddr, daddr, vtag, sport, dport, 1 };
	}
	if (pool_n[type] < SLOTS) {
		slot = pool_n[type]++;
		if (slot == 0)
			buckets[nbuckets++] = type;
	} else {
		slot = splitmix(&learn_rng) % SLOTS;
	}
	p = &pool[type][slot];
	p->saddr = saddr;
	p->daddr = daddr;
	p->len = n;
	memcpy(p->d, s, n);
}

static unsigned long learnt;

static void drain(int ps, int max)
{
	uint8_t buf[65536];
	struct sockaddr_ll sll;
	socklen_t sl;
	ssize_t r;

	while (max--) {
		sl = sizeof(sll);
		r = recvfrom(ps, buf, sizeof(buf), MSG_DONTWAIT,
			     (struct sockaddr *)&sll, &sl);
		if (r < 0)
			return;
		if (sll.sll_pkttype != PACKET_OUTGOING ||
		    sll.sll_protocol != htons(ETH_P_IP))
			continue;
		learn(buf, (int)r);
		learnt++;
	}
}

static const struct pkt *pick(void)
{
	uint8_t type = buckets[rnd(nbuckets)];

	return &pool[type][rnd(pool_n[type])];
}

/* Chunk offsets of d[0..len), up to max; stops at a bad length. */
static int chunks(const uint8_t *d, int len, int *off, int max)
{
	int n = 0, o = 12, cl;

	while (o + 4 <= len && n < max) {
		off[n++] = o;
		cl = get16(d + o + 2);
		if (cl < 4)
			break;
		o += (cl + 3) & ~3;
	}
	return n;
}

static uint8_t rnd_type(void)
{
	static const uint8_t known[] = {
		0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 64,
		128, 130, 132, 192, 193, 0x3f, 0x7f, 0xbf, 0xff,
	};

	if (chance(3))
		return rnd(256);
	return known[rnd(sizeof(known))];
}

static uint32_t interesting(int len)
{
	static const uint32_t v[] = {
		0, 1, 2, 3, 4, 5, 7, 8, 12, 15, 16, 17, 20, 0x7f, 0x80, 0xff,
		0x100, 0x7fff, 0x8000, 0xfffc, 0xfffd, 0xffff, 0x10000,
		0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff,
	};

	if (chance(4))
		return len + rnd(9) - 4;
	return v[rnd(sizeof(v) / sizeof(v[0]))];
}

/* The chunk a mutation works on: a random one, or -1 if none. */
static int pick_chunk(const uint8_t *d, int len, int *off, int *n)
{
	*n = chunks(d, len, off, MAXCHUNKS);
	return *n ? off[rnd(*n)] : -1;
}

/* A random nonzero tag that is not protected. */
static uint32_t free_tag(void)
{
	uint32_t tag;

	do
		tag = (uint32_t)splitmix(&rng_state);
	while (prot_has(tag) || !tag);
	return tag;
}

static uint32_t any_tag(void)
{
	switch (rnd(4)) {
	case 0:
		return 0;
	case 1:
		return ntags ? tags[rnd(ntags)] : 0;
	default:
		return (uint32_t)splitmix(&rng_state);
	}
}

/* Random chunks from offset o: returns the new length. */
static int random_chunks(uint8_t *d, int o)
{
	int k = 1 + rnd(4);

	while (k-- && o + 4 <= MAXLEN) {
		int body = chance(2) ? rnd(24) : rnd(400);
		int cl = 4 + body;

		if (o + ((cl + 3) & ~3) > MAXLEN)
			break;
		d[o] = rnd_type();
		d[o + 1] = chance(2) ? 0 : rnd(256);
		put16(d + o + 2, chance(8) ? interesting(cl) : (uint32_t)cl);
		for (int i = 0; i < body; i++)
			d[o + 4 + i] = chance(4) ? 0 : rnd(256);
		/* parameter-like TLVs in some bodies */
		if (body >= 8 && chance(2)) {
			int po = o + 4 + (body >= 24 && chance(2) ? 16 : 0);

			put16(d + po, rnd(16) | (chance(2) ? 0x8000 : 0) |
				      (chance(4) ? 0xc000 : 0));
			put16(d + po + 2, chance(2) ? interesting(body) :
						      4 + rnd(body));
		}
		memset(d + o + cl, 0, ((cl + 3) & ~3) - cl);
		o += (cl + 3) & ~3;
	}
	return o;
}

/* Turn d (already reflected) into an answer to what it was. */
static int answer(uint8_t *d, int len)
{
	uint8_t type = d[12];
	int o;

	switch (type) {
	case 1: {	/* INIT -> INIT ACK with a cookie */
		int cl = 8 + rnd(64);

		o = (len + 3) & ~3;
		if (o + 72 > MAXLEN)
			break;
		memset(d + len, 0, o - len);
		d[12] = 2;
		put16(d + o, 7);
		put16(d + o + 2, cl);
		for (int i = 4; i < cl; i++)
			d[o + i] = rnd(256);
		len = o + ((cl + 3) & ~3);
		memset(d + o + cl, 0, len - o - cl);
		put16(d + 14, len - 12);
		break;
	}
	case 2: {	/* INIT ACK -> COOKIE ECHO with its cookie */
		int po = 32, cl = get16(d + 14);

		if (cl > len - 12)
			cl = len - 12;
		while (po + 4 <= 12 + cl) {
			int pl = get16(d + po + 2);

			if (pl < 4 || po + pl > 12 + cl)
				break;
			if (get16(d + po) == 7) {
				memmove(d + 16, d + po + 4, pl - 4);
				d[12] = 10;
				d[13] = 0;
				put16(d + 14, pl);
				len = 16 + ((pl - 4 + 3) & ~3);
				break;
			}
			po += (pl + 3) & ~3;
		}
		break;
	}
	case 10:	/* COOKIE ECHO -> COOKIE ACK */
		d[12] = 11;
		d[13] = 0;
		put16(d + 14, 4);
		len = 16;
		break;
	case 0:		/* DATA -> SACK */
		if (len < 20)
			break;
		{
			uint32_t tsn = get32(d + 16) + rnd(3) - 1;
			int gaps = chance(2) ? 0 : 1 + rnd(3);

			d[12] = 3;
			d[13] = 0;
			put32(d + 16, tsn);
			put32(d + 20, chance(4) ? rnd(0x20000) : 65536);
			put16(d + 24, gaps);
			put16(d + 26, 0);
			for (int i = 0; i < gaps; i++) {
				put16(d + 28 + 4 * i, 1 + rnd(8));
				put16(d + 30 + 4 * i, 1 + rnd(12));
			}
			put16(d + 14, 16 + 4 * gaps);
			len = 12 + 16 + 4 * gaps;
		}
		break;
	case 4:		/* HEARTBEAT -> HEARTBEAT ACK */
		d[12] = 5;
		break;
	case 7:		/* SHUTDOWN -> SHUTDOWN ACK */
		d[12] = 8;
		put16(d + 14, 4);
		len = 16;
		break;
	case 8:		/* SHUTDOWN ACK -> SHUTDOWN COMPLETE */
		d[12] = 14;
		d[13] = 0;
		put16(d + 14, 4);
		len = 16;
		break;
	default:
		if (chance(2)) {
			d[12] = chance(2) ? 6 : 7;	/* ABORT, SHUTDOWN */
			d[13] = 0;
			put16(d + 14, d[12] == 7 ? 8 : 4);
			if (d[12] == 7 && len >= 20)
				len = 20;
			else
				len = 16;
		}
	}
	return len;
}

/* One mutation of d[0..len) in place, returns the new length. */
static int mutate(uint8_t *d, int len, uint32_t *saddr, uint32_t *daddr,
		  int op)
{
	int off[MAXCHUNKS], n, c, cl, o;
	const struct pkt *q;

	opcount[op]++;
	switch (op) {
	case 0:		/* bit flips */
		for (int k = 1 + rnd(8); k-- && len > 12;) {
			o = 12 + rnd(len - 12);
			d[o] ^= 1 << rnd(8);
		}
		break;
	case 1:		/* interesting values */
		if (len <= 12)
			break;
		o = 12 + rnd(len - 12);
		switch (rnd(3)) {
		case 0:
			d[o] = interesting(len);
			break;
		case 1:
			if (o + 2 <= len)
				put16(d + o, interesting(len));
			break;
		default:
			if (o + 4 <= len)
				put32(d + o, interesting(len));
		}
		break;
	case 2:		/* chunk type */
		c = pick_chunk(d, len, off, &n);
		if (c >= 0)
			d[c] = chance(3) ? d[c] ^ (0x40 << rnd(2)) : rnd_type();
		break;
	case 3:		/* chunk flags */
		c = pick_chunk(d, len, off, &n);
		if (c >= 0)
			d[c + 1] = chance(2) ? d[c + 1] ^ (1u << rnd(8)) :
					       rnd(256);
		break;
	case 4:		/* chunk length */
		c = pick_chunk(d, len, off, &n);
		if (c < 0)
			break;
		cl = get16(d + c + 2);
		switch (rnd(6)) {
		case 0:
			cl = rnd(5);
			break;
		case 1:
			cl = cl + (chance(2) ? 1 : -1);
			break;
		case 2:
			cl = len - c + rnd(9) - 4;
			break;
		case 3:
			cl = 0xffff - rnd(4);
			break;
		case 4:
			cl |= 1;
			break;
		default:
			cl = interesting(cl);
		}
		put16(d + c + 2, cl);
		break;
	case 5:		/* a parameter's type or length */
		c = pick_chunk(d, len, off, &n);
		if (c < 0)
			break;
		o = c + ((d[c] == 1 || d[c] == 2) ? 20 :
			 d[c] == 0xc1 || d[c] == 0x80 ? 8 : 4);
		{
			int end = c + get16(d + c + 2), ps[32], np = 0;

			if (end > len)
				end = len;
			while (o + 4 <= end && np < 32) {
				int pl = get16(d + o + 2);

				ps[np++] = o;
				if (pl < 4)
					break;
				o += (pl + 3) & ~3;
			}
			if (!np)
				break;
			o = ps[rnd(np)];
			if (chance(2))
				put16(d + o + 2, chance(2) ?
				      interesting(get16(d + o + 2)) :
				      get16(d + o + 2) + rnd(9) - 4);
			else
				put16(d + o, chance(2) ? rnd(0x10000) :
				      (get16(d + o) ^ (0x4000u << rnd(2))));
		}
		break;
	case 6:		/* truncate */
		if (chance(16))
			len = rnd(16);
		else if (len > 12)
			len = 12 + rnd(len - 12);
		break;
	case 7:		/* duplicate a chunk */
		c = pick_chunk(d, len, off, &n);
		if (c < 0)
			break;
		cl = (get16(d + c + 2) + 3) & ~3;
		if (cl < 4 || c + cl > len || len + cl > MAXLEN)
			break;
		if (chance(2)) {
			memcpy(d + len, d + c, cl);
		} else {
			memmove(d + c + cl, d + c, len - c);
		}
		len += cl;
		break;
	case 8:		/* drop a chunk */
		c = pick_chunk(d, len, off, &n);
		if (c < 0)
			break;
		cl = (get16(d + c + 2) + 3) & ~3;
		if (cl < 4 || c + cl > len)
			break;
		memmove(d + c, d + c + cl, len - c - cl);
		len -= cl;
		break;
	case 9:		/* splice in another packet's chunks */
		q = pick();
		if (q->len <= 12)
			break;
		o = 12 + (chance(2) ? 0 : rnd(q->len - 12) & ~3);
		if (chance(3)) {	/* replace ours */
			memcpy(d + 12, q->d + o, q->len - o);
			len = 12 + q->len - o;
		} else {
			c = chance(2) ? len : 12;
			cl = q->len - o;
			if (c + cl + (len - c) > MAXLEN)
				break;
			memmove(d + c + cl, d + c, len - c);
			memcpy(d + c, q->d + o, cl);
			len += cl;
		}
		break;
	case 10:	/* shift a 16- or 32-bit field: TSN, SSN, stream... */
		c = pick_chunk(d, len, off, &n);
		if (c < 0)
			break;
		cl = get16(d + c + 2);
		if (cl > len - c)
			cl = len - c;
		if (cl < 8)
			break;
		if (d[c] == 0 && cl >= 16 && chance(2))
			o = c + 4 + 4 * rnd(3);		/* TSN, SID/SSN, PPID */
		else
			o = c + 4 + (rnd(cl - 4) & ~1);
		{
			int delta = chance(4) ? (int)rnd(0x20000) - 0x10000 :
						(int)rnd(7) - 3;

			if (o + 4 <= c + cl && chance(2))
				put32(d + o, get32(d + o) + delta);
			else if (o + 2 <= c + cl)
				put16(d + o, get16(d + o) + delta);
		}
		break;
	case 11:	/* state cookie */
		c = pick_chunk(d, len, off, &n);
		for (int i = 0; i < n; i++) {
			if (d[off[i]] == 10 || d[off[i]] == 2) {
				c = off[i];
				break;
			}
		}
		if (c < 0 || len - c <= 8)
			break;
		o = c + 4 + rnd(len - c - 4);
		if (chance(4))
			len = o;
		else
			for (int k = 1 + rnd(4); k--;)
				d[c + 4 + rnd(len - c - 4)] ^= 1 << rnd(8);
		break;
	case 12:	/* verification tag */
		put32(d + 4, any_tag());
		break;
	case 13:	/* source address */
		*saddr = htonl(chance(2) ? 0x7f000001 + rnd(4) :
				       0x0a636301 + rnd(3));
		if (chance(8))
			*daddr = htonl(0x7f000001 + rnd(2));
		break;
	case 14: {	/* reflect, and answer */
		uint32_t a = *saddr, tag;
		uint16_t sp = get16(d), dp = get16(d + 2);

		*saddr = *daddr;
		*daddr = a;
		put16(d, dp);
		put16(d + 2, sp);
		tag = flow_tag(*saddr, *daddr, dp, sp);
		if ((d[12] == 1 || d[12] == 2) && len >= 20 && (!tag || chance(2)))
			tag = get32(d + 16);
		put32(d + 4, tag);
		if (chance(4))
			d[13] ^= 1;		/* T bit */
		if (len >= 16 && !chance(4))
			len = answer(d, len);
		break;
	}
	case 15:	/* random chunks after a real header */
		len = random_chunks(d, chance(4) && len > 12 ? len & ~3 : 12);
		break;
	case 16:	/* random chunks, random tag */
		put32(d + 4, (uint32_t)splitmix(&rng_state));
		len = random_chunks(d, 12);
		break;
	default:	/* replay */
		break;
	}
	if (len > MAXLEN)
		len = MAXLEN;
	if (len < 0)
		len = 0;
	return len;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: pktfuzz PROTO [-s SEED] [-n COUNT] [-P PORT]... [-w SECONDS] [-q]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	unsigned long count = 500000, sent = 0, errs = 0, badcsum = 0;
	uint64_t seed = 0;
	int have_seed = 0, quiet = 0, wait_s = 10, c, ps, rs, one = 1;
	int rcvbuf = 4 << 20;
	uint8_t buf[BUFLEN + 20];
	double t0, t;

	while ((c = getopt(argc, argv, "s:n:P:w:q")) != -1) {
		switch (c) {
		case 's':
			seed = strtoull(optarg, NULL, 0);
			have_seed = 1;
			break;
		case 'n':
			count = strtoul(optarg, NULL, 0);
			break;
		case 'P':
			if (npports < 16)
				pports[npports++] = atoi(optarg);
			break;
		case 'w':
			wait_s = atoi(optarg);
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			usage();
		}
	}
	if (optind + 1 != argc)
		usage();
	proto = atoi(argv[optind]);
	if (proto <= 0 || proto > 254)
		usage();
	if (!have_seed) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		seed = (uint64_t)ts.tv_sec * 1000000007ULL ^ ts.tv_nsec ^
		       (uint64_t)getpid() << 32;
		seed %= 1000000000000ULL;
	}
	rng_state = seed;
	crc32c_init();
	ps = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ALL));
	rs = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	if (ps < 0 || rs < 0) {
		perror("pktfuzz: socket");
		return 1;
	}
	setsockopt(ps, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf));
	{
		/* outgoing IPv4 of PROTO, not ours: offsets from the IP header */
		struct sock_filter f[] = {
			BPF_STMT(BPF_LD | BPF_W | BPF_ABS, SKF_AD_OFF + SKF_AD_PKTTYPE),
			BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PACKET_OUTGOING, 0, 7),
			BPF_STMT(BPF_LD | BPF_H | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
			BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ETH_P_IP, 0, 5),
			BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 9),
			BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, proto, 0, 3),
			BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 4),
			BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, MARK_ID, 1, 0),
			BPF_STMT(BPF_RET | BPF_K, 0xffff),
			BPF_STMT(BPF_RET | BPF_K, 0),
		};
		struct sock_fprog fp = { .len = sizeof(f) / sizeof(f[0]),
					 .filter = f };

		if (setsockopt(ps, SOL_SOCKET, SO_ATTACH_FILTER, &fp, sizeof(fp)))
			perror("pktfuzz: SO_ATTACH_FILTER");
	}
	setsockopt(rs, IPPROTO_IP, IP_HDRINCL, &one, sizeof(one));
	/* the caller waits for this line: the learning socket is open */
	printf("pktfuzz: seed %llu, %lu packets, protocol %d\n",
	       (unsigned long long)seed, count, proto);
	fflush(stdout);

	t0 = now();
	while (!nbuckets) {
		struct pollfd pfd = { .fd = ps, .events = POLLIN };

		if (now() - t0 > wait_s) {
			fprintf(stderr, "pktfuzz: no packet of protocol %d seen in %d s\n",
				proto, wait_s);
			return 1;
		}
		poll(&pfd, 1, 100);
		drain(ps, 64);
	}

	t0 = now();
	while (sent < count) {
		const struct pkt *p;
		struct sockaddr_in to = { .sin_family = AF_INET };
		uint8_t *d = buf + 20;
		uint32_t saddr, daddr;
		int len, op, k;

		drain(ps, 8);
		p = pick();
		saddr = p->saddr;
		daddr = p->daddr;
		len = p->len;
		memcpy(d, p->d, len);
		k = 1 + (chance(2) ? 0 : rnd(3));
		while (k--) {
			/* mostly the structural mutations; the
			 * random-chunk ones and replays less often
			 */
			op = rnd(NOPS + 8);
			if (op >= (int)NOPS)
				op = op - NOPS;	/* 0..7 twice as often */
			len = mutate(d, len, &saddr, &daddr, op);
		}
		if (len >= 8 && prot_has(get32(d + 4)))
			put32(d + 4, free_tag());
		/* An INIT's or INIT ACK's Initiate Tag is the tag of the
		 * answer (INIT ACK, COOKIE ECHO, or an ABORT by 8.4 (3)):
		 * all addresses here are local, so that answer would reach
		 * the protected association with its own tag.
		 */
		if (len >= 20 && (d[12] == 1 || d[12] == 2) &&
		    prot_has(get32(d + 16)))
			put32(d + 16, free_tag());
		if (len >= 12) {
			memset(d + 8, 0, 4);
			{
				uint32_t crc = crc32c(d, len);

				if (chance(256)) {
					crc ^= 1 << rnd(32);
					badcsum++;
				}
				/* little-endian on the wire (Appendix B) */
				d[8] = crc;
				d[9] = crc >> 8;
				d[10] = crc >> 16;
				d[11] = crc >> 24;
			}
		}
		/* IPv4 header: IP_HDRINCL; the kernel fills the checksum */
		memset(buf, 0, 20);
		buf[0] = 0x45;
		buf[1] = chance(16) ? rnd(4) : 0;	/* ECN bits */
		put16(buf + 2, 20 + len);
		put16(buf + 4, MARK_ID);
		put16(buf + 6, 0x4000);
		buf[8] = 64;
		buf[9] = proto;
		memcpy(buf + 12, &saddr, 4);
		memcpy(buf + 16, &daddr, 4);
		to.sin_addr.s_addr = daddr;
		if (sendto(rs, buf, 20 + len, 0, (struct sockaddr *)&to,
			   sizeof(to)) < 0)
			errs++;
		sent++;
		if (!quiet && sent % 100000 == 0) {
			printf("pktfuzz: %lu sent, %.0f s\n", sent, now() - t0);
			fflush(stdout);
		}
	}
	t = now() - t0;
	printf("pktfuzz: sent %lu packets in %.1f s, %.0f/s, seed %llu; learnt %lu, %d chunk types kept, %d protected tags, %lu bad CRCs, %lu send errors\n",
	       sent, t, sent / (t > 0 ? t : 1), (unsigned long long)seed,
	       learnt, nbuckets, nprot, badcsum, errs);
	printf("pktfuzz: mutations:");
	for (unsigned int i = 0; i < NOPS; i++)
		printf(" %s=%lu", opnames[i], opcount[i]);
	printf("\n");
	return 0;
}
