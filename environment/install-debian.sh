#!/usr/bin/env bash
# Installs what the Kit's optional parts need on Debian 12 / Ubuntu 22.04+ (run as root or with sudo):
#   - Jupyter (nbconvert, nbclient, kernel client) to run notebooks through real Jupyter
#   - Debian's Chromium, for the tests that open saved notebooks in a browser with no network
# The .NET SDK is assumed present. Nothing here is needed to run the notebooks headless (`kit run`).
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
packages=(jupyter-nbconvert python3-nbclient jupyter-client jupyter-core python3-ipykernel chromium)
missing=()
for p in "${packages[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "environment: ${packages[*]} present"
