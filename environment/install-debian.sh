#!/usr/bin/env bash
# Installs what the Kit's optional parts need on Debian 12 / Ubuntu 22.04+ (run as root or with sudo):
#   - Jupyter (nbconvert, nbclient, kernel client) to run notebooks through real Jupyter, and the classic Notebook
#     (python3-notebook) whose page the front-end test drives
#   - Debian's Chromium, for the tests that open saved notebooks in a browser with no network
#   - OpenBLAS, selected as the system BLAS: without it Debian's python3-torch and numpy (the benchmarks' and
#     fixtures' peers) run on the reference BLAS, several times slower, and a benchmark against them misleads
#   - Open MPI (openmpi-bin, libopenmpi-dev): lesson 13 runs its ranks as MPI processes (as root, mpirun also needs
#     OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1, which the Kit sets for the jobs it starts)
#   - shellcheck: a test checks every script in environment/ and .ci/ with it
# With --peers it also installs those peers (about 1.1 GB): PyTorch, scikit-learn, numpy, scipy, NLTK for /usr/bin/python3.
# With --container it installs only what the Kit's images need at run time (libtorch's OpenMP runtime and the ICU
# library .NET needs, on a base image that lacks them): environment/containers/Dockerfile and
# environment/sagemaker-studio/Dockerfile run it, so the images and CI share one install script.
# With --notebook: that, plus the Jupyter client the VS Code dev container's kernel picker uses (.devcontainer/).
# Then environment/install-kit.sh sets up the Kit itself (build, kernelspec, warm NuGet cache, kit doctor).
# The .NET SDK is assumed present. Nothing here is needed to run the notebooks headless (`kit run`). Idempotent.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
packages=(jupyter-nbconvert python3-nbclient jupyter-client jupyter-core python3-ipykernel python3-notebook chromium libopenblas0 openmpi-bin libopenmpi-dev shellcheck)
case "${1:-}" in
  --peers) packages+=(python3-torch python3-sklearn python3-numpy python3-scipy python3-nltk) ;;
  --container) packages=(libgomp1) ;;
  --notebook) packages=(libgomp1 jupyter-client jupyter-core python3-ipykernel jupyter-nbconvert python3-nbclient) ;;
  "") ;;
  *) echo "install-debian: unknown option '$1' (expected --peers, --container or --notebook)" >&2; exit 2 ;;
esac
# .NET needs ICU, versioned by release (libicu72 on Debian 12, libicu74 on Ubuntu 24.04): the newest one offered.
if ! ldconfig -p | grep -q 'libicuuc\.so'; then
  as_root apt-get update -qq
  packages+=("$(apt-cache search --names-only '^libicu[0-9]+$' | cut -d' ' -f1 | sort -V | tail -n 1)")
fi
missing=()
for p in "${packages[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Installing OpenBLAS selects it in auto mode, but a BLAS alternative set by hand stays: select it explicitly.
for alternative in $(update-alternatives --get-selections | awk '/^lib(blas|lapack)\.so\.3-/ {print $1}'); do
  wanted=$(update-alternatives --list "$alternative" | grep /openblas-pthread/ | head -n 1)
  if [ "$(update-alternatives --query "$alternative" | sed -n 's/^Value: //p')" != "$wanted" ]; then
    as_root update-alternatives --set "$alternative" "$wanted"
  fi
done
blas=$(update-alternatives --get-selections | awk '/^libblas\.so\.3-/ {print $3}')
echo "environment: ${packages[*]} present; BLAS: $blas"
