#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (or find in the cache) one test kernel and print its build
# directory, usable as KDIR, on the last line of stdout.
#
#   build.sh debug|plain    Debian's linux-source-6.12, full build
#   build.sh compat61       Debian's linux-source-6.1, modules_prepare only
#
# Trees live in $ASCTP_CACHE (default ~/.cache/asctp), keyed by the source
# package version and a hash of the fragments and this script, so a change
# to the module or a test never rebuilds a kernel.
set -euo pipefail

flavour=${1:?usage: build.sh debug|plain|compat61}
here=$(cd "$(dirname "$0")" && pwd)
cache=${ASCTP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/asctp}
jobs=$(nproc)

case $flavour in
debug|plain)	pkg=linux-source-6.12; frags="common.config $flavour.config" ;;
compat61)	pkg=linux-source-6.1; frags="compat61.config" ;;
*)		echo "build.sh: unknown flavour '$flavour'" >&2; exit 2 ;;
esac

tarball=/usr/src/$pkg.tar.xz
if [ ! -r "$tarball" ]; then
	echo "build.sh: $tarball missing: apt-get install $pkg (make deps does it)" >&2
	exit 1
fi
version=$(dpkg-query -W -f='${Version}' "$pkg")
key=$( (echo "$pkg $version"; cd "$here" && cat $frags build.sh) |
	sha256sum | cut -c1-16)
src=$cache/src/$pkg-$version
out=$cache/kernel/$flavour-$key

if [ -e "$out/.asctp-done" ]; then
	echo "$out"
	exit 0
fi

log() { echo "build.sh: $*" >&2; }

if [ ! -e "$src/.asctp-unpacked" ]; then
	log "unpacking $pkg $version"
	rm -rf "$src" && mkdir -p "$src"
	tar -xJf "$tarball" -C "$src" --strip-components=1
	touch "$src/.asctp-unpacked"
fi

rm -rf "$out" && mkdir -p "$out"
kmake() { make -s -C "$src" O="$out" ARCH=x86_64 "$@"; }

log "configuring $flavour ($pkg $version, key $key)"
kmake tinyconfig >/dev/null
(cd "$here" && "$src/scripts/kconfig/merge_config.sh" -m -O "$out" \
	"$out/.config" $frags) >/dev/null
kmake olddefconfig >/dev/null

# Kconfig drops an option whose dependencies are unmet without a word:
# compare every fragment line with the final .config.
missing=0
for f in $frags; do
	while IFS= read -r line; do
		case $line in
		CONFIG_*=*)
			grep -qxF "$line" "$out/.config" || {
				log "$f: '$line' did not survive: $(grep "^${line%%=*}=\|^# ${line%%=*} is not set" "$out/.config" || echo absent)"
				missing=1
			} ;;
		"# CONFIG_"*" is not set")
			opt=${line#\# }; opt=${opt%% *}
			if grep -q "^$opt=" "$out/.config"; then
				log "$f: '$opt' is still set"
				missing=1
			fi ;;
		esac
	done < "$here/$f"
done
if [ $missing -ne 0 ]; then
	log "configuration check failed for $flavour"
	exit 1
fi

if [ "$flavour" = compat61 ]; then
	log "modules_prepare"
	kmake -j"$jobs" modules_prepare >&2
else
	log "building bzImage and modules with $jobs jobs"
	kmake -j"$jobs" bzImage modules >&2
	kmake INSTALL_MOD_PATH="$out/mods" INSTALL_MOD_STRIP=1 \
		modules_install >/dev/null
fi
touch "$out/.asctp-done"
log "done: $out"
echo "$out"
