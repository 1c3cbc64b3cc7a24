#!/usr/bin/env bash
# The alternative to a custom image: a JupyterLab lifecycle configuration that sets the Kit up in Studio's default
# image (SageMaker Distribution) when a space starts. It installs the .NET SDK and the Kit under the home folder,
# which is the space's persistent volume, so only the first start downloads and builds (a few minutes); later starts
# find everything in place and only re-run the idempotent install. It works in the background, because Studio
# gives a lifecycle script a few minutes before it stops waiting, and logs to ~/kit-setup.log.
# Register it with: environment/sagemaker-studio/register.sh --domain-id d-xxxxxxxx --lifecycle GIT-URL
# The Git URL the Kit is cloned from the first time is written in by register.sh --lifecycle.
set -euo pipefail
kit_repository="@KIT_REPOSITORY@"
case "$kit_repository" in @*) echo "lifecycle-config: no repository URL: register this script with register.sh --lifecycle GIT-URL" >&2; exit 1 ;; esac
cd "$HOME"
setup() {
  set -euo pipefail
  export DOTNET_ROOT="$HOME/.dotnet" PATH="$HOME/.dotnet:$PATH" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
  if ! "$HOME/.dotnet/dotnet" --list-sdks 2> /dev/null | grep -q "^10\."; then
    curl -fsSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
    bash /tmp/dotnet-install.sh --channel 10.0 --install-dir "$HOME/.dotnet"
  fi
  [ -d "$HOME/kit/.git" ] || git clone --depth 1 "$kit_repository" "$HOME/kit"
  "$HOME/kit/environment/install-kit.sh"
}
export -f setup
export kit_repository
nohup bash -c setup > "$HOME/kit-setup.log" 2>&1 &
echo "The Kit is being set up in the background; progress in ~/kit-setup.log"
