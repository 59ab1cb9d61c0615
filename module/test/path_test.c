// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: path states on errors (RFC 9260 8.2, RFC 7829 5.1) and the
 * choice of the path new data goes to (6.4).
 */

#include <kunit/test.h>
#include <linux/slab.h>

#include "../assoc.h"
#include "../path.h"

struct state_case {
	const char *name;
	int state;
	u16 errors, pf, pmr;
	int want;
};

static const struct state_case state_cases[] = {
	{ "first error: potentially failed", SCTP_ACTIVE, 1, 0, 5, SCTP_PF },
	{ "below the PF threshold", SCTP_ACTIVE, 2, 2, 5, SCTP_ACTIVE },
	{ "past the PF threshold", SCTP_ACTIVE, 3, 2, 5, SCTP_PF },
	{ "PF at Path.Max.Retrans still PF", SCTP_PF, 5, 0, 5, SCTP_PF },
	{ "PF past Path.Max.Retrans", SCTP_PF, 6, 0, 5, SCTP_INACTIVE },
	{ "no PF when its threshold is higher", SCTP_ACTIVE, 6, 9, 5,
	  SCTP_INACTIVE },
	{ "PMR 0: the first error fails", SCTP_ACTIVE, 1, 0, 0, SCTP_INACTIVE },
	{ "inactive stays", SCTP_INACTIVE, 9, 0, 5, SCTP_INACTIVE },
	{ "unconfirmed stays", SCTP_UNCONFIRMED, 9, 0, 5, SCTP_UNCONFIRMED },
};

static void state_case_desc(const struct state_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(state, state_cases, state_case_desc);

static void state_test(struct kunit *test)
{
	const struct state_case *c = test->param_value;
	struct asctp_path_opts o = { .pf_retrans = c->pf,
				     .max_retrans = c->pmr };

	KUNIT_EXPECT_EQ(test, asctp_path_state_on_error(c->state, c->errors,
							&o), c->want);
}

/* Paths 0..2 with these states and error counts; path @primary is the
 * primary; new data should go to path @want.
 */
struct select_case {
	const char *name;
	int state[3];
	u16 errors[3];
	int primary, want;
};

#define A SCTP_ACTIVE
#define PF SCTP_PF
#define IN SCTP_INACTIVE
#define UN SCTP_UNCONFIRMED

static const struct select_case select_cases[] = {
	{ "primary active", { A, A, A }, {}, 1, 1 },
	{ "primary inactive: first active", { IN, UN, A }, {}, 0, 2 },
	{ "unconfirmed never chosen", { IN, UN, IN }, {}, 0, 0 },
	{ "all PF: fewest errors", { PF, PF, PF }, { 3, 1, 2 }, 0, 1 },
	{ "active beats PF", { PF, IN, A }, { 1, 0, 0 }, 0, 2 },
	{ "PF primary, another PF has fewer", { PF, PF, IN }, { 2, 1 }, 0, 1 },
	{ "all inactive: the primary", { IN, IN, IN }, {}, 2, 2 },
	{ "unconfirmed primary: a confirmed path", { IN, UN, IN }, {}, 1, 0 },
};

static void select_case_desc(const struct select_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(select, select_cases, select_case_desc);

static void select_test(struct kunit *test)
{
	const struct select_case *c = test->param_value;
	struct asctp_path *p[3];
	struct asctp_assoc *a;
	int i;

	a = kunit_kzalloc(test, sizeof(*a), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	INIT_LIST_HEAD(&a->paths);
	for (i = 0; i < 3; i++) {
		p[i] = kunit_kzalloc(test, sizeof(*p[i]), GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
		p[i]->state = c->state[i];
		p[i]->errors = c->errors[i];
		list_add_tail(&p[i]->node, &a->paths);
	}
	a->primary = p[c->primary];
	asctp_path_select(a);
	KUNIT_EXPECT_PTR_EQ(test, a->active, p[c->want]);
}

static struct kunit_case path_test_cases[] = {
	KUNIT_CASE_PARAM(state_test, state_gen_params),
	KUNIT_CASE_PARAM(select_test, select_gen_params),
	{}
};

static struct kunit_suite path_test_suite = {
	.name = "asctp_path",
	.test_cases = path_test_cases,
};

kunit_test_suite(path_test_suite);
