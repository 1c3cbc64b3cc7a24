#!/usr/bin/env bash
# The prepared device check (issue 17): ILGPU's matmul and conv2d kernels on CUDA when a GPU and driver are there,
# on ILGPU's CPU accelerator otherwise; results compared with the CPU; FLOP/s and the fraction of peak in a JSON.
#
#   environment/gpu-check.sh build        here, once: a self-contained Kit.GpuCheck in artifacts/gpu-check (~38 MB,
#                                         no .NET needed where it runs)
#   environment/gpu-check.sh [OUT_DIR]    run: writes OUT_DIR/gpu-check.json (default: $OUT, else artifacts/)
#
# On the device machine (no .NET there), from the repo root, carrying the build:
#   run(command="environment/gpu-check.sh", carry=["artifacts/gpu-check"], timeout_s=300)
# Where the build is missing and dotnet is installed, the same program runs through `dotnet run`.
# If python3 with torch is there, its CPU matmul at the same size is added as the peer (libtorch, TorchSharp's engine).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundle="$root/artifacts/gpu-check/Kit.GpuCheck"

if [[ "${1:-}" == "build" ]]; then
  dotnet publish "$root/src/Kit.GpuCheck" -c Release -r linux-x64 --self-contained \
    -p:PublishSingleFile=true -p:EnableCompressionInSingleFile=true -o "$root/artifacts/gpu-check"
  du -h "$bundle"
  exit 0
fi

out_dir="${1:-${OUT:-$root/artifacts}}"
mkdir -p "$out_dir"
report="$out_dir/gpu-check.json"
device="${KIT_ACCELERATOR:-auto}"

if command -v nvidia-smi >/dev/null 2>&1; then nvidia-smi -L || echo "nvidia-smi is there but lists no GPU"; else echo "no nvidia-smi: no NVIDIA driver here"; fi

status=0
if [[ -x "$bundle" ]]; then
  "$bundle" --out "$report" --device "$device" || status=$?
elif command -v dotnet >/dev/null 2>&1; then
  dotnet run -c Release --project "$root/src/Kit.GpuCheck" -- --out "$report" --device "$device" || status=$?
else
  echo "gpu-check: neither $bundle nor dotnet is here; run 'environment/gpu-check.sh build' where .NET is installed and carry artifacts/gpu-check" >&2
  exit 2
fi
[[ -f "$report" ]] || { echo "gpu-check: the program wrote no report" >&2; exit 1; }

if python3 -c "import torch" >/dev/null 2>&1; then
  python3 "$root/environment/gpu_check_peer.py" "$report" || echo "gpu-check: the torch peer failed; the report has no ratio" >&2
else
  echo "no python3 torch here: the report has no ratio to a torch CPU matmul (kit gpu-check adds TorchSharp's)"
fi
cat "$report"
exit $status
