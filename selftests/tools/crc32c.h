/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CRC32c for the packet-making tools (RFC 9260 Appendix B): reflected,
 * table driven, the result stored in the checksum field as the bytes
 * come out (little-endian).  tools/pkt.py computes it bit by bit.
 */
#ifndef _ASCTP_TOOL_CRC32C_H
#define _ASCTP_TOOL_CRC32C_H

#include <stddef.h>
#include <stdint.h>

static uint32_t crc32c_table[256];

static void crc32c_init(void)
{
	uint32_t i, c;
	int k;

	for (i = 0; i < 256; i++) {
		c = i;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (c & 1 ? 0x82F63B78 : 0);
		crc32c_table[i] = c;
	}
}

static uint32_t crc32c(const uint8_t *p, size_t n)
{
	uint32_t c = 0xFFFFFFFF;

	while (n--)
		c = crc32c_table[(c ^ *p++) & 0xFF] ^ (c >> 8);
	return ~c;
}

#endif /* _ASCTP_TOOL_CRC32C_H */
