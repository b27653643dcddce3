#!/bin/bash
# Installs the Debian 12 packages Tayori needs that are missing. "run" = build and launch,
# "test" = also everything the test suite uses (Xvfb, AT-SPI, dogtail, validators). Then
# fetches the pinned axe-core (and, for tests, Prism) from npm.
set -euo pipefail
what=${1:-run}

build_pkgs=(
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libwebkitgtk-6.0-dev libgtksourceview-5-dev
  libsqlite3-dev libjson-glib-dev libyaml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  libcurl4-openssl-dev libmecab-dev mecab-ipadic-utf8 kanjidic libsecret-1-dev libqrencode-dev
  libsoup-3.0-dev
  fonts-noto-cjk
)
test_pkgs=(
  xvfb xauth dbus dbus-x11 at-spi2-core python3-dogtail python3-gi gir1.2-gtk-3.0
  desktop-file-utils appstream flatpak-builder sqlite3 imagemagick x11-apps
  gnome-keyring
  wordpress mariadb-server php-cli php-mysql php-curl php-xml php-mbstring php-gd zbar-tools qrencode
  librsvg2-bin poppler-utils
)

pkgs=("${build_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}"
fi

# axe-core, pinned in package-lock.json, is bundled into the preview at build time.
"$(dirname "$0")/fetch-axe.sh"
# The Prism mock server (pinned in tests/tools/package-lock.json) for the AI provider tests.
[ "$what" = test ] && "$(dirname "$0")/fetch-test-tools.sh"
exit 0
