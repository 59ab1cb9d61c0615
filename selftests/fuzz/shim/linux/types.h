/* SPDX-License-Identifier: GPL-2.0 */
/* The system's linux/types.h (__be16 ...) plus the kernel's u8 ... */
#include_next <linux/types.h>
#include "../asctp_shim.h"
