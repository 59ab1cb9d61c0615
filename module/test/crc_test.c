// SPDX-License-Identifier: GPL-2.0
/* KUnit: the CRC32c checksum (RFC 9260 Appendix A, RFC 3720 B.4). */

#include <kunit/test.h>
#include <linux/crc32c.h>
#include <linux/skbuff.h>

#include "../crc.h"
#include "../wire.h"

struct crc_vector {
	const char *name;
	u8 data[48];
	unsigned int len;
	u8 crc[4];	/* bytes as they appear on the wire */
};

/* RFC 3720 B.4: the CRC32c test vectors */
static const struct crc_vector rfc3720_vectors[] = {
	{ "32 bytes of zeroes", { 0 }, 32, { 0xaa, 0x36, 0x91, 0x8a } },
	{ "32 bytes of ones", { [0 ... 31] = 0xff }, 32,
	  { 0x43, 0xab, 0xa8, 0x62 } },
	{ "32 incrementing bytes",
	  { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	    0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
	    0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f }, 32,
	  { 0x4e, 0x79, 0xdd, 0x46 } },
	{ "32 decrementing bytes",
	  { 0x1f, 0x1e, 0x1d, 0x1c, 0x1b, 0x1a, 0x19, 0x18,
	    0x17, 0x16, 0x15, 0x14, 0x13, 0x12, 0x11, 0x10,
	    0x0f, 0x0e, 0x0d, 0x0c, 0x0b, 0x0a, 0x09, 0x08,
	    0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01, 0x00 }, 32,
	  { 0x5c, 0xdb, 0x3f, 0x11 } },
	{ "iSCSI read command PDU",
	  { 0x01, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	    0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00,
	    0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x18,
	    0x28, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	    0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 }, 48,
	  { 0x56, 0x3a, 0x96, 0xd9 } },
};

static u32 wire_le32(const u8 *b)
{
	return b[0] | b[1] << 8 | b[2] << 16 | (u32)b[3] << 24;
}

static void crc_vector_desc(const struct crc_vector *v, char *desc)
{
	strscpy(desc, v->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(rfc3720, rfc3720_vectors, crc_vector_desc);

/* Our convention (seed ~0, final inversion, little-endian) matches B.4. */
static void crc_rfc3720_test(struct kunit *test)
{
	const struct crc_vector *v = test->param_value;
	__le32 crc = asctp_crc_finish(crc32c(~0, v->data, v->len));

	KUNIT_EXPECT_EQ(test, le32_to_cpu(crc), wire_le32(v->crc));
}

/* An INIT packet whose checksum was computed by an independent,
 * bitwise CRC32c; the checksum field holds it.
 */
static const u8 init_pkt[] = {
	0x13, 0x88, 0x00, 0x07, 0x00, 0x00, 0x00, 0x00,
	0x13, 0x77, 0x70, 0x68,
	0x01, 0x00, 0x00, 0x14, 0x11, 0x22, 0x33, 0x44,
	0x00, 0x01, 0x00, 0x00, 0x00, 0x0a, 0xff, 0xff,
	0x01, 0x02, 0x03, 0x04,
};

static void crc_packet_test(struct kunit *test)
{
	const struct asctp_hdr *sh = (const void *)init_pkt;

	KUNIT_EXPECT_EQ(test, le32_to_cpu(asctp_crc_buf(init_pkt, sizeof(init_pkt))),
			le32_to_cpu(sh->checksum));
}

/* The checksum field is taken as zero whatever it holds. */
static void crc_ignores_field_test(struct kunit *test)
{
	u8 pkt[sizeof(init_pkt)];

	memcpy(pkt, init_pkt, sizeof(pkt));
	memset(pkt + ASCTP_CSUM_OFFSET, 0xa5, 4);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(asctp_crc_buf(pkt, sizeof(pkt))),
			le32_to_cpu(asctp_crc_buf(init_pkt, sizeof(init_pkt))));
	pkt[sizeof(pkt) - 1] ^= 1;
	KUNIT_EXPECT_NE(test, le32_to_cpu(asctp_crc_buf(pkt, sizeof(pkt))),
			le32_to_cpu(asctp_crc_buf(init_pkt, sizeof(init_pkt))));
}

/* An skb whose payload is split over the linear area and page frags
 * gives the same checksum: exercises the combine step.
 */
static void crc_skb_frags_test(struct kunit *test)
{
	unsigned int lin = ASCTP_HDR_LEN + 5, frag = 7, i, off = lin;
	u8 pkt[sizeof(init_pkt)];
	struct sk_buff *skb;
	struct page *page;

	memcpy(pkt, init_pkt, sizeof(pkt));
	skb = alloc_skb(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_put_data(skb, pkt, lin);
	for (i = 0; off < sizeof(pkt); i++, off += frag) {
		unsigned int n = min_t(unsigned int, frag, sizeof(pkt) - off);

		page = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, page);
		memcpy(page_address(page) + i, pkt + off, n);
		skb_add_rx_frag(skb, i, page, i, n, PAGE_SIZE);
	}
	KUNIT_EXPECT_GT(test, skb_shinfo(skb)->nr_frags, 1);
	KUNIT_EXPECT_EQ(test, le32_to_cpu(asctp_crc_skb(skb, 0)),
			le32_to_cpu(asctp_crc_buf(pkt, sizeof(pkt))));
	kfree_skb(skb);
}

static struct kunit_case asctp_crc_cases[] = {
	KUNIT_CASE_PARAM(crc_rfc3720_test, rfc3720_gen_params),
	KUNIT_CASE(crc_packet_test),
	KUNIT_CASE(crc_ignores_field_test),
	KUNIT_CASE(crc_skb_frags_test),
	{}
};

static struct kunit_suite asctp_crc_suite = {
	.name = "asctp_crc",
	.test_cases = asctp_crc_cases,
};

kunit_test_suite(asctp_crc_suite);
