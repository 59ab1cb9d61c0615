// SPDX-License-Identifier: GPL-2.0
/* The receiver's TSN map: cumulative TSN, gaps, duplicates (6.2, 6.7). */

#include "tsnmap.h"

void asctp_tsnmap_init(struct asctp_tsnmap *m, u32 initial_tsn)
{
	memset(m, 0, sizeof(*m));
	m->cum = initial_tsn - 1;
	m->base = initial_tsn;
}

enum asctp_tsn_class asctp_tsnmap_check(const struct asctp_tsnmap *m,
					u32 tsn)
{
	u32 off = tsn - m->cum;

	if ((s32)off <= 0)
		return ASCTP_TSN_DUP;
	if (off > ASCTP_TSNMAP_BITS)
		return ASCTP_TSN_FAR;
	off = tsn - m->base;
	if (off < ASCTP_TSNMAP_BITS && test_bit(off, m->bits))
		return ASCTP_TSN_DUP;
	return ASCTP_TSN_NEW;
}

/* Move bit 0 to cum + 1, so that any TSN check() calls new fits. */
static void asctp_tsnmap_rebase(struct asctp_tsnmap *m)
{
	u32 shift = m->cum + 1 - m->base;

	if (m->held)
		bitmap_shift_right(m->bits, m->bits, shift, ASCTP_TSNMAP_BITS);
	m->base = m->cum + 1;
}

/* Record a TSN check() called new; true if the cumulative TSN moved. */
bool asctp_tsnmap_mark(struct asctp_tsnmap *m, u32 tsn)
{
	u32 off, cum = m->cum;

	if (tsn - m->base >= ASCTP_TSNMAP_BITS)
		asctp_tsnmap_rebase(m);
	__set_bit(tsn - m->base, m->bits);
	m->held++;
	for (off = m->cum + 1 - m->base;
	     off < ASCTP_TSNMAP_BITS && test_bit(off, m->bits); off++) {
		__clear_bit(off, m->bits);
		m->held--;
		m->cum++;
	}
	if (!m->held)
		m->base = m->cum + 1;	/* the map is empty: free to move */
	return m->cum != cum;
}

void asctp_tsnmap_dup(struct asctp_tsnmap *m, u32 tsn)
{
	if (m->ndups < ASCTP_TSNMAP_DUPS)
		m->dups[m->ndups++] = tsn;
}

/* RFC 9260 3.3.4: Gap Ack Blocks, offsets from the cumulative TSN, at
 * most @max of them, lowest first; returns how many.
 */
unsigned int asctp_tsnmap_gaps(const struct asctp_tsnmap *m,
			       struct asctp_sack_gap *gaps, unsigned int max)
{
	unsigned long start = m->cum + 1 - m->base, end;
	unsigned int n = 0;

	if (!m->held)
		return 0;
	while (n < max) {
		start = find_next_bit(m->bits, ASCTP_TSNMAP_BITS, start);
		if (start >= ASCTP_TSNMAP_BITS)
			break;
		end = find_next_zero_bit(m->bits, ASCTP_TSNMAP_BITS, start);
		gaps[n].start = htons(m->base + start - m->cum);
		gaps[n].end = htons(m->base + end - 1 - m->cum);
		n++;
		start = end;
	}
	return n;
}
