#!/usr/bin/env bash
# Makes this machine able to load TorchSharp 0.107's native library.
#
# libLibTorchSharp.so of TorchSharp 0.107 is linked against GLIBCXX_3.4.32 (the libstdc++ of
# GCC 13+). Older systems (Debian 12, Ubuntu 22.04) fail to load it with an error that blames a
# missing libtorch package instead. This script is idempotent: it changes nothing where the
# symbol version is already present, upgrades libstdc++6 from Debian 13 on Debian 12 when run as
# root, and otherwise prints what to do by hand.
set -euo pipefail

required=GLIBCXX_3.4.32

find_libstdcxx() {
  local candidate
  for candidate in /lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib/x86_64-linux-gnu/libstdc++.so.6 \
                   /lib/aarch64-linux-gnu/libstdc++.so.6 /usr/lib/aarch64-linux-gnu/libstdc++.so.6 \
                   /usr/lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6; do
    [ -e "$candidate" ] && { echo "$candidate"; return 0; }
  done
  ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 /{print $NF; exit}'
}

has_required() {
  local lib
  lib=$(find_libstdcxx)
  [ -n "$lib" ] && grep -qa "$required" "$lib"
}

if [ "$(uname -s)" != "Linux" ]; then
  echo "install-prerequisites: nothing to do on $(uname -s)."
  exit 0
fi

if has_required; then
  echo "install-prerequisites: $(find_libstdcxx) already provides $required; nothing to do."
  exit 0
fi

os_id=$(. /etc/os-release 2>/dev/null && echo "${ID:-}")
os_version=$(. /etc/os-release 2>/dev/null && echo "${VERSION_ID:-}")

if [ "$os_id" = "debian" ] && [ "$os_version" = "12" ] && [ "$(id -u)" = "0" ]; then
  echo "install-prerequisites: Debian 12's libstdc++ lacks $required; installing libstdc++6 from Debian 13 (trixie)."
  source_file=/etc/apt/sources.list.d/gankit-trixie.sources
  if [ ! -f "$source_file" ]; then
    cat > "$source_file" <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  # Keep trixie below bookworm so nothing else is upgraded by accident later.
  pin_file=/etc/apt/preferences.d/gankit-trixie
  if [ ! -f "$pin_file" ]; then
    printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > "$pin_file"
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq -t trixie libstdc++6 >/dev/null
  if has_required; then
    echo "install-prerequisites: $required is now available."
    exit 0
  fi
  echo "install-prerequisites: libstdc++6 was installed but $required is still missing." >&2
  exit 1
fi

cat >&2 <<MSG
install-prerequisites: this machine's libstdc++ ($(find_libstdcxx || echo 'not found')) lacks $required,
which TorchSharp 0.107's native library needs (the libstdc++ of GCC 13 or newer).
Do one of:
  - use a newer distribution (Debian 13+, Ubuntu 24.04+, Fedora 39+);
  - on Debian 12, run this script as root (it installs libstdc++6 from Debian 13);
  - install a GCC 13+ runtime and put its libstdc++.so.6 on LD_LIBRARY_PATH.
MSG
exit 1
