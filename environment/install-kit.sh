#!/usr/bin/env bash
# Makes this checkout ready to study with, the same way everywhere: a laptop, the VS Code dev container, the
# SageMaker Studio and JupyterHub images, and CI (.ci/run runs it after the README's first-contact commands).
#   1. checks the .NET SDK (the major version global.json asks for, or newer)
#   2. builds the Kit: the build's pack step writes the package feed artifacts/packages/ and kit-package.txt,
#      which every notebook's setup cell loads
#   3. `kit jupyter install`: the pinned dotnet-interactive tool and the '.net-csharp' kernelspec, whose kernel
#      starts with --http-local-only (skipped with --no-jupyter)
#   4. warms the NuGet cache: restores the notebook package from the feed with everything it depends on, so the
#      first kernel loads the Kit without a download and with no network at all afterwards
#   5. `kit doctor`, which must pass
# Idempotent: a second run rebuilds nothing that is up to date, keeps the installed tool and rewrites the same
# kernelspec. Options: --no-jupyter; --kernels-dir DIR and --tool-path DIR (passed to `kit jupyter install`: images
# put both outside the home folder, which Studio and JupyterHub mount a volume over); --configuration Debug|Release.
# System packages (Jupyter, Chromium, OpenBLAS, Open MPI, shellcheck) are environment/install-debian.sh's job.
set -euo pipefail
cd "$(dirname "$0")/.."

jupyter=1
kernels_dir=""
tool_path=""
configuration=Debug
while [ $# -gt 0 ]; do
  case "$1" in
    --no-jupyter) jupyter=0 ;;
    --kernels-dir) kernels_dir="${2:?--kernels-dir needs a folder}"; shift ;;
    --tool-path) tool_path="${2:?--tool-path needs a folder}"; shift ;;
    --configuration) configuration="${2:?--configuration needs Debug or Release}"; shift ;;
    *) echo "install-kit: unknown option '$1' (expected --no-jupyter, --kernels-dir DIR, --tool-path DIR, --configuration C)" >&2; exit 2 ;;
  esac
  shift
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

step() { echo "install-kit: $*"; }

# 1. The SDK.
wanted_major=$(sed -n 's/.*"version": *"\([0-9]*\)\..*/\1/p' global.json | head -n 1)
if ! command -v dotnet > /dev/null; then
  echo "install-kit: dotnet is not on PATH: install the .NET ${wanted_major} SDK (https://dot.net), then run this again" >&2
  exit 1
fi
sdk=$(dotnet --version)
if [ "${sdk%%.*}" -lt "$wanted_major" ]; then
  echo "install-kit: .NET SDK $sdk found, the Kit needs ${wanted_major}.0 or newer (global.json)" >&2
  exit 1
fi
step ".NET SDK $sdk"

# 2. The Kit and its package feed.
step "building the Kit (writes the package feed artifacts/packages/)"
dotnet build src/Kit.Cli -c "$configuration" -nologo -v quiet
kit() { dotnet run --project src/Kit.Cli -c "$configuration" --no-build -- "$@"; }
package_file=artifacts/packages/kit-package.txt
[ -s "$package_file" ] || { echo "install-kit: the build did not write $package_file" >&2; exit 1; }

# 3. The kernel for Jupyter and VS Code.
if [ "$jupyter" = 1 ]; then
  step "kernelspec and pinned notebook tool"
  install_args=()
  [ -z "$kernels_dir" ] || install_args+=(--kernels-dir "$kernels_dir")
  [ -z "$tool_path" ] || install_args+=(--tool-path "$tool_path")
  kit jupyter install "${install_args[@]}"
fi

# 4. A warm NuGet cache: the same restore a kernel's `#r "nuget: Kit.Interactive, <version>"` does.
IFS=', ' read -r package_id package_version < "$package_file"
warm=$(mktemp -d -t kit-warm.XXXXXX)
trap 'rm -rf "$warm"' EXIT
cat > "$warm/warm.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net${wanted_major}.0</TargetFramework>
    <RestoreAdditionalProjectSources>$PWD/artifacts/packages</RestoreAdditionalProjectSources>
    <NuGetAudit>false</NuGetAudit>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="$package_id" Version="$package_version" />
  </ItemGroup>
</Project>
EOF
step "warming the NuGet cache with $package_id $package_version and its dependencies"
# Outside the checkout: the repository's Directory.Build.* and central versions must not apply to this project.
dotnet restore "$warm/warm.csproj" -nologo -v quiet

# 5. The check every environment ends with.
step "kit doctor"
kit doctor
