#!/usr/bin/env bash
# Installs Debian's Chromium for the report's real-browser test (test/browser/), when it is missing.
# playwright-core drives this system browser: nothing is downloaded by Playwright itself.
# Set CHROMIUM_PATH to use a browser installed elsewhere.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "== chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ensure-chromium: /usr/bin/chromium is missing and this user cannot install it (no root, no sudo)" >&2
    exit 1
  fi
fi
echo "== installing chromium (apt-get)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
echo "== chromium: $(/usr/bin/chromium --version 2>/dev/null || echo installed)"
