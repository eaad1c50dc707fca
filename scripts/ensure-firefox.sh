#!/usr/bin/env bash
# Debian's Firefox ESR drives the Firefox end-to-end tests (over WebDriver BiDi); install it when missing.
set -euo pipefail
FIREFOX="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
# firefox-esr-l10n-ar carries the Arabic UI: without it the extension's Arabic UI cannot be shown or tested.
if [ -x "$FIREFOX" ] && { [ -n "${FIREFOX_PATH:-}" ] || compgen -G '/usr/lib/firefox-esr/browser/extensions/langpack-ar@*' >/dev/null; }; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's firefox-esr (needed for the Firefox end-to-end tests)…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr firefox-esr-l10n-ar >/dev/null
elif command -v sudo >/dev/null && command -v apt-get >/dev/null; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr firefox-esr-l10n-ar >/dev/null
else
  echo "Firefox ESR not found at $FIREFOX. Install it (Debian: apt-get install firefox-esr) or set FIREFOX_PATH." >&2
  exit 1
fi
