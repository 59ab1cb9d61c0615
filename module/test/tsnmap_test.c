// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the receiver's TSN map.  Each case feeds TSNs in an order and
 * checks the cumulative TSN, the Gap Ack Blocks, and the duplicates.
 */

#include <kunit/test.h>

#include "../tsnmap.h"

#define MAX_TSNS 12
#define MAX_GAPS 4

struct tsnmap_case {
	const char *name;
	u32 init;
	u32 tsn[MAX_TSNS];		/* offsets from init, in order */
	int n;
	u32 cum;			/* expected, offset from init */
	u16 gaps[MAX_GAPS][2];		/* expected blocks */
	int ngaps;
	int ndups;
};

static const struct tsnmap_case tsnmap_cases[] = {
	{ "in order", 100, { 0, 1, 2, 3 }, 4, 3, {}, 0, 0 },
	{ "one hole", 100, { 0, 2, 3 }, 3, 0, { { 2, 3 } }, 1, 0 },
	{ "hole filled", 100, { 0, 2, 3, 1 }, 4, 3, {}, 0, 0 },
	{ "first lost", 100, { 1, 2 }, 2, -1, { { 2, 3 } }, 1, 0 },
	{ "two holes", 100, { 0, 2, 4, 5, 7 }, 5, 0,
	  { { 2, 2 }, { 4, 5 }, { 7, 7 } }, 3, 0 },
	{ "duplicates", 100, { 0, 0, 2, 2, 1 }, 5, 2, {}, 0, 2 },
	{ "reverse", 100, { 4, 3, 2, 1, 0 }, 5, 4, {}, 0, 0 },
	{ "wraps", 0xfffffffe, { 0, 1, 3, 2, 5 }, 5, 3, { { 2, 2 } }, 1, 0 },
	{ "edge of the map", 7, { 1, ASCTP_TSNMAP_BITS - 1 }, 2, -1,
	  { { 2, 2 }, { ASCTP_TSNMAP_BITS, ASCTP_TSNMAP_BITS } }, 2, 0 },
	{ "beyond the map", 7, { 0, ASCTP_TSNMAP_BITS + 1 }, 2, 0, {}, 0, 0 },
	{ "map moves", 7, { 1, 2000, 0, ASCTP_TSNMAP_BITS + 1, 2 }, 5, 2,
	  { { 1998, 1998 }, { ASCTP_TSNMAP_BITS - 1, ASCTP_TSNMAP_BITS - 1 } },
	  2, 0 },
};

static void tsnmap_case_desc(const struct tsnmap_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(tsnmap, tsnmap_cases, tsnmap_case_desc);

static void tsnmap_test(struct kunit *test)
{
	const struct tsnmap_case *c = test->param_value;
	struct asctp_sack_gap gaps[MAX_GAPS + 1];
	enum asctp_tsn_class class[MAX_TSNS];
	struct asctp_tsnmap *m;
	int i, n;

	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m);
	asctp_tsnmap_init(m, c->init);
	for (i = 0; i < c->n; i++) {
		u32 tsn = c->init + c->tsn[i];

		class[i] = asctp_tsnmap_check(m, tsn);
		switch (class[i]) {
		case ASCTP_TSN_NEW:
			asctp_tsnmap_mark(m, tsn);
			break;
		case ASCTP_TSN_DUP:
			asctp_tsnmap_dup(m, tsn);
			break;
		case ASCTP_TSN_FAR:
			break;
		}
	}
	KUNIT_EXPECT_EQ(test, m->cum, c->init + c->cum);
	KUNIT_EXPECT_EQ(test, (int)m->ndups, c->ndups);
	n = asctp_tsnmap_gaps(m, gaps, MAX_GAPS + 1);
	KUNIT_ASSERT_EQ(test, n, c->ngaps);
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, ntohs(gaps[i].start), c->gaps[i][0]);
		KUNIT_EXPECT_EQ(test, ntohs(gaps[i].end), c->gaps[i][1]);
	}
	/* every TSN taken is now a duplicate; past the map is far */
	for (i = 0; i < c->n; i++)
		if (class[i] != ASCTP_TSN_FAR)
			KUNIT_EXPECT_EQ(test,
					asctp_tsnmap_check(m, c->init + c->tsn[i]),
					ASCTP_TSN_DUP);
	KUNIT_EXPECT_EQ(test,
			asctp_tsnmap_check(m, m->cum + ASCTP_TSNMAP_BITS + 1),
			ASCTP_TSN_FAR);
	if (!m->held)
		KUNIT_EXPECT_EQ(test,
				asctp_tsnmap_check(m, m->cum + ASCTP_TSNMAP_BITS),
				ASCTP_TSN_NEW);
}

/* At most @max blocks, the lowest first. */
static void tsnmap_gaps_max_test(struct kunit *test)
{
	struct asctp_sack_gap gaps[3];
	struct asctp_tsnmap *m;
	u32 i;

	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m);
	asctp_tsnmap_init(m, 1);
	for (i = 2; i < 100; i += 2)
		asctp_tsnmap_mark(m, i);
	KUNIT_EXPECT_EQ(test, m->held, 49U);
	KUNIT_ASSERT_EQ(test, asctp_tsnmap_gaps(m, gaps, 3), 3U);
	KUNIT_EXPECT_EQ(test, ntohs(gaps[2].start), 6);
	for (i = 0; i < 2 * ASCTP_TSNMAP_DUPS; i++)
		asctp_tsnmap_dup(m, 2);
	KUNIT_EXPECT_EQ(test, (int)m->ndups, ASCTP_TSNMAP_DUPS);
	asctp_tsnmap_mark(m, 1);
	asctp_tsnmap_mark(m, 3);
	KUNIT_EXPECT_EQ(test, m->cum, 4U);
}

static struct kunit_case tsnmap_test_cases[] = {
	KUNIT_CASE_PARAM(tsnmap_test, tsnmap_gen_params),
	KUNIT_CASE(tsnmap_gaps_max_test),
	{}
};

static struct kunit_suite tsnmap_test_suite = {
	.name = "asctp_tsnmap",
	.test_cases = tsnmap_test_cases,
};

kunit_test_suite(tsnmap_test_suite);
