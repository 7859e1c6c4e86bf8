#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine to run the workbench from source:
# the system libraries Qt needs, then a virtual environment (.venv) with the pinned packages.
#   bash build/setup.sh          # to run the program
#   bash build/setup.sh --test   # also what the tests need (poppler-utils, pytest, …)
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=false
[ "${1:-}" = "--test" ] && with_tests=true

packages="python3-venv libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
  libglib2.0-0t64|libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
  libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1"
# For the tests, which also build and smoke-test the installers: PyInstaller needs Python's shared
# library (Debian's system Python ships it separately), binutils, and makensis for the Windows script.
if $with_tests; then
  packages="$packages poppler-utils fonts-dejavu-core xvfb nsis binutils cups printer-driver-cups-pdf"
  command -v python3 >/dev/null && packages="$packages libpython$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

missing=""
for choice in $packages; do  # "a|b": names differ between releases; either will do
  found=false
  for package in ${choice//|/ }; do installed "$package" && found=true; done
  $found || missing="$missing $choice"
done
if [ -n "$missing" ] && command -v apt-get >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  installable=""
  for choice in $missing; do
    for package in ${choice//|/ }; do
      if apt-cache show "$package" >/dev/null 2>&1; then installable="$installable $package"; break; fi
    done
  done
  # shellcheck disable=SC2086
  [ -n "$installable" ] && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $installable >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# constraints.txt pins what the direct dependencies pull in too, so every PC gets the tested set.
if $with_tests; then
  .venv/bin/python -m pip install -q -c build/constraints.txt -e ".[test]"
else
  .venv/bin/python -m pip install -q -c build/constraints.txt -e .
fi
echo "环境已就绪：$(.venv/bin/python --version)"
