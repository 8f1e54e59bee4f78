#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages in apt-packages.txt that are missing.
# Quick when nothing is missing: it asks dpkg, not the network.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t wanted < <(grep -v '^\s*#' "$here/apt-packages.txt" | grep -v '^\s*$')
missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "GateKeeper set-up: these system packages are missing and there is no apt-get here:" >&2
    echo "  ${missing[*]}" >&2
    echo "Install their equivalents with your system's package manager, then run make again." >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "GateKeeper set-up: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
    fi
fi
echo "GateKeeper set-up: installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
