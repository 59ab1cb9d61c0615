// SPDX-License-Identifier: GPL-2.0
/* KUnit: the common header checks of RFC 9260 3.1. */

#include <kunit/test.h>

#include "../input.h"
#include "../wire.h"

struct hdr_case {
	const char *name;
	__be16 sport, dport;
	unsigned int len;
	enum asctp_mib_field want;
};

static const struct hdr_case hdr_cases[] = {
	{ "header and one chunk", htons(1), htons(2), ASCTP_MIN_PKT_LEN,
	  ASCTP_MIB_IN_PKTS },
	{ "large packet", htons(5000), htons(7), 65535, ASCTP_MIB_IN_PKTS },
	{ "empty", htons(1), htons(2), 0, ASCTP_MIB_IN_SHORT },
	{ "header only", htons(1), htons(2), ASCTP_HDR_LEN,
	  ASCTP_MIB_IN_SHORT },
	{ "chunk header cut short", htons(1), htons(2), ASCTP_MIN_PKT_LEN - 1,
	  ASCTP_MIB_IN_SHORT },
	{ "source port 0", 0, htons(2), ASCTP_MIN_PKT_LEN,
	  ASCTP_MIB_IN_BAD_PORT },
	{ "destination port 0", htons(1), 0, ASCTP_MIN_PKT_LEN,
	  ASCTP_MIB_IN_BAD_PORT },
	{ "short wins over port 0", 0, 0, 3, ASCTP_MIB_IN_SHORT },
};

static void hdr_case_desc(const struct hdr_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hdr, hdr_cases, hdr_case_desc);

static void input_hdr_check_test(struct kunit *test)
{
	const struct hdr_case *c = test->param_value;
	struct asctp_hdr sh = { .sport = c->sport, .dport = c->dport };

	KUNIT_EXPECT_EQ(test, asctp_input_hdr_check(&sh, c->len), c->want);
}

static struct kunit_case asctp_input_cases[] = {
	KUNIT_CASE_PARAM(input_hdr_check_test, hdr_gen_params),
	{}
};

static struct kunit_suite asctp_input_suite = {
	.name = "asctp_input",
	.test_cases = asctp_input_cases,
};

kunit_test_suite(asctp_input_suite);
