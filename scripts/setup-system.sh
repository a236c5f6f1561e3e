#!/usr/bin/env bash
# Installs the system packages pyseal's build and tests need on a Debian 12 machine
# (run as root): compilers, musl, static -dev libraries, and the deb-src entries that
# let `apt-get source` fetch CPython tarballs for debian:python3.N (3.11 from Debian 12,
# 3.13 from Debian 13). On other apt systems (GitHub's Ubuntu runners) it installs the
# same build packages and leaves the apt sources alone.
set -euo pipefail
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
debian=no; grep -qx 'ID=debian' /etc/os-release 2>/dev/null && debian=yes
src=/etc/apt/sources.list.d/pyseal-src.sources
if [ "$debian" = yes ] && [ ! -f "$src" ]; then
  $SUDO tee "$src" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi
# The trixie entries are for CPython 3.13's sources only: pin trixie low so nothing
# binary ever comes from it (a Default-Release pin would also rank bookworm above
# bookworm-security, and arm64 libraries then miss their amd64 twins' versions).
if [ "$debian" = yes ]; then
  $SUDO rm -f /etc/apt/apt.conf.d/99pyseal-default-release
  printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' | $SUDO tee /etc/apt/preferences.d/99pyseal-trixie >/dev/null
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  build-essential pkg-config dpkg-dev binutils patchelf file xz-utils zstd unzip zip jq tcl \
  musl-tools musl-dev linux-libc-dev \
  libssl-dev zlib1g-dev libffi-dev libsqlite3-dev liblzma-dev libbz2-dev uuid-dev libzstd-dev \
  libncurses-dev libreadline-dev libbluetooth-dev libexpat1-dev ca-certificates >/dev/null
# debootstrap makes the older distributions the tests run binaries on (Debian 11's root file system).
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
if [ "$debian" = yes ]; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3.11-dev >/dev/null
fi
# aarch64-unknown-linux-gnu from this x86_64 machine: the cross compiler, qemu-user to
# run what it makes, and the arm64 static libraries CPython links (multiarch).
if [ "$(dpkg --print-architecture)" = amd64 ]; then
  $SUDO dpkg --add-architecture arm64
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    gcc-aarch64-linux-gnu g++-aarch64-linux-gnu binutils-aarch64-linux-gnu qemu-user \
    libc6-dev:arm64 libssl-dev:arm64 zlib1g-dev:arm64 libffi-dev:arm64 libsqlite3-dev:arm64 \
    liblzma-dev:arm64 libbz2-dev:arm64 uuid-dev:arm64 libzstd-dev:arm64 libncurses-dev:arm64 libexpat1-dev:arm64 >/dev/null
fi
# actionlint checks the workflow files in the tests (built from source with Go).
if ! command -v actionlint >/dev/null && command -v go >/dev/null; then
  GOBIN=/usr/local/bin go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 2>/dev/null ||
    $SUDO env GOBIN=/usr/local/bin PATH="$PATH" HOME="$HOME" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
fi
# CPython releases Debian does not serve (3.14, the default, and 3.12) are fetched as
# release tags from the Go module proxy that `go env GOPROXY` names: Go from Debian
# when the machine has none (GitHub's runners have one).
if ! command -v go >/dev/null; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends golang-go >/dev/null
fi
# zizmor checks the workflow files for template injection and excessive permissions in the tests.
bash "$(dirname "$0")/install-zizmor.sh"
