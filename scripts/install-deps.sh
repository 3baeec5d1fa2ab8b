#!/usr/bin/env bash
# Installs every Debian 12 package Loupe needs to build, test and run; installs only what is
# missing, never asks. Safe to run again.
set -euo pipefail

packages=(
  build-essential cmake ccache pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6test6 libgl-dev
  libtorch-dev libgloo-dev libopencv-dev
  libqcustomplot-dev libqcustomplot2.1-qt6
  nlohmann-json3-dev zlib1g-dev
  dataset-fashion-mnist
  xvfb xauth imagemagick
  desktop-file-utils appstream file
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

# As root (a container, CI) apt-get runs directly; otherwise through sudo, keeping the
# non-interactive frontend.
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    echo "install-deps: missing ${missing[*]}; run this script as root or install sudo" >&2
    exit 2
  fi
  sudo=(sudo -E)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
