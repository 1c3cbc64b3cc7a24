#!/usr/bin/env bash
# Registers lifecycle-config.sh as a JupyterLab lifecycle configuration and makes it the domain's default, so
# every JupyterLab space on Studio's default image sets the Kit up when it starts (see lifecycle-config.sh).
#   environment/sagemaker-studio/register-lifecycle.sh --domain-id d-xxxxxxxx --repository https://…/kit.git \
#       [--region eu-west-1] [--dry-run]
# --repository: the Git URL of the Kit (your fork or the course's copy), written into the script Studio runs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
name=kit-setup
domain_id="" repository="" region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}" dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    --domain-id) domain_id="${2:?--domain-id needs a value}"; shift ;;
    --repository) repository="${2:?--repository needs a Git URL}"; shift ;;
    --region) region="${2:?--region needs a value}"; shift ;;
    --dry-run) dry_run=1 ;;
    *) echo "register-lifecycle: unknown option '$1'" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$domain_id" ] || { echo "register-lifecycle: --domain-id is required" >&2; exit 2; }
[ -n "$repository" ] || { echo "register-lifecycle: --repository is required (the Git URL to clone the Kit from)" >&2; exit 2; }
[ -n "$region" ] || { echo "register-lifecycle: --region is required (or set AWS_REGION)" >&2; exit 2; }
aws_call() { if [ "$dry_run" = 1 ]; then echo "aws $*"; else aws --region "$region" "$@"; fi; }

content=$(sed "s|@KIT_REPOSITORY@|$repository|" "$here/lifecycle-config.sh" | base64 -w 0)
create=(sagemaker create-studio-lifecycle-config --studio-lifecycle-config-name "$name"
  --studio-lifecycle-config-app-type JupyterLab --studio-lifecycle-config-content "$content")
if [ "$dry_run" = 1 ]; then
  aws_call "${create[@]}"
  arn="arn:aws:sagemaker:$region:123456789012:studio-lifecycle-config/$name"
else
  arn=$(aws --region "$region" "${create[@]}" --query StudioLifecycleConfigArn --output text)
fi
aws_call sagemaker update-domain --domain-id "$domain_id" --default-user-settings \
  "{\"JupyterLabAppSettings\":{\"LifecycleConfigArns\":[\"$arn\"],\"DefaultResourceSpec\":{\"LifecycleConfigArn\":\"$arn\"}}}"
