/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bitmap operations tsnmap.c uses, bit by bit (whole words skipped
 * when searching): slow but plainly right, so that a fuzzer finding
 * is tsnmap.c's and not this file's.
 * Same meaning as the kernel's (lib/bitmap.c, lib/find_bit.c).
 */
#ifndef _ASCTP_SHIM_BITMAP_H
#define _ASCTP_SHIM_BITMAP_H
#include "../asctp_shim.h"

#define BITS_PER_LONG		(8 * sizeof(long))
#define BITS_TO_LONGS(n)	(((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits)	unsigned long name[BITS_TO_LONGS(bits)]

static inline bool test_bit(unsigned long nr, const unsigned long *addr)
{
	return addr[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG) & 1;
}

static inline void __set_bit(unsigned long nr, unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static inline void __clear_bit(unsigned long nr, unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

/* Bit by bit, a word at a time where the whole word is @skip. */
static inline unsigned long asctp_shim_find(const unsigned long *addr,
					    unsigned long size,
					    unsigned long off, bool set)
{
	unsigned long skip = set ? 0 : ~0UL;

	while (off < size) {
		if (!(off % BITS_PER_LONG) && off + BITS_PER_LONG <= size &&
		    addr[off / BITS_PER_LONG] == skip) {
			off += BITS_PER_LONG;
			continue;
		}
		if (test_bit(off, addr) == set)
			return off;
		off++;
	}
	return size;
}

static inline unsigned long find_next_bit(const unsigned long *addr,
					  unsigned long size,
					  unsigned long off)
{
	return asctp_shim_find(addr, size, off, true);
}

static inline unsigned long find_next_zero_bit(const unsigned long *addr,
					       unsigned long size,
					       unsigned long off)
{
	return asctp_shim_find(addr, size, off, false);
}

/* dst = src >> shift over nbits; the top @shift bits become 0 */
static inline void bitmap_shift_right(unsigned long *dst,
				      const unsigned long *src,
				      unsigned int shift, unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < nbits; i++) {
		if (i + (unsigned long)shift < nbits &&
		    test_bit(i + shift, src))
			__set_bit(i, dst);
		else
			__clear_bit(i, dst);
	}
}
#endif
