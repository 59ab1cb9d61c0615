// SPDX-License-Identifier: GPL-2.0
/* KUnit: chunk and parameter bounds checks (RFC 9260 3.2, 3.2.1, 3.3). */

#include <kunit/test.h>
#include <linux/inet.h>
#include <linux/string.h>

#include "../addr.h"
#include "../chunk.h"
#include "../wire.h"

#define SCRATCH_LEN	2048	/* room for the largest packet built here */

#define INIT_TAG	0x11223344
#define INIT_RWND	0x00010000
#define INIT_TSN	0xdeadbeef
#define INIT_OS		10
#define INIT_MIS	0xffff

/* Packet builders.  Each writes into a zeroed scratch buffer and returns
 * the offset just past what it wrote, padding included.
 */
static unsigned int put_chunk(u8 *buf, unsigned int off, u8 type, u16 len)
{
	struct asctp_chunk_hdr *ch = (void *)(buf + off);

	ch->type = type;
	ch->length = htons(len);
	return off + asctp_pad4(len);
}

static unsigned int put_param(u8 *buf, unsigned int off, u16 type, u16 len)
{
	struct asctp_param_hdr *p = (void *)(buf + off);

	p->type = htons(type);
	p->length = htons(len);
	return off + asctp_pad4(len);
}

static unsigned int put_init(u8 *buf, u8 type, u32 tag, u16 os, u16 mis)
{
	struct asctp_init_hdr *ih = (void *)(buf + ASCTP_CHUNK_HDR_LEN);

	ih->init_tag = htonl(tag);
	ih->a_rwnd = htonl(INIT_RWND);
	ih->os = htons(os);
	ih->mis = htons(mis);
	ih->init_tsn = htonl(INIT_TSN);
	return put_chunk(buf, 0, type, ASCTP_INIT_MIN_LEN);
}

