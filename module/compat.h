/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The differences between the kernels asctp builds against (Debian's
 * 6.1 and 6.12) live here, and only here.
 */
#ifndef _ASCTP_COMPAT_H
#define _ASCTP_COMPAT_H

#include <linux/crc32.h>
#include <linux/version.h>

/* CRC32c combine: renamed crc32c_combine() in 6.14 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 14, 0)
#define asctp_crc32c_combine(crc1, crc2, len2) \
	__crc32c_le_combine(crc1, crc2, len2)
#else
#define asctp_crc32c_combine(crc1, crc2, len2) \
	crc32c_combine(crc1, crc2, len2)
#endif

#endif /* _ASCTP_COMPAT_H */
