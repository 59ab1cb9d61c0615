// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the [chunk][state] table, TSN serial arithmetic, the tag rules
 * of RFC 9260 8.5 and 8.5.1, and the association lookups by verification
 * tag and by tuple (on real associations of a kernel socket in init_net).
 */

#include <kunit/test.h>
#include <linux/net.h>

#include "../assoc.h"
#include "../sm.h"
#include "../sock.h"

static void sm_table_complete_test(struct kunit *test)
{
	int type, state;

	for (type = 0; type < ASCTP_CID_MAX; type++)
		for (state = 0; state < ASCTP_S_MAX; state++)
			KUNIT_EXPECT_NOT_NULL_MSG(test,
						  asctp_sm_lookup(type, state),
						  "chunk %d state %d", type, state);
	KUNIT_EXPECT_NULL(test, asctp_sm_lookup(ASCTP_CID_MAX, 0));
	KUNIT_EXPECT_NULL(test, asctp_sm_lookup(0xff, 0));
	KUNIT_EXPECT_NULL(test, asctp_sm_lookup(0, ASCTP_S_MAX));
}

struct sm_cell {
	const char *name;
	u8 type;
	enum asctp_state state;
	asctp_sm_fn fn;
	bool is;		/* the cell holds fn (or, if false, not) */
};

#define CELL(t, s, f, is) { #t " in " #s, ASCTP_CID_##t, ASCTP_S_##s, f, is }

static const struct sm_cell sm_cells[] = {
	CELL(INIT, CLOSED, asctp_sm_init, true),
	CELL(INIT, SHUTDOWN_ACK_SENT, asctp_sm_init, false),	/* 9.2 */
	CELL(INIT, COOKIE_WAIT, asctp_sm_init, true),		/* 5.2.1 */
	CELL(INIT, COOKIE_ECHOED, asctp_sm_init, true),
	CELL(INIT, ESTABLISHED, asctp_sm_init, true),		/* 5.2.2 */
	CELL(INIT, SHUTDOWN_RECEIVED, asctp_sm_init, true),
	CELL(INIT, SHUTDOWN_ACK_SENT, asctp_sm_init_shutdown_ack_sent, true),
	CELL(INIT_ACK, COOKIE_WAIT, asctp_sm_init_ack, true),
	CELL(INIT_ACK, ESTABLISHED, asctp_sm_init_ack, false),
	CELL(COOKIE_ECHO, CLOSED, asctp_sm_cookie_echo, true),
	CELL(COOKIE_ECHO, ESTABLISHED, asctp_sm_cookie_echo_dup, true),
	CELL(COOKIE_ECHO, COOKIE_WAIT, asctp_sm_cookie_echo_dup, true),	/* 5.2.4 */
	CELL(COOKIE_ECHO, COOKIE_ECHOED, asctp_sm_cookie_echo_dup, true),
	CELL(COOKIE_ACK, COOKIE_ECHOED, asctp_sm_cookie_ack, true),
	CELL(COOKIE_ACK, ESTABLISHED, asctp_sm_cookie_ack, false),
	CELL(DATA, ESTABLISHED, asctp_sm_data, true),
	CELL(DATA, SHUTDOWN_SENT, asctp_sm_data, true),
	CELL(DATA, CLOSED, asctp_sm_data, false),
	CELL(DATA, COOKIE_WAIT, asctp_sm_data, false),
	CELL(SACK, ESTABLISHED, asctp_sm_sack, true),
	CELL(SACK, SHUTDOWN_RECEIVED, asctp_sm_sack, true),
	CELL(SACK, CLOSED, asctp_sm_sack, false),
	CELL(ABORT, COOKIE_WAIT, asctp_sm_abort, true),
	CELL(ABORT, SHUTDOWN_ACK_SENT, asctp_sm_abort, true),
	CELL(ABORT, CLOSED, asctp_sm_abort, false),
	CELL(SHUTDOWN, ESTABLISHED, asctp_sm_shutdown, true),
	CELL(SHUTDOWN, SHUTDOWN_SENT, asctp_sm_shutdown, true),
	CELL(SHUTDOWN, COOKIE_WAIT, asctp_sm_shutdown, false),
	CELL(SHUTDOWN_ACK, SHUTDOWN_SENT, asctp_sm_shutdown_ack, true),
	CELL(SHUTDOWN_ACK, SHUTDOWN_ACK_SENT, asctp_sm_shutdown_ack, true),
	CELL(SHUTDOWN_ACK, ESTABLISHED, asctp_sm_shutdown_ack, false),
	CELL(SHUTDOWN_COMPLETE, SHUTDOWN_ACK_SENT,
	     asctp_sm_shutdown_complete, true),
	CELL(SHUTDOWN_COMPLETE, ESTABLISHED, asctp_sm_shutdown_complete,
	     false),
};