static u8 *scratch(struct kunit *test)
{
	u8 *buf = kunit_kzalloc(test, SCRATCH_LEN, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	return buf;
}

/* A copy in a buffer of exactly @len bytes: KASAN sees reads past it. */
static const void *exact(struct kunit *test, const u8 *src, unsigned int len)
{
	void *p;

	KUNIT_ASSERT_LE(test, len, SCRATCH_LEN);
	p = kunit_kmalloc(test, len ?: 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memcpy(p, src, len);
	return p;
}

/* asctp_chunk_check(): a packet is up to three chunks. */
struct chunk_spec {
	u8 type;
	u16 len;	/* 0 with type 0: no more chunks */
	u16 gaps;	/* SACK only */
	u16 dups;	/* SACK only */
};

struct chunk_case {
	const char *name;
	struct chunk_spec ch[3];
	unsigned int pkt_len;	/* 0: the chunks' padded lengths */
	enum asctp_mib_field want;
};

#define C(t, l)		{ .type = ASCTP_CID_##t, .len = (l) }
#define CX(t, l)	{ .type = (t), .len = (l) }
#define SACK(l, g, d)	{ .type = ASCTP_CID_SACK, .len = (l), .gaps = (g), .dups = (d) }

#define OK		ASCTP_MIB_IN_PKTS
#define BAD_CHUNK	ASCTP_MIB_IN_BAD_CHUNK
#define BAD_BUNDLE	ASCTP_MIB_IN_BAD_BUNDLE

static const struct chunk_case chunk_cases[] = {
	{ "no chunk", {}, 0, BAD_CHUNK },
	{ "truncated chunk header", { C(COOKIE_ACK, 4) }, 2, BAD_CHUNK },
	{ "chunk length 3", { C(ABORT, 3) }, 0, BAD_CHUNK },
	{ "zero-length chunk", { C(ABORT, 0) }, 4, BAD_CHUNK },
	{ "length beyond packet", { C(DATA, 20) }, 16, BAD_CHUNK },
	{ "overlong length", { C(HEARTBEAT, 0xffff) }, 64, BAD_CHUNK },
	{ "DATA, padded", { C(DATA, 17) }, 0, OK },
	{ "DATA, padding missing", { C(DATA, 17) }, 17, BAD_CHUNK },
	{ "DATA, padding short", { C(DATA, 17) }, 19, BAD_CHUNK },
	{ "1 trailing byte", { C(COOKIE_ACK, 4) }, 5, BAD_CHUNK },
	{ "3 trailing bytes", { C(DATA, 20) }, 23, BAD_CHUNK },
	{ "4 trailing zero bytes", { C(COOKIE_ACK, 4) }, 8, BAD_CHUNK },
	{ "DATA below fixed part", { C(DATA, 15) }, 0, BAD_CHUNK },
	{ "INIT below fixed part", { C(INIT, 19) }, 0, BAD_CHUNK },
	{ "INIT ACK below fixed part", { C(INIT_ACK, 16) }, 0, BAD_CHUNK },
	{ "SACK below fixed part", { C(SACK, 12) }, 0, BAD_CHUNK },
	{ "HEARTBEAT below fixed part", { C(HEARTBEAT, 7) }, 0, BAD_CHUNK },
	{ "HEARTBEAT ACK below fixed part", { C(HEARTBEAT_ACK, 4) }, 0,
	  BAD_CHUNK },
	{ "INIT, fixed part only", { C(INIT, 20) }, 0, OK },
	{ "INIT ACK with parameters", { C(INIT_ACK, 40) }, 0, OK },
	{ "HEARTBEAT with info", { C(HEARTBEAT, 13) }, 0, OK },
	{ "ABORT, ERROR, COOKIE ECHO: header only",
	  { C(ABORT, 4), C(ERROR, 4), C(COOKIE_ECHO, 4) }, 0, OK },
	{ "SHUTDOWN of 8", { C(SHUTDOWN, 8) }, 0, OK },
	{ "SHUTDOWN of 4", { C(SHUTDOWN, 4) }, 0, BAD_CHUNK },
	{ "SHUTDOWN of 12", { C(SHUTDOWN, 12) }, 0, BAD_CHUNK },
	{ "SHUTDOWN ACK of 8", { C(SHUTDOWN_ACK, 8) }, 0, BAD_CHUNK },
	{ "COOKIE ACK of 8", { C(COOKIE_ACK, 8) }, 0, BAD_CHUNK },
	{ "SHUTDOWN COMPLETE of 8", { C(SHUTDOWN_COMPLETE, 8) }, 0,
	  BAD_CHUNK },
	{ "ECNE of 12", { C(ECNE, 12) }, 0, BAD_CHUNK },
	{ "CWR of 4", { C(CWR, 4) }, 0, BAD_CHUNK },
	{ "CWR of 9", { C(CWR, 9) }, 0, BAD_CHUNK },
	{ "fixed sizes exact",
	  { C(SHUTDOWN_ACK, 4), C(ECNE, 8), C(CWR, 8) }, 0, OK },
	{ "SHUTDOWN COMPLETE alone", { C(SHUTDOWN_COMPLETE, 4) }, 0, OK },
	{ "SACK, no gaps or dups", { SACK(16, 0, 0) }, 0, OK },
	{ "SACK, 2 gaps 1 dup", { SACK(28, 2, 1) }, 0, OK },
	{ "SACK, gap not counted", { SACK(20, 0, 0) }, 0, BAD_CHUNK },
	{ "SACK, gap counted not there", { SACK(16, 1, 0) }, 0, BAD_CHUNK },
	{ "SACK, dups miscounted", { SACK(24, 0, 1) }, 0, BAD_CHUNK },
	{ "SACK, counts overflow", { SACK(16, 0xffff, 0xffff) }, 0,
	  BAD_CHUNK },
	{ "DATA, DATA and SACK", { C(DATA, 17), C(DATA, 32), SACK(24, 1, 1) },
	  0, OK },
	{ "COOKIE ECHO and DATA", { C(COOKIE_ECHO, 37), C(DATA, 20) }, 0, OK },
	{ "INIT then DATA", { C(INIT, 20), C(DATA, 20) }, 0, BAD_BUNDLE },
	{ "DATA then INIT", { C(DATA, 20), C(INIT, 20) }, 0, BAD_BUNDLE },
	{ "INIT ACK then COOKIE ECHO", { C(INIT_ACK, 24), C(COOKIE_ECHO, 8) },
	  0, BAD_BUNDLE },
	{ "SHUTDOWN COMPLETE then ABORT",
	  { C(SHUTDOWN_COMPLETE, 4), C(ABORT, 4) }, 0, BAD_BUNDLE },
	{ "ABORT then SHUTDOWN COMPLETE",
	  { C(ABORT, 4), C(SHUTDOWN_COMPLETE, 4) }, 0, BAD_BUNDLE },
	{ "INIT twice", { C(INIT, 20), C(INIT, 20) }, 0, BAD_BUNDLE },
	{ "bundled INIT, bad length wins", { C(INIT, 20), C(DATA, 8) }, 0,
	  BAD_CHUNK },
	{ "INIT then trailing bytes", { C(INIT, 20) }, 22, BAD_CHUNK },
	{ "unknown type 15", { CX(ASCTP_CID_MAX, 4) }, 0, OK },
	{ "unknown type 0x80, header only", { CX(0x80, 4) }, 0, OK },
	{ "unknown type 0xff, padded", { CX(0xff, 9) }, 0, OK },
	{ "unknown type bundled", { C(DATA, 16), CX(0x40, 6), C(SACK, 16) },
	  0, OK },
	{ "unknown type of length 3", { CX(0xc0, 3) }, 0, BAD_CHUNK },
	{ "unknown type, padding missing", { CX(0xc0, 5) }, 5, BAD_CHUNK },
};

static unsigned int put_chunk_spec(u8 *buf, unsigned int off,
				   const struct chunk_spec *s)
{
	struct asctp_sack_hdr *sack = (void *)(buf + off + ASCTP_CHUNK_HDR_LEN);

	if (s->type == ASCTP_CID_SACK) {
		sack->n_gaps = htons(s->gaps);
		sack->n_dups = htons(s->dups);
	}
	return put_chunk(buf, off, s->type, s->len);
}

static unsigned int build_chunks(u8 *buf, const struct chunk_case *c)
{
	const struct chunk_spec *s = c->ch;
	unsigned int off = 0;

	for (; s < c->ch + ARRAY_SIZE(c->ch) && (s->type || s->len); s++) {
		if (off + ASCTP_SACK_MIN_LEN > SCRATCH_LEN)
			break;
		off = put_chunk_spec(buf, off, s);
	}
	return c->pkt_len ?: off;
}

static void chunk_case_desc(const struct chunk_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(chunk, chunk_cases, chunk_case_desc);

static void chunk_check_test(struct kunit *test)
{
	const struct chunk_case *c = test->param_value;
	u8 *buf = scratch(test);
	unsigned int len = build_chunks(buf, c);

	KUNIT_EXPECT_EQ(test, asctp_chunk_check(exact(test, buf, len), len),
			c->want);
}

/* The chunk walk visits what asctp_chunk_check() passed. */
static void chunk_walk_test(struct kunit *test)
{
	static const u8 want[] = { ASCTP_CID_DATA, 0x80, ASCTP_CID_SACK };
	const struct asctp_chunk_hdr *ch;
	u8 *buf = scratch(test);
	unsigned int len, n = 0;
	const void *pkt;

	len = put_chunk(buf, 0, ASCTP_CID_DATA, 17);
	len = put_chunk(buf, len, 0x80, 5);
	len = put_chunk(buf, len, ASCTP_CID_SACK, ASCTP_SACK_MIN_LEN);
	pkt = exact(test, buf, len);
	KUNIT_ASSERT_EQ(test, asctp_chunk_check(pkt, len), ASCTP_MIB_IN_PKTS);
	for (ch = pkt; asctp_chunk_more(ch, pkt, len);
	     ch = asctp_chunk_next(ch)) {
		KUNIT_ASSERT_LT(test, n, ARRAY_SIZE(want));
		KUNIT_EXPECT_EQ(test, ch->type, want[n]);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, ARRAY_SIZE(want));
}

/* asctp_tlv_check(): runs of items of one length. */
struct tlv_spec {
	u16 len;
	u16 times;	/* 0: no more items */
};

struct tlv_case {
	const char *name;
	struct tlv_spec item[3];
	unsigned int buf_len;	/* 0: the items' padded lengths */
	unsigned int max;
	int want;
};

#define T(l, n)		{ .len = (l), .times = (n) }
#define MAXP		ASCTP_MAX_PARAMS

static const struct tlv_case tlv_cases[] = {
	{ "no items", {}, 0, MAXP, 0 },
	{ "one item", { T(8, 1) }, 0, MAXP, 1 },
	{ "padded items", { T(5, 1), T(8, 1), T(4, 1) }, 0, MAXP, 3 },
	{ "last item unpadded", { T(8, 1), T(5, 1) }, 13, MAXP, 2 },
	{ "only item unpadded", { T(7, 1) }, 7, MAXP, 1 },
	{ "128 items", { T(4, 128) }, 0, MAXP, 128 },
	{ "129 items", { T(4, 129) }, 0, MAXP, -EINVAL },
	{ "more than max", { T(8, 3) }, 0, 2, -EINVAL },
	{ "zero-length item", { T(8, 1), T(0, 1) }, 12, MAXP, -EINVAL },
	{ "item of length 3", { T(3, 1) }, 0, MAXP, -EINVAL },
	{ "item beyond buffer", { T(8, 1), T(12, 1) }, 16, MAXP, -EINVAL },
	{ "overlong item", { T(0xffff, 1) }, 8, MAXP, -EINVAL },
	{ "2 trailing bytes", { T(8, 1) }, 10, MAXP, -EINVAL },
	{ "3 bytes only", {}, 3, MAXP, -EINVAL },
};

static unsigned int build_tlvs(u8 *buf, const struct tlv_case *c)
{
	const struct tlv_spec *s = c->item;
	unsigned int off = 0, i;

	for (; s < c->item + ARRAY_SIZE(c->item) && s->times; s++)
		for (i = 0; i < s->times && off < SCRATCH_LEN; i++)
			off = put_param(buf, off, ASCTP_PID_IPV4, s->len);
	return c->buf_len ?: off;
}

static void tlv_case_desc(const struct tlv_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(tlv, tlv_cases, tlv_case_desc);

static void tlv_check_test(struct kunit *test)
{
	const struct tlv_case *c = test->param_value;
	const struct asctp_param_hdr *p;
	u8 *buf = scratch(test);
	unsigned int len = build_tlvs(buf, c);
	const void *pkt = exact(test, buf, len);
	int n = 0;

	KUNIT_ASSERT_EQ(test, asctp_tlv_check(pkt, len, c->max), c->want);
	if (c->want < 0)
		return;
	for (p = pkt; asctp_tlv_more(p, pkt, len); p = asctp_tlv_next(p))
		n++;
	KUNIT_EXPECT_EQ(test, n, c->want);
}

/* asctp_init_parse(): an INIT or INIT ACK and runs of parameters. */
struct param_spec {
	u16 type;
	u16 len;
	u16 times;	/* 0: no more parameters */
};

enum init_zero {
	ZERO_TAG	= BIT(0),
	ZERO_OS		= BIT(1),
	ZERO_MIS	= BIT(2),
};

struct init_case {
	const char *name;
	u8 type;		/* ASCTP_CID_INIT or ASCTP_CID_INIT_ACK */
	u8 zero;		/* enum init_zero */
	struct param_spec p[3];
	enum asctp_mib_field want;
	u16 abort_cause;
	u16 n_addrs;
	bool ecn;
	u16 cookie_len;
	u8 n_unrec;
	u16 unrec_type;		/* of every reported parameter */
};

#define P(t, l)		{ .type = ASCTP_PID_##t, .len = (l), .times = 1 }
#define PX(t, l, n)	{ .type = (t), .len = (l), .times = (n) }

#define INIT		ASCTP_CID_INIT
#define INIT_ACK	ASCTP_CID_INIT_ACK
#define COOKIE(l)	P(STATE_COOKIE, l)
#define BAD_PARAM	ASCTP_MIB_IN_BAD_PARAM
#define BAD_INIT	ASCTP_MIB_IN_BAD_INIT

static const struct init_case init_cases[] = {
	{ .name = "INIT, no parameters", .type = INIT, .want = OK },
	{ .name = "INIT, IPv4, IPv6 and ECN", .type = INIT,
	  .p = { P(IPV4, 8), P(IPV6, 20), P(ECN_CAPABLE, 4) },
	  .want = OK, .n_addrs = 2, .ecn = true },
	{ .name = "INIT ACK with State Cookie", .type = INIT_ACK,
	  .p = { P(IPV4, 8), COOKIE(36) }, .want = OK, .n_addrs = 1,
	  .cookie_len = 32 },
	{ .name = "INIT ACK, unpadded State Cookie last", .type = INIT_ACK,
	  .p = { COOKIE(5) }, .want = OK, .cookie_len = 1 },
	{ .name = "State Cookie in an INIT recorded", .type = INIT,
	  .p = { COOKIE(8) }, .want = OK, .cookie_len = 4 },
	{ .name = "Initiate Tag 0", .type = INIT, .zero = ZERO_TAG,
	  .want = BAD_INIT },
	{ .name = "Initiate Tag 0 wins over Host Name", .type = INIT,
	  .zero = ZERO_TAG, .p = { P(HOST_NAME, 12) }, .want = BAD_INIT },
	{ .name = "INIT ACK, Initiate Tag 0", .type = INIT_ACK,
	  .zero = ZERO_TAG, .p = { COOKIE(8) }, .want = BAD_INIT },
	{ .name = "no outbound streams", .type = INIT, .zero = ZERO_OS,
	  .want = BAD_INIT, .abort_cause = ASCTP_CAUSE_INVALID_PARAM },
	{ .name = "no inbound streams", .type = INIT_ACK, .zero = ZERO_MIS,
	  .p = { COOKIE(8) }, .want = BAD_INIT, .cookie_len = 4,
	  .abort_cause = ASCTP_CAUSE_INVALID_PARAM },
	{ .name = "INIT ACK without State Cookie", .type = INIT_ACK,
	  .p = { P(IPV4, 8) }, .want = BAD_INIT, .n_addrs = 1,
	  .abort_cause = ASCTP_CAUSE_MISSING_PARAM },
	{ .name = "empty State Cookie", .type = INIT_ACK,
	  .p = { COOKIE(4) }, .want = BAD_PARAM },
	{ .name = "Host Name Address", .type = INIT,
	  .p = { P(IPV4, 8), P(HOST_NAME, 16) }, .want = BAD_INIT,
	  .n_addrs = 1, .abort_cause = ASCTP_CAUSE_UNRESOLVABLE_ADDR },
	{ .name = "IPv4 address of 12 bytes", .type = INIT,
	  .p = { P(IPV4, 12) }, .want = BAD_PARAM },
	{ .name = "IPv6 address of 16 bytes", .type = INIT,
	  .p = { P(IPV6, 16) }, .want = BAD_PARAM },
	{ .name = "Cookie Preservative of 12 bytes", .type = INIT,
	  .p = { P(COOKIE_PRESERVATIVE, 12) }, .want = BAD_PARAM },
	{ .name = "Supported Address Types, one and two", .type = INIT,
	  .p = { P(SUPPORTED_ADDR_TYPES, 6), P(SUPPORTED_ADDR_TYPES, 8) },
	  .want = OK },
	{ .name = "Supported Address Types, none", .type = INIT,
	  .p = { P(SUPPORTED_ADDR_TYPES, 4) }, .want = BAD_PARAM },
	{ .name = "Supported Address Types, odd length", .type = INIT,
	  .p = { P(SUPPORTED_ADDR_TYPES, 7) }, .want = BAD_PARAM },
	{ .name = "zero-length parameter", .type = INIT,
	  .p = { P(IPV4, 8), P(IPV4, 0) }, .want = BAD_PARAM },
	{ .name = "128 parameters", .type = INIT,
	  .p = { PX(ASCTP_PID_ECN_CAPABLE, 4, 128) }, .want = OK,
	  .ecn = true },
	{ .name = "129 parameters", .type = INIT,
	  .p = { PX(ASCTP_PID_ECN_CAPABLE, 4, 129) }, .want = BAD_PARAM },
	{ .name = "unknown 00: stop, IPv4 after it unseen", .type = INIT,
	  .p = { PX(0x0003, 8, 1), P(IPV4, 8) }, .want = OK },
	{ .name = "unknown 00: stop, bad IPv4 after it unseen", .type = INIT,
	  .p = { PX(0x3fff, 5, 1), P(IPV4, 12) }, .want = OK },
	{ .name = "unknown 00: stop, State Cookie after it unseen",
	  .type = INIT_ACK, .p = { PX(0x0003, 4, 1), COOKIE(8) },
	  .want = BAD_INIT, .abort_cause = ASCTP_CAUSE_MISSING_PARAM },
	{ .name = "Heartbeat Info in an INIT is unknown 00", .type = INIT,
	  .p = { P(HEARTBEAT_INFO, 8), P(ECN_CAPABLE, 4) }, .want = OK },
	{ .name = "unknown 01: stop and report", .type = INIT,
	  .p = { PX(0x4001, 8, 1), P(IPV4, 8) }, .want = OK,
	  .n_unrec = 1, .unrec_type = 0x4001 },
	{ .name = "unknown 10: skip, IPv4 after it seen", .type = INIT,
	  .p = { PX(0x8002, 36, 1), P(IPV4, 8) }, .want = OK, .n_addrs = 1 },
	{ .name = "unknown 10: Supported Extensions skipped", .type = INIT,
	  .p = { PX(0x8008, 7, 1), P(ECN_CAPABLE, 4) }, .want = OK,
	  .ecn = true },
	{ .name = "unknown 11: skip and report", .type = INIT,
	  .p = { PX(0xc000, 4, 1), P(IPV4, 8) }, .want = OK, .n_addrs = 1,
	  .n_unrec = 1, .unrec_type = 0xc000 },
	{ .name = "unknown 11: more than ASCTP_MAX_UNREC", .type = INIT_ACK,
	  .p = { PX(0xc004, 8, ASCTP_MAX_UNREC + 2), P(IPV4, 8), COOKIE(8) },
	  .want = OK, .n_addrs = 1, .cookie_len = 4,
	  .n_unrec = ASCTP_MAX_UNREC, .unrec_type = 0xc004 },
	{ .name = "INIT ACK, Unrecognized Parameter before the State Cookie",
	  .type = INIT_ACK, .p = { P(UNRECOGNIZED, 12), P(IPV4, 8),
	  COOKIE(8) }, .want = OK, .n_addrs = 1, .cookie_len = 4 },
	{ .name = "INIT, Unrecognized Parameter is unknown 00", .type = INIT,
	  .p = { P(UNRECOGNIZED, 12), P(IPV4, 8) }, .want = OK },
	{ .name = "unknown 11: reports beyond ASCTP_MAX_UNREC_LEN",
	  .type = INIT, .p = { PX(0xc004, 400, 3), P(IPV4, 8) }, .want = OK,
	  .n_addrs = 1, .n_unrec = 2, .unrec_type = 0xc004 },
	{ .name = "Adaptation Layer Indication known, not reported",
	  .type = INIT_ACK, .p = { P(ADAPTATION_IND, 8), P(IPV4, 8),
	  COOKIE(8) }, .want = OK, .n_addrs = 1, .cookie_len = 4 },
	{ .name = "Adaptation Layer Indication of 12 bytes", .type = INIT,
	  .p = { P(ADAPTATION_IND, 12) }, .want = BAD_PARAM },
};

/* The chunk's length ends where the last parameter does, unpadded;
 * a parameter shorter than its header still has its header inside.
 */
static unsigned int build_init(u8 *buf, const struct init_case *c)
{
	const struct param_spec *s = c->p;
	unsigned int off, end, i;

	off = put_init(buf, c->type, c->zero & ZERO_TAG ? 0 : INIT_TAG,
		       c->zero & ZERO_OS ? 0 : INIT_OS,
		       c->zero & ZERO_MIS ? 0 : INIT_MIS);
	end = off;
	for (; s < c->p + ARRAY_SIZE(c->p) && s->times; s++) {
		for (i = 0; i < s->times && off < SCRATCH_LEN - 32; i++) {
			end = off + max_t(unsigned int, s->len,
					  ASCTP_PARAM_HDR_LEN);
			off = put_param(buf, off, s->type, s->len);
		}
	}
	put_chunk(buf, 0, c->type, end);
	return end;
}

static void init_case_desc(const struct init_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(init, init_cases, init_case_desc);

static void init_parse_test(struct kunit *test)
{
	const struct init_case *c = test->param_value;
	u8 *buf = scratch(test);
	unsigned int len = build_init(buf, c);
	const struct asctp_chunk_hdr *ch = exact(test, buf, len);
	struct asctp_init_info info;
	unsigned int i, unrec_len = 0;

	memset(&info, 0xa5, sizeof(info));
	KUNIT_EXPECT_EQ(test, asctp_init_parse(ch, &info), c->want);
	KUNIT_EXPECT_EQ(test, info.abort_cause, c->abort_cause);
	KUNIT_EXPECT_EQ(test, info.n_addrs, c->n_addrs);
	KUNIT_EXPECT_EQ(test, info.ecn, c->ecn);
	KUNIT_EXPECT_EQ(test, info.cookie_len, c->cookie_len);
	KUNIT_EXPECT_EQ(test, !!info.cookie, !!c->cookie_len);
	KUNIT_ASSERT_EQ(test, info.n_unrec, c->n_unrec);
	for (i = 0; i < info.n_unrec; i++) {
		KUNIT_EXPECT_EQ(test, ntohs(info.unrec[i]->type), c->unrec_type);
		unrec_len += ASCTP_PARAM_HDR_LEN +
			     asctp_pad4(ntohs(info.unrec[i]->length));
	}
	KUNIT_EXPECT_EQ(test, info.unrec_len, unrec_len);
	KUNIT_EXPECT_LE(test, unrec_len, ASCTP_MAX_UNREC_LEN);
}

/* Every fixed field, in host order, and the parameters' values. */
static void init_fields_test(struct kunit *test)
{
	static const u8 addr[] = { 192, 0, 2, 1 };
	u8 *buf = scratch(test);
	const struct asctp_chunk_hdr *ch;
	struct asctp_init_info info;
	unsigned int len;
	__be32 inc = htonl(5000), ind = htonl(0x01020304);

	len = put_init(buf, INIT, INIT_TAG, INIT_OS, INIT_MIS);
	memcpy(buf + len + ASCTP_PARAM_HDR_LEN, addr, sizeof(addr));
	len = put_param(buf, len, ASCTP_PID_IPV4, 8);
	memcpy(buf + len + ASCTP_PARAM_HDR_LEN, &inc, sizeof(inc));
	len = put_param(buf, len, ASCTP_PID_COOKIE_PRESERVATIVE, 8);
	len = put_param(buf, len, ASCTP_PID_ECN_CAPABLE, 4);
	memcpy(buf + len + ASCTP_PARAM_HDR_LEN, &ind, sizeof(ind));
	len = put_param(buf, len, ASCTP_PID_ADAPTATION_IND, 8);
	put_chunk(buf, 0, INIT, len);
	ch = exact(test, buf, len);

	memset(&info, 0xa5, sizeof(info));
	KUNIT_ASSERT_EQ(test, asctp_init_parse(ch, &info), ASCTP_MIB_IN_PKTS);
	KUNIT_EXPECT_EQ(test, info.init_tag, INIT_TAG);
	KUNIT_EXPECT_EQ(test, info.a_rwnd, INIT_RWND);
	KUNIT_EXPECT_EQ(test, info.init_tsn, INIT_TSN);
	KUNIT_EXPECT_EQ(test, info.os, INIT_OS);
	KUNIT_EXPECT_EQ(test, info.mis, INIT_MIS);
	KUNIT_EXPECT_EQ(test, info.cookie_inc_ms, 5000);
	KUNIT_EXPECT_EQ(test, info.adaptation_ind, 0x01020304);
	KUNIT_EXPECT_EQ(test, info.n_addrs, 1);
	KUNIT_EXPECT_TRUE(test, info.ecn);
	KUNIT_EXPECT_NULL(test, info.cookie);
	KUNIT_EXPECT_EQ(test, info.cookie_len, 0);
	KUNIT_EXPECT_EQ(test, info.n_unrec, 0);
	KUNIT_EXPECT_EQ(test, info.abort_cause, 0);
}

/* The IPv4 and IPv6 Address parameters of an INIT become at most
 * ASCTP_MAX_PADDRS usable, distinct peer addresses, in order (3.3.2.1);
 * an IPv4 one as asctp holds it, IPv4-mapped (addr.h).
 */
struct addrs_case {
	const char *name;
	const char *in[12];	/* a ':' makes it an IPv6 parameter */
	const char *want[ASCTP_MAX_PADDRS];
	u16 n_addrs;		/* address parameters seen */
};

static const struct addrs_case addrs_cases[] = {
	{ "two addresses", { "10.0.0.1", "10.0.1.1" },
	  { "10.0.0.1", "10.0.1.1" }, 2 },
	{ "duplicates once", { "10.0.0.1", "10.0.0.1", "10.0.1.1", "10.0.0.1" },
	  { "10.0.0.1", "10.0.1.1" }, 4 },
	{ "wildcard, broadcast, multicast unused",
	  { "0.0.0.0", "255.255.255.255", "224.0.0.5", "192.0.2.7" },
	  { "192.0.2.7" }, 4 },
	{ "0.x.y.z unused", { "0.1.2.3", "127.0.0.1" }, { "127.0.0.1" }, 2 },
	{ "more than ASCTP_MAX_PADDRS", { "10.0.0.1", "10.0.0.2", "10.0.0.3",
	  "10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.7", "10.0.0.8",
	  "10.0.0.9", "10.0.0.10" },
	  { "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5",
	    "10.0.0.6", "10.0.0.7", "10.0.0.8" }, 10 },
	{ "none", {}, {}, 0 },
	{ "IPv6 and IPv4, in order", { "2001:db8::1", "10.0.0.1", "::1",
	  "fd00::7" }, { "2001:db8::1", "10.0.0.1", "::1", "fd00::7" }, 4 },
	{ "IPv6 once", { "2001:db8::1", "2001:db8::1", "2001:db8::2" },
	  { "2001:db8::1", "2001:db8::2" }, 3 },
	{ "IPv6 unspecified, multicast, link- and site-local unused",
	  { "::", "ff02::1", "fe80::1", "fec0::1", "2001:db8::5" },
	  { "2001:db8::5" }, 5 },
	{ "IPv4-mapped in an IPv6 parameter unused",
	  { "::ffff:10.0.0.1", "10.0.0.1" }, { "10.0.0.1" }, 2 },
	{ "IPv6 and IPv4 share the limit", { "2001:db8::1", "2001:db8::2",
	  "2001:db8::3", "2001:db8::4", "10.0.0.5", "10.0.0.6", "10.0.0.7",
	  "2001:db8::8", "10.0.0.9" },
	  { "2001:db8::1", "2001:db8::2", "2001:db8::3", "2001:db8::4",
	    "10.0.0.5", "10.0.0.6", "10.0.0.7", "2001:db8::8" }, 9 },
};

static void addrs_case_desc(const struct addrs_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(addrs, addrs_cases, addrs_case_desc);

/* @text as an address parameter's value at @to; returns its type. */
static u16 addr_param(struct kunit *test, const char *text, void *to)
{
	if (strchr(text, ':')) {
		KUNIT_ASSERT_EQ(test, in6_pton(text, -1, to, -1, NULL), 1);
		return ASCTP_PID_IPV6;
	}
	KUNIT_ASSERT_EQ(test, in4_pton(text, -1, to, -1, NULL), 1);
	return ASCTP_PID_IPV4;
}

static void addr_held(struct kunit *test, const char *text,
		      struct in6_addr *a)
{
	__be32 v4;

	if (addr_param(test, text, a) == ASCTP_PID_IPV4) {
		memcpy(&v4, a, sizeof(v4));
		asctp_addr_set_v4(a, v4);
	}
}

static void init_addrs_test(struct kunit *test)
{
	const struct addrs_case *c = test->param_value;
	u8 *buf = scratch(test);
	struct asctp_init_info info;
	unsigned int len, i, n;
	struct in6_addr want;
	u16 type;

	len = put_init(buf, INIT, INIT_TAG, INIT_OS, INIT_MIS);
	for (i = 0; i < ARRAY_SIZE(c->in) && c->in[i]; i++) {
		type = addr_param(test, c->in[i], buf + len + ASCTP_PARAM_HDR_LEN);
		len = put_param(buf, len, type, type == ASCTP_PID_IPV4 ? 8 : 20);
	}
	put_chunk(buf, 0, INIT, len);
	memset(&info, 0xa5, sizeof(info));
	KUNIT_ASSERT_EQ(test, asctp_init_parse(exact(test, buf, len), &info),
			ASCTP_MIB_IN_PKTS);
	KUNIT_EXPECT_EQ(test, info.n_addrs, c->n_addrs);
	for (n = 0; n < ASCTP_MAX_PADDRS && c->want[n]; n++)
		;
	KUNIT_ASSERT_EQ(test, info.n_paddrs, n);
	for (i = 0; i < n; i++) {
		addr_held(test, c->want[i], &want);
		KUNIT_EXPECT_TRUE_MSG(test, asctp_addr_eq(&info.paddrs[i], &want),
				      "address %u: %pI6c, expected %s", i,
				      &info.paddrs[i], c->want[i]);
	}
}

/* The State Cookie is handed back in place, value only. */
static void init_ack_cookie_test(struct kunit *test)
{
	u8 *buf = scratch(test);
	const struct asctp_chunk_hdr *ch;
	struct asctp_init_info info;
	unsigned int len, at;

	len = put_init(buf, INIT_ACK, INIT_TAG, INIT_OS, INIT_MIS);
	len = put_param(buf, len, ASCTP_PID_ECN_CAPABLE, 4);
	at = len + ASCTP_PARAM_HDR_LEN;
	memset(buf + at, 0x5c, 13);
	len = at + 13;
	put_param(buf, at - ASCTP_PARAM_HDR_LEN, ASCTP_PID_STATE_COOKIE, 17);
	put_chunk(buf, 0, INIT_ACK, len);
	ch = exact(test, buf, len);

	KUNIT_ASSERT_EQ(test, asctp_init_parse(ch, &info), ASCTP_MIB_IN_PKTS);
	KUNIT_EXPECT_PTR_EQ(test, info.cookie, (const void *)ch + at);
	KUNIT_EXPECT_EQ(test, info.cookie_len, 13);
	KUNIT_EXPECT_EQ(test, memcmp(info.cookie, buf + at, 13), 0);
}

/* An ERROR's causes: the walk ends at the first malformed one, and
 * the last may lack its padding.
 */
static void cause_next_test(struct kunit *test)
{
	u8 *buf = scratch(test);
	const struct asctp_cause_hdr *c;
	unsigned int len, off = 0, n = 0;
	const void *pkt;

	len = put_param(buf, 0, ASCTP_CAUSE_INVALID_STREAM, 8);
	len = put_param(buf, len, ASCTP_CAUSE_NO_USER_DATA, 8);
	len = put_param(buf, len, ASCTP_CAUSE_USER_ABORT, 5);
	len -= 3;			/* unpadded at the end */
	pkt = exact(test, buf, len);
	while ((c = asctp_cause_next(pkt, len, &off)))
		n++;
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_EXPECT_EQ(test, off, len + 3);

	/* the second one's length runs past the end: only the first */
	put_param(buf, 8, ASCTP_CAUSE_NO_USER_DATA, 16);
	pkt = exact(test, buf, 16);
	off = 0;
	KUNIT_EXPECT_NOT_NULL(test, asctp_cause_next(pkt, 16, &off));
	KUNIT_EXPECT_NULL(test, asctp_cause_next(pkt, 16, &off));
	KUNIT_EXPECT_EQ(test, off, 8);

	/* shorter than its header, or a header cut short */
	put_param(buf, 0, ASCTP_CAUSE_NO_USER_DATA, 3);
	off = 0;
	KUNIT_EXPECT_NULL(test, asctp_cause_next(exact(test, buf, 8), 8, &off));
	KUNIT_EXPECT_NULL(test, asctp_cause_next(exact(test, buf, 3), 3, &off));
}

/* Gap Ack Blocks: ascending, not overlapping, none starting at 0. */
static void sack_gaps_ok_test(struct kunit *test)
{
	static const struct {
		u16 g[3][2];
		u8 n;
		bool ok;
	} cases[] = {
		{ { { 2, 3 }, { 5, 5 }, { 7, 9 } }, 3, true },
		{ { { 1, 1 } }, 1, true },
		{ { { 0, 1 } }, 1, false },		/* starts at 0 */
		{ { { 3, 2 } }, 1, false },		/* end before start */
		{ { { 2, 4 }, { 4, 6 } }, 2, false },	/* overlap */
		{ { { 5, 6 }, { 2, 3 } }, 2, false },	/* descending */
		{ {}, 0, true },
	};
	struct asctp_sack_gap g[3];
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		for (j = 0; j < cases[i].n; j++) {
			g[j].start = htons(cases[i].g[j][0]);
			g[j].end = htons(cases[i].g[j][1]);
		}
		KUNIT_EXPECT_EQ_MSG(test, asctp_sack_gaps_ok(g, cases[i].n),
				    cases[i].ok, "case %u", i);
	}
}

static struct kunit_case asctp_chunk_cases[] = {
	KUNIT_CASE_PARAM(chunk_check_test, chunk_gen_params),
	KUNIT_CASE(chunk_walk_test),
	KUNIT_CASE_PARAM(tlv_check_test, tlv_gen_params),
	KUNIT_CASE_PARAM(init_parse_test, init_gen_params),
	KUNIT_CASE(init_fields_test),
	KUNIT_CASE_PARAM(init_addrs_test, addrs_gen_params),
	KUNIT_CASE(init_ack_cookie_test),
	KUNIT_CASE(cause_next_test),
	KUNIT_CASE(sack_gaps_ok_test),
	{}
};

static struct kunit_suite asctp_chunk_suite = {
	.name = "asctp_chunk",
	.test_cases = asctp_chunk_cases,
};

kunit_test_suite(asctp_chunk_suite);
