/* SPDX-License-Identifier: GPL-2.0 */
#include "../asctp_shim.h"
