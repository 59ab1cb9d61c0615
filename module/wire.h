/* SPDX-License-Identifier: GPL-2.0 */
/*
 * On-the-wire formats and protocol constants of RFC 9260.
 * Everything that describes bytes on the wire lives here.
 */
#ifndef _ASCTP_WIRE_H
#define _ASCTP_WIRE_H

#include <linux/stddef.h>
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
	ASCTP_CID_MAX			= 15,	/* first type we do not know */
};

/* RFC 9260 3.2: what the two upper bits of an unknown chunk type ask
 * for; 3.2.1 gives parameter types the same meaning.
 */
enum asctp_unknown_action {
	ASCTP_UNK_STOP		= 0,	/* discard the packet (or stop) */
	ASCTP_UNK_STOP_REPORT	= 1,	/* ... and report it */
	ASCTP_UNK_SKIP		= 2,	/* skip it, go on */
	ASCTP_UNK_SKIP_REPORT	= 3,	/* ... and report it */
};

static inline enum asctp_unknown_action asctp_unknown_action(u16 type_hi8)
{
	return (enum asctp_unknown_action)(type_hi8 >> 6);
}

/* RFC 9260 3.3: chunk flags */
enum asctp_chunk_flag {
	ASCTP_DATA_E	= 0x01,		/* 3.3.1: last fragment */
	ASCTP_DATA_B	= 0x02,		/* 3.3.1: first fragment */
	ASCTP_DATA_U	= 0x04,		/* 3.3.1: unordered */
	ASCTP_DATA_I	= 0x08,		/* 3.3.1: SACK immediately */
	ASCTP_FLAG_T	= 0x01,		/* ABORT, SHUTDOWN COMPLETE: tag reflected */
};

/* RFC 9260 3.3.1: DATA, after the chunk header */
struct asctp_data_hdr {
	__be32 tsn;
	__be16 stream;
	__be16 ssn;
	__be32 ppid;
} __packed;

/* RFC 9260 3.3.2, 3.3.3: INIT and INIT ACK, after the chunk header */
struct asctp_init_hdr {
	__be32 init_tag;
	__be32 a_rwnd;
	__be16 os;		/* number of outbound streams */
	__be16 mis;		/* maximum inbound streams */
	__be32 init_tsn;
} __packed;

/* RFC 9260 3.3.4: SACK, after the chunk header */
struct asctp_sack_hdr {
	__be32 cum_tsn;
	__be32 a_rwnd;
	__be16 n_gaps;
	__be16 n_dups;
} __packed;

struct asctp_sack_gap {
	__be16 start;
	__be16 end;
} __packed;

/* RFC 9260 3.2.1: parameter header (INIT, INIT ACK, HEARTBEAT, ...) */
struct asctp_param_hdr {
	__be16 type;
	__be16 length;		/* includes this header, excludes padding */
} __packed;

/* RFC 9260 3.3.2.1, 3.3.3.1: parameter types */
enum asctp_param_type {
	ASCTP_PID_HEARTBEAT_INFO	= 1,
	ASCTP_PID_IPV4			= 5,
	ASCTP_PID_IPV6			= 6,
	ASCTP_PID_STATE_COOKIE		= 7,
	ASCTP_PID_UNRECOGNIZED		= 8,
	ASCTP_PID_COOKIE_PRESERVATIVE	= 9,
	ASCTP_PID_HOST_NAME		= 11,
	ASCTP_PID_SUPPORTED_ADDR_TYPES	= 12,
	ASCTP_PID_ECN_CAPABLE		= 0x8000,
	ASCTP_PID_ADAPTATION_IND	= 0xc006,	/* RFC 5061 4.2.5 */
};

/* RFC 5061 4.2.5: Adaptation Layer Indication, in INIT and INIT ACK */
struct asctp_adaptation_param {
	struct asctp_param_hdr hdr;
	__be32 ind;
} __packed;

/* RFC 9260 3.3.2.1: Cookie Preservative, 32 bits of milliseconds */
struct asctp_cookie_preservative {
	struct asctp_param_hdr hdr;
	__be32 inc_ms;
} __packed;

/* RFC 9260 3.3.10: error cause header (ABORT, ERROR) */
struct asctp_cause_hdr {
	__be16 code;
	__be16 length;		/* includes this header, excludes padding */
} __packed;

/* RFC 9260 3.3.10: error cause codes */
enum asctp_cause_code {
	ASCTP_CAUSE_INVALID_STREAM	= 1,
	ASCTP_CAUSE_MISSING_PARAM	= 2,
	ASCTP_CAUSE_STALE_COOKIE	= 3,
	ASCTP_CAUSE_NO_RESOURCES	= 4,
	ASCTP_CAUSE_UNRESOLVABLE_ADDR	= 5,
	ASCTP_CAUSE_UNRECOGNIZED_CHUNK	= 6,
	ASCTP_CAUSE_INVALID_PARAM	= 7,
	ASCTP_CAUSE_UNRECOGNIZED_PARAM	= 8,
	ASCTP_CAUSE_NO_USER_DATA	= 9,
	ASCTP_CAUSE_SHUTTING_DOWN	= 10,
	ASCTP_CAUSE_RESTART_NEW_ADDR	= 11,
	ASCTP_CAUSE_USER_ABORT		= 12,
	ASCTP_CAUSE_PROTOCOL_VIOLATION	= 13,
};

/* Fixed part of each chunk type: the shortest valid chunk. */
enum asctp_chunk_min_len {
	ASCTP_DATA_MIN_LEN	= ASCTP_CHUNK_HDR_LEN + sizeof(struct asctp_data_hdr),
	ASCTP_INIT_MIN_LEN	= ASCTP_CHUNK_HDR_LEN + sizeof(struct asctp_init_hdr),
	ASCTP_SACK_MIN_LEN	= ASCTP_CHUNK_HDR_LEN + sizeof(struct asctp_sack_hdr),
	ASCTP_HB_MIN_LEN	= ASCTP_CHUNK_HDR_LEN + sizeof(struct asctp_param_hdr),
	ASCTP_SHUTDOWN_LEN	= ASCTP_CHUNK_HDR_LEN + 4,	/* cum TSN */
	ASCTP_ECNE_LEN		= ASCTP_CHUNK_HDR_LEN + 4,	/* lowest TSN */
	ASCTP_CWR_LEN		= ASCTP_CHUNK_HDR_LEN + 4,	/* lowest TSN */
	ASCTP_PARAM_HDR_LEN	= sizeof(struct asctp_param_hdr),
	ASCTP_CAUSE_HDR_LEN	= sizeof(struct asctp_cause_hdr),
	/* the most information asctp copies into a cause it sends */
	ASCTP_MAX_CAUSE_INFO	= 512,
};

#endif /* _ASCTP_WIRE_H */
