/* SPDX-License-Identifier: GPL-2.0 */
/* The system's: glibc's errno.h includes it too. */
#include_next <linux/errno.h>
