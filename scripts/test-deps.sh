#!/usr/bin/env bash
# Runs before the tests: the browser tests need Chromium (its headless shell where it can be
# had) and CJK fonts, the print test reads the PDF back with pdftotext, the nginx test
# (tests/gates/nginx.test.ts) runs the sample configuration in a real nginx. On Debian, as
# root (CI, these machines), missing packages are installed; elsewhere this says what to install.
set -euo pipefail
missing=()
{ [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ]; } || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
{ [ -n "${NGINX_PATH:-}" ] || [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null; } || missing+=(nginx)
# Chromium's headless shell runs the browser tests in about half the time (tests/helpers/browser.ts);
# where it cannot be installed, Chromium itself serves.
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium-headless-shell ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "安装 chromium-headless-shell（浏览器测试用它约快一倍）"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null; } ||
    echo "没有装上 chromium-headless-shell：浏览器测试改用 Chromium，结果相同，只是慢一些。" >&2
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "安装测试所需的软件包：${missing[*]}"
  # Installed packages start no service (Debian's nginx would take port 80): the tests start
  # their own nginx on a free port. Docker images already have this policy file.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "测试需要这些软件包：${missing[*]}。Debian/Ubuntu：sudo apt-get install -y ${missing[*]}（或用 CHROMIUM_PATH、NGINX_PATH 指定已有的 Chromium、nginx）。" >&2
  exit 1
fi
