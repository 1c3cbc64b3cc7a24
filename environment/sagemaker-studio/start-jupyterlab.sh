#!/usr/bin/env bash
# The Studio image's entry point: the lessons into ~/kit, then JupyterLab as Studio expects it (0.0.0.0:8888, base
# URL /jupyterlab/default, no token: Studio authenticates the user before any request reaches the container).
set -euo pipefail
/opt/kit/environment/kit-workspace.sh
exec jupyter-lab --ServerApp.ip=0.0.0.0 --ServerApp.port=8888 --ServerApp.base_url=/jupyterlab/default \
  --ServerApp.token='' --ServerApp.allow_origin='*' --ServerApp.root_dir=/home/sagemaker-user --no-browser "$@"
