// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: module/tsnmap.c, the receiver's TSN map, driven
 * as data.c drives it by a peer's TSNs, and compared step by step with
 * a model written plainly from RFC 9260 6.2 and 3.3.4 (the set of TSNs
 * received above the cumulative one).  Input: the initial TSN (4
 * bytes), then 3-byte steps: an operation byte and a 16-bit value.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsnmap.h"

#define check(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "fuzz_tsnmap: contract broken: %s (%s:%d)\n", \
			#cond, __FILE__, __LINE__);			\
		abort();						\
	}								\
} while (0)

#define NBITS	ASCTP_TSNMAP_BITS

/* The model's loops are not what is fuzzed: no coverage for them,
 * which would be most of the time spent.
 */
#define model_fn	__attribute__((no_sanitize("coverage")))

/* The model: rcvd[k] says TSN cum + k arrived, for k in 1..NBITS. */
struct model {
	u32 cum;
	u32 held;
	bool rcvd[NBITS + 1];
	u32 dups[ASCTP_TSNMAP_DUPS];
	u16 ndups;
};

static model_fn enum asctp_tsn_class model_check(const struct model *md,
						     u32 tsn)
{
	u32 off = tsn - md->cum;

	if ((s32)off <= 0)
		return ASCTP_TSN_DUP;
	if (off > NBITS)
		return ASCTP_TSN_FAR;
	return md->rcvd[off] ? ASCTP_TSN_DUP : ASCTP_TSN_NEW;
}

static model_fn bool model_mark(struct model *md, u32 tsn)
{
	u32 off = tsn - md->cum, k = 0;

	md->rcvd[off] = true;
	md->held++;
	while (k < NBITS && md->rcvd[k + 1])
		k++;
	if (!k)
		return false;
	memmove(md->rcvd + 1, md->rcvd + 1 + k, NBITS - k);
	memset(md->rcvd + 1 + NBITS - k, 0, k);
	md->cum += k;
	md->held -= k;
	return true;
}

/* Gap Ack Blocks from the model, compared with the map's. */
static model_fn void compare_gaps(const struct asctp_tsnmap *m,
				  const struct model *md, unsigned int max)
{
	struct asctp_sack_gap got[ASCTP_TSNMAP_BITS / 2 + 1];
	unsigned int n, i = 0, k = 1, start;

	n = asctp_tsnmap_gaps(m, got, max);
	check(n <= max);
	while (k <= NBITS && i < max) {
		if (!md->rcvd[k]) {
			k++;
			continue;
		}
		start = k;
		while (k <= NBITS && md->rcvd[k])
			k++;
		check(i < n);
		check(ntohs(got[i].start) == start);
		check(ntohs(got[i].end) == k - 1);
		i++;
	}
	check(i == n);
}

/* @full: every bit too (slow: now and then, and at the end) */
static model_fn void compare(const struct asctp_tsnmap *m,
			     const struct model *md, bool full)
{
	unsigned int i, bits = 0;

	check(m->cum == md->cum);
	check(m->held == md->held);
	check(m->ndups == md->ndups);
	for (i = 0; i < md->ndups; i++)
		check(m->dups[i] == md->dups[i]);
	/* base <= cum + 1, and every bit is a TSN above cum */
	check(m->cum + 1 - m->base < NBITS);
	if (!full)
		return;
	for (i = 0; i < NBITS; i++) {
		if (!test_bit(i, m->bits))
			continue;
		bits++;
		check((s32)(m->base + i - m->cum) > 0);
		check(m->base + i - m->cum <= NBITS);
		check(md->rcvd[m->base + i - m->cum]);
	}
	check(bits == m->held);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct asctp_tsnmap m;
	static struct model md;
	enum asctp_tsn_class c;
	unsigned int max;
	u32 tsn, init;
	u16 v;
	u8 op;

	if (size < 4 || size > 4 + 3 * 4096)
		return -1;
	memcpy(&init, data, 4);
	data += 4;
	size -= 4;
	asctp_tsnmap_init(&m, init);
	memset(&md, 0, sizeof(md));
	md.cum = init - 1;
	compare(&m, &md, true);

	for (; size >= 3; data += 3, size -= 3) {
		op = data[0];
		v = data[1] << 8 | data[2];
		switch (op & 3) {
		case 0:		/* near: mostly new, some duplicates */
		case 1:
			tsn = md.cum + (s16)v;
			break;
		case 2:		/* anywhere in sequence space */
			tsn = md.cum + ((u32)v << 16 | op);
			break;
		default:	/* SACK: Gap Ack Blocks, as data.c asks */
			max = op >> 2;
			compare_gaps(&m, &md, max ? max : 64);
			continue;
		}
		/* what asctp_sm_data() does with a DATA chunk's TSN */
		c = asctp_tsnmap_check(&m, tsn);
		check(c == model_check(&md, tsn));
		if (c == ASCTP_TSN_DUP) {
			asctp_tsnmap_dup(&m, tsn);
			if (md.ndups < ASCTP_TSNMAP_DUPS)
				md.dups[md.ndups++] = tsn;
		} else if (c == ASCTP_TSN_NEW) {
			check(asctp_tsnmap_mark(&m, tsn) == model_mark(&md, tsn));
		}
		if (op & 0x80) {	/* a SACK went out: duplicates reset */
			m.ndups = 0;
			md.ndups = 0;
		}
		compare(&m, &md, (op & 0x70) == 0x70);
	}
	compare(&m, &md, true);
	compare_gaps(&m, &md, 64);
	return 0;
}
