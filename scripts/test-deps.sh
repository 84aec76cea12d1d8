#!/usr/bin/env bash
# Runs before the tests: the browser tests need Chromium and CJK fonts, the print test reads
# the PDF back with pdftotext. On Debian, as root (CI, these machines), missing packages are
# installed; elsewhere this says what to install.
set -euo pipefail
missing=()
{ [ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ]; } || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "安装浏览器测试所需的软件包：${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "浏览器测试需要这些软件包：${missing[*]}。Debian/Ubuntu：sudo apt-get install -y ${missing[*]}（或用 CHROMIUM_PATH 指定已有的 Chromium）。" >&2
  exit 1
fi
