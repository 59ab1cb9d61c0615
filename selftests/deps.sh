#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install the Debian packages that building the test kernels, the module
# and running the VM tests need.  Root installs them; anyone else is told
# in one line what to install.
set -euo pipefail

pkgs=(
	gcc make flex bison bc libelf-dev libssl-dev kmod cpio xz-utils perl
	linux-source-6.12 linux-source-6.1 qemu-system-x86 sparse
	lksctp-tools libsctp-dev iperf3 tshark iproute2 python3 procps
	util-linux rsync nftables
	clang libclang-rt-14-dev
)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "asctp: missing packages; as root run: apt-get install ${missing[*]}" >&2
	exit 1
fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
