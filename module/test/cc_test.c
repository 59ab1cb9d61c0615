// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: RTO calculation (RFC 9260 6.3.1) and congestion control
 * (7.2), each case a sequence of events with the state after each.
 */

#include <kunit/test.h>

#include "../cc.h"
#include "../rto.h"

struct rto_step {
	int backoff;			/* 1: back off, else sample rtt_us */
	u32 rtt_us;
	u32 srtt_us, rttvar_us, rto_ms;
};

struct rto_case {
	const char *name;
	u32 initial, min, max;
	u32 rto0;
	struct rto_step step[6];
	int n;
};

static const struct rto_case rto_cases[] = {
	{ "defaults: clamped to RTO.Min", 1000, 1000, 60000, 1000,
	  { { 0, 100000, 100000, 50000, 1000 } }, 1 },
	{ "C2 and C3", 1000, 100, 60000, 1000,
	  { { 0, 100000, 100000, 50000, 300 },
	    { 0, 200000, 112500, 62500, 363 },
	    { 0, 112500, 112500, 46875, 300 } }, 3 },
	{ "back-off to RTO.Max", 3000, 1000, 10000, 3000,
	  { { 1, 0, 0, 0, 6000 }, { 1, 0, 0, 0, 10000 },
	    { 1, 0, 0, 0, 10000 } }, 3 },
	{ "sample ends the back-off", 1000, 200, 60000, 1000,
	  { { 1, 0, 0, 0, 2000 }, { 0, 10000, 10000, 5000, 200 } }, 2 },
	{ "initial below RTO.Min", 100, 500, 60000, 500, {}, 0 },
	{ "zero RTT counts as 1 us", 1000, 1, 60000, 1000,
	  { { 0, 0, 1, 0, 1 } }, 1 },
};

static void rto_case_desc(const struct rto_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rto, rto_cases, rto_case_desc);

static void rto_test(struct kunit *test)
{
	const struct rto_case *c = test->param_value;
	struct asctp_rto r;
	int i;

	asctp_rto_init(&r, c->initial, c->min, c->max);
	KUNIT_EXPECT_EQ(test, r.rto_ms, c->rto0);
	for (i = 0; i < c->n; i++) {
		const struct rto_step *s = &c->step[i];

		if (s->backoff) {
			asctp_rto_backoff(&r);
		} else {
			asctp_rto_sample(&r, s->rtt_us);
			KUNIT_EXPECT_EQ_MSG(test, r.srtt_us, s->srtt_us, "step %d", i);
			KUNIT_EXPECT_EQ_MSG(test, r.rttvar_us, s->rttvar_us, "step %d", i);
		}
		KUNIT_EXPECT_EQ_MSG(test, r.rto_ms, s->rto_ms, "step %d", i);
	}
}

enum cc_op { ACK, ACK_NO_CUM, FAST, T3, IDLE, EMPTY };

struct cc_step {
	enum cc_op op;
	u32 bytes, flight;
	u32 cwnd, ssthresh, pba;
};

struct cc_case {
	const char *name;
	u32 cwnd, ssthresh;		/* set after init; 0: keep */
	struct cc_step step[5];
	int n;
};

static const struct cc_case cc_cases[] = {
	{ "slow start: one MTU per SACK", 0, 0,
	  { { ACK, 3000, 4404, 5904, 65536, 0 },
	    { ACK, 1000, 5904, 6904, 65536, 0 } }, 2 },
	{ "slow start: cwnd not in use", 0, 0,
	  { { ACK, 3000, 1000, 4404, 65536, 0 } }, 1 },
	{ "slow start: cum TSN did not move", 0, 0,
	  { { ACK_NO_CUM, 3000, 4404, 4404, 65536, 0 } }, 1 },
	{ "avoidance: one MTU per cwnd acked", 10000, 6000,
	  { { ACK, 6000, 10000, 10000, 6000, 6000 },
	    { ACK, 5000, 10000, 11500, 6000, 1000 },
	    { EMPTY, 0, 0, 11500, 6000, 0 } }, 3 },
	{ "avoidance: not in use, no growth", 10000, 6000,
	  { { ACK, 12000, 2000, 10000, 6000, 12000 } }, 1 },
	{ "fast retransmit halves", 20000, 0,
	  { { FAST, 0, 0, 10000, 10000, 0 } }, 1 },
	{ "fast retransmit: not below 4 MTU", 8000, 0,
	  { { FAST, 0, 0, 6000, 6000, 0 } }, 1 },
	{ "T3: one MTU", 20000, 0,
	  { { T3, 0, 0, 1500, 10000, 0 },
	    { ACK, 1500, 1500, 3000, 10000, 0 } }, 2 },
	{ "idle halves, not below initial", 20000, 0,
	  { { IDLE, 0, 0, 10000, 65536, 0 }, { IDLE, 0, 0, 5000, 65536, 0 },
	    { IDLE, 0, 0, 4404, 65536, 0 } }, 3 },
};

static void cc_case_desc(const struct cc_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cc, cc_cases, cc_case_desc);

static void cc_test(struct kunit *test)
{
	const struct cc_case *c = test->param_value;
	struct asctp_cc cc;
	int i;

	asctp_cc_init(&cc, 1500, 65536);
	KUNIT_EXPECT_EQ(test, cc.cwnd, 4404U);
	if (c->cwnd)
		cc.cwnd = c->cwnd;
	if (c->ssthresh)
		cc.ssthresh = c->ssthresh;
	for (i = 0; i < c->n; i++) {
		const struct cc_step *s = &c->step[i];

		switch (s->op) {
		case ACK:
		case ACK_NO_CUM:
			asctp_cc_acked(&cc, s->bytes, s->flight, s->op == ACK);
			break;
		case FAST:
			asctp_cc_fast_rtx(&cc);
			break;
		case T3:
			asctp_cc_timeout(&cc);
			break;
		case IDLE:
			asctp_cc_idle(&cc);
			break;
		case EMPTY:
			asctp_cc_flight_empty(&cc);
			break;
		}
		KUNIT_EXPECT_EQ_MSG(test, cc.cwnd, s->cwnd, "step %d", i);
		KUNIT_EXPECT_EQ_MSG(test, cc.ssthresh, s->ssthresh, "step %d", i);
		KUNIT_EXPECT_EQ_MSG(test, cc.pba, s->pba, "step %d", i);
	}
}

static struct kunit_case cc_test_cases[] = {
	KUNIT_CASE_PARAM(rto_test, rto_gen_params),
	KUNIT_CASE_PARAM(cc_test, cc_gen_params),
	{}
};

static struct kunit_suite cc_test_suite = {
	.name = "asctp_rto_cc",
	.test_cases = cc_test_cases,
};

kunit_test_suite(cc_test_suite);
