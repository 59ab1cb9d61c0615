/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inbound DATA on its way to the reader (RFC 9260 6.5, 6.6, 6.9):
 * reassembly, per-stream ordering, partial delivery.  Called with the
 * socket locked.
 */
#ifndef _ASCTP_REASM_H
#define _ASCTP_REASM_H

#include "assoc.h"
#include "wire.h"

int asctp_reasm_data(struct asctp_assoc *a, const struct asctp_data_hdr *dh,
		     unsigned int len, u8 flags, bool in_order);
bool asctp_reasm_holding(const struct asctp_assoc *a);
void asctp_reasm_purge(struct asctp_assoc *a);
void asctp_reasm_peeloff(struct asctp_assoc *a, struct sock *old);

#endif /* _ASCTP_REASM_H */
