#!/usr/bin/env bash
# Puts the lessons in the student's home folder when a notebook server starts from one of the Kit's images
# (SageMaker Studio's JupyterLab, the classroom's JupyterHub). Studio and JupyterHub mount a persistent volume over
# the home folder, so the image keeps the built Kit in /opt/kit and this copies the notebooks to ~/kit/notebooks the
# first time (later starts keep the student's edited copies) and links ~/kit/artifacts and ~/kit/data to the image's:
# the setup cell of every notebook loads the Kit from ../artifacts/packages. Idempotent.
set -euo pipefail
kit_root="${KIT_IMAGE_ROOT:-/opt/kit}"
workspace="${KIT_WORKSPACE:-$HOME/kit}"
[ -d "$kit_root/artifacts/packages" ] || { echo "kit-workspace: $kit_root has no built Kit (artifacts/packages)" >&2; exit 1; }
mkdir -p "$workspace"
if [ ! -d "$workspace/notebooks" ]; then
  cp -r "$kit_root/notebooks" "$workspace/notebooks"
  echo "kit-workspace: lessons copied to $workspace/notebooks"
fi
ln -sfn "$kit_root/artifacts" "$workspace/artifacts"
ln -sfn "$kit_root/data" "$workspace/data"
