/* SPDX-License-Identifier: GPL-2.0 */
/* The sizes of include/crypto/sha2.h that cookie.h's structs use. */
#ifndef _ASCTP_SHIM_CRYPTO_SHA2_H
#define _ASCTP_SHIM_CRYPTO_SHA2_H
#include "../asctp_shim.h"

#define SHA256_DIGEST_SIZE	32
#define SHA256_BLOCK_SIZE	64

struct sha256_state {
	u32 state[SHA256_DIGEST_SIZE / 4];
	u64 count;
	u8 buf[SHA256_BLOCK_SIZE];
};
#endif
