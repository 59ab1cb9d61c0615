/* SPDX-License-Identifier: GPL-2.0 */
/*
 * On-the-wire formats and protocol constants of RFC 9260.
 * Everything that describes bytes on the wire lives here.
 */
#ifndef _ASCTP_WIRE_H
#define _ASCTP_WIRE_H

#include <linux/types.h>

/* RFC 9260 3.1: SCTP Common Header */
struct asctp_hdr {
	__be16 sport;
	__be16 dport;
	__be32 vtag;
	__le32 checksum;	/* CRC32c, Appendix A; little-endian on the wire */
} __packed;

/* RFC 9260 3.2: Chunk Field Descriptions */
struct asctp_chunk_hdr {
	__u8 type;
	__u8 flags;
	__be16 length;		/* includes this header, excludes padding */
} __packed;

enum asctp_wire_size {
	ASCTP_HDR_LEN		= sizeof(struct asctp_hdr),
	ASCTP_CHUNK_HDR_LEN	= sizeof(struct asctp_chunk_hdr),
	ASCTP_CSUM_OFFSET	= offsetof(struct asctp_hdr, checksum),
	ASCTP_MIN_PKT_LEN	= ASCTP_HDR_LEN + ASCTP_CHUNK_HDR_LEN,
};

/* RFC 9260 3.2, table 1: chunk types */
enum asctp_chunk_type {
	ASCTP_CID_DATA			= 0,
	ASCTP_CID_INIT			= 1,
	ASCTP_CID_INIT_ACK		= 2,
	ASCTP_CID_SACK			= 3,
	ASCTP_CID_HEARTBEAT		= 4,
	ASCTP_CID_HEARTBEAT_ACK		= 5,
	ASCTP_CID_ABORT			= 6,
	ASCTP_CID_SHUTDOWN		= 7,
	ASCTP_CID_SHUTDOWN_ACK		= 8,
	ASCTP_CID_ERROR			= 9,
	ASCTP_CID_COOKIE_ECHO		= 10,
	ASCTP_CID_COOKIE_ACK		= 11,
	ASCTP_CID_ECNE			= 12,
	ASCTP_CID_CWR			= 13,
	ASCTP_CID_SHUTDOWN_COMPLETE	= 14,
};

#endif /* _ASCTP_WIRE_H */
