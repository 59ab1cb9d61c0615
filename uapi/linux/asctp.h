/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * asctp: an alternative SCTP transport for Linux.
 *
 * asctp speaks the socket API of the kernel's own SCTP: its option
 * numbers, structs and cmsgs are those of <linux/sctp.h>.  This header
 * holds only what asctp adds to it.
 */
#ifndef _UAPI_LINUX_ASCTP_H
#define _UAPI_LINUX_ASCTP_H

/* IP protocol number asctp registers unless loaded with ipproto=N.
 * Sockets are created with the same number:
 * socket(AF_INET, SOCK_SEQPACKET, ipproto).
 */
#define ASCTP_IPPROTO_DEFAULT	132

/* Per network namespace files (see README for each counter). */
#define ASCTP_PROC_DIR		"/proc/net/asctp"
#define ASCTP_PROC_SNMP		ASCTP_PROC_DIR "/snmp"

#endif /* _UAPI_LINUX_ASCTP_H */