static void sm_cell_desc(const struct sm_cell *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(sm_cell, sm_cells, sm_cell_desc);

static void sm_cell_test(struct kunit *test)
{
	const struct sm_cell *c = test->param_value;

	if (c->is)
		KUNIT_EXPECT_PTR_EQ(test, asctp_sm_lookup(c->type, c->state),
				    c->fn);
	else
		KUNIT_EXPECT_PTR_NE(test, asctp_sm_lookup(c->type, c->state),
				    c->fn);
}

struct tsn_case {
	const char *name;
	u32 a, b;
	bool after;
};

static const struct tsn_case tsn_cases[] = {
	{ "next", 1, 0, true },
	{ "equal", 5, 5, false },
	{ "before", 4, 5, false },
	{ "across the wrap", 2, 0xfffffffe, true },
	{ "behind across the wrap", 0xfffffffe, 2, false },
	{ "just under half", 0x7fffffff, 0, true },
	{ "half is not after", 0x80000000, 0, false },
};

static void tsn_case_desc(const struct tsn_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(tsn, tsn_cases, tsn_case_desc);

static void sm_tsn_after_test(struct kunit *test)
{
	const struct tsn_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, asctp_tsn_after(c->a, c->b), c->after);
}

/* RFC 9260 8.5, 8.5.1: which tag a chunk must carry.  The association
 * (none when state is CLOSED) has our tag 0x1111, the peer's 0x2222,
 * or 0 in COOKIE-WAIT where the peer's is not known yet.
 */
struct vtag_case {
	const char *name;
	u8 type, flags;
	u32 vtag;
	enum asctp_state state;
	bool ok;
};

#define T ASCTP_FLAG_T
#define VT(n, t, f, v, s, ok) { n, ASCTP_CID_##t, f, v, ASCTP_S_##s, ok }

static const struct vtag_case vtag_cases[] = {
	VT("A: INIT, tag 0", INIT, 0, 0, CLOSED, true),
	VT("A: INIT, tag not 0", INIT, 0, 0x1111, CLOSED, false),
	VT("A: INIT, tag not 0, association", INIT, 0, 0x1111, ESTABLISHED, false),
	VT("B: ABORT, our tag", ABORT, 0, 0x1111, ESTABLISHED, true),
	VT("B: ABORT, the peer's tag, no T", ABORT, 0, 0x2222, ESTABLISHED, false),
	VT("B: ABORT, T, the peer's tag", ABORT, T, 0x2222, ESTABLISHED, true),
	VT("B: ABORT, T, our tag", ABORT, T, 0x1111, ESTABLISHED, false),
	VT("B: ABORT, COOKIE-WAIT, our tag", ABORT, 0, 0x1111, COOKIE_WAIT, true),
	VT("B: ABORT, COOKIE-WAIT, T, tag 0", ABORT, T, 0, COOKIE_WAIT, false),
	VT("B: ABORT, no association", ABORT, T, 0x5555, CLOSED, true),
	VT("C: SHUTDOWN COMPLETE, T, the peer's tag", SHUTDOWN_COMPLETE, T,
	   0x2222, SHUTDOWN_ACK_SENT, true),
	VT("C: SHUTDOWN COMPLETE, T, tag 0, COOKIE-WAIT", SHUTDOWN_COMPLETE, T,
	   0, COOKIE_WAIT, false),
	VT("C: SHUTDOWN COMPLETE, a wrong tag", SHUTDOWN_COMPLETE, 0, 0x2222,
	   SHUTDOWN_ACK_SENT, false),
	VT("D: COOKIE ECHO, any tag (the cookie's is checked)", COOKIE_ECHO, 0,
	   0x5555, ESTABLISHED, true),
	VT("E: SHUTDOWN ACK, COOKIE-ECHOED, any tag", SHUTDOWN_ACK, 0, 0x5555,
	   COOKIE_ECHOED, true),
	VT("E: SHUTDOWN ACK, SHUTDOWN-SENT, a wrong tag", SHUTDOWN_ACK, 0,
	   0x5555, SHUTDOWN_SENT, false),
	VT("8.5: DATA, our tag", DATA, 0, 0x1111, ESTABLISHED, true),
	VT("8.5: DATA, the peer's tag", DATA, 0, 0x2222, ESTABLISHED, false),
	VT("8.5: DATA, T, tag 0, COOKIE-WAIT", DATA, T, 0, COOKIE_WAIT, false),
};

#undef T

static void vtag_case_desc(const struct vtag_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(vtag, vtag_cases, vtag_case_desc);

static void sm_vtag_test(struct kunit *test)
{
	const struct vtag_case *c = test->param_value;
	struct asctp_assoc *a = NULL;

	if (c->state != ASCTP_S_CLOSED) {
		a = kunit_kzalloc(test, sizeof(*a), GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, a);
		a->state = c->state;
		a->my_vtag = 0x1111;
		a->peer_vtag = c->state == ASCTP_S_COOKIE_WAIT ? 0 : 0x2222;
	}
	KUNIT_EXPECT_EQ(test, asctp_sm_vtag_ok(c->type, c->flags, c->vtag, a),
			c->ok);
}

/* Two associations on a kernel socket, hashed like real ones. */
struct lookup_ctx {
	struct socket *sock;
	struct asctp_assoc *a[2];
};

/* An IPv4 address (host order) as asctp holds it (addr.h). */
static struct in6_addr v4(u32 host)
{
	struct in6_addr a;

	asctp_addr_set_v4(&a, htonl(host));
	return a;
}

static struct asctp_assoc *lookup_add(struct kunit *test, struct sock *sk,
				      u32 vtag, u16 lport, u32 paddr)
{
	struct asctp_assoc *a = asctp_assoc_new(sk, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, a);
	a->my_vtag = vtag;
	a->lport = htons(lport);
	a->pport = htons(2000);
	a->laddr = v4(0x0a000001);
	a->paddr = v4(paddr);
	a->primary->addr = a->paddr;
	asctp_assoc_hash(a);
	return a;
}

static int lookup_init(struct kunit *test)
{
	struct lookup_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	int err;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	err = sock_create_kern(&init_net, PF_INET, SOCK_SEQPACKET,
			       asctp_ipproto, &ctx->sock);
	KUNIT_ASSERT_EQ(test, err, 0);
	lock_sock(ctx->sock->sk);
	/* the same tag twice: the ports tell them apart */
	ctx->a[0] = lookup_add(test, ctx->sock->sk, 0x1111, 1000, 0x0a000002);
	ctx->a[1] = lookup_add(test, ctx->sock->sk, 0x1111, 1001, 0x0a000003);
	release_sock(ctx->sock->sk);
	test->priv = ctx;
	return 0;
}

static void lookup_exit(struct kunit *test)
{
	struct lookup_ctx *ctx = test->priv;

	lock_sock(ctx->sock->sk);
	if (ctx->a[0])
		asctp_assoc_delete(ctx->a[0]);
	if (ctx->a[1])
		asctp_assoc_delete(ctx->a[1]);
	release_sock(ctx->sock->sk);
	sock_release(ctx->sock);
}

static struct asctp_assoc *by_vtag(u32 vtag, u16 lport, u16 pport)
{
	struct asctp_assoc *a;

	rcu_read_lock();
	a = asctp_assoc_lookup_vtag(&init_net, vtag, htons(lport),
				    htons(pport));
	rcu_read_unlock();
	if (a)
		asctp_assoc_put(a);	/* still owned by the socket */
	return a;
}

static struct asctp_assoc *by_tuple6(u16 lport, const struct in6_addr *paddr,
				     u16 pport)
{
	struct in6_addr laddr = v4(0x0a000001);
	struct asctp_assoc *a;

	rcu_read_lock();
	a = asctp_assoc_lookup_tuple(&init_net, &laddr, htons(lport), paddr,
				     htons(pport));
	rcu_read_unlock();
	if (a)
		asctp_assoc_put(a);
	return a;
}

static struct asctp_assoc *by_tuple(u16 lport, u32 paddr, u16 pport)
{
	struct in6_addr a = v4(paddr);

	return by_tuple6(lport, &a, pport);
}

static void lookup_vtag_test(struct kunit *test)
{
	struct lookup_ctx *ctx = test->priv;

	KUNIT_EXPECT_PTR_EQ(test, by_vtag(0x1111, 1000, 2000), ctx->a[0]);
	KUNIT_EXPECT_PTR_EQ(test, by_vtag(0x1111, 1001, 2000), ctx->a[1]);
	KUNIT_EXPECT_NULL(test, by_vtag(0x1112, 1000, 2000));
	KUNIT_EXPECT_NULL(test, by_vtag(0x1111, 1000, 2001));
	KUNIT_EXPECT_NULL(test, by_vtag(0x1111, 1002, 2000));
}

static void lookup_tuple_test(struct kunit *test)
{
	struct lookup_ctx *ctx = test->priv;

	KUNIT_EXPECT_PTR_EQ(test, by_tuple(1000, 0x0a000002, 2000), ctx->a[0]);
	KUNIT_EXPECT_PTR_EQ(test, by_tuple(1001, 0x0a000003, 2000), ctx->a[1]);
	KUNIT_EXPECT_NULL(test, by_tuple(1000, 0x0a000003, 2000));
	KUNIT_EXPECT_NULL(test, by_tuple(1000, 0x0a000002, 2001));
}

/* A path added once hashed: the peer's second address finds it too. */
static void lookup_second_path_test(struct kunit *test)
{
	struct lookup_ctx *ctx = test->priv;
	struct in6_addr a9 = v4(0x0a000009);
	struct asctp_path *p;

	KUNIT_EXPECT_NULL(test, by_tuple(1000, 0x0a000009, 2000));
	lock_sock(ctx->sock->sk);
	p = asctp_path_add(ctx->a[0], &a9, SCTP_UNCONFIRMED, GFP_KERNEL);
	release_sock(ctx->sock->sk);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_PTR_EQ(test, by_tuple(1000, 0x0a000009, 2000), ctx->a[0]);
	KUNIT_EXPECT_PTR_EQ(test, by_tuple(1000, 0x0a000002, 2000), ctx->a[0]);
	KUNIT_EXPECT_NULL(test, by_tuple(1001, 0x0a000009, 2000));
	lock_sock(ctx->sock->sk);
	asctp_assoc_delete(ctx->a[0]);
	ctx->a[0] = NULL;
	release_sock(ctx->sock->sk);
	KUNIT_EXPECT_NULL(test, by_tuple(1000, 0x0a000009, 2000));
}

/* An IPv6 path is found by its address only: not by an IPv4 address
 * with the same last 32 bits, nor the other way round.
 */
static void lookup_v6_path_test(struct kunit *test)
{
	static const struct in6_addr a6 = {
		.s6_addr = { 0x20, 0x01, 0x0d, 0xb8, [15] = 9 } };
	static const struct in6_addr compat = {	/* ::10.0.0.3 */
		.s6_addr = { [12] = 10, [15] = 3 } };
	struct lookup_ctx *ctx = test->priv;
	struct asctp_path *p;

	lock_sock(ctx->sock->sk);
	p = asctp_path_add(ctx->a[1], &a6, SCTP_UNCONFIRMED, GFP_KERNEL);
	release_sock(ctx->sock->sk);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_PTR_EQ(test, by_tuple6(1001, &a6, 2000), ctx->a[1]);
	KUNIT_EXPECT_NULL(test, by_tuple6(1000, &a6, 2000));
	KUNIT_EXPECT_NULL(test, by_tuple(1001, 0x00000009, 2000));
	KUNIT_EXPECT_NULL(test, by_tuple6(1001, &compat, 2000));
	KUNIT_EXPECT_PTR_EQ(test, by_tuple(1001, 0x0a000003, 2000), ctx->a[1]);
	KUNIT_EXPECT_PTR_EQ(test, asctp_path_find(ctx->a[1], &a6), p);
}

static void lookup_deleted_test(struct kunit *test)
{
	struct lookup_ctx *ctx = test->priv;

	lock_sock(ctx->sock->sk);
	asctp_assoc_delete(ctx->a[0]);
	ctx->a[0] = NULL;
	release_sock(ctx->sock->sk);
	KUNIT_EXPECT_NULL(test, by_vtag(0x1111, 1000, 2000));
	KUNIT_EXPECT_NULL(test, by_tuple(1000, 0x0a000002, 2000));
	KUNIT_EXPECT_PTR_EQ(test, by_vtag(0x1111, 1001, 2000), ctx->a[1]);
}

static struct kunit_case sm_test_cases[] = {
	KUNIT_CASE(sm_table_complete_test),
	KUNIT_CASE_PARAM(sm_cell_test, sm_cell_gen_params),
	KUNIT_CASE_PARAM(sm_tsn_after_test, tsn_gen_params),
	KUNIT_CASE_PARAM(sm_vtag_test, vtag_gen_params),
	{}
};

static struct kunit_suite sm_test_suite = {
	.name = "asctp_sm",
	.test_cases = sm_test_cases,
};

static struct kunit_case lookup_test_cases[] = {
	KUNIT_CASE(lookup_vtag_test),
	KUNIT_CASE(lookup_tuple_test),
	KUNIT_CASE(lookup_second_path_test),
	KUNIT_CASE(lookup_v6_path_test),
	KUNIT_CASE(lookup_deleted_test),
	{}
};

static struct kunit_suite lookup_test_suite = {
	.name = "asctp_lookup",
	.init = lookup_init,
	.exit = lookup_exit,
	.test_cases = lookup_test_cases,
};

kunit_test_suites(&sm_test_suite, &lookup_test_suite);
