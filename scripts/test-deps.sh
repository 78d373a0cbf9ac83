#!/usr/bin/env bash
# What `npm test` needs beyond node_modules: a real redis-server (the store
# tests never mock it) and Chromium (pages are tested in a real browser).
# Installed from Debian's packages when missing and we may (root with
# apt-get); otherwise we say what to install and stop, rather than let the
# tests fail one by one with the same message.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "test-deps: installing ${missing[*]} from Debian's packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "test-deps: the tests need ${missing[*]} (Debian: sudo apt-get install -y ${missing[*]})" >&2
exit 1
