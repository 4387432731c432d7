#!/usr/bin/env bash
# Makes this machine able to load TorchSharp 0.107's native library.
#
# libLibTorchSharp.so of TorchSharp 0.107 is linked against GLIBCXX_3.4.32 (the libstdc++ of
# GCC 13+). Older systems (Debian 12, Ubuntu 22.04) fail to load it with an error that blames a
# missing libtorch package instead. Where the symbol version is already present this script changes
# nothing. On Debian 12 it installs libstdc++6 from Debian 13 (trixie), which also upgrades libc6
# and a few dozen other base packages to Debian 13's (/etc/os-release then says 13): fine on a
# fresh or CI machine, a surprise on a workstation. So it first prints exactly what would change
# (apt-get's own simulation, against a throw-away copy of apt's lists), then goes ahead only with
# --yes or CI=true, asks when run on a terminal, and otherwise stops.
#
# Usage: scripts/install-prerequisites.sh [--yes] [--dry-run]
#   --yes      go ahead without asking (CI=true does the same)
#   --dry-run  print what would change and stop; change nothing
# Exit status: 0 when the library can load (or, with --dry-run, the plan was printed), 1 when it
# cannot and nothing was changed, 2 for a bad command line.
# For tests of these decisions: GANKIT_LIBSTDCXX (the library to inspect), GANKIT_OS_RELEASE,
# GANKIT_APT_GET (the apt-get to run) and GANKIT_APT_ETC (apt's configuration folder) replace
# what is normally found on the machine.
set -euo pipefail

required=GLIBCXX_3.4.32
assume_yes=false
dry_run=false
for argument in "$@"; do
  case "$argument" in
    --yes|-y) assume_yes=true ;;
    --dry-run) dry_run=true ;;
    *) echo "usage: $0 [--yes] [--dry-run]" >&2; exit 2 ;;
  esac
done
[ "${CI:-}" = "true" ] && assume_yes=true
apt_get=${GANKIT_APT_GET:-apt-get}
apt_etc=${GANKIT_APT_ETC:-/etc/apt}
os_release=${GANKIT_OS_RELEASE:-/etc/os-release}

find_libstdcxx() {
  if [ -n "${GANKIT_LIBSTDCXX:-}" ]; then echo "$GANKIT_LIBSTDCXX"; return 0; fi
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

os_id=$(. "$os_release" 2>/dev/null && echo "${ID:-}")
os_version=$(. "$os_release" 2>/dev/null && echo "${VERSION_ID:-}")

if [ "$os_id" != "debian" ] || [ "$os_version" != "12" ]; then
  cat >&2 <<MSG
install-prerequisites: this machine's libstdc++ ($(find_libstdcxx || echo 'not found')) lacks $required,
which TorchSharp 0.107's native library needs (the libstdc++ of GCC 13 or newer).
Do one of:
  - use a newer distribution (Debian 13+, Ubuntu 24.04+, Fedora 39+);
  - on Debian 12, run this script as root (it installs libstdc++6 from Debian 13);
  - install a GCC 13+ runtime and put its libstdc++.so.6 on LD_LIBRARY_PATH.
MSG
  exit 1
fi

source_file=$apt_etc/sources.list.d/gankit-trixie.sources
pin_file=$apt_etc/preferences.d/gankit-trixie
trixie_source='Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg'
# Keep trixie below bookworm so nothing else is upgraded by accident later.
trixie_pin='Package: *
Pin: release n=trixie
Pin-Priority: 100'

# Simulates the install against a scratch copy of apt's configuration with the trixie source
# added, so nothing under $apt_etc or apt's own lists changes before the answer is yes.
simulate() {
  local scratch
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/gankit-apt.XXXXXX")
  mkdir -p "$scratch/sources.list.d" "$scratch/preferences.d" "$scratch/lists/partial"
  cp -r "$apt_etc/sources.list.d/." "$scratch/sources.list.d/" 2>/dev/null || true
  cp -r "$apt_etc/preferences.d/." "$scratch/preferences.d/" 2>/dev/null || true
  printf '%s\n' "$trixie_source" > "$scratch/sources.list.d/gankit-trixie.sources"
  printf '%s\n' "$trixie_pin" > "$scratch/preferences.d/gankit-trixie"
  local options=(-o "Dir::Etc::SourceParts=$scratch/sources.list.d" -o "Dir::Etc::PreferencesParts=$scratch/preferences.d"
                 -o "Dir::State::Lists=$scratch/lists" -o "Debug::NoLocking=1")
  local status=0
  { "$apt_get" "${options[@]}" update -qq >/dev/null && "$apt_get" "${options[@]}" -s install -t trixie libstdc++6; } || status=$?
  rm -rf "$scratch"
  return $status
}

echo "install-prerequisites: Debian 12's libstdc++ lacks $required; libstdc++6 must come from Debian 13 (trixie)."
echo "It would add $source_file and $pin_file (trixie pinned below bookworm), then run"
echo "  apt-get install -t trixie libstdc++6"
echo "which changes these packages (apt-get's simulation):"
if ! plan=$(simulate 2>&1); then
  echo "$plan" | sed 's/^/  | /' >&2
  echo "install-prerequisites: the simulation failed; nothing was changed." >&2
  exit 1
fi
echo "$plan" | grep -E '^(Inst|Conf|Remv) ' | sed 's/^/  /' || echo "  (apt-get reports no package to change)"

if $dry_run; then
  echo "install-prerequisites: --dry-run: nothing was changed."
  exit 0
fi

if ! $assume_yes; then
  if [ -t 0 ] && [ -t 1 ]; then
    read -r -p "Make these changes? [y/N] " answer
    case "$answer" in
      y|Y|yes|YES) ;;
      *) echo "install-prerequisites: nothing was changed." >&2; exit 1 ;;
    esac
  else
    echo "install-prerequisites: no terminal to ask on, so nothing was changed; run it again with --yes (or CI=true) to make these changes." >&2
    exit 1
  fi
fi

if [ ! -w "$apt_etc" ]; then
  echo "install-prerequisites: $apt_etc cannot be written; run this script as root (sudo bash $0 --yes)." >&2
  exit 1
fi

[ -f "$source_file" ] || printf '%s\n' "$trixie_source" > "$source_file"
[ -f "$pin_file" ] || printf '%s\n' "$trixie_pin" > "$pin_file"
export DEBIAN_FRONTEND=noninteractive
"$apt_get" update -qq
"$apt_get" install -y -qq -t trixie libstdc++6 >/dev/null
if has_required; then
  echo "install-prerequisites: $required is now available."
  exit 0
fi
echo "install-prerequisites: libstdc++6 was installed but $required is still missing." >&2
exit 1
