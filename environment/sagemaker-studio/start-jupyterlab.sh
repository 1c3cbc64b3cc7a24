#!/usr/bin/env bash
# The image's entry point: the lessons into ~/kit (environment/kit-workspace.sh), then the server.
# With no command (SageMaker Studio): JupyterLab as Studio expects it, on 0.0.0.0:8888 under the base URL
# /jupyterlab/default with no token (Studio authenticates the user before any request reaches the container).
# With a command (JupyterHub starts `jupyterhub-singleuser`): that command.
set -euo pipefail
/opt/kit/environment/kit-workspace.sh
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  exec "$@"
fi
exec jupyter-lab --ServerApp.ip=0.0.0.0 --ServerApp.port=8888 --ServerApp.base_url=/jupyterlab/default \
  --ServerApp.token='' --ServerApp.allow_origin='*' --ServerApp.root_dir=/home/sagemaker-user --no-browser "$@"
