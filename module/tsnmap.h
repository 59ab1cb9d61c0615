/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The receiver's TSN map (RFC 9260 6.2, 6.7): the cumulative TSN, a
 * bitmap of the TSNs received above it, and the duplicates to report.
 * Its size is fixed, so a peer cannot make it grow: a TSN more than
 * ASCTP_TSNMAP_BITS above the cumulative TSN is not taken (the peer
 * sends it again).  Pure: the caller serializes (socket lock).
 */
#ifndef _ASCTP_TSNMAP_H
#define _ASCTP_TSNMAP_H

#include <linux/bitmap.h>
#include <linux/types.h>

#include "wire.h"

enum asctp_tsnmap_limit {
	ASCTP_TSNMAP_BITS	= 4096,	/* TSNs held above the cumulative one */
	ASCTP_TSNMAP_DUPS	= 16,	/* duplicates reported per SACK */
};

enum asctp_tsn_class {
	ASCTP_TSN_NEW,			/* not received yet, fits the map */
	ASCTP_TSN_DUP,			/* received already */
	ASCTP_TSN_FAR,			/* beyond the map */
};

struct asctp_tsnmap {
	u32 cum;			/* highest TSN received in sequence */
	u32 base;			/* TSN of bit 0; base <= cum + 1 */
	u32 held;			/* bits set: TSNs received above cum */
	u16 ndups;
	u32 dups[ASCTP_TSNMAP_DUPS];
	DECLARE_BITMAP(bits, ASCTP_TSNMAP_BITS);
};

void asctp_tsnmap_init(struct asctp_tsnmap *m, u32 initial_tsn);
enum asctp_tsn_class asctp_tsnmap_check(const struct asctp_tsnmap *m,
					u32 tsn);
bool asctp_tsnmap_mark(struct asctp_tsnmap *m, u32 tsn);
void asctp_tsnmap_dup(struct asctp_tsnmap *m, u32 tsn);
unsigned int asctp_tsnmap_gaps(const struct asctp_tsnmap *m,
			       struct asctp_sack_gap *gaps, unsigned int max);

#endif /* _ASCTP_TSNMAP_H */
