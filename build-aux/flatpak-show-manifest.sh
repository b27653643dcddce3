#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Parses a Flatpak manifest with flatpak-builder, any warning (unknown key, wrong type) fatal.
# flatpak-builder leaves a .flatpak-builder folder in its working directory, so run it in a temporary one.
# Usage: flatpak-show-manifest.sh FLATPAK_BUILDER MANIFEST
set -euo pipefail

flatpak_builder=${1:?usage: flatpak-show-manifest.sh FLATPAK_BUILDER MANIFEST}
manifest=$(realpath "${2:?usage: flatpak-show-manifest.sh FLATPAK_BUILDER MANIFEST}")
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

cd "$workdir"
G_DEBUG=fatal-warnings "$flatpak_builder" --show-manifest "$manifest" > /dev/null
echo "$(basename "$manifest"): parsed"
